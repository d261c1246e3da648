using Inspection.LoadAndFaults;
using Xunit.Abstractions;

namespace Inspection.Reliability.Tests;

/// <summary>
/// The load-and-faults program in its CI setting: 50 inspectors for 40 s while assessment scoring is killed (SIGKILL)
/// and restarted and PostgreSQL is restarted. Nothing acknowledged may be lost or duplicated, nothing refused may be
/// stored, and the ratings must equal those of a replay of the acknowledged writes.
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
}
