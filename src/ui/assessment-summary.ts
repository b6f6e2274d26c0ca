/** One line of facts about a stored assessment for lists, whatever the model of its rubric. */
import {
  evaluate,
  evaluateChecklist,
  questionsOf,
  type AnyRubric,
  type AssessmentFile,
  checklistAnswersOf,
} from '../domain/index';
import { loc, t } from '../i18n/index.svelte';
import { levelName } from '../i18n/format';

export interface Summary {
  /** Short name of the rubric (for the list). */
  rubric: string;
  completeness: number;
  level: string;
}

/** `rubric`: the file's rubric once loaded (the reactive rubric cache), so a list recomputes when it arrives. */
export function summarize(file: AssessmentFile, rubric: AnyRubric | undefined): Summary {
  const short = t(`rubricChoice.${file.rubric}`, { defaultValue: file.rubric });
  if (!rubric) return { rubric: short, completeness: 0, level: '…' };
  if (rubric.model === 'weighted-scenarios') {
    const e = evaluate(rubric, file);
    const total = questionsOf(rubric).length;
    return {
      rubric: short,
      completeness: Math.round(((total - e.unanswered.length) / total) * 100),
      level: levelName(rubric, e.level),
    };
  }
  const e = evaluateChecklist(rubric, checklistAnswersOf(file));
  return {
    rubric: short,
    completeness: Math.round(((e.itemCount - e.unanswered.length) / e.itemCount) * 100),
    level: e.level === 0 ? t('checklist.belowOne') : loc(rubric.levels[e.level - 1]?.name),
  };
}
