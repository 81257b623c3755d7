// Entry point bundled by the Chromium test (test/e2e/hostile-renderer.e2e.mjs) to make the payloads in
// Node: the committed corpus, some generated huge files (a few outputs each) and the forgeries.
import { committedCorpus, generatedCorpus } from './corpus';
import { corpusPayloads, forgedPayloads, type HostilePayload } from './payloads';

export const GENERATED_FOR_BROWSER = [
  'gen-T-1e6.lstm',
  'gen-10MB.lstm',
  'gen-H-49000-statement.lstm',
  'gen-many-errors.lstm',
  'gen-long-line.lstm',
  'gen-brackets-100k.lstm',
];

export function buildPayloads(fixtures: string): { payloads: HostilePayload[]; files: number } {
  const committed = committedCorpus(fixtures);
  const generated = generatedCorpus(GENERATED_FOR_BROWSER);
  const payloads = [
    ...corpusPayloads(committed, { folder: fixtures }),
    ...corpusPayloads(generated, { folder: fixtures }, 5),
    ...forgedPayloads(),
  ];
  return { payloads, files: committed.length + generated.length };
}
