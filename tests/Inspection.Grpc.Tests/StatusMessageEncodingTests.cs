namespace Inspection.Grpc.Tests;

public sealed class StatusMessageEncodingTests
{
    [Theory]
    [InlineData("plain ASCII stays as it is")]
    [InlineData("100% done")]
    [InlineData("Évaluation «échouée» ✓ 完了 🙂\r\n\t")]
    [InlineData("")]
    public void Encoding_is_printable_ascii_and_round_trips(string message)
    {
        var wire = StatusMessageEncoding.Encode(message);
        Assert.All(wire, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(message, StatusMessageEncoding.Decode(wire));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz and %4", "%zz and %4")]
    [InlineData("caf%C3%A9 🙂 %41", "café 🙂 A")]
    public void Decoding_keeps_malformed_escapes_and_unescaped_characters(string wire, string expected) =>
        Assert.Equal(expected, StatusMessageEncoding.Decode(wire));

    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("100u", 1_000L)]
    [InlineData("1000n", 10L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void Grpc_timeout_units_parse(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    public void Malformed_grpc_timeouts_are_refused(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(0.5)]
    [InlineData(250)]
    [InlineData(90_000)]
    [InlineData(3_600_000_000.0)]
    public void Formatted_timeouts_fit_eight_digits_and_never_shrink(double milliseconds)
    {
        var remaining = TimeSpan.FromMilliseconds(milliseconds);
        var header = GrpcTimeout.Format(remaining);
        Assert.InRange(header.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= remaining, $"{header} is shorter than {remaining}");
    }
}
