namespace Inspection.Evidence.Domain.Staffing;

/// <summary>A staffing return as a caller states it: the date the figures relate to and the figures returned, by field name.</summary>
public sealed record StaffingReturnInput(string? AsAt, IReadOnlyDictionary<string, double> Figures, string? RecordedBy);
