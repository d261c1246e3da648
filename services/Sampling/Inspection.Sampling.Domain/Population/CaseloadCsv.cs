using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Inspection.Sampling.Domain.Population;

/// <summary>
/// Reads a provider's caseload CSV (CsvHelper): a header row with the PopulationCase field names
/// (case_reference, sentence_type, start_date, gender, ethnic_group, disability, rosh_level, mappa_level,
/// prolific_priority_offender, approved_premises_resident, statutory_victim_contact, unpaid_work_requirement,
/// unpaid_work_only, court_report_type, allocated_office, allocated_team; any order, any case), then one case per
/// row. Flags read yes/no, y/n, true/false or 1/0 (empty is no); a MAPPA level 0-3 (empty or "none" is 0).
/// Rows are checked with the same rules as an import batch, so every error is listed before anything is sent.
/// </summary>
public static class CaseloadCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "case_reference", "sentence_type", "start_date", "gender", "ethnic_group", "disability", "rosh_level", "mappa_level",
        "prolific_priority_offender", "approved_premises_resident", "statutory_victim_contact", "unpaid_work_requirement",
        "unpaid_work_only", "court_report_type", "allocated_office", "allocated_team",
    ];

    public static readonly IReadOnlyList<string> RequiredColumns = ["case_reference", "sentence_type", "start_date", "gender", "ethnic_group", "rosh_level"];

    public static CaseloadCsvResult Read(TextReader reader)
    {
        try
        {
            return ReadRows(reader);
        }
        catch (CsvHelperException e)
        {
            // Bytes that are no CSV at all: one error on the row the reader reached, the file's fault, never a fault of ours.
            var reason = e.Message.Split('\n', 2)[0].Trim();
            return new CaseloadCsvResult([], [], [new CsvRowError(Math.Max(1, e.Context?.Parser?.Row ?? 1), "", $"the file cannot be read as CSV: {reason}")]);
        }
    }

    private static CaseloadCsvResult ReadRows(TextReader reader)
    {
        var rows = new List<CaseRow>();
        var numbers = new List<long>();
        var errors = new List<CsvRowError>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => CaseVocabulary.Normalise(args.Header),
            MissingFieldFound = null,
            BadDataFound = args => errors.Add(new CsvRowError(args.Context.Parser?.RawRow ?? 0, "", $"malformed CSV: {args.RawRecord.Trim()}")),
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read())
        {
            errors.Add(new CsvRowError(1, "", "the file is empty: a header row is required"));
            return new CaseloadCsvResult(rows, numbers, errors);
        }
        csv.ReadHeader();
        var header = (csv.HeaderRecord ?? []).Select(CaseVocabulary.Normalise).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        foreach (var column in missing) errors.Add(new CsvRowError(1, column, "required column missing from the header"));
        if (missing.Count > 0) return new CaseloadCsvResult(rows, numbers, errors);

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var rowNumber = csv.Parser.Row;
            var rowErrors = new List<CsvRowError>();
            string? Text(string column) => header.Contains(column) ? csv.GetField(column) : null;
            bool Flag(string column)
            {
                var text = CaseVocabulary.Normalise(Text(column));
                switch (text)
                {
                    case "" or "no" or "n" or "false" or "0": return false;
                    case "yes" or "y" or "true" or "1": return true;
                    default:
                        rowErrors.Add(new CsvRowError(rowNumber, column, $"'{Text(column)}' is not yes or no"));
                        return false;
                }
            }
            var mappaText = CaseVocabulary.Normalise(Text("mappa_level"));
            var mappa = 0;
            if (mappaText is not ("" or "none") && !int.TryParse(mappaText, NumberStyles.None, CultureInfo.InvariantCulture, out mappa))
            {
                rowErrors.Add(new CsvRowError(rowNumber, "mappa_level", $"'{Text("mappa_level")}' is not a MAPPA level (0 to 3)"));
            }
            var row = new CaseRow(Text("case_reference"), Text("sentence_type"), Text("start_date"), Text("gender"), Text("ethnic_group"),
                Flag("disability"), Text("rosh_level"), mappa, Flag("prolific_priority_offender"), Flag("approved_premises_resident"),
                Flag("statutory_victim_contact"), Flag("unpaid_work_requirement"), Flag("unpaid_work_only"),
                Text("court_report_type"), Text("allocated_office"), Text("allocated_team"));

            var violations = new List<FieldViolation>();
            var record = PopulationBatch.ValidateRow(row, "row", "", violations);
            rowErrors.AddRange(violations.Select(v => new CsvRowError(rowNumber, v.Field["row.".Length..], v.Description)));
            if (record is not null && seen.TryGetValue(record.CaseReference, out var firstRow))
            {
                rowErrors.Add(new CsvRowError(rowNumber, "case_reference", $"case reference '{record.CaseReference}' is also on row {firstRow}"));
            }
            else if (record is not null) seen.Add(record.CaseReference, rowNumber);

            if (rowErrors.Count > 0) errors.AddRange(rowErrors);
            else
            {
                rows.Add(row);
                numbers.Add(rowNumber);
            }
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new CsvRowError(2, "", "the file has no cases: one case per row is expected after the header row"));
        return new CaseloadCsvResult(rows, numbers, errors);
    }
}
