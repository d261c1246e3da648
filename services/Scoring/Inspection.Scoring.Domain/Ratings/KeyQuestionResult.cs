namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// One key question's result: k of n (when known), the rounded percentage and exact value, the Wilson interval,
/// its band, whether it is borderline (it decides its standard's rating and its interval crosses an edge of that
/// rating's band; false for every other key question) and how many more Yes answers reach the next band. Beside the
/// Wilson figures (kept for the v1 wire's documented meaning): the design-based interval with its margin of error and
/// <c>DesignBorderline</c>, the same test on that interval.
/// </summary>
public sealed record KeyQuestionResult(
    string QuestionId,
    string Text,
    string StandardId,
    YesCount? Count,
    int? RoundedPct,
    double? ExactPct,
    WilsonInterval? Interval,
    string? Band,
    bool Borderline,
    string? NextBand,
    int? YesNeededForNextBand,
    ResultSource Source,
    DesignInterval? Design = null,
    bool DesignBorderline = false);
