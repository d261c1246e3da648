using System.Collections.Concurrent;
using Grpc.Core;

namespace Inspection.LoadAndFaults;

/// <summary>Every request the simulated inspectors sent (each attempt counts): its status and how long it took.</summary>
public sealed class CallStatistics
{
    private readonly ConcurrentDictionary<StatusCode, long> _byStatus = new();
    private readonly ConcurrentDictionary<string, long> _internalDetails = new(StringComparer.Ordinal);
    private readonly List<double> _requestMilliseconds = [];
    private readonly List<(DateTime At, double Milliseconds, StatusCode Status)> _timeline = [];
    private readonly List<DateTime> _failedCallStarts = [];
    private readonly List<double> _acknowledgementMilliseconds = [];

    private long _failedAfterRetries;

    public long Requests => _byStatus.Values.Sum();

    /// <summary>Calls (reads or writes) still without an answer when their retries were spent.</summary>
    public long FailedAfterRetries => Interlocked.Read(ref _failedAfterRetries);

    /// <param name="callStarted">When the call's first attempt was sent: the failure belongs to the fault window it began in.</param>
    public void RecordFailedAfterRetries(DateTime callStarted)
    {
        Interlocked.Increment(ref _failedAfterRetries);
        lock (_failedCallStarts) _failedCallStarts.Add(callStarted);
    }

    public IReadOnlyDictionary<StatusCode, long> ByStatus => new SortedDictionary<StatusCode, long>(_byStatus);

    /// <summary>The details of INTERNAL answers, to tell a server fault from a connection cut mid-answer.</summary>
    public IReadOnlyDictionary<string, long> InternalDetails => new SortedDictionary<string, long>(_internalDetails, StringComparer.Ordinal);

    public void Record(StatusCode status, TimeSpan elapsed, string? detail = null)
    {
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status == StatusCode.Internal) _internalDetails.AddOrUpdate(Shorten(detail ?? ""), 1, (_, n) => n + 1);
        lock (_requestMilliseconds)
        {
            _requestMilliseconds.Add(elapsed.TotalMilliseconds);
            _timeline.Add((DateTime.UtcNow - elapsed, elapsed.TotalMilliseconds, status));
        }
    }

    /// <summary>
    /// The requests sent from <paramref name="from"/> for <paramref name="span"/>: how many, how many attempts failed (an
    /// unknown outcome) and with which statuses, their p99, and the calls begun then that failed after their retries.
    /// </summary>
    public FaultWindow Window(DateTime from, TimeSpan span)
    {
        long failedCalls;
        lock (_failedCallStarts) failedCalls = _failedCallStarts.Count(t => t >= from && t < from + span);
        lock (_requestMilliseconds)
        {
            var inside = _timeline.Where(r => r.At >= from && r.At < from + span).ToList();
            var failed = inside.Where(r => CarefulClient.LeavesOutcomeUnknown(r.Status)).ToList();
            var byStatus = failed.GroupBy(r => r.Status).OrderByDescending(g => g.Count()).Select(g => $"{RunReport.Name(g.Key)} {g.Count():N0}");
            return new FaultWindow(inside.Count, failed.Count, string.Join(", ", byStatus), Percentiles([.. inside.Select(r => r.Milliseconds)]).Item2, failedCalls);
        }
    }

    /// <summary>A write's time from its first attempt to its acknowledgement, retries included.</summary>
    public void RecordAcknowledgement(TimeSpan elapsed)
    {
        lock (_acknowledgementMilliseconds) _acknowledgementMilliseconds.Add(elapsed.TotalMilliseconds);
    }

    public (double P50, double P99, double Max) RequestLatency()
    {
        lock (_requestMilliseconds) return Percentiles(_requestMilliseconds);
    }

    public (double P50, double P99, double Max) AcknowledgementLatency()
    {
        lock (_acknowledgementMilliseconds) return Percentiles(_acknowledgementMilliseconds);
    }

    private static (double, double, double) Percentiles(List<double> values)
    {
        if (values.Count == 0) return (0, 0, 0);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return (At(sorted, 0.50), At(sorted, 0.99), sorted[^1]);
    }

    // Nearest rank: the smallest value with at least p of the values at or below it.
    private static double At(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Shorten(string detail) => detail.Length <= 120 ? detail : detail[..120] + "...";
}

/// <summary>The minute after a fault: requests sent, attempts that failed (and their statuses), p99, calls failed after their retries.</summary>
public sealed record FaultWindow(long Requests, long FailedAttempts, string FailedStatuses, double P99, long FailedAfterRetries);
