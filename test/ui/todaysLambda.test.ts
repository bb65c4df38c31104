/**
 * UI: today's Lambda in the real workbench (code-server + Chromium), the extension installed
 * as from its .vsix and pointed at the emulator, driven as a person does:
 * - tenant isolation: invoke tenant-notes from the palette, type the tenant id in the input
 *   box; the output shows it, and the payload's CodeLens then names the tenant;
 * - the whole log: invoke chatty-logger, click the notification's Show Full Log, read START
 *   to REPORT in the editor; Tail Logs from the tree's context menu, the status-bar item,
 *   Stop Tailing Logs;
 * - response streaming: invoke story-streamer and read the output panel while the story
 *   arrives, before the block's outcome line, then the outcome.
 * Saves docs/images/tenant-invoke.png, full-log.png, tail-logs.png and streaming.png.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Emulator } from '../emulator';
import type { Workbench } from '../harness/workbench';
import { closeWalkthrough, demoSession } from './session';
import {
  choosePickItem,
  clickMenuItem,
  closeNotifications,
  editorText,
  escapeRegExp,
  nls,
  openContextMenu,
  outputPanelText,
  quickInput,
  restPointer,
  setSideBarWidth,
  waitForPickItem,
  waitForNotification,
  waitForOutputPanel,
} from './support';

const STORY_FIRST = 'Once upon a time, a function wanted to answer before it was done.';
const STORY_LAST = 'The end.';
/** story-streamer writes a line, then pauses this long: slow enough to read the panel between lines on a busy machine. */
const STORY_INTERVAL_MS = 700;

