'use strict';
// A grpc-js client that runs the interop cases against a server (the grpc-dotnet one in the tests, built by
// Inspection.ServiceDefaults) and prints one JSON
// object with what it observed for each case; the C# test asserts on it.
// Usage: node client.js 127.0.0.1:PORT
const crypto = require('crypto');
const { grpc, Interop, decodeDetails } = require('./protos');

const target = process.argv[2];
if (!target) {
  console.error('usage: node client.js host:port');
  process.exit(2);
}
setTimeout(() => {
  console.error('interop client: cases did not finish in time');
  process.exit(3);
}, Number(process.env.INTEROP_CLIENT_TIMEOUT_MS || 30000)).unref();

const client = new Interop(target, grpc.credentials.createInsecure(), { 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
// the same server through a channel that gzips every request message
const gzipClient = new Interop(target, grpc.credentials.createInsecure(), { 'grpc.default_compression_algorithm': 2, 'grpc.default_compression_level': 2 });

function unary(method, request, options = {}) {
  return new Promise((resolve) => {
    client[method](request, new grpc.Metadata(), options, (error, reply) => resolve({ error, reply }));
  });
}

function failure(error) {
  const details = error.metadata && error.metadata.get('grpc-status-details-bin');
  return {
    code: error.code,
    details: error.details,
    rich: details && details.length > 0 ? decodeDetails(details[0]) : null,
  };
}

const cases = {
  async unary() {
    const { error, reply } = await unary('Echo', { payload: Buffer.from([1, 2, 3]), text: 'grpc-js → .NET ✓' });
    if (error) return failure(error);
    return { text: reply.text, payload: [...reply.payload], deadline_remaining_ms: reply.deadline_remaining_ms };
  },
  async unaryWithDeadline() {
    const { error, reply } = await unary('Echo', { text: 'timed' }, { deadline: Date.now() + 10000 });
    if (error) return failure(error);
    return { text: reply.text, deadline_remaining_ms: reply.deadline_remaining_ms };
  },
  serverStreaming() {
    return new Promise((resolve) => {
      const indexes = [];
      const call = client.Count({ n: 50 });
      call.on('data', (reply) => indexes.push(reply.index));
      call.on('error', (error) => resolve({ indexes, ...failure(error) }));
      call.on('status', (status) => { if (status.code === grpc.status.OK) resolve({ indexes, code: 0 }); });
    });
  },
  streamFailingAfterThree() {
    return new Promise((resolve) => {
      const indexes = [];
      const call = client.Count({ n: 10, fail_after: 3 });
      call.on('data', (reply) => indexes.push(reply.index));
      call.on('error', (error) => resolve({ indexes, ...failure(error) }));
      call.on('status', (status) => { if (status.code === grpc.status.OK) resolve({ indexes, code: 0 }); });
    });
  },
  async invalidArgument() {
    const { error } = await unary('Validate', { name: '', count: 11 });
    return error ? failure(error) : { code: 0 };
  },
  async deadline() {
    const started = Date.now();
    const { error } = await unary('Slow', { delay_ms: 10000 }, { deadline: Date.now() + 300 });
    return { ...(error ? failure(error) : { code: 0 }), elapsed_ms: Date.now() - started };
  },
  unknownMethod() {
    return new Promise((resolve) => {
      client.makeUnaryRequest('/inspection.testing.v1.Interop/NoSuchMethod', (x) => x, (x) => x, Buffer.alloc(0), (error) =>
        resolve(error ? failure(error) : { code: 0 }));
    });
  },
  unknownService() {
    return new Promise((resolve) => {
      client.makeUnaryRequest('/inspection.testing.v1.Nowhere/Echo', (x) => x, (x) => x, Buffer.alloc(0), (error) =>
        resolve(error ? failure(error) : { code: 0 }));
    });
  },
  async largeMessage() {
    const payload = crypto.randomBytes(3 * 1024 * 1024);
    const { error, reply } = await unary('EchoLarge', { payload });
    if (error) return failure(error);
    return { sent: payload.length, received: reply.payload.length, identical: Buffer.compare(payload, reply.payload) === 0 };
  },
  gzipRequest() {
    return new Promise((resolve) => {
      const text = 'compressed by grpc-js '.repeat(200);
      gzipClient.Echo({ text, payload: Buffer.alloc(20000, 1) }, (error, reply) =>
        resolve(error ? failure(error) : { identical: reply.text === text, payload: reply.payload.length }));
    });
  },
  metadata() {
    const sent = new grpc.Metadata();
    sent.set('x-echo', 'from grpc-js, 100% ascii');
    sent.set('x-echo-bin', Buffer.from([0, 1, 254, 255]));
    return new Promise((resolve) => {
      let header = null;
      let reply = null;
      let status = null;
      const done = () => {
        if (status === null || reply === null) return;
        const trailer = status.metadata.get('x-echo-trailer');
        const bin = status.metadata.get('x-echo-bin');
        resolve({ code: status.code, text: reply.text, header, trailer: trailer[0] || null, bin: bin.length ? [...bin[0]] : null });
      };
      const call = client.Echo({ text: 'm' }, sent, (error, value) => {
        if (error) return resolve(failure(error));
        reply = value;
        done();
      });
      call.on('metadata', (m) => { header = m.get('x-echo-header')[0] || null; });
      call.on('status', (s) => { status = s; done(); });
    });
  },
  unparsable() {
    return new Promise((resolve) => {
      // a length-delimited field whose declared length runs past the end of the message
      client.makeUnaryRequest('/inspection.testing.v1.Interop/Echo', (x) => x, (x) => x, Buffer.from([0x0a, 0xff, 0xff]), (error) =>
        resolve(error ? failure(error) : { code: 0 }));
    });
  },
  async statusMessage() {
    const { error } = await unary('Fail', { code: grpc.status.FAILED_PRECONDITION, message: 'Évaluation échouée: 100% ✓ 完了' });
    return error ? failure(error) : { code: 0 };
  },
  async unexpectedException() {
    const { error } = await unary('Fail', { unexpected: true });
    return error ? failure(error) : { code: 0 };
  },
};

(async () => {
  const results = {};
  for (const [name, run] of Object.entries(cases)) {
    try {
      results[name] = await run();
    } catch (e) {
      results[name] = { thrown: String(e && e.stack || e) };
    }
  }
  client.close();
  gzipClient.close();
  // exit only once the whole result is written: a pipe takes 64 KiB at a time, and exiting earlier cuts the rest
  process.stdout.write(JSON.stringify(results) + '\n', () => process.exit(0));
})();
