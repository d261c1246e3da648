using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Tests.Reference;

/// <summary>A generated case sample and its assessments reproducing a reference inspection's published percentages,
/// with the figures that cannot be reproduced under the rule and why.</summary>
public sealed record ReferenceSample(
    IReadOnlyList<SampledCaseFacts> Cases,
    IReadOnlyDictionary<string, IReadOnlyList<AnswerInput>> Answers,
    IReadOnlyDictionary<string, PlannedFigure> Plan,
    IReadOnlyList<Unreproducible> Unreproducible,
    int UnpaidWorkOnlyCases);

/// <summary>The k of n chosen for a published percentage.</summary>
public sealed record PlannedFigure(string QuestionId, int PublishedPct, int Yes, int Applicable);

/// <summary>A published figure that no case data can give under the rule, with the reason.</summary>
public sealed record Unreproducible(string QuestionId, int PublishedPct, string Reason);