describe("UI: today's Lambda (tenant ids, the full log and live tail, response streaming)", function () {
  this.timeout(300_000);
  const session = demoSession();
  let emulator: Emulator;
  let wb: Workbench;

  before(async () => {
    ({ emulator, wb } = session.started());
    fs.writeFileSync(path.join(wb.workspace, 'payloads', 'story-slow.json'), `{\n  "intervalMs": ${STORY_INTERVAL_MS}\n}\n`);
    // The walkthrough opens on the first activation (it would take the focus from the palette): let it come, then close it.
    await wb.page.getByText(nls('walkthrough.title'), { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await closeWalkthrough(wb);
    await wb.openView();
    await setSideBarWidth(wb.page, 400);
    // (tenant-notes is below the fold of the view: the first functions say the tree is there.)
    await wb.waitForTreeItem('chatty-logger', { timeout: 60_000 });
  });

  afterEach(async function () {
    const page = wb.page;
    if (this.currentTest?.state === 'failed') {
      // What the window showed, for the one reading the failure.
      const file = path.join(os.tmpdir(), `todays-lambda-failed-${Date.now()}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      console.log(`      the window at the failure: ${file}`);
    }
    await page.keyboard.press('Escape');
    await closeNotifications(page).catch(() => undefined);
    await wb.closeEditors();
  });

  /** Invoke Function… from the palette: the function, `$LATEST` when a qualifier is offered, the payload file. */
  async function invokeFromPalette(page: Page, functionName: string, payload: string): Promise<void> {
    await wb.runCommand(nls('command.invoke'));
    // The list is longer than the pick shows: filter first (as a person types), then take the row.
    await waitForPickItem(page, /\S/, 60_000);
    await page.keyboard.type(functionName);
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row.focused')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(functionName)}\\s*$`) }) })
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const item = (label: string) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) });
    await item('$LATEST').or(item(payload)).first().waitFor({ state: 'visible', timeout: 60_000 });
    if (await item('$LATEST').isVisible()) {
      await page.keyboard.press('Enter');
    }
    await choosePickItem(page, payload);
  }

  /** Shows the extension's view (its activity-bar icon hides the side bar when the view is showing already). */
  async function showView(): Promise<void> {
    if (!(await wb.viewTitle('Functions').isVisible())) {
      await wb.openView();
    }
  }

  /** Opens tenant-note.json by Quick Open, as a person does: its CodeLens names tenant-notes and the remembered tenant. */
  async function assertTenantLens(page: Page): Promise<void> {
    await page.keyboard.press('Control+P');
    await quickInput(page).waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('tenant-note.json');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'tenant-note.json' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const lens = page.locator('.part.editor .codelens-decoration', { hasText: 'tenant acme' }).first();
    await lens.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match((await lens.innerText()).replace(/\u00a0/g, ' '), /Invoke tenant-notes \(us-east-1\) · tenant acme/);
  }

  /** The channel's blocks of `functionName` (each from its `===` header), newest last. */
  function blocksOf(text: string, functionName: string): string[] {
    return text.split(/\n(?==== )/).filter((b) => b.startsWith(`=== ${functionName} (`));
  }

  it('tenant isolation: invoke tenant-notes from the palette, type the tenant id; the output shows it and the CodeLens names the tenant', async () => {
    const page = wb.page;
    const before = blocksOf(await wb.readOutputChannel('Lambda Invocations'), 'tenant-notes').length;
    await invokeFromPalette(page, 'tenant-notes', 'payloads/tenant-note.json');
    // The tenant id input box, titled for the function.
    const box = quickInput(page).locator('.quick-input-box input');
    await quickInput(page).filter({ hasText: 'Tenant ID for tenant-notes' }).waitFor({ state: 'visible', timeout: 60_000 });
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('acme');
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });

    const latest = async () => blocksOf(await wb.readOutputChannel('Lambda Invocations'), 'tenant-notes');
    let block = '';
    await waitForCondition(async () => {
      const blocks = await latest();
      block = blocks.at(-1) ?? '';
      return blocks.length > before && /^[✔✖⊘■] .*\s*$/m.test(block.trimEnd().split('\n').at(-1) ?? '');
    }, 'the tenant-notes block to end', 90_000);
    const lines = block.trimEnd().split('\n');
    assert.equal(lines[1], '✔ Succeeded', block);
    assert.equal(lines[2], 'Payload: payloads/tenant-note.json (56 bytes)', block);
    assert.equal(lines[3], 'Tenant ID: acme', block);
    assert.equal(lines[lines.length - 1], '✔ Succeeded', block);
    assert.equal(emulator.store.invocations.at(-1)?.tenantId, 'acme', 'the emulator ran it for tenant acme');

    // What a person sees: the panel, maximized so the whole block shows.
    await wb.showOutputChannel('Lambda Invocations');
    await wb.runCommand('View: Toggle Maximized Panel');
    await waitForOutputPanel(page, [/^=== tenant-notes \(us-east-1\) · RequestResponse · /m, /^Tenant ID: acme$/m, /^✔ Succeeded$/m], 30_000);
    await wb.runCommand('View: Toggle Maximized Panel');

    // The payload file, opened by Quick Open: its CodeLens names the remembered tenant.
    await assertTenantLens(page);
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/tenant-invoke.png');
  });

  it('the whole log: invoke chatty-logger, click Show Full Log in the notification; the editor holds START to REPORT', async () => {
    const page = wb.page;
    await invokeFromPalette(page, 'chatty-logger', 'payloads/big-logs.json');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    const message = await waitForNotification(page, /^chatty-logger \(us-east-1\): Succeeded/, 90_000);
    const item = page.locator('.notifications-center .notification-list-item').filter({ hasText: message }).last();
    const button = item.locator('.monaco-button', { hasText: /^\s*Show Full Log\s*$/ });
    // The buttons show on the item that has the focus or the pointer.
    await item.hover();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await button.click();

    // A read-only log editor: the header, then START … REPORT of that request.
    const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
    await page.locator('.part.editor .tab', { hasText: /\.log/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    let top = '';
    await waitForCondition(async () => /^Complete: START to REPORT, \d+ events\.$/m.test((top = await editorText(page).catch(() => ''))), 'the full log editor', 90_000);
    const requestId = /^=== chatty-logger \(us-east-1\) · RequestResponse · ([0-9a-f-]{36}) ===$/m.exec(top)?.[1];
    assert.ok(requestId, `the header names the request:\n${top}`);
    assert.match(top, /^Log group: \/aws\/lambda\/chatty-logger$/m);
    const events = Number(/^Complete: START to REPORT, (\d+) events\.$/m.exec(top)?.[1]);
    assert.ok(events > 400, `every line of the log (${events} events)`);
    assert.match(top, new RegExp(`^START RequestId: ${requestId} Version: \\$LATEST$`, 'm'));
    // The picture: the log editor alone.
    await closeNotifications(page);
    await wb.runCommand('View: Hide Panel');
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/full-log.png');
    // The end of the document: the REPORT line.
    await editor.click();
    await page.keyboard.press('Control+End');
    let bottom = '';
    await waitForCondition(async () => new RegExp(`^REPORT RequestId: ${requestId}\\s+Duration: `, 'm').test((bottom = await editorText(page).catch(() => ''))), 'the REPORT line at the end', 30_000).catch(() => {
      throw new Error(`no REPORT line at the end of the full log; the editor shows:\n${bottom}`);
    });
  });

  it('live tail: Tail Logs from the tree context menu shows "Tailing chatty-logger" in the status bar; Stop Tailing Logs removes it', async () => {
    const page = wb.page;
    await showView();
    const row = await wb.waitForTreeItem('chatty-logger', { timeout: 60_000 });
    await openContextMenu(page, row);
    await clickMenuItem(page, nls('command.tailLogs'));
    const status = page.locator('.part.statusbar .statusbar-item', { hasText: 'Tailing chatty-logger' });
    await status.waitFor({ state: 'visible', timeout: 60_000 });
    await waitForNotification(page, /CloudWatch Logs Live Tail is billed per minute of session/, 30_000);
    await closeNotifications(page);
    // New events arrive in the function's tail channel.
    await invokeFromPalette(page, 'chatty-logger', 'payloads/hello.json');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.showOutputChannel('Lambda Tail: chatty-logger (us-east-1)');
    await waitForOutputPanel(page, [/REPORT RequestId: /], 90_000);
    // The channel's own log file holds it too (its name has a colon, which the file name leaves out).
    await wb.waitForOutput('Lambda Tail: chatty-logger (us-east-1)', /REPORT RequestId: /, { timeout: 30_000 });
    await restPointer(page);
    await page.waitForTimeout(300);
    await wb.screenshot('docs/images/tail-logs.png');

    await wb.runCommand(nls('command.stopTail'));
    await status.waitFor({ state: 'hidden', timeout: 30_000 });
    assert.equal(await page.locator('.part.statusbar .statusbar-item', { hasText: /Tailing/ }).count(), 0, 'no tail is left running');
    await page.keyboard.press('Control+J'); // hide the panel
  });

  it('response streaming: invoke story-streamer; the panel shows the first lines before the outcome line, then ✔ at the end', async () => {
    const page = wb.page;
    await wb.showOutputChannel('Lambda Invocations');
    await wb.runCommand('View: Toggle Maximized Panel');
    await invokeFromPalette(page, 'story-streamer', 'payloads/story-slow.json');

    // While it streams: the block of this invocation shows the story's first line and no outcome yet.
    const current = (text: string) => text.slice(Math.max(0, text.lastIndexOf('=== story-streamer (us-east-1)')));
    let midStream = '';
    await waitForCondition(
      async () => {
        const text = await outputPanelText(page).catch(() => '');
        midStream = current(text);
        return text.includes('=== story-streamer (us-east-1)') && midStream.includes(STORY_FIRST);
      },
      'the first line of the story in the panel',
      90_000,
    );
    assert.doesNotMatch(midStream, /^[✔✖⊘■] /m, `no outcome yet while the story streams:\n${midStream}`);
    assert.ok(!midStream.includes(STORY_LAST), `the story is not over:\n${midStream}`);
    await restPointer(page);
    await wb.screenshot('docs/images/streaming.png');

    // The end: the whole story, then the outcome.
    const done = await waitForOutputPanel(page, [/^✔ Streamed 523 bytes in 10 chunks$/m], 90_000);
    const block = current(done);
    assert.ok(block.indexOf(STORY_FIRST) < block.indexOf(STORY_LAST), block);
    assert.ok(block.indexOf(STORY_LAST) < block.indexOf('✔ Streamed'), block);
    await wb.runCommand('View: Toggle Maximized Panel');
  });

  it('after Reload Window (the state is saved without holding up an invoke): the payload file still names its function and tenant, and Invoke Again sends the last invocation', async () => {
    const page = wb.page;
    const streamsBefore = blocksOf(await wb.readOutputChannel('Lambda Invocations'), 'story-streamer').length;
    await wb.runCommand('Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
    // The payload file invoked with tenant acme in the first test: its CodeLens, from the saved pairing.
    await wb.closeEditors();
    await assertTenantLens(page);
    // The last invocation of the window before the reload was story-streamer's: Invoke Again sends it.
    await wb.runCommand(`${nls('category')}: ${nls('command.invokeAgain')}`);
    await waitForCondition(
      async () => blocksOf(await wb.readOutputChannel('Lambda Invocations'), 'story-streamer').some((b, i) => i >= streamsBefore && /^✔ Streamed 523 bytes in 10 chunks$/m.test(b)),
      'a new story-streamer block, streamed to its end, after the reload',
      120_000,
    );
  });
});

async function waitForCondition(check: () => Promise<boolean>, what: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Waited ${timeout} ms for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
