namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>k of n for one key question among the cases with one value of an attribute (a row of SQL's GROUP BY).</summary>
public sealed record GroupCount(string QuestionId, string Value, YesCount Count);
