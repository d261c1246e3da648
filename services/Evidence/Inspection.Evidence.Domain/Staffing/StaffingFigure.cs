namespace Inspection.Evidence.Domain.Staffing;

/// <summary>One figure of a staffing return, exactly as the provider returned it.</summary>
public sealed record StaffingFigure(StaffingField Field, decimal Value);
