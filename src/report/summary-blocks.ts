/**
 * The one-page summary that opens the report: enterprise, year, level, the level the evidence defends, and why (the results screen's sentence, from
 * the level engine's unmet conditions of the next level), the score by part, the conditions missing for the next level, the top three actions of the
 * roadmap with their horizon, and the change since the previous assessment. Built once as a 'summary' block, so
 * print, PDF, Word and Excel all show it; it must fit one A4 page (checked by the e2e test's page count).
 */
import {
  chronological,
  displayScore,
  findPrevious,
  type AssessmentFile,
  type WeightedJourney,
  type WithRoadmap,
} from '../domain/index';
import { topActions, type TopAction } from '../domain/journey/summary';
import { whySentence } from '../i18n/why';
import { translator, type Language } from '../i18n/translator';
import { phrases } from '../i18n/phrases';
import type { Block } from './document';
import { defendedOf } from './defended-blocks';
import type { ProgressEntry } from './progress-blocks';

export interface SummaryInput {
  journey: WithRoadmap<WeightedJourney>;
  file: AssessmentFile;
  now: number;
  progress?: { current: ProgressEntry; history: ProgressEntry[] };
}

/**
 * The level and the plain "why" sentence of the results screen (i18n/why.ts, from the level engine's failing
 * conditions via domain whyNotNext), in `lang`: "评为三级。得分已够四级，但还差 2 个场景达到四级。"
 */
export function levelAndWhy(journey: Pick<WeightedJourney, 'rubric' | 'evaluation'>, lang: Language): string {
  const tr = translator(lang);
  const { rubric, evaluation: e } = journey;
  const why = whySentence(tr, rubric, e);
  return e.next ? `${tr.t('reportSummary.rated', { level: phrases(tr).levelName(rubric, e.level) })}${why}` : why;
}

/** The purpose of an action: the level it serves, or further improvement. */
export type Purpose = (a: TopAction) => string;

/** The top three actions as a table: number, action, horizon, purpose. */
export function actionsTable(actions: TopAction[], lang: Language, purpose: Purpose): Block {
  const { t } = translator(lang);
  return {
    kind: 'table',
    head: ['#', t('reportSummary.action'), t('reportSummary.horizon'), t('reportSummary.purpose')],
    widths: [0.4, 5, 1.4, 1.8],
    rows: actions.map((a, i) => [
      String(i + 1),
      a.step.action.title[lang],
      t(`reportSummary.horizons.${a.horizon}`),
      purpose(a),
    ]),
  };
}

/** Every open roadmap action grouped by horizon (next 90 days, this year, 1–3 years), a table each. */
export function horizonBlocks(actions: TopAction[], lang: Language, purpose: Purpose): Block[] {
  const { t } = translator(lang);
  const blocks: Block[] = [];
  let n = 0;
  for (const h of ['days90', 'year', 'years'] as const) {
    const mine = actions.filter((a) => a.horizon === h);
    if (!mine.length) continue;
    blocks.push({ kind: 'heading', level: 2, text: t(`reportSummary.horizons.${h}`) });
    blocks.push({
      kind: 'table',
      head: ['#', t('reportSummary.action'), t('reportSummary.purpose')],
      widths: [0.4, 6, 2],
      rows: mine.map((a) => [String(++n), a.step.action.title[lang], purpose(a)]),
    });
  }
  blocks.push({ kind: 'paragraph', tone: 'muted', text: t('reportSummary.horizonNote') });
  return blocks;
}

/** The next-level plan section: each plan's target and cost, then its steps. */
export function planBlocks(journey: Pick<WeightedJourney, 'rubric' | 'plans'>, lang: Language): Block[] {
  const tr = translator(lang);
  const { t, paren } = tr;
  const { levelName, planSummary } = phrases(tr);
  const { rubric, plans } = journey;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: t('report.plan'), id: 'plan' }];
  if (!plans.length) blocks.push({ kind: 'paragraph', text: t('results.top') });
  for (const plan of plans) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: paren(
        t('planner.reach', { level: levelName(rubric, plan.target) }),
        t('planner.cost', { count: plan.cost }),
      ),
    });
    blocks.push({ kind: 'list', items: planSummary(rubric, plan) });
  }
  return blocks;
}

