using Inspection.Domain.Dates;
using System.Globalization;
using Inspection.Contracts.Vocabularies;
using System.Security.Cryptography;
using Google.Protobuf;
using V1 = Inspection.Sampling.V1;
using Inspection.Sampling.Domain.Composition;
using Inspection.Statistics.Composition;

namespace Inspection.Sampling.Grpc;

/// <summary>Maps the contract's messages to the domain core and back.</summary>
/// <summary>Maps the domain core's records and the stored ones to and from the contract's messages; no rules live here.</summary>
public static class SamplingMessages
{
    /// <summary>What makes two requests with the same request_id "the same": their serialized content (SHA-256, lower-case hex).</summary>
    public static string Fingerprint(this IMessage request) => Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray()));

    public static string ToWire(this DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // ---------- populations ----------

    /// <summary>The most row errors one refusal lists, so the answer stays well inside a gRPC message whatever the file.</summary>
    public const int MaxRowErrorsListed = 1000;

    public static V1.UploadCaseloadResponse ToMessage(this Application.CaseloadOutcome outcome)
    {
        if (outcome.Imported is { } snapshot) return new V1.UploadCaseloadResponse { Imported = snapshot.ToMessage() };
        var refusal = new V1.CaseloadRefusal { ErrorCount = outcome.Errors.Count };
        refusal.Errors.AddRange(outcome.Errors.Take(MaxRowErrorsListed)
            .Select(e => new V1.CaseloadRowError { Row = e.Row, Column = e.Field, Message = e.Reason }));
        return new V1.UploadCaseloadResponse { Refused = refusal };
    }

    public static V1.CaseloadFileFormat CaseloadFileFormat(int maxBytes, int recommendedChunkBytes)
    {
        var format = new V1.CaseloadFileFormat
        {
            Format = "csv", Template = CaseloadFormat.Template, MaxBytes = maxBytes, RecommendedChunkBytes = recommendedChunkBytes,
        };
        format.Columns.AddRange(CaseloadFormat.Columns.Select(c =>
        {
            var column = new V1.CaseloadColumn { Name = c.Name, Required = c.Required, Description = c.Description };
            column.Words.AddRange(c.Words);
            return column;
        }));
        return format;
    }

    public static CaseRow ToInput(this V1.PopulationCase c) => new(c.CaseReference, c.SentenceType, c.StartDate, c.Gender, c.EthnicGroup,
        c.Disability, c.RoshLevel, c.MappaLevel, c.ProlificPriorityOffender, c.ApprovedPremisesResident, c.StatutoryVictimContact,
        c.UnpaidWorkRequirement, c.UnpaidWorkOnly, c.CourtReportType, c.AllocatedOffice, c.AllocatedTeam);

    public static V1.PopulationCase ToMessage(this CaseRecord c) => new V1.PopulationCase().WithCase(c);

    /// <summary>Writes the case's attributes into a message that carries them (a caseload's case or a sample's).</summary>
    private static T WithCase<T>(this T message, CaseRecord c) where T : V1.ICaseAttributes
    {
        message.CaseReference = c.CaseReference;
        message.SentenceType = c.SentenceType;
        message.StartDate = CalendarDate.ToText(c.StartDate);
        message.Gender = c.Gender;
        message.EthnicGroup = c.EthnicGroup;
        message.Disability = c.Disability;
        message.RoshLevel = c.RoshLevel;
        message.MappaLevel = c.MappaLevel;
        message.ProlificPriorityOffender = c.ProlificPriorityOffender;
        message.ApprovedPremisesResident = c.ApprovedPremisesResident;
        message.StatutoryVictimContact = c.StatutoryVictimContact;
        message.UnpaidWorkRequirement = c.UnpaidWorkRequirement;
        message.UnpaidWorkOnly = c.UnpaidWorkOnly;
        message.CourtReportType = c.CourtReportType;
        message.AllocatedOffice = c.AllocatedOffice;
        message.AllocatedTeam = c.AllocatedTeam;
        return message;
    }

    public static V1.Snapshot ToMessage(this StoredSnapshot s)
    {
        var message = new V1.Snapshot
        {
            SnapshotId = s.SnapshotId.ToString(),
            ProviderId = s.ProviderId,
            Version = s.Version,
            TakenOn = CalendarDate.ToText(s.TakenOn),
            Description = s.Description,
            Status = s.Status,
            CaseCount = s.CaseCount,
            Digest = s.Digest,
            CreatedAt = s.CreatedAt.ToWire(),
            CompletedAt = s.CompletedAt is { } at ? at.ToWire() : "",
        };
        if (s.Withdrawn is { } withdrawn)
        {
            message.Withdrawn = true;
            message.WithdrawnReason = withdrawn.Reason;
            message.WithdrawnBy = withdrawn.By;
            message.WithdrawnAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(withdrawn.At);
        }
        return message;
    }

    // ---------- size ----------

    public static SizeForConfidence ToInput(this V1.SizeForConfidence s)
        => new(s.ConfidenceLevel, s.MarginOfError, s.HasExpectedProportion ? s.ExpectedProportion : 50,
            s.HasApplicableShare ? s.ApplicableShare : 100);

    public static V1.SampleSize ToMessage(this SampleSize s) => new()
    {
        Mode = s.Mode,
        PopulationSize = s.PopulationSize,
        ConfidenceLevel = s.ConfidenceLevel,
        MarginOfError = s.MarginOfError,
        ExpectedProportion = s.ExpectedProportion,
        Z = s.Z,
        N0 = s.N0,
        NUnrounded = s.NUnrounded,
        N = s.N,
        Explanation = s.Explanation,
        ApplicableShare = s.ApplicableShare,
        ApplicableN = s.ApplicableN,
    };

    // ---------- draw ----------

    public static DrawRequest ToInput(this V1.DrawSampleRequest r, ulong seed) => new(
        RequestId: r.RequestId.Trim(),
        InspectionId: r.InspectionId.Trim(),
        SnapshotId: r.SnapshotId.Trim(),
        Windows: r.Eligibility?.Windows.Select(w => new WindowText(w.FirstDay, w.LastDay)).ToList() ?? [],
        SentenceTypes: r.Eligibility?.SentenceTypes.ToList() ?? [],
        Size: r.SizeRuleCase switch
        {
            V1.DrawSampleRequest.SizeRuleOneofCase.FixedSize => SizeRule.Fixed(r.FixedSize),
            V1.DrawSampleRequest.SizeRuleOneofCase.CalculatedSize => SizeRule.For(r.CalculatedSize.ToInput()),
            _ => new SizeRule(null, null),
        },
        StratifyBy: r.StratifyBy.ToList(),
        Quotas: r.Quotas.Select(q => new Quota(q.Attribute, q.Values.ToList(), q.Minimum)).ToList(),
        Split: r.FixedSplit is null ? null
            : new FixedSplit(r.FixedSplit.Attribute, r.FixedSplit.Groups.Select(g => new SplitGroup(g.Name, g.Values.ToList(), g.Weight)).ToList()),
        Seed: seed,
        ReservesPerStratum: r.ReservesPerStratum,
        DrawnBy: r.DrawnBy.Trim(),
        AssessmentsSetAside: r.AssessmentsSetAside);

    public static V1.DrawSampleRequest ToMessage(this DrawRequest r)
    {
        var message = new V1.DrawSampleRequest
        {
            RequestId = r.RequestId,
            InspectionId = r.InspectionId,
            SnapshotId = r.SnapshotId,
            Eligibility = new V1.Eligibility(),
            Seed = r.Seed,
            ReservesPerStratum = r.ReservesPerStratum,
            DrawnBy = r.DrawnBy,
            AssessmentsSetAside = r.AssessmentsSetAside,
        };
        message.Eligibility.Windows.AddRange(r.Windows.Select(w => new V1.DateWindow { FirstDay = w.FirstDay ?? "", LastDay = w.LastDay ?? "" }));
        message.Eligibility.SentenceTypes.AddRange(r.SentenceTypes);
        if (r.Size.FixedSize is { } size) message.FixedSize = size;
        else if (r.Size.Calculated is { } c)
        {
            message.CalculatedSize = new V1.SizeForConfidence { ConfidenceLevel = c.ConfidenceLevel, MarginOfError = c.MarginOfError, ExpectedProportion = c.ExpectedProportion };
            // Only when planned for a part, so samples drawn before the field existed read back as they were asked.
            if (c.ApplicableShare < 100) message.CalculatedSize.ApplicableShare = c.ApplicableShare;
        }
        message.StratifyBy.AddRange(r.StratifyBy);
        message.Quotas.AddRange(r.Quotas.Select(ToMessage));
        if (r.Split is { } split)
        {
            message.FixedSplit = new V1.FixedSplit { Attribute = split.Attribute };
            message.FixedSplit.Groups.AddRange(split.Groups.Select(g =>
            {
                var group = new V1.SplitGroup { Name = g.Name, Weight = g.Weight };
                group.Values.AddRange(g.Values);
                return group;
            }));
        }
        return message;
    }

    public static V1.Sample ToMessage(this StoredSample s)
    {
        var sample = new V1.Sample
        {
            SampleId = s.SampleId.ToString(),
            InspectionId = s.InspectionId,
            SnapshotId = s.SnapshotId.ToString(),
            SnapshotVersion = s.SnapshotVersion,
            SnapshotDigest = s.SnapshotDigest,
            Parameters = s.Request.ToMessage(),
            Seed = s.Request.Seed,
            AlgorithmVersion = s.AlgorithmVersion,
            DrawnBy = s.Request.DrawnBy,
            DrawnAt = s.DrawnAt.ToWire(),
            Current = s.Current,
            PopulationSize = s.PopulationSize,
            EligibleSize = s.EligibleSize,
            Size = s.Size.ToMessage(),
        };
        sample.Exclusions.AddRange(s.Exclusions.Select(e => new V1.ExclusionCount { Reason = e.Reason, Cases = e.Cases }));
        sample.Strata.AddRange(s.Strata.Select(stratum => stratum.ToMessage(s)));
        sample.Quotas.AddRange(s.Quotas.Select(ToMessage));
        sample.Cases.AddRange(s.Cases.Where(c => c.Role == SampleMember.Sampled).Select(c => c.ToMessage(s.SampleId)));
        sample.Substitutions.AddRange(s.Substitutions.Select(ToMessage));
        return sample;
    }

    /// <summary>A stratum of the draw with its active cases now and its waiting reserves in rank order.</summary>
    private static V1.Stratum ToMessage(this StratumSummary stratum, StoredSample s) => new()
    {
        Key = stratum.Key,
        Population = stratum.Population,
        ProportionalShare = stratum.ProportionalShare,
        QuotaFloor = stratum.QuotaFloor,
        Allocated = stratum.Allocated,
        Active = s.ActiveCases.Count(c => c.Stratum == stratum.Key),
        Reserves =
        {
            s.Cases
                .Where(c => c.Stratum == stratum.Key && c.Role == SampleMember.Reserve && c.Status == SampleMember.Waiting)
                .OrderBy(c => c.ReserveRank)
                .Select(c => c.Case.CaseReference),
        },
    };

    private static V1.QuotaResult ToMessage(this QuotaOutcome q) => new()
    {
        Attribute = q.Quota.Attribute, Minimum = q.Quota.Minimum, Eligible = q.Eligible, Sampled = q.Sampled, Values = { q.Quota.Values },
    };

    public static V1.SampledCase ToMessage(this StoredSampleCase m, Guid sampleId) => new V1.SampledCase
    {
        Stratum = m.Stratum,
        CourtReport = m.Case.HasCourtReport,
        RoshRelevant = m.Case.RoshRelevant,
        SelectedBy = m.SelectedBy,
        Status = m.Status,
        DrawPosition = m.DrawPosition,
        Replaces = m.Replaces,
        ReplacedBy = m.ReplacedBy,
        SampleId = sampleId.ToString(),
    }.WithCase(m.Case);

    public static V1.Substitution ToMessage(this StoredSubstitution s) => new()
    {
        SubstitutionId = s.SubstitutionId.ToString(),
        SampleId = s.SampleId.ToString(),
        Sequence = s.Substitution.Sequence,
        RemovedCaseReference = s.Substitution.RemovedCaseReference,
        AddedCaseReference = s.Substitution.AddedCaseReference,
        Stratum = s.Substitution.Stratum,
        Reason = s.Substitution.Reason,
        SubstitutedBy = s.Substitution.SubstitutedBy,
        SubstitutedAt = s.SubstitutedAt.ToWire(),
    };

    public static V1.SampleSummary ToMessage(this StoredSampleSummary s) => new()
    {
        SampleId = s.SampleId.ToString(),
        InspectionId = s.InspectionId,
        SnapshotId = s.SnapshotId.ToString(),
        Size = s.Size,
        Seed = s.Seed,
        AlgorithmVersion = s.AlgorithmVersion,
        DrawnBy = s.DrawnBy,
        DrawnAt = s.DrawnAt.ToWire(),
        Current = s.Current,
        Substitutions = s.Substitutions,
    };

    public static V1.SubSample ToSubSample(this StoredSample s, SubSampleRule rule)
    {
        var active = s.ActiveCases.ToList();
        return new V1.SubSample
        {
            SampleId = s.SampleId.ToString(), Kind = rule.Kind, Rule = rule.Rule, SampleSize = active.Count,
            Cases = { rule.Select(active, c => c.Case).Select(c => c.ToMessage(s.SampleId)) },
        };
    }

    public static V1.Composition ToMessage(this CompositionReport report, Guid sampleId) => new()
    {
        SampleId = sampleId.ToString(),
        EligiblePopulation = report.EligiblePopulation,
        SampleSize = report.SampleSize,
        Attributes = { report.Attributes.Select(ToMessage) },
    };

    private static V1.AttributeComposition ToMessage(this AttributeComposition attribute)
    {
        var table = new V1.AttributeComposition
        {
            Attribute = attribute.Attribute,
            ChiSquare = attribute.ChiSquare,
            DegreesOfFreedom = attribute.DegreesOfFreedom,
            Note = attribute.Note,
            FixedByAllocation = attribute.FixedBy ?? "",
            Rows =
            {
                attribute.Rows.Select(r => new V1.CompositionRow
                {
                    Value = r.Value, Population = r.Population, PopulationShare = r.PopulationShare, Sample = r.Sample,
                    SampleShare = r.SampleShare, Expected = r.Expected,
                }),
            },
        };
        if (attribute.PValue is { } p) table.PValue = p;
        if (attribute.Fit is { } fit)
        {
            table.CorrectedChiSquare = fit.Statistic;
            table.DesignPValue = fit.PValue;
            table.DesignPValueMethod = fit.Method.Word();
            table.SimulationSeed = fit.Seed ?? 0;
            table.SimulationDraws = fit.Draws ?? 0;
            table.MinimumExpected = fit.MinimumExpected;
        }
        return table;
    }

    private static V1.Quota ToMessage(this Quota q) => new() { Attribute = q.Attribute, Minimum = q.Minimum, Values = { q.Values } };
}
