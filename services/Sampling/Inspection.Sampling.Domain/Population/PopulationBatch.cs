using System.Buffers;

namespace Inspection.Sampling.Domain.Population;

/// <summary>
/// Validates a batch of incoming case rows. All or nothing: every bad row is reported (as
/// "cases[&lt;index&gt;].&lt;field&gt;", with the file row number in the description when known, up to
/// <see cref="BatchCheck.MaxListed"/> and then how many more) and a batch with any bad row is refused whole, so nothing
/// of it is stored.
/// </summary>
public static class PopulationBatch
{
    public const int MaxReferenceLength = 64;
    public const int MaxTextLength = 100;

    // References travel between services and into reports: a plain, unambiguous alphabet whose ordinal order
    // is the same in UTF-8 and UTF-16, so the canonical order of a population is the same everywhere.
    private static readonly SearchValues<char> ReferenceCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/.");

    /// <summary>The good rows, or the refusal of the batch listing its bad rows.</summary>
    public static IReadOnlyList<CaseRecord> Validate(IReadOnlyList<CaseRow> rows, long firstRowNumber = 0)
    {
        var batch = Check(rows, firstRowNumber);
        batch.ThrowIfAny([]);
        return batch.Records;
    }

    /// <summary>Every row checked, refusing nothing yet: the store adds the rows that conflict with stored cases.</summary>
    public static BatchCheck Check(IReadOnlyList<CaseRow> rows, long firstRowNumber = 0)
    {
        var problems = new List<(int, FieldViolation)>();
        var records = new List<CaseRecord>(rows.Count);
        var indexes = new List<int>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowLabel = firstRowNumber > 0 ? $"row {firstRowNumber + i}: " : "";
            violations.Clear();
            var record = ValidateRow(rows[i], $"cases[{i}]", rowLabel, violations);
            problems.AddRange(violations.Select(v => (i, v)));
            if (record is null) continue;
            if (seen.TryGetValue(record.CaseReference, out var first))
            {
                problems.Add((i, new FieldViolation($"cases[{i}].case_reference",
                    $"{rowLabel}case reference '{record.CaseReference}' appears twice in the batch (first at cases[{first}])")));
                continue;
            }
            seen.Add(record.CaseReference, i);
            records.Add(record);
            indexes.Add(i);
        }
        return new BatchCheck(records, indexes, problems, firstRowNumber);
    }

    /// <summary>Validates one row, adding its violations; returns the record when the row is good.</summary>
    public static CaseRecord? ValidateRow(CaseRow row, string path, string rowLabel, List<FieldViolation> violations)
    {
        var before = violations.Count;
        void Bad(string field, string reason) => violations.Add(new FieldViolation($"{path}.{field}", rowLabel + reason));

        var reference = row.CaseReference?.Trim() ?? "";
        if (reference.Length == 0) Bad("case_reference", "a case reference is required");
        else if (reference.Length > MaxReferenceLength) Bad("case_reference", $"at most {MaxReferenceLength} characters");
        else if (reference.AsSpan().IndexOfAnyExcept(ReferenceCharacters) >= 0)
            Bad("case_reference", "only letters, digits and - _ / . are allowed (store no names)");

        var sentenceType = Word(CaseVocabulary.SentenceTypes, row.SentenceType, "sentence_type", required: true, Bad);
        if (!CalendarDate.TryParse(row.StartDate, out var startDate))
            Bad("start_date", CalendarDate.Refusal(row.StartDate));
        var gender = Word(CaseVocabulary.Genders, row.Gender, "gender", required: true, Bad);
        var ethnicGroup = Word(CaseVocabulary.EthnicGroups, row.EthnicGroup, "ethnic_group", required: true, Bad);
        var roshLevel = Word(CaseVocabulary.RoshLevels, row.RoshLevel, "rosh_level", required: true, Bad);
        var courtReportType = Word(CaseVocabulary.CourtReportTypes, row.CourtReportType, "court_report_type", required: false, Bad) ?? "none";
        if (row.MappaLevel is < 0 or > 3) Bad("mappa_level", $"{row.MappaLevel} is not a MAPPA level (0 for none, 1, 2 or 3)");
        if (row.UnpaidWorkOnly && !row.UnpaidWorkRequirement)
            Bad("unpaid_work_only", "an unpaid-work-only case must have an unpaid work requirement");
        if (row.UnpaidWorkRequirement && sentenceType is CaseVocabulary.Licence or CaseVocabulary.Custody)
            Bad("unpaid_work_requirement", $"unpaid work is a requirement of community sentences, not of {sentenceType}");
        var office = row.AllocatedOffice?.Trim() ?? "";
        if (office.Length > MaxTextLength) Bad("allocated_office", $"at most {MaxTextLength} characters");
        var team = row.AllocatedTeam?.Trim() ?? "";
        if (team.Length > MaxTextLength) Bad("allocated_team", $"at most {MaxTextLength} characters");
        // A file's bytes reach here unchecked (a message's text is refused earlier): PostgreSQL text cannot hold U+0000.
        if (office.Contains('\0')) Bad("allocated_office", "contains a NUL character (U+0000)");
        if (team.Contains('\0')) Bad("allocated_team", "contains a NUL character (U+0000)");

        if (violations.Count > before) return null;
        return new CaseRecord(reference, sentenceType!, startDate, gender!, ethnicGroup!, row.Disability, roshLevel!,
            row.MappaLevel, row.ProlificPriorityOffender, row.ApprovedPremisesResident, row.StatutoryVictimContact,
            row.UnpaidWorkRequirement, row.UnpaidWorkOnly, courtReportType, office, team);
    }

    private static string? Word(IReadOnlyList<string> vocabulary, string? text, string field, bool required, Action<string, string> bad)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) bad(field, $"required: one of {string.Join(", ", vocabulary)}");
            return null;
        }
        var word = CaseVocabulary.Canonical(vocabulary, text);
        if (word is null) bad(field, $"'{text}' is not one of {string.Join(", ", vocabulary)}");
        return word;
    }
}
