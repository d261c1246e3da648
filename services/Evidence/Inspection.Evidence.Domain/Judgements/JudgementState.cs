namespace Inspection.Evidence.Domain.Judgements;

/// <summary>A judgement is a draft until the lead inspector finalises it.</summary>
public static class JudgementState
{
    public const string Draft = "draft";
    public const string Final = "final";

    public static bool IsKnown(string? state) => state is Draft or Final;
}
