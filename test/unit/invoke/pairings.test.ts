import * as assert from 'node:assert/strict';
import { encodeClientContext, formatBytes, formatLimit, formatMs, groupDigits, PairingStore, payloadLimit } from '../../../src/invoke/model';
import { sameTarget } from '../../../src/shared/lambdaTarget';

const HELLO_LIVE = { region: 'us-east-1', functionName: 'hello-world', qualifier: 'live' };
const ORDER = { region: 'us-east-1', functionName: 'order-processor' };

describe('invoke/model/pairings', () => {
  it('remembers the tenant id with the target; keeps it for the same target, forgets it for another', () => {
    const s = new PairingStore();
    s.set('file:///w/t.json', { region: 'us-east-1', functionName: 'tenant-notes' }, 1000, undefined, 'acme');
    assert.equal(s.get('file:///w/t.json')?.tenantId, 'acme');
    s.set('file:///w/t.json', { region: 'us-east-1', functionName: 'tenant-notes' }, 2000);
    assert.equal(s.get('file:///w/t.json')?.tenantId, 'acme', 'the same target keeps it');
    s.set('file:///w/t.json', { region: 'us-east-1', functionName: 'tenant-notes' }, 3000, undefined, 'globex');
    assert.equal(s.get('file:///w/t.json')?.tenantId, 'globex');
    const back = PairingStore.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    assert.deepEqual(back.get('file:///w/t.json'), { payload: 'file:///w/t.json', target: { region: 'us-east-1', functionName: 'tenant-notes' }, usedAt: 3000, tenantId: 'globex' });
    s.set('file:///w/t.json', HELLO_LIVE, 4000);
    assert.equal(s.get('file:///w/t.json')?.tenantId, undefined, 'another target forgets it');
    assert.equal(PairingStore.fromJSON({ pairings: [{ payload: 'p', target: ORDER, usedAt: 1, tenantId: 42 }] }).get('p')?.tenantId, undefined, 'a tenant id that is not a string is dropped');
  });

  it('remembers the target of a payload file and round-trips through JSON', () => {
    const s = new PairingStore();
    s.set('file:///w/payloads/hello.json', HELLO_LIVE, 1000);
    s.set('file:///w/payloads/order.json', { ...ORDER, qualifier: '$LATEST' }, 2000, 'Event');
    const json = JSON.parse(JSON.stringify(s.toJSON()));
    assert.deepEqual(json, {
      version: 1,
      pairings: [
        { payload: 'file:///w/payloads/order.json', target: ORDER, usedAt: 2000, invocationType: 'Event' },
        { payload: 'file:///w/payloads/hello.json', target: HELLO_LIVE, usedAt: 1000 },
      ],
    });
    const back = PairingStore.fromJSON(json);
    assert.deepEqual(back.get('file:///w/payloads/hello.json')?.target, HELLO_LIVE);
    assert.equal(back.get('file:///w/payloads/order.json')?.invocationType, 'Event');
  });

  it('replaces the target of a file and lists the files of a target, most recent first', () => {
    const s = new PairingStore();
    s.set('a', HELLO_LIVE, 1);
    s.set('b', HELLO_LIVE, 3);
    s.set('c', ORDER, 2);
    assert.deepEqual(s.payloadsFor(HELLO_LIVE), ['b', 'a']);
    s.set('b', ORDER, 4);
    assert.deepEqual(s.payloadsFor(HELLO_LIVE), ['a']);
    assert.deepEqual(s.payloadsFor(ORDER), ['b', 'c']);
    assert.equal(s.size, 3);
  });

  it('treats no qualifier and $LATEST as the same target', () => {
    assert.ok(sameTarget({ region: 'r', functionName: 'f' }, { region: 'r', functionName: 'f', qualifier: '$LATEST' }));
    assert.ok(!sameTarget({ region: 'r', functionName: 'f' }, { region: 'r', functionName: 'f', qualifier: '1' }));
    assert.ok(!sameTarget({ region: 'r', functionName: 'f' }, { region: 'r2', functionName: 'f' }));
  });

  it('follows renamed files and folders, and forgets deleted ones', () => {
    const s = new PairingStore();
    s.set('file:///w/p/a.json', HELLO_LIVE, 1);
    s.set('file:///w/p/sub/b.json', ORDER, 2);
    s.set('file:///w/other.json', ORDER, 3);
    assert.equal(s.rename('file:///w/p/a.json', 'file:///w/p/a2.json'), 1);
    assert.deepEqual(s.get('file:///w/p/a2.json')?.target, HELLO_LIVE);
    assert.equal(s.get('file:///w/p/a.json'), undefined);
    assert.equal(s.rename('file:///w/p', 'file:///w/payloads'), 2);
    assert.deepEqual(
      s.all().map((p) => p.payload),
      ['file:///w/other.json', 'file:///w/payloads/sub/b.json', 'file:///w/payloads/a2.json'],
    );
    assert.equal(s.delete('file:///w/other.json'), true);
    assert.equal(s.delete('file:///w/other.json'), false);
  });

  it('drops malformed entries from stored data', () => {
    const s = PairingStore.fromJSON({
      version: 1,
      pairings: [
        null,
        { payload: 'ok', target: { region: 'r', functionName: 'f' }, usedAt: 5, invocationType: 'Bogus' },
        { payload: '', target: { region: 'r', functionName: 'f' } },
        { payload: 'no-fn', target: { region: 'r' } },
        { payload: 'no-time', target: { region: 'r', functionName: 'g', qualifier: 7 } },
      ],
    });
    assert.deepEqual(s.toJSON().pairings, [
      { payload: 'ok', target: { region: 'r', functionName: 'f' }, usedAt: 5 },
      { payload: 'no-time', target: { region: 'r', functionName: 'g' }, usedAt: 0 },
    ]);
    assert.equal(PairingStore.fromJSON(undefined).size, 0);
    assert.equal(PairingStore.fromJSON('garbage').size, 0);
  });

  it('keeps at most the most recently used pairings', () => {
    const s = new PairingStore(3);
    for (let i = 1; i <= 5; i++) {
      s.set(`f${i}`, ORDER, i);
    }
    assert.deepEqual(s.all().map((p) => p.payload), ['f5', 'f4', 'f3']);
  });

  it('refuses a target without a function name', () => {
    assert.throws(() => new PairingStore().set('x', { region: 'r', functionName: '' }));
  });
});

