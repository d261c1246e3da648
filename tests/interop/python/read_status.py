"""Reads back the status of each call as Python's grpcio reports it to its user (code(), details()).

Usage: python3 read_status.py 127.0.0.1:PORT CALLS_JSON
  CALLS_JSON: [{"path": "/package.Service/Method", "authorization": "Bearer ..." or "", "body_hex": "0a03..."}]
Prints [{"code": N, "details": "..."}] in the same order. The request bytes are sent as given (no stubs needed).
Runs on Debian's python3-grpcio (1.51), as an integrator on Debian would.
"""
import json
import sys

import grpc


def call(channel, spec):
    method = channel.unary_unary(spec["path"], request_serializer=None, response_deserializer=None)
    metadata = [("authorization", spec["authorization"])] if spec.get("authorization") else None
    try:
        method(bytes.fromhex(spec.get("body_hex", "")), metadata=metadata, timeout=10)
        return {"code": 0, "details": ""}
    except grpc.RpcError as error:
        return {"code": error.code().value[0], "details": error.details()}


def main():
    if len(sys.argv) != 3:
        print("usage: python3 read_status.py host:port CALLS_JSON", file=sys.stderr)
        sys.exit(2)
    with grpc.insecure_channel(sys.argv[1]) as channel:
        results = [call(channel, spec) for spec in json.loads(sys.argv[2])]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
