import { strict as assert } from 'assert';
import * as fs from 'fs';
import { test } from 'node:test';

import { binaryTarget, runsOn } from '../../src/binaryTarget';

/** An ELF header: class 64, `data` 1 (little) or 2 (big), OS ABI, machine. */
function elf(machine: number, osabi = 0, data = 1): Uint8Array {
  const b = Buffer.alloc(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, data, 1, osabi]);
  if (data === 1) {
    b.writeUInt16LE(machine, 18);
  } else {
    b.writeUInt16BE(machine, 18);
  }
  return b;
}

function machO(cpu: number): Uint8Array {
  const b = Buffer.alloc(32);
  b.writeUInt32BE(0xcffaedfe, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}

function pe(machine: number): Uint8Array {
  const b = Buffer.alloc(0x90);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  return b;
}

test('ELF headers name Linux (or FreeBSD) and the machine', () => {
  assert.equal(binaryTarget(elf(62)), 'linux-x64');
  assert.equal(binaryTarget(elf(183)), 'linux-arm64');
  assert.equal(binaryTarget(elf(183, 0, 2)), 'linux-arm64');
  assert.equal(binaryTarget(elf(62, 9)), 'freebsd-x64');
  assert.equal(binaryTarget(elf(0x1234)), undefined);
});

test('Mach-O and PE headers name macOS and Windows', () => {
  assert.equal(binaryTarget(machO(0x01000007)), 'darwin-x64');
  assert.equal(binaryTarget(machO(0x0100000c)), 'darwin-arm64');
  assert.equal(binaryTarget(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])), 'darwin-universal');
  assert.equal(binaryTarget(pe(0x8664)), 'win32-x64');
  assert.equal(binaryTarget(pe(0xaa64)), 'win32-arm64');
});

test('text, truncated headers and a PE offset past the end are no target', () => {
  assert.equal(binaryTarget(Buffer.from('#!/bin/sh\necho transcript-ls\n')), undefined);
  assert.equal(binaryTarget(elf(62).subarray(0, 10)), undefined);
  const short = pe(0x8664).subarray(0, 0x50);
  assert.equal(binaryTarget(short), undefined);
  assert.equal(binaryTarget(new Uint8Array()), undefined);
});

test('the Node running this test is an executable of its own platform', () => {
  const header = fs.readFileSync(process.execPath).subarray(0, 4096);
  const target = binaryTarget(header);
  assert.ok(target && runsOn(target, process.platform, process.arch), `${target} on ${process.platform}-${process.arch}`);
});

test('a binary runs only on its own platform and architecture', () => {
  assert.ok(runsOn('linux-x64', 'linux', 'x64'));
  assert.ok(!runsOn('linux-x64', 'linux', 'arm64'));
  assert.ok(!runsOn('linux-x64', 'darwin', 'x64'));
  assert.ok(runsOn('darwin-universal', 'darwin', 'arm64'));
  assert.ok(!runsOn('darwin-universal', 'linux', 'x64'));
});
