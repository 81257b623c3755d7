// The cells "LSTM: New Lesson" starts a lesson with: a title, an introduction, the walkthrough's step with
// its numbers checked, and a "try it" cell. Pure (no `vscode`), so a test can run and format it.
import type { CellKind } from '../core/notebook';

export interface TemplateCell {
  kind: CellKind;
  source: string;
}

const GATES = `forget     wx = 1.75   wh = 3.25  b = 1.40
input      wx = 2.30   wh = 1.85  b = 0.45
candidate  wx = 0.45   wh = 0.35  b = -0.05
output     wx = -0.03  wh = 4.67  b = 0.50`;

export const LESSON_TEMPLATE: readonly TemplateCell[] = [
  {
    kind: 'markdown',
    source: `# Lesson: a title that says what the learner will see

One or two sentences: the question this lesson answers, and what the learner should be able to
predict at the end. Run each cell with **Shift+Enter**; hover any word to see what it means.`,
  },
  {
    kind: 'markdown',
    source: `## One step of the walkthrough

The input is 1, the short-term memory 1 and the long-term memory 5. Each \`expect\` below is a claim
the kernel checks: it passes only if the value is right to the digits written.`,
  },
  {
    kind: 'code',
    source: `reset
x = 1        # input x_t
short = 1    # short-term memory h_{t-1}
long = 5     # long-term memory C_{t-1}
${GATES}
step
expect f = 0.998       # σ(6.40): the forget gate keeps 99.8% of the long-term memory
expect fc = 4.99       # what it keeps of the 5
expect c = 5.62        # the new long-term memory
expect h = 0.994       # the new short-term memory`,
  },
  {
    kind: 'markdown',
    source: `## Try it

Change one number, predict what the gates will do, then run the cell and compare.`,
  },
  {
    kind: 'code',
    source: `# Try it: change long = 5 to long = 10; predict fc and c, then run.
reset
x = 1
short = 1
long = 5
${GATES}
step
expect fc = 4.99
expect c = 5.62`,
  },
];
