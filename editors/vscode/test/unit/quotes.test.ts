import { strict as assert } from 'assert';
import { test } from 'node:test';

import { quoteForDisplay, requoteAction, requoteDiagnostic } from '../../src/quotes';

test('backtick pairs become typographic quotes; a lone backtick stays', () => {
  assert.equal(quoteForDisplay('`18-25-2025` is not a date that exists'), '\u201c18-25-2025\u201d is not a date that exists');
  assert.equal(quoteForDisplay("Add `Sukhodrev` to the project's words"), "Add \u201cSukhodrev\u201d to the project's words");
  assert.equal(quoteForDisplay('`a` and `b`'), '\u201ca\u201d and \u201cb\u201d');
  assert.equal(quoteForDisplay('a ` alone'), 'a ` alone');
  assert.equal(quoteForDisplay('no quotes'), 'no quotes');
});

test('a diagnostic and its related places are rewritten', () => {
  const d = requoteDiagnostic({ message: '`Putin:` is not in PARTICIPANTS', relatedInformation: [{ message: 'labelled `PUTIN:` here' }] });
  assert.equal(d.message, '\u201cPutin:\u201d is not in PARTICIPANTS');
  assert.equal(d.relatedInformation?.[0].message, 'labelled \u201cPUTIN:\u201d here');
});

test('a code action title, its command and the diagnostics it fixes are rewritten', () => {
  const a = requoteAction({
    title: 'Replace with `SALT II`',
    diagnostics: [{ message: '`SALT 11` is a misspelt treaty name' }],
    command: { title: 'Run `x`' },
  });
  assert.equal(a.title, 'Replace with \u201cSALT II\u201d');
  assert.equal(a.diagnostics?.[0].message, '\u201cSALT 11\u201d is a misspelt treaty name');
  assert.equal(typeof a.command === 'object' && a.command.title, 'Run \u201cx\u201d');
});
