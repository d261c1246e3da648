using System.Diagnostics;
using Inspection.Recommendations.Grpc;
using Inspection.Recommendations.V1;
using Inspection.Scoring.Application;
using Inspection.Scoring.Benchmarks;
using Inspection.Scoring.Data;
using AnswerWords = Inspection.Scoring.Domain.Assessments.AnswerWords;
using Applicability = Inspection.Scoring.Domain.Assessments.Applicability;
using QuestionApplicability = Inspection.Scoring.Domain.Assessments.QuestionApplicability;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;
using CurrentSample = Inspection.Scoring.Domain.Assessments.CurrentSample;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.Tests.Grpc;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using EvidenceJudgement = Inspection.Evidence.V1.Judgement;
using SampledCase = Inspection.Sampling.V1.SampledCase;

// Targets (issue 4): GetInspectionRatings under 20 ms server-side for 150 cases; the national roll-up over 1,000
// inspections under 5 s, with SQL doing the counting.
const int Cases = 150;
const int RollupInspections = 1000;
const int RollupCasesEach = 48;

// Outside a test run WebApplicationFactory looks for the hosts' project folders as content roots; the binaries' folder serves.
foreach (var assembly in new[] { "Inspection.Recommendations", "Inspection.Scoring" })
    Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{assembly.ToUpperInvariant().Replace('.', '_')}", AppContext.BaseDirectory);
Console.WriteLine($"Assessment scoring benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var total = Stopwatch.StartNew();
var state = new UpstreamState();
await using var register = await ServiceTestHost<RecommendationTrackingService>.StartAsync(new Dictionary<string, string?>
{
    ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("bench_reco"),
    ["Logging:LogLevel:Default"] = "Warning",
});
await using var upstream = await UpstreamStubHost.StartAsync(state);
var scoringDatabase = await PostgresServer.Shared.CreateDatabaseAsync("bench_scoring");
await using var host = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
{
    ["ConnectionStrings:Default"] = scoringDatabase,
    ["Services:recommendation-tracking:GrpcUrl"] = register.GrpcAddress,
    ["Services:case-sampling:GrpcUrl"] = upstream.GrpcAddress,
    ["Services:organisational-evidence:GrpcUrl"] = upstream.GrpcAddress,
    ["Logging:LogLevel:Default"] = "Warning",
});
var scoring = host.CreateClient<AssessmentScoring.AssessmentScoringClient>();
var registerClient = register.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
var framework = host.Services.GetRequiredService<FrameworkCatalogue>().Get("pdu-2021-2023");
Console.WriteLine($"hosts up in {total.Elapsed.TotalSeconds:F1} s");

// ---------------------------------------------------------------- one inspection of 150 cases, every question answered
var provider = await registerClient.CreateProviderAsync(new CreateProviderRequest { RequestId = "bench-p", Name = "Benchmark PDU", Type = "pdu", Region = "London", CreatedBy = "bench" });
var inspection = await registerClient.CreateInspectionAsync(new CreateInspectionRequest { RequestId = "bench-i", ProviderId = provider.ProviderId, FrameworkId = framework.Id, FieldworkStart = "2022-06-06", CreatedBy = "bench" });
var inspectionId = inspection.InspectionId;
var random = new Random(20221107);
var cases = Enumerable.Range(1, Cases).Select(i => SampledCaseFacts.Create(
    $"B{i:000}", i % 3 == 0 ? "licence" : i % 2 == 0 ? "community_order" : "suspended_sentence_order",
    gender: i % 6 == 0 ? "female" : "male", ethnicGroup: new[] { "white", "black", "asian", "mixed" }[i % 4],
    roshLevel: new[] { "low", "medium", "high", "very_high" }[i % 4], courtReport: i % 3 != 0, roshRelevant: i % 4 != 0)).ToList();
