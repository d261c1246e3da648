"""Journey 3: read the register of recommendations and follow its changes (scope recommendations.read). Lists a
provider's recommendations page by page, then watches the change feed from a cursor: every change after it, then new
ones as they happen. Keep the last sequence you received and watch again after it to resume.

Usage: INSPECTION_CLIENT_ID=... INSPECTION_CLIENT_SECRET=... /usr/bin/python3 read_register.py 127.0.0.1:5101 PROVIDER_ID AFTER_SEQUENCE MAX_CHANGES
"""
from connect import channel, run, with_token
from recommendations.v1 import recommendations_pb2 as reco, recommendations_pb2_grpc


def main(args):
    if len(args) != 4:
        raise SystemExit("usage: read_register.py host:port provider-id after-sequence max-changes")
    target, provider_id, after_sequence, max_changes = args[0], args[1], int(args[2]), int(args[3])
    with channel(target) as ch:
        tracking = recommendations_pb2_grpc.RecommendationTrackingStub(ch)
        # Pages: send back next_page_token (opaque) until it is empty.
        page_token, first = "", True
        while first or page_token:
            page = tracking.ListRecommendations(reco.ListRecommendationsRequest(
                provider_id=provider_id, page_size=5, page_token=page_token), metadata=with_token(), timeout=30)
            if first:
                print("recommendations to provider %s: %d" % (provider_id, page.total))
            first = False
            for r in page.recommendations:
                latest = r.latest_judgement.judgement if r.HasField("latest_judgement") else "not judged"
                print("%s #%d %s %s (%s): %s" % (r.inspection_id, r.number, r.addressee_group,
                                                 "open" if r.open else "closed", latest, r.text))
            page_token = page.next_page_token

        # The change feed: a stream that stays open. Its first message ("subscribed") says where it starts.
        received, last = 0, after_sequence
        changes = tracking.WatchChanges(reco.WatchChangesRequest(after_sequence=after_sequence), metadata=with_token(), timeout=60)
        for change in changes:
            if change.type == "subscribed":
                print("watching changes after %d" % change.sequence)
                continue
            last = change.sequence
            what = (" recommendation %s %s" % (change.recommendation_id, change.judgement) if change.recommendation_id
                    else " published %s" % change.published_on)
            print("%d %s inspection %s provider %s%s" % (change.sequence, change.type, change.inspection_id, change.provider_id, what))
            received += 1
            if received == max_changes:
                changes.cancel()  # we have what we came for; a real watcher keeps the stream open
                break
    print("resume with after_sequence %d" % last)


if __name__ == "__main__":
    run(main)
