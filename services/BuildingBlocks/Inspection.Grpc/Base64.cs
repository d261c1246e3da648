namespace Inspection.Grpc;

/// <summary>Binary metadata on the wire: base64, which peers may send without padding.</summary>
internal static class Base64
{
    public static byte[]? TryDecode(string value)
    {
        var padded = value.Length % 4 == 0 ? value : value.PadRight(value.Length + (4 - value.Length % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Padded, which every implementation accepts.</summary>
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes);
}
