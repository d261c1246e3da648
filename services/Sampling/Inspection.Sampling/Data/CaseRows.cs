using Npgsql;
using NpgsqlTypes;

namespace Inspection.Sampling.Data;

/// <summary>A case as population_cases and the COPY streams hold it: the columns in order, read and written the same way by both stores.</summary>
internal static class CaseRows
{
    public const string Columns =
        "case_reference, sentence_type, start_date, gender, ethnic_group, disability, rosh_level, mappa_level, " +
        "prolific_priority_offender, approved_premises_resident, statutory_victim_contact, unpaid_work_requirement, " +
        "unpaid_work_only, court_report_type, allocated_office, allocated_team";

    /// <summary>How many columns <see cref="Columns"/> names: a query's own columns after them start at this index.</summary>
    public static readonly int ColumnCount = Columns.Split(", ").Length;

    public static string Qualified(string alias, IEnumerable<string> columns) => string.Join(", ", columns.Select(c => alias + "." + c));

    /// <summary>The case on the reader's current row (the columns of <see cref="Columns"/>, in order).</summary>
    public static CaseRecord Read(NpgsqlDataReader reader, Dictionary<string, string>? shared)
        => new(
            CaseReference: reader.GetString(0),
            SentenceType: Word(CaseVocabulary.SentenceTypes, reader.GetString(1)),
            StartDate: reader.GetFieldValue<DateOnly>(2),
            Gender: Word(CaseVocabulary.Genders, reader.GetString(3)),
            EthnicGroup: Word(CaseVocabulary.EthnicGroups, reader.GetString(4)),
            Disability: reader.GetBoolean(5),
            RoshLevel: Word(CaseVocabulary.RoshLevels, reader.GetString(6)),
            MappaLevel: reader.GetInt16(7),
            ProlificPriorityOffender: reader.GetBoolean(8),
            ApprovedPremisesResident: reader.GetBoolean(9),
            StatutoryVictimContact: reader.GetBoolean(10),
            UnpaidWorkRequirement: reader.GetBoolean(11),
            UnpaidWorkOnly: reader.GetBoolean(12),
            CourtReportType: Word(CaseVocabulary.CourtReportTypes, reader.GetString(13)),
            AllocatedOffice: shared is null ? reader.GetString(14) : Shared(shared, reader.GetString(14)),
            AllocatedTeam: shared is null ? reader.GetString(15) : Shared(shared, reader.GetString(15)));

    public static void Write(NpgsqlBinaryImporter writer, CaseRecord c)
    {
        writer.Write(c.CaseReference, NpgsqlDbType.Text);
        writer.Write(c.SentenceType, NpgsqlDbType.Text);
        writer.Write(c.StartDate, NpgsqlDbType.Date);
        writer.Write(c.Gender, NpgsqlDbType.Text);
        writer.Write(c.EthnicGroup, NpgsqlDbType.Text);
        writer.Write(c.Disability, NpgsqlDbType.Boolean);
        writer.Write(c.RoshLevel, NpgsqlDbType.Text);
        writer.Write((short)c.MappaLevel, NpgsqlDbType.Smallint);
        writer.Write(c.ProlificPriorityOffender, NpgsqlDbType.Boolean);
        writer.Write(c.ApprovedPremisesResident, NpgsqlDbType.Boolean);
        writer.Write(c.StatutoryVictimContact, NpgsqlDbType.Boolean);
        writer.Write(c.UnpaidWorkRequirement, NpgsqlDbType.Boolean);
        writer.Write(c.UnpaidWorkOnly, NpgsqlDbType.Boolean);
        writer.Write(c.CourtReportType, NpgsqlDbType.Text);
        writer.Write(c.AllocatedOffice, NpgsqlDbType.Text);
        writer.Write(c.AllocatedTeam, NpgsqlDbType.Text);
    }

    /// <summary>The vocabulary's own string (a million cases share a handful of words); unknown words kept as stored.</summary>
    public static string Word(IReadOnlyList<string> vocabulary, string stored)
    {
        foreach (var word in vocabulary)
        {
            if (word == stored) return word;
        }
        return stored;
    }

    public static string Shared(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var shared)) return shared;
        pool.Add(value, value);
        return value;
    }
}
