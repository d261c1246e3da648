using Inspection.Admin.Load;
using Xunit.Abstractions;

namespace Inspection.Reliability.Tests;

/// <summary>
/// The admin load program's short setting (about a minute of load): signed-in staff load the pages of a working day,
/// save an assessment standard page, at 1, 10 and 50 users without pause and 50 working users, against the admin and
/// the four services as processes. No page may be the error page, no save may fail, and nothing may log "too many
/// clients". The figures are printed, not asserted: they measure the shared machine as much as the admin.
/// </summary>
public sealed class AdminLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Staff_working_through_the_day_under_load_see_no_error_page_and_the_database_never_runs_out_of_connections()
    {
        var report = await AdminLoadRun.RunAsync(AdminLoadOptions.Short, new TestOutputWriter(output));
        output.WriteLine(report.ToString());

        // every page of the day was loaded, and saved, under load
        foreach (var page in WorkingDay.Pages)
            Assert.True(report.Measurements.Any(m => m.Statistics.Latency(page) is not null), $"{page} was loaded");
        Assert.Contains(report.Measurements, m => m.Users == 50 && m.Pace is null && m.Statistics.Pages > 50);
        Assert.Contains(report.Measurements, m => m.Users == 50 && m.Pace is not null && m.Statistics.Pages > 0);

        Assert.Equal(0, report.Errors);
        Assert.Empty(report.TooManyClients);
        Assert.True(report.Passed);
    }
}
