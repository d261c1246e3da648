namespace Inspection.Sampling.Domain.Drawing;

/// <summary>
/// A validated <see cref="DrawRequest"/>: parsed windows, known attributes, canonical values. Every problem
/// is reported at once with the request's field path (e.g. "quotas[0].values[1]").
/// </summary>
public sealed class DrawPlan
{
    private DrawPlan(DrawRequest request, EligibilityRule eligibility, IReadOnlyList<CaseAttribute> strataBy,
        IReadOnlyList<ResolvedQuota> quotas, ResolvedSplit? split, int reserves)
    {
        Request = request;
        Eligibility = eligibility;
        StratifyBy = strataBy;
        Quotas = quotas;
        Split = split;
        ReservesPerStratum = reserves;
    }

    public DrawRequest Request { get; }
    public EligibilityRule Eligibility { get; }
    public IReadOnlyList<CaseAttribute> StratifyBy { get; }
    public IReadOnlyList<ResolvedQuota> Quotas { get; }
    public ResolvedSplit? Split { get; }
    public int ReservesPerStratum { get; }
    public ulong Seed => Request.Seed;

    public static DrawPlan From(DrawRequest request)
    {
        var violations = new List<FieldViolation>();
        void Bad(string field, string reason) => violations.Add(new FieldViolation(field, reason));

        if (string.IsNullOrWhiteSpace(request.RequestId)) Bad("request_id", "a request id is required (a retry with the same id returns the first sample)");
        if (string.IsNullOrWhiteSpace(request.InspectionId)) Bad("inspection_id", "an inspection id is required");
        if (string.IsNullOrWhiteSpace(request.SnapshotId)) Bad("snapshot_id", "a snapshot id is required");
        if (string.IsNullOrWhiteSpace(request.DrawnBy)) Bad("drawn_by", "who draws the sample is recorded: a name is required");
        if (request.AssessmentsSetAside < 0) Bad("assessments_set_aside", "the number of case assessments set aside cannot be negative");

        var windows = new List<DateWindow>();
        if (request.Windows.Count == 0) Bad("eligibility.windows", "at least one window of start dates is required");
        for (var i = 0; i < request.Windows.Count; i++)
        {
            var w = request.Windows[i];
            var firstOk = CalendarDate.TryParse(w.FirstDay, out var first);
            var lastOk = CalendarDate.TryParse(w.LastDay, out var last);
            if (!firstOk) Bad($"eligibility.windows[{i}].first_day", CalendarDate.Refusal(w.FirstDay));
            if (!lastOk) Bad($"eligibility.windows[{i}].last_day", CalendarDate.Refusal(w.LastDay));
            if (firstOk && lastOk)
            {
                if (last < first) Bad($"eligibility.windows[{i}].last_day", $"{w.LastDay} is before the first day {w.FirstDay}");
                else windows.Add(new DateWindow(first, last));
            }
        }

        var sentenceTypes = new List<string>();
        for (var i = 0; i < request.SentenceTypes.Count; i++)
        {
            var word = CaseVocabulary.Canonical(CaseVocabulary.SentenceTypes, request.SentenceTypes[i]);
            if (word is null) Bad($"eligibility.sentence_types[{i}]", $"'{request.SentenceTypes[i]}' is not one of {string.Join(", ", CaseVocabulary.SentenceTypes)}");
            else if (!sentenceTypes.Contains(word)) sentenceTypes.Add(word);
        }
        if (request.SentenceTypes.Count == 0) sentenceTypes.AddRange(CaseVocabulary.SentenceTypes);

        if (request.Size.FixedSize is { } fixedSize)
        {
            if (fixedSize <= 0) Bad("fixed_size", "a fixed sample size must be at least 1");
        }
        else if (request.Size.Calculated is { } calculated)
        {
            violations.AddRange(SampleSizeCalculator.Validate(calculated, "calculated_size"));
        }
        else
        {
            Bad("fixed_size", "a size rule is required: fixed_size or calculated_size");
        }

        var strataBy = new List<CaseAttribute>();
        for (var i = 0; i < request.StratifyBy.Count; i++)
        {
            var attribute = CaseAttribute.Find(request.StratifyBy[i]);
            if (attribute is null) Bad($"stratify_by[{i}]", UnknownAttribute(request.StratifyBy[i]));
            else if (strataBy.Contains(attribute)) Bad($"stratify_by[{i}]", $"'{attribute.Name}' is named twice");
            else strataBy.Add(attribute);
        }

        var quotas = new List<ResolvedQuota>();
        for (var i = 0; i < request.Quotas.Count; i++)
        {
            var quota = request.Quotas[i];
            var attribute = CaseAttribute.Find(quota.Attribute);
            if (attribute is null) Bad($"quotas[{i}].attribute", UnknownAttribute(quota.Attribute));
            if (quota.Minimum <= 0) Bad($"quotas[{i}].minimum", "a minimum quota must be at least 1");
            if (quota.Values.Count == 0) Bad($"quotas[{i}].values", "at least one value is required");
            var values = ResolveValues(attribute, quota.Values, $"quotas[{i}].values", Bad);
            if (attribute is not null && values is not null && quota.Minimum > 0 && quota.Values.Count > 0)
                quotas.Add(new ResolvedQuota(quota, attribute, values));
        }

        ResolvedSplit? split = null;
        if (request.Split is { } requestedSplit)
        {
            var attribute = CaseAttribute.Find(requestedSplit.Attribute);
            if (attribute is null) Bad("fixed_split.attribute", UnknownAttribute(requestedSplit.Attribute));
            if (requestedSplit.Groups.Count == 0) Bad("fixed_split.groups", "a fixed split needs at least one group");
            var groups = new List<SplitGroup>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            var valuesSeen = new HashSet<string>(StringComparer.Ordinal);
            for (var g = 0; g < requestedSplit.Groups.Count; g++)
            {
                var group = requestedSplit.Groups[g];
                var path = $"fixed_split.groups[{g}]";
                var name = group.Name?.Trim() ?? "";
                if (name.Length == 0) Bad($"{path}.name", "a group name is required");
                else if (!names.Add(name)) Bad($"{path}.name", $"'{name}' is named twice");
                if (group.Weight <= 0) Bad($"{path}.weight", "a weight must be at least 1");
                if (group.Values.Count == 0) Bad($"{path}.values", "at least one value is required");
                var values = ResolveValues(attribute, group.Values, $"{path}.values", Bad);
                if (values is null) continue;
                for (var v = 0; v < values.Count; v++)
                {
                    if (!valuesSeen.Add(values[v])) Bad($"{path}.values[{v}]", $"'{values[v]}' is in more than one group");
                }
                groups.Add(new SplitGroup(name, values, group.Weight));
            }
            if (attribute is not null) split = new ResolvedSplit(attribute, groups);
        }

        var reserves = request.ReservesPerStratum;
        if (reserves < 0 || reserves > DrawRequest.MaxReservesPerStratum)
            Bad("reserves_per_stratum", $"between 0 (meaning {DrawRequest.DefaultReservesPerStratum}) and {DrawRequest.MaxReservesPerStratum}");
        if (reserves == 0) reserves = DrawRequest.DefaultReservesPerStratum;

        ValidationException.ThrowIfAny(violations);
        return new DrawPlan(request, new EligibilityRule(windows, sentenceTypes, split), strataBy, quotas, split, reserves);
    }

