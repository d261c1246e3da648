using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Grpc;
using Inspection.Recommendations.Upstream;
using Inspection.Scoring.V1;
using Inspection.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("recommendation-tracking");      // ports, gRPC server, health, telemetry
builder.AddServiceDatabase(typeof(Program).Assembly);       // the request ledger every write goes through, and the stores of Data/
builder.Services.AddSingleton(_ => FrameworkCatalogue.Load());

// Application/: the use cases the RPCs map to
// The change log (issue 24): written in each change's transaction, streamed by every replica, kept Changes:KeepDays.
builder.Services.AddSingleton(new ChangeRetention(TimeSpan.FromDays(builder.Configuration.GetValue("Changes:KeepDays", 30))));
builder.Services.AddSingleton<ChangeFeed>();
builder.Services.AddHostedService<ChangeLogListener>();
builder.Services.AddSingleton<ProviderRegister>();
builder.Services.AddSingleton<InspectionCalendar>();
builder.Services.AddSingleton<RecommendationRecords>();
builder.Services.AddSingleton<ProgressJudgements>();
builder.Services.AddSingleton<PublicationReadiness>();
// Links to standards and key questions (issue 23), checked against the frameworks' outline.
builder.Services.AddSingleton(_ => FrameworkOutline.Load());
builder.Services.AddSingleton<RecommendationLinking>();
builder.Services.AddSingleton<ActionPlans>();
builder.Services.AddSingleton<AddresseeAccess>();
// Reminders and what providers said against what was found (issue 23).
builder.Services.AddSingleton<DueReminders>();
builder.Services.AddSingleton<SaidAgainstFoundReport>();
// Causes for concern (issue 23): rules in data, evaluated after the writes that can meet them and by a periodic sweep.
builder.Services.AddSingleton(_ => ConcernRuleBook.Load());
builder.Services.AddSingleton<CausesForConcern>();
builder.Services.AddSingleton<ConcernSweep>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ConcernSweep>());
// The system's overdue improvement plans, counted for the metrics (issue 27).
builder.Services.AddHostedService<OverduePlans>();
// Options only: a second AddGrpc would register grpc-dotnet's own method binding over the service defaults' one.
builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(grpc => grpc.Interceptors.Add<ConcernsAfterWrites>());

// Upstream/: publishing asks assessment scoring what blocks it and has it store the published figures
builder.AddServiceClient<AssessmentScoring.AssessmentScoringClient>(AssessmentScoringRatings.AppId);
builder.Services.AddSingleton<IAssessmentScoring>(sp =>
    new AssessmentScoringRatings(sp.GetRequiredService<AssessmentScoring.AssessmentScoringClient>));
// Publishing has scoring store the published figures as the person publishing (see CallerCredentials).
builder.Services.AddSingleton<Inspection.Security.IOutgoingCredentials, CallerCredentials>();

// National open data (issue 25): what became of recommendations, anonymous and rate-limited, also as HTTP JSON.
builder.AddOpenData("Inspection recommendation outcomes", "The share of recommendations judged Sufficient progress at the next inspection (issue 25).");
builder.Services.AddSingleton<ImplementationRateStore>();
builder.Services.AddSingleton<ImplementationRates>();

builder.Services.AddSingleton<DemoData>();
builder.Services.AddSingleton<ExampleInspection>();
builder.Services.AddSingleton<DemoConcerns>();
// `--DemoData:Load=true` (or DemoData__Load=true) loads the reference inspections once the database is ready.
if (builder.Configuration.GetValue<bool>("DemoData:Load")) builder.Services.AddHostedService<DemoDataAtStartup>();

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<RecommendationTrackingService>();
app.MapGrpcService<RecommendationPlansService>();
app.MapGrpcService<CausesForConcernService>();
app.MapOpenData<RecommendationOutcomesService>();           // gRPC and GET /open-data/v1/implementation-rates on the HTTP/1.1 port
app.Run();

/// <summary>The entry point, public so tests can host the service (WebApplicationFactory).</summary>
public partial class Program;
