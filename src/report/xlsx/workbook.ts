/**
 * The Excel workbook as plain sheets of cells, built from the same inputs and document as the report: the filled-in
 * form (one row per item, one per scenario; 具体数据 as the form fills it), the roadmap for tracking (horizons as the
 * summary gives them), the evidence checklist and the claims the evidence does not defend yet (the report document's
 * own tables, so the two never differ). Pure: write-xlsx.ts turns it into a file.
 */
import { displayScore, questionsOf, weightedAnswersOf, type AssessmentFile, type Question } from '../../domain/index';
import { topActions } from '../../domain/journey/summary';
import type { Translator } from '../../i18n/translator';
import { phrases } from '../../i18n/phrases';
import type { ReportInput } from '../build-report';
import type { ReportDocument } from '../document';
import { nameYears } from '../../domain/derive/years';
import { filledDataLine, otherEnergyLines } from '../form-blocks';
import { DEFENDED_ID } from '../defended-blocks';
import { sheetName } from './sheet-name';

export type CellValue = string | number;

export interface WorkbookSheet {
  name: string;
  /** A line above the head: enterprise, year, and that this is a self-assessment on which rubric. */
  title: string;
  head: string[];
  /** Column widths in characters. */
  widths: number[];
  rows: CellValue[][];
}

export interface Workbook {
  sheets: WorkbookSheet[];
}

export const TICK = '✓';

/**
 * `tr` must be in the document's language (`translator(doc.lang)`); it is passed in so that this lazily loaded module
 * shares the entry's translator instead of making the bundler split translator.ts off the first visit's chunk.
 */
export function buildWorkbook(input: ReportInput, doc: ReportDocument, tr: Translator): Workbook {
  const { t, loc, paren } = tr;
  const { levelName } = phrases(tr);
  const { file, journey } = input;
  const { rubric, evaluation: e, roadmap } = journey;
  const c = (key: string) => t(`office.col.${key}`);
  const title = workbookTitle(file, loc(rubric.title), tr);

  const points = new Map(e.score.items.map((i) => [i.id, i]));
  const where = new Map(
    rubric.dimensions.flatMap((d) => d.secondaries.flatMap((s) => s.questions.map((q) => [q.id, { d, s }] as const))),
  );
  const answers = weightedAnswersOf(file);
  const items: WorkbookSheet = {
    name: t('office.sheet.items'),
    title,
    head: [
      c('number'),
      c('dimension'),
      c('secondary'),
      c('collectionItem'),
      c('question'),
      c('chosen'),
      c('figures'),
      c('points'),
      c('max'),
    ],
    widths: [6, 12, 14, 16, 40, 40, 30, 8, 8],
    rows: questionsOf(rubric).map((q) => {
      const a = answers[q.id];
      const chosen =
        a === undefined
          ? t('office.unanswered')
          : (Array.isArray(a) ? a : [a]).map((i) => loc(q.options[i]?.text)).join('\n');
      const score = points.get(q.id);
      return [
        q.number,
        loc(where.get(q.id)?.d.name),
        loc(where.get(q.id)?.s.name),
        loc(q.collectionItem),
        loc(q.text),
        chosen,
        figures(rubric, q, file, tr),
        score ? displayScore(score.points) : 0,
        q.points,
      ];
    }),
  };

  const counted = new Map(e.scenarios.map((s) => [s.id, s]));
  const scenarios: WorkbookSheet = {
    name: t('office.sheet.scenarios'),
    title,
    head: [c('scenario'), c('constraint'), ...[1, 2, 3, 4].map((l) => levelName(rubric, l)), c('counted')],
    widths: [24, 10, 8, 8, 8, 8, 24],
    rows: rubric.scenarioGroups.flatMap((g) =>
      g.scenarios.map((s) => {
        const ticks = file.scenarios[s.id] ?? [false, false, false, false];
        const r = counted.get(s.id);
        const level = levelName(rubric, r?.level ?? 0);
        return [
          loc(s.name),
          s.constraint ? TICK : '',
          ...ticks.map((x) => (x ? TICK : '')),
          r?.ignoredLevels.length ? paren(level, t('results.gatedShort')) : level,
        ];
      }),
    ),
  };

  const steps = roadmap.stages.flatMap((st) => st.steps);
  // the horizon the report's summary and 精简版 give each open step
  const horizons = new Map(topActions(roadmap, e.level, input.now, Infinity).map((a) => [a.step.action.id, a.horizon]));
  const roadmapSheet: WorkbookSheet = {
    name: t('office.sheet.roadmap'),
    title,
    head: [c('number'), c('step'), c('stage'), c('horizon'), c('status'), c('quarter'), c('owner'), c('note')],
    widths: [6, 40, 14, 12, 12, 12, 12, 40],
    rows: steps.map((s, i) => [
      i + 1,
      loc(s.action.title),
      t(`stage.${s.stage}`),
      horizons.has(s.action.id) ? t(`reportSummary.horizons.${horizons.get(s.action.id)}`) : '',
      s.status === 'done' && s.auto ? t('roadmap.autoDone') : t(`roadmap.status.${s.status}`),
      s.quarter ?? '',
      '',
      s.note ?? '',
    ]),
  };

  const sheets = [items, scenarios, roadmapSheet];
  const evidence = evidenceTable(doc);
  if (evidence)
    sheets.push({
      name: t('office.sheet.evidence'),
      title,
      head: evidence.head,
      widths: [30, 60, 10],
      rows: evidence.rows,
    });
  // the claims the evidence does not yet defend: the report document's own table, under its own heading
  const atRisk = sectionTable(doc, DEFENDED_ID);
  if (atRisk)
    sheets.push({
      name: sheetName(atRisk.heading),
      title,
      head: atRisk.table.head,
      widths: [60, 30],
      rows: atRisk.table.rows,
    });
  return { sheets };
}

