'use strict';
// The grpc-js side of the benchmark (tests/Inspection.Grpc.Benchmarks): unary Echo calls from N concurrent callers
// on one channel for a fixed time after a warm-up; prints {calls, seconds, rps, p50_us, p99_us} (and with --raw every
// latency, so a parent running several of these processes can merge their percentiles).
// Usage: node bench-client.js 127.0.0.1:PORT CALLERS DURATION_MS WARMUP_MS [--raw]
const { grpc, Interop } = require('./protos');

const [target, callersText, durationText, warmupText] = process.argv.slice(2);
const callers = Number(callersText || 1);
const durationMs = Number(durationText || 3000);
const warmupMs = Number(warmupText || 1000);
setTimeout(() => {
  console.error('bench-client: did not finish in time');
  process.exit(3);
}, warmupMs + durationMs + 30000).unref();

const client = new Interop(target, grpc.credentials.createInsecure());
const request = { text: 'benchmark', payload: Buffer.alloc(32, 7) };
const echo = () => new Promise((resolve, reject) => client.Echo(request, (error, reply) => (error ? reject(error) : resolve(reply))));

async function caller(until, latencies) {
  while (Date.now() < until) {
    const started = process.hrtime.bigint();
    await echo();
    if (latencies) latencies.push(Number(process.hrtime.bigint() - started) / 1000);
  }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

(async () => {
  const warmUntil = Date.now() + warmupMs;
  await Promise.all(Array.from({ length: callers }, () => caller(warmUntil, null)));
  const perCaller = Array.from({ length: callers }, () => []);
  const started = process.hrtime.bigint();
  const until = Date.now() + durationMs;
  await Promise.all(perCaller.map((latencies) => caller(until, latencies)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const all = perCaller.flat().sort((a, b) => a - b);
  client.close();
  process.stdout.write(JSON.stringify({
    calls: all.length, seconds, rps: all.length / seconds, p50_us: percentile(all, 50), p99_us: percentile(all, 99),
    latencies_us: process.argv.includes('--raw') ? all.map((us) => Math.round(us * 10) / 10) : undefined,
  }) + '\n', () => process.exit(0)); // exit once flushed: a pipe takes 64 KiB at a time, an early exit cuts the rest
})().catch((e) => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