state.SetSample(inspectionId, cases.Select(c => new SampledCase
{
    CaseReference = c.CaseReference, SentenceType = c.SentenceType, UnpaidWorkOnly = c.UnpaidWorkOnly, Gender = c.Attribute("gender") ?? "",
    EthnicGroup = c.Attribute("ethnic_group") ?? "", RoshLevel = c.Attribute("rosh_level") ?? "", CourtReport = c.Flag("court_report"),
    RoshRelevant = c.Flag("rosh_relevant"), Status = "active",
}).ToList());
state.SetJudgements(inspectionId, new[] { "1.1", "1.2", "1.3", "1.4" }
    .Select(s => new EvidenceJudgement { StandardId = s, Rating = "Requires improvement", State = "final", InspectionId = inspectionId }).ToList());

var record = Stopwatch.StartNew();
var answered = 0;
foreach (var @case in cases)
{
    var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = @case.CaseReference, StaffGrade = random.Next(2) == 0 ? "PO" : "PSO" };
    foreach (var id in framework.CaseKeyQuestions.Select(k => k.Id).Concat(framework.CasePrompts.Select(p => p.Id)))
    {
        var applicability = QuestionApplicability.For(framework, id, @case).Applicability;
        var answer = applicability == Applicability.DoesNotApply ? AnswerWords.NotApplicable : random.Next(100) < 55 ? AnswerWords.Yes : AnswerWords.No;
        request.Answers.Add(new Inspection.Scoring.V1.Answer { QuestionId = id, Answer_ = answer });
    }
    answered += request.Answers.Count;
    await scoring.RecordCaseAssessmentAsync(request);
}
Console.WriteLine($"recorded {Cases} case assessments ({answered} answers, one row each) over gRPC in {record.Elapsed.TotalSeconds:F2} s ({record.Elapsed.TotalMilliseconds / Cases:F1} ms per case)");

var application = host.Services.GetRequiredService<ComputedRatings>();
var store = host.Services.GetRequiredService<RatingCountStore>();
var ratingsRequest = new GetInspectionRatingsRequest { InspectionId = inspectionId };
// Only the current sample's active cases count (issue 19): the counting query is given them.
var countedSample = new CurrentSample("", cases);
var results = new List<Measurement>
{
    await Measurement.RunAsync("SQL counting only (GROUP BY k, n per key question)", 20, 300, () => store.GetRatingCountsAsync(inspectionId, countedSample, CancellationToken.None)),
    await Measurement.RunAsync("server-side GetInspectionRatings (SQL + judgements + rules)", 20, 300, () => application.GetRatingsAsync(inspectionId, CancellationToken.None)),
    await Measurement.RunAsync("GetInspectionRatings over gRPC (client round trip)", 20, 300, () => scoring.GetInspectionRatingsAsync(ratingsRequest).ResponseAsync),
    await Measurement.RunAsync("GetPromptResults over gRPC", 10, 100, () => scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = inspectionId }).ResponseAsync),
    await Measurement.RunAsync("GetBreakdown(gender) over gRPC", 10, 100, () => scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "gender" }).ResponseAsync),
};
var ratings = await scoring.GetInspectionRatingsAsync(ratingsRequest);
Console.WriteLine($"  ratings: {ratings.CasesAssessed} cases, score {ratings.Overall.Score}/{ratings.Overall.MaxScore} {ratings.Overall.Rating}; response {ratings.CalculateSize() / 1024.0:F1} KiB");