/** The line above every sheet's head: enterprise, year, and that this is a self-assessment on `rubric`. */
export function workbookTitle(file: AssessmentFile, rubric: string, tr: Translator): string {
  const name = file.profile?.name?.trim() || tr.t('home.anonymous');
  return [name, file.profile?.year, tr.t('office.selfAssessment', { rubric })].filter(Boolean).join(' · ');
}

/**
 * The item's 具体数据 line as the filled-in form prints it ("具体数据[72%]，其中…[50]台"), with 上年/前年 named as
 * the years they are (a workbook is read next to another year's), and under the energy item the "other energy"
 * rows as the report lists them; empty when nothing is typed.
 */
function figures(rubric: ReportInput['journey']['rubric'], q: Question, file: AssessmentFile, tr: Translator): string {
  const line = filledDataLine(rubric, q, file, tr.lang, (n) => tr.num(n, 4));
  const typed = line && line !== q.numericPrompt?.[tr.lang] ? [nameYears(line, file.profile?.year, tr.lang)] : [];
  const energyItem = (q.numericFields ?? []).some((f) => f.id === 'energy-last-year');
  return [...typed, ...(energyItem ? otherEnergyLines(file, tr.lang) : [])].join('\n');
}

/** The report document's evidence checklist table (after the heading with id "evidence"), if it has one. */
function evidenceTable(doc: ReportDocument) {
  return sectionTable(doc, 'evidence')?.table;
}

/** The first table of the level-1 section whose heading has `id`, with the heading's text. */
function sectionTable(doc: ReportDocument, id: string) {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === id);
  const heading = doc.blocks[start];
  if (start < 0 || heading?.kind !== 'heading') return undefined;
  for (const b of doc.blocks.slice(start + 1)) {
    if (b.kind === 'heading' && b.level === 1) return undefined;
    if (b.kind === 'table') return { heading: heading.text, table: b };
  }
  return undefined;
}
