/**
 * The report of a required-checklist rubric (晨星工厂) as the same ReportDocument the weighted report is: a one-page
 * summary, the result by level, review readiness (every required item up to the next level with the answer and the
 * evidence recorded for it), the data-readiness profile, the roadmap by horizon read through the mapping, and the
 * checklist in its own table layout. Print, PDF, Word and Excel lay it out with no code of their own.
 */
import {
  EXTENSION_KEY,
  checklistAnswersOf,
  checklistItems,
  type AssessmentFile,
  type ChecklistJourney,
  type ChecklistRubric,
  type ReadinessValue,
} from '../domain/index';
import { topActions } from '../domain/journey/summary';
import { translator, type Language, type Translator } from '../i18n/translator';
import type { Block, FormCell, ReportDocument } from './document';
import { reportDocument, type ReportVariant } from './build-report';
import { actionsTable, horizonBlocks, type Purpose } from './summary-blocks';
import { oursBlocks } from './ours-blocks';
import { supportBlocks } from './support-blocks';
import { defendedBlocks } from './defended-blocks';

export interface ChecklistReportInput {
  journey: ChecklistJourney;
  file: AssessmentFile;
  assessedAt: number;
  now: number;
}

const levelName = (tr: Translator, rubric: ChecklistRubric, level: number) =>
  level === 0 ? tr.t('checklist.belowOne') : tr.loc(rubric.levels[level - 1]?.name);

function readinessText(tr: Translator, rubric: ChecklistRubric, id: string, v: ReadinessValue): string {
  const field = rubric.readiness.fields.find((f) => f.id === id);
  const option = (o: string) => tr.loc(field?.options?.find((x) => x.id === o)?.label) || o;
  if (typeof v === 'boolean') return tr.t(v ? 'readiness.yes' : 'readiness.no');
  if (typeof v === 'number') return tr.num(v);
  if (Array.isArray(v)) return tr.list(v.map(option)) || '—';
  return field?.kind === 'single' ? option(v) : v;
}

