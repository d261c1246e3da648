'use strict';
// Journey 1: send a provider's caseload (scope populations.write). Opens a snapshot, sends the cases in batches, each
// with its own request_id (so a retry after a timeout is recognised and writes nothing twice) and the file row of its
// first case (so a refusal names file rows), then seals the snapshot with the number of cases sent.
//
// Usage: INSPECTION_CLIENT_ID=... INSPECTION_CLIENT_SECRET=... node send-caseload.js 127.0.0.1:5102 PROVIDER_ID TAKEN_ON caseload.csv
//   The file's first line names PopulationCase fields (case_reference,sentence_type,start_date,gender,...); one case a
//   line after it, no quoted commas.
const fs = require('fs');
const crypto = require('crypto');
const { client, call, run } = require('./connect');

const BatchSize = 1000; // up to 20,000 cases a batch (protos/README.md, "Limits")

run(async () => {
  const [target, providerId, takenOn, file] = process.argv.slice(2);
  if (!file) throw new Error('usage: node send-caseload.js host:port provider-id taken-on caseload.csv');
  const sampling = client('sampling/v1/sampling.proto', 'inspection.sampling.v1.CaseSampling', target);

  const [header, ...rows] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
  const columns = header.split(',');
  const cases = rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [columns[i], typed(columns[i], value)])));

  // One request_id per distinct request, kept until it is answered: resend the same one when retrying.
  const snapshot = await call(sampling, 'StartPopulationImport', {
    request_id: crypto.randomUUID(), provider_id: providerId, taken_on: takenOn, description: `sent from ${file}`,
  });
  console.log(`snapshot ${snapshot.snapshot_id} version ${snapshot.version} opened for provider ${snapshot.provider_id}`);
  for (let at = 0; at < cases.length; at += BatchSize) {
    const batch = cases.slice(at, at + BatchSize);
    const reply = await call(sampling, 'ImportPopulation', {
      request_id: crypto.randomUUID(), snapshot_id: snapshot.snapshot_id, cases: batch, first_row_number: at + 2, // row 1 is the header
    });
    console.log(`rows ${at + 2}-${at + 1 + batch.length}: ${reply.received} received, ${reply.inserted} inserted, ${reply.already_present} already present`);
  }
  const complete = await call(sampling, 'CompletePopulationImport', {
    request_id: crypto.randomUUID(), snapshot_id: snapshot.snapshot_id, expected_case_count: cases.length,
  });
  console.log(`snapshot ${complete.snapshot_id} ${complete.status}: ${complete.case_count} cases, digest ${complete.digest}`);
});

// The CSV's text as the field's type: flags are true/false, MAPPA levels numbers, everything else text.
function typed(column, value) {
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (column === 'mappa_level') return Number(value);
  return value;
}
