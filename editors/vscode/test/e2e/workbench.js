// What a user does in VS Code and what they see, through the browser page
// code-server serves: keys typed, commands run from the palette, and the
// text of the status bar, the editor, the Problems panel, the outline, the
// hover and the quick-fix menu.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until `accept` takes its answer, and returns that answer;
 * after `timeoutMs`, fails saying what was awaited and what was last seen.
 */
async function waitFor(what, probe, accept = Boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    }
    await sleep(250);
  }
}

class Workbench {
  constructor(page) {
    this.page = page;
  }

  /** Waits for the workbench and its explorer to show the workspace's files. */
  async ready(fileName) {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await waitFor(`the explorer to list ${fileName}`, () =>
      this.page.evaluate((name) => [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].some((r) => r.textContent.includes(name)), fileName),
    );
  }

  async chord(modifiers, key) {
    for (const m of modifiers) {
      await this.page.keyboard.down(m);
    }
    await this.page.keyboard.press(key);
    for (const m of [...modifiers].reverse()) {
      await this.page.keyboard.up(m);
    }
  }

  /** The rows of the open quick input (palette, quick open), by their labels. */
  quickInputRows() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].map((r) => r.getAttribute('aria-label') ?? ''),
    );
  }

  async openQuickInput(open) {
    // The last quick input must be gone first, or what is typed goes to it.
    await this.page.waitForSelector('.quick-input-widget', { hidden: true });
    await open();
    await this.page.waitForSelector('.quick-input-widget .quick-input-box input', { visible: true });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), as a user would, and waits for its tab. */
  async openFile(name) {
    await this.openQuickInput(() => this.chord(['Control'], 'p'));
    await this.page.keyboard.type(name);
    await waitFor(`Quick Open to offer ${name}`, () => this.quickInputRows(), (rows) => rows.length > 0 && rows[0].startsWith(name));
    await this.page.keyboard.press('Enter');
    await waitFor(`the tab of ${name} to be active`, () => this.activeTab(), (tab) => tab === name);
  }

  /**
   * Replaces the user's settings as a user does: Preferences: Open User
   * Settings (JSON), select all, type, save, close. (code-server does not
   * notice the file written behind its back.) The settings must turn off
   * auto-closing and suggestions, so that what is typed is what is saved.
   */
  async editSettings(settings) {
    await this.command('Preferences: Open User Settings (JSON)');
    await waitFor('settings.json', () => this.activeTab(), (tab) => tab === 'settings.json');
    await this.focusEditor();
    await this.chord(['Control'], 'a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(JSON.stringify(settings));
    // Whatever an auto-closing pair left after the cursor.
    await this.chord(['Control', 'Shift'], 'End');
    await this.page.keyboard.press('Delete');
    await this.chord(['Control'], 's');
    await waitFor('settings.json saved', () =>
      this.page.evaluate(() => document.querySelector('.editor-group-container.active .tab.active')?.classList.contains('dirty')),
      (dirty) => dirty === false,
    );
    await this.chord(['Control'], 'w');
    await waitFor('settings.json closed', () => this.activeTab(), (tab) => tab !== 'settings.json');
  }

  /** Runs a command by its title from the Command Palette (F1). */
  async command(title) {
    await this.openQuickInput(() => this.page.keyboard.press('F1'));
    await this.page.keyboard.type(title);
    const matches = (label) => label === title || label.startsWith(`${title},`);
    const rows = await waitFor(`the palette to offer "${title}"`, () => this.quickInputRows(), (r) => r.some(matches));
    // Down to the row (recently used commands come first), then Enter.
    for (let i = 0; i < rows.findIndex(matches); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('.quick-input-widget', { hidden: true });
  }

  /** Waits for the keyboard focus to be in the active editor's text, clicking there when it is not. */
  async focusEditor() {
    const focused = () =>
      this.page.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor'));
    if (!(await focused())) {
      const text = await this.page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines', { visible: true });
      await text.click();
    }
    await waitFor('the focus in the editor', focused);
  }

  activeTab() {
    return this.page.evaluate(() => document.querySelector('.editor-group-container.active .tab.active')?.getAttribute('aria-label')?.split(',')[0] ?? null);
  }

  /** The language the status bar shows for the active editor. */
  languageMode() {
    return this.page.evaluate(() => document.getElementById('status.editor.mode')?.textContent?.trim() ?? null);
  }

  /** Waits for the status bar to show the language `mode`, and returns it. */
  waitForLanguage(mode) {
    return waitFor(`the language ${mode}`, () => this.languageMode(), (m) => m === mode);
  }

  /** Squiggles drawn in the active editor, by kind (error, warning, info). */
  squiggles(kind) {
    return this.page.evaluate(
      (k) => document.querySelectorAll(`.editor-group-container.active .monaco-editor .squiggly-${k}`).length,
      kind,
    );
  }

  /** The active editor's visible lines, top to bottom. */
  editorLines() {
    return this.page.evaluate(() => {
      const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      // The editor draws spaces as no-break spaces.
      return lines.map((l) => l.textContent.replace(/\u00a0/g, ' '));
    });
  }

  /** Moves the cursor with Go to Line (Ctrl+G). */
  async goTo(line, column) {
    await this.openQuickInput(() => this.chord(['Control'], 'g'));
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor(`the cursor at ${line}:${column}`, () =>
      this.page.evaluate(() => document.getElementById('status.editor.selection')?.textContent?.trim()),
      (text) => text === `Ln ${line}, Col ${column}`,
    );
  }

  /**
   * The Problems panel (Ctrl+Shift+M), as its rows read: per file, its name
   * and count badge; per problem, its message, source and code.
   */
  async problems() {
    const open = await this.page.evaluate(() => !!document.querySelector('.markers-panel'));
    if (!open) {
      await this.command('View: Focus Problems (Errors, Warnings, Infos)');
      await this.page.waitForSelector('.markers-panel', { visible: true });
    }
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => {
        const badge = r.querySelector('.monaco-count-badge');
        return badge
          ? { file: r.querySelector('.label-name')?.textContent ?? '', count: Number(badge.textContent) }
          : { message: r.querySelector('.marker-message-details, .marker-message')?.textContent ?? r.textContent, text: r.innerText.replace(/\n/g, ' ') };
      }),
    );
  }

  /** The Problems panel's count for one file (0 when the file has no row). */
  async problemCount(file) {
    const rows = await this.problems();
    return rows.find((r) => r.file === file)?.count ?? 0;
  }

  /** The outline of the active editor (Outline view), as its rows read, collapsed to the top level. */
  async outline() {
    await this.command('Explorer: Focus on Outline View');
    await this.page.waitForSelector('.outline-pane .monaco-list-row', { visible: true });
    // The view's own Collapse All button (the palette has no such command).
    const clicked = await this.page.evaluate(() => {
      const pane = document.querySelector('.outline-pane')?.closest('.pane');
      const button = pane?.querySelector('.pane-header .action-label[aria-label^="Collapse All"]');
      button?.click();
      return !!button;
    });
    if (!clicked) {
      throw new Error("no Collapse All button in the Outline view's title");
    }
    await sleep(300);
    return this.page.evaluate(() => [...document.querySelectorAll('.outline-pane .monaco-list-row')].map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** Shows the hover at the cursor (Show or Focus Hover) and returns its text. */
  async hover() {
    await this.command('Show or Focus Hover');
    return waitFor(
      'a hover',
      () => this.page.evaluate(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')].map((h) => h.innerText).join('\n')),
      (text) => text.trim().length > 0,
    );
  }

  /** Opens the quick-fix menu at the cursor (Ctrl+.) and returns its items' titles. */
  async quickFixes() {
    await this.chord(['Control'], '.');
    return waitFor(
      'the quick-fix menu',
      () => this.page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row.action')].map((r) => r.getAttribute('aria-label') ?? r.textContent)),
      (items) => items.length > 0,
    );
  }

  /** Picks an item of the open quick-fix menu by its title. */
  async pickQuickFix(title) {
    const items = await this.page.$$('.action-widget .monaco-list-row.action');
    for (const item of items) {
      if ((await item.evaluate((r) => r.getAttribute('aria-label'))) === title) {
        await item.click();
        return;
      }
    }
    throw new Error(`no quick fix titled ${title}`);
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
  }
}

module.exports = { Workbench, sleep, waitFor };
