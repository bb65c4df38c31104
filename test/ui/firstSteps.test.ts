/**
 * UI: a new user's first steps in the real VS Code workbench (code-server + Chromium), with
 * the extension installed as from its .vsix and pointed at the local emulator (profile
 * `demo`), on a copy of the demo workspace. Everything goes through what a person sees and
 * does: the activity bar, tree rows, the Explorer's context menu, quick picks, the editor
 * with completion, the editor title button, the modal dialog, the output panel.
 *
 * The steps run in order in one workbench. They save the README's pictures:
 * docs/images/walkthrough.png, view.png, tree-expanded.png, invoke-output.png,
 * config-completion.png, config-diff.png, error-node.png, and the animated
 * docs/images/invoke.gif (ImageMagick; installed with apt-get when missing and root).
 */
import * as assert from 'node:assert/strict';
import { DEMO_ACCOUNT, DEMO_FUNCTIONS, DEMO_REGION, Emulator, fixtures, startEmulator } from '../emulator';
import { startWorkbench, viewContainerTitle, viewNames, Workbench } from '../harness/workbench';
import {
  clickDialogButton,
  clickMenuItem,
  closeNotifications,
  cursorToEndOfLine,
  dialog,
  editorText,
  Frames,
  nls,
  openContextMenu,
  quickInput,
  restPointer,
  setFirstPaneBottom,
  setSideBarWidth,
  showHover,
  sideBarRow,
  sideBarRows,
  waitForNotification,
  waitForOutputPanel,
  waitForPickItem,
} from './support';

const CONFIG_FILE = 'order-processor.event-invoke-config.json';

