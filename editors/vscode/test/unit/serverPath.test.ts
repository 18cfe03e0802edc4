import { strict as assert } from 'assert';
import * as path from 'path';
import { test } from 'node:test';

import { findServer, whichOn } from '../../src/serverPath';

const probe = (files: string[], onPath?: string) => ({
  isFile: (f: string) => files.includes(f),
  which: () => onPath,
});

test('the setting wins when it names a file', () => {
  const found = findServer('/opt/t/transcript-ls', '/ext', 'linux', probe(['/opt/t/transcript-ls', '/ext/server/transcript-ls']));
  assert.deepEqual(found, { path: '/opt/t/transcript-ls', source: 'setting' });
});

test('a setting naming no file is an error that says which setting', () => {
  const found = findServer('/nowhere', '/ext', 'linux', probe([], '/usr/bin/transcript-ls'));
  assert.ok('error' in found && found.error.includes('transcript.server.path') && found.error.includes('/nowhere'));
});

test('the bundled binary comes before PATH', () => {
  const bundled = path.join('/ext', 'server', 'transcript-ls');
  assert.deepEqual(findServer('', '/ext', 'linux', probe([bundled], '/usr/bin/transcript-ls')), { path: bundled, source: 'bundled' });
  assert.deepEqual(findServer(undefined, '/ext', 'linux', probe([], '/usr/bin/transcript-ls')), { path: '/usr/bin/transcript-ls', source: 'PATH' });
});

test('Windows looks for transcript-ls.exe', () => {
  const bundled = path.join('C:/ext', 'server', 'transcript-ls.exe');
  assert.deepEqual(findServer('', 'C:/ext', 'win32', probe([bundled])), { path: bundled, source: 'bundled' });
});

test('nothing found says how to install', () => {
  const found = findServer('', '/ext', 'linux', probe([]));
  assert.ok('error' in found && found.error.includes('cargo install') && found.error.includes('transcript.server.path'));
});

test('whichOn walks PATH in order and skips empty entries', () => {
  const files = [path.join('/b', 'transcript-ls'), path.join('/c', 'transcript-ls')];
  assert.equal(whichOn('::/a:/b:/c', 'transcript-ls', ':', (f) => files.includes(f)), path.join('/b', 'transcript-ls'));
  assert.equal(whichOn('/a', 'transcript-ls', ':', () => false), undefined);
});
