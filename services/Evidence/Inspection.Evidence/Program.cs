using Inspection.Evidence.Application;
using Inspection.Evidence.Data;
using Inspection.Evidence.Demo;
using Inspection.Evidence.Domain;
using Inspection.Evidence.Remote;
using Inspection.Evidence.Services;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.ServiceDefaults;

// "demo-data [--inspection "<provider name>=<inspection id>"]...": load the reference inspections and exit.
var demo = DemoDataCommand.Parse(args);

var builder = WebApplication.CreateBuilder(demo?.HostArgs ?? args);
builder.AddServiceDefaults("organisational-evidence");
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.Services.AddSingleton(FrameworkCatalogue.Default);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<EvidenceStore>();
builder.Services.AddSingleton<EvidenceCommands>();
builder.Services.AddSingleton<EvidenceQueries>();
builder.Services.AddSingleton<DemoData>();
// `--DemoData:Load=true` (or DemoData__Load=true) loads the reference inspections once the database is ready.
if (builder.Configuration.GetValue<bool>("DemoData:Load")) builder.Services.AddHostedService<DemoDataAtStartup>();
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.AddServiceClient<CaseSampling.CaseSamplingClient>("case-sampling");
builder.Services.AddSingleton<IInspectionRegister, RecommendationTrackingRegister>();
builder.Services.AddSingleton<ISampledCases>(sp =>
    new CaseSamplingSample(new Lazy<CaseSampling.CaseSamplingClient>(sp.GetRequiredService<CaseSampling.CaseSamplingClient>)));

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<OrganisationalEvidenceService>();

if (demo is not null)
{
    Environment.ExitCode = await demo.RunAsync(app.Services, typeof(Program).Assembly);
    return;
}
app.Run();
