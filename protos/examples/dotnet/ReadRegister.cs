using Grpc.Core;
using Inspection.Recommendations.V1;

namespace IntegratorExamples;

/// <summary>
/// Journey 3: read the register of recommendations and follow its changes (scope recommendations.read). Lists a
/// provider's recommendations page by page, then watches the change feed from a cursor: every change after it, then
/// new ones as they happen. Keep the last sequence you received and watch again after it to resume.
/// </summary>
public static class ReadRegister
{
    public static async Task RunAsync(string target, string providerId, long afterSequence, int maxChanges)
    {
        using var channel = Connect.Channel(target);
        var tracking = new RecommendationTracking.RecommendationTrackingClient(channel);

        // Pages: send back next_page_token (opaque) until it is empty.
        var pageToken = "";
        var first = true;
        do
        {
            var page = await tracking.ListRecommendationsAsync(new ListRecommendationsRequest
            {
                ProviderId = providerId, PageSize = 5, PageToken = pageToken,
            }, Connect.Deadline());
            if (first) Console.WriteLine($"recommendations to provider {providerId}: {page.Total}");
            first = false;
            foreach (var r in page.Recommendations)
            {
                var latest = r.LatestJudgement?.Judgement ?? "not judged";
                Console.WriteLine($"{r.InspectionId} #{r.Number} {r.AddresseeGroup} {(r.Open ? "open" : "closed")} ({latest}): {r.Text}");
            }
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);

        // The change feed: a stream that stays open. Its first message ("subscribed") says where it starts.
        var received = 0;
        var last = afterSequence;
        using var stop = new CancellationTokenSource();
        using var changes = tracking.WatchChanges(new WatchChangesRequest { AfterSequence = afterSequence }, Connect.Deadline(60).WithCancellationToken(stop.Token));
        try
        {
            await foreach (var change in changes.ResponseStream.ReadAllAsync(stop.Token))
            {
                if (change.Type == "subscribed")
                {
                    Console.WriteLine($"watching changes after {change.Sequence}");
                    continue;
                }
                last = change.Sequence;
                var what = change.RecommendationId.Length > 0 ? $" recommendation {change.RecommendationId} {change.Judgement}" : $" published {change.PublishedOn}";
                Console.WriteLine($"{change.Sequence} {change.Type} inspection {change.InspectionId} provider {change.ProviderId}{what}");
                if (++received == maxChanges) break;   // we have what we came for; a real watcher keeps the stream open
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
        Console.WriteLine($"resume with after_sequence {last}");
    }
}
