// Mermaid source of the gate diagram for one step, every node and edge labelled with its live value.
// Pure. Labels are built from formatted numbers and fixed words only, and escaped anyway, so nothing
// from the payload can become mermaid syntax (directives, links, HTML).
import type { Notation } from '../common/payload';
import type { StepTrace, Vector } from '../core/types';
import { formatVector } from './format';
import { describe, type Term, type TermId } from './glossary';

/** A node drawn by mermaid, for tooltips: its mermaid id and the term it shows. */
export interface DiagramNode {
  id: string;
  term: Term;
  value: string;
}

export interface DiagramSource {
  source: string;
  nodes: DiagramNode[];
}

type Shape = 'state' | 'gate' | 'op';

interface NodeSpec {
  key: string;
  term: Term;
  shape: Shape;
  /** Text of an operation node (⊙, +, tanh); other nodes show their name and value. */
  op?: string;
  values?: Vector;
}

const ACTIVATION: Partial<Record<TermId, string>> = { f: 'σ', i: 'σ', g: 'tanh', o: 'σ' };

export function diagramSource(step: StepTrace, notation: Notation, prefix: string): DiagramSource {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(prefix)) throw new Error('diagram id prefix must be alphanumeric');
  const specs = nodeSpecs(step);
  const id = (key: string): string => `${prefix}_${key}`;
  // Top to bottom: readable at its natural size in a notebook's narrow output column.
  const lines = ['flowchart TB'];
  for (const spec of specs) lines.push(`  ${id(spec.key)}${shaped(spec.shape, nodeLabel(spec, notation))}`);
  for (const [from, to, values] of edges(step)) {
    const label = values ? `|"${escapeLabel(formatVector(values))}"|` : '';
    lines.push(`  ${id(from)} -->${label} ${id(to)}`);
  }
  const byShape = (shape: Shape): string =>
    specs
      .filter((s) => s.shape === shape)
      .map((s) => id(s.key))
      .join(',');
  lines.push('  classDef gate stroke-width:2px', '  classDef op stroke-width:1px');
  lines.push(`  class ${byShape('gate')} gate`, `  class ${byShape('op')} op`, `  class ${byShape('state')} state`);
  const nodes = specs.map((spec) => ({
    id: id(spec.key),
    term: spec.term,
    value: spec.values ? formatVector(spec.values) : describe(spec.term).words,
  }));
  return { source: lines.join('\n'), nodes };
}

/**
 * The numbers the drawn diagram shows, to update in place: [node id, value] and [mermaid edge data-id,
 * value]; and `values`, every node's value as its tooltip and spoken label give it (an operation's too).
 */
export function diagramNumbers(
  step: StepTrace,
  prefix: string,
): { nodes: string[][]; edges: string[][]; values: Map<string, string> } {
  const specs = nodeSpecs(step);
  const nodes = specs
    .filter((spec) => spec.values && !spec.op)
    .map((spec) => [`${prefix}_${spec.key}`, formatVector(spec.values ?? [])]);
  const edgeList = edges(step).filter(([, , values]) => values);
  return {
    values: new Map(
      specs.filter((spec) => spec.values).map((spec) => [`${prefix}_${spec.key}`, formatVector(spec.values ?? [])]),
    ),
    nodes,
    edges: edgeList.map(([from, to, values]) => [`L_${prefix}_${from}_${prefix}_${to}_0`, formatVector(values ?? [])]),
  };
}

