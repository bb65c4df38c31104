/**
 * What the UI tests do in the workbench the way a person does, on top of the harness
 * (test/harness/workbench.ts): menus, quick picks, dialogs, the output panel, the editor,
 * layout (side bar width, panel) for readable screenshots, and the frames of an animated GIF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/paths';

/** The English manifest strings (package.nls.json), e.g. `nls('command.invokeFile')`. */
export function nls(key: string): string {
  const table = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const value = table[key];
  if (value === undefined) {
    throw new Error(`package.nls.json has no key ${key}`);
  }
  return value;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text as the DOM renders it: no-break spaces made plain. */
function clean(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}

/** Moves the pointer to an empty corner so no hover effect shows in a screenshot. */
export async function restPointer(page: Page): Promise<void> {
  await page.mouse.move(1270, 790);
}

/** Drags the side bar's edge so the side bar is `width` pixels wide (tree descriptions then fit). */
export async function setSideBarWidth(page: Page, width: number): Promise<void> {
  const sash = page.locator('.monaco-sash.vertical.primary-sidebar-sash');
  const box = await sash.boundingBox();
  if (!box) {
    throw new Error('the side bar is not visible');
  }
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  const target = (sideBar?.x ?? 48) + width;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move((box.x + target) / 2, y, { steps: 4 });
  await page.mouse.move(target, y, { steps: 4 });
  await page.mouse.up();
  await restPointer(page);
}

/** Drags the edge between the first two panes of the side bar to `y` (gives the first view more room). */
export async function setFirstPaneBottom(page: Page, y: number): Promise<void> {
  const sash = page.locator('.part.sidebar .monaco-sash.horizontal:not(.disabled)').first();
  const box = await sash.boundingBox();
  if (!box) {
    return;
  }
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, (box.y + y) / 2, { steps: 4 });
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  await restPointer(page);
}

/** A row of the side bar's tree or list whose label is `label`. */
export function sideBarRow(page: Page, label: string | RegExp): Locator {
  const text = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label;
  return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: text }) }).first();
}

/** The visible rows of the side bar's trees, top to bottom, as "label description". */
export async function sideBarRows(page: Page): Promise<string[]> {
  return page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').evaluateAll((rows) =>
    rows.map((row) =>
      [row.querySelector('.label-name'), row.querySelector('.label-description')]
        .map((e) => (e?.textContent ?? '').replace(/\u00a0/g, ' ').trim())
        .filter(Boolean)
        .join(' '),
    ),
  );
}

/**
 * Shows the tooltip of `target` (a tree row) as a pointer resting on it does; returns its text
 * (Markdown tooltips render spaces as no-break spaces: made plain here). `text` is a string
 * because Playwright matches a RegExp against the raw text, with those no-break spaces.
 */
export async function showHover(page: Page, target: Locator, text: string): Promise<string> {
  const box = await target.boundingBox();
  if (!box) {
    throw new Error('the element to hover is not visible');
  }
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 40, y);
  await page.mouse.move(box.x + 60, y, { steps: 5 });
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: text }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  return clean(await hover.innerText());
}

/** Moves the text cursor of the focused editor to the end of line `line` (1-based). */
export async function cursorToEndOfLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('End');
}

/** Right-clicks `target` and waits for its context menu; returns the menu. */
export async function openContextMenu(page: Page, target: Locator): Promise<Locator> {
  await target.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  await menu.waitFor({ state: 'visible', timeout: 10_000 });
  return menu;
}

/** Clicks the item `label` of the open context menu. */
export async function clickMenuItem(page: Page, label: string): Promise<void> {
  const item = page.locator('.context-view .monaco-menu .action-item .action-label', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  await item.click();
  // A menu redrawn under the pointer (a context key changed as it opened) can swallow the
  // click, leaving the item highlighted: then choose it with the keyboard, as a person would.
  const menu = page.locator('.context-view .monaco-menu');
  if (await menu.isVisible().catch(() => false)) {
    await page.waitForTimeout(300);
    if (await menu.isVisible().catch(() => false)) {
      await item.hover();
      await page.keyboard.press('Enter');
    }
  }
}

export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

/** Waits for the quick pick to show a row containing `text`. */
export async function waitForPickItem(page: Page, text: string | RegExp, timeout = 30_000): Promise<Locator> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout });
  return row;
}

