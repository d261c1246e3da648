using System.Collections.Concurrent;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Scoring.V1;

namespace Inspection.LoadAndFaults;

/// <summary>An acknowledged case assessment: the request as sent and the version it made (the version it expected + 1).</summary>
public sealed record AcknowledgedAssessment(RecordCaseAssessmentRequest Request, long Version);

/// <summary>An acknowledged domain-one judgement and the version it made.</summary>
public sealed record AcknowledgedJudgement(RecordJudgementRequest Request, long Version);

/// <summary>
/// What the client side knows at the end: every write acknowledged, every write refused (with its status) and every
/// write whose outcome stayed unknown after the retry budget. Thread-safe; the inspectors write to it concurrently.
/// </summary>
public sealed class WriteLedger
{
    public ConcurrentBag<AcknowledgedAssessment> Assessments { get; } = [];
    public ConcurrentBag<AcknowledgedJudgement> Judgements { get; } = [];
    /// <summary>Request id to the definite status that refused it (ABORTED above all).</summary>
    public ConcurrentDictionary<string, StatusCode> Refused { get; } = new(StringComparer.Ordinal);
    public ConcurrentBag<RecordCaseAssessmentRequest> UnresolvedAssessments { get; } = [];
    public ConcurrentBag<RecordJudgementRequest> UnresolvedJudgements { get; } = [];
    /// <summary>Writes acknowledged only when re-sent after the load (their retry budget ran out during it).</summary>
    public int AcknowledgedAfterTheLoad { get; set; }

    public long Acknowledged => Assessments.Count + Judgements.Count;
    public long Conflicts => Refused.Values.LongCount(s => s == StatusCode.Aborted);
}
