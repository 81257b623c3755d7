// Pass/fail badges for the cell's `expect` lines. All payload text goes in as text.
import type { ExpectResult } from '../core/types';
import { html } from './dom';
import { formatNumber, formatVector } from './format';

export function expectBadges(expects: ExpectResult[]): HTMLElement {
  const list = html('ul', { class: 'badges', 'aria-label': 'expectations' });
  for (const result of expects) list.append(badge(result));
  return list;
}

function badge(result: ExpectResult): HTMLElement {
  const verdict = result.pass ? 'pass' : 'fail';
  const actual = result.actual ? formatVector(result.actual, 8) : 'not computed';
  const detail = result.pass
    ? `actual ${actual}`
    : `actual ${actual}, expected ${formatVector(result.expected, 8)} ± ${formatNumber(result.tolerance)}`;
  return html(
    'li',
    { class: `badge ${verdict}`, 'aria-label': `${verdict}: ${result.text}; ${detail}` },
    html('span', { class: 'verdict', 'aria-hidden': 'true' }, result.pass ? '✓ pass' : '✗ fail'),
    html('code', { class: 'expect-text' }, result.text),
    html('span', { class: 'actual' }, detail),
  );
}
