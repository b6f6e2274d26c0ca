/**
 * The report's progress sections, for an enterprise with more than one assessment: the comparison with
 * the previous assessment and the trend over all of them (charts with the same figures as tables beside
 * them), as report blocks. Every character used is in the PDF font's charset (signs: + and − U+2212, ✓, →).
 */
import {
  chronological,
  compareAssessments,
  displayScore,
  findPrevious,
  trendSeries,
  EFFECT_INDICATORS,
  type AssessmentFile,
  type Evaluation,
  type Guide,
  type WeightedRubric,
} from '../domain/index';
import { translator, type Language } from '../i18n/translator';
import { phrases } from '../i18n/phrases';
import { trendModels } from './trend-models';
import type { Block } from './document';
import { progressStrings } from '../i18n/lazy/progress';

progressStrings(); // loads with the report code, not with the first visit

export interface ProgressEntry {
  /** Local record id. */
  id: string;
  file: AssessmentFile;
  evaluation: Evaluation;
  /** The record's creation time, ms since epoch. */
  createdAt: number;
}

export interface ProgressInput {
  rubric: WeightedRubric;
  /** The assessment the report is about. */
  current: ProgressEntry;
  /** Every assessment of the same enterprise; may include `current` (matched by id, `current` wins). */
  history: readonly ProgressEntry[];
  /** Industry guides to name roadmap steps by their titles (ids are shown for steps not found). */
  guides?: readonly Guide[];
}

/**
 * Blocks for the comparison (current vs the assessment it was re-assessed from, else the one before it)
 * and the trend, in `lang`. Empty when the enterprise has only one assessment of this rubric.
 */
