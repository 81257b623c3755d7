// Heatmaps of a vector cell's gates and memories over time (LSTMVis-style): one canvas each for f, i,
// C̃, o, C and h, a row per unit and a column per step. Hover shows the value and the step; a click
// goes to that step. Canvas, not SVG: H = 1024 over 200 steps is 200k cells. Each canvas has one pixel
// per cell, scaled up by CSS (pixelated); the step shown in full is framed by an element over it, so
// choosing a step repaints no pixel.
import type { StepTrace } from '../core/types';
import { html } from './dom';
import { formatNumber } from './format';

type Quantity = 'f' | 'i' | 'g' | 'o' | 'c' | 'h';

const QUANTITIES: Array<{ key: Quantity; name: string; signed: boolean }> = [
  { key: 'f', name: 'forget gate f', signed: false },
  { key: 'i', name: 'input gate i', signed: false },
  { key: 'g', name: 'potential memory C̃', signed: true },
  { key: 'o', name: 'output gate o', signed: false },
  { key: 'c', name: 'long-term memory C', signed: true },
  { key: 'h', name: 'short-term memory h', signed: true },
];

/** Canvas width and height the cells are fitted into (each cell at least one pixel). */
const MAX_WIDTH = 320;
const MAX_HEIGHT = 256;

type Rgb = [number, number, number];

/** Reads a CSS colour (a theme variable) as RGB through a probe element inside the output. */
function themeColour(host: Element, css: string): Rgb {
  const probe = html('span', { style: `color: ${css}; display: none` });
  host.append(probe);
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
  probe.remove();
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [128, 128, 128];
}

/** Shades from a to b, one RGBA pixel each (little-endian, as every platform a browser runs on). */
const SHADES = 1024;

function shades(a: Rgb, b: Rgb): Uint32Array {
  const table = new Uint32Array(SHADES + 1);
  for (let k = 0; k <= SHADES; k++) {
    const channel = (c: number): number => Math.round(a[c] + ((b[c] - a[c]) * k) / SHADES);
    table[k] = ((255 << 24) | (channel(2) << 16) | (channel(1) << 8) | channel(0)) >>> 0;
  }
  return table;
}

export interface Heatmaps {
  element: HTMLElement;
  /** Draws the steps, marking the one shown in full. */
  draw(steps: readonly StepTrace[], current: number): void;
}

function setStyle(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) {
    if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
  }
}

export function heatmaps(onPick: (index: number) => void): Heatmaps {
  const readout = html('p', { class: 'heatmap-readout', 'aria-live': 'polite' });
  const figures = QUANTITIES.map(({ key, name, signed }) => {
    const canvas = html('canvas', { role: 'img', 'aria-label': `${name}: units down, steps across` });
    const now = html('span', { class: 'heatmap-now', 'aria-hidden': 'true' });
    const plot = html('div', { class: 'heatmap-plot' }, canvas, now);
    const figure = html('figure', { class: 'heatmap', 'data-quantity': key }, html('figcaption', {}, name), plot);
    return { key, name, signed, canvas, now, figure };
  });
  const element = html('div', { class: 'heatmaps' }, ...figures.map((f) => f.figure), readout);
  let shown: readonly StepTrace[] = [];

  const cellAt = (canvas: HTMLCanvasElement, event: MouseEvent): { unit: number; index: number } | undefined => {
    const box = canvas.getBoundingClientRect();
    const H = shown[0]?.h.length ?? 0;
    if (!box.width || !box.height || !H) return undefined;
    const index = Math.floor(((event.clientX - box.left) / box.width) * shown.length);
    const unit = Math.floor(((event.clientY - box.top) / box.height) * H);
    return index >= 0 && index < shown.length && unit >= 0 && unit < H ? { unit, index } : undefined;
  };
  for (const { key, name, canvas } of figures) {
    canvas.addEventListener('mousemove', (event) => {
      const cell = cellAt(canvas, event);
      if (!cell) return;
      const step = shown[cell.index];
      readout.textContent = `${name}, unit ${cell.unit + 1}, step ${step.t}: ${formatNumber(step[key][cell.unit])} (click to show this step)`;
    });
    canvas.addEventListener('click', (event) => {
      const cell = cellAt(canvas, event);
      if (cell) onPick(cell.index);
    });
  }

  interface Palette {
    up: Uint32Array;
    down: Uint32Array;
    missing: number;
  }
  let palette: { key: string; shades: Palette } | undefined;
  /** The theme's shades, read (a style recalculation) only when the theme changed since the last draw. */
  const theme = (): Palette => {
    const key = `${document.body.className}\n${document.documentElement.getAttribute('style') ?? ''}`;
    if (palette?.key !== key) {
      const background = themeColour(element, 'var(--vscode-editor-background, Canvas)');
      const marker = themeColour(element, 'var(--vscode-foreground, CanvasText)');
      palette = {
        key,
        shades: {
          up: shades(background, themeColour(element, 'var(--vscode-charts-orange, #d18616)')),
          down: shades(background, themeColour(element, 'var(--vscode-charts-blue, #3794ff)')),
          missing: shades(marker, marker)[0],
        },
      };
    }
    return palette.shades;
  };
  const images = new Map<HTMLCanvasElement, ImageData>();

  const draw = (steps: readonly StepTrace[], current: number): void => {
    shown = steps;
    const H = steps[0]?.h.length ?? 0;
    const T = steps.length;
    if (!H || !T) return;
    const cellWidth = Math.max(1, Math.floor(MAX_WIDTH / T));
    const cellHeight = Math.max(1, Math.floor(MAX_HEIGHT / H));
    const { up, down, missing } = theme();
    const [width, height] = [Math.max(T * cellWidth, 160), Math.max(H * cellHeight, 48)];
    for (const { key, signed, canvas, now } of figures) {
      // Gates run 0…1; the memories are scaled by their largest magnitude, so C shows its pattern too.
      let scale = 1;
      if (key === 'c') for (const step of steps) for (const v of step.c) if (Math.abs(v) > scale) scale = Math.abs(v);
      if (canvas.width !== T) canvas.width = T;
      if (canvas.height !== H) canvas.height = H;
      const context = canvas.getContext('2d');
      if (!context) continue;
      let image = images.get(canvas);
      if (image?.width !== T || image.height !== H) image = context.createImageData(T, H);
      images.set(canvas, image);
      const pixels = new Uint32Array(image.data.buffer);
      for (let t = 0; t < T; t++) {
        const values = steps[t][key];
        for (let u = 0; u < H; u++) {
          const v = values[u] / scale;
          // Gates from 0 (background) to 1 (orange); memories to ±1 (orange above zero, blue below).
          const shade = Math.round(SHADES * Math.min(1, signed ? Math.abs(v) : Math.max(0, v)));
          pixels[u * T + t] = Number.isFinite(v) ? (signed && v < 0 ? down : up)[shade] : missing;
        }
      }
      context.putImageData(image, 0, 0);
      setStyle(canvas, { width: `${width}px`, height: `${height}px` });
      // The step shown in full: a frame over its column.
      setStyle(now, { left: `${(current * width) / T}px`, width: `${width / T}px` });
    }
  };
  return { element, draw };
}