    /// <summary>
    /// Values of open attributes (office, team) can only be checked against the snapshot: a quota or split
    /// value the snapshot does not hold at all does not exist, which is bad input, not an impossible request.
    /// </summary>
    public void CheckOpenValues(PopulationColumns population)
    {
        var checks = new List<(CaseAttribute Attribute, string Value, string Field)>();
        for (var i = 0; i < Quotas.Count; i++)
        {
            if (!Quotas[i].Attribute.IsOpen) continue;
            for (var v = 0; v < Quotas[i].Values.Count; v++) checks.Add((Quotas[i].Attribute, Quotas[i].Values[v], $"quotas[{i}].values[{v}]"));
        }
        if (Split is { Attribute.IsOpen: true })
        {
            for (var g = 0; g < Split.Groups.Count; g++)
            {
                for (var v = 0; v < Split.Groups[g].Values.Count; v++) checks.Add((Split.Attribute, Split.Groups[g].Values[v], $"fixed_split.groups[{g}].values[{v}]"));
            }
        }
        if (checks.Count == 0) return;
        var present = checks.Select(c => c.Attribute).Distinct()
            .ToDictionary(a => a, a => a.ValuesIn(population).Words.ToHashSet(StringComparer.Ordinal));
        var violations = checks
            .Where(c => !present[c.Attribute].Contains(c.Value))
            .Select(c => new FieldViolation(c.Field, $"no case of the snapshot has {c.Attribute.Name} '{c.Value}'"))
            .ToList();
        ValidationException.ThrowIfAny(violations);
    }

    private static List<string>? ResolveValues(CaseAttribute? attribute, IReadOnlyList<string> values, string path, Action<string, string> bad)
    {
        if (attribute is null) return null;
        var resolved = new List<string>();
        var ok = true;
        for (var v = 0; v < values.Count; v++)
        {
            var value = attribute.CanonicalValue(values[v]);
            if (value is null)
            {
                ok = false;
                bad($"{path}[{v}]", attribute.KnownValues is null
                    ? $"an empty value is not a value of {attribute.Name}"
                    : $"'{values[v]}' is not a value of {attribute.Name}: one of {string.Join(", ", attribute.KnownValues)}");
            }
            else if (!resolved.Contains(value)) resolved.Add(value);
        }
        return ok ? resolved : null;
    }

    private static string UnknownAttribute(string? name)
        => $"unknown attribute '{name}': one of {string.Join(", ", CaseAttribute.All.Select(a => a.Name))}";
}
