'use strict';
// An addressee's own system sending its plan from grpc-js: the real recommendation tracking contracts
// (protos/recommendations/v1/plans.proto and recommendations.proto) with the integrator's token. It records the
// response, an action, an update and a reported status on its own recommendation, then tries another provider's
// recommendation and an RPC outside its scope. Prints one JSON object: each call's status code (and what the service
// answered); the C# test asserts on it.
// Usage: node send-plan.js 127.0.0.1:PORT "Bearer ..." OWN_RECOMMENDATION_ID OTHER_RECOMMENDATION_ID
const path = require('path');
const protoLoader = require('@grpc/proto-loader');
const { grpc } = require('./protos');

const [target, authorization, own, other] = process.argv.slice(2);
if (!other) {
  console.error('usage: node send-plan.js host:port authorization own-recommendation-id other-recommendation-id');
  process.exit(2);
}
setTimeout(() => {
  console.error('send-plan: no answer in time');
  process.exit(3);
}, 30000).unref();

const protos = path.join(__dirname, '..', '..', 'protos');
const definition = protoLoader.loadSync(
  [path.join(protos, 'recommendations', 'v1', 'plans.proto'), path.join(protos, 'recommendations', 'v1', 'recommendations.proto')],
  { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [protos] });
const v1 = grpc.loadPackageDefinition(definition).inspection.recommendations.v1;
const plans = new v1.RecommendationPlans(target, grpc.credentials.createInsecure());
const tracking = new v1.RecommendationTracking(target, grpc.credentials.createInsecure());

function call(client, method, request) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', authorization);
  return new Promise((resolve) => {
    client[method](request, metadata, { deadline: Date.now() + 20000 }, (error, reply) =>
      resolve(error ? { method, code: error.code, details: error.details } : { method, code: 0, reply }));
  });
}

const id = () => require('crypto').randomUUID();
const by = 'pdu-plan-system';

(async () => {
  const calls = [];
  const response = await call(plans, 'RecordResponse', {
    request_id: id(), recommendation_id: own, expected_version: 1, response: 'Agreed', responded_on: '2024-09-28', recorded_by: by,
  });
  calls.push(response);
  const action = await call(plans, 'AddPlanAction', {
    request_id: id(), recommendation_id: own, description: 'Audit supervision records monthly', owner_role: 'Head of PDU',
    target_date: '2025-03-31', recorded_by: by,
  });
  calls.push(action);
  const update = await call(plans, 'RecordPlanUpdate', {
    request_id: id(), recommendation_id: own, kind: 'provider_update', occurred_on: '2024-12-02', author: 'Head of PDU',
    text: 'Audits started in two of three teams.', recorded_by: by,
  });
  calls.push(update);
  // Each change answers with the plan, whose version the next versioned change expects.
  const version = update.code === 0 ? update.reply.version : 0;
  calls.push(await call(plans, 'RecordReportedStatus', {
    request_id: id(), recommendation_id: own, expected_version: version, status: 'On track', reported_on: '2024-12-02', recorded_by: by,
  }));
  // Refused: another provider's recommendation, and an RPC its scope does not name.
  calls.push(await call(plans, 'RecordResponse', {
    request_id: id(), recommendation_id: other, expected_version: 1, response: 'Agreed', responded_on: '2024-09-28', recorded_by: by,
  }));
  calls.push(await call(plans, 'GetRecommendationPlan', { recommendation_id: other }));
  calls.push(await call(tracking, 'GetRecommendation', { recommendation_id: own }));
  const plan = await call(plans, 'GetRecommendationPlan', { recommendation_id: own });
  console.log(JSON.stringify({ calls: calls.map((c) => ({ method: c.method, code: c.code, details: c.details || '' })), plan: plan.reply || null }));
  plans.close();
  tracking.close();
})();
