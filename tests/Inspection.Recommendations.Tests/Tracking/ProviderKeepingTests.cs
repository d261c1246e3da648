using Grpc.Core;
using Inspection.Domain.Dates;
using Inspection.Recommendations.V1;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// Keeping providers (issue 22), over gRPC to the real host: a provider's name, region and dates edited under its
/// version, with active_from not after today in England; a provider retired with a reason, kept and readable but left
/// out of lists unless asked for, and no longer edited, restructured into or inspected.
/// </summary>
public sealed class ProviderKeepingTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = "lead@inspection.test";
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private Task<Provider> ProviderAsync(string name, string type = "pdu", string region = "Wales", string activeFrom = "") =>
        _client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"{name} {_tag}", Type = type, Region = region, ActiveFrom = activeFrom, CreatedBy = "tests",
        }).ResponseAsync;

    private static UpdateProviderRequest Edit(Provider provider, Action<UpdateProviderRequest>? change = null)
    {
        var request = new UpdateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, ExpectedVersion = provider.Version,
            Name = provider.Name, Region = provider.Region, ActiveFrom = provider.ActiveFrom, ActiveTo = provider.ActiveTo, UpdatedBy = By,
        };
        change?.Invoke(request);
        return request;
    }

    private Task<Provider> RetireAsync(Provider provider, string reason = "entered twice by mistake") =>
        _client.RetireProviderAsync(new RetireProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, ExpectedVersion = provider.Version, Reason = reason, RetiredBy = By,
        }).ResponseAsync;

    private Task<Inspection.Recommendations.V1.Inspection> InspectionAsync(Provider provider) =>
        _client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2024", FieldworkStart = "2024-06-03", CreatedBy = "tests",
        }).ResponseAsync;

    private async Task<IReadOnlyList<string>> ListedAsync(bool includeRetired = false, bool retiredOnly = false) =>
        (await _client.ListProvidersAsync(new ListProvidersRequest { NameContains = _tag, IncludeRetired = includeRetired, RetiredOnly = retiredOnly, PageSize = 100 }))
        .Providers.Select(p => p.Name).ToList();

    private static string Today => CalendarDate.ToText(EnglandCalendar.Today(TimeProvider.System));

    [Fact]
    public async Task A_page_of_providers_says_how_many_match_over_every_page()
    {
        for (var i = 0; i < 3; i++) await ProviderAsync($"Counted {i}");
        var first = await _client.ListProvidersAsync(new ListProvidersRequest { NameContains = _tag, PageSize = 2 });
        var second = await _client.ListProvidersAsync(new ListProvidersRequest { NameContains = _tag, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal((2, 3, 1, 3, ""), (first.Providers.Count, first.Total, second.Providers.Count, second.Total, second.NextPageToken));
    }

    [Fact]
    public async Task A_providers_name_region_and_dates_are_edited_under_its_version()
    {
        var provider = await ProviderAsync("Cardiff PDU", activeFrom: "2021-06-26");

        var edited = await _client.UpdateProviderAsync(Edit(provider, e =>
        {
            e.Name = $"Cardiff and Vale PDU {_tag}";
            e.Region = "Wales South";
            e.ActiveFrom = "2021-06-28";
            e.ActiveTo = "2030-03-31";
        }));

        Assert.Equal(($"Cardiff and Vale PDU {_tag}", "Wales South", "2021-06-28", "2030-03-31", provider.Version + 1),
            (edited.Name, edited.Region, edited.ActiveFrom, edited.ActiveTo, edited.Version));
        Assert.Equal(edited, await _client.GetProviderAsync(new GetProviderRequest { ProviderId = provider.ProviderId }));
        // Today in England is not in the future.
        var today = await _client.UpdateProviderAsync(Edit(edited, e => e.ActiveFrom = Today));
        Assert.Equal(Today, today.ActiveFrom);
        Assert.False(today.Retired);
    }

    [Fact]
    public async Task An_edit_that_would_make_the_record_wrong_is_refused_naming_the_field()
    {
        var provider = await ProviderAsync("Swansea PDU");
        var body = await ProviderAsync("National body", type: "national_body", region: "");
        var tomorrow = CalendarDate.ToText(EnglandCalendar.Today(TimeProvider.System).AddDays(1));

        var future = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(provider, e => e.ActiveFrom = tomorrow)).ResponseAsync);
        var backwards = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(provider, e => { e.ActiveFrom = "2021-06-26"; e.ActiveTo = "2021-06-25"; })).ResponseAsync);
        var noName = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(provider, e => e.Name = " ")).ResponseAsync);
        var noRegion = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(provider, e => e.Region = "")).ResponseAsync);
        var bodyRegion = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(body, e => e.Region = "Wales")).ResponseAsync);
        var noVersion = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(provider, e => e.ExpectedVersion = 0)).ResponseAsync);

        foreach (var (refusal, field) in new[] { (future, "active_from"), (backwards, "active_to"), (noName, "name"), (noRegion, "region"), (bodyRegion, "region"), (noVersion, "expected_version") })
            Assert.Equal((StatusCode.InvalidArgument, field), (refusal.StatusCode, Assert.Single(refusal.FieldViolations).Field));
        Assert.Contains("after today's date in England", future.FieldViolations[0].Description);
        // Nothing was written.
        Assert.Equal(provider, await _client.GetProviderAsync(new GetProviderRequest { ProviderId = provider.ProviderId }));
    }

    [Fact]
    public async Task An_unknown_provider_is_not_found_and_a_stale_version_is_aborted()
    {
        var provider = await ProviderAsync("Newport PDU");
        var unknown = new Provider(provider) { ProviderId = Guid.NewGuid().ToString() };
        await _client.UpdateProviderAsync(Edit(provider, e => e.Region = "Gwent"));

        var editUnknown = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(unknown)).ResponseAsync);
        var retireUnknown = await Assert.ThrowsAsync<RpcException>(() => RetireAsync(unknown));
        var staleEdit = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(provider, e => e.Region = "Wales")).ResponseAsync);
        var staleRetire = await Assert.ThrowsAsync<RpcException>(() => RetireAsync(provider));

        Assert.Equal(
            (StatusCode.NotFound, StatusCode.NotFound, StatusCode.Aborted, StatusCode.Aborted),
            (editUnknown.StatusCode, retireUnknown.StatusCode, staleEdit.StatusCode, staleRetire.StatusCode));
        var stored = await _client.GetProviderAsync(new GetProviderRequest { ProviderId = provider.ProviderId });
        Assert.Equal(("Gwent", false), (stored.Region, stored.Retired));
    }

    [Fact]
    public async Task A_second_provider_of_the_same_name_is_refused_on_an_edit_as_on_creation()
    {
        var first = await ProviderAsync("Bridgend PDU");
        var second = await ProviderAsync("Merthyr PDU");

        var clash = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(second, e => e.Name = first.Name.ToUpperInvariant())).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, clash.StatusCode);
        Assert.Contains("already in the register", clash.Status.Detail);
    }

    [Fact]
    public async Task A_retired_provider_is_kept_with_its_inspections_and_left_out_of_lists_unless_asked_for()
    {
        var kept = await ProviderAsync("Kept PDU");
        var mistaken = await ProviderAsync("Mistaken PDU");
        var inspection = await InspectionAsync(mistaken);

        var retired = await RetireAsync(mistaken, "  a test entry  ");

        Assert.Equal((true, "a test entry", By, mistaken.Version + 1), (retired.Retired, retired.RetiredReason, retired.RetiredBy, retired.Version));
        Assert.NotNull(retired.RetiredAt);
        Assert.Equal("", retired.ActiveTo);   // retired is its own state, not an end date
        Assert.Equal([kept.Name], await ListedAsync());
        Assert.Equal(new[] { kept.Name, mistaken.Name }.Order(), (await ListedAsync(includeRetired: true)).Order());
        Assert.Equal([mistaken.Name], await ListedAsync(retiredOnly: true));
        // Kept: read by id, and its inspection with it.
        Assert.Equal(retired, await _client.GetProviderAsync(new GetProviderRequest { ProviderId = mistaken.ProviderId }));
        Assert.Equal(inspection.InspectionId, (await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId })).InspectionId);
        Assert.Single((await _client.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = mistaken.ProviderId })).Inspections);
    }

    [Fact]
    public async Task A_retired_provider_is_not_retired_again_edited_restructured_into_or_inspected()
    {
        var retired = await RetireAsync(await ProviderAsync("Closed PDU"));
        var predecessor = await ProviderAsync("Old CRC", type: "crc");

        var again = await Assert.ThrowsAsync<RpcException>(() => RetireAsync(retired));
        var edit = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateProviderAsync(Edit(retired, e => e.Region = "Dyfed")).ResponseAsync);
        var restructure = new RecordRestructureRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = retired.ProviderId, ExpectedVersion = retired.Version, EffectiveOn = "2021-06-26", RecordedBy = By,
        };
        restructure.Predecessors.Add(new PredecessorPart { ProviderId = predecessor.ProviderId });
        var restructured = await Assert.ThrowsAsync<RpcException>(() => _client.RecordRestructureAsync(restructure).ResponseAsync);
        var inspected = await Assert.ThrowsAsync<RpcException>(() => InspectionAsync(retired));

        foreach (var refusal in new[] { again, edit, restructured, inspected })
        {
            Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
            Assert.Contains($"{retired.Name} was retired on {Today} (entered twice by mistake)", refusal.Status.Detail);
        }
        Assert.Contains("cannot be inspected", inspected.Status.Detail);
        Assert.Equal(retired, await _client.GetProviderAsync(new GetProviderRequest { ProviderId = retired.ProviderId }));
    }

    [Fact]
    public async Task Retiring_needs_a_reason_and_a_person()
    {
        var provider = await ProviderAsync("Reasonless PDU");

        var noReason = await Assert.ThrowsAsync<RpcException>(() => RetireAsync(provider, " "));
        var noOne = await Assert.ThrowsAsync<RpcException>(() => _client.RetireProviderAsync(new RetireProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, ExpectedVersion = provider.Version, Reason = "closed",
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "reason"), (noReason.StatusCode, Assert.Single(noReason.FieldViolations).Field));
        Assert.Equal((StatusCode.InvalidArgument, "retired_by"), (noOne.StatusCode, Assert.Single(noOne.FieldViolations).Field));
    }

    [Fact]
    public void A_provider_cannot_be_deleted_only_retired()
    {
        // Its inspections, recommendations and lineage refer to it: the contract offers retiring and no delete.
        var methods = RecommendationTracking.Descriptor.Methods.Select(m => m.Name).ToList();
        Assert.Contains("RetireProvider", methods);
        Assert.DoesNotContain(methods, m => m.StartsWith("Delete", StringComparison.Ordinal) || m.StartsWith("Remove", StringComparison.Ordinal));
    }
}
