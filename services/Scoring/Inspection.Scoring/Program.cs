using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.Application;
using Inspection.Scoring.Data;
using Inspection.Scoring.Demo;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Services;
using Inspection.Scoring.Sources;
using Inspection.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("assessment-scoring");           // ports, gRPC server, health, telemetry
builder.AddServiceDatabase(typeof(Program).Assembly);       // Npgsql data source from ConnectionStrings:Default, migrations at start
builder.Services.AddSingleton(_ => FrameworkCatalog.Load());     // the frameworks of the domain data (DomainData)
builder.Services.AddSingleton<FrameworkResolver>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ScoringStore>();
builder.Services.AddSingleton<InspectionScoring>();
builder.Services.AddSingleton<PublishedRecord>();
// Inspections published before figures were stored get theirs stored once recommendation tracking answers.
builder.Services.AddHostedService<FiguresPublishedBeforeAtStartup>();
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.AddServiceClient<CaseSampling.CaseSamplingClient>("case-sampling");
builder.AddServiceClient<OrganisationalEvidence.OrganisationalEvidenceClient>("organisational-evidence");
builder.Services.AddSingleton<IInspectionRegister, GrpcInspectionRegister>();
builder.Services.AddSingleton<ICaseSampleSource, GrpcCaseSampleSource>();
builder.Services.AddSingleton<IJudgementSource, GrpcJudgementSource>();
builder.Services.AddSingleton<DemoData>();
// `--DemoData:Load=true` (or DemoData__Load=true) records the reference inspections' published results once the
// database is ready and recommendation tracking has registered them.
if (builder.Configuration.GetValue<bool>("DemoData:Load")) builder.Services.AddHostedService<DemoDataAtStartup>();

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<AssessmentScoringService>();
app.Run();

/// <summary>The entry point, public so tests can host the service (WebApplicationFactory).</summary>
public partial class Program;
