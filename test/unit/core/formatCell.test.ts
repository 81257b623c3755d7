// The formatter's layout, on cells as a teacher types them; and every shipped lesson already formatted.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCell } from '../../../src/core/formatCell';
import { formatNotebook } from '../../../src/core/formatNotebook';

const cell = (...lines: string[]) => lines.join('\n');

describe('formatCell', () => {
  it('lays gate and dense lines on consecutive lines out as a table, keys in any order', () => {
    const typed = cell(
      'forget wx=1.75 wh = 3.25 b=1.40',
      'input  wx = 2.30    wh = 1.85 b = 0.45',
      'candidate wh = 0.35 wx = 0.45  b = -0.05',
      'output wx = -0.03 wh = 4.67 b = 0.50',
      'dense w = 2 b = 1',
    );
    expect(formatCell(typed)).toBe(
      cell(
        'forget     wx = 1.75   wh = 3.25  b = 1.40',
        'input      wx = 2.30   wh = 1.85  b = 0.45',
        'candidate  wh = 0.35   wx = 0.45  b = -0.05',
        'output     wx = -0.03  wh = 4.67  b = 0.50',
        'dense      w = 2       b = 1',
      ),
    );
  });

  it('puts one space around = and after commas, none inside brackets, and drops indentation and trailing spaces', () => {
    expect(formatCell(cell('  x=[1 ,2,3 ]   ', 'expect  h=[ 0.5,-1]within 0.01', 'step x=−0.5\t'))).toBe(
      cell('x = [1, 2, 3]', 'expect h = [0.5, -1] within 0.01', 'step x = −0.5'),
    );
  });

  it('aligns a matrix written one row a line, with the h and x columns of W apart', () => {
    const typed = cell('forget W = [[0.5, -0.3, 1.0, 0.2, -0.6],', '[0.1, 0.8, -0.5, 0.4, 0.3]] b = [1.0, 0.5]');
    expect(formatCell(typed)).toBe(
      cell(
        'forget     W = [[0.5, -0.3,   1.0, 0.2, -0.6],',
        '                [0.1,  0.8,  -0.5, 0.4,  0.3]]  b = [1.0, 0.5]',
      ),
    );
  });

  it('starts the settings after multi-line matrices in one column on consecutive gates', () => {
    const typed = cell(
      'forget W = [[1, 2, 3],',
      '[4, 5, 6]] b = [0, 0]',
      'input W = [[1, 2, 3],',
      '[-4, 5, 6]] b = [1, 1]',
    );
    expect(formatCell(typed)).toBe(
      cell(
        'forget     W = [[1, 2,  3],',
        '                [4, 5,  6]]   b = [0, 0]',
        'input      W = [[ 1, 2,  3],',
        '                [-4, 5,  6]]  b = [1, 1]',
      ),
    );
  });

  it('continues a vector just inside its bracket', () => {
    expect(formatCell(cell('run x = [0, 0.5,', '      0.25,   1]'))).toBe(
      cell('run x = [0, 0.5,', '         0.25, 1]'),
    );
  });

  it('keeps comments: a full-line one as written, one after code in its column while the code fits', () => {
    const typed = cell(
      '#                 h columns      x columns   ',
      'x = 1        # input x_t',
      'short=1      # short-term memory',
      'expect tanh_c = 0.99997 # tanh of it',
      'expect c = 5.62         # the new memory',
    );
    expect(formatCell(typed)).toBe(
      cell(
        '#                 h columns      x columns',
        'x = 1        # input x_t',
        'short = 1    # short-term memory',
        'expect tanh_c = 0.99997  # tanh of it',
        'expect c = 5.62          # the new memory',
      ),
    );
  });

  it('keeps CRLF line ends and blank lines, and never changes a number’s text', () => {
    expect(formatCell('x=1.50\r\n\r\nexpect x = 1.5e+00   \r\n')).toBe('x = 1.50\r\n\r\nexpect x = 1.5e+00\r\n');
  });

  it('leaves a cell with an error exactly as it is', () => {
    const broken = cell('forget wx=1  ', 'stpe');
    expect(formatCell(broken)).toBe(broken);
  });
});

describe('formatNotebook', () => {
  it('changes only code cell lines, keeping markdown, fences, a BOM and each line’s own ending', () => {
    const text = '\uFEFF# Title  \r\n\r\n```LSTM\r\nx=1\nforget wx=1 wh=2\r\n```\r\n\r\nText   with  spaces\n';
    expect(formatNotebook(text)).toEqual({
      text: '\uFEFF# Title  \r\n\r\n```LSTM\r\nx = 1\nforget     wx = 1  wh = 2\r\n```\r\n\r\nText   with  spaces\n',
      skipped: [],
    });
  });

  it('names the cells left as they were because of an error', () => {
    const text = 'Intro\n\n```lstm\nx=1\n```\n\n```lstm\nstpe  \n```\n';
    expect(formatNotebook(text)).toEqual({ text: text.replace('x=1', 'x = 1'), skipped: [8] });
  });
});

describe('the shipped lessons', () => {
  const LESSONS = resolve(__dirname, '../../../lessons');
  for (const file of readdirSync(LESSONS).filter((f) => f.endsWith('.lstm'))) {
    it(`${file} is formatted (lstm-notebook format --check passes)`, () => {
      const text = readFileSync(join(LESSONS, file), 'utf8');
      expect(formatNotebook(text)).toEqual({ text, skipped: [] });
    });
  }
});
