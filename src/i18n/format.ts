/** Turns domain results into sentences in the active language; the domain itself returns only data. */
import { displayScore, toNumber, type Condition, type FileIssue, type WeightedRubric } from '../domain/index';
import { t, loc, num } from './index.svelte';

export function levelName(rubric: WeightedRubric, level: number): string {
  if (level === 0) return loc(rubric.belowLevelOne);
  return loc(rubric.levelRules[level - 1]?.name);
}

export function describeCondition(rubric: WeightedRubric, c: Condition): string {
  switch (c.kind) {
    case 'score':
      return t(c.met ? 'condition.scoreMet' : 'condition.score', {
        actual: num(displayScore(c.actual)),
        required: num(c.required),
        gap: num(Math.ceil(toNumber(c.gap) * 100) / 100),
      });
    case 'scenarios':
      return t('condition.scenarios', { required: c.required, level: levelName(rubric, c.level), actual: c.actual });
    case 'constraint-scenarios':
      return t('condition.constraint', { required: c.required, level: levelName(rubric, c.level), actual: c.actual });
  }
}

export function describeFileIssue(issue: FileIssue): string {
  return t(`fileError.${issue.code}`, { key: issue.key, detail: issue.detail ?? '' });
}

export function formatDate(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
