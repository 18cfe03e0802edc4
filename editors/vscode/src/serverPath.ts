// Where the transcript-ls binary is: the `transcript.server.path` setting,
// else the binary bundled in the extension, else `transcript-ls` on PATH.
import * as path from 'path';

/** How the search looks at the machine (injected, so it can be tested). */
export interface Probe {
  isFile(file: string): boolean;
  /** The first `name` on PATH, if any. */
  which(name: string): string | undefined;
}

export type Found = { path: string; source: 'setting' | 'bundled' | 'PATH' } | { error: string };

/** The binary's file name on this platform. */
export function binaryName(platform: string): string {
  return platform === 'win32' ? 'transcript-ls.exe' : 'transcript-ls';
}

export function findServer(setting: string | undefined, extensionDir: string, platform: string, probe: Probe): Found {
  const name = binaryName(platform);
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
  if (probe.isFile(bundled)) {
    return { path: bundled, source: 'bundled' };
  }
  const onPath = probe.which(name);
  if (onPath) {
    return { path: onPath, source: 'PATH' };
  }
  return {
    error:
      `The transcript-ls server was not found (looked in ${bundled} and on PATH). ` +
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
