/**
 * The interpreter of the consistency rules (see consistency-schema.ts for the tests and the data).
 * Pure: reads the answers, the scenario ticks and the typed numbers of an assessment and lists the
 * findings; it never changes the answers or the score.
 *
 * Scenario levels are the counted ones (附件2 备注2 gating): a level ticked above a gap does not count
 * towards the grade, so a reviewer would not check it either. Answer tests are false for an unanswered
 * question, except answer-none with orUnanswered.
 */
import type { LocalizedText, Question, WeightedRubric } from '../rubric/schema';
import type { Answer, AssessmentInput } from '../assessment/types';
import { weightedAnswersOf } from '../assessment/answers';
import { EXTENSION_KEY, type Extension } from '../assessment/extension';
import { questionsOf } from '../scoring/score';
import { allScenarios, scenarioLevel } from '../scoring/scenarios';
import { deriveOption, exactDecimal, type TypedNumbers } from '../derive/derive';
import type { Binding, RuleCondition, ConsistencyRules, ScenarioThreshold, Severity } from './consistency-schema';

export type FindingParams = Record<string, string | number>;

export interface Finding {
  /** Rule id. */
  rule: string;
  severity: Severity;
  /** The question and scenario ids this finding is about, in table order (a subset of the rule's). */
  involves: string[];
  params: FindingParams;
}

/** What the checks read: answers, scenario ticks and (optionally) the typed numbers of the extension. */
export type ReviewInput = AssessmentInput & { [EXTENSION_KEY]?: Pick<Extension, 'numbers'> };

interface Outcome {
  ok: boolean;
  involves: string[];
  params: FindingParams;
}

const FALSE: Outcome = { ok: false, involves: [], params: {} };
const yes = (involves: string[], params: FindingParams = {}): Outcome => ({ ok: true, involves, params });

interface Context {
  rubric: WeightedRubric;
  questions: Map<string, Question>;
  answers: Readonly<Record<string, Answer>>;
  levels: Map<string, number>;
  scenarioIds: string[];
  numbers: TypedNumbers;
  sets: Record<string, ScenarioThreshold[]>;
}

const within = (n: number, min: number | undefined, max: number | undefined) =>
  n >= (min ?? 0) && n <= (max ?? Number.POSITIVE_INFINITY);

const noneIndex = (q: Question) => q.noneOption ?? (q.type === 'multiple' ? 0 : undefined);

