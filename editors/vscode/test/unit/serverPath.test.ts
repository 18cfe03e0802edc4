import { strict as assert } from 'assert';
import * as path from 'path';
import { test } from 'node:test';

import { findServer, whichOn } from '../../src/serverPath';

const LINUX = { platform: 'linux', arch: 'x64' };
const WINDOWS = { platform: 'win32', arch: 'x64' };

const probe = (files: string[], onPath?: string, target = 'linux-x64') => ({
  isFile: (f: string) => files.includes(f),
  which: () => onPath,
  target: (f: string) => (files.includes(f) ? target : undefined),
});

test('the setting wins when it names a file', () => {
  const found = findServer('/opt/t/transcript-ls', '/ext', LINUX, probe(['/opt/t/transcript-ls', '/ext/server/transcript-ls']));
  assert.deepEqual(found, { path: '/opt/t/transcript-ls', source: 'setting' });
});

test('a setting naming no file is an error that says which setting', () => {
  const found = findServer('/nowhere', '/ext', LINUX, probe([], '/usr/bin/transcript-ls'));
  assert.ok('error' in found && found.error.includes('transcript.server.path') && found.error.includes('/nowhere'));
});

test('the bundled binary comes before PATH', () => {
  const bundled = path.join('/ext', 'server', 'transcript-ls');
  assert.deepEqual(findServer('', '/ext', LINUX, probe([bundled], '/usr/bin/transcript-ls')), { path: bundled, source: 'bundled' });
  assert.deepEqual(findServer(undefined, '/ext', LINUX, probe([], '/usr/bin/transcript-ls')), { path: '/usr/bin/transcript-ls', source: 'PATH' });
});

test('Windows looks for transcript-ls.exe', () => {
  const bundled = path.join('C:/ext', 'server', 'transcript-ls.exe');
  assert.deepEqual(findServer('', 'C:/ext', WINDOWS, probe([bundled], undefined, 'win32-x64')), { path: bundled, source: 'bundled' });
});

test('nothing found says how to install', () => {
  const found = findServer('', '/ext', LINUX, probe([]));
  assert.ok('error' in found && found.error.includes('cargo install') && found.error.includes('transcript.server.path'));
});

test('whichOn walks PATH in order and skips empty entries', () => {
  const files = [path.join('/b', 'transcript-ls'), path.join('/c', 'transcript-ls')];
  assert.equal(whichOn('::/a:/b:/c', 'transcript-ls', ':', (f) => files.includes(f)), path.join('/b', 'transcript-ls'));
  assert.equal(whichOn('/a', 'transcript-ls', ':', () => false), undefined);
});

test('a bundled binary built for another platform gives way to PATH, saying why', () => {
  const bundled = path.join('/ext', 'server', 'transcript-ls');
  const found = findServer('', '/ext', { platform: 'darwin', arch: 'arm64' }, probe([bundled], '/usr/local/bin/transcript-ls'));
  assert.ok('path' in found);
  assert.equal(found.path, '/usr/local/bin/transcript-ls');
  assert.equal(found.source, 'PATH');
  assert.match(found.note ?? '', /built for linux-x64, not darwin-arm64/);
});

test('a foreign bundled binary and nothing on PATH is an error naming both', () => {
  const bundled = path.join('/ext', 'server', 'transcript-ls');
  const found = findServer('', '/ext', { platform: 'linux', arch: 'arm64' }, probe([bundled]));
  assert.ok('error' in found);
  assert.match(found.error, /built for linux-x64, not linux-arm64, and there is no transcript-ls on PATH/);
});

test('a bundled file that is no executable this knows is not run', () => {
  const bundled = path.join('/ext', 'server', 'transcript-ls');
  const unknown = { isFile: (f: string) => f === bundled, which: () => '/usr/bin/transcript-ls', target: () => undefined };
  const found = findServer('', '/ext', LINUX, unknown);
  assert.ok('path' in found && found.path === '/usr/bin/transcript-ls' && /unknown platform/.test(found.note ?? ''));
});
