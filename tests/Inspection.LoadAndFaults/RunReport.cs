using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Inspection.LoadAndFaults;

/// <summary>The figures of a run, and whether it passed: nothing lost, nothing duplicated, no phantom, ratings equal.</summary>
public sealed record RunReport(
    RunOptions Options,
    TimeSpan LoadTime,
    int SampleSize,
    IReadOnlyList<Fault> Faults,
    long Requests,
    IReadOnlyDictionary<StatusCode, long> ByStatus,
    IReadOnlyDictionary<string, long> InternalDetails,
    (double P50, double P99, double Max) RequestLatency,
    (double P50, double P99, double Max) AcknowledgementLatency,
    long AssessmentsAcknowledged,
    long JudgementsAcknowledged,
    long Conflicts,
    IReadOnlyDictionary<StatusCode, long> OtherRefusals,
    long StillUnresolved,
    long FailedAfterRetries,
    int AcknowledgedAfterTheLoad,
    Verification Verification,
    ReplayResult Replay)
{
    public long WritesAcknowledged => AssessmentsAcknowledged + JudgementsAcknowledged;
    public long Lost => Verification.Lost;
    public long Duplicates => Verification.Duplicates;
    public bool Passed => Lost == 0 && Duplicates == 0 && Verification.Phantoms == 0 && Replay.RatingsMatch;

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var o = Options;
        var text = new StringBuilder();
        text.AppendLine(c, $"Load and faults: {o.Inspectors} inspectors for {LoadTime.TotalSeconds:0} s, a fault every {o.FaultEvery.TotalSeconds:0} s ({o.Downtime.TotalSeconds:0.#} s down), sample of {SampleSize} cases, seed {o.Seed}{(o.Replicas > 1 ? $", {o.Replicas} replicas of every service" : "")}");
        text.AppendLine("Faults:");
        foreach (var fault in Faults)
            text.AppendLine(c, $"  {fault.AtSeconds,6:0.0} s  {fault.What,-36} all serving again after {fault.RecoveredAfterSeconds:0.0} s; the minute after: {fault.MinuteAfter.Requests:N0} requests, {fault.MinuteAfter.FailedAttempts:N0} attempts failed{(fault.MinuteAfter.FailedAttempts > 0 ? $" ({fault.MinuteAfter.FailedStatuses})" : "")}, {fault.MinuteAfter.FailedAfterRetries:N0} calls failed after retries, p99 {fault.MinuteAfter.P99:0.0} ms");
        text.AppendLine(c, $"Requests:                      {Requests:N0} ({Requests / LoadTime.TotalSeconds:N0}/s)");
        text.AppendLine(c, $"  by status:                   {string.Join(", ", ByStatus.Select(s => $"{Name(s.Key)} {s.Value:N0}"))}");
        foreach (var (detail, count) in InternalDetails) text.AppendLine(c, $"  INTERNAL x{count}: {detail}");
        text.AppendLine(c, $"Latency per request:           p50 {RequestLatency.P50:0.0} ms, p99 {RequestLatency.P99:0.0} ms, max {RequestLatency.Max:0} ms");
        text.AppendLine(c, $"Write to acknowledgement:      p50 {AcknowledgementLatency.P50:0.0} ms, p99 {AcknowledgementLatency.P99:0.0} ms, max {AcknowledgementLatency.Max:0} ms (retries included)");
        text.AppendLine(c, $"Writes acknowledged:           {WritesAcknowledged:N0} (case assessments {AssessmentsAcknowledged:N0}, judgements {JudgementsAcknowledged:N0})");
        text.AppendLine(c, $"Version conflicts (ABORTED):   {Conflicts:N0} (expected: concurrent inspectors on one record)");
        text.AppendLine(c, $"Other refusals:                {(OtherRefusals.Count == 0 ? "0" : string.Join(", ", OtherRefusals.Select(s => $"{Name(s.Key)} {s.Value:N0}")))}");
        text.AppendLine(c, $"Unresolved after retries:      {StillUnresolved:N0} (acknowledged only when re-sent after the load: {AcknowledgedAfterTheLoad:N0})");
        text.AppendLine(c, $"Calls failed after retries:    {FailedAfterRetries:N0}");
        text.AppendLine(c, $"Stored versions:               case assessments {Verification.StoredAssessmentVersions:N0}, judgements {Verification.StoredJudgementVersions:N0}");
        text.AppendLine(c, $"Writes lost:                   {Lost:N0}");
        text.AppendLine(c, $"Duplicates:                    {Duplicates:N0}");
        text.AppendLine(c, $"Phantom writes:                {Verification.Phantoms:N0} (refused to the client, stored anyway)");
        text.AppendLine(c, $"Ratings match the replay:      {(Replay.RatingsMatch ? "yes" : "no")} ({Replay.Loaded.CasesAssessed} cases assessed; overall {Overall(Replay.Loaded)})");
        foreach (var problem in Verification.Problems.Take(20)) text.AppendLine("  " + problem);
        if (!Replay.RatingsMatch) text.AppendLine("  " + Replay.Detail);
        text.Append(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }

    private static string Overall(Inspection.Scoring.V1.InspectionRatings ratings) =>
        ratings.Overall is null ? "none" : $"{ratings.Overall.Score}/{ratings.Overall.MaxScore} {ratings.Overall.Rating}".Trim();

    public static string Name(StatusCode status) => status switch
    {
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        _ => status.ToString().ToUpperInvariant(),
    };
}
