import { strict as assert } from 'node:assert';
import { LineMap } from '../../src/core';
import { checkText } from '../../src/cli/cli';
import { bundledKb } from './helpers';

describe('lines and columns', () => {
  it('end lines at LF, CRLF and a lone CR alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['one', 'two', '', 'four'].join(eol);
      const map = new LineMap(text);
      assert.equal(map.lineCount, 4, JSON.stringify(eol));
      assert.deepEqual(map.position(text.indexOf('four') + 2), { line: 3, column: 2 });
      assert.equal(map.lineStart(1), 3 + eol.length);
    }
  });

  it('put a finding in a lone-CR document on its own line, not line 1', () => {
    const [finding] = checkText(bundledKb(), 'cr.md', 'Intro.\r\rIt can cause paresthesia.\r');
    assert.equal(finding.rule, 'jargon');
    assert.deepEqual([finding.line, finding.column], [3, 14]);
  });
});
