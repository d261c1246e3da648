using Grpc.Core;
using Inspection.Security;

namespace Inspection.Security.Tests;

/// <summary>Signed tokens: who may vouch for whom, lifetime, unknown keys, and key rotation.</summary>
public sealed class TokenTests : IDisposable
{
    private readonly KeyDirectory _keys = new KeyDirectory().With("admin", "2026-01").With("case-sampling", "2026-01");

    private TokenIssuer Issuer(string issuer, TimeProvider? clock = null) => new(new KeyRing(_keys.Path, issuer), issuer, clock);
    private TokenValidator Validator() => new(new KeyRing(_keys.Path, null) { RefreshInterval = TimeSpan.Zero });

    [Fact]
    public async Task A_staff_token_from_the_admin_names_the_person_and_their_role()
    {
        var caller = await Validator().ValidateAsync(Issuer("admin").ForUser("lead@inspection.local", "Lee Lead", StaffRole.LeadInspector));

        Assert.Equal(new[] { "User", "lead@inspection.local", "admin", "LeadInspector", "Lee Lead" },
            new[] { caller.Kind.ToString(), caller.Subject, caller.Issuer, caller.Role.ToString(), caller.Name });
        Assert.Equal("user:lead@inspection.local", caller.AuditName);
    }

    [Fact]
    public async Task A_service_token_names_the_service_and_an_integrator_token_its_scopes()
    {
        var service = await Validator().ValidateAsync(Issuer("case-sampling").ForService());
        var integrator = await Validator().ValidateAsync(Issuer("admin").ForIntegrator("ratings-dashboard", ["ratings.read", "samples.read"], TimeSpan.FromMinutes(10)));

        Assert.Equal((CallerKind.Service, "case-sampling"), (service.Kind, service.Subject));
        Assert.Equal((CallerKind.Integrator, "ratings-dashboard"), (integrator.Kind, integrator.Subject));
        Assert.Equal(["ratings.read", "samples.read"], integrator.Scopes.Order());
    }

    [Fact]
    public void A_service_cannot_mint_a_token_for_a_member_of_staff()
    {
        Assert.Throws<InvalidOperationException>(() => Issuer("case-sampling").ForUser("someone@inspection.local", null, StaffRole.Administrator));
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var minted = Issuer("admin", new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-10))).ForUser("a@inspection.local", null, StaffRole.Viewer);

        var e = await Assert.ThrowsAsync<RpcException>(() => Validator().ValidateAsync(minted).AsTask());
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("expired", e.Status.Detail);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_nobody_trusts_is_unauthenticated()
    {
        using var rogue = new KeyDirectory().With("admin", "2026-02");
        var forged = new TokenIssuer(new KeyRing(rogue.Path, "admin"), "admin").ForUser("mallory@example.com", null, StaffRole.Administrator);

        var e = await Assert.ThrowsAsync<RpcException>(() => Validator().ValidateAsync(forged).AsTask());
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task A_tampered_token_is_unauthenticated()
    {
        var token = Issuer("admin").ForUser("viewer@inspection.local", null, StaffRole.Viewer);
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"Viewer\"", "\"Administrator\"");
        var tampered = parts[0] + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload) + "." + parts[2];

        var e = await Assert.ThrowsAsync<RpcException>(() => Validator().ValidateAsync(tampered).AsTask());
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task A_service_key_cannot_vouch_for_another_service()
    {
        // case-sampling's own key, but the token claims to come from assessment-scoring.
        var forged = new TokenIssuer(new KeyRing(_keys.Path, "case-sampling"), "assessment-scoring").ForService();

        var e = await Assert.ThrowsAsync<RpcException>(() => Validator().ValidateAsync(forged).AsTask());
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("issuer", e.Status.Detail);
    }

    [Fact]
    public async Task Rotation_signs_with_the_newest_key_and_accepts_the_old_one_until_it_is_removed()
    {
        var validator = Validator();
        var old = Issuer("admin").ForUser("a@inspection.local", null, StaffRole.Viewer);
        _keys.With("admin", "2026-02");
        var current = Issuer("admin").ForUser("b@inspection.local", null, StaffRole.Viewer);

        Assert.Equal("admin.2026-02", new KeyRing(_keys.Path, "admin").SigningCredentials!.Key.KeyId);
        Assert.Equal("a@inspection.local", (await validator.ValidateAsync(old)).Subject);
        Assert.Equal("b@inspection.local", (await validator.ValidateAsync(current)).Subject);

        _keys.Remove("admin", "2026-01", "pub");
        var fresh = Validator();
        var e = await Assert.ThrowsAsync<RpcException>(() => fresh.ValidateAsync(old).AsTask());
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("b@inspection.local", (await fresh.ValidateAsync(current)).Subject);
    }

    [Fact]
    public async Task Garbage_is_unauthenticated_not_a_crash()
    {
        foreach (var token in new[] { "", "not-a-token", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." })
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => Validator().ValidateAsync(token).AsTask());
            Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        }
    }

    public void Dispose() => _keys.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
