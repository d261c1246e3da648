using System.Text.Json;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Demo;

/// <summary>
/// Records the three reference inspections (reference-inspections.json) as published results: key-question and prompt
/// percentages, standard ratings with the report's decision-rule notes, and for 2008 the criteria, section 4 grades and
/// risk-of-harm thread. The inspections themselves belong to recommendation tracking, so each is found there by
/// provider name and framework (its own demo data registers them). Idempotent: each write carries a fixed request id,
/// so a second run replays the first.
/// </summary>
/// <remarks>Contains public sector information licensed under the Open Government Licence v3.0.</remarks>
public sealed class DemoData(PublishedReports reports, FrameworkCatalogue catalogue, IInspectionRegister register, InspectionStore inspections)
{
    public const string RecordedBy = "demo-data";
    public const string PostCustodyKey = "2.4 post-custody prompts";

    /// <summary>Loads every reference inspection whose inspection the register has; returns what was recorded or why not.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken ct, string? path = null)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path ?? DomainData.ReferenceInspectionsPath, ct));
        var outcome = new List<string>();
        foreach (var source in document.RootElement.GetProperty("inspections").EnumerateArray())
        {
            var provider = source.GetProperty("provider").GetString()!;
            var frameworkId = source.GetProperty("framework").GetString()!;
            var registered = (await register.ListInspectionsAsync(frameworkId, ct)).Where(i => i.ProviderName == provider).ToList();
            if (registered.Count == 0)
            {
                outcome.Add($"{provider} ({frameworkId}): not registered in recommendation tracking yet");
                continue;
            }
            var framework = catalogue.Get(frameworkId);
            foreach (var inspection in registered)
            {
                if (await inspections.GetAsync(inspection.InspectionId, ct) is { Source: PinnedInspection.CaseAssessments })
                {
                    outcome.Add($"{provider} ({inspection.InspectionId}): has case assessments; left as it is");
                    continue;
                }
                // Published in the register: these are its figures as published (stored once, after the results).
                // One request id per inspection, so a second run is a retry; its fingerprint is the one stored before
                // the request ledger, so runs from before it are retries too.
                await reports.RecordAsync(
                    inspection.InspectionId,
                    PublishedInputFor(framework, source),
                    $"{provider} inspection report, published {source.GetProperty("published").GetString()}",
                    RecordedBy,
                    null,
                    new RequestKey($"demo-data|{inspection.InspectionId}", nameof(V1.RecordPublishedResultsRequest), "reference-inspections-v1"),
                    ct);
                outcome.Add($"{provider} ({inspection.InspectionId}): published results recorded");
            }
        }
        return outcome;
    }

    /// <summary>One reference inspection's figures as published-results input; prompts are matched to ids by their text.</summary>
    public static PublishedResultsInput PublishedInputFor(Framework framework, JsonElement source)
    {
        var keyQuestions = Object(source, "key_question_pct").Select(p => new PublishedFigureInput(p.Name, p.Value.GetInt32())).ToList();
        var prompts = new List<PublishedFigureInput>();
        if (source.TryGetProperty("prompt_pct", out var promptPct))
        {
            foreach (var prompt in framework.CasePrompts)
            {
                var key = prompt.IsPostCustodyPrompt ? PostCustodyKey : prompt.KeyQuestionId!;
                if (!promptPct.TryGetProperty(key, out var list)) continue;
                foreach (var item in list.EnumerateArray().Where(i => i.GetProperty("prompt").GetString() == prompt.Text))
                    prompts.Add(new PublishedFigureInput(prompt.Id, item.GetProperty("pct_yes").GetInt32()));
            }
        }
        var notes = Object(source, "decision_rules_applied").ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var ratings = Object(source, "ratings")
            .Select(p => new PublishedRatingInput(p.Name, p.Value.GetString()!, notes.GetValueOrDefault(p.Name, "")))
            .ToList();
        var criteria = Object(source, "criterion_pct").Select(p => (p.Name, p.Value.GetDouble())).ToList();
        var grades = Object(source, "section4").Select(p => (p.Name, p.Value.GetString()!)).ToList();
        double? thread = source.TryGetProperty("risk_of_harm_thread_pct", out var t) ? t.GetDouble() : null;
        return new PublishedResultsInput(keyQuestions, prompts, ratings, criteria, grades, thread);
    }

    private static IEnumerable<JsonProperty> Object(JsonElement source, string name) =>
        source.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : [];
}
