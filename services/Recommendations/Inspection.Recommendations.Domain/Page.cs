namespace Inspection.Recommendations.Domain;

/// <summary>One page of a list and the token of the next page (empty on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken)
{
    /// <summary>How many items match over every page, where the list counts them.</summary>
    public int Total { get; init; }
}
