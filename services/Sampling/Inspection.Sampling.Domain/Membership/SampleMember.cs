namespace Inspection.Sampling.Domain.Membership;

/// <summary>
/// A case of a stored sample as substitution sees it: a sampled case (active or replaced) or a reserve
/// (waiting, in rank order within its stratum).
/// </summary>
public sealed record SampleMember(string CaseReference, string Stratum, string Role, string Status, int ReserveRank, string ReplacedBy = "")
{
    public const string Sampled = "sampled";
    public const string Reserve = "reserve";
    public const string Active = "active";
    public const string Replaced = "replaced";
    public const string Waiting = "waiting";
}
