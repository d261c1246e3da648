using Inspection.Recommendations.V1;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.Upstream;
using Inspection.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("case-sampling");
builder.AddServiceDatabase(typeof(Program).Assembly);          // the request ledger every write goes through, and the stores of Data/

// Data/: the complete snapshots kept in memory for the draws
builder.Services.AddSingleton(new PopulationCache(builder.Configuration.GetValue("Sampling:PopulationCacheCases", PopulationCache.DefaultCapacity)));

// Application/: the use cases the RPCs map to
builder.Services.AddSingleton<PopulationSnapshots>();
builder.Services.AddSingleton<Samples>();

// Upstream/: the inspection and provider register (recommendation tracking)
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.Services.AddSingleton<RecommendationTrackingRegister>();
builder.Services.AddSingleton<IInspectionRegister>(services => services.GetRequiredService<RecommendationTrackingRegister>());
builder.Services.AddSingleton<IProviderRegister>(services => services.GetRequiredService<RecommendationTrackingRegister>());

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<CaseSamplingService>();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
