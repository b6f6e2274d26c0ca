/**
 * The derivation graph at edit time: every derived answer follows its inputs, wherever they live.
 * Q12 and Q15 read Q14's revenue (sameAs), Q3 reads Q2's device total: a figure typed under one question
 * changes the answers of every question that reads it, in whatever order the figures were entered.
 *
 * Rules (the only place they are decided; the UI just sends the user's own patches through here):
 * - A question whose figures give an option has that option as its answer, unless the user chose a
 *   different option by hand while the suggestion was shown: only then is it an override (persisted in
 *   the extension's `overrides`). Choosing the suggested option again, or clearing the answer, ends it.
 * - When the figures stop giving an option (a figure cleared or invalid, a denominator set to 0), an answer
 *   that was the previous suggestion is cleared: it was the figures' answer, and they no longer say so.
 *   An answer chosen by hand before any figure was typed is left alone.
 */
import { applyPatch, type Patch } from '../assessment/patch';
import type { AssessmentFile } from '../assessment/file';
import { EXTENSION_KEY } from '../vocabulary';
import type { WeightedRubric } from '../rubric/schema';
import { questionsOf } from '../scoring/score';
import { deriveOption, type TypedNumbers } from './derive';

const numbersOf = (file: AssessmentFile): TypedNumbers => file[EXTENSION_KEY]?.numbers ?? {};
const overridden = (file: AssessmentFile, qid: string) => (file[EXTENSION_KEY]?.overrides ?? []).includes(qid);

/** The option the figures of `file` give for `qid`, or undefined. */
function suggested(rubric: WeightedRubric, file: AssessmentFile, qid: string): number | undefined {
  const d = deriveOption(rubric, qid, numbersOf(file));
  return d.kind === 'ok' ? d.option : undefined;
}

/**
 * The user's patches followed by what they imply for derived answers and overrides. Applying the result
 * to `file` gives a file in which no derived answer differs from what its figures give, except by an
 * override the user made.
 */
export function followInputs(rubric: WeightedRubric, file: AssessmentFile, patches: readonly Patch[]): Patch[] {
  const derived = questionsOf(rubric).filter((q) => q.derivation);
  if (!derived.length) return [...patches];
  const out: Patch[] = [...patches];
  let next = patches.reduce(applyPatch, file);
  const push = (p: Patch) => {
    out.push(p);
    next = applyPatch(next, p);
  };

  // The user's own choices on derived questions: an override exactly when they differ from the suggestion.
  const chosenByHand = new Set<string>();
  for (const p of patches) {
    if (p.op !== 'answer' || !derived.some((q) => q.id === p.id)) continue;
    chosenByHand.add(p.id);
    const s = suggested(rubric, next, p.id);
    const on = s !== undefined && p.value !== undefined && p.value !== s;
    if (on !== overridden(next, p.id)) push({ op: 'override', question: p.id, on });
  }

  for (const q of derived) {
    const before = suggested(rubric, file, q.id);
    const after = suggested(rubric, next, q.id);
    const answer = next.answers[q.id];
    if (overridden(next, q.id)) {
      if (after !== undefined && answer === after) push({ op: 'override', question: q.id, on: false });
      continue;
    }
    if (after !== undefined) {
      if (answer !== after && !chosenByHand.has(q.id)) push({ op: 'answer', id: q.id, value: after });
    } else if (answer !== undefined && answer === before && !chosenByHand.has(q.id)) {
      push({ op: 'answer', id: q.id, value: undefined });
    }
  }
  return out;
}
