namespace Inspection.Statistics.Proportions;

/// <summary>Which proportion the estimator targets.</summary>
public enum Weighting
{
    /// <summary>
    /// Each case weighs what it stands for (stratum population over stratum sample): the estimate of the caseload's
    /// proportion. Equal to <see cref="AsPrinted"/> when the sample is self-weighting (proportional allocation).
    /// </summary>
    Caseload,

    /// <summary>
    /// Every case weighs the same: the plain percentage a report prints (k of n), which the published method rates.
    /// Its variance still follows the design (strata, sampling without replacement), so its interval is centred on
    /// the figure the rating uses.
    /// </summary>
    AsPrinted,
}
