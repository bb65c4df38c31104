/**
 * No access key, secret, session token, Authorization header or signature in any log or
 * output. A whole session (list, expand, invoke, apply, errors including 403s and AWS-style
 * messages that quote the Authorization header and the session token) runs with temporary
 * credentials through a proxy that records the real signed headers; then every file VS Code
 * wrote under its logs folder (the extension host log, the "Lambda Workbench" log, the
 * "Lambda Invocations" channel, every other channel), the notifications and the emulator's
 * request record are scanned for them. The scan is shown to fail on a planted secret.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApplyOutcome } from '../../../src/api';
import type { TestHooks } from '../../../src/api';
import type { InvokeHooks, InvokeOutcome } from '../../../src/api';
import { type Emulator, type Fault, fixtures, KNOWN_KEYS, UNKNOWN_KEY } from '../../emulator';
import { resetOrderProcessor } from '../config/helpers';
import { configure, pick, setup, withAnswers } from '../support';
import { find, ofKind, rows } from '../tree/treeSupport';
import { BadInputFolder, channelFiles, invokeFile, listFiles, logsRoot, Notifications, setEnv, target, waitForChannel } from './helpers';

const SESSION_PROFILE = 'lwb-session';
const SESSION_KEY_ID = KNOWN_KEYS[0].accessKeyId;
const SESSION_SECRET = KNOWN_KEYS[0].secretAccessKey;
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjLwbSessionToken/0000000000000000000000000000000000000000000000000000001==';
const PROBE_CHANNEL = 'Lambda Workbench Secret Scan Probe';

interface Finding {
  where: string;
  what: string;
  excerpt: string;
}

/** A proxy in front of the emulator that records the headers of every request (the real signatures and tokens to look for). */
async function recordingProxy(target: string): Promise<{ endpoint: string; headers: http.IncomingHttpHeaders[]; close(): Promise<void> }> {
  const upstream = new URL(target);
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push({ ...req.headers });
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What must never appear: exact values, and header-like patterns whose value is not
 * `<redacted>` (a header and its value are on one line: the patterns do not cross lines).
 */
class SecretScanner {
  readonly values = new Map<string, string>();
  readonly patterns: Array<[string, RegExp]> = [
    ['an Authorization header value', /\bauthorization["']?[ \t]*[:=][ \t]*["']?(?!<redacted>)\S/i],
    ['a SigV4 Authorization value', /AWS4-HMAC-SHA256\s+Credential=/],
    ['a signature', /\bSignature\s*=\s*(?!<redacted>)[0-9a-f]/i],
    ['a session token header', /\bx-amz-security-token["']?[ \t]*[:=][ \t]*["']?(?!<redacted>)\S/i],
    ['a presigned signature', /\bx-amz-signature["']?[ \t]*[:=][ \t]*["']?(?!<redacted>)\S/i],
  ];

  add(what: string, value: string | undefined): void {
    if (value && value.length >= 8) {
      this.values.set(value, what);
    }
  }

  scan(where: string, text: string, options: { allowAccessKeyIds?: boolean } = {}): Finding[] {
    const out: Finding[] = [];
    const excerpt = (i: number) => text.slice(Math.max(0, i - 60), i + 80).replace(/\s+/g, ' ');
    for (const [value, what] of this.values) {
      if (options.allowAccessKeyIds && what.startsWith('access key id')) continue;
      const i = text.indexOf(value);
      if (i >= 0) out.push({ where, what, excerpt: excerpt(i) });
    }
    for (const [what, re] of this.patterns) {
      const m = re.exec(text);
      if (m) out.push({ where, what, excerpt: excerpt(m.index) });
    }
    return out;
  }
}

describe('Security: no credentials or signatures in any log or output', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let api: TestHooks;
  let invoke: InvokeHooks;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let files: BadInputFolder;
  let notes: Notifications;
  let home: string;
  let restoreEnv: () => void = () => undefined;
  const scanner = new SecretScanner();
  const outcomes: InvokeOutcome[] = [];

  before(async () => {
    ({ emulator, api } = await setup());
    invoke = api.invoke;
    files = new BadInputFolder('bad-input/secrets');
    notes = new Notifications(api);
    proxy = await recordingProxy(emulator.endpoint);
    // Temporary credentials (with a session token), as SSO and roles give.
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-secrets-'));
    const credentials = path.join(home, 'credentials');
    fs.writeFileSync(
      credentials,
      `${fs.readFileSync(fixtures.credentialsFile, 'utf8')}\n[${SESSION_PROFILE}]\naws_access_key_id = ${SESSION_KEY_ID}\naws_secret_access_key = ${SESSION_SECRET}\naws_session_token = ${SESSION_TOKEN}\n`,
    );
    restoreEnv = setEnv({ AWS_SHARED_CREDENTIALS_FILE: credentials });
    await configure({ profile: SESSION_PROFILE, regions: ['us-east-1'], endpoint: proxy.endpoint });

    for (const k of [...KNOWN_KEYS, { profile: 'unknown', ...UNKNOWN_KEY }]) {
      scanner.add(`secret access key (${k.profile})`, k.secretAccessKey);
      scanner.add(`access key id (${k.profile})`, k.accessKeyId);
    }
    scanner.add('session token', SESSION_TOKEN);
  });

  after(async () => {
    notes.dispose();
    restoreEnv();
    await configure({ profile: 'demo', regions: ['us-east-1'], endpoint: emulator.endpoint });
    await proxy.close();
    emulator.faults.clear();
    resetOrderProcessor(emulator);
    fs.rmSync(home, { recursive: true, force: true });
    files.clean();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The Authorization header of the last request through the proxy. */
  function lastAuthorization(): string {
    const h = proxy.headers[proxy.headers.length - 1]?.authorization;
    assert.ok(typeof h === 'string' && h.startsWith('AWS4-HMAC-SHA256 '), 'the proxy saw a signed request');
    return h;
  }

  it('S1 a whole session: list, invoke, apply, and errors (404, 403s, messages quoting the signature and the token)', async () => {
    const fp = api.views.functionsProvider;
    // List and expand.
    api.views.refresh();
    const top = await rows(fp);
    assert.ok(ofKind(top, 'function').length > 5, top.map((r) => r.label).join(', '));
    const helloNode = find(top, 'hello-world');
    for (const group of await rows(fp, helloNode)) {
      await rows(fp, group);
    }
    await rows(api.views.mappingsProvider);

    // Invoke: a result, a function error, an Event, a 404 and a 403 (another account's function).
    const payload = files.write('hello.json', '{"name": "secrets"}');
    outcomes.push((await invokeFile(payload, target('hello-world')))!);
    outcomes.push((await invokeFile(payload, target('order-processor')))!);
    outcomes.push((await withAnswers([pick('Event')], () => invokeFile(payload, target('hello-world'), { withOptions: true }))).result!);
    outcomes.push((await invokeFile(payload, target('no-such-function')))!);
    outcomes.push((await invokeFile(payload, target('arn:aws:lambda:us-east-1:222222222222:function:other-account-fn')))!);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.statusCode]),
      [
        ['result', 200],
        ['result', 200],
        ['result', 202],
        ['apiError', 404],
        ['apiError', 403],
      ],
    );

    // Apply (Put), answering the confirmation.
    const eic = files.write('order-processor.secrets.event-invoke-config.json', JSON.stringify({ FunctionName: 'order-processor', MaximumRetryAttempts: 0 }));
    const applied = await withAnswers([(q) => q.buttons?.find((b) => b.startsWith('Replace'))], () => vscode.commands.executeCommand<ApplyOutcome>('lambdaWorkbench.putEventInvokeConfig', eic));
    assert.equal(applied.result?.status, 'applied');

    // AWS's own error messages can quote the Authorization header (IncompleteSignatureException)
    // and the canonical request with the session token (InvalidSignatureException): injected here
    // with the real values just sent, into an invoke, a listing (error node and log with stack),
    // an apply and a palette command that fails inside the extension's command wrapper.
    const authorization = lastAuthorization();
    const quoting = (name: string): Fault => ({
      status: 403 as unknown as Fault['status'], // the emulator answers any status it is given
      error: name,
      message:
        name === 'IncompleteSignatureException'
          ? `Authorization header requires 'Credential' parameter. Authorization=${authorization}`
          : `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'POST\n/2015-03-31/functions/hello-world/invocations\n\nhost:${new URL(proxy.endpoint).host}\nx-amz-date:20260101T000000Z\nx-amz-security-token:${SESSION_TOKEN}\n\nhost;x-amz-date;x-amz-security-token'`,
    });
    emulator.faults.set('Invoke', quoting('InvalidSignatureException'));
    outcomes.push((await invokeFile(payload, target('hello-world')))!);
    emulator.faults.set('Invoke', quoting('IncompleteSignatureException'));
    outcomes.push((await invokeFile(payload, target('hello-world')))!);
    emulator.faults.set('ListFunctions', quoting('InvalidSignatureException'));
    api.views.refresh();
    const errorRows = await rows(fp);
    assert.equal(errorRows[0]?.contextValue, 'error');
    assert.match(errorRows[0].description, /^InvalidSignatureException \(403\): /);
    // The palette's function picker fails: the error reaches the command wrapper, which logs its stack.
    await withAnswers([() => undefined], () => vscode.commands.executeCommand('lambdaWorkbench.invoke')).catch(() => undefined);
    emulator.faults.set('GetFunctionEventInvokeConfig', quoting('IncompleteSignatureException'));
    const refused = await withAnswers([], () => vscode.commands.executeCommand<ApplyOutcome>('lambdaWorkbench.putEventInvokeConfig', eic));
    assert.equal(refused.result?.status, 'failed');
    emulator.faults.clear();

    // A key no account owns (403 UnrecognizedClientException), listing and invoking.
    await configure({ profile: 'unknown', endpoint: proxy.endpoint });
    api.views.refresh();
    assert.equal((await rows(fp))[0]?.contextValue, 'error');
    outcomes.push((await invokeFile(payload, target('hello-world')))!);
    await configure({ profile: SESSION_PROFILE, endpoint: proxy.endpoint });

    // The last invocation marks the end of the session in both channels.
    const last = (await invokeFile(payload, target('hello-world')))!;
    outcomes.push(last);
    assert.equal(last.kind, 'result');
    await waitForChannel('Lambda Invocations', `Request ID: ${last.requestId}`);
    await waitForChannel('Lambda Workbench', `request ${last.requestId}`);
    assert.ok(outcomes.filter((o) => o.kind === 'apiError' && o.statusCode === 403).length >= 4, 'several 403s');

    // Everything that was signed: the signatures, the tokens and the whole headers.
    assert.ok(proxy.headers.length > 20, `${proxy.headers.length} requests through the proxy`);
    for (const h of proxy.headers) {
      const auth = typeof h.authorization === 'string' ? h.authorization : undefined;
      scanner.add('an Authorization header', auth);
      scanner.add('a signature', auth ? /Signature=([0-9a-f]{64})/.exec(auth)?.[1] : undefined);
      scanner.add('a session token', typeof h['x-amz-security-token'] === 'string' ? h['x-amz-security-token'] : undefined);
    }
    assert.ok(proxy.headers.some((h) => h['x-amz-security-token'] === SESSION_TOKEN), 'the session token was sent (signed) with the requests');
  });

  it('S2 no log file, output channel or notification holds any of them; the emulator records no signature or secret', async () => {
    const root = logsRoot();
    const all = listFiles(root);
    const ours = [...channelFiles('Lambda Workbench'), ...channelFiles('Lambda Invocations')];
    assert.equal(ours.length, 2, `both channels have a file:\n${all.join('\n')}`);
    for (const f of ours) {
      assert.ok(fs.statSync(f).size > 1000, `${f} holds the session`);
    }
    assert.ok(all.some((f) => /exthost\.log$/.test(f)), 'the extension host log is scanned too');
    const findings: Finding[] = [];
    for (const f of all.filter((f) => !f.includes(PROBE_CHANNEL))) {
      findings.push(...scanner.scan(path.relative(root, f), fs.readFileSync(f, 'utf8')));
    }
    findings.push(...scanner.scan('Lambda Invocations (in memory)', invoke.channelText()));
    findings.push(...scanner.scan('notifications', notes.shown.map((s) => s.message).join('\n')));
    findings.push(...scanner.scan('invoke outcomes', outcomes.map((o) => `${o.text}\n${o.error ?? ''}`).join('\n')));
    // The record keeps the access key id (to tell accounts apart), never a secret or a signature.
    // (`fault` is the fault this test injected, whose message quotes them on purpose.)
    const record = emulator.requests.map(({ fault: _fault, ...r }) => r);
    findings.push(...scanner.scan('the emulator request record', JSON.stringify(record), { allowAccessKeyIds: true }));
    assert.deepEqual(findings, [], 'nothing secret was written anywhere');

    // The messages that quoted them are there, redacted.
    const log = fs.readFileSync(channelFiles('Lambda Workbench')[0], 'utf8');
    assert.match(log, /x-amz-security-token:<redacted>/);
    assert.match(log, /Authorization=<redacted>/);
    assert.match(invoke.channelText(), /^✖ Failed: Authorization header requires 'Credential' parameter\. Authorization=<redacted>$/m);
    assert.match(log, /lambdaWorkbench\.invoke: InvalidSignatureException \(403\)/, 'the command wrapper logged the palette failure (with its stack)');
  });

  it('S3 the scan fails when a secret is there (planted in an output channel)', async () => {
    const probe = vscode.window.createOutputChannel(PROBE_CHANNEL);
    try {
      const planted = `planted: aws_secret_access_key=${SESSION_SECRET} Authorization: AWS4-HMAC-SHA256 Credential=${SESSION_KEY_ID}/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=${'ab'.repeat(32)}`;
      probe.appendLine(planted);
      await waitForChannel(PROBE_CHANNEL, 'planted:');
      const files = channelFiles(PROBE_CHANNEL);
      assert.equal(files.length, 1);
      const found = scanner.scan(path.basename(files[0]), fs.readFileSync(files[0], 'utf8'));
      assert.deepEqual([...new Set(found.map((f) => f.what))].sort(), [
        'a SigV4 Authorization value',
        'a signature',
        'access key id (demo)',
        'an Authorization header value',
        `secret access key (demo)`,
      ]);
      // And the record check flags a signature.
      assert.deepEqual(scanner.scan('record', JSON.stringify([{ path: '/x', authorization: `Signature=${'cd'.repeat(32)}` }]), { allowAccessKeyIds: true }).map((f) => f.what), ['an Authorization header value', 'a signature']);
    } finally {
      probe.dispose();
    }
  });
});
