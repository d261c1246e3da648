using Inspection.Data;
using Inspection.Recommendations.Application;
using Inspection.Recommendations.Application.Changes;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Domain.Frameworks;
using Npgsql;

namespace Inspection.Recommendations.Tests;

/// <summary>
/// The service's use cases over a test database, composed as Program composes them but without a host: publishing here
/// is a report published before the system (RecordEarlierPublicationAsync), so assessment scoring is never asked.
/// </summary>
public sealed class UseCases
{
    private UseCases(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var database = new Database(dataSource);
        var ledger = new RequestLedger(database);
        var providers = new ProviderStore(database);
        var inspections = new InspectionStore(database);
        var recommendations = new RecommendationStore(database);
        ChangeLog = new ChangeLogStore(database);
        Changes = new ChangeFeed(ChangeLog, new ChangeRetention(TimeSpan.FromDays(30)));
        Register = new ProviderRegister(providers, ledger, database, TimeProvider.System);
        Progress = new ProgressJudgements(
            new ProgressJudgementStore(database), recommendations, inspections, providers, Register, ledger, Frameworks, ChangeLog, clock, database);
        Calendar = new InspectionCalendar(inspections, providers, Register, ledger, Frameworks,
            new PublicationReadiness(Progress, new ScoringNotAsked()), ChangeLog, clock);
        Records = new RecommendationRecords(recommendations, inspections, providers, Register, ledger, Frameworks, clock);
        var plans = new PlanStore(database);
        Plans = new ActionPlans(plans, Register, ledger, Frameworks, clock);
        Reminders = new DueReminders(new ReminderStore(database), plans, new ConcernStore(database), Register, Frameworks);
        SaidAgainstFound = new SaidAgainstFoundReport(new SaidAgainstFoundStore(database), Register);
        Example = new ExampleInspection(Register, Calendar, Records, Progress, Plans, Frameworks);
        Concerns = new CausesForConcern(new ConcernStore(database), new ConcernFactStore(), new PlanStore(database), FrameworkOutline.Load(),
            Domain.Concerns.ConcernRuleBook.Load(), ledger, database, clock);
    }

    public static FrameworkCatalogue Frameworks { get; } = FrameworkCatalogue.Load();

    public ChangeLogStore ChangeLog { get; }
    public ChangeFeed Changes { get; }
    public ProviderRegister Register { get; }
    public InspectionCalendar Calendar { get; }
    public RecommendationRecords Records { get; }
    public ProgressJudgements Progress { get; }
    public ActionPlans Plans { get; }
    public DueReminders Reminders { get; }
    public SaidAgainstFoundReport SaidAgainstFound { get; }
    public ExampleInspection Example { get; }
    public CausesForConcern Concerns { get; }

    /// <summary>Migrates the database as the host does at start-up, then composes the use cases over it.</summary>
    /// <param name="clock">The calendar's clock (a FakeTimeProvider sets "today"); the system clock when not given.</param>
    public static async Task<UseCases> OverAsync(NpgsqlDataSource dataSource, TimeProvider? clock = null)
    {
        await Migrator.ApplyAsync(dataSource, typeof(ProviderStore).Assembly, default);
        return new UseCases(dataSource, clock ?? TimeProvider.System);
    }

    private sealed class ScoringNotAsked : IAssessmentScoring
    {
        public Task<IReadOnlyList<string>> BlockersAsync(Guid inspectionId, CancellationToken ct) =>
            throw new InvalidOperationException("These tests publish without the guard: scoring is not asked");

        public Task RecordPublishedFiguresAsync(Guid inspectionId, DateOnly publishedOn, string publishedBy, string? callerAuthorization, CancellationToken ct) =>
            throw new InvalidOperationException("These tests publish without the guard: scoring is not asked");
    }
}
