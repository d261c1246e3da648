using System.Text;
using Inspection.Domain;

namespace Inspection.Scoring.Services;

/// <summary>An opaque page token: the last case reference of the previous page.</summary>
public static class PageToken
{
    public static string Encode(string lastCaseReference) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastCaseReference));

    public static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new ValidationException("page_token", "not a page token this service gave");
        }
    }
}
