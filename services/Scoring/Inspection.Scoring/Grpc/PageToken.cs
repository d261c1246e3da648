using System.Text;

namespace Inspection.Scoring.Grpc;

/// <summary>An opaque page token: the last case reference and sample of the previous page (a case may have an
/// assessment in each sample it was drawn in).</summary>
public static class PageToken
{
    private const char Separator = '\u001f';

    public static string Encode((string CaseReference, string SampleId) last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(last.CaseReference + Separator + last.SampleId));

    public static (string CaseReference, string SampleId) Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var at = text.LastIndexOf(Separator);
            // A token given before assessments carried their sample holds the case reference alone.
            return at < 0 ? (text, "") : (text[..at], text[(at + 1)..]);
        }
        catch (FormatException)
        {
            throw new ValidationException("page_token", "not a page token this service gave");
        }
    }
}
