import { strict as assert } from 'assert';
import { test } from 'node:test';

import { report, turnsPerSpeaker } from '../../src/statistics';

const turn = (name: string) => ({ name, kind: 24 });

test('turns are counted per speaker, most first', () => {
  const symbols = [{ name: 'Header', kind: 3, children: [{ name: 'SUBJECT', kind: 8 }] }, turn('Putin'), turn('The President'), turn('Putin')];
  assert.deepEqual(turnsPerSpeaker(symbols), [['Putin', 2], ['The President', 1]]);
});

test('a QUESTION exchange counts itself and its answers', () => {
  const symbols = [{ name: 'QUESTION', kind: 3, children: [turn('SECRETARY RICE'), turn('SECRETARY GATES')] }, { name: 'QUESTION', kind: 3, children: [turn('SECRETARY RICE')] }];
  assert.deepEqual(turnsPerSpeaker(symbols), [['QUESTION', 2], ['SECRETARY RICE', 2], ['SECRETARY GATES', 1]]);
});

test('the report is a Markdown table with a total', () => {
  const text = report('memcon.txt', [turn('A|B'), turn('C')]);
  assert.ok(text.startsWith('# Speakers in memcon.txt\n\n2 turns\n'));
  assert.ok(text.includes('| A\\|B | 1 |'));
});
