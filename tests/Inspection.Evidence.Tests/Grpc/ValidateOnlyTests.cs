using Grpc.Core;
using Inspection.Evidence.V1;
using Npgsql;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>
/// Issue 22, every error of a form at once: AddEvidence and RecordStaffingReturn asked with validate_only run every
/// check (the inspection's framework asked of recommendation tracking included) and tell every wrong field together,
/// writing nothing; an inspection the register does not know is still its FAILED_PRECONDITION.
/// </summary>
[Collection(ServicesOverGrpc.Collection)]
public sealed class ValidateOnlyTests(ServicesOverGrpc services)
{
    private OrganisationalEvidence.OrganisationalEvidenceClient Evidence => services.Evidence;

    private async Task<long> AuditEventsAsync()
    {
        await using var connection = new NpgsqlConnection(services.EvidenceDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from audit.events", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_evidence_item_checked_only_lists_every_wrong_field_and_writes_nothing()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");
        var before = await AuditEventsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => Evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, StandardId = "1.2", Source = "focus_group", EvidenceDate = "2099-01-01",
            Summary = "", Finding = "", RecordedBy = "inspector", ValidateOnly = true,
        }).ResponseAsync);
        var valid = await Evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, StandardId = "1.2", Source = "focus_group", EvidenceDate = "2022-06-07",
            Summary = "Caseloads are too high", Finding = "area_for_improvement", RecordedBy = "inspector", ValidateOnly = true,
        });
        var listed = await Evidence.ListEvidenceAsync(new ListEvidenceRequest { InspectionId = inspectionId });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["evidence_date", "finding", "summary"], refused.FieldViolations.Select(v => v.Field).Order().ToArray());
        Assert.Equal("", valid.EvidenceId);
        Assert.Empty(listed.Items);
        Assert.Equal(before, await AuditEventsAsync());
    }

    [Fact]
    public async Task A_staffing_return_checked_only_lists_its_date_and_its_figures_together()
    {
        var (_, inspectionId) = await services.CreateInspectionAsync("pdu-2021-2023");
        var before = await AuditEventsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => Evidence.RecordStaffingReturnAsync(new RecordStaffingReturnRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, AsAt = "2099-01-01",
            Figures = new StaffingFigures { VacancyRatePct = 140, TotalStaffFte = -3 }, RecordedBy = "inspector", ValidateOnly = true,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.FieldViolations, v => v.Field == "as_at");
        Assert.True(refused.FieldViolations.Count(v => v.Field.StartsWith("figures.", StringComparison.Ordinal)) >= 2,
            string.Join("; ", refused.FieldViolations.Select(v => v.Field)));
        Assert.Equal(before, await AuditEventsAsync());
    }

    [Fact]
    public async Task An_inspection_the_register_does_not_know_is_still_refused_when_only_checking()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = Guid.NewGuid().ToString(), StandardId = "1.2", Source = "focus_group",
            EvidenceDate = "2022-06-07", Summary = "Caseloads are too high", Finding = "area_for_improvement", RecordedBy = "inspector", ValidateOnly = true,
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.StartsWith("recommendation-tracking: ", refused.Status.Detail);
    }
}
