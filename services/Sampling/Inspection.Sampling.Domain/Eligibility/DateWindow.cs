namespace Inspection.Sampling.Domain.Eligibility;

/// <summary>Start dates from <see cref="FirstDay"/> to <see cref="LastDay"/>, both inclusive.</summary>
public sealed record DateWindow(DateOnly FirstDay, DateOnly LastDay)
{
    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public override string ToString() => $"{CalendarDate.ToText(FirstDay)} to {CalendarDate.ToText(LastDay)}";
}
