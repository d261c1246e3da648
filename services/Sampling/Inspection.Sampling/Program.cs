using Inspection.Recommendations.V1;
using Inspection.Sampling;
using Inspection.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("case-sampling");
builder.AddServiceDatabase(typeof(Program).Assembly);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SamplingStore>();
builder.Services.AddSingleton(new PopulationCache(builder.Configuration.GetValue("Sampling:PopulationCacheCases", PopulationCache.DefaultCapacity)));
builder.Services.AddSingleton<SamplingWorkflow>();
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.Services.AddSingleton<IInspectionRegister, GrpcInspectionRegister>();
var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<CaseSamplingService>();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
