using Inspection.Domain.Vocabularies;

namespace Inspection.Evidence.Domain.Staffing;

/// <summary>
/// One field of the staffing and workload return: its name (as reference-inspections.json names it), unit,
/// label and the range a figure must fall in to be believed.
/// </summary>
public sealed record StaffingField(string Name, StaffingUnit Unit, string Label, decimal Minimum, decimal Maximum, string RangeReason);
