/**
 * "下一道未答题" from any step of the questionnaire or the scenarios: opens the section of the first
 * unanswered item and asks the questionnaire to focus it once it has rendered (the screen may still be
 * loading its chunk, so a fixed number of ticks would not do).
 */
import type { WeightedRubric } from '../../domain/index';
import { go } from '../router.svelte';

let pending = '';

export function goToUnanswered(assessmentId: string, rubric: WeightedRubric, unanswered: readonly string[]): void {
  const target = unanswered[0];
  const section = rubric.dimensions.flatMap((d) => d.secondaries).find((s) => s.questions.some((q) => q.id === target));
  if (!target || !section) return;
  pending = target;
  go(`/a/${assessmentId}/questions/${section.id}`);
  focusPending(); // already on screen when it is in the current step (no new render to wait for)
}

/** Called by the questionnaire after each render: focuses the requested item once it is on screen. */
export function focusPending(): void {
  if (!pending) return;
  const el = document.getElementById(`question-${pending}`);
  if (!el) return;
  pending = '';
  el.focus();
}
