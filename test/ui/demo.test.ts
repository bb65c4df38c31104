/**
 * UI: the demo is the VS Code a user gets. The workbench runs with the demo's own settings
 * (test/harness/demoSettings.ts: no smoke-test driver, so notifications show as toasts) on a
 * copy of the demo workspace, and a person's first steps are checked as they see them:
 *
 * - the walkthrough opens on the first run, in front (no README preview over it);
 * - the status bar's switch is one quick pick that starts on the current profile, marked;
 *   choosing there checks off "Choose a profile and regions"; the tooltip names the account;
 * - the palette has one "Invoke"; a function without versions or aliases gets no `$LATEST`
 *   pick; opening the picker checks nothing off, an invoke does; a slow invoke shows its
 *   progress notification (with Cancel);
 * - Apply from a config file's CodeLens asks, naming the account, and checks off "Edit a config";
 *   the mapping diff's tab names source and function;
 * - Disable Event Source Mapping asks first (mapping, function, account); the tooltip follows.
 *
 * Saves docs/images/switch-connection.png, invoke-progress.png, apply-account.png and
 * mapping-disable.png.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { DEMO_ACCOUNT, Emulator } from '../emulator';
import { DEMO_SMOKE_TEST_DRIVER, demoEnv, demoSettings } from '../harness/demoSettings';
import type { Workbench } from '../harness/workbench';
import { demoSession } from './session';
import { clickDialogButton, closeNotifications, dialog, escapeRegExp, nls, quickInput, restPointer, showHover, waitForNotification, waitForPickItem } from './support';

const WALKTHROUGH = nls('walkthrough.title');

describe('UI: the demo, as a user gets it', function () {
  this.timeout(300_000);
  const session = demoSession((endpoint) => ({ settings: demoSettings(endpoint), env: demoEnv(), smokeTestDriver: DEMO_SMOKE_TEST_DRIVER }));
  let emulator: Emulator;
  let wb: Workbench;
  before(() => ({ emulator, wb } = session.started()));

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      // What the window showed, for the report (not a README picture).
      const file = await wb.page.screenshot({ path: path.join(os.tmpdir(), `lambda-workbench-ui-demo-${Date.now()}.png`) }).then(() => undefined, () => undefined);
      void file;
    }
  });

  /** Opens the walkthrough (Welcome: Open Walkthrough…); returns whether step `id` is checked off. */
  async function stepChecked(id: 'connect' | 'view' | 'invoke' | 'config'): Promise<boolean> {
    const page = wb.page;
    const step = page.locator(`.part.editor .gettingStartedContainer [data-step-id$="${id}"]`).first();
    if (!(await step.isVisible().catch(() => false))) {
      // (A key pressed while a dialog or toast goes away can be lost: once more if so.)
      await wb.runCommand('Welcome: Open Walkthrough...').catch(async () => {
        await page.keyboard.press('Escape');
        await wb.runCommand('Welcome: Open Walkthrough...');
      });
      await waitForPickItem(page, WALKTHROUGH);
      await page.keyboard.type('Lambda Workbench');
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: WALKTHROUGH }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await step.waitFor({ state: 'visible', timeout: 30_000 });
    }
    return (await step.getAttribute('aria-checked')) === 'true';
  }

  async function waitChecked(id: 'connect' | 'invoke' | 'config'): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await stepChecked(id))) {
      if (Date.now() > deadline) {
        throw new Error(`the walkthrough step ${id} is not checked off`);
      }
      await wb.page.waitForTimeout(500);
    }
  }

  /** Closes all editors; once more when the palette key was lost (pressed while a dialog went away). */
  async function closeEditors(): Promise<void> {
    await wb.closeEditors().catch(async () => {
      await wb.page.keyboard.press('Escape');
      await wb.closeEditors();
    });
  }

  /** Shows the extension's views (the activity-bar icon hides them when they are already shown). */
  async function showViews(): Promise<void> {
    const title = wb.page.locator('.part.sidebar .composite.title .title-label h2').filter({ hasText: /Lambda Workbench/i });
    if (!(await title.isVisible().catch(() => false))) {
      await wb.openView();
    }
  }

  /** The open config file's CodeLens titled `title`. */
  function codeLens(title: string): Locator {
    return wb.page.locator('.part.editor .codelens-decoration a', { hasText: new RegExp(escapeRegExp(title)) }).first();
  }

  async function openFile(relative: string): Promise<void> {
    const page = wb.page;
    await wb.runCommand('Go to File...');
    await page.keyboard.type(relative);
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: path.basename(relative) }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.part.editor .tab.active', { hasText: path.basename(relative) }).waitFor({ timeout: 10_000 });
  }

  it('first run: the walkthrough opens in front, nothing checked off yet', async () => {
    const page = wb.page;
    await page.locator('.part.editor .gettingStartedContainer').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByText(WALKTHROUGH, { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.locator('.part.editor .tab', { hasText: /Preview README/ }).count(), 0, 'no README preview over it');
    for (const id of ['connect', 'invoke', 'config'] as const) {
      assert.equal(await stepChecked(id), false, `${id} is not checked off before it is done`);
    }
  });

  it('status bar: one quick pick, starting on the current profile (marked); Enter there checks off the step; the tooltip names the account', async () => {
    const page = wb.page;
    await wb.openView();
    await wb.waitForTreeItem('us-east-1', { timeout: 60_000 });
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: 'demo · us-east-1, eu-west-1' }).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const tooltip = await showHover(page, item, `Account: ${DEMO_ACCOUNT}`);
    assert.match(tooltip, /Profile: demo/);
    await restPointer(page);

    await item.click();
    const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
    await focused.filter({ hasText: /demo/ }).waitFor({ timeout: 30_000 });
    assert.match(await focused.innerText(), new RegExp(`demo[\\s\\S]*current · account ${DEMO_ACCOUNT}`));
    await waitForPickItem(page, 'other');
    await waitForPickItem(page, 'Regions…');
    await restPointer(page);
    await wb.screenshot('docs/images/switch-connection.png');
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    await waitChecked('connect');
    assert.equal(await stepChecked('invoke'), false);
  });

  it('invoke: one "Invoke" in the palette; the picker alone checks nothing off; report-builder (no versions) goes straight to the payload, with a progress notification', async () => {
    const page = wb.page;
    await closeEditors();
    // The palette lists Invoke Function… and not the payload file's own command.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.press('F1');
    await input.fill(`>${nls('category')}: Invoke`);
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: nls('command.invoke') }).first().waitFor({ timeout: 10_000 });
    const titles = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name').allInnerTexts();
    assert.equal(titles.filter((t) => t.includes(nls('command.invokeFile'))).length, 0, `no "${nls('command.invokeFile')}" in: ${titles.join(' | ')}`);
    await page.keyboard.press('Escape');

    // The picker opened and dismissed: the step stays unchecked.
    await wb.runCommand(`${nls('category')}: ${nls('command.invoke')}`);
    await waitForPickItem(page, 'hello-world');
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await stepChecked('invoke'), false, 'opening the picker is not invoking');
    // (The walkthrough page, re-rendering, may take the focus from a quick pick: closed first.)
    await closeEditors();

    await wb.runCommand(`${nls('category')}: ${nls('command.invoke')}`);
    await waitForPickItem(page, 'hello-world');
    await page.keyboard.type('report-builder');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'report-builder' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // No $LATEST pick: the payloads come next.
    await waitForPickItem(page, 'Empty payload');
    assert.equal(await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: /^\s*\$LATEST/ }).count(), 0);
    await page.keyboard.type('Empty payload');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'Empty payload' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The demo shows toasts: the progress of the 2.5-second call, with its Cancel button.
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Invoking report-builder \(us-east-1\)/ });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).waitFor({ state: 'visible', timeout: 5_000 });
    await restPointer(page);
    await wb.screenshot('docs/images/invoke-progress.png');
    await toast.waitFor({ state: 'hidden', timeout: 60_000 });
    await waitChecked('invoke');
    await closeNotifications(page);
  });

  it('config: Apply from the CodeLens asks, naming the account, and checks off "Edit a config"; the mapping diff names source and function', async () => {
    const page = wb.page;
    await closeEditors();
    const file = path.join(wb.workspace, 'configs', 'order-processor.event-invoke-config.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"MaximumRetryAttempts": 1', '"MaximumRetryAttempts": 2'));
    await openFile('configs/order-processor.event-invoke-config.json');
    await codeLens('Update (Merge)').click({ timeout: 30_000 });
    // The file names no region and the demo shows two: which one.
    await waitForPickItem(page, 'eu-west-1');
    await page.keyboard.type('us-east-1');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'us-east-1' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'visible', timeout: 30_000 });
    const question = await dialog(page).innerText();
    assert.match(question, /Update the event invoke config of order-processor \(us-east-1\)\?/);
    assert.match(question, new RegExp(`Account ${DEMO_ACCOUNT} \\(profile demo\\)`));
    // The previews' comma after every member is allowed (their schema): no warnings for them.
    await page.waitForTimeout(2000);
    const problems = await page.locator('.part.statusbar .statusbar-item', { has: page.locator('.codicon-warning') }).first().innerText();
    assert.match(problems.replace(/\s+/g, ' ').trim(), /^0 0$/, `no problems in the previews (status bar: ${problems})`);
    await restPointer(page);
    await wb.screenshot('docs/images/apply-account.png');
    await clickDialogButton(page, 'Update');
    await waitForNotification(page, /Event invoke config of order-processor \(us-east-1\) updated/);
    await closeNotifications(page);
    await waitChecked('config');

    await closeEditors();
    const mapping = path.join(wb.workspace, 'configs', 'orders-queue.event-source-mapping.json');
    fs.writeFileSync(mapping, fs.readFileSync(mapping, 'utf8').replace('"BatchSize": 10', '"BatchSize": 5'));
    await openFile('configs/orders-queue.event-source-mapping.json');
    await codeLens('Apply to AWS: Update Event Source Mapping').click({ timeout: 30_000 });
    await dialog(page).waitFor({ state: 'visible', timeout: 30_000 });
    const tab = page.locator('.part.editor .tab', { hasText: 'orders-queue → order-processor (us-east-1): current ↔ after Update' });
    await tab.first().waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await page.locator('.part.editor .tab', { hasText: /3f6c2a8e-/ }).count(), 0, 'no UUID in a tab title');
    await clickDialogButton(page, 'Cancel');
    await closeEditors();
  });

  it('mapping: Disable asks first (mapping, function, account), then the row and its tooltip say Disabled', async () => {
    const page = wb.page;
    await closeEditors();
    await showViews();
    await wb.runCommand(`${nls('category')}: ${nls('command.disableMapping')}`);
    await waitForPickItem(page, /SQS/);
    await page.keyboard.type('orders-queue');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'orders-queue (SQS)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'visible', timeout: 30_000 });
    const question = await dialog(page).innerText();
    assert.match(question, /Disable the event source mapping of orders-queue → order-processor \(us-east-1\)\?/);
    assert.match(question, new RegExp(`Account ${DEMO_ACCOUNT} \\(profile demo\\)`));
    assert.match(question, /lambdaWorkbench\.mappings\.confirmStateChange/);
    assert.equal(emulator.store.getMapping('3f6c2a8e-1b4d-4c7a-9e21-5a0d8b7c6e01')?.state, 'Enabled', 'nothing is sent before the answer');
    await restPointer(page);
    await wb.screenshot('docs/images/mapping-disable.png');
    await clickDialogButton(page, 'Disable');

    // The Event Source Mappings view: us-east-1, then the mapping's row and its tooltip.
    const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: nls('view.mappings') }) });
    const region = pane.locator('.monaco-list-row[role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: /^\s*us-east-1\s*$/ }) }).first();
    await region.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await region.getAttribute('aria-expanded')) !== 'true') {
      await region.click();
    }
    const row = pane.locator('.monaco-list-row[role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: /^\s*orders-queue \(SQS\)\s*$/ }) }).first();
    await row.filter({ has: page.locator('.label-description', { hasText: /^Disabled/ }) }).waitFor({ state: 'visible', timeout: 60_000 });
    const tooltip = await showHover(page, row, 'State: Disabled');
    assert.doesNotMatch(tooltip, /State: Enabled/);
    await restPointer(page);
  });
});
