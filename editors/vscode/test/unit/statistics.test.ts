import { strict as assert } from 'assert';
import { test } from 'node:test';

import { lineOfByte, report, Statistics } from '../../src/statistics';

const speaker = (name: string, turns: number, words: number, asked = 0, answered = 0) => ({
  speaker: name,
  turns,
  words,
  questions_asked: asked,
  questions_answered: answered,
});

test('the report gives the totals and a row per speaker in the order the server gives', () => {
  const stats: Statistics = {
    turns: 3,
    words: 40,
    speakers: [speaker('Putin', 2, 30, 1, 0), speaker('A|B', 1, 10, 0, 1)],
    records: [{ record: 1, start: 0, speakers: [] }],
  };
  const text = report('memcon.txt', stats, () => 1);
  assert.ok(text.startsWith('# Speakers in memcon.txt\n\n3 turns, 40 words\n'), text);
  assert.ok(text.includes('| Putin | 2 | 30 | 1 | 0 |\n| A\\|B | 1 | 10 | 0 | 1 |'), text);
  assert.ok(!text.includes('## Record'), 'one record: no per-record tables');
});

test('a file of several records gets a table per record, named by its line', () => {
  const stats: Statistics = {
    turns: 2,
    words: 5,
    speakers: [speaker('Q', 2, 5)],
    records: [
      { record: 1, start: 0, speakers: [speaker('Q', 1, 2)] },
      { record: 2, start: 120, speakers: [] },
    ],
  };
  const text = report('compilation.txt', stats, (offset) => (offset === 120 ? 9 : 1));
  assert.ok(text.includes('## Record 1 (line 1)\n\n| speaker'), text);
  assert.ok(text.includes('## Record 2 (line 9)\n\nNo speaker turns.'), text);
});

test('byte offsets count UTF-8 bytes, as the server does', () => {
  const text = 'Ça\nb\nc';
  assert.equal(lineOfByte(text, 0), 1);
  // "Ça\n" is four bytes.
  assert.equal(lineOfByte(text, 4), 2);
  assert.equal(lineOfByte(text, 6), 3);
});
