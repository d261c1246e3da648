using System.Diagnostics;
using Grpc.Core;

namespace Inspection.LoadAndFaults;

/// <summary>
/// Calls the way a careful real client does: every attempt carries a deadline; an answer that leaves the outcome
/// unknown (UNAVAILABLE, DEADLINE_EXCEEDED, a connection cut, which can surface as INTERNAL when the answer was cut
/// mid-frame) is retried after a backoff with the SAME request, so the request id makes the retry harmless. Every
/// attempt is counted in <see cref="CallStatistics"/>.
/// </summary>
public sealed class CarefulClient(CallStatistics statistics, RetryPolicy policy)
{
    public RetryPolicy Policy => policy;

    public static bool LeavesOutcomeUnknown(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;

    /// <summary>A write: retried with the same request until acknowledged, refused, or the budget is spent.</summary>
    public async Task<WriteOutcome<T>> WriteAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call) where T : class
    {
        var clock = Stopwatch.StartNew();
        var outcome = await CallAsync(call);
        if (outcome.Acknowledged) statistics.RecordAcknowledgement(clock.Elapsed);
        return outcome;
    }

    /// <summary>A read: the same retries; a definite refusal (NOT_FOUND) comes back as the outcome's status.</summary>
    public Task<WriteOutcome<T>> ReadAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call) where T : class => CallAsync(call);

    private async Task<WriteOutcome<T>> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call) where T : class
    {
        var started = DateTime.UtcNow;
        var giveUpAt = started + policy.Budget;
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            StatusCode status;
            string detail;
            try
            {
                var reply = await call(new CallOptions(deadline: DateTime.UtcNow + policy.AttemptDeadline));
                statistics.Record(StatusCode.OK, clock.Elapsed);
                return new WriteOutcome<T>(reply, StatusCode.OK, "", attempt);
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
                detail = e.Status.Detail;
                statistics.Record(status, clock.Elapsed, detail);
            }
            if (!LeavesOutcomeUnknown(status) || DateTime.UtcNow + policy.Backoff(attempt) >= giveUpAt)
            {
                if (LeavesOutcomeUnknown(status)) statistics.RecordFailedAfterRetries(started);
                return new WriteOutcome<T>(null, status, detail, attempt);
            }
            await Task.Delay(policy.Backoff(attempt));
        }
    }
}