/** The purpose of a weighted journey's action: the level it serves. */
export function levelPurpose(lang: Language, name: (level: number) => string): Purpose {
  const { t } = translator(lang);
  return (a) =>
    a.step.effect.levelTarget !== undefined
      ? t('reportSummary.servesLevel', { level: name(a.step.effect.levelTarget) })
      : t('reportSummary.later');
}

export function summaryBlock(input: SummaryInput, lang: Language): Block {
  const { journey, file } = input;
  const { rubric, evaluation: e, roadmap } = journey;
  const tr = translator(lang);
  const { t, loc, num } = tr;
  const { describeCondition, levelName } = phrases(tr);
  const name = (l: number) => levelName(rubric, l);
  const blocks: Block[] = [
    {
      kind: 'keyValues',
      rows: [
        [t('reportSummary.enterprise'), file.profile?.name?.trim() || t('home.anonymous')],
        [t('report.year'), file.profile?.year ? String(file.profile.year) : '—'],
        [t('report.level'), name(e.level)],
        [t('report.score'), `${num(displayScore(e.score.total))} / 100`],
        // what a reviewer will accept, beside what was claimed: a meeting decides on both
        [t('evidence.defended.heading'), name(defendedOf(rubric, file).defended)],
        [t('report.rubric'), t('sources.rubricValue', { standard: loc(rubric.title), seed: loc(rubric.source.title) })],
      ],
    },
    { kind: 'paragraph', tone: 'strong', text: levelAndWhy(journey, lang) },
    { kind: 'heading', level: 3, text: t('reportSummary.parts') },
    {
      kind: 'table',
      head: [t('reportSummary.part'), t('results.points'), t('results.max')],
      widths: [4, 1, 1],
      rows: rubric.dimensions.map((d, di) => [
        loc(d.name),
        num(displayScore(e.score.dimensions[di]!.points)),
        String(d.weight),
      ]),
    },
  ];
  if (e.next) {
    blocks.push({ kind: 'heading', level: 3, text: t('reportSummary.missing', { level: name(e.next.level) }) });
    blocks.push({
      kind: 'list',
      items: e.next.conditions.filter((c) => !c.met).map((c) => describeCondition(rubric, c)),
    });
  }
  blocks.push({ kind: 'heading', level: 3, text: t('reportSummary.actions') });
  const actions = topActions(roadmap, e.level, input.now);
  if (actions.length)
    blocks.push(actionsTable(actions, lang, levelPurpose(lang, name)), {
      kind: 'paragraph',
      tone: 'muted',
      text: t('reportSummary.horizonNote'),
    });
  else blocks.push({ kind: 'paragraph', text: t('reportSummary.noActions') });

  const change = changeLine(input, lang);
  if (change)
    blocks.push({ kind: 'heading', level: 3, text: t('reportSummary.change') }, { kind: 'paragraph', text: change });
  return { kind: 'summary', title: t('reportSummary.title'), blocks };
}

/** "2025: 一级, 32 points → now: 二级, 45 points (+13)" against the previous assessment, when there is one. */
function changeLine(input: SummaryInput, lang: Language): string | undefined {
  if (!input.progress) return undefined;
  const { current, history } = input.progress;
  const rubric = input.journey.rubric;
  const entries = chronological([
    ...history.filter((h) => h.id !== current.id && h.file.rubric === rubric.id),
    current,
  ]);
  const linked = findPrevious(current.file, entries);
  const previous = linked && linked.id !== current.id ? linked : entries[entries.indexOf(current) - 1];
  if (!previous) return undefined;
  const tr = translator(lang);
  const { levelName } = phrases(tr);
  const before = displayScore(previous.evaluation.score.total);
  const after = displayScore(current.evaluation.score.total);
  const delta = Math.round((after - before) * 100) / 100;
  const year = previous.file.profile?.year;
  return tr.t('reportSummary.changeLine', {
    before: year ? String(year) : new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(previous.createdAt),
    beforeLevel: levelName(rubric, previous.evaluation.level),
    beforeScore: tr.num(before),
    level: levelName(rubric, current.evaluation.level),
    score: tr.num(after),
    delta: `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${tr.num(Math.abs(delta))}`,
  });
}
