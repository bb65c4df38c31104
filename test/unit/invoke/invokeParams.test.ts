import * as assert from 'node:assert/strict';
import {
  checkDurableExecutionName,
  checkInvokeParams,
  checkTenantId,
  describeRule,
  DURABLE_EXECUTION_NAME_RULE,
  isTailLogsRejection,
  shouldRetryWithoutTail,
  TENANT_ID_RULE,
} from '../../../src/invoke/model';

const tailRefused = () =>
  Object.assign(new Error('Tail logs are not supported for functions with a capacity provider. Read the log in CloudWatch Logs.'), { name: 'InvalidParameterValueException', $metadata: { httpStatusCode: 400 } });

describe('invoke/model/invokeParams: the checks of TenantId and DurableExecutionName, and the retry without Tail', () => {
  it('accepts a tenant id of 1 to 256 characters from the allowed set', () => {
    for (const ok of ['a', 'tenant-a', 'acme corp', 'org/team:42=x+y@example.com', 'A.B_C', 'x'.repeat(256)]) {
      assert.equal(checkTenantId(ok), undefined, ok);
    }
  });

  it('refuses a tenant id that is empty, too long or holds another character, naming the field and the rule', () => {
    assert.equal(checkTenantId(''), 'TenantId is empty: it needs 1–256 characters: letters A–Z and a–z, digits, spaces and . _ : / = + - @.');
    assert.equal(
      checkTenantId('x'.repeat(257)),
      'TenantId is 257 characters long: at most 256 are allowed (1–256 characters: letters A–Z and a–z, digits, spaces and . _ : / = + - @).',
    );
    assert.equal(checkTenantId('acme!'), 'TenantId holds "!", which is not allowed: use letters A–Z and a–z, digits, spaces and . _ : / = + - @.');
    assert.equal(checkTenantId('café'), 'TenantId holds "é", which is not allowed: use letters A–Z and a–z, digits, spaces and . _ : / = + - @.');
    assert.match(checkTenantId('a\tb') ?? '', /^TenantId holds "\t"/);
    // An emoji is one character to the person (two UTF-16 units): named whole, counted once.
    assert.match(checkTenantId('t😀') ?? '', /^TenantId holds "😀"/);
  });

  it('accepts a durable execution name of 1 to 64 letters, digits, - and _', () => {
    for (const ok of ['a', 'order-1234', 'Order_2026_12', '-', 'x'.repeat(64)]) {
      assert.equal(checkDurableExecutionName(ok), undefined, ok);
    }
  });

  it('refuses a durable execution name that is empty, too long or holds another character', () => {
    assert.equal(checkDurableExecutionName(''), 'DurableExecutionName is empty: it needs 1–64 characters: letters A–Z and a–z, digits, - and _.');
    assert.equal(checkDurableExecutionName('x'.repeat(65)), 'DurableExecutionName is 65 characters long: at most 64 are allowed (1–64 characters: letters A–Z and a–z, digits, - and _).');
    assert.equal(checkDurableExecutionName('order 1'), 'DurableExecutionName holds "a space", which is not allowed: use letters A–Z and a–z, digits, - and _.');
    assert.equal(checkDurableExecutionName('order.1'), 'DurableExecutionName holds ".", which is not allowed: use letters A–Z and a–z, digits, - and _.');
  });

  it('follows the API reference: the same patterns as the service model', () => {
    assert.equal(describeRule(TENANT_ID_RULE), '1–256 characters: letters A–Z and a–z, digits, spaces and . _ : / = + - @');
    assert.equal(describeRule(DURABLE_EXECUTION_NAME_RULE), '1–64 characters: letters A–Z and a–z, digits, - and _');
    // The reference's patterns, anchored: every printable ASCII character is judged the same way.
    const tenant = /^[a-zA-Z0-9._:/=+\-@ ]+$/;
    const durable = /^[a-zA-Z0-9-_]+$/;
    for (let c = 0x20; c < 0x7f; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(checkTenantId(ch) === undefined, tenant.test(ch), `TenantId ${JSON.stringify(ch)}`);
      assert.equal(checkDurableExecutionName(ch) === undefined, durable.test(ch), `DurableExecutionName ${JSON.stringify(ch)}`);
    }
  });

  it('checks what an invocation would send: the tenant id first, then the execution name; nothing set is fine', () => {
    assert.equal(checkInvokeParams({}), undefined);
    assert.equal(checkInvokeParams({ tenantId: 'acme', durableExecutionName: 'run-1' }), undefined);
    assert.match(checkInvokeParams({ tenantId: 'a!', durableExecutionName: 'b c' }) ?? '', /^TenantId /);
    assert.match(checkInvokeParams({ durableExecutionName: 'b c' }) ?? '', /^DurableExecutionName /);
  });

  it('retries once without Tail only when Lambda refuses Tail logs', () => {
    assert.equal(isTailLogsRejection(tailRefused()), true);
    assert.equal(shouldRetryWithoutTail(tailRefused(), 'Tail', false), true);
    assert.equal(shouldRetryWithoutTail(tailRefused(), 'Tail', true), false, 'only once');
    assert.equal(shouldRetryWithoutTail(tailRefused(), 'None', false), false, 'nothing to drop');
    const otherParam = Object.assign(new Error('Tenant ID configuration not specified or passed to a function when tenant isolation is not enabled.'), { name: 'InvalidParameterValueException' });
    assert.equal(shouldRetryWithoutTail(otherParam, 'Tail', false), false, 'another invalid parameter');
    const otherError = Object.assign(new Error('Tail logs are not supported for functions with a capacity provider.'), { name: 'ServiceException' });
    assert.equal(shouldRetryWithoutTail(otherError, 'Tail', false), false, 'another exception with the same words');
    assert.equal(isTailLogsRejection(undefined), false);
    assert.equal(isTailLogsRejection('Tail logs are not supported'), false);
  });
});
