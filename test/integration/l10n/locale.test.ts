/**
 * Locale: with VS Code's display language set to Japanese (`run-integration.js --locale ja`),
 * the extension's manifest strings come from package.nls.ja.json (command titles), its own
 * messages from l10n/bundle.l10n.ja.json, and the config-file schemas from schemas/ja/ (the
 * jsonValidation url is itself a package.nls string), so hovers in a config file are Japanese.
 *
 * The suite only exists in a Japanese run: the default (English) run registers nothing here,
 * so nothing is skipped or counted. Run it with
 *   node out/test/harness/run-integration.js --locale ja --grep Locale
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FullLogOutcome, InvokeOutcome, TestHooks, WorkbenchApi } from '../../../src/api';
import { EXTENSION_ID, setup, waitFor, withAnswers } from '../support';
import { find, rows } from '../tree/treeSupport';
import { workspaceFile } from '../config/helpers';
import { hoverText } from '../languageFeatures';

const LANGUAGE = 'ja';

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** A message template as a pattern (`{0}` stands for anything): the whole line, or (`part`) anywhere in it. */
function templatePattern(template: string, part = false): RegExp {
  const parts = template.split(/\{\d+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(part ? parts.join('.*?') : `^${parts.join('.*?')}$`, 's');
}

/**
 * Checks lines written by the extension in a Japanese window: no line is an English message
 * (a template whose translation differs), and each of `expected` (English templates, whole
 * lines or parts of one) appears as its Japanese translation.
 */
function assertJapanese(lines: readonly string[], bundle: Record<string, string>, expected: string[], what: string): void {
  const english = Object.keys(bundle).filter((k) => bundle[k] !== k && /[A-Za-z]{3}/.test(k.replace(/\{\d+\}/g, '')));
  const patterns = english.map((k) => ({ key: k, en: templatePattern(k), ja: templatePattern(bundle[k]) }));
  for (const line of lines) {
    const still = patterns.find((p) => p.en.test(line) && !p.ja.test(line));
    assert.equal(still, undefined, `${what}: "${line}" is still English (${still?.key})\n${lines.join('\n')}`);
  }
  for (const key of expected) {
    assert.ok(bundle[key], `the bundle translates "${key}"`);
    const ja = templatePattern(bundle[key], true);
    assert.ok(
      lines.some((l) => ja.test(l)),
      `${what}: a line "${bundle[key]}" (the Japanese of "${key}")\n${lines.join('\n')}`,
    );
  }
}

if (vscode.env.language === LANGUAGE) {
  describe(`Locale (${LANGUAGE}): the extension speaks the display language`, function () {
    this.timeout(90_000);
    let ext: vscode.Extension<WorkbenchApi>;
    let api: TestHooks;
    let root: string;

    before(async () => {
      const found = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
      assert.ok(found, `extension ${EXTENSION_ID} is not installed`);
      ext = found;
      root = ext.extensionPath;
      ({ api } = await setup());
    });

    it('command titles come from package.nls.ja.json', () => {
      const nls = readJson<Record<string, string>>(path.join(root, `package.nls.${LANGUAGE}.json`));
      const english = readJson<Record<string, string>>(path.join(root, 'package.nls.json'));
      // VS Code keeps a localized command title as { value, original } (the palette matches both).
      type Title = string | { value: string; original: string };
      const commands = (ext.packageJSON as { contributes: { commands: Array<{ command: string; title: Title }> } }).contributes.commands;
      const valueOf = (t: Title) => (typeof t === 'string' ? t : t.value);
      const invokeFile = commands.find((c) => c.command === 'lambdaWorkbench.invokeFile');
      assert.ok(invokeFile, 'lambdaWorkbench.invokeFile is contributed');
      assert.equal(valueOf(invokeFile.title), nls['command.invokeFile']);
      assert.notEqual(valueOf(invokeFile.title), english['command.invokeFile']);
      assert.match(valueOf(invokeFile.title), /[\u3040-\u30ff\u4e00-\u9fff]/, 'the title is Japanese');
      if (typeof invokeFile.title !== 'string') {
        assert.equal(invokeFile.title.original, english['command.invokeFile'], 'the English title is kept as the original');
      }
      // every contributed command: no %key% left, none still English
      for (const c of commands) {
        const title = valueOf(c.title);
        assert.doesNotMatch(title, /^%.*%$/, `${c.command} has a resolved title`);
        const key = Object.keys(english).find((k) => english[k] === title);
        assert.equal(key, undefined, `${c.command}: "${title}" is still the English text of ${key}`);
      }
    });

    it('the jsonValidation urls point at the Japanese schemas', () => {
      const validation = (ext.packageJSON as { contributes: { jsonValidation: Array<{ url: string }> } }).contributes.jsonValidation;
      assert.deepEqual(
        validation.map((v) => v.url).filter((url) => url.startsWith('./schemas/')),
        [`./schemas/${LANGUAGE}/event-invoke-config.schema.json`, `./schemas/${LANGUAGE}/event-source-mapping.schema.json`],
      );
      for (const v of validation) {
        assert.ok(fs.existsSync(path.join(root, v.url)), `${v.url} exists in the extension`);
      }
    });

    it('messages of the extension come from l10n/bundle.l10n.ja.json (tree labels)', async () => {
      const bundle = readJson<Record<string, string>>(path.join(root, 'l10n', `bundle.l10n.${LANGUAGE}.json`));
      assert.equal(vscode.l10n.t('Versions'), bundle['Versions'], 'vscode.l10n.t of this extension reads the Japanese bundle');
      const fp = api.views.functionsProvider;
      const hello = find(await rows(fp), 'hello-world');
      const children = (await rows(fp, hello)).map((r) => r.label);
      assert.ok(children.includes(bundle['Versions']), `the group "${bundle['Versions']}" among ${children.join(', ')}`);
      assert.ok(children.includes(bundle['Aliases']), `the group "${bundle['Aliases']}" among ${children.join(', ')}`);
      assert.ok(!children.includes('Versions'), 'no English group label');
    });

    describe('what the lazy bundles write (dist/invoke.js, dist/config.js) is Japanese too', () => {
      let bundle: Record<string, string>;
      const invokeFile = (file: string, functionName: string) =>
        vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', workspaceFile(file), { region: 'us-east-1', functionName });

      before(() => {
        bundle = readJson<Record<string, string>>(path.join(root, 'l10n', `bundle.l10n.${LANGUAGE}.json`));
      });

      it('a successful invoke: the whole block', async () => {
        const o = await invokeFile('payloads/hello.json', 'hello-world');
        assert.equal(o?.kind, 'result', o?.text);
        assertJapanese(
          o.text.split('\n'),
          bundle,
          ['Succeeded', 'Payload: {0} ({1})', '{0} bytes', 'Status: {0}', 'Request ID: {0}', 'Round trip: {0}', 'Duration: {0} ms', 'Billed duration: {0} ms', 'Memory size: {0} MB', 'Max memory used: {0} MB', '--- Log ---', '--- Response ({0}) ---'],
          'success',
        );
      });

      it('the full log of an invocation (dist/logs.js): its header', async () => {
        const o = await invokeFile('payloads/hello.json', 'hello-world');
        assert.ok(o?.invocation, o?.text);
        const full = await vscode.commands.executeCommand<FullLogOutcome | undefined>('lambdaWorkbench.showFullLog', o.invocation);
        assert.ok(full?.complete);
        const lines = full.document.getText().split('\n');
        assertJapanese(lines.slice(0, 5), bundle, ['Log group', 'Log stream', 'Complete: START to REPORT, {0} events.'], 'full log');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      });

      it('a function error: the summary, the error and its stack', async () => {
        const o = await invokeFile('payloads/hello.json', 'handled-error');
        assert.equal(o?.kind, 'result', o?.text);
        assertJapanese(o.text.split('\n'), bundle, ['Function error ({0}): {1}', '--- Function error ---', 'errorType: {0}', 'errorMessage: {0}', 'Stack:'], 'function error');
      });

      it('a streamed invoke (response stream): the stream section, its end, its figures and the error', async () => {
        const o = await invokeFile('payloads/hello.json', 'broken-streamer');
        assert.equal(o?.kind, 'result', o?.text);
        assert.ok(o.stream, 'it was streamed (the URL is RESPONSE_STREAM)');
        assertJapanese(
          o.text.split('\n'),
          bundle,
          ['--- Response stream (as it arrives) ---', 'Content type: {0}', '--- End of stream ---', 'Received: {0}', '{0} in {1} chunks', 'Time to first byte: {0}', 'Function error ({0}): {1}', 'ErrorCode: {0}'],
          'streamed',
        );
      });

      it('a payload refused before sending: the reason, the place and the notification', async () => {
        const o = await invokeFile('payloads/invalid.json', 'hello-world');
        assert.equal(o?.kind, 'payloadError', o?.text);
        assertJapanese(o.text.split('\n'), bundle, ['Payload: {0}', 'Not sent: {0}', 'Invalid JSON in {0} at line {1}, column {2}: {3}{4}.', 'a comma (,) is expected'], 'refused payload');
        assertJapanese([o.error ?? ''], bundle, ['Not invoked: {0}'], 'notification');
      });

      it('an answer lost after a 2xx (the function ran): the block, the notification, and an error node of an unreadable listing', async () => {
        const { emulator } = await setup();
        try {
          emulator.faults.set('Invoke', { unreadableBody: 'cut' });
          const o = await invokeFile('payloads/hello.json', 'hello-world');
          assert.equal(o?.kind, 'answerLost', o?.text);
          const ran = 'The function ran (HTTP {0}), but its response could not be read: {1}.';
          const cut = 'the connection closed before the whole answer arrived';
          assertJapanese(o.text.split('\n'), bundle, ['Answer lost: {0}', ran, cut, 'Status: {0}', 'Request ID: {0}'], 'answer lost');
          assertJapanese([o.error ?? ''], bundle, [ran, cut], 'notification');

          emulator.faults.set('ListFunctions', { unreadableBody: 'nan' });
          api.views.refresh();
          const [error] = await rows(api.views.functionsProvider);
          assert.equal(error.contextValue, 'error');
          assertJapanese([error.description], bundle, ['Unreadable answer', 'The endpoint accepted the request (HTTP {0}), but its answer could not be read: {1}.', 'the answer is not valid JSON'], 'error node');
        } finally {
          emulator.faults.clear();
          api.views.refresh();
        }
      });

      it("today's Lambda: the tenant question, the Tail retry with where the log is, a durable execution, a bad execution name", async () => {
        const tenant = await withAnswers([(q) => (assert.equal(q.title, bundle['Tenant ID for {0}'].replace('{0}', 'tenant-notes')), 'acme')], () => invokeFile('payloads/tenant-note.json', 'tenant-notes'));
        assert.equal(tenant.result?.kind, 'result', tenant.result?.text);
        assertJapanese(tenant.result.text.split('\n'), bundle, ['Tenant ID: {0}', 'Succeeded'], 'tenant');
        const fleet = await invokeFile('payloads/fleet-jobs.json', 'fleet-worker');
        assert.equal(fleet?.kind, 'result', fleet?.text);
        assertJapanese(
          fleet.text.split('\n'),
          bundle,
          ['Note: Lambda returns no log tail for this function (Lambda Managed Instances); sent again without LogType Tail.', 'Log group: {0}', 'Log stream: {0}', '(not returned here: it is in CloudWatch Logs, log group {0}, log stream {1})'],
          'Managed Instances',
        );
        const durable = await withAnswers([() => `ja-${Date.now()}`], () =>
          vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', workspaceFile('payloads/order-workflow.json'), { region: 'us-east-1', functionName: 'order-workflow', qualifier: 'live' }),
        );
        assert.equal(durable.result?.kind, 'result', durable.result?.text);
        assertJapanese(durable.result.text.split('\n'), bundle, ['Durable execution name: {0}', 'Durable execution: {0}'], 'durable');
        const bad = await withAnswers([() => 'order 42'], () =>
          vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', workspaceFile('payloads/order-workflow.json'), { region: 'us-east-1', functionName: 'order-workflow', qualifier: 'live' }),
        );
        assert.equal(bad.result?.kind, 'parameterError', bad.result?.text);
        assertJapanese(bad.result.text.split('\n'), bundle, ['Not sent: {0}', '{0} holds "{1}", which is not allowed: use {2}.', 'a space', 'letters A–Z and a–z, digits, - and _'], 'bad execution name');
      });

      it('shareable test events: the group, its events (tree) and a message of dist/testEvents.js', async () => {
        const { emulator } = await setup();
        const fp = api.views.functionsProvider;
        const groupOf = async (fn: string) => {
          api.views.refresh();
          return find(await rows(fp, find(await rows(fp), fn)), bundle['Test events']);
        };
        const events = await rows(fp, await groupOf('hello-world'));
        assertJapanese(events.map((r) => r.description), bundle, ['shared · RequestResponse', 'shared · Event (asynchronous)'], 'test event rows');
        // A damaged schema document: the model (dist/testEvents.js) says so, in Japanese.
        const registry = emulator.services.schemas.getRegistry('111111111111', 'us-east-1', 'lambda-testevent-schemas');
        const schema = registry?.schemas.get('_order-processor-schema');
        assert.ok(schema, 'the seeded schema of order-processor');
        emulator.services.schemas.addVersion(schema, 'OpenApi3', '{"openapi":"3.0.0","components":{"schemas":{},"examples":{"broken":{"novalue":1}}}}');
        const [error] = await rows(fp, await groupOf('order-processor'));
        assert.equal(error.contextValue, 'error');
        assertJapanese([error.label, error.description], bundle, ['Could not read the shareable test events', 'The shareable test events document is damaged ({0}); it was left as it is.'], 'damaged document');
      });

      it('a config file: the diagnostic of a rule across fields, and the Apply question', async () => {
        const invalid = workspaceFile('configs/orders-queue.stream-only.event-source-mapping.json');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(invalid));
        await vscode.commands.executeCommand('lambdaWorkbench.updateEventSourceMapping', invalid);
        const messages = (api.config.diagnostics.get(invalid) ?? []).map((d) => d.message);
        assert.ok(messages.length > 0, 'the rule was reported');
        assert.ok(messages.every((m) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(m)), messages.join('\n'));
        assertJapanese(messages, bundle, [], 'diagnostics');

        const valid = workspaceFile('configs/orders-queue.batch.event-source-mapping.json');
        let question = '';
        await withAnswers(
          [
            (q) => {
              question = q.message ?? '';
              return undefined; // cancel: nothing is sent
            },
          ],
          () => vscode.commands.executeCommand('lambdaWorkbench.updateEventSourceMapping', valid),
        );
        assertJapanese([question], bundle, ['Update event source mapping {0}? These settings change: {1}. The others are kept.'], 'Apply question');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      });
    });

    it('hover in a *.event-invoke-config.json file shows the Japanese schema description', async () => {
      const schema = readJson<{ properties: Record<string, { markdownDescription: string }> }>(path.join(root, 'schemas', LANGUAGE, 'event-invoke-config.schema.json'));
      const english = readJson<{ properties: Record<string, { markdownDescription: string }> }>(path.join(root, 'schemas', 'event-invoke-config.schema.json'));
      const expected = schema.properties.MaximumRetryAttempts.markdownDescription.split('\n')[0];
      assert.notEqual(expected, english.properties.MaximumRetryAttempts.markdownDescription.split('\n')[0], 'the Japanese schema differs from the English one');

      const uri = workspaceFile('configs/order-processor.retries.event-invoke-config.json');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const line = doc.getText().split('\n').findIndex((l) => l.includes('"MaximumRetryAttempts"'));
      assert.ok(line >= 0);
      const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('MaximumRetryAttempts') + 3);
      const text = await waitFor(
        'a hover with the schema description',
        async () => {
          const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
          return t.trim() ? t : undefined;
        },
        45_000,
      );
      assert.ok(text.includes(expected), `the hover shows "${expected}"; it shows:\n${text}`);
      assert.ok(!text.includes(english.properties.MaximumRetryAttempts.markdownDescription.split('\n')[0]), 'not the English description');
    });
  });
}
