using Grpc.Core;
using Inspection.Domain.Dates;
using Inspection.Evidence.V1;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>
/// Issue 22: evidence is gathered and a staffing return reports what was, so neither is dated after today in England;
/// refused naming the field, in words, with nothing written. The hosts keep the system clock (their tokens follow it),
/// so the future is tomorrow in England, or 2099.
/// </summary>
[Collection(ServicesOverGrpc.Collection)]
public sealed class EvidenceDatesTests(ServicesOverGrpc services)
{
    private OrganisationalEvidence.OrganisationalEvidenceClient Evidence => services.Evidence;

    private static DateOnly Today => EnglandCalendar.Today(TimeProvider.System);

    private static AddEvidenceRequest Item(string inspectionId, string date) => new()
    {
        RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, StandardId = "1.2", Source = "focus_group", EvidenceDate = date,
        Summary = "Caseloads are too high", Finding = "area_for_improvement", RecordedBy = "inspector",
    };

    private static RecordStaffingReturnRequest Return(string inspectionId, string asAt) => new()
    {
        RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, AsAt = asAt, Figures = new StaffingFigures { VacancyRatePct = 12 }, RecordedBy = "inspector",
    };

    [Fact]
    public async Task An_evidence_item_cannot_be_dated_after_today_when_added_or_updated()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");

        var added = await Assert.ThrowsAsync<RpcException>(() => Evidence.AddEvidenceAsync(Item(inspectionId, CalendarDate.ToText(Today.AddDays(1)))).ResponseAsync);
        var item = await Evidence.AddEvidenceAsync(Item(inspectionId, CalendarDate.ToText(Today)));
        var updated = await Assert.ThrowsAsync<RpcException>(() => Evidence.UpdateEvidenceAsync(new UpdateEvidenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), EvidenceId = item.EvidenceId, ExpectedVersion = item.Version, StandardId = "1.2", Source = "focus_group",
            EvidenceDate = "2099-01-01", Summary = "Caseloads are too high", Finding = "area_for_improvement", RecordedBy = "inspector",
        }).ResponseAsync);
        var listed = await Evidence.ListEvidenceAsync(new ListEvidenceRequest { InspectionId = inspectionId });

        foreach (var refused in new[] { added, updated })
        {
            Assert.Equal((StatusCode.InvalidArgument, "evidence_date"), (refused.StatusCode, Assert.Single(refused.FieldViolations).Field));
            Assert.StartsWith("The date of the evidence cannot be after today (", refused.FieldViolations[0].Description);
        }
        Assert.Equal([(item.EvidenceId, 1L)], listed.Items.Select(i => (i.EvidenceId, i.Version)));
    }

    [Fact]
    public async Task A_staffing_return_cannot_relate_to_a_day_after_today()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");

        var refused = await Assert.ThrowsAsync<RpcException>(() => Evidence.RecordStaffingReturnAsync(Return(inspectionId, "2099-01-01")).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = inspectionId }).ResponseAsync);
        var recorded = await Evidence.RecordStaffingReturnAsync(Return(inspectionId, CalendarDate.ToText(Today)));

        Assert.Equal((StatusCode.InvalidArgument, "as_at"), (refused.StatusCode, Assert.Single(refused.FieldViolations).Field));
        Assert.StartsWith("The date the figures relate to cannot be after today (", refused.FieldViolations[0].Description);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(CalendarDate.ToText(Today), recorded.AsAt);
    }
}
