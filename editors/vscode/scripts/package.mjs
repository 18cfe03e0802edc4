// Packages the extension with a server binary, for the platform that binary
// runs on: `npm run package [-- --server PATH] [-- --out FILE]`.
//
//   --server PATH  the transcript-ls binary to bundle; default: the
//                  repository's target/release/transcript-ls, built with
//                  cargo when it is missing.
//   --out FILE     the .vsix to write; default: transcript-ls-TARGET.vsix.
//
// Bundles the client (esbuild), copies the binary into server/ stripped of
// its symbols, reads which platform it is built for from its header and runs
// `vsce package --target` for that platform, so VS Code installs the package
// only where the server runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repository = path.resolve(here, '../..');

const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

const { values } = parseArgs({
  options: { server: { type: 'string' }, out: { type: 'string' } },
});

const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: 'inherit', cwd: here, ...options });

let server = values.server ? path.resolve(process.cwd(), values.server) : undefined;
if (!server) {
  const built = path.join(repository, 'target', 'release', process.platform === 'win32' ? 'transcript-ls.exe' : 'transcript-ls');
  if (!fs.existsSync(built)) {
    console.log(`package: ${built} is missing: building it (cargo build --release)`);
    try {
      run('cargo', ['build', '--release', '--locked', '--bin', 'transcript-ls'], { cwd: repository });
    } catch (e) {
      fail(`cannot build the server (${e.message}); build it, or pass --server PATH`);
    }
  }
  server = built;
}
if (!fs.statSync(server, { throwIfNoEntry: false })?.isFile()) {
  fail(`--server ${server}: no such file`);
}

// The compiled client: binaryTarget.ts is TypeScript, so ask esbuild for it
// too, as a module this script can import.
run('npx', ['--no-install', 'esbuild', 'src/binaryTarget.ts', '--format=esm', '--platform=node', '--outfile=out/binaryTarget.mjs', '--log-level=warning']);
const { binaryTarget, HEADER_BYTES } = await import(path.join(here, 'out', 'binaryTarget.mjs'));
const header = Buffer.alloc(HEADER_BYTES);
const fd = fs.openSync(server, 'r');
const read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
fs.closeSync(fd);
let target = binaryTarget(header.subarray(0, read));
if (!target) {
  fail(`${server} is no executable this script knows (ELF, Mach-O or PE for x64, arm64, ia32 or arm)`);
}
if (target === 'darwin-universal') {
  fail(`${server} is a universal macOS binary: package it once per target with a thin binary`);
}

run('npm', ['run', '--silent', 'build']);

const name = target.startsWith('win32-') ? 'transcript-ls.exe' : 'transcript-ls';
fs.rmSync(path.join(here, 'server'), { recursive: true, force: true });
fs.mkdirSync(path.join(here, 'server'));
const bundled = path.join(here, 'server', name);
// Symbols are a quarter of the binary and of no use to a user.
const before = fs.statSync(server).size;
try {
  execFileSync('strip', ['-o', bundled, server], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch (e) {
  console.warn(`package: strip failed (${String(e.stderr ?? e.message).trim()}): bundling the binary as it is`);
  fs.copyFileSync(server, bundled);
}
fs.chmodSync(bundled, 0o755);
const after = fs.statSync(bundled).size;
const mb = (n) => (n / 1e6).toFixed(1);
console.log(`package: server ${server} (${target}), ${mb(before)} MB -> ${mb(after)} MB`);

const out = values.out ? path.resolve(process.cwd(), values.out) : path.join(here, `transcript-ls-${target}.vsix`);
run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--target', target, '--out', out]);
