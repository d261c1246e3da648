using System.Diagnostics;
using System.Globalization;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Scoring.V1;
using Inspection.Testing;

namespace Inspection.LoadAndFaults;

/// <summary>
/// One whole run: a private PostgreSQL cluster and the four services as processes, the seed data, the inspectors under
/// faults for the set time, then the read-back and the replay. Everything is on loopback and bounded in time.
/// </summary>
public static class LoadAndFaultsRun
{
    public static async Task<RunReport> RunAsync(RunOptions options, TextWriter log)
    {
        await using var postgres = new PostgresServer();
        log.WriteLine($"Starting PostgreSQL and the four services{(options.Replicas > 1 ? $", {options.Replicas} replicas each" : "")} ({options.RunId})...");
        await using var system = await InspectionSystem.StartAsync(postgres, createDatabases: true, replicas: options.Replicas);
        try
        {
            return await RunAgainstAsync(system, options, log);
        }
        catch
        {
            foreach (var service in ServiceTopology.Services)
                log.WriteLine($"--- {service.AppId} output (last 4,000 characters) ---\n{Tail(system.Output(service.AppId), 4000)}");
            throw;
        }
    }

    private static async Task<RunReport> RunAgainstAsync(InspectionSystem system, RunOptions options, TextWriter log)
    {
        var setup = new InspectionSetup(system, options.RunId);
        var inspection = await setup.SeedAsync(options.CaseloadSize, options.SampleSize);
        log.WriteLine($"Seeded inspection {inspection.InspectionId}: {inspection.Cases.Count} sampled cases, domain-one standards {string.Join(", ", inspection.DomainOneStandards)}");

        var statistics = new CallStatistics();
        var client = new CarefulClient(statistics, options.Retry);
        var ledger = new WriteLedger();
        var scoring = system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring);
        var evidence = system.Client<OrganisationalEvidence.OrganisationalEvidenceClient>(ServiceTopology.OrganisationalEvidence);

        var load = Stopwatch.StartNew();
        var loadStarted = DateTime.UtcNow;
        var until = DateTime.UtcNow + options.Duration;
        var inspectors = Enumerable.Range(0, options.Inspectors)
            .Select(n => Task.Run(() => new Inspector(n, inspection, scoring, evidence, client, ledger, options).RunAsync(until)))
            .ToList();
        var schedule = new FaultSchedule(system, options);
        using var stopFaults = new CancellationTokenSource();
        var faults = schedule.RunAsync(load, stopFaults.Token);
        using (new Timer(_ => log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                   $"  {load.Elapsed.TotalSeconds,5:0} s: {statistics.Requests:N0} requests, {ledger.Acknowledged:N0} writes acknowledged")),
                   null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)))
        {
            await Task.WhenAll(inspectors);
        }
        var loadTime = load.Elapsed;
        stopFaults.Cancel();
        try
        {
            await faults;
        }
        catch (OperationCanceledException)
        {
        }
        var faultsSeen = schedule.Faults
            .Select(f => f with { MinuteAfter = statistics.Window(loadStarted + TimeSpan.FromSeconds(f.AtSeconds), TimeSpan.FromMinutes(1)) }).ToList();
        foreach (var fault in faultsSeen) log.WriteLine($"  fault at {fault.AtSeconds:0.0} s: {fault.What}, all serving after {fault.RecoveredAfterSeconds:0.0} s");
        await system.WaitUntilServingAsync();

        var acknowledgedLate = await ResolveAsync(ledger, client, scoring, evidence);
        log.WriteLine("Reading everything back...");
        var verifier = new WriteVerifier(system, inspection, ledger, options);
        var verification = await verifier.VerifyAsync();
        log.WriteLine("Replaying the acknowledged writes into a fresh inspection...");
        var replay = await new RatingsReplay(system, setup, inspection, options).RunAsync(verifier.CurrentAssessments, verifier.CurrentJudgements);

        var refusals = ledger.Refused.Values.Where(s => s != StatusCode.Aborted).GroupBy(s => s).ToDictionary(g => g.Key, g => g.LongCount());
        return new RunReport(options, loadTime, inspection.Cases.Count, faultsSeen, statistics.Requests, statistics.ByStatus, statistics.InternalDetails,
            statistics.RequestLatency(), statistics.AcknowledgementLatency(), ledger.Assessments.Count, ledger.Judgements.Count, ledger.Conflicts,
            refusals, ledger.UnresolvedAssessments.Count + ledger.UnresolvedJudgements.Count, statistics.FailedAfterRetries, acknowledgedLate, verification, replay);
    }

    /// <summary>
    /// Writes whose retry budget ran out during the load are sent once more, with the same request id, now the faults
    /// are over, as a client finishing its queue would: the answer settles whether they were applied. One budget for all
    /// of them: when a service fails every write, they stay unresolved (and the run fails) within minutes instead of
    /// each spending its own 60 s in turn, which made a failing run last for hours.
    /// </summary>
    private static readonly TimeSpan ResolveBudget = TimeSpan.FromMinutes(2);

    private static async Task<int> ResolveAsync(
        WriteLedger ledger, CarefulClient client, AssessmentScoring.AssessmentScoringClient scoring, OrganisationalEvidence.OrganisationalEvidenceClient evidence)
    {
        var late = 0;
        var until = DateTime.UtcNow + ResolveBudget;
        var assessments = ledger.UnresolvedAssessments.ToList();
        ledger.UnresolvedAssessments.Clear();
        foreach (var request in assessments)
        {
            if (DateTime.UtcNow >= until) { ledger.UnresolvedAssessments.Add(request); continue; }
            var outcome = await client.WriteAsync(o => scoring.RecordCaseAssessmentAsync(request, o));
            if (outcome.Acknowledged) { ledger.Assessments.Add(new AcknowledgedAssessment(request, request.ExpectedVersion + 1)); late++; }
            else if (outcome.Unresolved) ledger.UnresolvedAssessments.Add(request);
            else ledger.Refused[request.RequestId] = outcome.Status;
        }
        var judgements = ledger.UnresolvedJudgements.ToList();
        ledger.UnresolvedJudgements.Clear();
        foreach (var request in judgements)
        {
            if (DateTime.UtcNow >= until) { ledger.UnresolvedJudgements.Add(request); continue; }
            var outcome = await client.WriteAsync(o => evidence.RecordJudgementAsync(request, o));
            if (outcome.Acknowledged) { ledger.Judgements.Add(new AcknowledgedJudgement(request, request.ExpectedVersion + 1)); late++; }
            else if (outcome.Unresolved) ledger.UnresolvedJudgements.Add(request);
            else ledger.Refused[request.RequestId] = outcome.Status;
        }
        ledger.AcknowledgedAfterTheLoad = late;
        return late;
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];
}