export function progressBlocks(input: ProgressInput, lang: Language): Block[] {
  const tr = translator(lang);
  const { t, loc, num, paren, clauses } = tr;
  const { levelName, scenarioName, pointLabel, pointTitle, signedNumber, signedScore } = phrases(tr);
  const { rubric, current } = input;
  const entries = chronological([
    ...input.history.filter((e) => e.id !== current.id && e.file.rubric === rubric.id),
    current,
  ]);
  if (entries.length < 2) return [];
  const series = trendSeries(entries, rubric.id);
  const label = new Map(series.points.map((p) => [p.id, pointLabel(series, p)]));
  const title = new Map(series.points.map((p) => [p.id, pointTitle(series, p)]));
  const blocks: Block[] = [];

  const i = entries.indexOf(current);
  const linked = findPrevious(current.file, entries);
  const previous = linked && linked.id !== current.id ? linked : entries[i - 1];
  if (previous) {
    const [before, after] = chronological([previous, current]) as [ProgressEntry, ProgressEntry];
    const c = compareAssessments(rubric, before, after);
    const b = label.get(before.id)!;
    const a = label.get(after.id)!;
    blocks.push({ kind: 'heading', level: 1, text: t('progress.report.compareTitle'), id: 'progress' });
    blocks.push({
      kind: 'paragraph',
      text: t('progress.report.compareIntro', { before: title.get(before.id), after: title.get(after.id) }),
    });
    blocks.push({
      kind: 'keyValues',
      rows: [
        [
          t('progress.compare.level'),
          paren(
            t('progress.report.levelChange', {
              before: levelName(rubric, c.level.before),
              after: levelName(rubric, c.level.after),
            }),
            signedNumber(c.level.delta, 0),
          ),
        ],
        [
          t('progress.compare.score'),
          paren(
            `${num(displayScore(c.total.before))} → ${num(displayScore(c.total.after))}`,
            signedScore(c.total.delta),
          ),
        ],
      ],
    });

    const rows: string[][] = [];
    const groupRows: number[] = [];
    rubric.dimensions.forEach((d, di) => {
      const dim = c.dimensions[di]!;
      groupRows.push(rows.length);
      rows.push([loc(d.name), num(displayScore(dim.before)), num(displayScore(dim.after)), signedScore(dim.delta)]);
      for (const s of d.secondaries) {
        const sec = c.secondaries.find((x) => x.id === s.id)!;
        rows.push([
          `  ${loc(s.name)}`,
          num(displayScore(sec.before)),
          num(displayScore(sec.after)),
          signedScore(sec.delta),
        ]);
        for (const q of s.questions) {
          const item = c.items.find((x) => x.id === q.id)!;
          rows.push([
            `    ${q.number}. ${loc(q.collectionItem)}`,
            num(displayScore(item.before)),
            num(displayScore(item.after)),
            signedScore(item.delta),
          ]);
        }
      }
    });
    blocks.push({
      kind: 'table',
      head: [t('progress.compare.indicator'), b, a, t('progress.compare.change')],
      widths: [3, 1, 1, 1],
      groupRows,
      rows,
    });

    blocks.push({ kind: 'heading', level: 2, text: t('progress.compare.scenarios') });
    if (!c.rose.length && !c.fell.length)
      blocks.push({ kind: 'paragraph', text: t('progress.compare.noScenarioChange') });
    for (const [key, list] of [
      ['rose', c.rose],
      ['fell', c.fell],
    ] as const) {
      if (!list.length) continue;
      blocks.push({ kind: 'paragraph', tone: 'strong', text: t(`progress.compare.${key}`, { count: list.length }) });
      blocks.push({
        kind: 'list',
        items: list.map((s) =>
          t('progress.report.scenarioChange', {
            name: scenarioName(rubric, s.id),
            before: levelName(rubric, s.before),
            after: levelName(rubric, s.after),
            delta: signedNumber(s.delta, 0),
          }),
        ),
      });
    }

    blocks.push({ kind: 'heading', level: 2, text: t('progress.compare.steps') });
    const stepTitle = (id: string) => {
      for (const g of input.guides ?? []) {
        const action = g.actions.find((x) => x.id === id);
        if (action) return loc(action.title);
      }
      return id;
    };
    if (c.stepsCompleted.length)
      blocks.push({
        kind: 'list',
        items: c.stepsCompleted.map(
          (s) =>
            `✓ ${s.quarter ? paren(stepTitle(s.id), t('progress.compare.quarter', { quarter: s.quarter })) : stepTitle(s.id)}`,
        ),
      });
    else blocks.push({ kind: 'paragraph', text: t('progress.compare.noSteps') });
    if (c.stepsReopened.length)
      blocks.push({
        kind: 'paragraph',
        tone: 'muted',
        text: t('progress.compare.reopened', { steps: clauses(c.stepsReopened.map(stepTitle)) }),
      });

    const entered = c.results.filter((r) => r.before !== undefined || r.after !== undefined);
    if (entered.length) {
      blocks.push({ kind: 'heading', level: 2, text: t('progress.compare.results') });
      blocks.push({
        kind: 'table',
        head: [t('progress.compare.indicator'), b, a, t('progress.compare.change')],
        widths: [3, 1, 1, 2],
        rows: entered.map((r) => {
          const ind = EFFECT_INDICATORS.indicators.find((x) => x.id === r.id)!;
          return [
            paren(loc(ind.name), loc(ind.unit)),
            r.before === undefined ? '—' : num(r.before, 4),
            r.after === undefined ? '—' : num(r.after, 4),
            r.delta !== undefined && r.trend ? `${signedNumber(r.delta, 4)} ${t(`progress.compare.${r.trend}`)}` : '—',
          ];
        }),
      });
    }
  }

  // Trend over all assessments of this rubric
  blocks.push({ kind: 'heading', level: 1, text: t('progress.report.trendTitle'), id: 'trend' });
  blocks.push({ kind: 'paragraph', text: t('progress.report.trendIntro', { count: series.points.length }) });
  const charts = trendModels(
    rubric,
    series,
    series.points.map((p) => label.get(p.id)!),
    { total: t('progress.trend.total'), level: t('progress.trend.level') },
    loc,
  );
  blocks.push({ kind: 'chart', chart: 'trend', model: charts.lines, caption: t('progress.trend.scoresChart') });
  blocks.push({ kind: 'chart', chart: 'levels', model: charts.steps, caption: t('progress.trend.levelChart') });
  const dimensionName = (id: string) => loc(rubric.dimensions.find((d) => d.id === id)?.name);
  blocks.push({
    kind: 'table',
    head: [
      t('progress.trend.assessment'),
      t('progress.trend.total'),
      ...series.dimensions.map((d) => dimensionName(d.id)),
      t('progress.trend.level'),
    ],
    widths: [2, 1, ...series.dimensions.map(() => 1), 1],
    rows: series.points.map((p) => [
      title.get(p.id)!,
      num(displayScore(p.total)),
      ...p.dimensions.map((d) => num(displayScore(d))),
      levelName(rubric, p.level),
    ]),
  });
  const shown = EFFECT_INDICATORS.indicators.filter((ind) =>
    series.points.some((p) => p.results[ind.id] !== undefined),
  );
  if (shown.length)
    blocks.push({
      kind: 'table',
      head: [t('progress.compare.indicator'), ...series.points.map((p) => label.get(p.id)!)],
      widths: [3, ...series.points.map(() => 1)],
      rows: shown.map((ind) => [
        paren(loc(ind.name), loc(ind.unit)),
        ...series.points.map((p) => (p.results[ind.id] === undefined ? '—' : num(p.results[ind.id]!, 4))),
      ]),
    });
  return blocks;
}