// ---------------------------------------------------------------- national roll-up over 1,000 inspections
// Seeded with SQL (generate_series) into the service's own schema: 1,000 pinned inspections of 48 cases with every key
// question answered; quality varies by inspection. Going through RecordCaseAssessment would take 48,000 calls.
var seed = Stopwatch.StartNew();
await using (var dataSource = NpgsqlDataSource.Create(scoringDatabase))
await using (var command = dataSource.CreateCommand(
    """
    INSERT INTO framework_versions (framework_id, version, definition) VALUES (@id, @version, @definition) ON CONFLICT DO NOTHING;
    INSERT INTO inspections (inspection_id, framework_id, framework_version, source)
    SELECT 'rollup-' || i, @id, @version, 'case_assessments' FROM generate_series(1, @inspections) AS i;
    INSERT INTO case_assessments (inspection_id, case_reference, version, recorded_at)
    SELECT 'rollup-' || i, 'R' || c, 1, now() FROM generate_series(1, @inspections) AS i, generate_series(1, @cases) AS c;
    INSERT INTO key_question_answers (inspection_id, case_reference, question_id, answer)
    SELECT 'rollup-' || i, 'R' || c, q,
           CASE WHEN q LIKE '2.1.%' AND c % 3 = 0 THEN 'Not applicable'
                WHEN abs(hashtext(i || '/' || c || '/' || q)) % 100 < 25 + i % 60 THEN 'Yes' ELSE 'No' END
    FROM generate_series(1, @inspections) AS i, generate_series(1, @cases) AS c, unnest(@questions::text[]) AS q;
    ANALYZE key_question_answers; ANALYZE inspections;
    """))
{
    command.CommandTimeout = 600;
    command.Parameters.AddWithValue("id", framework.Id);
    command.Parameters.AddWithValue("version", framework.Version);
    command.Parameters.AddWithValue("definition", framework.DefinitionJson);
    command.Parameters.AddWithValue("inspections", RollupInspections);
    command.Parameters.AddWithValue("cases", RollupCasesEach);
    command.Parameters.AddWithValue("questions", framework.CaseKeyQuestions.Select(k => k.Id).ToArray());
    await command.ExecuteNonQueryAsync();
}
// Each seeded inspection's sample, served by the case-sampling stand-in: the roll-up counts only active sampled cases.
var rollupSample = Enumerable.Range(1, RollupCasesEach).Select(c => new SampledCase { CaseReference = "R" + c, SentenceType = "community_order", Status = "active" }).ToList();
for (var i = 1; i <= RollupInspections; i++) state.SetSample("rollup-" + i, rollupSample);
var rows = RollupInspections * RollupCasesEach * framework.CaseKeyQuestions.Count();
Console.WriteLine($"seeded {RollupInspections} inspections x {RollupCasesEach} cases = {rows:N0} key-question answer rows in {seed.Elapsed.TotalSeconds:F1} s");

var rollupRequest = new GetNationalRollupRequest { FrameworkId = framework.Id };
results.Add(await Measurement.RunAsync($"server-side GetNationalRollup ({RollupInspections + 1} inspections)", 1, 5, () => host.Services.GetRequiredService<PublishedRecord>().RollupAsync(framework.Id, CancellationToken.None)));
results.Add(await Measurement.RunAsync($"GetNationalRollup over gRPC ({RollupInspections + 1} inspections)", 1, 5, () => scoring.GetNationalRollupAsync(rollupRequest).ResponseAsync));
var rollup = await scoring.GetNationalRollupAsync(rollupRequest);
var assessment = rollup.Standards.Single(s => s.StandardId == "2.2");
Console.WriteLine($"  roll-up: {rollup.Inspections} inspections; 2.2 Assessment: {string.Join(", ", assessment.RatingCounts.Select(c => $"{c.Rating} {c.Inspections}"))}");

Console.WriteLine();
foreach (var result in results) Console.WriteLine(result);
var process = Process.GetCurrentProcess();
Console.WriteLine($"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB; managed heap now {GC.GetTotalMemory(false) / (1024 * 1024)} MiB; GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
var serverSide = results.Single(r => r.Name.StartsWith("server-side GetInspectionRatings", StringComparison.Ordinal)).Percentile(0.5);
var rollupServer = results.Single(r => r.Name.StartsWith("server-side GetNationalRollup", StringComparison.Ordinal)).Percentile(0.5);
Console.WriteLine($"targets: ratings server-side median {serverSide:F2} ms (< 20 ms: {(serverSide < 20 ? "met" : "NOT met")}); roll-up median {rollupServer / 1000:F2} s (< 5 s: {(rollupServer < 5000 ? "met" : "NOT met")})");
Console.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
