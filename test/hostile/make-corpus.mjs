// Writes the committed hostile corpus, test/fixtures/hostile/*.lstm (and the weight files they load),
// byte for byte and deterministically:  node test/hostile/make-corpus.mjs
// Each file is one realistic attack on the extension: a notebook from a stranger. The huge ones
// (H = 100,000, T = 10⁶, 10 MB, 100k brackets, …) are not committed: test/hostile/corpus.ts makes
// them at test time. Every hostile script calls pwn() and every hostile string holds "PWN", so the
// tests can tell whether any of it executed or reached mermaid, KaTeX or the page as markup.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODING_FILES } from './corpusFiles/encodingFiles.mjs';
import { MARKUP_FILES } from './corpusFiles/markupFiles.mjs';
import { NUMBER_FILES } from './corpusFiles/numberFiles.mjs';
import { utf8 } from './corpusFiles/parts.mjs';
import { STRUCTURE_FILES } from './corpusFiles/structureFiles.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile');

/** name → [what it attacks, content], in the order of their numbers. */
const FILES = { ...MARKUP_FILES, ...NUMBER_FILES, ...ENCODING_FILES, ...STRUCTURE_FILES };

/** Weight files that 35-load-hostile-json.lstm loads. */
const WEIGHTS = {
  'weights-1e999.json': '{"weight_ih_l0": [[1e999], [1], [1], [1]], "weight_hh_l0": [[0], [0], [0], [0]]}\n',
  'weights-proto.json':
    '{"__proto__": {"weight_ih_l0": [[1], [1], [1], [1]]}, "constructor": {"prototype": {"polluted": "PWN"}}, "weight_hh_l0": [[0], [0], [0], [0]]}\n',
  'weights-deep.json': `{"weight_ih_l0": ${'['.repeat(2000)}1${']'.repeat(2000)}, "weight_hh_l0": [[0]]}\n`,
  // H = 1100 (4H = 4400 rows): beyond MAX_DIMENSION, refused before the 4H×H matrix is read.
  'weights-huge-h.json': `{"weight_hh_l0": [${Array.from({ length: 4400 }, () => '[0]').join(',')}], "weight_ih_l0": [${Array.from({ length: 4400 }, () => '[1]').join(',')}]}\n`,
  'weights-strings.json':
    '{"weight_ih_l0": [["<script>pwn(\\"PWN\\")</script>"], [1], [1], [1]], "weight_hh_l0": [[0], [0], [0], [0]]}\n',
  'weights-not-json.json': '<html><script>pwn("PWN")</script></html>\n',
  'weights-ok.json':
    JSON.stringify({
      'lstm.weight_ih_l0': [[1], [2], [0.5], [-1]],
      'lstm.weight_hh_l0': [[0], [0], [0], [0]],
      'lstm.bias_ih_l0': [0.1, 0.2, 0.3, 0.4],
      'lstm.bias_hh_l0': [0.1, -0.2, 0, 0.1],
      'dense.weight': [[2]],
      'dense.bias': [1],
    }) + '\n',
};

mkdirSync(OUT, { recursive: true });
for (const name of readdirSync(OUT)) if (/\.(lstm|json)$/.test(name)) rmSync(join(OUT, name));
const manifest = {};
for (const [name, [attack, content]] of Object.entries(FILES)) {
  writeFileSync(join(OUT, name), typeof content === 'string' ? utf8(content) : content);
  manifest[name] = attack;
}
for (const [name, content] of Object.entries(WEIGHTS)) writeFileSync(join(OUT, name), content);
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${Object.keys(FILES).length} notebooks and ${Object.keys(WEIGHTS).length} weight files in ${OUT}`);
