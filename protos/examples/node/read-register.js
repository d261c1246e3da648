'use strict';
// Journey 3: read the register of recommendations and follow its changes (scope recommendations.read). Lists a
// provider's recommendations page by page, then watches the change feed from a cursor: every change after it, then
// new ones as they happen. Keep the last sequence you received and watch again after it to resume.
//
// Usage: INSPECTION_CLIENT_ID=... INSPECTION_CLIENT_SECRET=... node read-register.js 127.0.0.1:5101 PROVIDER_ID AFTER_SEQUENCE MAX_CHANGES
const { client, call, withToken, deadline, run } = require('./connect');

run(async () => {
  const [target, providerId, afterSequence, maxChanges] = process.argv.slice(2);
  if (!maxChanges) throw new Error('usage: node read-register.js host:port provider-id after-sequence max-changes');
  const tracking = client('recommendations/v1/recommendations.proto', 'inspection.recommendations.v1.RecommendationTracking', target);

  // Pages: send back next_page_token (opaque) until it is empty.
  let pageToken = '';
  let first = true;
  do {
    const page = await call(tracking, 'ListRecommendations', { provider_id: providerId, page_size: 5, page_token: pageToken });
    if (first) console.log(`recommendations to provider ${providerId}: ${page.total}`);
    first = false;
    for (const r of page.recommendations) {
      const latest = r.latest_judgement ? r.latest_judgement.judgement : 'not judged';
      console.log(`${r.inspection_id} #${r.number} ${r.addressee_group} ${r.open ? 'open' : 'closed'} (${latest}): ${r.text}`);
    }
    pageToken = page.next_page_token;
  } while (pageToken);

  // The change feed: a stream that stays open. Its first message ("subscribed") says where it starts.
  let received = 0;
  let last = Number(afterSequence);
  const metadata = await withToken();
  await new Promise((resolve, reject) => {
    const stream = tracking.WatchChanges({ after_sequence: Number(afterSequence) }, metadata, deadline(60));
    stream.on('data', (change) => {
      if (change.type === 'subscribed') {
        console.log(`watching changes after ${change.sequence}`);
        return;
      }
      last = change.sequence;
      console.log(`${change.sequence} ${change.type} inspection ${change.inspection_id} provider ${change.provider_id}`
        + (change.recommendation_id ? ` recommendation ${change.recommendation_id} ${change.judgement}` : ` published ${change.published_on}`));
      if (++received === Number(maxChanges)) {
        stream.cancel(); // we have what we came for; a real watcher keeps the stream open
        resolve();
      }
    });
    stream.on('end', resolve);
    stream.on('error', (error) => (error.code === 1 /* CANCELLED, by us */ ? resolve() : reject(error)));
  });
  console.log(`resume with after_sequence ${last}`);
});
