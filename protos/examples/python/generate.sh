#!/usr/bin/env bash
# Generates the Python stubs of the contracts the examples use into ./generated, with Debian's protoc (3.21; the
# contracts need 3.15 or later for proto3 `optional`) and grpc_python_plugin (protobuf-compiler-grpc).
#   apt-get install python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc
# PROTOS: the folder holding the contracts (this repository's protos/ by default).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
protos=${PROTOS:-$here/../..}
out=${1:-$here/generated}
mkdir -p "$out"
protoc -I "$protos" --python_out="$out" --grpc_out="$out" --plugin=protoc-gen-grpc="$(command -v grpc_python_plugin)" \
  sampling/v1/sampling.proto scoring/v1/scoring.proto recommendations/v1/recommendations.proto \
  google/rpc/status.proto google/rpc/error_details.proto
