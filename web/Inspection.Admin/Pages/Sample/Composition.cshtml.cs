using Inspection.Admin.Presentation;
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

    public static BarChart ChartOf(AttributeComposition attribute) => new(
        $"{CaseWords.Of(attribute.Attribute)}: sample against eligible population",
        "For each value, the share of the eligible population and the share of the sample, in per cent.",
        ["Eligible population", "Sample"],
        attribute.Rows.Select(r => new BarGroup(CaseWords.Of(r.Value), [r.PopulationShare * 100, r.SampleShare * 100])).ToList(),
        "%");
}
