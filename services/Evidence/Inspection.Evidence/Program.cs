using Inspection.Evidence.Demo;
using Inspection.Evidence.Grpc;
using Inspection.Evidence.Upstream;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.ServiceDefaults;

// "demo-data [--inspection "<provider name>=<inspection id>"]...": load the reference inspections and exit.
var demo = DemoDataCommand.Parse(args);

var builder = WebApplication.CreateBuilder(demo?.HostArgs ?? args);
builder.AddServiceDefaults("organisational-evidence");
builder.AddServiceDatabase(typeof(Program).Assembly);          // the request ledger every write goes through, and the stores of Data/
builder.Services.AddSingleton(FrameworkCatalogue.Default);

// Application/: the use cases the RPCs map to
builder.Services.AddSingleton<InspectionFrameworks>();
builder.Services.AddSingleton<OrganisationalStandards>();
builder.Services.AddSingleton<EvidenceItems>();
builder.Services.AddSingleton<StaffingReturns>();
builder.Services.AddSingleton<SurveyResults>();
builder.Services.AddSingleton<CaseCharacteristicsTables>();
builder.Services.AddSingleton<Judgements>();
builder.Services.AddSingleton<StandardSummaries>();

// Upstream/: the apps this one calls (the inspection register, the sample)
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.AddServiceClient<CaseSampling.CaseSamplingClient>("case-sampling");
builder.Services.AddSingleton<IInspectionRegister, RecommendationTrackingRegister>();
builder.Services.AddSingleton<ISampledCases>(sp =>
    new CaseSamplingSample(new Lazy<CaseSampling.CaseSamplingClient>(sp.GetRequiredService<CaseSampling.CaseSamplingClient>)));

builder.Services.AddSingleton<DemoData>();
// `--DemoData:Load=true` (or DemoData__Load=true) loads the reference inspections once the database is ready.
if (builder.Configuration.GetValue<bool>("DemoData:Load")) builder.Services.AddHostedService<DemoDataAtStartup>();

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<OrganisationalEvidenceService>();

if (demo is not null)
{
    Environment.ExitCode = await demo.RunAsync(app.Services, typeof(Program).Assembly);
    return;
}
app.Run();
