'use strict';
// The grpc-js implementation of the Interop service (see Protos/interop.proto in Inspection.Grpc.Tests; Relay and
// Fail's domain failures are .NET only): the peer the grpc-dotnet client is proven against, and the baseline of the benchmark. Prints {"port":N} once listening.
// Usage: node server.js [--exit-with-stdin]   (a free port on 127.0.0.1; with the flag it exits when its parent
// closes stdin, so a parent that dies cannot leave it running)
const { grpc, Interop, encodeDetails } = require('./protos');

function remainingMs(call) {
  const deadline = call.getDeadline();
  if (deadline === Infinity || deadline === undefined) return -1;
  const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : -1;
}

const echo = (call, callback) =>
  callback(null, { payload: call.request.payload, text: call.request.text, deadline_remaining_ms: remainingMs(call) });

const implementation = {
  // x-echo comes back as the header x-echo-header and the trailer x-echo-trailer, x-echo-bin as the trailer x-echo-bin
  Echo(call, callback) {
    const [text] = call.metadata.get('x-echo');
    const [bytes] = call.metadata.get('x-echo-bin');
    const trailer = new grpc.Metadata();
    if (text !== undefined) {
      const header = new grpc.Metadata();
      header.set('x-echo-header', text);
      call.sendMetadata(header);
      trailer.set('x-echo-trailer', text);
    }
    if (bytes !== undefined) trailer.set('x-echo-bin', bytes);
    callback(null, { payload: call.request.payload, text: call.request.text, deadline_remaining_ms: remainingMs(call) }, trailer);
  },
  Append: echo,
  Validate(call, callback) {
    const violations = [];
    if (!call.request.name || !call.request.name.trim()) violations.push({ field: 'name', description: 'must not be empty' });
    if (call.request.count < 1 || call.request.count > 10) violations.push({ field: 'count', description: 'must be between 1 and 10' });
    if (violations.length === 0) return callback(null, { text: call.request.name, deadline_remaining_ms: remainingMs(call) });
    const message = `The request has ${violations.length} invalid field(s)`;
    const metadata = new grpc.Metadata();
    metadata.set('grpc-status-details-bin', encodeDetails(grpc.status.INVALID_ARGUMENT, message, violations));
    callback({ code: grpc.status.INVALID_ARGUMENT, details: message, metadata });
  },
  Slow(call, callback) {
    const timer = setTimeout(() => callback(null, { text: 'slept', deadline_remaining_ms: remainingMs(call) }), call.request.delay_ms);
    call.on('cancelled', () => clearTimeout(timer));
  },
  Count(call) {
    const { n, fail_after: failAfter } = call.request;
    for (let i = 1; i <= n; i++) {
      if (failAfter > 0 && i > failAfter) {
        call.emit('error', { code: grpc.status.ABORTED, details: `stopped after ${failAfter}` });
        return;
      }
      call.write({ index: i });
    }
    call.end();
  },
  EchoLarge(call, callback) {
    callback(null, { payload: call.request.payload });
  },
  Fail(call, callback) {
    if (call.request.unexpected) return callback(new Error('unexpected failure inside the grpc-js peer'));
    callback({ code: call.request.code, details: call.request.message });
  },
};

const server = new grpc.Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
server.addService(Interop.service, implementation);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error.message);
    process.exit(2);
  }
  process.stdout.write(JSON.stringify({ port }) + '\n');
});

// The parent test or benchmark kills this process; this is the backstop if it cannot.
const lifetime = Number(process.env.INTEROP_PEER_LIFETIME_MS || 10 * 60 * 1000);
setTimeout(() => process.exit(0), lifetime).unref();
if (process.argv.includes('--exit-with-stdin')) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
