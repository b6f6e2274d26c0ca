/**
 * The meeting report as localized blocks, built once from the domain's results; the print view and
 * the PDF writer both lay out exactly this, in the language it is given (not read from the UI's state).
 */
import {
  EXTENSION_KEY,
  displayScore,
  questionsOf,
  allScenarios,
  weightedAnswersOf,
  type AssessmentFile,
  type WeightedJourney,
  type WithRoadmap,
} from '../domain/index';
import { translator, type Language } from '../i18n/translator';
import { phrases } from '../i18n/phrases';
import { chartModels } from './chart-models';
import type { Block, ReportDocument } from './document';
import { progressBlocks, type ProgressEntry } from './progress-blocks';
import { evidenceBlocks } from './evidence-blocks';
import { defendedBlocks, defendedLine, defendedOf } from './defended-blocks';
import { summaryBlock, planBlocks, horizonBlocks, levelPurpose } from './summary-blocks';
import { topActions } from '../domain/journey/summary';
import { formBlocks } from './form-blocks';
import { oursBlocks, oursNotice } from './ours-blocks';
import { citationLine, supportBlocks, supportList } from './support-blocks';
import { reportStrings } from '../i18n/lazy/report';

reportStrings(); // the report's strings load with its code, not with the first visit

/**
 * short (精简版): the one-page summary, the plan and the roadmap by horizon, for a meeting; full (完整版): everything,
 * the appendices (answers, evidence, the filled-in form) after; form: the filled-in official form alone.
 */
export type ReportVariant = 'short' | 'full' | 'form';

export interface ReportInput {
  /** The assessment's journey (domain journeyFor), with the guide and the roadmap. */
  journey: WithRoadmap<WeightedJourney>;
  file: AssessmentFile;
  /** Assessment date (last update) and generation time, ms since epoch. */
  assessedAt: number;
  now: number;
  /** The report's assessment and every assessment of its enterprise, for the progress sections. */
  progress?: { current: ProgressEntry; history: ProgressEntry[] };
}

