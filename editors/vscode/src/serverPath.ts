// Where the transcript-ls binary is: the `transcript.server.path` setting,
// else the binary bundled in the extension when it is built for this
// machine, else `transcript-ls` on PATH.
import * as path from 'path';

import { runsOn, Target } from './binaryTarget';

/** How the search looks at the machine (injected, so it can be tested). */
export interface Probe {
  isFile(file: string): boolean;
  /** The first `name` on PATH, if any. */
  which(name: string): string | undefined;
  /** The target an executable was built for (binaryTarget.ts), if known. */
  target(file: string): Target | undefined;
}

/** This machine, in Node's names (`process.platform`, `process.arch`). */
export interface Machine {
  platform: string;
  arch: string;
}

export type Found =
  | {
      path: string;
      source: 'setting' | 'bundled' | 'PATH';
      /** Why the bundled binary was passed over, when it was. */
      note?: string;
    }
  | { error: string };

/** The binary's file name on this platform. */
export function binaryName(platform: string): string {
  return platform === 'win32' ? 'transcript-ls.exe' : 'transcript-ls';
}

export function findServer(setting: string | undefined, extensionDir: string, machine: Machine, probe: Probe): Found {
  const name = binaryName(machine.platform);
  const configured = (setting ?? '').trim();
  if (configured !== '') {
    if (probe.isFile(configured)) {
      return { path: configured, source: 'setting' };
    }
    return {
      error:
        `transcript.server.path is set to "${configured}", but there is no file there. ` +
        'Fix the setting, or clear it to use the bundled server or the one on your PATH.',
    };
  }
  const bundled = path.join(extensionDir, 'server', name);
  let note: string | undefined;
  if (probe.isFile(bundled)) {
    const target = probe.target(bundled);
    if (target !== undefined && runsOn(target, machine.platform, machine.arch)) {
      return { path: bundled, source: 'bundled' };
    }
    note =
      `The bundled server (${bundled}) is built for ${target ?? 'an unknown platform'}, ` +
      `not ${machine.platform}-${machine.arch}`;
  }
  const onPath = probe.which(name);
  if (onPath) {
    return note ? { path: onPath, source: 'PATH', note: `${note}: using ${onPath} from PATH.` } : { path: onPath, source: 'PATH' };
  }
  return {
    error:
      (note ? `${note}, and there is no transcript-ls on PATH. ` : `The transcript-ls server was not found (looked in ${bundled} and on PATH). `) +
      'Install it with `cargo install --locked --path server` from the transcript-ls repository, ' +
      'or set transcript.server.path to the binary.',
  };
}

/** Looks `name` up on a PATH string. */
export function whichOn(pathVariable: string, name: string, separator: string, isFile: (f: string) => boolean): string | undefined {
  for (const dir of pathVariable.split(separator)) {
    if (dir === '') {
      continue;
    }
    const candidate = path.join(dir, name);
    if (isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}
