import { strict as assert } from 'node:assert';
import { test } from 'node:test';

import { diffTitle } from '../../src/editions';

test('the diff title names both editions, the other first', () => {
  assert.equal(
    diffTitle('file:///a/web/2007-10-12.md', 'file:///a/scan/2007%2010%2012.txt'),
    '2007-10-12.md \u2194 2007 10 12.txt (editions)',
  );
});
