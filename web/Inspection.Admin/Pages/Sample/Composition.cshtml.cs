using Inspection.Admin.Presentation;
using Inspection.Contracts.Vocabularies;
using Inspection.Statistics.Composition;
using Inspection.Admin.Sampling;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Sample;

/// <summary>The composition check: sample against eligible population per attribute, with the goodness-of-fit test.</summary>
public sealed class CompositionModel(CaseSampling.CaseSamplingClient sampling) : PageModel
{
    public string InspectionId { get; private set; } = "";
    [BindProperty(SupportsGet = true, Name = "sample")] public string? SampleId { get; set; }
    public Composition Composition { get; private set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        InspectionId = id;
        Composition = await sampling.GetCompositionAsync(new GetCompositionRequest { SampleId = SampleId ?? "" }, new CallOptions(cancellationToken: ct));
    }

    /// <summary>
    /// The test in words an inspector can read: an attribute the draw fixed is not tested (and says why); the others give
    /// the statistic corrected for sampling without replacement and how its p-value was found (README "Statistics").
    /// </summary>
    public static string TestOf(AttributeComposition attribute)
    {
        if (!string.IsNullOrEmpty(attribute.FixedByAllocation)) return $"Not tested: {attribute.FixedByAllocation}.";
        if (!attribute.HasDesignPValue) return "Nothing to test: a single value in the eligible population.";
        var freedom = attribute.DegreesOfFreedom == 1 ? "1 degree of freedom" : $"{attribute.DegreesOfFreedom} degrees of freedom";
        var p = attribute.DesignPValue < 0.0001 ? "p below 0.0001" : $"p = {attribute.DesignPValue:0.0000}";
        var how = attribute.DesignPValueMethod.As<PValueMethod>() switch
        {
            PValueMethod.Exact => "exact, from every sample the draw could have given, as some expected counts are below 5",
            PValueMethod.Simulated => $"simulated from {attribute.SimulationDraws:N0} draws with seed {attribute.SimulationSeed}, as some expected counts are below 5",
            _ => "chi-square distribution",
        };
        return $"Chi-square {attribute.CorrectedChiSquare:0.00} on {freedom}, corrected for sampling without replacement; {p} ({how}).";
    }

    public static BarChart ChartOf(AttributeComposition attribute) => new(
        $"{CaseWords.Of(attribute.Attribute)}: sample against eligible population",
        "For each value, the share of the eligible population and the share of the sample, in per cent.",
        ["Eligible population", "Sample"],
        attribute.Rows.Select(r => new BarGroup(CaseWords.Of(r.Value), [r.PopulationShare * 100, r.SampleShare * 100])).ToList(),
        "%");
}
