namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>
/// The characteristics of the inspected cases: computed from the sample where the sample carries the
/// attribute, entered where it does not, each row marked. Recording it again makes a new version.
/// </summary>
public sealed record CaseCharacteristicsTable(
    string InspectionId,
    IReadOnlyList<CaseCharacteristicRow> Rows,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    long Version)
{
    /// <param name="sample">The inspection's current sample; required when the input asks to compute from it.</param>
    public static CaseCharacteristicsTable Compose(string inspectionId, CaseCharacteristicsInput input, CaseSampleView? sample, long version, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        var recordedBy = FieldRules.Required(violations, "recorded_by", input.RecordedBy);
        var rows = new List<CaseCharacteristicRow>();

        if (input.ComputeFromSample)
        {
            if (sample is null || sample.Cases.Count == 0)
                throw new PreconditionFailedException($"Inspection {inspectionId} has no sampled cases to compute the characteristics table from");
            rows.AddRange(CaseCharacteristics.All.Where(c => c.CanComputeFrom(sample)).Select(c => Compute(c, sample)));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Entered.Count; i++)
        {
            var entry = input.Entered[i];
            var path = $"entered[{i}]";
            var characteristic = CaseCharacteristics.Find(entry.Characteristic);
            if (characteristic is null)
            {
                violations.Add(new FieldViolation($"{path}.characteristic",
                    $"'{entry.Characteristic}' is not a row of the characteristics table (expected one of {string.Join(", ", CaseCharacteristics.All.Select(c => c.Name))})"));
                continue;
            }
            if (!seen.Add(characteristic.Name))
            {
                violations.Add(new FieldViolation($"{path}.characteristic", $"'{characteristic.Name}' is entered twice"));
                continue;
            }
            if (input.ComputeFromSample && sample is not null && characteristic.CanComputeFrom(sample))
            {
                violations.Add(new FieldViolation($"{path}.characteristic",
                    // In the row's words (the field path names the row for integrators): read by staff as it stands.
                    $"{characteristic.Label} is computed from the sampled cases' {characteristic.SampleAttribute!.Replace('_', ' ')} and cannot be entered"));
                continue;
            }
            if (CheckValue(violations, $"{path}.value", characteristic, entry.Value) is { } value)
                rows.Add(CaseCharacteristicRow.Entered(characteristic, value));
        }

        if (rows.Count == 0 && violations.Count == 0)
            violations.Add(new FieldViolation("entered", "the table needs at least one row: enter figures or compute from the sample"));

        ValidationException.ThrowIfAny(violations);
        return new CaseCharacteristicsTable(inspectionId, rows.OrderBy(r => CaseCharacteristics.Order(r.Characteristic)).ToList(), recordedBy!, now, version);
    }

    private static CaseCharacteristicRow Compute(CaseCharacteristic characteristic, CaseSampleView sample)
    {
        var recorded = sample.Cases
            .Select(c => c.Attribute(characteristic.SampleAttribute!))
            .Where(SampleAttribute.IsRecorded)
            .ToList();
        var counted = recorded.Count(v => characteristic.Counts!(v!.Trim()));
        return CaseCharacteristicRow.Computed(characteristic, new Percentage(counted, recorded.Count));
    }

    /// <summary>The largest count a row may hold: far above any caseload, well inside decimal.</summary>
    public const double MaxCount = 10_000_000;

    private static decimal? CheckValue(List<FieldViolation> violations, string path, CaseCharacteristic characteristic, double value)
    {
        if (!double.IsFinite(value))
        {
            violations.Add(new FieldViolation(path, "must be a number"));
            return null;
        }
        // Checked as doubles before the conversion: a value past decimal's range (1e308, say) would overflow it.
        if (characteristic.Unit == CharacteristicUnit.Percent && (value < 0 || value > 100))
        {
            violations.Add(new FieldViolation(path, $"must be a percentage from 0 to 100 ({value} was given)"));
            return null;
        }
        if (characteristic.Unit == CharacteristicUnit.Count && (value < 0 || value > MaxCount || value != Math.Truncate(value)))
        {
            violations.Add(new FieldViolation(path, $"must be a whole number from 0 to 10,000,000 ({value} was given)"));
            return null;
        }
        return (decimal)value;
    }
}
