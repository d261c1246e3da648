"""Journey 2: read an inspection's ratings (scope ratings.read): each standard's rating and the overall rating. A
published inspection's ratings are those stored at publication; a draft's are computed from the case assessments.

Usage: INSPECTION_CLIENT_ID=... INSPECTION_CLIENT_SECRET=... /usr/bin/python3 read_ratings.py 127.0.0.1:5103 INSPECTION_ID
"""
from connect import channel, run, with_token
from scoring.v1 import scoring_pb2, scoring_pb2_grpc


def main(args):
    if len(args) != 2:
        raise SystemExit("usage: read_ratings.py host:port inspection-id")
    target, inspection_id = args
    with channel(target) as ch:
        scoring = scoring_pb2_grpc.AssessmentScoringStub(ch)
        ratings = scoring.GetInspectionRatings(scoring_pb2.GetInspectionRatingsRequest(inspection_id=inspection_id),
                                               metadata=with_token(), timeout=30)
    print("inspection %s (%s), ratings from %s" % (ratings.inspection_id, ratings.framework_id, ratings.source))
    for standard in ratings.standards:
        # final_rating is the rating the report prints (a panel's departure included); computed_rating what the method gives.
        print("%s %s: %s" % (standard.standard_id, standard.name, standard.final_rating or "not rated"))
        for kq in standard.key_questions:
            # k, n and pct are proto3 optional: absent is "not known", not 0.
            print("  %s: %s" % (kq.question_id, "%d%%" % kq.pct if kq.HasField("pct") else "no figure"))
    if ratings.HasField("overall"):
        print("overall: %s (%d of %d)" % (ratings.overall.rating or "not yet rated", ratings.overall.score, ratings.overall.max_score))


if __name__ == "__main__":
    run(main)
