namespace Inspection.Sampling.Domain.Drawing;

/// <summary>How a case came into a sample.</summary>
public static class SelectionReason
{
    /// <summary>Chosen first to meet a minimum quota.</summary>
    public const string Quota = "quota";
    /// <summary>Chosen to fill its stratum's proportional allocation.</summary>
    public const string Proportional = "proportional";
    /// <summary>Chosen to fill its stratum's share of a fixed split.</summary>
    public const string Split = "split";
    /// <summary>A reserve that replaced a sampled case.</summary>
    public const string Substitute = "substitute";
}
