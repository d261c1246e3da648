namespace Inspection.Sampling.Data;

/// <summary>A case of a stored sample with its attributes from the snapshot: sampled (active or replaced) or a waiting reserve.</summary>
public sealed record StoredSampleCase(
    CaseRecord Case,
    string Stratum,
    string Role,
    string Status,
    string SelectedBy,
    long DrawPosition,
    int ReserveRank,
    string Replaces,
    string ReplacedBy);
