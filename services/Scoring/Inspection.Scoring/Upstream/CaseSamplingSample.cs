using System.Globalization;
using Grpc.Core;
using Inspection.Sampling.V1;
using Inspection.Scoring.Domain.Assessments;
using Inspection.ServiceDefaults;

namespace Inspection.Scoring.Upstream;

/// <summary>
/// An inspection's current sample as case sampling streams it (ListSampleCases), mapped to the facts the scoring rules
/// need, and the sample's history (GetSample). Failures are mapped once, as every app's are, except those that mean
/// something here: no sample drawn yet, and a sample whose history case sampling cannot give.
/// </summary>
public sealed class CaseSamplingSample(CaseSampling.CaseSamplingClient client) : ICaseSampleSource
{
    public async Task<CurrentSample> CurrentSampleAsync(string inspectionId, CancellationToken ct)
    {
        var cases = new List<SampledCaseFacts>();
        var sampleId = "";
        try
        {
            await foreach (var sampled in client.ListSampleCases(new ListSampleCasesRequest { InspectionId = inspectionId }, cancellationToken: ct).ResponseStream.ReadAllAsync(ct))
            {
                cases.Add(ToFacts(sampled));
                sampleId = sampled.SampleId;
            }
        }
        catch (UpstreamException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            throw new PreconditionFailedException($"inspection {inspectionId} has no case sample yet ({e.Status.Detail})");
        }
        return new CurrentSample(sampleId, cases);
    }

    public async Task<CurrentSample> WithDesignAsync(CurrentSample current, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(current.SampleId) || current.ActiveCases.Count == 0) return current;
        Sample sample;
        try
        {
            sample = await client.GetSampleAsync(new GetSampleRequest { SampleId = current.SampleId }, cancellationToken: ct);
        }
        catch (UpstreamException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.Unimplemented)
        {
            // A sample case sampling cannot give: the ratings say its design is unknown and use Wilson's interval.
            return current;
        }
        return new CurrentSample(current.SampleId, current.ActiveCases, ToDesign(sample, current));
    }

    /// <summary>The design of <paramref name="sample"/> over the current sample's active cases; null where it is not one.</summary>
    public static SampleDesign? ToDesign(Sample sample, CurrentSample current) =>
        SampleDesign.TryCreate(
            sample.Strata.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Population, StringComparer.Ordinal),
            current.ActiveCases.ToDictionary(c => c.CaseReference, c => c.Attribute("stratum") ?? "", StringComparer.Ordinal),
            sample.Parameters?.FixedSplit is { Groups.Count: > 0 });

    public async Task<SampleHistory> HistoryAsync(string sampleId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sampleId)) return SampleHistory.Unknown;
        try
        {
            var sample = await client.GetSampleAsync(new GetSampleRequest { SampleId = sampleId }, cancellationToken: ct);
            return new SampleHistory(
                Instant(sample.DrawnAt),
                sample.Substitutions
                    .GroupBy(s => s.RemovedCaseReference, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(s => new CaseSubstitution(s.RemovedCaseReference, s.AddedCaseReference, s.Reason, Instant(s.SubstitutedAt))).Last(),
                        StringComparer.Ordinal));
        }
        catch (UpstreamException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.Unimplemented)
        {
            return SampleHistory.Unknown;
        }
    }

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    public static SampledCaseFacts ToFacts(SampledCase c) =>
        SampledCaseFacts.Create(
            c.CaseReference,
            c.SentenceType,
            c.UnpaidWorkOnly,
            c.Gender,
            c.EthnicGroup,
            c.RoshLevel,
            c.Stratum,
            c.CourtReport,
            c.StatutoryVictimContact,
            c.RoshRelevant,
            new Dictionary<string, string>
            {
                ["disability"] = Bool(c.Disability),
                ["mappa_level"] = c.MappaLevel.ToString(CultureInfo.InvariantCulture),
                ["prolific_priority_offender"] = Bool(c.ProlificPriorityOffender),
                ["approved_premises_resident"] = Bool(c.ApprovedPremisesResident),
                ["unpaid_work_requirement"] = Bool(c.UnpaidWorkRequirement),
                ["court_report_type"] = c.CourtReportType,
                ["allocated_office"] = c.AllocatedOffice,
                ["allocated_team"] = c.AllocatedTeam,
            });

    private static string Bool(bool value) => value ? "true" : "false";
}
