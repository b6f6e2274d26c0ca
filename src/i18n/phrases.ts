/**
 * Turns domain results into sentences in a translator's language; the domain itself returns only data.
 * format.ts binds these to the UI's language; the report binds them to the language it is built in.
 */
import {
  displayScore,
  questionsOf,
  allScenarios,
  type Condition,
  type FileIssue,
  type JsonSyntaxError,
  type WeightedRubric,
  type Reason,
  type Plan,
  type ScenarioStep,
  type ItemStep,
  type OutcomeStep,
  type Rational,
  type TrendPoint,
  type TrendSeries,
} from '../domain/index';
import type { Translator } from './translator';
import { shownLabel } from './labels';

export function formatDate(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export type Phrases = ReturnType<typeof phrases>;

/** The phrases in `tr`'s language. Its functions need no `this`: destructure them. */
export function phrases({ t, loc, num, list, paren }: Translator) {
  // one object, so the phrases can use each other (p.levelName) and are listed once
  const p = {
    levelName(rubric: WeightedRubric, level: number): string {
      if (level === 0) return loc(rubric.belowLevelOne);
      return loc(rubric.levelRules[level - 1]?.name);
    },

    describeCondition(rubric: WeightedRubric, c: Condition): string {
      switch (c.kind) {
        case 'score':
          return t(c.met ? 'condition.scoreMet' : 'condition.score', {
            actual: num(displayScore(c.actual)),
            required: num(c.required),
            gap: num(displayScore(c.gap)),
          });
        case 'scenarios':
          return t('condition.scenarios', {
            required: c.required,
            level: p.levelName(rubric, c.level),
            actual: c.actual,
          });
        case 'constraint-scenarios':
          return t('condition.constraint', {
            required: c.required,
            level: p.levelName(rubric, c.level),
            actual: c.actual,
          });
      }
    },

    describeFileIssue(issue: FileIssue): string {
      if (issue.code === 'invalid-json') return t('fileError.invalid-json', { problem: p.jsonProblem(issue.json) });
      return t(`fileError.${issue.code}`, { key: issue.key, detail: issue.detail ?? '' });
    },

    /** "第 3 行第 14 列附近缺少逗号": what the JSON parser found, and where. */
    jsonProblem(e: JsonSyntaxError | undefined): string {
      const what = t(`jsonError.${e?.code ?? 'syntax'}`);
      return e?.line === undefined ? what : t('jsonError.at', { line: e.line, column: e.column, what });
    },

    /** Points as every score and gap is shown: two decimals, half up (1.875 → 1.88), from an exact value. */
    points: (r: Rational): string => num(displayScore(r), 2),

    scenarioName(rubric: WeightedRubric, id: string): string {
      return loc(allScenarios(rubric).find((s) => s.id === id)?.name);
    },

    questionNumber(rubric: WeightedRubric, id: string): number | undefined {
      return questionsOf(rubric).find((q) => q.id === id)?.number;
    },

    /** Why a roadmap step is there, in one sentence. */
    reasonText(
      rubric: WeightedRubric,
      r: Reason,
      titles: Map<string, string>,
      targetName: (level: number) => string = (level) => p.levelName(rubric, level),
    ): string {
      switch (r.kind) {
        case 'planner-scenario':
          return t(r.why === 'constraint' ? 'roadmap.reason.scenarioConstraint' : 'roadmap.reason.scenario', {
            scenario: p.scenarioName(rubric, r.scenario),
            from: p.levelName(rubric, r.from),
            to: p.levelName(rubric, r.to),
            target: targetName(r.targetLevel),
          });
        case 'planner-item':
          // a checklist's targets carry no points: say which level's missing items need this item
          if (r.gain.n === 0)
            return t('roadmap.reason.itemNoScore', {
              n: p.questionNumber(rubric, r.question),
              target: targetName(r.targetLevel),
            });
          return t('roadmap.reason.item', {
            n: p.questionNumber(rubric, r.question),
            gain: p.points(r.gain),
            target: targetName(r.targetLevel),
          });
        case 'prerequisite':
          return t('roadmap.reason.prerequisite', { title: titles.get(r.of) ?? r.of });
        case 'stage':
          return t('roadmap.reason.stage', { stage: t(`stage.${r.stage}`) });
        case 'enabling':
          return t('roadmap.reason.enabling');
      }
    },

    planScenarioText(rubric: WeightedRubric, s: ScenarioStep): string {
      const tick = t('planner.tick', { levels: list(s.levelsToTick.map((l) => p.levelName(rubric, l))) });
      const constraint = s.reason === 'constraint' ? ` · ${t('planner.neededConstraint')}` : '';
      return paren(
        `${p.scenarioName(rubric, s.id)} ${p.levelName(rubric, s.from)} → ${p.levelName(rubric, s.to)}`,
        `${tick}${constraint}`,
      );
    },

    planItemText(rubric: WeightedRubric, step: ItemStep): string {
      const q = questionsOf(rubric).find((x) => x.id === step.id)!;
      const change =
        step.kind === 'raise-option'
          ? `${step.from === undefined ? t('planner.unanswered') : loc(q.options[step.from]?.text)} → ${loc(q.options[step.to]?.text)}`
          : t('planner.addOptions', { count: step.count });
      return paren(`${t('planner.item', { n: q.number })} ${change}`, `+${p.points(step.gain)}`);
    },

    /**
     * An outcome the plan counts on, as a result to reach within a year of operation with the actions
     * that drive it (never worded as a step).
     */
    planOutcomeText(rubric: WeightedRubric, o: OutcomeStep): string {
      const q = questionsOf(rubric).find((x) => x.id === o.id)!;
      const to = o.kind === 'raise-option' ? loc(q.options[o.to]?.text) : '';
      const drivers = list(
        o.drivers.map((d) => {
          const scenario = allScenarios(rubric).find((s) => s.id === d);
          if (scenario) return loc(scenario.name);
          return t('planner.item', { n: questionsOf(rubric).find((x) => x.id === d)?.number ?? d });
        }),
      );
      return t('planPlus.outcome', {
        n: q.number,
        item: loc(q.collectionItem),
        to,
        gain: p.points(o.gain),
        drivers,
      });
    },

    planSummary(rubric: WeightedRubric, plan: Plan): string[] {
      if (!plan.reachable) return [t('planner.unreachable')];
      const outcomes = plan.outcomes ?? [];
      return [
        ...plan.scenarioSteps.map((s) => p.planScenarioText(rubric, s)),
        ...(plan.itemSteps.length || outcomes.length ? [t('planner.scoreGap', { gap: p.points(plan.scoreGap) })] : []),
        ...plan.itemSteps.map((s) => p.planItemText(rubric, s)),
        ...(outcomes.length ? [t('planPlus.outcomesIntro')] : []),
        ...outcomes.map((o) => p.planOutcomeText(rubric, o)),
      ];
    },

    // Wording shared by the comparison and trend screens and the report's progress sections.

    /** "+1.25", "−0.5" (U+2212 minus) or "0": the sign is always written, so a change reads in black and white. */
    signedNumber(n: number, digits = 2): string {
      const rounded = Number(n.toFixed(digits));
      if (rounded === 0) return '0';
      return `${rounded > 0 ? '+' : '−'}${num(Math.abs(rounded), digits)}`;
    },

    /** An exact score change, rounded as scores are shown (2 decimals). */
    signedScore(r: Rational): string {
      return p.signedNumber(displayScore(r));
    },

    /** "2026 年", or "2026 年（第 2 份）" when the enterprise has several assessments that year. */
    pointLabel(series: TrendSeries, point: TrendPoint): string {
      const several = series.points.filter((x) => x.year === point.year).length > 1;
      return several
        ? t('progress.whenNth', { year: point.year, n: point.nthInYear })
        : t('progress.when', { year: point.year });
    },

    /** A point's label with the user's own name for the assessment when it has one. */
    pointTitle(series: TrendSeries, point: TrendPoint): string {
      const when = p.pointLabel(series, point);
      return point.label ? `${when} · ${shownLabel(point.label, t)}` : when;
    },
  };
  return p;
}
