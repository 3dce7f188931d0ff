import assert from 'node:assert/strict';
import { detectHeading, parseNotes, tokenize } from '../../server/src/core/notes';
import { quoteUntrusted } from '../../server/src/core/explain';

/**
 * Every regular expression that sees notes text, fed backtracking-hostile lines: a marker that
 * starts a pattern, a long run of what an inner quantifier accepts, and a character that makes
 * the final anchor fail. A backtracking pattern takes seconds per line here; mocha's timeout
 * (set low below) is the hang detector, the assertions only check the output stays sane.
 */
const PREFIXES = ['# a', '## ', '###### x ', '--a', '== a', '---a---', '**a', '- **a', '__a', '  -- a', '|', '```', '1.', 'a', ''];
const FILLERS = [' ', '\t', '#', ':', ': ', '-', '=', '- ', '*', ' #', '~', 'a ', '\u00a0'];
const SUFFIXES = ['x', '', '*', '--x', '=', ':x', '**x'];

function* hostileLines(run: number): Generator<string> {
  for (const p of PREFIXES) for (const f of FILLERS) for (const s of SUFFIXES) yield p + f.repeat(Math.ceil(run / f.length)) + s;
}

describe('notes text under adversarial input (no regex hang)', () => {
  it('detects headings in linear time on hostile lines', function () {
    this.timeout(5000);
    for (const line of hostileLines(4000)) {
      const h = detectHeading(line);
      if (h) assert.ok(h.title.length <= 120, line.slice(0, 20));
    }
  });

  it('parses the issue-16 file (three `# a` + 3,990 spaces + `x` lines) and other hostile files', function () {
    this.timeout(5000);
    const issue = Array.from({ length: 3 }, () => '# a' + ' '.repeat(3990) + 'x').join('\n');
    const passages = parseNotes('hostile.md', issue);
    assert.ok(passages.every((p) => p.text.length < 5000));
    for (const f of FILLERS) {
      const text = PREFIXES.map((p) => p + f.repeat(3990) + 'x').join('\n');
      parseNotes('hostile.md', text);
    }
  });

  it('quotes and tokenizes hostile lines quickly', function () {
    this.timeout(5000);
    for (const line of hostileLines(2000)) {
      assert.ok(quoteUntrusted(line).startsWith('> '));
      tokenize(line);
    }
  });
});