export function buildChecklistReport(
  input: ChecklistReportInput,
  lang: Language,
  variant: ReportVariant = 'full',
): ReportDocument {
  const { journey, file } = input;
  const { rubric, evaluation: e, roadmap } = journey;
  const tr = translator(lang);
  const { t, loc } = tr;
  const name = file.profile?.name?.trim() || t('home.anonymous');
  const ext = file[EXTENSION_KEY];
  const met = checklistAnswersOf(file);
  const items = checklistItems(rubric);
  const itemName = (id: string) => {
    const item = items.find((x) => x.item.id === id)?.item;
    return loc(item?.name ?? item?.nameSupplied) || id;
  };
  const answerText = (id: string) =>
    met[id] === true ? t('checklist.met') : met[id] === false ? t('checklist.notMet') : t('checklistReport.unanswered');
  const lvl = (l: number) => levelName(tr, rubric, l);
  const blocks: Block[] = [];
  const missingCount = e.missingForNext.reduce((n, g) => n + g.items.length, 0);

  const form = (): Block[] => [
    { kind: 'heading', level: 1, text: t('checklistReport.formTitle'), id: 'form' },
    {
      kind: 'paragraph',
      tone: 'strong',
      text: t('reportForm.mark', { rubric: loc(rubric.title), edition: rubric.edition }),
    },
    {
      kind: 'form',
      head: [
        t('checklistReport.category'),
        t('checklistReport.indicator'),
        t('checklistReport.item'),
        t('checklistReport.explanation'),
        t('checklistReport.from'),
        t('checklistReport.selfMet'),
      ],
      widths: [1, 1.2, 1.6, 4, 1, 1.3],
      rows: rubric.categories.flatMap((c) => {
        const catRows = c.indicators.reduce((n, ind) => n + ind.items.length, 0);
        return c.indicators.flatMap((ind, ii) =>
          ind.items.map((item, k): (FormCell | null)[] => [
            ii === 0 && k === 0 ? { text: loc(c.name), rowSpan: catRows } : null,
            k === 0 ? { text: loc(ind.name), rowSpan: ind.items.length } : null,
            { text: loc(item.name ?? item.nameSupplied) },
            { text: loc(item.explanation) },
            {
              text:
                item.requiredFrom === null
                  ? t('checklist.optional')
                  : `${lvl(item.requiredFrom)} ${'★'.repeat(item.stars)}`,
            },
            {
              options: [
                { text: t('checklist.met'), checked: met[item.id] === true },
                { text: t('checklist.notMet'), checked: met[item.id] === false },
              ],
            },
          ]),
        );
      }),
    },
  ];
  const doc = (title: string) => reportDocument(lang, `${title} · ${name}`, input.now, blocks);
  if (variant === 'form') {
    blocks.push(...form());
    return doc(t('checklistReport.formTitle'));
  }

  // the one-page summary
  const why =
    e.nextLevel === null
      ? t('checklistReport.whyTop', { level: lvl(e.level) })
      : t('checklistReport.why', { level: lvl(e.level), next: lvl(e.nextLevel), count: missingCount });
  const actions = roadmap ? topActions(roadmap, e.level, input.now) : [];
  const purpose: Purpose = (a) =>
    a.servesNext && e.nextLevel !== null
      ? t('reportSummary.servesLevel', { level: lvl(e.nextLevel) })
      : t('reportSummary.later');
  const summary: Block[] = [
    {
      kind: 'keyValues',
      rows: [
        [t('reportSummary.enterprise'), name],
        [t('report.year'), file.profile?.year ? String(file.profile.year) : '—'],
        [t('report.level'), lvl(e.level)],
        [t('checklistReport.metItems'), t('checklist.metCount', { met: e.metCount, total: e.itemCount })],
        [t('report.rubric'), t('sources.rubricValue', { standard: loc(rubric.title), seed: loc(rubric.source.title) })],
      ],
    },
    { kind: 'paragraph', tone: 'strong', text: why },
  ];
  if (e.nextLevel !== null) {
    const names = e.missingForNext.flatMap((g) => g.items).map(itemName);
    summary.push(
      { kind: 'heading', level: 3, text: t('checklistReport.missing', { level: lvl(e.nextLevel) }) },
      { kind: 'list', items: names.length > 8 ? [...names.slice(0, 7), `… (${names.length})`] : names },
    );
  }
  summary.push({ kind: 'heading', level: 3, text: t('reportSummary.actions') });
  summary.push(
    actions.length ? actionsTable(actions, lang, purpose) : { kind: 'paragraph', text: t('reportSummary.noActions') },
  );
  blocks.push({ kind: 'summary', title: t('reportSummary.title'), blocks: summary });

  // 1. result by level
  blocks.push({ kind: 'heading', level: 1, text: t('checklistReport.results'), id: 'summary' });
  blocks.push({
    kind: 'table',
    head: [t('checklistReport.level'), t('checklist.required'), t('checklist.metRequired')],
    widths: [2, 1, 1],
    rows: e.requiredCounts.map((r) => [lvl(r.level), String(r.required), String(r.met)]),
  });
  if (!e.complete)
    blocks.push({ kind: 'paragraph', tone: 'muted', text: t('checklist.incomplete', { count: e.unanswered.length }) });

  // 2. review readiness: the items required up to the next level (all required items at the top)
  const upTo = e.nextLevel ?? rubric.levels.length;
  blocks.push({ kind: 'heading', level: 1, text: t('checklistReport.readiness'), id: 'review' });
  blocks.push({ kind: 'paragraph', text: t('checklistReport.readinessIntro', { level: lvl(upTo) }) });
  const evidenceOf = (id: string) =>
    [ext?.notes?.[id], ...(ext?.evidence?.[id] ?? []).map((x) => `· ${x}`)].filter(Boolean).join('\n') ||
    t('checklistReport.noEvidence');
  blocks.push({
    kind: 'table',
    head: [
      t('checklistReport.item'),
      t('checklistReport.from'),
      t('checklistReport.answer'),
      t('checklistReport.evidence'),
    ],
    widths: [3, 1, 1, 3],
    rows: items
      .filter(({ item }) => item.requiredFrom !== null && item.requiredFrom <= upTo)
      .map(({ item }) => [itemName(item.id), lvl(item.requiredFrom!), answerText(item.id), evidenceOf(item.id)]),
  });
  // the level the attachments defend, with the items without one
  blocks.push(...defendedBlocks(tr, rubric, file));

  // 3. data-readiness profile
  blocks.push({ kind: 'heading', level: 1, text: t('checklistReport.profile'), id: 'readiness' });
  const values = ext?.readiness ?? {};
  const answered = rubric.readiness.fields.filter((f) => values[f.id] !== undefined);
  if (!answered.length) blocks.push({ kind: 'paragraph', text: t('checklistReport.profileEmpty') });
  else
    blocks.push({
      kind: 'table',
      head: [t('checklistReport.field'), t('checklistReport.value')],
      widths: [3, 4],
      rows: answered.map((f) => {
        const group = rubric.readiness.groups.find((g) => g.id === f.group);
        return [`${loc(group?.label)} · ${loc(f.label)}`, readinessText(tr, rubric, f.id, values[f.id]!)];
      }),
    });

  // 4. the roadmap by horizon, read through the mapping onto the national rubric
  if (roadmap) {
    blocks.push({ kind: 'heading', level: 1, text: t('checklistReport.plan'), id: 'roadmap' });
    blocks.push(...oursBlocks(tr, journey.mappingNote));
    blocks.push(...horizonBlocks(topActions(roadmap, e.level, input.now, Infinity), lang, purpose));
    if (journey.guide) blocks.push(...supportBlocks(tr, journey.guide));
  }

  if (variant === 'full') {
    blocks.push({ kind: 'pageBreak' });
    blocks.push(...form());
  }
  return doc(t('checklistReport.title'));
}
