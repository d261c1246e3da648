using Inspection.Admin.Accounts;
using Inspection.Admin.Hosting;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Inspection.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddAdminHost(AppTopology.Get("admin"));     // Kestrel on Bind:Address / Ports:Http, tracing, static assets

// The services, only through their typed gRPC clients: Services:<app-id>:GrpcUrl, else 127.0.0.1 and the port in deploy/services.json.
builder.Configuration.AddServiceAddressDefaults(AppTopology.All);
builder.AddStaffCredentials(AppTopology.Get("admin"));   // every call carries the signed-in member of staff (a token the admin signs)
builder.AddServiceClient<RecommendationTracking.RecommendationTrackingClient>("recommendation-tracking");
builder.AddServiceClient<RecommendationPlans.RecommendationPlansClient>("recommendation-tracking");
builder.AddServiceClient<CausesForConcern.CausesForConcernClient>("recommendation-tracking");
builder.AddServiceClient<CaseSampling.CaseSamplingClient>("case-sampling");
builder.AddServiceClient<OrganisationalEvidence.OrganisationalEvidenceClient>("organisational-evidence");
builder.AddServiceClient<AssessmentScoring.AssessmentScoringClient>("assessment-scoring");
// The national open data (issue 25): each part from the service that owns it.
builder.AddServiceClient<Inspection.OpenData.V1.NationalRatings.NationalRatingsClient>("assessment-scoring");
builder.AddServiceClient<Inspection.OpenData.V1.RecommendationOutcomes.RecommendationOutcomesClient>("recommendation-tracking");
ServiceChannels.Register(builder);                    // health and audit-trail clients for each service
// "Today" for defaults and "not in the future" checks is the date in England on this clock (EnglandCalendar).
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ServiceHealth>();
builder.Services.AddSingleton<ServiceFailurePageFilter>();
builder.Services.AddSingleton<Inspection.Admin.Sampling.CaseloadImport>();
builder.Services.AddScoped<Inspection.Admin.Plans.RecommendationTimeline>();
// What the inspectorate publishes (issue 25): the report PDF printed by chromium and kept, the data annexe, the register.
builder.Services.AddSingleton<Inspection.Admin.Publishing.ReportPrinter>();
builder.Services.AddSingleton<Inspection.Admin.Publishing.ReportPdfStore>();
builder.Services.AddSingleton<Inspection.Admin.Publishing.ReportPdfs>();
builder.Services.AddScoped<Inspection.Admin.Publishing.DataAnnexe>();
builder.Services.AddScoped<Inspection.Admin.Publishing.RegisterExport>();
builder.Services.AddScoped<Inspection.Admin.Publishing.OpenDataExport>();

builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(ServiceFailurePageFilter)));
    pages.Conventions.AuthorizeFolder("/Accounts", Policies.Administer);
    pages.Conventions.AuthorizeFolder("/Audit", Policies.Administer);
    pages.Conventions.AuthorizeFolder("/Integrators", Policies.Administer);
    pages.Conventions.AuthorizePage("/Status", Policies.Administer);   // the services' addresses are for whoever runs them
});

// Last: it takes out data protection's start-up read of the key ring, which each AddDataProtection (Razor Pages' among them) adds.
builder.AddAccounts();                              // own database and migrations, cookie sign-in, role policies, first administrator

var app = builder.Build();
app.UseAdminPipeline();
app.Run();

/// <summary>The admin's entry point (public so tests can host it).</summary>
public partial class Program;
