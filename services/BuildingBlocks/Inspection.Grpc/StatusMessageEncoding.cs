using System.Text;

namespace Inspection.Grpc;

/// <summary>grpc-message is percent-encoded UTF-8: printable ASCII except '%' passes through, everything else is %XX.</summary>
public static class StatusMessageEncoding
{
    public static string Encode(string message)
    {
        var needs = false;
        foreach (var c in message)
            if (c < 0x20 || c > 0x7E || c == '%') { needs = true; break; }
        if (!needs) return message;

        var sb = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b >= 0x20 && b <= 0x7E && b != (byte)'%') sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>Decodes leniently: a malformed escape is kept as it is, as the protocol asks.</summary>
    public static string Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains('%')) return value ?? "";
        var bytes = new List<byte>(value.Length);
        var run = 0; // start of the current run of characters that are not escapes
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%' || i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2])) continue;
            // a run is encoded whole, so a character outside the BMP (two chars) survives
            bytes.AddRange(Encoding.UTF8.GetBytes(value, run, i - run));
            bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
            i += 2;
            run = i + 1;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(value, run, value.Length - run));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
