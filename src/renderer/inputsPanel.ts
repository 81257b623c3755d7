// The "Inputs and weights" panel: every number the cell set as a draggable control, grouped as the
// cell writes them (owner and key), with the original value shown beside a changed one.
import { OWNER_WORDS } from '../core/literals';
import { html } from './dom';
import { MAX_MODEL_SLIDERS, modelOwnerName, type Explorer } from './explorer';
import type { ScrubControl } from './scrub';

export interface PanelActions {
  /** Present only where the output can talk to the extension (VS Code). */
  writeBack?: () => void;
}

export interface InputsPanel {
  element: HTMLElement;
  /** Updates the "was …" notes and the buttons after a change. */
  refresh(): void;
  /** Shows a message in the panel's live region. */
  say(message: string, kind?: 'info' | 'error'): void;
}

export function inputsPanel(explorer: Explorer, actions: PanelActions): InputsPanel {
  const groups = html('div', { class: 'inputs-groups' });
  const notes: Array<[ScrubControl, HTMLElement]> = [];
  let row: HTMLElement | undefined;
  let rowKey = '';
  let settingKey = '';
  explorer.literals.forEach((literal, k) => {
    const control = explorer.controls[k];
    // A row per statement, as the cell writes it: "forget gate  wx 1.75  wh 3.25  b 1.40".
    const key = `${literal.owner}/${literal.line}`;
    if (!row || key !== rowKey) {
      rowKey = key;
      settingKey = '';
      row = html('div', { class: 'inputs-row' }, html('span', { class: 'inputs-name' }, OWNER_WORDS[literal.owner]));
      groups.append(row);
    }
    if (literal.key !== 'value' && literal.key !== settingKey) {
      settingKey = literal.key;
      row.append(html('span', { class: 'inputs-key', 'aria-hidden': 'true' }, literal.key));
    }
    const was = html('span', { class: 'was', hidden: '' }, `was ${literal.text}`);
    notes.push([control, was]);
    row.append(html('span', { class: 'scrub-wrap' }, control.element, was));
  });
  const fromFile = modelRows(explorer, notes);
  const reset = html('button', { type: 'button', class: 'reset-all' }, 'Reset all');
  reset.addEventListener('click', () => explorer.resetAll());
  const buttons = html('div', { class: 'inputs-actions' }, reset);
  let write: HTMLButtonElement | undefined;
  if (actions.writeBack) {
    write = html('button', { type: 'button', class: 'write-back' }, 'Write into the cell');
    write.title = 'Put the changed numbers into the cell’s text and run it again';
    write.addEventListener('click', () => actions.writeBack?.());
    buttons.append(write);
  }
  const status = html('p', { class: 'inputs-status', role: 'status', 'aria-live': 'polite' });
  const hint = html(
    'p',
    { class: 'hint' },
    'Drag a number sideways, or focus it and use the arrow keys (Shift ×10, Alt ÷10), Home/End, or type a value. Escape restores it.',
  );
  const element = html(
    'section',
    { class: 'inputs' },
    html('h3', {}, 'Inputs and weights'),
    hint,
    groups,
    ...fromFile,
    buttons,
    status,
  );
  const refresh = (): void => {
    // Written only when they differ: a drag refreshes the panel every frame.
    for (const [control, was] of notes) if (was.hidden === control.changed) was.hidden = !control.changed;
    const changed = explorer.changed;
    if (reset.disabled === changed) reset.disabled = !changed;
    // Only numbers of the cell's text are written back: a file's weights stay as the file has them.
    const writable = explorer.textChanged;
    if (write && write.disabled === writable) write.disabled = !writable;
  };
  refresh();
  return {
    element,
    refresh,
    say: (message, kind = 'info') => {
      status.textContent = message;
      status.className = `inputs-status ${kind}`;
    },
  };
}

/** The loaded models' own weights, a row per layer and gate, under a heading that says they are the file's. */
function modelRows(explorer: Explorer, notes: Array<[ScrubControl, HTMLElement]>): HTMLElement[] {
  if (explorer.modelSize === 0) return [];
  if (explorer.modelControls.length === 0)
    return [
      html(
        'p',
        { class: 'hint' },
        `The ${explorer.modelSize} weights read from the file are not sliders: over ${MAX_MODEL_SLIDERS} (MAX_MODEL_SLIDERS). Write the ones to try in the cell after its load.`,
      ),
    ];
  const groups = html('div', { class: 'inputs-groups' });
  let row: HTMLElement | undefined;
  let rowKey = '';
  let key = '';
  explorer.modelNumbers.forEach((number, k) => {
    const control = explorer.modelControls[k];
    const name = modelOwnerName(number, explorer.layered);
    if (!row || rowKey !== `${number.load}/${name}`) {
      rowKey = `${number.load}/${name}`;
      key = '';
      row = html('div', { class: 'inputs-row' }, html('span', { class: 'inputs-name' }, name));
      groups.append(row);
    }
    if (number.key !== key) {
      key = number.key;
      row.append(html('span', { class: 'inputs-key', 'aria-hidden': 'true' }, number.key));
    }
    const was = html('span', { class: 'was', hidden: '' }, `was ${control.text()}`);
    notes.push([control, was]);
    row.append(html('span', { class: 'scrub-wrap' }, control.element, was));
  });
  const hint = html(
    'p',
    { class: 'hint' },
    'From the file: drag them to see what the trained network would do. Write into the cell does not change the file; to keep a weight, write it in the cell after its load.',
  );
  return [html('h4', {}, 'Weights read from the file'), hint, groups];
}
