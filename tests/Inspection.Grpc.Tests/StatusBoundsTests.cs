using Inspection.Domain;
using Inspection.Grpc.Tests.Server;

namespace Inspection.Grpc.Tests;

/// <summary>A status quoting a huge input is cut down so that every client can still read its headers.</summary>
public sealed class StatusBoundsTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public void A_long_message_is_cut_with_an_ellipsis_and_a_short_one_is_untouched()
    {
        var (cut, _) = StatusBounds.Apply(new Status(StatusCode.InvalidArgument, "'" + new string('x', 64 * 1024) + "' is not a date"), []);
        Assert.Equal(StatusBounds.MaxMessageLength, cut.Detail.Length);
        Assert.EndsWith("…", cut.Detail);
        Assert.Equal(StatusCode.InvalidArgument, cut.StatusCode);

        var (same, _) = StatusBounds.Apply(new Status(StatusCode.NotFound, "Provider 'p' was not found"), []);
        Assert.Equal("Provider 'p' was not found", same.Detail);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var (cut, _) = StatusBounds.Apply(new Status(StatusCode.InvalidArgument, string.Concat(Enumerable.Repeat("💥", 2000))), []);
        Assert.False(char.IsHighSurrogate(cut.Detail[^2]));
        Assert.True(cut.Detail.Length <= StatusBounds.MaxMessageLength);
    }

    [Fact]
    public void Thousands_of_violations_become_twenty_the_last_counting_the_rest()
    {
        var violations = Enumerable.Range(0, 10_000).Select(i => new FieldViolation($"cases[{i}].reference", new string('d', 1000))).ToList();
        var (_, bounded) = StatusBounds.Apply(new Status(StatusCode.InvalidArgument, "bad cases"), violations);

        Assert.Equal(StatusBounds.MaxViolations, bounded.Count);
        Assert.Equal("cases[0].reference", bounded[0].Field);
        Assert.All(bounded, v => Assert.True(v.Description.Length <= StatusBounds.MaxDescriptionLength));
        Assert.Equal("and 9981 more field violations, not listed", bounded[^1].Description);
    }

    [Fact]
    public async Task Over_the_wire_a_status_quoting_64_KiB_reaches_the_client_cut_down()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(
            new Inspection.Testing.V1.FailRequest { Code = (int)StatusCode.InvalidArgument, Message = new string('q', 64 * 1024) }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(StatusBounds.MaxMessageLength, e.Status.Detail.Length);
    }
}
