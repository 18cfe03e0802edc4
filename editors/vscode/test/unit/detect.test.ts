import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';

import { isDetectedFile, looksLikeTranscript } from '../../src/detect';

const lines = (text: string) => text.split(/\r?\n/);

test('a memcon heading anywhere in the first 200 lines is a transcript', () => {
  assert.ok(looksLikeTranscript(lines('SECRET\n\nMEMORANDUM OF CONVERSATION\n')));
  assert.ok(looksLikeTranscript(lines('MEMORANDUM OF TELEPHONE CONVERSATION')));
  const late = [...Array(200).fill('plain prose'), 'MEMORANDUM OF CONVERSATION'];
  assert.ok(!looksLikeTranscript(late));
});

test('SUBJECT: needs PARTICIPANTS: to make a transcript', () => {
  assert.ok(looksLikeTranscript(lines('SUBJECT: Arms control\nPARTICIPANTS: The President\n')));
  assert.ok(!looksLikeTranscript(lines('SUBJECT: Minutes of the board\nDATE: today\n')));
});

test('three speaker labels in capitals make a transcript, two do not', () => {
  const three = 'SECRETARY RICE: Good morning.\n**QUESTION:** Thank you.\nMR. MCCORMACK: Next.\n';
  assert.ok(looksLikeTranscript(lines(three)));
  assert.ok(!looksLikeTranscript(lines('SECRETARY RICE: Good morning.\nQUESTION: Thank you.\n')));
});

test('prose, Markdown and lower-case labels are not transcripts', () => {
  const readme = '# Notes\n\nNote: this is fine.\nTODO: more.\nWarning: x\nA: one letter\nB: two\nC: three\n';
  assert.ok(!looksLikeTranscript(lines(readme)));
  // A label needs text after it on its line.
  assert.ok(!looksLikeTranscript(lines('QUESTION:\nANSWER:\nQUESTION:\n')));
});

test('the samples that are .txt and .md files are transcripts', () => {
  const samples = path.resolve(__dirname, '../../../../../fixtures/samples');
  const files = fs.readdirSync(samples).filter(isDetectedFile);
  assert.ok(files.length > 0, `no .txt or .md sample in ${samples}`);
  for (const file of files) {
    assert.ok(looksLikeTranscript(lines(fs.readFileSync(path.join(samples, file), 'utf8'))), file);
  }
});

test('only .txt and .md files are looked at', () => {
  assert.ok(isDetectedFile('/a/Memcon.TXT'));
  assert.ok(isDetectedFile('briefing.md'));
  assert.ok(!isDetectedFile('notes.markdown'));
  assert.ok(!isDetectedFile('x.transcript'));
});
