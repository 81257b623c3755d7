// The header's button that shows the equations and the diagram in words or in symbols.
import type { Notation } from '../common/payload';
import { html } from './dom';

/** A button that flips the notation, starting from `initial`, and calls `changed` with the new one. */
export function notationToggle(initial: Notation, changed: (notation: Notation) => void): HTMLElement {
  let notation = initial;
  const button = html('button', { class: 'notation', type: 'button' });
  const label = (): void => {
    const words = notation === 'words';
    button.textContent = words ? 'Show symbols' : 'Show words';
    button.setAttribute('aria-label', words ? 'Show the equations in symbols' : 'Show the equations in words');
  };
  label();
  button.addEventListener('click', () => {
    notation = notation === 'words' ? 'symbols' : 'words';
    label();
    changed(notation);
  });
  return button;
}
