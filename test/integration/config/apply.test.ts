/**
 * Apply to AWS against the local emulator: Put removes what the file leaves out, Update keeps
 * it, the side-by-side preview shows it, a cancelled preview and an invalid file send nothing,
 * and a mapping update goes through Updating to its final state, which the tree then shows.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_MAPPINGS, type Emulator } from '../../emulator';
import type { TestHooks } from '../../../src/api';
import { setup, waitFor, withAnswers } from '../support';
import { ORDER_DLQ, configApi, execute, findMappingNode, operations, orderProcessorConfig, previewTabs, previewTexts, resetOrderProcessor, workspaceFile } from './helpers';

const RETRIES = workspaceFile('configs/order-processor.retries.event-invoke-config.json');
const INVALID = workspaceFile('configs/order-processor.invalid.event-invoke-config.json');
const BATCH = workspaceFile('configs/orders-queue.batch.event-source-mapping.json');
const STREAM_ONLY = workspaceFile('configs/orders-queue.stream-only.event-source-mapping.json');
const AUDIT = workspaceFile('configs/audit-queue.batch.event-source-mapping.json');
const WRITES = ['PutFunctionEventInvokeConfig', 'UpdateFunctionEventInvokeConfig', 'UpdateEventSourceMapping'];

describe('Config files: Apply to AWS', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TestHooks;

  before(async () => {
    ({ emulator, api } = await setup());
  });

  after(async () => {
    // Leave the demo data as the other suites expect it.
    resetOrderProcessor(emulator);
    const orders = emulator.store.getMapping(DEMO_MAPPINGS.ordersQueue);
    if (orders) {
      orders.settings.BatchSize = 10;
      orders.settings.MaximumBatchingWindowInSeconds = 0;
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.views.refresh();
  });

  beforeEach(async () => {
    resetOrderProcessor(emulator);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    emulator.clearRequests();
  });

  it('Put (replace): the preview and the question name the settings it removes; afterwards they are gone', async () => {
    let preview: { left: string; right: string; label: string } | undefined;
    const { result, input } = await withAnswers(
      [
        async (q) => {
          assert.equal(q.kind, 'warning');
          assert.match(q.message ?? '', /^Replace the event invoke config of order-processor \(us-east-1\)\?/);
          assert.match(q.message ?? '', /These settings will be removed: MaximumEventAgeInSeconds \(3600\), DestinationConfig\.OnFailure\.Destination \(arn:aws:sqs:us-east-1:111111111111:order-dlq\)\./);
          // The question names the account the change is made in.
          assert.match(q.detail ?? '', /\n\nAccount 111111111111 \(profile demo\)$/);
          preview = await previewTexts();
          return q.buttons?.find((b) => b.startsWith('Replace'));
        },
      ],
      () => execute('lambdaWorkbench.putEventInvokeConfig', RETRIES),
    );
    assert.equal(input.asked.length, 1);
    assert.equal(result?.status, 'applied', JSON.stringify(result));
    assert.deepEqual(result.removed, ['MaximumEventAgeInSeconds', 'DestinationConfig.OnFailure.Destination']);
    assert.ok(preview);
    assert.match(preview.label, /order-processor \(us-east-1\).*Put/);
    assert.match(preview.left, /"MaximumEventAgeInSeconds": 3600/);
    assert.match(preview.left, /order-dlq/);
    assert.match(preview.right, /"MaximumRetryAttempts": 2/);
    assert.doesNotMatch(preview.right, /MaximumEventAgeInSeconds|order-dlq/);
    assert.deepEqual(orderProcessorConfig(emulator), { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: undefined, OnSuccess: undefined, OnFailure: undefined });
    assert.deepEqual(operations(emulator).filter((o) => o.includes('EventInvokeConfig')), ['GetFunctionEventInvokeConfig', 'PutFunctionEventInvokeConfig']);
    assert.equal(previewTabs().length, 0, 'the preview is closed after applying');
  });

  it('Update (merge): the settings the file leaves out are kept, and the preview shows them kept', async () => {
    let preview: { left: string; right: string } | undefined;
    const { result } = await withAnswers(
      [
        async (q) => {
          assert.match(q.message ?? '', /^Update the event invoke config of order-processor \(us-east-1\)\? Only the settings of order-processor\.retries\.event-invoke-config\.json change/);
          assert.doesNotMatch(q.message ?? '', /removed/);
          preview = await previewTexts();
          return q.buttons?.find((b) => b === 'Update');
        },
      ],
      () => execute('lambdaWorkbench.updateEventInvokeConfig', RETRIES),
    );
    assert.equal(result?.status, 'applied', JSON.stringify(result));
    assert.ok(preview);
    assert.match(preview.right, /"MaximumRetryAttempts": 2/);
    assert.match(preview.right, /"MaximumEventAgeInSeconds": 3600/);
    assert.match(preview.right, /order-dlq/);
    assert.deepEqual(orderProcessorConfig(emulator), { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600, OnSuccess: undefined, OnFailure: ORDER_DLQ });
    assert.ok(operations(emulator).includes('UpdateFunctionEventInvokeConfig'));
    assert.ok(!operations(emulator).includes('PutFunctionEventInvokeConfig'));
  });

  it('a cancelled preview changes nothing and closes the preview', async () => {
    const { result } = await withAnswers(
      [
        async (q) => {
          await previewTexts();
          assert.ok(q.buttons?.some((b) => b.startsWith('Replace')));
          return undefined;
        },
      ],
      () => execute('lambdaWorkbench.putEventInvokeConfig', RETRIES),
    );
    assert.equal(result?.status, 'cancelled');
    assert.deepEqual(orderProcessorConfig(emulator), { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600, OnSuccess: undefined, OnFailure: ORDER_DLQ });
    assert.deepEqual(operations(emulator).filter((o) => WRITES.includes(o)), []);
    await waitFor('the preview to close', () => previewTabs().length === 0);
  });

  it('an invalid file sends nothing and shows its problem on the field', async () => {
    const { result, input } = await withAnswers([], () => execute('lambdaWorkbench.putEventInvokeConfig', INVALID));
    assert.equal(input.asked.length, 0, 'no question for an invalid file');
    assert.equal(result?.status, 'invalid');
    assert.deepEqual(result.problems, ['MaximumEventAgeInSeconds is 30: the allowed range is 60 to 21600.']);
    assert.deepEqual(operations(emulator).filter((o) => o.includes('EventInvokeConfig') || WRITES.includes(o)), [], 'not even the current config is read');
    // One diagnostic on the value: the extension's, unless the schema check of the JSON
    // language support already marks it there.
    const doc = await vscode.workspace.openTextDocument(INVALID);
    const onValue = () => vscode.languages.getDiagnostics(INVALID).filter((d) => doc.getText(d.range) === '30');
    await waitFor('a diagnostic on the value', () => onValue().length > 0);
    assert.equal(onValue().length, 1, JSON.stringify(onValue()));
    const ours = configApi(api).diagnostics.get(INVALID) ?? [];
    assert.ok(ours.length === 1 || onValue()[0].source !== 'Lambda Workbench');
    if (ours.length === 1) {
      assert.equal(ours[0].severity, vscode.DiagnosticSeverity.Error);
    }
    assert.deepEqual(orderProcessorConfig(emulator), { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 3600, OnSuccess: undefined, OnFailure: ORDER_DLQ });
  });

  it('"Apply to AWS…" on an event invoke config file asks Put or Update first', async () => {
    const { result, input } = await withAnswers(
      [
        (q) => {
          assert.equal(q.kind, 'quickPick');
          assert.deepEqual(q.items?.map((i) => i.label), ['Replace (Put)', 'Update (Merge)']);
          return q.items?.[1];
        },
        (q) => q.buttons?.find((b) => b === 'Update'),
      ],
      () => execute('lambdaWorkbench.applyConfigFile', RETRIES),
    );
    assert.equal(input.asked.length, 2);
    assert.equal(result?.operation, 'update');
    assert.equal(result?.status, 'applied');
  });

  it('the CodeLens of a config file offers Put and Update', async () => {
    const lenses = await waitFor('CodeLens', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', RETRIES);
      return l && l.length >= 2 ? l : undefined;
    });
    assert.deepEqual(lenses.map((l) => l.command?.command).sort(), ['lambdaWorkbench.putEventInvokeConfig', 'lambdaWorkbench.updateEventInvokeConfig']);
  });

  it('a mapping update moves through Updating to its final state, and the tree shows it', async () => {
    const uuid = DEMO_MAPPINGS.ordersQueue;
    const record = emulator.store.getMapping(uuid);
    assert.ok(record);
    await waitFor('orders-queue to be settled', () => record.state === 'Enabled' || record.state === 'Disabled');
    const finalState = record.state;
    record.settings.BatchSize = 10;
    record.settings.MaximumBatchingWindowInSeconds = 0;
    emulator.clearRequests();
    const { result } = await withAnswers(
      [
        async (q) => {
          assert.match(q.message ?? '', /^Update event source mapping 3f6c2a8e-.* \(orders-queue → order-processor, us-east-1\)\? These settings change: BatchSize, MaximumBatchingWindowInSeconds\./);
          const preview = await previewTexts();
          assert.match(preview.left, /"BatchSize": 10/);
          assert.match(preview.right, /"BatchSize": 50/);
          assert.match(preview.right, /"MaximumBatchingWindowInSeconds": 2/);
          // The tab names the mapping by its source and function, not by its UUID.
          assert.equal(preview.label, 'orders-queue → order-processor (us-east-1): current ↔ after Update');
          // A setting added after the last one: no line of the current settings shows as removed.
          const leftLines = preview.left.split('\n').filter((l) => !l.startsWith('//'));
          const rightLines = preview.right.split('\n');
          assert.deepEqual(leftLines.filter((l) => !rightLines.includes(l) && !/"BatchSize"|"MaximumBatchingWindowInSeconds"/.test(l)), [], `only the changed settings differ:\n${preview.left}\n---\n${preview.right}`);
          assert.match(q.detail ?? '', /Account 111111111111 \(profile demo\)$/);
          return q.buttons?.find((b) => b === 'Update Mapping');
        },
      ],
      () => execute('lambdaWorkbench.updateEventSourceMapping', BATCH),
    );
    assert.equal(result?.status, 'applied', JSON.stringify(result));
    assert.equal(result.states?.[0], 'Updating');
    assert.equal(result.states?.[result.states.length - 1], finalState);
    assert.equal(record.state, finalState);
    assert.equal(record.settings.BatchSize, 50);
    assert.equal(record.settings.MaximumBatchingWindowInSeconds, 2);
    const ops = operations(emulator);
    assert.equal(ops.filter((o) => o === 'UpdateEventSourceMapping').length, 1);
    assert.ok(ops.indexOf('GetEventSourceMapping') < ops.indexOf('UpdateEventSourceMapping'));
    const node = await waitFor('the tree to show the updated mapping', async () => {
      const n = await findMappingNode(api.views.mappingsProvider, uuid);
      return n && n.state === finalState && n.mapping?.BatchSize === 50 ? n : undefined;
    });
    assert.ok(node);
  });

  it('a stream-only setting on an SQS mapping is stopped before any update is sent', async () => {
    const { result, input } = await withAnswers([], () => execute('lambdaWorkbench.updateEventSourceMapping', STREAM_ONLY));
    assert.equal(input.asked.length, 0);
    assert.equal(result?.status, 'invalid');
    assert.match(result.problems?.[0] ?? '', /^BisectBatchOnFunctionError applies to Kinesis, DynamoDB Streams, Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from an Amazon SQS queue \(orders-queue\)/);
    assert.ok(operations(emulator).includes('GetEventSourceMapping'));
    assert.ok(!operations(emulator).includes('UpdateEventSourceMapping'));
    const diag = configApi(api).diagnostics.get(STREAM_ONLY) ?? [];
    const doc = await vscode.workspace.openTextDocument(STREAM_ONLY);
    assert.equal(doc.getText(diag[0].range), '"BisectBatchOnFunctionError"');
  });

  it('a mapping that is still being updated: ResourceInUseException is explained and nothing changes', async () => {
    const uuid = DEMO_MAPPINGS.auditQueue;
    const record = emulator.store.getMapping(uuid);
    assert.ok(record);
    const before = record.settings.BatchSize;
    // Still Creating (the demo's first minute) answers ResourceInUseException by itself;
    // otherwise another change starts while the question is asked.
    const initial = record.state;
    const settled = initial === 'Enabled' || initial === 'Disabled';
    const { result } = await withAnswers(
      [
        (q) => {
          if (settled) {
            emulator.store.transitionMapping(uuid, 'Updating', initial, 2000);
          }
          return q.buttons?.find((b) => b === 'Update Mapping');
        },
      ],
      () => execute('lambdaWorkbench.updateEventSourceMapping', AUDIT),
    );
    assert.equal(result?.status, 'failed');
    assert.match(result.error ?? '', /^ResourceInUseException:/);
    assert.equal(record.settings.BatchSize, before);
    assert.equal(previewTabs().length, 0);
    if (settled) {
      await waitFor('audit-queue to settle again', () => record.state === initial, 10_000);
    }
  });
});