function nodeSpecs(step: StepTrace): NodeSpec[] {
  const specs: NodeSpec[] = [
    { key: 'x', term: { id: 'x' }, shape: 'state', values: step.x },
    { key: 'hp', term: { id: 'h_prev' }, shape: 'state', values: step.h_prev },
    { key: 'cp', term: { id: 'c_prev' }, shape: 'state', values: step.c_prev },
    { key: 'cat', term: { id: 'concat' }, shape: 'op', op: '[h, x]' },
    { key: 'f', term: { id: 'f' }, shape: 'gate', values: step.f },
    { key: 'i', term: { id: 'i' }, shape: 'gate', values: step.i },
    { key: 'g', term: { id: 'g' }, shape: 'gate', values: step.g },
    { key: 'o', term: { id: 'o' }, shape: 'gate', values: step.o },
    { key: 'keep', term: { id: 'fc' }, shape: 'op', op: '⊙', values: step.fc },
    { key: 'add', term: { id: 'ig' }, shape: 'op', op: '⊙', values: step.ig },
    { key: 'sum', term: { id: 'c' }, shape: 'op', op: '+', values: step.c },
    { key: 'c', term: { id: 'c' }, shape: 'state', values: step.c },
    { key: 'tc', term: { id: 'tanh_c' }, shape: 'op', op: 'tanh', values: step.tanh_c },
    { key: 'out', term: { id: 'h' }, shape: 'op', op: '⊙', values: step.h },
    { key: 'h', term: { id: 'h' }, shape: 'state', values: step.h },
  ];
  if (step.y) {
    specs.push(
      { key: 'dense', term: { id: 'W_y' }, shape: 'op', op: 'dense' },
      { key: 'y', term: { id: 'y' }, shape: 'state', values: step.y },
    );
  }
  return specs;
}

/** [from, to, the value flowing along the edge]. */
function edges(step: StepTrace): Array<[string, string, Vector | undefined]> {
  const list: Array<[string, string, Vector | undefined]> = [
    ['hp', 'cat', step.h_prev],
    ['x', 'cat', step.x],
    ['cat', 'f', step.z.f],
    ['cat', 'i', step.z.i],
    ['cat', 'g', step.z.g],
    ['cat', 'o', step.z.o],
    ['cp', 'keep', step.c_prev],
    ['f', 'keep', step.f],
    ['i', 'add', step.i],
    ['g', 'add', step.g],
    ['keep', 'sum', step.fc],
    ['add', 'sum', step.ig],
    ['sum', 'c', undefined],
    ['c', 'tc', step.c],
    ['tc', 'out', step.tanh_c],
    ['o', 'out', step.o],
    ['out', 'h', undefined],
  ];
  if (step.y) list.push(['h', 'dense', step.h], ['dense', 'y', undefined]);
  return list;
}

function nodeLabel(spec: NodeSpec, notation: Notation): string {
  if (spec.op) return escapeLabel(spec.op);
  const text = describe(spec.term);
  const name = notation === 'words' ? text.words : unicodeSymbol(text.symbol);
  const activation = ACTIVATION[spec.term.id];
  const heading = activation ? `${name} ${activation}` : name;
  return `${escapeLabel(heading)}<br/>${escapeLabel(formatVector(spec.values ?? []))}`;
}

function shaped(shape: Shape, label: string): string {
  if (shape === 'op') return `(("${label}"))`;
  if (shape === 'gate') return `["${label}"]`;
  return `(["${label}"])`;
}

const SUBSCRIPTS: Record<string, string> = { t: 'ₜ', '-': '₋', '+': '₊', '0': '₀', '1': '₁', '2': '₂' };

/** "h_t-1" → "hₜ₋₁" for the diagram, whose labels are plain text. */
export function unicodeSymbol(symbol: string): string {
  return symbol.replace(/_([t0-9+-]+)/g, (_, sub: string) => [...sub].map((ch) => SUBSCRIPTS[ch] ?? ch).join(''));
}

/** Characters kept as they are in a mermaid label; everything else becomes a `#code;` entity. */
const SAFE = /[A-Za-z0-9 .,:()[\]+=×·…σ⊙ₜ₋₊₀₁₂-]|\u0303/u;

/** Escapes a label for mermaid: no quotes, brackets of markup, `%%` directives or HTML survive. */
export function escapeLabel(label: string): string {
  return [...label].map((ch) => (SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}
