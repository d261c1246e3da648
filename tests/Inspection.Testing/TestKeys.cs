using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Inspection.Security;

namespace Inspection.Testing;

/// <summary>
/// Token keys for a test run: a fresh ECDSA P-256 pair for every app of deploy/services.json, written once per test
/// process to a temporary directory that hosts get as Auth:KeysDirectory, and tokens signed with them.
/// </summary>
public static class TestKeys
{
    private static readonly Lazy<string> KeysDirectory = new(Generate);
    private static readonly Lazy<TokenIssuer> AdminIssuer = new(() => new TokenIssuer(new KeyRing(Directory, TokenClaims.IdentityIssuer), TokenClaims.IdentityIssuer));

    /// <summary>The directory to give hosts as Auth:KeysDirectory.</summary>
    public static string Directory => KeysDirectory.Value;

    /// <summary>Tests act as a member of staff signed in to the admin: an Administrator may call every RPC.</summary>
    public const string TestUser = "tests@inspection.local";

    /// <summary>"Bearer ..." for a member of staff with this role, as the admin would send it.</summary>
    public static string BearerFor(StaffRole role = StaffRole.Administrator, string email = TestUser) =>
        "Bearer " + AdminIssuer.Value.ForUser(email, "Test run", role);

    /// <summary>"Bearer ..." for an integrator with these scopes, as the admin's token endpoint would issue it.</summary>
    public static string BearerForIntegrator(string clientId, params string[] scopes) =>
        "Bearer " + AdminIssuer.Value.ForIntegrator(clientId, scopes, TimeSpan.FromMinutes(5));

    /// <summary>"Bearer ..." for an addressee's own system: an integrator registered for one provider (issue 23).</summary>
    public static string BearerForAddressee(string clientId, string providerId, params string[] scopes) =>
        "Bearer " + AdminIssuer.Value.ForIntegrator(clientId, scopes, TimeSpan.FromMinutes(5), providerId);

    /// <summary>"Bearer ..." for a service's own token (signed with that service's key).</summary>
    public static string BearerForService(string appId) =>
        "Bearer " + new TokenIssuer(new KeyRing(Directory, appId), appId).ForService();

    /// <summary>Call credentials sending a staff token (renewed before it expires) on every call.</summary>
    public static CallCredentials Credentials(StaffRole role = StaffRole.Administrator)
    {
        var token = new StaffToken(role);
        return CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", token.Header());
            return Task.CompletedTask;
        });
    }

    /// <summary>A channel to a test host whose calls carry a staff token with this role (h2c on loopback).</summary>
    public static GrpcChannel Channel(string address, StaffRole role = StaffRole.Administrator, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, Credentials(role));
        options.UnsafeUseInsecureChannelCallCredentials = true;
        return GrpcChannel.ForAddress(address, options);
    }

    private static string Generate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "inspection-test-keys-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        };
        using var services = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "services.json")));
        foreach (var app in services.RootElement.GetProperty("apps").EnumerateArray())
        {
            var appId = app.GetProperty("appId").GetString()!;
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(Path.Combine(directory, $"{appId}.test.key.pem"), key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(directory, $"{appId}.test.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
        }
        // The key protecting the admin's data-protection key ring at rest (deploy/keys/generate.sh makes the real one).
        File.WriteAllText(Path.Combine(directory, "data-protection.test.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return directory;
    }

    private sealed class StaffToken(StaffRole role)
    {
        private (string Header, DateTime RenewAfter)? _current;

        public string Header()
        {
            var current = _current;
            if (current is null || DateTime.UtcNow >= current.Value.RenewAfter)
                _current = current = (BearerFor(role), DateTime.UtcNow + TokenIssuer.UserTokenLifetime - TimeSpan.FromMinutes(1));
            return current.Value.Header;
        }
    }
}
