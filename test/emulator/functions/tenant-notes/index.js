'use strict';

// Tenant isolation: an execution environment serves one tenant only, so the notes kept in
// memory here are never seen by another tenant. Invoke it with a tenant id.
const notes = [];
let invocations = 0;

exports.handler = async (event, context) => {
  invocations += 1;
  if (event && typeof event.note === 'string' && event.note) {
    notes.push(event.note);
  }
  console.log(`Tenant ${context.tenantId}: invocation ${invocations} of this environment, ${notes.length} note(s)`);
  return { tenantId: context.tenantId, invocationsInThisEnvironment: invocations, notes };
};
