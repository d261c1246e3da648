'use strict';
// Journey 2: read an inspection's ratings (scope ratings.read): each standard's rating and the overall rating. A
// published inspection's ratings are those stored at publication; a draft's are computed from the case assessments.
//
// Usage: INSPECTION_CLIENT_ID=... INSPECTION_CLIENT_SECRET=... node read-ratings.js 127.0.0.1:5103 INSPECTION_ID
const { client, call, run } = require('./connect');

run(async () => {
  const [target, inspectionId] = process.argv.slice(2);
  if (!inspectionId) throw new Error('usage: node read-ratings.js host:port inspection-id');
  const scoring = client('scoring/v1/scoring.proto', 'inspection.scoring.v1.AssessmentScoring', target);

  const ratings = await call(scoring, 'GetInspectionRatings', { inspection_id: inspectionId });
  console.log(`inspection ${ratings.inspection_id} (${ratings.framework_id}), ratings from ${ratings.source}`);
  for (const standard of ratings.standards) {
    // final_rating is the rating the report prints (a panel's departure included); computed_rating what the method gives.
    console.log(`${standard.standard_id} ${standard.name}: ${standard.final_rating || 'not rated'}`);
    for (const kq of standard.key_questions) {
      // k, n and pct are proto3 optional: absent is "not known", not 0.
      const figure = kq.pct === undefined || kq.pct === null ? 'no figure' : `${kq.pct}%`;
      console.log(`  ${kq.question_id}: ${figure}`);
    }
  }
  if (ratings.overall) console.log(`overall: ${ratings.overall.rating || 'not yet rated'} (${ratings.overall.score} of ${ratings.overall.max_score})`);
});
