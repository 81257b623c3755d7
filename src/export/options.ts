// What every exporter is asked for, and the formats they write.

export type ExportFormat = 'html' | 'ipynb' | 'md';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'ipynb', 'md'];

/** The file extension each format is written with. */
export const EXTENSION: Record<ExportFormat, string> = { html: '.html', ipynb: '.ipynb', md: '.md' };

export interface ExportOptions {
  /** Leave the code cells out and keep their outputs, like nbconvert's --no-input. */
  noCode?: boolean;
}
