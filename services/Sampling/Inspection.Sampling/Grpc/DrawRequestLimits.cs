using Inspection.Sampling.V1;

namespace Inspection.Sampling.Grpc;

/// <summary>
/// How long the lists of a draw request may be, checked before any per-item work: a request far under the 4 MiB
/// message limit can hold half a million tiny list items, and validating each cost seconds and memory (found by
/// fuzzing). The limits are far above any real inspection's needs.
/// </summary>
internal static class DrawRequestLimits
{
    public const int Windows = 50;
    public const int SentenceTypes = 20;
    public const int StratifyBy = 10;
    public const int Quotas = 100;
    public const int SplitGroups = 50;
    public const int Values = 200;

    public static void Check(DrawSampleRequest request)
    {
        var violations = new List<FieldViolation>();
        Limit(violations, "eligibility.windows", request.Eligibility?.Windows.Count ?? 0, Windows);
        Limit(violations, "eligibility.sentence_types", request.Eligibility?.SentenceTypes.Count ?? 0, SentenceTypes);
        Limit(violations, "stratify_by", request.StratifyBy.Count, StratifyBy);
        Limit(violations, "quotas", request.Quotas.Count, Quotas);
        for (var i = 0; i < Math.Min(request.Quotas.Count, Quotas); i++)
            Limit(violations, $"quotas[{i}].values", request.Quotas[i].Values.Count, Values);
        var groups = request.FixedSplit?.Groups;
        Limit(violations, "fixed_split.groups", groups?.Count ?? 0, SplitGroups);
        for (var i = 0; i < Math.Min(groups?.Count ?? 0, SplitGroups); i++)
            Limit(violations, $"fixed_split.groups[{i}].values", groups![i].Values.Count, Values);
        ValidationException.ThrowIfAny(violations);
    }

    private static void Limit(List<FieldViolation> violations, string field, int count, int limit)
    {
        if (count > limit) violations.Add(new FieldViolation(field, $"lists {count} items; at most {limit}"));
    }
}
