'use strict';
// What every example shares: the contracts loaded from protos/ at run time, the token on every call, and a refusal
// explained from its status and its details (google.rpc.BadRequest and the others in grpc-status-details-bin).
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

// The folder holding the contracts (this repository's protos/); set INSPECTION_PROTOS when you copied them elsewhere.
const protosRoot = process.env.INSPECTION_PROTOS || path.join(__dirname, '..', '..');

/** A client of one service: e.g. client('sampling/v1/sampling.proto', 'inspection.sampling.v1.CaseSampling', '127.0.0.1:5102'). */
function client(protoFile, serviceName, target) {
  const definition = protoLoader.loadSync(protoFile, {
    includeDirs: [protosRoot], keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true,
  });
  const Service = serviceName.split('.').reduce((at, name) => at[name], grpc.loadPackageDefinition(definition));
  // Locally the services speak h2c (no TLS); in production use the address and TLS that came with your registration.
  const credentials = process.env.INSPECTION_TLS === 'true' ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
  return new Service(target, credentials);
}

let issued = null;   // { token, renewAt } from the last exchange

/**
 * The token exchange (protos/README.md, "Credentials"): your system's client id and secret for a token, at the
 * admin's /connect/token (OAuth 2.0 client credentials). A token lasts 15 minutes; this asks for a new one a minute
 * before it runs out, so a long-running client never sends an expired one.
 */
async function token() {
  if (issued && Date.now() < issued.renewAt) return issued.token;
  const url = process.env.INSPECTION_TOKEN_URL || 'http://127.0.0.1:5000/connect/token';
  const id = process.env.INSPECTION_CLIENT_ID;
  const secret = process.env.INSPECTION_CLIENT_SECRET;
  if (!id || !secret) throw new Error('set INSPECTION_CLIENT_ID and INSPECTION_CLIENT_SECRET to your registration');
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (process.env.INSPECTION_SCOPE) form.set('scope', process.env.INSPECTION_SCOPE);
  const basic = Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');
  const reply = await fetch(url, { method: 'POST', body: form, headers: { authorization: `Basic ${basic}` } });
  const body = await reply.json().catch(() => ({}));
  if (!reply.ok) throw new Error(`the token exchange was refused: ${reply.status} ${body.error || ''}`.trim());
  issued = { token: body.access_token, renewAt: Date.now() + (body.expires_in - 60) * 1000 };
  return issued.token;
}

/** The metadata every call carries: the token. */
async function withToken() {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${await token()}`);
  return metadata;
}

/** Call options with a deadline: every call should have one. */
function deadline(seconds = 30) {
  return { deadline: Date.now() + seconds * 1000 };
}

/** A unary call as a promise. */
async function call(service, method, request, seconds = 30) {
  const metadata = await withToken();
  return new Promise((resolve, reject) =>
    service[method](request, metadata, deadline(seconds), (error, reply) => (error ? reject(error) : resolve(reply))));
}

const details = new protobuf.Root();
details.resolvePath = (origin, target) => (path.isAbsolute(target) ? target : path.join(protosRoot, target));
details.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
const detailTypes = ['BadRequest', 'PreconditionFailure', 'ResourceInfo', 'RetryInfo', 'ErrorInfo']
  .map((name) => details.lookupType(`google.rpc.${name}`));

/** The lines a refusal should show: its status, its message, then what each detail says (field violations first). */
function explain(error) {
  if (error.code === undefined) return [String(error)];
  const lines = [`refused: ${grpc.status[error.code]}: ${error.details}`];
  const bin = error.metadata ? error.metadata.get('grpc-status-details-bin') : [];
  if (bin.length === 0) return lines;
  const status = details.lookupType('google.rpc.Status').decode(bin[0]);
  for (const any of status.details) {
    const type = detailTypes.find((t) => any.type_url === `type.googleapis.com/${t.fullName.slice(1)}`);
    if (!type) continue;
    const detail = type.toObject(type.decode(any.value), { longs: Number, defaults: true });
    for (const v of detail.field_violations || []) lines.push(`  ${v.field}: ${v.description}`);
    for (const v of detail.violations || []) lines.push(`  precondition ${v.type} ${v.subject}: ${v.description}`);
    if (detail.resource_type) lines.push(`  resource ${detail.resource_type} ${detail.resource_name}`);
    if (detail.retry_delay) lines.push(`  retry after ${detail.retry_delay.seconds || 0}s ${Math.round((detail.retry_delay.nanos || 0) / 1e6)}ms`);
    if (detail.reason) lines.push(`  reason ${detail.domain} ${detail.reason}`);
  }
  return lines;
}

/** Runs an example: prints a refusal as explain() has it and exits 1. */
function run(main) {
  // Exit only once stdout is written out: on a pipe, process.exit() alone can drop what is still buffered.
  const exit = (code) => process.stdout.write('', () => process.exit(code));
  main().then(() => exit(0), (error) => {
    for (const line of explain(error)) console.log(line);
    exit(1);
  });
}

module.exports = { grpc, client, call, withToken, deadline, explain, run };
