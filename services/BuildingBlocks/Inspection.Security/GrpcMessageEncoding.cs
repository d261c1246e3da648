using System.Text;

namespace Inspection.Security;

/// <summary>
/// The gRPC spec's encoding of <c>grpc-message</c> (PROTOCOL-HTTP2.md, "Status-Message"): the message as UTF-8, every
/// byte outside printable ASCII (0x20 to 0x7E) and '%' itself written as %XX, everything else as it is. Only that
/// much: grpc-js decodes with JavaScript's decodeURI, which leaves %3A and %2F as they are, so a URI encoding
/// (Uri.EscapeDataString) reached its users as "integrator%3Aint-... may not call ...%2FListPopulation".
/// </summary>
public static class GrpcMessageEncoding
{
    public static string Encode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        if (bytes.All(Plain)) return message;
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (Plain(b)) encoded.Append((char)b);
            else encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    private static bool Plain(byte b) => b is >= 0x20 and <= 0x7E and not (byte)'%';
}