/** A typed number, following the field's sameAs (the source wins, as in deriveOption). */
function typedNumber(ctx: Context, questionId: string, fieldId: string): number | undefined {
  const source = ctx.questions.get(questionId)?.numericFields?.find((f) => f.id === fieldId)?.sameAs;
  const [qid, fid] = source ? (source.split('.') as [string, string]) : [questionId, fieldId];
  const value = ctx.numbers[qid]?.[fid];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function evaluateCondition(c: RuleCondition, ctx: Context): Outcome {
  switch (c.test) {
    case 'all': {
      const parts = c.of.map((x) => evaluateCondition(x, ctx));
      if (!parts.every((p) => p.ok)) return FALSE;
      return yes(
        parts.flatMap((p) => p.involves),
        Object.assign({}, ...parts.map((p) => p.params)),
      );
    }
    case 'any': {
      const parts = c.of.map((x) => evaluateCondition(x, ctx)).filter((p) => p.ok);
      if (!parts.length) return FALSE;
      return yes(
        parts.flatMap((p) => p.involves),
        Object.assign({}, ...parts.map((p) => p.params)),
      );
    }
    case 'answer-none': {
      const q = ctx.questions.get(c.question)!;
      const a = ctx.answers[c.question];
      if (a === undefined) return c.orUnanswered ? yes([c.question]) : FALSE;
      const none = noneIndex(q);
      const isNone = Array.isArray(a) ? none !== undefined && a.includes(none) : a === none;
      return isNone ? yes([c.question]) : FALSE;
    }
    case 'answer-in': {
      const a = ctx.answers[c.question];
      return typeof a === 'number' && c.options.includes(a) ? yes([c.question]) : FALSE;
    }
    case 'answer-below': {
      const a = ctx.answers[c.question];
      const b = ctx.answers[c.than];
      return typeof a === 'number' && typeof b === 'number' && a < b ? yes([c.question, c.than]) : FALSE;
    }
    case 'selected': {
      const a = ctx.answers[c.question];
      if (!Array.isArray(a)) return FALSE;
      return a.includes(c.option) === c.is ? yes([c.question]) : FALSE;
    }
    case 'selected-count': {
      const a = ctx.answers[c.question];
      if (!Array.isArray(a)) return FALSE;
      const none = noneIndex(ctx.questions.get(c.question)!);
      const n = new Set(a.filter((o) => o !== none)).size;
      return within(n, c.min, c.max) ? yes([c.question], c.as ? { [c.as]: n } : {}) : FALSE;
    }
    case 'above-derived': {
      const a = ctx.answers[c.question];
      if (typeof a !== 'number') return FALSE;
      const d = deriveOption(ctx.rubric, c.question, ctx.numbers);
      return d.kind === 'ok' && a > d.option
        ? yes([c.question], { question: c.question, answer: a, derived: d.option })
        : FALSE;
    }
    case 'seed-blanks-empty': {
      const q = ctx.questions.get(c.question)!;
      const empty = (q.numericFields ?? []).filter((f) => f.inSeed && typedNumber(ctx, q.id, f.id) === undefined);
      return empty.length ? yes([c.question], { question: c.question, blanks: empty.length }) : FALSE;
    }
    case 'number-greater': {
      const [qa, fa] = c.field.split('.') as [string, string];
      const [qb, fb] = c.than.split('.') as [string, string];
      const value = typedNumber(ctx, qa, fa);
      const than = typedNumber(ctx, qb, fb);
      if (value === undefined || than === undefined) return FALSE;
      const x = exactDecimal(value);
      const y = exactDecimal(than);
      return x.n * y.d > y.n * x.d ? yes([qa, qb], { value, than }) : FALSE;
    }
    case 'scenario-level': {
      const level = ctx.levels.get(c.scenario) ?? 0;
      return within(level, c.min, c.max) ? yes([c.scenario], c.as ? { [c.as]: level } : {}) : FALSE;
    }
    case 'scenario-count': {
      const among: ScenarioThreshold[] =
        typeof c.among === 'string'
          ? (ctx.sets[c.among] ?? [])
          : Array.isArray(c.among)
            ? c.among
            : ctx.scenarioIds.map((scenario) => ({ scenario, level: (c.among as { every: number }).every }));
      const reached = (t: ScenarioThreshold) => (ctx.levels.get(t.scenario) ?? 0) >= t.level;
      const matched = among.filter(reached).map((t) => t.scenario);
      if (!within(matched.length, c.min, c.max)) return FALSE;
      // With a minimum the matched scenarios make it true; with only a maximum, the ones not reached do.
      const involves = (c.min ?? 0) > 0 ? matched : among.filter((t) => !reached(t)).map((t) => t.scenario);
      return yes(involves, c.as ? { [c.as]: matched.join(','), [`${c.as}Count`]: matched.length } : {});
    }
  }
}

/** Binding values as params: lists become comma-separated ids. */
function bindingParams(binding: Binding): FindingParams {
  const out: FindingParams = {};
  for (const [k, value] of Object.entries(binding)) {
    if (typeof value === 'string' || typeof value === 'number') out[k] = value;
    else
      out[k] = (value as (number | ScenarioThreshold)[])
        .map((x) => (typeof x === 'number' ? String(x) : x.scenario))
        .join(',');
  }
  return out;
}

export function checkConsistency(rubric: WeightedRubric, rules: ConsistencyRules, file: ReviewInput): Finding[] {
  const questions = questionsOf(rubric);
  const scenarios = allScenarios(rubric);
  const ctx: Context = {
    rubric,
    questions: new Map(questions.map((q) => [q.id, q])),
    answers: weightedAnswersOf(file),
    levels: new Map(scenarios.map((s) => [s.id, scenarioLevel(file.scenarios[s.id])])),
    scenarioIds: scenarios.map((s) => s.id),
    numbers: file[EXTENSION_KEY]?.numbers ?? {},
    sets: rules.sets,
  };
  const order = new Map([...questions.map((q) => q.id), ...scenarios.map((s) => s.id)].map((id, i) => [id, i]));
  const findings: Finding[] = [];
  for (const rule of rules.rules) {
    for (const { binding, when } of rule.instances) {
      const outcome = evaluateCondition(when, ctx);
      if (!outcome.ok) continue;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        involves: [...new Set(outcome.involves)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
        params: { ...bindingParams(binding), ...outcome.params },
      });
    }
  }
  return findings;
}

export type Lang = keyof LocalizedText;

/**
 * The message of a finding with its {placeholders} filled. Conventions: a param that is a scenario id
 * or a comma-separated list of them is shown as the scenario names; `question` as the item number;
 * `answer` and `derived` as the text of that option of `question`. A placeholder without a param is
 * left as it is.
 */
export function formatFinding(rubric: WeightedRubric, rules: ConsistencyRules, finding: Finding, lang: Lang): string {
  const rule = rules.rules.find((r) => r.id === finding.rule);
  if (!rule) return finding.rule;
  const scenarioNames = new Map(allScenarios(rubric).map((s) => [s.id, s.name[lang]]));
  const q = questionsOf(rubric).find((x) => x.id === finding.params.question);
  const separator = lang === 'zh-CN' ? '、' : ', ';
  return rule.message[lang].replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, key: string) => {
    if (!Object.hasOwn(finding.params, key)) return whole;
    const value = finding.params[key]!;
    if (key === 'question' && q) return String(q.number);
    // levels read as the rubric names them (三级 / Level 3)
    if (key === 'level' && typeof value === 'number' && rubric.levelRules[value - 1])
      return rubric.levelRules[value - 1]!.name[lang];
    if ((key === 'answer' || key === 'derived') && q && typeof value === 'number' && q.options[value])
      return q.options[value].text[lang];
    if (typeof value === 'string' && value !== '') {
      const parts = value.split(',');
      if (parts.every((p) => scenarioNames.has(p))) return parts.map((p) => scenarioNames.get(p)!).join(separator);
    }
    return String(value);
  });
}
