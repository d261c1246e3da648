'use strict';
// An integrator's caseload upload from grpc-js: the real case sampling contract (protos/sampling/v1/sampling.proto),
// UploadCaseload as its comments say to call it (the header, then the file's bytes in 64 KiB chunks). Prints one JSON
// object: the answer, or the status with its field violations; the C# test asserts on it.
// Usage: node upload-caseload.js 127.0.0.1:PORT "Bearer ..." PROVIDER_ID REQUEST_ID FILE
const fs = require('fs');
const path = require('path');
const protoLoader = require('@grpc/proto-loader');
const { grpc, decodeDetails } = require('./protos');

const [target, authorization, providerId, requestId, file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node upload-caseload.js host:port authorization provider-id request-id file');
  process.exit(2);
}
setTimeout(() => {
  console.error('upload-caseload: no answer in time');
  process.exit(3);
}, 30000).unref();

const samplingProto = path.join(__dirname, '..', '..', 'protos', 'sampling', 'v1', 'sampling.proto');
const definition = protoLoader.loadSync(samplingProto, { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
const { CaseSampling } = grpc.loadPackageDefinition(definition).inspection.sampling.v1;
const client = new CaseSampling(target, grpc.credentials.createInsecure());

const metadata = new grpc.Metadata();
metadata.set('authorization', authorization);
const bytes = fs.readFileSync(file);
const call = client.UploadCaseload(metadata, { deadline: Date.now() + 20000 }, (error, reply) => {
  if (error) {
    const details = error.metadata && error.metadata.get('grpc-status-details-bin');
    const violations = details && details.length > 0 ? decodeDetails(details[0]).violations : [];
    console.log(JSON.stringify({ code: error.code, details: error.details, violations }));
  } else {
    console.log(JSON.stringify({ code: 0, reply }));
  }
  client.close();
});
call.write({ header: { request_id: requestId, provider_id: providerId, taken_on: '2022-05-01', file_name: path.basename(file), size_bytes: bytes.length } });
for (let at = 0; at < bytes.length; at += 64 * 1024) call.write({ data: bytes.subarray(at, at + 64 * 1024) });
call.end();
