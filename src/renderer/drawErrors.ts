// The errors an output met while drawing: each part that fails shows its error in its place, the rest
// still renders, and the 'rendered' message lists them all.
import { html } from './dom';

export class DrawErrors {
  readonly messages: string[] = [];

  /** Builds a part; if it throws, the error shows in its place. */
  safely(what: string, build: () => HTMLElement): HTMLElement {
    try {
      return build();
    } catch (error) {
      return this.shown(`Drawing the ${what} failed`, error);
    }
  }

  safelyAll(what: string, build: () => Element[]): Element[] {
    try {
      return build();
    } catch (error) {
      return [this.shown(`Drawing the ${what} failed`, error)];
    }
  }

  /** Records the error and returns the element that shows it. */
  shown(what: string, error: unknown): HTMLElement {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.messages.push(message);
    return html('div', { class: 'error', role: 'alert' }, message);
  }

  /** Records a message once. */
  add(message: string): void {
    if (!this.messages.includes(message)) this.messages.push(message);
  }
}
