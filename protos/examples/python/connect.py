"""What every example shares: the generated stubs (./generate.sh), the token on every call, and a refusal explained
from its status and its details (google.rpc.BadRequest and the others in grpc-status-details-bin).

Runs on Debian's python3-grpcio (1.51) and python3-protobuf; use /usr/bin/python3, the Python that sees them.
"""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import grpc

# The stubs ./generate.sh wrote; set INSPECTION_STUBS when you generated them elsewhere.
sys.path.insert(0, os.environ.get("INSPECTION_STUBS", os.path.join(os.path.dirname(os.path.abspath(__file__)), "generated")))

from google.rpc import error_details_pb2, status_pb2  # noqa: E402  (generated)


def channel(target):
    """Locally the services speak h2c (no TLS); in production use the address and TLS that came with your registration."""
    if os.environ.get("INSPECTION_TLS") == "true":
        return grpc.secure_channel(target, grpc.ssl_channel_credentials())
    return grpc.insecure_channel(target)


_issued = {"token": None, "renew_at": 0.0}


def token():
    """The token exchange (protos/README.md, "Credentials"): your system's client id and secret for a token, at the
    admin's /connect/token (OAuth 2.0 client credentials). A token lasts 15 minutes; this asks for a new one a minute
    before it runs out, so a long-running client never sends an expired one."""
    if _issued["token"] and time.monotonic() < _issued["renew_at"]:
        return _issued["token"]
    url = os.environ.get("INSPECTION_TOKEN_URL", "http://127.0.0.1:5000/connect/token")
    client_id, secret = os.environ.get("INSPECTION_CLIENT_ID"), os.environ.get("INSPECTION_CLIENT_SECRET")
    if not client_id or not secret:
        raise SystemExit("set INSPECTION_CLIENT_ID and INSPECTION_CLIENT_SECRET to your registration")
    form = {"grant_type": "client_credentials"}
    if os.environ.get("INSPECTION_SCOPE"):
        form["scope"] = os.environ["INSPECTION_SCOPE"]
    basic = base64.b64encode(("%s:%s" % (urllib.parse.quote(client_id, safe=""), urllib.parse.quote(secret, safe=""))).encode())
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(), method="POST",
                                     headers={"Authorization": "Basic " + basic.decode()})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            body = json.load(reply)
    except urllib.error.HTTPError as refused:
        raise SystemExit("the token exchange was refused: %d %s" % (refused.code, refused.read().decode()))
    _issued.update(token=body["access_token"], renew_at=time.monotonic() + body["expires_in"] - 60)
    return _issued["token"]


def with_token():
    """The metadata every call carries: the token."""
    return [("authorization", "Bearer " + token())]


DETAILS = {
    "type.googleapis.com/google.rpc." + t.DESCRIPTOR.name: t
    for t in (error_details_pb2.BadRequest, error_details_pb2.PreconditionFailure, error_details_pb2.ResourceInfo,
              error_details_pb2.RetryInfo, error_details_pb2.ErrorInfo)
}


def explain(error):
    """The lines a refusal should show: its status, its message, then what each detail says (field violations first)."""
    lines = ["refused: %s: %s" % (error.code().name, error.details())]
    raw = [value for key, value in (error.trailing_metadata() or ()) if key == "grpc-status-details-bin"]
    if not raw:
        return lines
    status = status_pb2.Status.FromString(raw[0])
    for any_detail in status.details:
        kind = DETAILS.get(any_detail.type_url)
        if kind is None:
            continue
        detail = kind.FromString(any_detail.value)
        if isinstance(detail, error_details_pb2.BadRequest):
            lines += ["  %s: %s" % (v.field, v.description) for v in detail.field_violations]
        elif isinstance(detail, error_details_pb2.PreconditionFailure):
            lines += ["  precondition %s %s: %s" % (v.type, v.subject, v.description) for v in detail.violations]
        elif isinstance(detail, error_details_pb2.ResourceInfo):
            lines.append("  resource %s %s" % (detail.resource_type, detail.resource_name))
        elif isinstance(detail, error_details_pb2.RetryInfo):
            lines.append("  retry after %ds %dms" % (detail.retry_delay.seconds, round(detail.retry_delay.nanos / 1e6)))
        elif isinstance(detail, error_details_pb2.ErrorInfo):
            lines.append("  reason %s %s" % (detail.domain, detail.reason))
    return lines


def run(main):
    """Runs an example: prints a refusal as explain() has it and exits 1."""
    try:
        main(sys.argv[1:])
    except grpc.RpcError as error:
        print("\n".join(explain(error)), flush=True)
        sys.exit(1)
