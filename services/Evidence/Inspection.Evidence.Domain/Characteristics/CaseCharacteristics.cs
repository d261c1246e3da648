namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>The rows of the characteristics-of-inspected-cases table, in the order the report prints them.</summary>
public static class CaseCharacteristics
{
    public static IReadOnlyList<CaseCharacteristic> All { get; } =
    [
        new("female_pct", CharacteristicUnit.Percent, "Female",
            SampleAttribute.Gender, v => v.Equals("female", StringComparison.OrdinalIgnoreCase)),
        // Every recorded ethnic group other than the white groups.
        new("black_asian_minority_ethnic_pct", CharacteristicUnit.Percent, "Black, Asian and minority ethnic",
            SampleAttribute.EthnicGroup, v => !v.StartsWith("white", StringComparison.OrdinalIgnoreCase)),
        new("disability_pct", CharacteristicUnit.Percent, "With a disability",
            SampleAttribute.Disability, v => v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v.Equals("true", StringComparison.OrdinalIgnoreCase)),
        new("drug_misuse_pct", CharacteristicUnit.Percent, "Drug misuse"),
        new("alcohol_misuse_pct", CharacteristicUnit.Percent, "Alcohol misuse"),
        new("sexual_offence_programme_requirements_not_commenced", CharacteristicUnit.Count, "Sexual offence programme requirements not commenced"),
        new("other_programme_requirements_not_commenced", CharacteristicUnit.Count, "Other programme requirements not commenced"),
        new("unpaid_work_hours_outstanding_beyond_12_months_pct", CharacteristicUnit.Percent, "Unpaid work hours outstanding beyond 12 months"),
    ];

    public static CaseCharacteristic? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    public static int Order(CaseCharacteristic characteristic)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i].Name == characteristic.Name) return i;
        return All.Count;
    }
}
