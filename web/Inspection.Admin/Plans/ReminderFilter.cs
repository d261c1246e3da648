using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Http;

namespace Inspection.Admin.Plans;

/// <summary>
/// The reminders' filters as a page takes them from its address: the addressee's response, off track, priority, and
/// providers with an open cause for concern, and (on the reminders page) a provider. A value that is not one of the
/// choices (an edited address) is no filter.
/// </summary>
public sealed record ReminderFilter(string? Response, bool OffTrack, bool Priority, string? Provider = null, bool Concern = false)
{
    /// <summary>The response choices: the words as the service takes them, and how the form words them.</summary>
    public static readonly IReadOnlyList<(string Word, string Label)> ResponseChoices =
    [
        (ResponseFilter.Agreed.Word(), "Agreed"),
        (ResponseFilter.PartlyAgreed.Word(), "Partly agreed"),
        (ResponseFilter.NotAgreed.Word(), "Not agreed"),
        (ResponseFilter.None.Word(), "No response recorded"),
    ];

    public static ReminderFilter Read(string? response, bool offTrack, bool priority, string? provider = null, bool concern = false) =>
        new(ResponseChoices.Any(c => c.Word == response) ? response : null, offTrack, priority, Guid.TryParse(provider, out _) ? provider : null, concern);

    public bool Any => Response is not null || OffTrack || Priority || Provider is not null || Concern;

    public ListRemindersRequest ToRequest(int pageSize, string pageToken = "") => new()
    {
        Response = Response ?? "", OffTrackOnly = OffTrack, PriorityOnly = Priority, ProviderId = Provider ?? "", CauseForConcernOnly = Concern,
        PageSize = pageSize, PageToken = pageToken,
    };

    /// <summary>The address's query for these filters (and a page), e.g. "?response=Agreed&amp;offtrack=true".</summary>
    public string Query(int page = 1) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["provider"] = Provider, ["response"] = Response, ["offtrack"] = OffTrack ? "true" : null, ["priority"] = Priority ? "true" : null, ["concern"] = Concern ? "true" : null,
            ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    /// <summary>The filters in words, for the sentence above the list: "agreed, off track".</summary>
    public string InWords() =>
        string.Join(", ", new[]
        {
            Response is null ? null : ResponseChoices.Single(c => c.Word == Response).Label.ToLowerInvariant(),
            OffTrack ? "off track" : null,
            Priority ? "priority recommendations" : null,
            Concern ? "providers with a cause for concern" : null,
        }.OfType<string>());
}