describe('invoke/model/limits and clientContext', () => {
  it('formats sizes, limits and durations the same everywhere', () => {
    assert.equal(groupDigits(6291456), '6,291,456');
    assert.equal(groupDigits(999), '999');
    assert.equal(groupDigits(-1234.5), '-1,234.5');
    assert.equal(formatBytes(1), '1 byte');
    assert.equal(formatBytes(0), '0 bytes');
    assert.equal(formatLimit(6291456), '6,291,456 bytes (6 MB)');
    assert.equal(formatLimit(4096), '4,096 bytes (4 KB)');
    assert.equal(formatLimit(3583), '3,583 bytes');
    assert.equal(formatMs(2.345), '2.35');
    assert.equal(formatMs(3), '3');
    assert.equal(payloadLimit('Event'), 1048576);
    assert.equal(payloadLimit('DryRun'), 6291456);
  });

  it('encodes a client context object as base64, and refuses anything else', () => {
    assert.deepEqual(encodeClientContext(''), { ok: true });
    assert.deepEqual(encodeClientContext('  '), { ok: true });
    assert.deepEqual(encodeClientContext('{"custom": {"k": "v"}}'), { ok: true, base64: Buffer.from('{"custom":{"k":"v"}}').toString('base64') });
    assert.deepEqual(encodeClientContext('[1]'), { ok: false, message: 'The client context must be a JSON object, for example {"custom": {"key": "value"}}.' });
    const bad = encodeClientContext('{nope');
    assert.equal(bad.ok, false);
    assert.equal((bad as { message: string }).message, 'The client context is not valid JSON: at column 2, unexpected character.');
    assert.deepEqual(encodeClientContext('{"a": 1,}'), { ok: false, message: 'The client context is not valid JSON: at column 9, a property name in double quotes is expected.' });
    assert.doesNotMatch((encodeClientContext('{"a" 1}') as { message: string }).message, /Unexpected token|position/);
    const big = encodeClientContext(JSON.stringify({ custom: { k: 'x'.repeat(2700) } }));
    assert.deepEqual(big, { ok: false, message: 'The client context is 3,628 bytes once base64-encoded: over the limit of 3,583 bytes.' });
  });
});