describe('UI: first steps with Lambda Workbench', function () {
  this.timeout(300_000);
  let emulator: Emulator;
  let wb: Workbench;
  const timings: string[] = [];
  let stepStart = 0;

  before(async () => {
    const t0 = Date.now();
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    wb = await startWorkbench({
      workspace: fixtures.demoWorkspace,
      aws: { endpoint: emulator.endpoint, profile: 'demo', regions: [DEMO_REGION], credentialsFile: fixtures.credentialsFile, configFile: fixtures.configFile },
    });
    timings.push(`workbench up ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  beforeEach(() => {
    stepStart = Date.now();
  });

  afterEach(function () {
    timings.push(`${this.currentTest?.title.split(':')[0]} ${((Date.now() - stepStart) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await wb?.stop();
    await emulator?.stop();
    console.log(`      timings: ${timings.join(' · ')}`);
  });

  it('view: the walkthrough opens on first activation; the activity-bar icon shows both views and the demo functions', async () => {
    const page = wb.page;
    // First activation opens the "Get started" walkthrough.
    const walkthrough = page.locator('.part.editor .gettingStartedContainer');
    await walkthrough.waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByText(nls('walkthrough.title'), { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });

    await wb.openView();
    const views = viewNames();
    assert.ok(Object.keys(views).length >= 2, `the container has its views (${JSON.stringify(views)})`);
    for (const name of Object.values(views)) {
      await wb.viewTitle(name).waitFor({ state: 'visible', timeout: 30_000 });
    }
    // The first functions, in order (the rest are below the fold of the view).
    for (const name of DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION].slice(0, 6)) {
      await wb.waitForTreeItem(name, { timeout: 60_000 });
    }
    await sideBarRow(page, /^orders-queue \(SQS\)$/).waitFor({ state: 'visible', timeout: 30_000 });
    await setSideBarWidth(page, 430);
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/walkthrough.png');

    await wb.closeEditors();
    // A function's tooltip has its details.
    const tooltip = await showHover(page, await wb.waitForTreeItem('hello-world'), 'function:hello-world');
    assert.match(tooltip, /ARN: arn:aws:lambda:us-east-1:111111111111:function:hello-world/);
    assert.match(tooltip, /Runtime: nodejs22\.x/);
    await page.waitForTimeout(300);
    const file = await wb.screenshot('docs/images/view.png');
    await restPointer(page);
    console.log(`      ${viewContainerTitle()}: ${file}`);
  });

  it('tree: hello-world expands to its versions and aliases', async () => {
    const page = wb.page;
    await setFirstPaneBottom(page, 560);
    await (await wb.waitForTreeItem('hello-world')).click();
    const versions = await wb.waitForTreeItem('Versions');
    const aliases = await wb.waitForTreeItem('Aliases');
    await wb.waitForTreeItem('Event invoke configs');
    await wb.waitForTreeItem('Event source mappings');
    await versions.click();
    await wb.waitForTreeItem('2');
    await wb.waitForTreeItem('1');
    await aliases.click();
    await wb.waitForTreeItem('live');
    await wb.waitForTreeItem('canary');
    const rows = await sideBarRows(page);
    const at = (label: string) => rows.findIndex((r) => r === label || r.startsWith(`${label} `));
    // Versions 2 and 1 under Versions, the aliases under Aliases, in that order, under hello-world.
    const order = ['hello-world', 'Versions', '2', '1', 'Aliases', 'canary', 'live'].map(at);
    assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1])), `tree order ${JSON.stringify(order)} in:\n${rows.join('\n')}`);
    assert.match(rows[at('live')], /live → 2/);
    assert.match(rows[at('canary')], /canary → 2 \(1: 10%\)/);
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/tree-expanded.png');
  });

  it('invoke: right-click a payload file → Invoke Lambda Function… → hello-world; the output panel shows status, log and response', async () => {
    const page = wb.page;
    const frames = new Frames(page);
    try {
      // The Explorer, with the payloads folder open.
      await page.locator('.part.activitybar .action-item .action-label[aria-label^="Explorer"]').click();
      await sideBarRow(page, 'payloads').waitFor({ state: 'visible', timeout: 30_000 });
      if ((await sideBarRow(page, 'payloads').getAttribute('aria-expanded')) !== 'true') {
        await sideBarRow(page, 'payloads').click();
      }
      const payload = sideBarRow(page, 'hello.json');
      await payload.waitFor({ state: 'visible', timeout: 10_000 });
      await restPointer(page);
      await frames.add(1500);

      await openContextMenu(page, payload);
      await page.locator('.context-view .monaco-menu .action-label', { hasText: nls('command.invokeFile') }).hover();
      await frames.add(1500);
      await clickMenuItem(page, nls('command.invokeFile'));

      // First the function, then $LATEST, an alias or a version.
      await waitForPickItem(page, 'hello-world');
      await frames.add(1200);
      await page.keyboard.type('hello');
      await page.waitForTimeout(200);
      await frames.add(1000);
      await page.keyboard.press('Enter');
      await waitForPickItem(page, '$LATEST');
      await waitForPickItem(page, 'live');
      await frames.add(1500);
      await page.keyboard.press('Enter');
      await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });

      // The result in the "Lambda Invocations" output, shown in the panel (maximized to see it whole).
      await waitForOutputPanel(page, [/"message": "Hello, Lambda Workbench!"/]);
      await closeNotifications(page); // the outcome's notification
      await wb.runCommand('View: Toggle Maximized Panel');
      await restPointer(page);
      const text = await waitForOutputPanel(page, [
        /^=== hello-world \(us-east-1\) · RequestResponse · /m,
        /^Payload: payloads\/hello\.json \(\d+ bytes\)$/m,
        /^Status: 200$/m,
        /^Executed version: \$LATEST$/m,
        /^--- Log ---$/m,
        /^START RequestId: [0-9a-f-]+ Version: \$LATEST$/m,
        /INFO\s+Saying hello\s+to\s+Lambda\s+Workbench/,
        /^✔ Succeeded$/m,
        /^Duration: [0-9.]+ ms$/m,
        /^--- Response \(\d+ bytes\) ---$/m,
        /"message": "Hello, Lambda Workbench!"/,
      ]);
      // It is the emulator's answer to this very call: same request id, log decoded from LogResult.
      const requestId = /^Request ID: ([0-9a-f-]+)$/m.exec(text)?.[1];
      assert.ok(requestId, `a request id in:\n${text}`);
      const invocation = emulator.store.findInvocation(requestId);
      assert.ok(invocation, `the emulator ran request ${requestId}`);
      assert.match(invocation.functionArn, /:function:hello-world$/);
      assert.equal(invocation.status, 'success');
      // the last line of the function's log is in the panel, decoded
      const logLine = invocation.log?.trim().split('\n').find((l) => l.includes('Saying hello'));
      const flat = (s: string) => s.replace(/\s+/g, ' ');
      assert.ok(logLine && flat(text).includes(flat(logLine.split('\t').pop() ?? '').trim()), `the log line ${JSON.stringify(logLine)} is shown`);
      await page.waitForTimeout(300);
      await frames.add(4000);
      await wb.screenshot('docs/images/invoke-output.png');
      await wb.runCommand('View: Toggle Maximized Panel');
      await page.keyboard.press('Control+J'); // hide the panel again

      const gif = frames.writeGif('docs/images/invoke.gif');
      console.log(`      ${frames.count} frames → ${gif}`);
    } finally {
      frames.dispose();
    }
  });

  it('config: open a config file, Ctrl+Space completes a field, accept it', async () => {
    const page = wb.page;
    // Open the file from the Explorer.
    const configs = sideBarRow(page, 'configs');
    await configs.waitFor({ state: 'visible', timeout: 10_000 });
    if ((await configs.getAttribute('aria-expanded')) !== 'true') {
      await configs.click();
    }
    await sideBarRow(page, CONFIG_FILE).click();
    const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.part.editor .tab.active', { hasText: CONFIG_FILE }).waitFor({ timeout: 10_000 });
    // More room for the editor (and a side-by-side diff later).
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });

    let text = await editorText(page);
    assert.match(text, /"MaximumEventAgeInSeconds": 3600,/);
    // Remove MaximumEventAgeInSeconds, then type it again with completion.
    await editor.locator('.view-lines').click();
    const line = text.split('\n').findIndex((l) => l.includes('"MaximumEventAgeInSeconds"')) + 1;
    await cursorToEndOfLine(page, line);
    await page.keyboard.press('Control+Shift+K'); // delete the line
    await cursorToEndOfLine(page, line - 1);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    await page.keyboard.type('"Max', { delay: 40 });
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.part.editor .suggest-widget.visible');
    await suggest.waitFor({ state: 'visible', timeout: 30_000 });
    const item = suggest.locator('.monaco-list-row', { hasText: 'MaximumEventAgeInSeconds' });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await suggest.locator('.monaco-list-row', { hasText: 'MaximumRetryAttempts' }).count(), 0, 'a field already in the file is not offered');
    // The schema's description shows beside the suggestion.
    const details = page.locator('.part.editor .suggest-details-container .suggest-details');
    if (!(await details.isVisible())) {
      await page.keyboard.press('Control+Space');
    }
    await details.filter({ hasText: /maximum age of a request/i }).waitFor({ state: 'visible', timeout: 10_000 });
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/config-completion.png');

    await page.keyboard.press('Enter');
    await suggest.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.type('7200');
    await page.keyboard.press('Control+S');
    await page.locator('.part.editor .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    text = await editorText(page);
    assert.match(text, /^ {2}"MaximumEventAgeInSeconds": 7200,$/m, `the completed field, in:\n${text}`);
    assert.equal(text.match(/MaximumEventAgeInSeconds/g)?.length, 1);
  });

  it('apply: Apply to AWS… → Update (Merge) shows the diff and asks; the button sends it', async () => {
    const page = wb.page;
    await page.locator(`.part.editor .editor-actions .action-label[aria-label="${nls('command.applyConfigFile')}"]`).click();
    await waitForPickItem(page, 'Replace (Put)');
    await (await waitForPickItem(page, 'Update (Merge)')).click();

    // The preview: current settings ↔ after the update, side by side, and the modal question.
    const box = dialog(page);
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    const diff = page.locator('.part.editor .monaco-diff-editor');
    await diff.waitFor({ state: 'visible', timeout: 10_000 });
    await diff.locator('.editor.modified .view-line', { hasText: '7200' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await diff.locator('.editor.original .view-line', { hasText: '3600' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const question = await box.innerText();
    assert.match(question, /Update the event invoke config of order-processor \(us-east-1\)\?/);
    assert.match(question, /MaximumEventAgeInSeconds: 3600 → 7200/);
    const fn = emulator.store.getFunction(DEMO_ACCOUNT, DEMO_REGION, 'order-processor');
    assert.ok(fn);
    assert.equal(emulator.store.getEventInvokeConfig(fn)?.maximumEventAgeInSeconds, 3600, 'nothing is sent before the answer');
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/config-diff.png');

    await clickDialogButton(page, 'Update');
    await waitForNotification(page, /Event invoke config of order-processor \(us-east-1\) updated: .*events kept 7200 s/);
    await closeNotifications(page);
    assert.equal(emulator.store.getEventInvokeConfig(fn)?.maximumEventAgeInSeconds, 7200, 'the emulator has the new setting');
    await diff.waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.closeEditors();
    await page.keyboard.press('Control+B');
  });

  it('errors: with the endpoint down the view shows an error node; after a restart, clicking it lists the functions again', async () => {
    const page = wb.page;
    await wb.openView();
    await wb.waitForTreeItem('hello-world');
    const port = emulator.port;
    await emulator.stop();
    await wb.runCommand(`${nls('category')}: ${nls('command.refresh')}`);
    const error = await wb.waitForTreeItem('Could not list the functions in us-east-1', { timeout: 60_000 });
    assert.match(await error.innerText(), /No connection: The connection was refused\./);
    await wb.waitForTreeItem('Could not list the event source mappings in us-east-1', { timeout: 30_000 });
    // Its tooltip says what to do.
    const tooltip = await showHover(page, error, 'Is it running?');
    assert.match(tooltip, /Could not reach the Lambda endpoint http:\/\/127\.0\.0\.1:\d+\. Is it running\?/);
    assert.match(tooltip, /Click to retry/);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/error-node.png');

    emulator = await startEmulator({ port, seed: 'demo', quiet: true });
    await restPointer(page);
    await error.click();
    for (const name of DEMO_FUNCTIONS[DEMO_ACCOUNT][DEMO_REGION].slice(0, 6)) {
      await wb.waitForTreeItem(name, { timeout: 60_000 });
    }
    assert.equal(await sideBarRow(page, 'Could not list the functions in us-east-1').count(), 0, 'the error node is gone');
  });
});
