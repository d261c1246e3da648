namespace Inspection.Admin.Pages.Providers;

/// <summary>What the restructure form posts: the predecessors chosen (each with the part taken over), the date and a note.</summary>
public sealed class RestructureInput : IVersionedInput
{
    /// <summary>Rows offered on the form: a restructure of more predecessors is recorded again with the rest.</summary>
    public const int Rows = 3;

    public List<PredecessorInput> Predecessors { get; set; } = [];
    public Forms.DateParts EffectiveOn { get; set; } = new();
    public string? Note { get; set; }
    public long Version { get; set; }
    public string? RequestId { get; set; }
}

/// <summary>One predecessor row: the provider chosen and the part of it taken over.</summary>
public sealed class PredecessorInput
{
    public string? ProviderId { get; set; }
    public string? Note { get; set; }
}
