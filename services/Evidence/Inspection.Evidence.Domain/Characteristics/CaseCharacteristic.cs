namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>
/// A row the characteristics-of-inspected-cases table may hold: its name (as reference-inspections.json names
/// it), unit and label; where the sample carries the attribute, which attribute and which values count.
/// </summary>
public sealed record CaseCharacteristic(
    string Name,
    string Unit,
    string Label,
    string? SampleAttribute = null,
    Func<string, bool>? Counts = null)
{
    public bool CanComputeFrom(CaseSampleView sample) =>
        SampleAttribute is not null && Counts is not null && sample.Attributes.Contains(SampleAttribute);
}
