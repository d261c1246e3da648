using Grpc.Core;
using Inspection.Domain.Dates;
using Inspection.Recommendations.V1;
using Npgsql;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// Over gRPC to the real host (issue 22, every error of a form at once): a write asked with validate_only runs every
/// check, including those that ask assessment scoring, and writes nothing (no audit event, no ledger entry, no figures
/// stored by scoring); a publication date that cannot be right is told together with every blocker, with or without
/// validate_only; and a provider's wrong fields are told together.
/// </summary>
public sealed class ValidateOnlyTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = "validate-only-tests";
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;

    private async Task<V1.Inspection> InspectionAsync()
    {
        var provider = await _client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"Validate only {Guid.NewGuid():N}", Type = "pdu", Region = "Wales", CreatedBy = By,
        });
        return await _client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023",
            FieldworkStart = "2022-01-10", FieldworkEnd = "2022-01-21", CreatedBy = By,
        });
    }

    private static PublishInspectionRequest Publication(V1.Inspection inspection, string publishedOn, bool validateOnly, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version,
        PublishedOn = publishedOn, PublishedBy = By, ValidateOnly = validateOnly,
    };

    private async Task<long> CountAsync(string sql, string? requestId = null)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (requestId is not null) command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private Task<long> AuditEventsAsync() => CountAsync("select count(*) from audit.events");

    [Fact]
    public async Task Validate_only_publication_tells_the_wrong_date_and_every_blocker_at_once_and_writes_nothing()
    {
        var inspection = await InspectionAsync();
        service.Scoring.Answers.Blockers[inspection.InspectionId] = ["3 case assessments are not finished", "the overall rating is not decided yet"];
        var before = await AuditEventsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.PublishInspectionAsync(Publication(inspection, "2099-01-01", validateOnly: true)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("published_on", Assert.Single(refused.FieldViolations).Field);
        Assert.Equal(["3 case assessments are not finished", "the overall rating is not decided yet"], refused.PreconditionFailures);
        Assert.Equal(before, await AuditEventsAsync());
        var unchanged = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId });
        Assert.Equal(("planned", inspection.Version), (unchanged.Status, unchanged.Version));
    }

    [Fact]
    public async Task Without_validate_only_the_same_request_is_refused_with_the_same_two_lists()
    {
        var inspection = await InspectionAsync();
        service.Scoring.Answers.Blockers[inspection.InspectionId] = ["the overall rating is not decided yet"];

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.PublishInspectionAsync(Publication(inspection, "2022-01-20", validateOnly: false)).ResponseAsync);
        var blocked = await Assert.ThrowsAsync<RpcException>(() => _client.PublishInspectionAsync(
            Publication(inspection, CalendarDate.ToText(EnglandCalendar.Today(TimeProvider.System)), validateOnly: false)).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "published_on"), (refused.StatusCode, Assert.Single(refused.FieldViolations).Field));
        Assert.Equal(["the overall rating is not decided yet"], refused.PreconditionFailures);
        Assert.Equal(StatusCode.FailedPrecondition, blocked.StatusCode);
        Assert.Equal(["the overall rating is not decided yet"], blocked.PreconditionFailures);
    }

    [Fact]
    public async Task A_publication_that_passes_its_checks_is_answered_ok_and_the_real_one_with_the_same_id_then_publishes()
    {
        var inspection = await InspectionAsync();
        var today = CalendarDate.ToText(EnglandCalendar.Today(TimeProvider.System));
        var requestId = Guid.NewGuid().ToString();
        var before = await AuditEventsAsync();

        await _client.PublishInspectionAsync(Publication(inspection, today, validateOnly: true, requestId));

        Assert.Equal(before, await AuditEventsAsync());
        Assert.Equal(0, await CountAsync("select count(*) from request_ledger where request_id = $1", requestId));
        Assert.False(service.Scoring.Answers.FiguresRecordedAs.ContainsKey(inspection.InspectionId), "scoring stored figures for a check");
        var published = await _client.PublishInspectionAsync(Publication(inspection, today, validateOnly: false, requestId));
        Assert.Equal(("published", today), (published.Status, published.PublishedOn));
        Assert.True(service.Scoring.Answers.FiguresRecordedAs.ContainsKey(inspection.InspectionId));
    }

    [Fact]
    public async Task A_provider_edit_tells_every_wrong_field_at_once_and_validate_only_writes_nothing()
    {
        var inspection = await InspectionAsync();
        var provider = await _client.GetProviderAsync(new GetProviderRequest { ProviderId = inspection.ProviderId });
        var before = await AuditEventsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(new UpdateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, ExpectedVersion = provider.Version, Name = "",
            Region = "Wales", ActiveFrom = "2099-01-01", ActiveTo = "2020-01-01", UpdatedBy = By, ValidateOnly = true,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["active_from", "active_to", "name"], refused.FieldViolations.Select(v => v.Field).Order().ToArray());
        Assert.Equal(before, await AuditEventsAsync());
    }
}
