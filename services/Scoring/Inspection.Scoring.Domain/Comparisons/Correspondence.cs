namespace Inspection.Scoring.Domain.Comparisons;

/// <summary>
/// How a key question of the earlier inspection is found at the later one: the same id in the same framework, the
/// counterpart a mapping between programmes names (<see cref="Mapping"/>, with why), or none (with why, when the
/// mapping says).
/// </summary>
public sealed record Correspondence(string? LaterQuestionId, string? Mapping, string? Why)
{
    public bool Corresponds => LaterQuestionId is not null;

    public static Correspondence Same(string id) => new(id, null, null);

    public static Correspondence Mapped(string id, string mapping, string why) => new(id, mapping, why);

    public static Correspondence None(string? mapping, string? why) => new(null, mapping, why);
}
