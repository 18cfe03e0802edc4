// The VS Code side of transcript-ls: starts the language server for the
// `transcript` language, opens `.txt` and `.md` transcripts as that language,
// and adds four commands.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, Middleware, ServerOptions, State, vsdiag } from 'vscode-languageclient/node';

import { binaryTarget, HEADER_BYTES } from './binaryTarget';
import { diffTitle, NO_EDITION, OTHER_EDITION_COMMAND, OtherEdition } from './editions';
import { isDetectedFile, LINES, looksLikeTranscript } from './detect';
import { requoteAction, requoteDiagnostic } from './quotes';
import { findServer, whichOn } from './serverPath';
import { lineOfByte, report, SERVER_COMMAND, Statistics } from './statistics';

const LANGUAGE = 'transcript';

let client: LanguageClient | undefined;
/** One output channel for every client this session starts, so a restart does not add another. */
let output: vscode.OutputChannel | undefined;
/** The start under way, so that two documents opened at once start one server. */
let starting: Promise<void> | undefined;

const isFile = (f: string): boolean => {
  try {
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
};

const targetOf = (f: string): string | undefined => {
  try {
    const fd = fs.openSync(f, 'r');
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      const read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
      return binaryTarget(header.subarray(0, read));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
};

/**
 * Shows the server's text as VS Code shows plain text: quoted spans in
 * typographic quotes instead of backticks (quotes.ts). Hovers are Markdown
 * and keep theirs.
 */
const middleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    next(uri, diagnostics.map(requoteDiagnostic));
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const result = await next(document, previousResultId, token);
    if (result && result.kind === vsdiag.DocumentDiagnosticReportKind.full) {
      result.items.forEach(requoteDiagnostic);
    }
    return result;
  },
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    return actions?.map(requoteAction);
  },
  async resolveCodeAction(item, token, next) {
    const resolved = await next(item, token);
    return resolved ? requoteAction(resolved) : resolved;
  },
};

/**
 * The language client, except that the server's clean exit (code 0, after
 * `shutdown` and `exit`: "Restart Server", closing the window) is logged as
 * information; the library logs every exit as an error.
 */
class TranscriptClient extends LanguageClient {
  error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    if (message === 'Server process exited with code 0.') {
      this.info('The server stopped (exit code 0).');
      return;
    }
    super.error(message, data, showNotification);
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  output ??= vscode.window.createOutputChannel('Transcript');
  const setting = vscode.workspace.getConfiguration('transcript').get<string>('server.path');
  const found = findServer(
    setting,
    context.extensionPath,
    { platform: process.platform, arch: process.arch },
    {
      isFile,
      which: (name) => whichOn(process.env.PATH ?? '', name, path.delimiter, isFile),
      target: targetOf,
    },
  );
  if ('error' in found) {
    output.appendLine(found.error);
    const choice = await vscode.window.showErrorMessage(found.error, 'Open Settings');
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'transcript.server.path');
    }
    return;
  }
  if (found.note) {
    output.appendLine(found.note);
    void vscode.window.showWarningMessage(found.note);
  }
  if (found.source === 'bundled' && process.platform !== 'win32') {
    // Unpacking a .vsix may drop the executable bit.
    try {
      fs.chmodSync(found.path, 0o755);
    } catch {
      // read-only install: the bit is usually there already
    }
  }
  const serverOptions: ServerOptions = { command: found.path, args: ['--stdio'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE }],
    // Sends `transcript.*` settings (rule severities) on change.
    synchronize: {
      configurationSection: 'transcript',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/transcript.toml'),
    },
    outputChannel: output,
    middleware,
  };
  client = new TranscriptClient('transcript', 'Transcript', serverOptions, clientOptions);
  await client.start();
}

/** Starts the server once, when the first transcript is open. */
function ensureStarted(context: vscode.ExtensionContext): Promise<void> {
  if (client || starting) {
    return starting ?? Promise.resolve();
  }
  starting = start(context).finally(() => {
    starting = undefined;
  });
  return starting;
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.state !== State.Stopped) {
    await running.stop();
  }
}

/**
 * Opens `.txt` and `.md` transcripts as Transcript (bug: VS Code's own
 * association of those extensions wins over `firstLine`). A document is
 * looked at once while it stays open, so a language the user picks
 * afterwards stays: VS Code changes a language by closing the document and
 * opening it again at once. A document closed for good (no reopening
 * within `FORGET_MS`, e.g. the side of a diff editor that was shut) is
 * looked at anew the next time it opens.
 */
function detectContent(context: vscode.ExtensionContext): void {
  const FORGET_MS = 1000;
  const seen = new Set<string>();
  const forgetting = new Map<string, ReturnType<typeof setTimeout>>();
  const look = async (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    const pending = forgetting.get(key);
    if (pending !== undefined) {
      clearTimeout(pending);
      forgetting.delete(key);
    }
    if (seen.has(key) || !isDetectedFile(document.fileName)) {
      return;
    }
    if (document.languageId !== 'plaintext' && document.languageId !== 'markdown') {
      return;
    }
    seen.add(key);
    if (!vscode.workspace.getConfiguration('transcript', document).get<boolean>('detectContent', true)) {
      return;
    }
    const lines: string[] = [];
    for (let i = 0; i < Math.min(document.lineCount, LINES); i++) {
      lines.push(document.lineAt(i).text);
    }
    if (looksLikeTranscript(lines)) {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE);
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void look(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      if (seen.has(key) && !forgetting.has(key)) {
        forgetting.set(
          key,
          setTimeout(() => {
            forgetting.delete(key);
            seen.delete(key);
          }, FORGET_MS),
        );
      }
    }),
    { dispose: () => forgetting.forEach((t) => clearTimeout(t)) },
  );
  vscode.workspace.textDocuments.forEach((d) => void look(d));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('transcript.restartServer', async () => {
      await stop();
      await ensureStarted(context);
    }),
    vscode.commands.registerCommand('transcript.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.sourceAction', {
        kind: 'source.fixAll.transcript',
        apply: 'first',
      });
    }),
    // Not the server's own command id, which the client registers itself
    // (two registrations of one id stop the client from starting).
    vscode.commands.registerCommand('transcript.showSpeakerStatistics', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE || !client) {
        void vscode.window.showInformationMessage('Open a transcript first.');
        return;
      }
      const document = editor.document;
      const stats = await client.sendRequest<Statistics>('workspace/executeCommand', {
        command: SERVER_COMMAND,
        arguments: [document.uri.toString()],
      });
      const text = document.getText();
      const doc = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: report(path.basename(document.fileName), stats, (offset) => lineOfByte(text, offset)),
      });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    }),
    vscode.commands.registerCommand('transcript.compareEditions', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE || !client) {
        void vscode.window.showInformationMessage('Open a transcript first.');
        return;
      }
      const current = editor.document.uri.toString();
      const answer = await client.sendRequest<OtherEdition>('workspace/executeCommand', {
        command: OTHER_EDITION_COMMAND,
        arguments: [current],
      });
      if (!answer?.uri) {
        void vscode.window.showInformationMessage(NO_EDITION);
        return;
      }
      await vscode.commands.executeCommand(
        'vscode.diff',
        vscode.Uri.parse(answer.uri),
        editor.document.uri,
        diffTitle(answer.uri, current),
      );
    }),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === LANGUAGE) {
        void ensureStarted(context);
      }
    }),
  );
  detectContent(context);
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE)) {
    await ensureStarted(context);
  }
}

export async function deactivate(): Promise<void> {
  await stop();
}
