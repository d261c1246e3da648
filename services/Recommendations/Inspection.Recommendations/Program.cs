using Inspection.Recommendations.Changes;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Domain;
using Inspection.Recommendations.Services;
using Inspection.ServiceDefaults;
using Inspection.Scoring.V1;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("recommendation-tracking");      // ports, gRPC server, health, telemetry
builder.AddServiceDatabase(typeof(Program).Assembly);       // Npgsql data source from ConnectionStrings:Default, migrations at start
builder.Services.AddSingleton(_ => FrameworkCatalogue.Load());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<RecommendationStore>();
builder.Services.AddSingleton<ChangeFeed>();
builder.Services.AddSingleton<DemoData>();
builder.AddServiceClient<AssessmentScoring.AssessmentScoringClient>("assessment-scoring");   // publishing asks scoring what blocks it
builder.Services.AddSingleton<PublicationReadiness>();
// Publishing has scoring store the published figures as the person publishing (see CallerCredentials).
builder.Services.AddSingleton<Inspection.Security.IOutgoingCredentials, CallerCredentials>();
// `--DemoData:Load=true` (or DemoData__Load=true) loads the reference inspections once the database is ready.
if (builder.Configuration.GetValue<bool>("DemoData:Load")) builder.Services.AddHostedService<DemoDataAtStartup>();

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<RecommendationTrackingService>();
app.Run();

/// <summary>The entry point, public so tests can host the service (WebApplicationFactory).</summary>
public partial class Program;