export function buildReport(input: ReportInput, lang: Language, variant: ReportVariant = 'full'): ReportDocument {
  const { file, journey } = input;
  const { rubric, evaluation: e, guide, roadmap } = journey;
  const tr = translator(lang);
  const { t, loc, num, list, paren, clauses } = tr;
  const { describeCondition, levelName, reasonText, scenarioName } = phrases(tr);
  const date = (ms: number) => new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(ms);
  const name = file.profile?.name?.trim() || t('home.anonymous');
  const ext = file[EXTENSION_KEY];
  const blocks: Block[] = [];
  const total = questionsOf(rubric).length;

  const title = `${variant === 'form' ? t('reportForm.title') : t('report.title')} · ${name}`;
  // the form alone starts on its first page (no page break before it)
  if (variant === 'form') return reportDocument(lang, title, input.now, formBlocks(rubric, file, e, lang).slice(1));
  blocks.push(summaryBlock(input, lang));
  if (variant === 'short') return reportDocument(lang, title, input.now, [...blocks, ...shortBody(input, lang)]);

  // 1. Summary
  blocks.push({ kind: 'heading', level: 1, text: t('report.summary'), id: 'summary' });
  blocks.push({
    kind: 'keyValues',
    rows: [
      [t('report.level'), levelName(rubric, e.level)],
      [t('report.score'), `${num(displayScore(e.score.total))} / 100`],
      [t('report.completeness'), `${total - e.unanswered.length} / ${total}`],
      [t('report.assessedAt'), date(input.assessedAt)],
    ],
  });
  // the level claimed beside the level the evidence defends (the section before the evidence appendix lists why)
  blocks.push({ kind: 'paragraph', tone: 'strong', text: defendedLine(tr, rubric, defendedOf(rubric, file)) });
  if (e.next) {
    blocks.push({
      kind: 'heading',
      level: 2,
      text: t('results.nextTitle', { level: levelName(rubric, e.next.level) }),
    });
    blocks.push({
      kind: 'list',
      items: e.next.conditions.map((c) => `${c.met ? '✓' : '×'} ${describeCondition(rubric, c)}`),
    });
  }
  const charts = chartModels(rubric, e, loc, lang);
  blocks.push({
    kind: 'chart',
    chart: 'radar',
    model: charts.radar,
    caption: t('charts.radarCaption'),
    label: t('charts.percent'),
  });
  blocks.push({
    kind: 'table',
    head: [t('results.indicator'), t('results.points'), t('results.max')],
    widths: [3, 1, 1],
    groupRows: rubric.dimensions.map((_, di) =>
      rubric.dimensions.slice(0, di).reduce((n, d) => n + 1 + d.secondaries.length, 0),
    ),
    rows: rubric.dimensions.flatMap((d, di) => [
      [loc(d.name), num(displayScore(e.score.dimensions[di]!.points)), String(d.weight)],
      ...d.secondaries.map((s) => {
        const sec = e.score.secondaries.find((x) => x.id === s.id)!;
        return [`  ${loc(s.name)}`, num(displayScore(sec.points)), num(s.points)];
      }),
    ]),
  });
  blocks.push({
    kind: 'chart',
    chart: 'bars',
    model: charts.bars,
    caption: t('charts.barsCaption'),
    labels: { constraint: t('scenario.constraint'), other: t('charts.other') },
  });
  blocks.push({
    kind: 'table',
    head: [t('results.scenario'), t('scenario.constraint'), t('results.counted')],
    widths: [3, 1, 2],
    rows: e.scenarios.map((s) => [
      scenarioName(rubric, s.id),
      s.constraint ? '✓' : '',
      s.ignoredLevels.length ? paren(levelName(rubric, s.level), t('results.gatedShort')) : levelName(rubric, s.level),
    ]),
  });

  // 2. Next-level plan
  blocks.push(...planBlocks(journey, lang));

  // 3. Roadmap by stage
  blocks.push({
    kind: 'heading',
    level: 1,
    text: t('report.roadmap', { industry: t(`industry.${guide.industry}`) }),
    id: 'roadmap',
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: `${t('roadmap.sources')}${clauses(guide.sources.map((s) => loc(s.title)))}`,
  });
  blocks.push(...oursBlocks(tr));
  const titles = new Map(guide.actions.map((a) => [a.id, loc(a.title)]));
  for (const stage of roadmap.stages) {
    const industryStages = list(stage.industryStages.map((s) => loc(s.name)));
    blocks.push({
      kind: 'heading',
      level: 2,
      text: industryStages
        ? paren(t(`stage.${stage.stage}`), `${t('roadmap.industryStages')}${industryStages}`)
        : t(`stage.${stage.stage}`),
    });
    for (const step of stage.steps) {
      const a = step.action;
      const status = step.status === 'done' && step.auto ? t('roadmap.autoDone') : t(`roadmap.status.${step.status}`);
      const effects = step.effect.scenarios.map(
        (s) => `${scenarioName(rubric, s.id)} ${levelName(rubric, s.from)}→${levelName(rubric, s.to)}`,
      );
      blocks.push({
        kind: 'step',
        title: a.title[lang],
        lines: [
          ...step.reasons.map((r) => `${t('report.why')}${reasonText(rubric, r, titles)}`),
          ...(effects.length ? [`${t('roadmap.effect')}${clauses(effects)}`] : []),
          `${t('roadmap.statusLabel')}${t('common.colon')}${status}${step.quarter ? ` · ${t('roadmap.quarter')}${t('common.colon')}${step.quarter}` : ''}${step.note ? ` · ${step.note}` : ''}`,
        ],
        citation: citationLine(tr, a.citation),
      });
    }
  }
  blocks.push(...supportBlocks(tr, guide));

  if (input.progress)
    blocks.push(
      ...progressBlocks(
        { rubric, current: input.progress.current, history: input.progress.history, guides: [guide] },
        lang,
      ),
    );

  // what the evidence defends is a finding, read before the appendices that list the evidence itself
  blocks.push(...defendedBlocks(tr, rubric, file));

  // Appendices: answers with notes and evidence, the evidence checklist, the filled-in form
  blocks.push({ kind: 'pageBreak' });
  blocks.push({ kind: 'heading', level: 1, text: t('report.appendixAnswers'), id: 'answers' });
  const notesOf = (id: string) =>
    [ext?.notes?.[id], ...(ext?.evidence?.[id] ?? []).map((x) => `· ${x}`)].filter(Boolean).join('\n');
  const answers = weightedAnswersOf(file);
  blocks.push({
    kind: 'table',
    head: [t('report.item'), t('report.answer'), t('report.notes')],
    widths: [3, 3, 2],
    rows: questionsOf(rubric).map((q) => {
      const a = answers[q.id];
      const text =
        a === undefined
          ? t('question.unanswered')
          : (Array.isArray(a) ? a : [a]).map((i) => loc(q.options[i]?.text)).join(t('common.clauseSeparator'));
      return [`${q.number}. ${loc(q.text)}`, text, notesOf(q.id)];
    }),
  });
  blocks.push({
    kind: 'table',
    head: [t('results.scenario'), t('report.ticked'), t('results.counted'), t('report.notes')],
    widths: [2, 2, 1, 2],
    rows: allScenarios(rubric).map((s) => {
      const checks = file.scenarios[s.id] ?? [false, false, false, false];
      const ticked = list(checks.flatMap((c, i) => (c ? [levelName(rubric, i + 1)] : []))) || '—';
      const counted = e.scenarios.find((x) => x.id === s.id)!.level;
      return [loc(s.name), ticked, levelName(rubric, counted), notesOf(s.id)];
    }),
  });

  blocks.push(...evidenceBlocks(rubric, file, e, lang));
  blocks.push(...formBlocks(rubric, file, e, lang));
  return reportDocument(lang, title, input.now, blocks);
}

/** 精简版 after the summary: the next-level plan and the open roadmap steps grouped by horizon, as tables. */
function shortBody(input: ReportInput, lang: Language): Block[] {
  const { rubric, evaluation: e, guide, roadmap } = input.journey;
  const tr = translator(lang);
  const { levelName } = phrases(tr);
  const all = topActions(roadmap, e.level, input.now, Infinity);
  return [
    ...planBlocks(input.journey, lang),
    {
      kind: 'heading',
      level: 1,
      text: tr.t('report.roadmap', { industry: tr.t(`industry.${guide.industry}`) }),
      id: 'roadmap',
    },
    oursNotice(tr),
    ...horizonBlocks(
      all,
      lang,
      levelPurpose(lang, (l) => levelName(rubric, l)),
    ),
    ...supportList(tr, guide),
  ];
}

/** The document around `blocks`: its title, page label, generation time and disclaimer in `lang`. */
export function reportDocument(lang: Language, title: string, now: number, blocks: Block[]): ReportDocument {
  const { t } = translator(lang);
  return {
    lang,
    title,
    pageLabel: t('report.pageLabel'),
    generatedAt: t('report.generatedAt', { date: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(now) }),
    disclaimer: t('results.disclaimer'),
    blocks,
  };
}
