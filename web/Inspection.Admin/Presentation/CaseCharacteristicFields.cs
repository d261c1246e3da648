namespace Inspection.Admin.Presentation;

/// <summary>The rows of the characteristics-of-inspected-cases table (evidence.proto), as the form asks for them.</summary>
public static class CaseCharacteristicFields
{
    public static readonly IReadOnlyList<(string Name, string Label, string Unit, bool FromSample)> All =
    [
        ("female_pct", "Female", "%", true),
        ("black_asian_minority_ethnic_pct", "Black, Asian and minority ethnic", "%", true),
        ("disability_pct", "With a disability", "%", true),
        ("drug_misuse_pct", "Drug misuse", "%", false),
        ("alcohol_misuse_pct", "Alcohol misuse", "%", false),
        ("sexual_offence_programme_requirements_not_commenced", "Sexual offence programme requirements not commenced", "cases", false),
        ("other_programme_requirements_not_commenced", "Other programme requirements not commenced", "cases", false),
        ("unpaid_work_hours_outstanding_beyond_12_months_pct", "Unpaid work hours outstanding beyond 12 months", "%", false),
    ];

    public static string ModelKey(string name) => $"Input.Values.{name}";
}
