using System.Globalization;
using System.Text.Json;

namespace Inspection.Recommendations.Demo;

/// <summary>
/// Loads the reference inspections (reference-inspections.json) through the same use cases as the RPCs: their providers, regions and
/// national bodies; for the inspection with an annex, its CRC and NPS division predecessors, their inspections and
/// recommendations, the restructure into the PDU, and the annex's judgements; then every inspection's own
/// recommendations and publication. Idempotent: every write carries a fixed request id, so a second run replays
/// the first and creates nothing new.
/// </summary>
/// <remarks>
/// What the reference does not give is set here and said so: the predecessors' names (from the annex's "origin"),
/// their inspections' framework and dates, the unification date, and a day for month-only dates (the 1st).
/// Contains public sector information licensed under the Open Government Licence v3.0.
/// </remarks>
public sealed class DemoData(
    ProviderRegister register, InspectionCalendar calendar, RecommendationRecords records, ProgressJudgements progress, FrameworkCatalogue frameworks)
{
    public const string RecordedBy = "demo-data";

    /// <summary>Probation services were unified into PDUs in June 2021 (domain README, section 1).</summary>
    public static readonly DateOnly UnificationDate = new(2021, 6, 26);

    /// <summary>The annex does not date the predecessors' inspections; the demo places them in the 2018-2019 programme.</summary>
    public static readonly DateOnly PredecessorInspectionsPublishedOn = new(2019, 6, 1);

    /// <summary>The programme the predecessors were inspected under (CRC inspections shared its case standards).</summary>
    public const string PredecessorFramework = "nps-division-2018";

    public Task<DemoDataResult> LoadAsync(CancellationToken ct) => LoadAsync(DomainData.ReferenceInspectionsPath, ct);

    public async Task<DemoDataResult> LoadAsync(string referenceInspectionsPath, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(referenceInspectionsPath, ct));
        var result = new DemoDataResult();
        foreach (var inspection in document.RootElement.GetProperty("inspections").EnumerateArray())
            await LoadInspectionAsync(inspection, result, ct);
        return result;
    }

    private async Task LoadInspectionAsync(JsonElement source, DemoDataResult result, CancellationToken ct)
    {
        var name = source.GetProperty("provider").GetString()!;
        var region = source.GetProperty("region").GetString()!;
        var framework = source.GetProperty("framework").GetString()!;
        var provider = await ProviderAsync(name, ProviderTypeOf(source.GetProperty("provider_type").GetString()!), region, result, ct);

        var fieldworkStart = MonthOrDay(source.GetProperty("fieldwork_start").GetString()!);
        var inspection = await InspectionAsync($"{name}|{framework}", provider, framework, fieldworkStart, result, ct);

        if (source.TryGetProperty("previous_recommendations", out var annex))
            await LoadAnnexAsync(provider, inspection, annex, result, ct);

        var recommendations = new List<(string Group, Provider Addressee, string Text)>();
        foreach (var recommendation in source.GetProperty("recommendations").EnumerateArray().OrderBy(r => r.GetProperty("number").GetInt32()))
        {
            var addressee = recommendation.GetProperty("addressee").GetString()!;
            var (group, to) = addressee == name
                ? (AddresseeGroup.Provider.Word, provider)
                : await AddresseeAsync(addressee, region, result, ct);
            recommendations.Add((group, to, recommendation.GetProperty("text").GetString()!));
        }
        inspection = await AddRecommendationsAsync($"{name}|{framework}", inspection, recommendations, result, ct);
        await PublishAsync($"{name}|{framework}", inspection, MonthOrDay(source.GetProperty("published").GetString()!), result, ct);
    }

    /// <summary>The annex: each origin becomes a predecessor with one published inspection holding its recommendations, in annex order.</summary>
    private async Task LoadAnnexAsync(Provider pdu, ProviderInspection pduInspection, JsonElement annex, DemoDataResult result, CancellationToken ct)
    {
        var items = annex.EnumerateArray().Select(a => (
            Text: a.GetProperty("text").GetString()!,
            Origin: a.GetProperty("origin").GetString()!,
            Judgement: a.GetProperty("judgement").GetString()!,
            Repeated: a.TryGetProperty("repeated_from_previous_inspection", out var r) && r.GetBoolean())).ToList();

        var predecessors = new List<Provider>();
        var made = new Dictionary<(string Origin, string Text), RecommendationProgress>();
        foreach (var origin in items.Select(i => i.Origin).Distinct())
        {
            var type = origin.Contains("community rehabilitation company", StringComparison.OrdinalIgnoreCase) ? ProviderType.Crc : ProviderType.NpsDivision;
            var predecessorName = $"{char.ToUpperInvariant(origin[0])}{origin[1..]} of {pdu.Name}";
            // Gone at the unification: never offered as an addressee of an inspection after it (issue 22).
            var predecessor = await ProviderAsync(predecessorName, type, pdu.Region, result, ct, CalendarDate.ToText(UnificationDate.AddDays(-1)));
            predecessors.Add(predecessor);

            var key = $"{predecessorName}|{PredecessorFramework}";
            var inspection = await InspectionAsync(key, predecessor, PredecessorFramework, null, result, ct);
            inspection = await AddRecommendationsAsync(key, inspection,
                items.Where(i => i.Origin == origin).Select(i => (AddresseeGroup.Provider.Word, predecessor, i.Text)).ToList(), result, ct);
            await PublishAsync(key, inspection, PredecessorInspectionsPublishedOn, result, ct);
            foreach (var recommendation in (await records.ListAsync(RecommendationQuery.Create(
                         null, false, null, Identifier.Format(inspection.Id), null, false, null, null, PageRequest.MaxSize, null,
                         frameworks.CombinedProgressScale(), PredecessorInspectionsPublishedOn), ct)).Items)
                made[(origin, recommendation.Recommendation.Text)] = recommendation;
        }

        var current = await register.GetAsync(pdu.Id, ct);
        var restructure = NewRestructure.Create(
            Identifier.Format(pdu.Id), CalendarDate.ToText(UnificationDate),
            predecessors.Select(p => ((string?)Identifier.Format(p.Id), (string?)$"part of {p.Name}")).ToList(),
            "Unification of probation services: CRCs and NPS divisions became probation delivery units", RecordedBy);
        var restructured = await register.RecordRestructureAsync($"demo:restructure:{pdu.Name}", restructure, current.Version, ct);
        if (!restructured.Replayed) result.Restructures++;

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var recommendation = await records.GetAsync(made[(item.Origin, item.Text)].Recommendation.Id, ct);
            var judgement = NewProgressJudgement.Create(
                Identifier.Format(recommendation.Recommendation.Id), Identifier.Format(pduInspection.Id), item.Judgement, string.Empty, item.Repeated, RecordedBy);
            var recorded = await progress.RecordAsync(
                $"demo:judgement:{pdu.Name}|{i}", judgement, recommendation.Recommendation.Version, ct);
            if (!recorded.Replayed) result.Judgements++;
        }
    }

    private async Task<Provider> ProviderAsync(string name, ProviderType type, string region, DemoDataResult result, CancellationToken ct, string? activeTo = null)
    {
        // A provider already in the register under this name (made by hand, say, or since retired) is used as it is.
        var existing = (await register.ListAsync(ProviderQuery.Create(null, null, name, null, PageRequest.MaxSize, null, includeRetired: true), ct)).Items
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null) return existing;
        var (from, to) = NationalBodyDates.GetValueOrDefault(name);
        to ??= activeTo;
        var created = await register.CreateAsync($"demo:provider:{name}",
            NewProvider.Create(name, type.Word, type == ProviderType.NationalBody ? string.Empty : region, from, to, RecordedBy), ct);
        if (!created.Replayed) result.Providers++;
        return created.Value;
    }

    /// <summary>
    /// When the national bodies the reference addresses existed (public record, not in the reference): the National
    /// Offender Management Service from June 2004 until HM Prison and Probation Service replaced it on 1 April 2017.
    /// Recommendations may only be addressed to a body that existed at the inspection.
    /// </summary>
    private static readonly Dictionary<string, (string? From, string? To)> NationalBodyDates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["National Offender Management Service"] = ("2004-06-01", "2017-03-31"),
        ["HM Prison and Probation Service (HMPPS)"] = ("2017-04-01", null),
    };

    /// <summary>Regions are addressed as "... region"; anything else beyond the provider is a national body (HMPPS, or NOMS before it).</summary>
    private async Task<(string Group, Provider Addressee)> AddresseeAsync(string addressee, string region, DemoDataResult result, CancellationToken ct)
    {
        if (addressee.EndsWith(" region", StringComparison.OrdinalIgnoreCase))
            return (AddresseeGroup.Region.Word, await ProviderAsync(addressee, ProviderType.Region, region, result, ct));
        var group = addressee.Contains("Ministry of Justice", StringComparison.OrdinalIgnoreCase) ? AddresseeGroup.Moj : AddresseeGroup.Hmpps;
        return (group.Word, await ProviderAsync(addressee, ProviderType.NationalBody, string.Empty, result, ct));
    }

    private async Task<ProviderInspection> InspectionAsync(
        string key, Provider provider, string framework, DateOnly? fieldworkStart, DemoDataResult result, CancellationToken ct)
    {
        var created = await calendar.CreateAsync($"demo:inspection:{key}",
            NewInspection.Create(Identifier.Format(provider.Id), framework, fieldworkStart is { } start ? CalendarDate.ToText(start) : null, null, null, RecordedBy, frameworks), ct);
        if (!created.Replayed) result.Inspections++;
        return created.Value;
    }

    private async Task<ProviderInspection> AddRecommendationsAsync(
        string key, ProviderInspection inspection, IReadOnlyList<(string Group, Provider Addressee, string Text)> recommendations, DemoDataResult result, CancellationToken ct)
    {
        if (recommendations.Count == 0) return inspection;
        var batch = NewRecommendations.Create(Identifier.Format(inspection.Id),
            recommendations.Select(r => ((string?)r.Group, (string?)Identifier.Format(r.Addressee.Id), (string?)r.Text)).ToList(), RecordedBy);
        var current = await calendar.GetAsync(inspection.Id, ct);
        var added = await records.AddAsync($"demo:recommendations:{key}", batch, current.Version, ct);
        if (!added.Replayed) result.Recommendations += added.Value.Recommendations.Count;
        return added.Value.Inspection;
    }

    private async Task PublishAsync(string key, ProviderInspection inspection, DateOnly publishedOn, DemoDataResult result, CancellationToken ct)
    {
        var current = await calendar.GetAsync(inspection.Id, ct);
        var published = await calendar.RecordEarlierPublicationAsync($"demo:publish:{key}",
            InspectionPublication.Create(Identifier.Format(inspection.Id), CalendarDate.ToText(publishedOn), RecordedBy), current.Version, ct);
        if (!published.Replayed) result.Publications++;
    }

    private static ProviderType ProviderTypeOf(string referenceType) => referenceType.ToLowerInvariant() switch
    {
        "pdu" => ProviderType.Pdu,
        "probation area" => ProviderType.ProbationArea,
        "crc" => ProviderType.Crc,
        "nps division" => ProviderType.NpsDivision,
        _ => throw new InvalidDataException($"Unknown provider type '{referenceType}' in the reference inspections."),
    };

    /// <summary>The reference gives some dates as a month only ("2022-08"): the demo puts them on the 1st.</summary>
    private static DateOnly MonthOrDay(string text) =>
        DateOnly.TryParseExact(text, CalendarDate.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DateOnly.ParseExact(text + "-01", CalendarDate.Format, CultureInfo.InvariantCulture);
}
