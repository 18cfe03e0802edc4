// The VS Code side of transcript-ls: starts the language server for the
// `transcript` language and adds three commands.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

import { binaryTarget, HEADER_BYTES } from './binaryTarget';
import { findServer, whichOn } from './serverPath';
import { lineOfByte, report, SERVER_COMMAND, Statistics } from './statistics';

let client: LanguageClient | undefined;

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

async function start(context: vscode.ExtensionContext): Promise<void> {
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
    const choice = await vscode.window.showErrorMessage(found.error, 'Open Settings');
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'transcript.server.path');
    }
    return;
  }
  if (found.note) {
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
    documentSelector: [{ language: 'transcript' }],
    // Sends `transcript.*` settings (rule severities) on change.
    synchronize: {
      configurationSection: 'transcript',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/transcript.toml'),
    },
    outputChannelName: 'Transcript',
  };
  client = new LanguageClient('transcript', 'Transcript', serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('transcript.restartServer', async () => {
      if (client) {
        await client.stop();
        client = undefined;
      }
      await start(context);
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
      if (!editor || editor.document.languageId !== 'transcript' || !client) {
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
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
