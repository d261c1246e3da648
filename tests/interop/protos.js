'use strict';
// The contracts the grpc-js peer speaks: the test-only Interop service (the same .proto the .NET tests compile)
// through proto-loader, and google.rpc.Status / BadRequest (the repository's protos/google/rpc) through protobufjs
// for the grpc-status-details-bin rich error model.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const interopProto = path.join(__dirname, '..', 'Inspection.Grpc.Tests', 'Protos', 'interop.proto');
const protosRoot = path.join(__dirname, '..', '..', 'protos');

const definition = protoLoader.loadSync(interopProto, { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
const Interop = grpc.loadPackageDefinition(definition).inspection.testing.v1.Interop;

const rpcRoot = new protobuf.Root();
rpcRoot.resolvePath = (origin, target) => (path.isAbsolute(target) ? target : path.join(protosRoot, target));
rpcRoot.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
const RpcStatus = rpcRoot.lookupType('google.rpc.Status');
const BadRequest = rpcRoot.lookupType('google.rpc.BadRequest');
const BadRequestUrl = 'type.googleapis.com/google.rpc.BadRequest';

/** google.rpc.Status bytes carrying one BadRequest with the given field violations. */
function encodeDetails(code, message, violations) {
  const badRequest = BadRequest.encode(BadRequest.create({ field_violations: violations })).finish();
  return Buffer.from(RpcStatus.encode(RpcStatus.create({ code, message, details: [{ type_url: BadRequestUrl, value: badRequest }] })).finish());
}

/** The field violations inside grpc-status-details-bin, and the status it restates. */
function decodeDetails(bytes) {
  const status = RpcStatus.decode(bytes);
  const violations = [];
  for (const any of status.details) {
    if (any.type_url === BadRequestUrl) {
      for (const v of BadRequest.decode(any.value).field_violations) violations.push({ field: v.field, description: v.description });
    }
  }
  return { code: status.code, message: status.message, violations };
}

module.exports = { grpc, Interop, encodeDetails, decodeDetails };