/** Types `filter` into the open quick pick and presses Enter once the item `label` is the focused one. */
export async function choosePickItem(page: Page, label: string, filter = label): Promise<void> {
  await waitForPickItem(page, label);
  await page.keyboard.type(filter);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row.focused')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Text of the lines a Monaco editor shows (`.view-line`s are not in DOM order: sorted by position). */
async function monacoLines(editor: Locator): Promise<string[]> {
  const lines = await editor.locator('.view-line').evaluateAll((els) => els.map((e) => [parseFloat((e as unknown as { style: { top: string } }).style.top) || 0, e.textContent ?? ''] as [number, string]));
  return lines.sort((a, b) => a[0] - b[0]).map(([, text]) => clean(text));
}

/** What the output panel shows now (the visible lines of the selected channel). */
export async function outputPanelText(page: Page): Promise<string> {
  return (await monacoLines(page.locator('.part.panel .monaco-editor').first())).join('\n');
}

/** What the active text editor shows now. */
export async function editorText(page: Page): Promise<string> {
  return (await monacoLines(page.locator('.part.editor .editor-instance .monaco-editor').first())).join('\n');
}

/** Waits until the text of the output panel matches every pattern; returns it. */
export async function waitForOutputPanel(page: Page, patterns: RegExp[], timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    text = await outputPanelText(page).catch(() => '');
    if (patterns.every((p) => p.test(text))) {
      return text;
    }
    if (Date.now() > deadline) {
      const missing = patterns.filter((p) => !p.test(text)).map(String);
      throw new Error(`The output panel does not show ${missing.join(', ')} after ${timeout} ms; it shows:\n${text}`);
    }
    await page.waitForTimeout(200);
  }
}

/**
 * The messages of the notification center, opened from the bell in the status bar. (With the
 * smoke-test driver the harness enables, VS Code shows no toasts: every notification goes
 * straight to the center.)
 */
export async function notifications(page: Page): Promise<string[]> {
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible())) {
    await page.locator('.part.statusbar #status\\.notifications').click();
    await center.waitFor({ state: 'visible', timeout: 10_000 });
  }
  return (await center.locator('.notification-list-item-message').allInnerTexts()).map(clean);
}

/** Closes the notification center if it is open. */
export async function closeNotifications(page: Page): Promise<void> {
  const center = page.locator('.notifications-center');
  if (await center.isVisible()) {
    await page.locator('.part.statusbar #status\\.notifications').click();
    await center.waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/** Waits for a notification whose message matches `text` (in the notification center). */
export async function waitForNotification(page: Page, text: RegExp, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await notifications(page)).find((n) => text.test(n));
    if (found) {
      return found;
    }
    if (Date.now() > deadline) {
      throw new Error(`No notification matches ${String(text)} after ${timeout} ms; shown: ${JSON.stringify(await notifications(page))}`);
    }
    await page.waitForTimeout(250);
  }
}

/** The modal dialog (a `showWarningMessage(..., { modal: true })`). */
export const dialog = (page: Page): Locator => page.locator('.monaco-dialog-box');

export async function clickDialogButton(page: Page, label: string): Promise<void> {
  await dialog(page)
    .locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) })
    .click();
  await dialog(page).waitFor({ state: 'hidden', timeout: 10_000 });
}

// ---------------------------------------------------------------------------------------
// Animated GIF from screenshots

/** Screenshots taken along a flow, assembled into an animated GIF by ImageMagick. */
export class Frames {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-frames-'));
  private readonly frames: Array<{ file: string; holdMs: number }> = [];

  constructor(private readonly page: Page) {}

  /** Takes a frame of the whole window, shown for `holdMs` in the GIF. */
  async add(holdMs = 1200): Promise<void> {
    const file = path.join(this.dir, `frame-${String(this.frames.length).padStart(3, '0')}.png`);
    // no frame in the middle of a fade-in
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    this.frames.push({ file, holdMs });
  }

  get count(): number {
    return this.frames.length;
  }

  /** Writes the GIF (relative paths against the repository); returns its path. */
  writeGif(file: string): string {
    const target = path.resolve(REPO_ROOT, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const convert = ensureImageMagick();
    const args: string[] = [];
    for (const f of this.frames) {
      // GIF delays are in hundredths of a second
      args.push('-delay', String(Math.round(f.holdMs / 10)), f.file);
    }
    args.push('-loop', '0', '+dither', '-layers', 'Optimize', target);
    execFileSync(convert, args, { stdio: 'pipe' });
    return target;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function isImageMagick(command: string): boolean {
  const r = spawnSync(command, ['-version'], { encoding: 'utf8' });
  return r.status === 0 && /ImageMagick/.test(r.stdout);
}

/**
 * ImageMagick's `convert` (Debian package `imagemagick`). Installed with apt-get when missing
 * and this process runs as root; otherwise the error says what to run.
 */
export function ensureImageMagick(): string {
  for (const candidate of ['/usr/bin/convert', 'convert']) {
    if (isImageMagick(candidate)) {
      return candidate;
    }
  }
  if (process.getuid?.() !== 0) {
    throw new Error('Making docs/images/invoke.gif needs ImageMagick: run `sudo apt-get install -y imagemagick`, then the UI tests again.');
  }
  console.log('      installing ImageMagick (apt-get install -y imagemagick) to assemble the GIF…');
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'imagemagick'], { stdio: 'pipe', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'pipe' });
    const second = install();
    if (second.status !== 0) {
      throw new Error(`apt-get install -y imagemagick failed:\n${second.stderr.toString()}`);
    }
  }
  if (!isImageMagick('/usr/bin/convert')) {
    throw new Error('ImageMagick was installed but /usr/bin/convert does not run');
  }
  return '/usr/bin/convert';
}
