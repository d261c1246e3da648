using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.Demo;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.History;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.Upstream;
using Inspection.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("assessment-scoring");           // ports, gRPC server, health, telemetry
builder.AddServiceDatabase(typeof(Program).Assembly);       // Npgsql data source from ConnectionStrings:Default, migrations at start, the request ledger, the stores of Data/
builder.Services.AddSingleton(_ => FrameworkCatalogue.Load());     // the frameworks of the domain data (DomainData)
builder.Services.AddSingleton<FrameworkResolver>();

// Application/: the use cases the RPCs map to
builder.Services.AddSingleton<InspectionFrameworks>();
builder.Services.AddSingleton<PublicationGuards>();
builder.Services.AddSingleton<ComputedRatings>();
builder.Services.AddSingleton<PublishedRecord>();
builder.Services.AddSingleton<CaseAssessments>();
builder.Services.AddSingleton<ModerationFlags>();
builder.Services.AddSingleton<CaseAnswerRules>();
builder.Services.AddSingleton<PanelDepartures>();
builder.Services.AddSingleton<PublishedReports>();
// The measured change between two inspections (issue 23), matched across programmes by the embedded mapping.
builder.Services.AddSingleton(_ => Inspection.Scoring.Domain.Comparisons.KeyQuestionCorrespondences.Load());
builder.Services.AddSingleton<ChangeBetweenInspections>();
// Inspections published before figures were stored get theirs stored once recommendation tracking answers.
builder.Services.AddHostedService<FiguresPublishedBeforeAtStartup>();
// National open data (issue 25): the ratings time series, anonymous and rate-limited, also as HTTP JSON with OpenAPI.
builder.AddOpenData("Inspection national ratings", "Every published inspection's ratings as one time series (issue 25).");
builder.Services.AddSingleton<RatingHistoryStore>();
builder.Services.AddSingleton<StandardCorrespondences>();
builder.Services.AddSingleton<NationalRatingHistory>();
builder.Services.AddSingleton<IPublishedRegister, RecommendationTrackingLineage>();
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.AddServiceClient<CaseSampling.CaseSamplingClient>("case-sampling");
builder.AddServiceClient<OrganisationalEvidence.OrganisationalEvidenceClient>("organisational-evidence");
builder.Services.AddSingleton<IInspectionRegister, RecommendationTrackingRegister>();
builder.Services.AddSingleton<ICaseSampleSource, CaseSamplingSample>();
builder.Services.AddSingleton<IJudgementSource, OrganisationalEvidenceJudgements>();
builder.Services.AddSingleton<DemoData>();
// `--DemoData:Load=true` (or DemoData__Load=true) records the reference inspections' published results once the
// database is ready and recommendation tracking has registered them.
if (builder.Configuration.GetValue<bool>("DemoData:Load")) builder.Services.AddHostedService<DemoDataAtStartup>();

var app = builder.Build();
app.MapDefaultEndpoints();                                  // health, reflection, audit trail, HTTP probes
app.MapGrpcService<AssessmentScoringService>();
app.MapOpenData<NationalRatingsService>();                  // gRPC and GET /open-data/v1/ratings on the HTTP/1.1 port
app.Run();

/// <summary>The entry point, public so tests can host the service (WebApplicationFactory).</summary>
public partial class Program;
