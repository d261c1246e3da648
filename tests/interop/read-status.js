'use strict';
// Reads back the status of each call as grpc-js reports it to its user (error.code, error.details), so a test can
// compare every message with what the server meant to say.
// Usage: node read-status.js 127.0.0.1:PORT CALLS_JSON
//   CALLS_JSON: [{"path": "/package.Service/Method", "authorization": "Bearer ..." or "", "body_hex": "0a03..."}]
// Prints [{"code": N, "details": "..."}] in the same order. The request bytes are sent as given (no stubs needed).
const grpc = require('@grpc/grpc-js');

const [target, callsJson] = process.argv.slice(2);
if (!target || !callsJson) {
  console.error('usage: node read-status.js host:port CALLS_JSON');
  process.exit(2);
}
setTimeout(() => { console.error('read-status: calls did not finish in time'); process.exit(3); }, 30000).unref();

const client = new grpc.Client(target, grpc.credentials.createInsecure());
const identity = (bytes) => bytes;

function call({ path, authorization, body_hex }) {
  const metadata = new grpc.Metadata();
  if (authorization) metadata.set('authorization', authorization);
  return new Promise((resolve) => {
    client.makeUnaryRequest(path, identity, identity, Buffer.from(body_hex || '', 'hex'), metadata, { deadline: Date.now() + 10000 },
      (error) => resolve(error ? { code: error.code, details: error.details } : { code: 0, details: '' }));
  });
}

(async () => {
  const results = [];
  for (const c of JSON.parse(callsJson)) results.push(await call(c));
  client.close();
  process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(0));
})();
