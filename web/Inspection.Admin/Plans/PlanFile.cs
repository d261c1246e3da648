using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Inspection.Recommendations.V1;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Inspection.Admin.Plans;

/// <summary>
/// The action plan as a spreadsheet (issue 23), XLSX or CSV: one row per action (a recommendation without actions has
/// one row with the action columns empty), filled with the inspection's recommendations and what is recorded. Read
/// back, each row becomes a <see cref="PlanRow"/> for ImportPlan, which refuses the whole file with a message per row.
/// Dates are written as people write them (31/01/2025) and read in that form, as a spreadsheet date, or as 2025-01-31.
/// </summary>
public static class PlanFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The columns, in order; their headings are the words row errors name them by.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Recommendation number", "Recommendation", "Response", "Response reason", "Responded on", "Action number", "Action", "Owner role", "Owner name",
        "Target date", "Status", "Status reason", "Date change reason",
    ];

    private static readonly string[] DateForms = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>The template rows of an inspection's plans, as text.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(IEnumerable<RecommendationPlan> plans)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var plan in plans)
        {
            var response = plan.Response;
            string[] Head() =>
            [
                plan.Number.ToString(CultureInfo.InvariantCulture), $"{plan.AddresseeName} should: {plan.Text}", response?.Response ?? "", response?.Reason ?? "",
                Date(response?.RespondedOn),
            ];
            if (plan.Actions.Count == 0) rows.Add([.. Head(), "", "", "", "", "", "", "", ""]);
            foreach (var action in plan.Actions)
                rows.Add([.. Head(), action.Number.ToString(CultureInfo.InvariantCulture), action.Description, action.OwnerRole, action.OwnerName, Date(action.TargetDate),
                    action.Status, action.StatusReason, ""]);
        }
        return rows;
    }

    public static byte[] Csv(IEnumerable<RecommendationPlan> plans)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var heading in Columns) csv.WriteField(heading);
            csv.NextRecord();
            foreach (var row in Rows(plans))
            {
                foreach (var field in row) csv.WriteField(field);
                csv.NextRecord();
            }
        }
        return new System.Text.UTF8Encoding(false).GetBytes(text.ToString());
    }

    public static byte[] Xlsx(IEnumerable<RecommendationPlan> plans)
    {
        var sheet = Rows(plans).Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < Columns.Count; i++) record[Columns[i]] = Cell(Columns[i], row[i]);
            return record;
        }).ToList();
        if (sheet.Count == 0) sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, sheetName: "Action plan");
        return stream.ToArray();
    }

    /// <summary>The rows of an uploaded file (by its name: .xlsx or .csv), or why it cannot be read at all.</summary>
    public static (IReadOnlyList<PlanRow> Rows, string? Unreadable) Read(Stream file, string fileName)
    {
        try
        {
            var records = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(file)
                : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(file)
                : null;
            if (records is null) return ([], "The selected file must be an XLSX or CSV file");
            if (records.Count > 0 && Columns.FirstOrDefault(c => c != "Recommendation" && !records[0].ContainsKey(c)) is { } missing)
                return ([], $"The selected file must have a column headed {missing}: download the template and fill that in");
            var rows = records.Where(r => r.Values.Any(v => v.Length > 0)).Select(ToRow).ToList();
            return rows.Count == 0 ? ([], "The selected file has no rows") : (rows, null);
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            return ([], "The selected file could not be read as a spreadsheet: save it again as XLSX or CSV from the template");
        }
    }

    private static PlanRow ToRow(IReadOnlyDictionary<string, string> record)
    {
        string Get(string column) => record.TryGetValue(column, out var value) ? value.Trim() : "";
        return new PlanRow
        {
            RecommendationNumber = Number(Get("Recommendation number")), Response = Get("Response"), ResponseReason = Get("Response reason"),
            RespondedOn = IsoDate(Get("Responded on")), ActionNumber = Number(Get("Action number")), Action = Get("Action"), OwnerRole = Get("Owner role"),
            OwnerName = Get("Owner name"), TargetDate = IsoDate(Get("Target date")), Status = Get("Status"), StatusReason = Get("Status reason"),
            DateChangeReason = Get("Date change reason"),
        };
    }

    private static List<IReadOnlyDictionary<string, string>> ReadCsv(Stream file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null });
        var records = new List<IReadOnlyDictionary<string, string>>();
        if (!csv.Read() || !csv.ReadHeader()) return records;
        var headings = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        while (csv.Read())
        {
            var record = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headings.Length; i++) record[headings[i]] = csv.GetField(i) ?? "";
            records.Add(record);
        }
        return records;
    }

    private static List<IReadOnlyDictionary<string, string>> ReadXlsx(Stream file)
    {
        var records = new List<IReadOnlyDictionary<string, string>>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(file, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX))
            records.Add(row.ToDictionary(c => c.Key.Trim(), c => Text(c.Value), StringComparer.OrdinalIgnoreCase));
        return records;
    }

    // A spreadsheet keeps dates as dates and numbers as numbers: back to the text the columns take.
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => CalendarDate.ToText(DateOnly.FromDateTime(date)),
        double number when number == Math.Floor(number) => ((long)number).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? Cell(string column, string text) =>
        text.Length == 0 ? null
        : column is "Recommendation number" or "Action number" && int.TryParse(text, out var number) ? number
        : column is "Responded on" or "Target date" && DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToDateTime(TimeOnly.MinValue)
            : text;

    private static string Date(string? isoDate) =>
        CalendarDate.TryParse(isoDate, out var date) ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>A date in any form the file may hold, as yyyy-MM-dd; other text as it is, for the service to refuse naming its row.
    /// Invariant culture: the hosts run in globalization-invariant mode, where en-GB does not exist, and its month names are English.</summary>
    private static string IsoDate(string text) =>
        DateOnly.TryParseExact(text, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? CalendarDate.ToText(date) : text;

    // A number that is not one is sent as -1, which the service refuses naming the row and column.
    private static int Number(string text) =>
        text.Length == 0 ? 0 : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
}
