using Inspection.LoadAndFaults;
using Xunit.Abstractions;

namespace Inspection.Reliability.Tests;

/// <summary>
/// The load-and-faults program in its CI settings: 50 inspectors for 40 s while assessment scoring is killed (SIGKILL)
/// and restarted and PostgreSQL is restarted; and with two replicas of every service for 60 s while one replica is
/// killed and another stopped gracefully (SIGTERM). Nothing acknowledged may be lost or duplicated, nothing refused may
/// be stored, and the ratings must equal those of a replay of the acknowledged writes; with replicas, calls fail over
/// to the replica still serving, so none fails after its retries.
/// </summary>
public sealed class LoadAndFaultsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Under_kills_and_a_postgres_restart_no_acknowledged_write_is_lost_or_duplicated_and_the_ratings_match_a_replay()
    {
        var report = await LoadAndFaultsRun.RunAsync(RunOptions.Ci, new TestOutputWriter(output));
        output.WriteLine(report.ToString());

        // the faults really happened, under real load
        Assert.Contains(report.Faults, f => f.What == $"SIGKILL {ServiceTopology.AssessmentScoring}");
        Assert.Contains(report.Faults, f => f.What.StartsWith("PostgreSQL restart", StringComparison.Ordinal));
        Assert.True(report.AssessmentsAcknowledged > 0 && report.JudgementsAcknowledged > 0, "both kinds of write were acknowledged");
        Assert.True(report.Requests > report.WritesAcknowledged, "reads and retries were made besides the acknowledged writes");

        Assert.Equal(0, report.StillUnresolved);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Verification.Phantoms);
        Assert.True(report.Replay.RatingsMatch, report.Replay.Detail);
        Assert.Equal(report.Verification.StoredAssessmentVersions + report.Verification.StoredJudgementVersions,
            report.WritesAcknowledged + report.Verification.CommittedWithoutAcknowledgement);
        Assert.Empty(report.Verification.Problems);
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task With_two_replicas_of_every_service_a_replica_killed_and_one_stopped_lose_nothing_and_calls_fail_over()
    {
        var report = await LoadAndFaultsRun.RunAsync(RunOptions.ReplicatedCi with { RunId = "replicated-" + RunOptions.Ci.RunId }, new TestOutputWriter(output));
        output.WriteLine(report.ToString());

        // both faults happened during the load, each to one replica while the other served
        var kill = Assert.Single(report.Faults, f => f.What.StartsWith("SIGKILL ", StringComparison.Ordinal));
        var stop = Assert.Single(report.Faults, f => f.What.StartsWith("SIGTERM ", StringComparison.Ordinal));
        Assert.True(kill.MinuteAfter.Requests > 0 && stop.MinuteAfter.Requests > 0, "load ran after each fault");
        Assert.True(report.AssessmentsAcknowledged > 0 && report.JudgementsAcknowledged > 0, "both kinds of write were acknowledged");

        // a graceful stop costs no call; a kill costs at most the calls it cut, which their retries carry to the other replica
        Assert.Equal(0, stop.MinuteAfter.FailedAfterRetries);
        Assert.Equal(0, report.FailedAfterRetries);
        Assert.Equal(0, report.StillUnresolved);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Verification.Phantoms);
        Assert.True(report.Replay.RatingsMatch, report.Replay.Detail);
        Assert.Empty(report.Verification.Problems);
        Assert.True(report.Passed);
    }
}
