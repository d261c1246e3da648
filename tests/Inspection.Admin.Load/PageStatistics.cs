namespace Inspection.Admin.Load;

/// <summary>Every page load of one measurement: its time per page, and the errors (the first few kept to print).</summary>
public sealed class PageStatistics
{
    private readonly Dictionary<string, List<double>> _milliseconds = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private long _errorCount;

    public void Record(string page, TimeSpan elapsed, string? error)
    {
        lock (_milliseconds)
        {
            if (!_milliseconds.TryGetValue(page, out var times)) _milliseconds[page] = times = [];
            times.Add(elapsed.TotalMilliseconds);
            if (error is null) return;
            _errorCount++;
            if (_errors.Count < 5) _errors.Add(error);
        }
    }

    public long Pages
    {
        get { lock (_milliseconds) return _milliseconds.Values.Sum(t => t.Count); }
    }

    public long Errors
    {
        get { lock (_milliseconds) return _errorCount; }
    }

    public IReadOnlyList<string> FirstErrors
    {
        get { lock (_milliseconds) return [.. _errors]; }
    }

    /// <summary>p50, p95 and p99 of a page (nearest rank), or null when it was not loaded.</summary>
    public (double P50, double P95, double P99, int Count)? Latency(string page)
    {
        double[] sorted;
        lock (_milliseconds)
        {
            if (!_milliseconds.TryGetValue(page, out var times) || times.Count == 0) return null;
            sorted = [.. times];
        }
        Array.Sort(sorted);
        return (At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted.Length);
    }

    public (double P50, double P95, double P99) Overall()
    {
        double[] sorted;
        lock (_milliseconds) sorted = [.. _milliseconds.Values.SelectMany(t => t)];
        if (sorted.Length == 0) return (0, 0, 0);
        Array.Sort(sorted);
        return (At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99));
    }

    private static double At(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
