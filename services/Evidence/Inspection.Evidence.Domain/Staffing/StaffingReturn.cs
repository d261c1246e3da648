using Inspection.Domain.Dates;
using System.Globalization;

namespace Inspection.Evidence.Domain.Staffing;

/// <summary>
/// The provider's staffing and workload data return for one inspection. Recording it again makes a new
/// version; earlier versions are kept.
/// </summary>
public sealed record StaffingReturn(
    string InspectionId,
    DateOnly AsAt,
    IReadOnlyList<StaffingFigure> Figures,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    long Version)
{
    public const string FiguresField = "figures";

    public decimal? Value(string field) => Figures.FirstOrDefault(f => f.Field.Name == field)?.Value;

    public static StaffingReturn Create(string inspectionId, StaffingReturnInput input, long version, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        var asAt = FieldRules.Date(violations, "as_at", input.AsAt);
        // The figures are a return of what was: dated no later than today in England, the day it is recorded.
        NotInTheFuture.Check(violations, "as_at", "The date the figures relate to", asAt, EnglandCalendar.DateOn(now));
        var recordedBy = FieldRules.Required(violations, "recorded_by", input.RecordedBy);

        if (input.Figures.Count == 0)
            violations.Add(new FieldViolation(FiguresField, "at least one figure is required"));

        var figures = new List<StaffingFigure>();
        foreach (var (name, value) in input.Figures)
        {
            var path = $"{FiguresField}.{name}";
            var field = StaffingFields.Find(name);
            if (field is null)
            {
                violations.Add(new FieldViolation(path, "is not a field of the staffing and workload return"));
                continue;
            }
            if (!double.IsFinite(value))
            {
                violations.Add(new FieldViolation(path, "must be a number"));
                continue;
            }
            // Compared as doubles first: a figure past decimal's range (1e308, say) would overflow the conversion.
            if (value < (double)field.Minimum || value > (double)field.Maximum)
                violations.Add(new FieldViolation(path, $"{field.RangeReason} ({value.ToString("G", CultureInfo.InvariantCulture)} was given)"));
            else
                figures.Add(new StaffingFigure(field, (decimal)value));
        }

        CheckGradesWithinTotal(violations, figures);
        ValidationException.ThrowIfAny(violations);

        var ordered = figures.OrderBy(f => StaffingFields.All.ToList().IndexOf(f.Field)).ToList();
        return new StaffingReturn(inspectionId, asAt!.Value, ordered, recordedBy!, now, version);
    }

    private static void CheckGradesWithinTotal(List<FieldViolation> violations, List<StaffingFigure> figures)
    {
        var total = figures.FirstOrDefault(f => f.Field.Name == "total_staff_fte")?.Value;
        if (total is null) return;
        var grades = figures.Where(f => StaffingFields.GradeFte.Contains(f.Field.Name)).Sum(f => f.Value);
        if (grades > total)
            violations.Add(new FieldViolation($"{FiguresField}.total_staff_fte",
                $"{total} is less than the grades' FTE together ({grades}): the total counts every member of staff in post"));
    }
}
