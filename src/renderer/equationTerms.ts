// Terms of a typeset equation (σ, W_f, h_{t−1}, C̃_t, ⊙, "short-term memory" …) as hover targets for
// the linked views. Each term's TeX is wrapped in \textcolor with a colour that names it (allowed with
// trust: false); after typesetting, the coloured spans get the term's link keys and their colour back.
import type { Notation } from '../common/payload';
import type { EquationKey } from './equations';
import { describe, gateWords, type Term } from './glossary';
import { termLink } from './linkedViews';
import { text } from './tex';
import { isGateSymbol } from '../core/vocabulary';

/** The terms an equation shows, each with the TeX it is written as in either notation. */
function termsOf(key: EquationKey, notation: Notation): Array<[string, Term]> {
  const tex = (term: Term): [string, Term] => [describe(term).tex, term];
  const words = (phrase: string, term: Term): [string, Term] => [text(phrase), term];
  if (isGateSymbol(key)) {
    const gate = key;
    const sub = describe({ id: 'W', gate }).tex.slice(2);
    const act: Term = { id: gate === 'g' ? 'tanh' : 'sigma' };
    const W: Term = { id: 'W', gate };
    const b: Term = { id: 'b', gate };
    const common: Array<[string, Term]> = [tex(act), tex({ id: gate }), tex({ id: 'x' }), tex({ id: 'h_prev' })];
    if (notation === 'symbols') return [...common, tex(W), tex(b), [`W_{${sub},x}`, W], [`W_{${sub},h}`, W]];
    return [
      ...common,
      words(gateWords(gate), { id: gate }),
      words('input', { id: 'x' }),
      words('short-term memory', { id: 'h_prev' }),
      words('bias', b),
      words('weights', W),
      ['w_x', W],
      ['w_h', W],
    ];
  }
  const state: Array<[string, Term]> = [
    words('forget gate', { id: 'f' }),
    words('input gate', { id: 'i' }),
    words('output gate', { id: 'o' }),
    words('potential memory', { id: 'g' }),
    words('long-term memory', { id: 'c_prev' }),
    words('new long-term memory', { id: 'c' }),
    words('new short-term memory', { id: 'h' }),
  ];
  const symbols: Record<'c' | 'h' | 'y', Term[]> = {
    c: [{ id: 'f' }, { id: 'c_prev' }, { id: 'i' }, { id: 'g' }, { id: 'odot' }, { id: 'c' }],
    h: [{ id: 'o' }, { id: 'tanh' }, { id: 'c' }, { id: 'odot' }, { id: 'h' }],
    y: [{ id: 'W_y' }, { id: 'h' }, { id: 'b_y' }, { id: 'y' }],
  };
  const extra: Array<[string, Term]> =
    key === 'y' ? [words('weight', { id: 'W_y' }), words('bias', { id: 'b_y' })] : [];
  return [...symbols[key].map(tex), ...(notation === 'words' ? [...state, ...extra] : [])];
}

const escape = (tex: string): string => tex.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

interface TermPattern {
  pattern: RegExp;
  index: Map<string, number>;
  terms: Term[];
}

/** By equation and notation: every frame of a drag marks the same terms again. */
const patterns = new Map<string, TermPattern>();

function termPattern(key: EquationKey, notation: Notation): TermPattern {
  const known = patterns.get(`${key} ${notation}`);
  if (known) return known;
  const entries = termsOf(key, notation).sort((a, b) => b[0].length - a[0].length);
  const made: TermPattern = {
    pattern: new RegExp(entries.map(([snippet]) => escape(snippet)).join('|'), 'g'),
    index: new Map(entries.map(([snippet], k) => [snippet, k])),
    terms: entries.map(([, term]) => term),
  };
  patterns.set(`${key} ${notation}`, made);
  return made;
}

/** The TeX with the equation's terms coloured by index; and the terms, to read the colours back. */
export function markTerms(tex: string, key: EquationKey, notation: Notation): { tex: string; terms: Term[] } {
  // A drag's frames mark the same TeX (its numbers are sentinels) again and again.
  const memo = `${key} ${notation}\n${tex}`;
  const known = marked.get(memo);
  if (known) return known;
  if (marked.size >= 64) marked.clear();
  const result = markAll(tex, key, notation);
  marked.set(memo, result);
  return result;
}

const marked = new Map<string, { tex: string; terms: Term[] }>();

function markAll(tex: string, key: EquationKey, notation: Notation): { tex: string; terms: Term[] } {
  const { pattern, index, terms } = termPattern(key, notation);
  const marked = tex.replace(pattern, (snippet) => {
    const k = index.get(snippet) ?? 0;
    return `\\textcolor{#0b${k.toString(16).padStart(4, '0')}}{${snippet}}`;
  });
  return { tex: marked, terms };
}

/** The term index a colour encodes (rgb() as browsers report it, or hex). */
function termOfColour(colour: string): number | undefined {
  const rgb = /^rgb\(\s*11,\s*(\d+),\s*(\d+)\s*\)$/.exec(colour);
  if (rgb) return Number(rgb[1]) * 256 + Number(rgb[2]);
  const hex = /^#0b([0-9a-f]{4})$/i.exec(colour);
  return hex ? parseInt(hex[1], 16) : undefined;
}

/** Gives the typeset terms their link keys and drops the marker colours. */
export function tagTerms(math: Element, terms: Term[]): void {
  for (const element of math.querySelectorAll('.katex-html [style*="color"]')) {
    if (!(element instanceof HTMLElement)) continue;
    const k = termOfColour(element.style.color);
    if (k === undefined) continue;
    element.style.removeProperty('color');
    const term = terms[k];
    if (!term) continue;
    for (const [name, value] of Object.entries(termLink(term))) element.setAttribute(name, value);
    element.classList.add('eq-term');
  }
}

/** The marker wrappers of numbers (#0a…) and terms (#0b…). */
const MARKER = /^\\textcolor\{#0[ab][0-9a-f]{4}\}\{/;

/** The TeX without the markers, by one pass with a stack: "\textcolor{#0a0001}{1.75}" → "1.75". */
export function unmarkedTex(tex: string): string {
  let out = '';
  const stack: boolean[] = [];
  for (let k = 0; k < tex.length; k++) {
    const match = tex.startsWith('\\textcolor{#0', k) ? MARKER.exec(tex.slice(k, k + 21)) : null;
    if (match) {
      stack.push(true);
      k += match[0].length - 1;
    } else if (tex[k] === '{') {
      stack.push(false);
      out += '{';
    } else if (tex[k] === '}') {
      if (!stack.pop()) out += '}';
    } else out += tex[k];
  }
  return out;
}
