"""Journey 1: send a provider's caseload (scope populations.write). Opens a snapshot, sends the cases in batches, each
with its own request_id (so a retry after a timeout is recognised and writes nothing twice) and the file row of its
first case (so a refusal names file rows), then seals the snapshot with the number of cases sent.

Usage: INSPECTION_CLIENT_ID=... INSPECTION_CLIENT_SECRET=... /usr/bin/python3 send_caseload.py 127.0.0.1:5102 PROVIDER_ID TAKEN_ON caseload.csv
  The file's first line names PopulationCase fields (case_reference,sentence_type,start_date,gender,...); one case a
  line after it, no quoted commas.
"""
import uuid

from connect import channel, run, with_token
from sampling.v1 import sampling_pb2, sampling_pb2_grpc

BATCH_SIZE = 1000  # up to 20,000 cases a batch (protos/README.md, "Limits")


def typed(column, value):
    """The CSV's text as the field's type: flags are true/false, MAPPA levels numbers, everything else text."""
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    if column == "mappa_level":
        return int(value)
    return value


def main(args):
    if len(args) != 4:
        raise SystemExit("usage: send_caseload.py host:port provider-id taken-on caseload.csv")
    target, provider_id, taken_on, path = args
    with open(path, encoding="utf-8") as file:
        header, *rows = [line.rstrip("\r\n") for line in file if line.strip()]
    columns = header.split(",")
    cases = [sampling_pb2.PopulationCase(**{c: typed(c, v) for c, v in zip(columns, row.split(","))}) for row in rows]

    with channel(target) as ch:
        sampling = sampling_pb2_grpc.CaseSamplingStub(ch)
        # One request_id per distinct request, kept until it is answered: resend the same one when retrying.
        snapshot = sampling.StartPopulationImport(sampling_pb2.StartPopulationImportRequest(
            request_id=str(uuid.uuid4()), provider_id=provider_id, taken_on=taken_on, description="sent from " + path),
            metadata=with_token(), timeout=30)
        print("snapshot %s version %d opened for provider %s" % (snapshot.snapshot_id, snapshot.version, snapshot.provider_id))
        for at in range(0, len(cases), BATCH_SIZE):
            batch = cases[at:at + BATCH_SIZE]
            reply = sampling.ImportPopulation(sampling_pb2.ImportPopulationRequest(
                request_id=str(uuid.uuid4()), snapshot_id=snapshot.snapshot_id, cases=batch,
                first_row_number=at + 2),  # row 1 is the header
                metadata=with_token(), timeout=30)
            print("rows %d-%d: %d received, %d inserted, %d already present"
                  % (at + 2, at + 1 + len(batch), reply.received, reply.inserted, reply.already_present))
        complete = sampling.CompletePopulationImport(sampling_pb2.CompletePopulationImportRequest(
            request_id=str(uuid.uuid4()), snapshot_id=snapshot.snapshot_id, expected_case_count=len(cases)),
            metadata=with_token(), timeout=30)
        print("snapshot %s %s: %d cases, digest %s" % (complete.snapshot_id, complete.status, complete.case_count, complete.digest))


if __name__ == "__main__":
    run(main)
