using Inspection.Evidence.Grpc;
using Inspection.Evidence.Tests.Support;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Sampling.V1;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>The evidence service over gRPC on real sockets, checking inspections with the real recommendation tracking host.</summary>
[Collection(ServicesOverGrpc.Collection)]
public sealed class EvidenceOverGrpcTests(ServicesOverGrpc services)
{
    private OrganisationalEvidence.OrganisationalEvidenceClient Evidence => services.Evidence;

    private static string NewId() => Guid.NewGuid().ToString();

    private static async Task<RpcException> Refused(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, e.StatusCode);
        return e;
    }

    [Fact]
    public async Task The_2022_reference_staffing_return_and_characteristics_read_back_exactly()
    {
        const string provider = ReferenceData.Birmingham2022;
        var (_, inspectionId) = await services.CreateInspectionAsync(ReferenceData.FrameworkOf(provider), provider, ReferenceData.FieldworkStart(provider));
        var staffing = ReferenceData.StaffingAndWorkload(provider);
        var characteristics = ReferenceData.CharacteristicsOfInspectedCases(provider);

        var figures = new StaffingFigures();
        foreach (var field in StaffingFigures.Descriptor.Fields.InDeclarationOrder())
            if (staffing.TryGetValue(field.Name, out var value)) field.Accessor.SetValue(figures, value);
        await Evidence.RecordStaffingReturnAsync(new RecordStaffingReturnRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, AsAt = ReferenceData.FieldworkStart(provider), Figures = figures, RecordedBy = "inspector",
        });
        var entered = new RecordCaseCharacteristicsRequest { RequestId = NewId(), InspectionId = inspectionId, RecordedBy = "inspector" };
        entered.Entered.AddRange(characteristics.Select(c => new EnteredCharacteristic { Characteristic = c.Key, Value = c.Value }));
        await Evidence.RecordCaseCharacteristicsAsync(entered);

        var readStaffing = await Evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = inspectionId });
        var readTable = await Evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = inspectionId });

        Assert.Equal(staffing.OrderBy(s => s.Key, StringComparer.Ordinal),
            readStaffing.FigureList.Select(f => KeyValuePair.Create(f.Field, f.Value)).OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(figures, readStaffing.Figures);
        Assert.Equal("fte", readStaffing.FigureList.Single(f => f.Field == "total_staff_fte").Unit);
        Assert.Equal(ReferenceData.FieldworkStart(provider), readStaffing.AsAt);
        Assert.Equal(characteristics.Select(c => (c.Key, c.Value, "entered")), readTable.Rows.Select(r => (r.Characteristic, r.Value, r.Source)));

        // A corrected return is a new version; the first stays readable.
        await Evidence.RecordStaffingReturnAsync(new RecordStaffingReturnRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, AsAt = ReferenceData.FieldworkStart(provider),
            Figures = new StaffingFigures(figures) { VacancyRatePct = 9 }, RecordedBy = "inspector",
        });
        Assert.Equal(9, (await Evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = inspectionId })).Figures.VacancyRatePct);
        Assert.Equal(readStaffing, await Evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = inspectionId, Version = 1 }));
        await Refused(StatusCode.NotFound, () => Evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = inspectionId, Version = 2 }).ResponseAsync);
    }

    [Fact]
    public async Task The_characteristics_table_is_computed_from_the_sample_drawn_by_case_sampling()
    {
        var (providerId, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");
        await services.DrawWholeCaseloadAsync(providerId, inspectionId, Enumerable.Range(1, 48).Select(i => new PopulationCase
        {
            CaseReference = $"EV{i:000}", SentenceType = i <= 17 ? "licence" : "community_order", StartDate = "2021-11-15",
            Gender = i <= 7 ? "female" : "male", EthnicGroup = i % 5 == 0 ? "black" : i % 5 == 1 ? "mixed" : "white",
            Disability = i % 4 == 0, RoshLevel = "medium",
        }).ToList(), "2021-11-01", "2021-11-26");

        var request = new RecordCaseCharacteristicsRequest { RequestId = NewId(), InspectionId = inspectionId, ComputeFromSample = true, RecordedBy = "inspector" };
        request.Entered.Add(new EnteredCharacteristic { Characteristic = "drug_misuse_pct", Value = 31 });
        var table = await Evidence.RecordCaseCharacteristicsAsync(request);

        var female = table.Rows.Single(r => r.Characteristic == "female_pct");
        Assert.Equal(("computed_from_sample", 15d, 7, 48), (female.Source, female.Value, female.Numerator, female.Denominator));
        var minority = table.Rows.Single(r => r.Characteristic == "black_asian_minority_ethnic_pct");
        Assert.Equal((19, 48), (minority.Numerator, minority.Denominator));
        var disability = table.Rows.Single(r => r.Characteristic == "disability_pct");
        Assert.Equal((12, 48), (disability.Numerator, disability.Denominator));
        Assert.Equal("entered", table.Rows.Single(r => r.Characteristic == "drug_misuse_pct").Source);

        var duplicate = new RecordCaseCharacteristicsRequest { RequestId = NewId(), InspectionId = inspectionId, ComputeFromSample = true, RecordedBy = "inspector" };
        duplicate.Entered.Add(new EnteredCharacteristic { Characteristic = "female_pct", Value = 15 });
        var e = await Refused(StatusCode.InvalidArgument, () => Evidence.RecordCaseCharacteristicsAsync(duplicate).ResponseAsync);
        Assert.Equal("entered[0].characteristic", Assert.Single(e.FieldViolations).Field);
    }

    [Fact]
    public async Task Computing_before_a_sample_is_drawn_is_a_failed_precondition()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");
        await Refused(StatusCode.FailedPrecondition, () => Evidence.RecordCaseCharacteristicsAsync(new RecordCaseCharacteristicsRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, ComputeFromSample = true, RecordedBy = "inspector",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_the_field()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");

        var standard = await Refused(StatusCode.InvalidArgument, () => Evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "P1.1", Source = "document", EvidenceDate = "2022-06-06",
            Summary = "x", Finding = "strength", RecordedBy = "inspector",
        }).ResponseAsync);
        Assert.Equal("standard_id", Assert.Single(standard.FieldViolations).Field);

        var rating = await Refused(StatusCode.InvalidArgument, () => Evidence.RecordJudgementAsync(new RecordJudgementRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.1", Rating = "Satisfactory", Rationale = "r", State = "final", RecordedBy = "lead",
        }).ResponseAsync);
        Assert.Equal("rating", Assert.Single(rating.FieldViolations).Field);

        var survey = await Refused(StatusCode.InvalidArgument, () => Evidence.RecordSurveyResultAsync(new RecordSurveyResultRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, Survey = "staff", Question = "q", Respondents = 40, Agreeing = 41, RecordedBy = "inspector",
        }).ResponseAsync);
        Assert.Equal("agreeing", Assert.Single(survey.FieldViolations).Field);

        var vacancy = await Refused(StatusCode.InvalidArgument, () => Evidence.RecordStaffingReturnAsync(new RecordStaffingReturnRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, AsAt = "2022-06-06", Figures = new StaffingFigures { VacancyRatePct = 140 }, RecordedBy = "inspector",
        }).ResponseAsync);
        Assert.Equal("figures.vacancy_rate_pct", Assert.Single(vacancy.FieldViolations).Field);
    }

    [Fact]
    public async Task Words_are_read_under_the_one_word_rule_and_anything_else_is_refused_naming_the_allowed_words()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");

        var item = await Evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.2", Source = " Focus Group", EvidenceDate = "2022-06-06",
            Summary = "Caseloads are too high", Finding = "Area for improvement", RecordedBy = "inspector",
        });
        Assert.Equal(("focus_group", "area_for_improvement"), (item.Source, item.Finding));
        var listed = await Evidence.ListEvidenceAsync(new ListEvidenceRequest { InspectionId = inspectionId, Source = "FOCUS_GROUP", Finding = "area for improvement" });
        Assert.Equal([item.EvidenceId], listed.Items.Select(i => i.EvidenceId));
        var judgement = await Evidence.RecordJudgementAsync(new RecordJudgementRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.1", Rating = "requires improvement", Rationale = "r", State = "Final", RecordedBy = "lead",
        });
        Assert.Equal(("Requires improvement", "final"), (judgement.Rating, judgement.State));
        var survey = await Evidence.RecordSurveyResultAsync(new RecordSurveyResultRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, Survey = "People on probation", Question = "q", Respondents = 40, Agreeing = 30, RecordedBy = "inspector",
        });
        Assert.Equal("people_on_probation", survey.Survey);

        var refused = await Refused(StatusCode.InvalidArgument, () => Evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.2", Source = "interview", EvidenceDate = "2022-06-06",
            Summary = "x", Finding = "weakness", RecordedBy = "inspector",
        }).ResponseAsync);
        Assert.Equal(["finding", "source"], refused.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Contains("'interview' is not a source of evidence (expected one of practitioner_interview, manager_meeting, focus_group",
            refused.FieldViolations.Single(v => v.Field == "source").Description);
        Assert.Contains("strength", refused.FieldViolations.Single(v => v.Field == "finding").Description);
        Assert.Contains("area_for_improvement", refused.FieldViolations.Single(v => v.Field == "finding").Description);
    }

    [Fact]
    public async Task A_staffing_figure_of_1e308_is_invalid_argument_naming_the_field_and_nothing_is_stored()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");

        var huge = await Refused(StatusCode.InvalidArgument, () => Evidence.RecordStaffingReturnAsync(new RecordStaffingReturnRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, AsAt = "2022-06-06", Figures = new StaffingFigures { TotalStaffFte = 1e308, PoFte = 99999999999 },
            RecordedBy = "inspector",
        }).ResponseAsync);
        Assert.Equal(["figures.po_fte", "figures.total_staff_fte"], huge.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.All(huge.FieldViolations, v => Assert.StartsWith("must be from 0 to 10,000 full-time equivalents", v.Description));
        await Refused(StatusCode.NotFound, () => Evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = inspectionId }).ResponseAsync);

        var characteristics = new RecordCaseCharacteristicsRequest { RequestId = NewId(), InspectionId = inspectionId, RecordedBy = "inspector" };
        characteristics.Entered.Add(new EnteredCharacteristic { Characteristic = "drug_misuse_pct", Value = 1e308 });
        var percent = await Refused(StatusCode.InvalidArgument, () => Evidence.RecordCaseCharacteristicsAsync(characteristics).ResponseAsync);
        Assert.Equal("entered[0].value", Assert.Single(percent.FieldViolations).Field);
    }

    [Fact]
    public async Task An_inspection_the_register_does_not_know_is_the_callers_failed_precondition_naming_the_register()
    {
        // #20, the product's status table: a referenced id another service does not know is FAILED_PRECONDITION (was
        // NOT_FOUND, which now means only an id of this service).
        var inspectionId = NewId();
        var e = await Refused(StatusCode.FailedPrecondition, () => Evidence.RecordJudgementAsync(new RecordJudgementRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.1", Rating = "Good", Rationale = "r", State = "final", RecordedBy = "lead",
        }).ResponseAsync);
        Assert.StartsWith("recommendation-tracking: ", e.Status.Detail);
        Assert.Contains(inspectionId, e.Status.Detail);
    }

    [Fact]
    public async Task Evidence_versions_conflicts_withdrawal_and_history()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");
        var add = new AddEvidenceRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.2", KeyQuestionId = "1.2.1", Source = "practitioner_interview",
            EvidenceDate = "2022-06-07", Summary = "Caseloads are too high", Finding = "area_for_improvement", RecordedBy = "inspector a",
        };
        var added = await Evidence.AddEvidenceAsync(add);
        Assert.Equal(added, await Evidence.AddEvidenceAsync(add)); // a retry returns the first result

        var update = new UpdateEvidenceRequest
        {
            RequestId = NewId(), EvidenceId = added.EvidenceId, ExpectedVersion = 1, StandardId = "1.2", KeyQuestionId = "1.2.1", Source = "practitioner_interview",
            EvidenceDate = "2022-06-07", Summary = "Caseloads of probation officers are too high", Finding = "area_for_improvement", RecordedBy = "inspector b",
        };
        var updated = await Evidence.UpdateEvidenceAsync(update);
        Assert.Equal(2, updated.Version);

        var stale = update.Clone();
        stale.RequestId = NewId();
        await Refused(StatusCode.Aborted, () => Evidence.UpdateEvidenceAsync(stale).ResponseAsync);
        await Refused(StatusCode.Aborted, () => Evidence.WithdrawEvidenceAsync(new WithdrawEvidenceRequest
        {
            RequestId = NewId(), EvidenceId = added.EvidenceId, ExpectedVersion = 1, Reason = "stale", WithdrawnBy = "inspector b",
        }).ResponseAsync);
        var withdrawn = await Evidence.WithdrawEvidenceAsync(new WithdrawEvidenceRequest
        {
            RequestId = NewId(), EvidenceId = added.EvidenceId, ExpectedVersion = 2, Reason = "Duplicate", WithdrawnBy = "inspector b",
        });

        Assert.True(withdrawn.Withdrawn);
        Assert.Empty((await Evidence.ListEvidenceAsync(new ListEvidenceRequest { InspectionId = inspectionId })).Items);
        Assert.Equal([withdrawn], (await Evidence.ListEvidenceAsync(new ListEvidenceRequest { InspectionId = inspectionId, IncludeWithdrawn = true })).Items);
        var history = (await Evidence.GetEvidenceHistoryAsync(new GetEvidenceHistoryRequest { EvidenceId = added.EvidenceId })).Versions;
        Assert.Equal([added, updated, withdrawn], history);
        await Refused(StatusCode.FailedPrecondition, () => Evidence.UpdateEvidenceAsync(new UpdateEvidenceRequest(update) { RequestId = NewId(), ExpectedVersion = 3 }).ResponseAsync);
        await Refused(StatusCode.AlreadyExists, () => Evidence.AddEvidenceAsync(new AddEvidenceRequest(add) { Summary = "other content" }).ResponseAsync);
    }

    [Fact]
    public async Task Judgements_for_the_four_domain_one_standards_are_read_back_for_scoring()
    {
        const string provider = ReferenceData.Birmingham2022;
        var (_, inspectionId) = await services.CreateInspectionAsync(ReferenceData.FrameworkOf(provider), provider);
        var published = ReferenceData.Ratings(provider).Where(r => r.Key.StartsWith("1.", StringComparison.Ordinal)).ToList();

        foreach (var (standard, rating) in published)
            await Evidence.RecordJudgementAsync(new RecordJudgementRequest
            {
                RequestId = NewId(), InspectionId = inspectionId, StandardId = standard, Rating = rating, Rationale = $"Published rating of {standard}",
                State = "final", RecordedBy = "lead inspector", RecordedByRole = "lead_inspector",
            });
        await Evidence.RecordJudgementAsync(new RecordJudgementRequest
        {
            RequestId = NewId(), InspectionId = inspectionId, StandardId = "1.1", Rating = published[0].Value, Rationale = "Cap applied; agreed at panel",
            PanelDeparture = true, AgreedBy = "Chief Inspector of Probation", State = "final", RecordedBy = "lead inspector", ExpectedVersion = 1,
        });

        var judgements = (await Evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = inspectionId })).Judgements;

        Assert.Equal(published.Select(p => (p.Key, p.Value, "final")), judgements.Select(j => (j.StandardId, j.Rating, j.State)));
        Assert.Equal((true, "Chief Inspector of Probation", 2L), (judgements[0].PanelDeparture, judgements[0].AgreedBy, judgements[0].Version));
        var history = (await Evidence.GetJudgementHistoryAsync(new GetJudgementHistoryRequest { InspectionId = inspectionId, StandardId = "1.1" })).Versions;
        Assert.Equal([(1L, false), (2L, true)], history.Select(v => (v.Version, v.PanelDeparture)));
    }

    [Fact]
    public async Task Standards_and_the_summary_follow_the_inspections_framework()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2024");
        var standards = await Evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = inspectionId });
        Assert.Equal("pdu-2024", standards.FrameworkId);
        Assert.Equal(["P1.1", "P1.2", "P1.3"], standards.Standards.Select(s => s.StandardId));
        Assert.Equal(["Outstanding", "Good", "Requires improvement", "Inadequate"], standards.RatingWords);
        Assert.All(standards.Standards, s => Assert.Empty(s.KeyQuestions));

        foreach (var (source, finding, summary) in new[] { ("partner_meeting", "strength", "partners"), ("staff_survey", "area_for_improvement", "morale"), ("focus_group", "strength", "peers") })
            await Evidence.AddEvidenceAsync(new AddEvidenceRequest
            {
                RequestId = NewId(), InspectionId = inspectionId, StandardId = "P1.2", Source = source, EvidenceDate = "2024-03-04",
                Summary = summary, Finding = finding, RecordedBy = "inspector",
            });

        var result = await Evidence.GetStandardSummaryAsync(new GetStandardSummaryRequest { InspectionId = inspectionId, StandardId = "P1.2" });
        Assert.Equal(["partners", "peers"], result.Strengths.Select(s => s.Summary));
        Assert.Equal(["morale"], result.AreasForImprovement.Select(s => s.Summary));
        Assert.Equal([("", 2, 1)], result.KeyQuestions.Select(k => (k.KeyQuestionId, k.Strengths.Count, k.AreasForImprovement.Count)));
        Assert.Equal(["focus_group", "partner_meeting", "staff_survey"], result.CountsBySource.Select(c => c.Source));
    }

    [Fact]
    public void The_contracts_staffing_fields_are_the_staffing_returns_fields()
    {
        Assert.Equal(global::Inspection.Evidence.Domain.Staffing.StaffingFields.All.Select(f => f.Name), EvidenceMessages.StaffingFieldNames);
    }
}
