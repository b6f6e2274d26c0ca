/** Turns domain results into sentences in the active language; the domain itself returns only data. */
import {
  displayScore,
  toNumber,
  questionsOf,
  allScenarios,
  type Condition,
  type FileIssue,
  type WeightedRubric,
  type Reason,
  type Plan,
  type ScenarioStep,
  type ItemStep,
  type Rational,
} from '../domain/index';
import { t, loc, num, list, paren } from './index.svelte';

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

/** Points shown with up to 3 decimals (1.875), from an exact value. */
export const points = (r: Rational): string => num(Math.round(toNumber(r) * 1000) / 1000, 3);

export function scenarioName(rubric: WeightedRubric, id: string): string {
  return loc(allScenarios(rubric).find((s) => s.id === id)?.name);
}

export function questionNumber(rubric: WeightedRubric, id: string): number | undefined {
  return questionsOf(rubric).find((q) => q.id === id)?.number;
}

/** Why a roadmap step is there, in one sentence. */
export function reasonText(
  rubric: WeightedRubric,
  r: Reason,
  titles: Map<string, string>,
  targetName: (level: number) => string = (level) => levelName(rubric, level),
): string {
  switch (r.kind) {
    case 'planner-scenario':
      return t(r.why === 'constraint' ? 'roadmap.reason.scenarioConstraint' : 'roadmap.reason.scenario', {
        scenario: scenarioName(rubric, r.scenario),
        from: levelName(rubric, r.from),
        to: levelName(rubric, r.to),
        target: targetName(r.targetLevel),
      });
    case 'planner-item':
      // a checklist's targets carry no points: say which level's missing items need this item
      if (r.gain.n === 0)
        return t('roadmap.reason.itemNoScore', {
          n: questionNumber(rubric, r.question),
          target: targetName(r.targetLevel),
        });
      return t('roadmap.reason.item', {
        n: questionNumber(rubric, r.question),
        gain: points(r.gain),
        target: targetName(r.targetLevel),
      });
    case 'prerequisite':
      return t('roadmap.reason.prerequisite', { title: titles.get(r.of) ?? r.of });
    case 'stage':
      return t('roadmap.reason.stage', { stage: t(`stage.${r.stage}`) });
    case 'enabling':
      return t('roadmap.reason.enabling');
  }
}

export function planScenarioText(rubric: WeightedRubric, s: ScenarioStep): string {
  const tick = t('planner.tick', { levels: list(s.levelsToTick.map((l) => levelName(rubric, l))) });
  const constraint = s.reason === 'constraint' ? ` · ${t('planner.neededConstraint')}` : '';
  return paren(
    `${scenarioName(rubric, s.id)} ${levelName(rubric, s.from)} → ${levelName(rubric, s.to)}`,
    `${tick}${constraint}`,
  );
}

export function planItemText(rubric: WeightedRubric, step: ItemStep): string {
  const q = questionsOf(rubric).find((x) => x.id === step.id)!;
  const change =
    step.kind === 'raise-option'
      ? `${step.from === undefined ? t('planner.unanswered') : loc(q.options[step.from]?.text)} → ${loc(q.options[step.to]?.text)}`
      : t('planner.addOptions', { count: step.count });
  return paren(`${t('planner.item', { n: q.number })} ${change}`, `+${points(step.gain)}`);
}

export function planSummary(rubric: WeightedRubric, plan: Plan): string[] {
  if (!plan.reachable) return [t('planner.unreachable')];
  return [
    ...plan.scenarioSteps.map((s) => planScenarioText(rubric, s)),
    ...(plan.itemSteps.length ? [t('planner.scoreGap', { gap: points(plan.scoreGap) })] : []),
    ...plan.itemSteps.map((s) => planItemText(rubric, s)),
  ];
}
