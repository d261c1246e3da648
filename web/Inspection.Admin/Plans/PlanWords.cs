using System.Text.RegularExpressions;
using Inspection.Admin.Forms;
using Inspection.Admin.Presentation;

namespace Inspection.Admin.Plans;

/// <summary>A plan's refusals and records in people's words: a file's row errors by row and column heading, and any date inside a service's message in words.</summary>
public static partial class PlanWords
{
    /// <summary>"rows[3].target_date" with its description as "Row 5: Target date ..." (the heading is row 1).</summary>
    public static string RowError(string field, string description)
    {
        var match = RowField().Match(field);
        if (!match.Success) return Dated(FieldLabels.Message(field, description));
        var row = int.Parse(match.Groups[1].Value) + 2;
        return $"Row {row}: {Dated(FieldLabels.Message(match.Groups[2].Value, description))}";
    }

    /// <summary>Every yyyy-MM-dd inside a message as a date in words.</summary>
    public static string Dated(string message) => DisplayDate.InText(message);

    /// <summary>Who recorded it: the addressee's own system, or the member of staff by name.</summary>
    public static string Source(string source) => source.Is(PlanSource.AddresseeSystem) ? "sent by the addressee's system" : "recorded by staff";

    public static string UpdateKind(string kind) => kind.As<PlanUpdateKind>() switch
    {
        PlanUpdateKind.ProviderUpdate => "Update from the addressee",
        PlanUpdateKind.MonitoringNote => "Monitoring note",
        PlanUpdateKind.DocumentReceived => "Document received",
        _ => "Update",
    };

    [GeneratedRegex(@"^rows\[(\d+)\]\.(.+)$")]
    private static partial Regex RowField();
}
