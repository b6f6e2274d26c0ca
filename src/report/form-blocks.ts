/**
 * The official self-assessment form of seed 003, filled in: attachment 1 (一级指标 · 二级指标 · 采集项 · 序号 · 题目 ·
 * 选项 · 选项类型, every option marked, the 具体数据 blanks filled with the enterprise's figures) and attachment 2
 * (each scenario's four level descriptions with the enterprise's ticks and the counted level). Generated from the
 * rubric data, never retyped, and marked as a self-assessment with the rubric's edition.
 */
import {
  EXTENSION_KEY,
  deriveOption,
  displayScore,
  type AssessmentFile,
  type Evaluation,
  type Question,
  type WeightedRubric,
} from '../domain/index';
import { nameYears } from '../domain/derive/years';
import { translator, type Language } from '../i18n/translator';
import { phrases } from '../i18n/phrases';
import type { Block, FormCell } from './document';
import { reportStrings } from '../i18n/lazy/report';

reportStrings(); // also when the Excel workbook uses the form without the rest of the report

/** The blanks of a 具体数据 line: "[    ]" with any number of spaces. */
const BLANK = /\[\s*\]/g;

/**
 * The seed's 具体数据 line with its blanks filled: the fields printed in the seed, in order; when the line has one
 * blank more than fields, the first is the ratio the fields give (具体数据[12%]). A blank without a figure stays.
 */
export function filledDataLine(
  rubric: WeightedRubric,
  q: Question,
  file: AssessmentFile,
  lang: Language,
  num: (n: number) => string,
): string | undefined {
  const prompt = q.numericPrompt?.[lang];
  if (!prompt) return undefined;
  const numbers = file[EXTENSION_KEY]?.numbers ?? {};
  const values: (string | undefined)[] = (q.numericFields ?? [])
    .filter((f) => f.inSeed)
    .map((f) => {
      const v = numbers[q.id]?.[f.id];
      return typeof v === 'number' && Number.isFinite(v) ? num(v) : undefined;
    });
  const blanks = prompt.match(BLANK)?.length ?? 0;
  if (blanks === values.length + 1) {
    const d = deriveOption(rubric, q.id, numbers);
    const ratio = d.kind === 'ok' ? d.arithmetic.find((s) => s.kind === 'ratio') : undefined;
    values.unshift(ratio?.kind === 'ratio' ? `${num(ratio.percent)}%` : undefined);
  }
  let i = 0;
  return prompt.replace(BLANK, (blank) => {
    const v = values[i++];
    return v === undefined ? blank : `[${v}]`;
  });
}

/**
 * The q12 helper's "other energy" rows as lines under the energy item's figures, each saying that its
 * coefficient was entered by the user (the rubric's table does not list the carrier).
 */
export function otherEnergyLines(file: AssessmentFile, lang: Language): string[] {
  const { t, num } = translator(lang);
  const rows = file[EXTENSION_KEY]?.energy?.other ?? [];
  return rows.flatMap((r) =>
    (['lastYear', 'yearBefore'] as const).flatMap((y) => {
      const amount = r[y];
      if (amount === undefined) return [];
      const line = t('numbers.energy.other.line', {
        name: r.name,
        amount: num(amount, 4),
        unit: r.unit,
        coefficient: num(r.coefficient, 6),
        userCoefficient: t('numbers.energy.other.userCoefficient'),
        tce: num(amount * r.coefficient, 4),
      });
      return [`${nameYears(t(`energy.${y}`), file.profile?.year, lang)}${t('common.colon')}${line}`];
    }),
  );
}

export function formBlocks(rubric: WeightedRubric, file: AssessmentFile, e: Evaluation, lang: Language): Block[] {
  const tr = translator(lang);
  const { t, loc, num } = tr;
  const { levelName } = phrases(tr);
  const weighted = (name: string, weight: number, points: number) =>
    `${name}\n${t('reportForm.weight', { weight, points: num(points) })}`;

  // attachment 1: the dimension and secondary cells span their questions' rows, as in the seed
  const rows1: (FormCell | null)[][] = [];
  for (const d of rubric.dimensions) {
    const dimRows = d.secondaries.reduce((n, s) => n + s.questions.length, 0);
    d.secondaries.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        const answer = file.answers[q.id];
        const chosen = new Set(answer === undefined ? [] : Array.isArray(answer) ? answer : [answer]);
        const item = e.score.items.find((x) => x.id === q.id);
        const energyItem = (q.numericFields ?? []).some((f) => f.id === 'energy-last-year');
        const data =
          [filledDataLine(rubric, q, file, lang, (n) => num(n, 4)), ...(energyItem ? otherEnergyLines(file, lang) : [])]
            .filter((x) => x !== undefined)
            .join('\n') || undefined;
        rows1.push([
          si === 0 && qi === 0 ? { text: weighted(loc(d.name), d.weight, d.points), rowSpan: dimRows } : null,
          qi === 0 ? { text: weighted(loc(s.name), s.weight, s.points), rowSpan: s.questions.length } : null,
          { text: weighted(loc(q.collectionItem), q.weight, q.points) },
          { text: String(q.number) },
          { text: loc(q.text) },
          {
            options: q.options.map((o, i) => ({ text: loc(o.text), checked: chosen.has(i) })),
            ...(data ? { data } : {}),
          },
          { text: t(`question.${q.type}`) },
          { text: item?.answered ? num(displayScore(item.points)) : '—' },
        ]);
      }),
    );
  }

  // attachment 2: one row per scenario, its group cell spanning the group
  const rows2: (FormCell | null)[][] = [];
  for (const g of rubric.scenarioGroups) {
    g.scenarios.forEach((s, i) => {
      const checks = file.scenarios[s.id] ?? [false, false, false, false];
      const result = e.scenarios.find((x) => x.id === s.id);
      const counted = result ? levelName(rubric, result.level) : '—';
      rows2.push([
        i === 0 ? { text: loc(g.name), rowSpan: g.scenarios.length } : null,
        { text: `${loc(s.name)}${s.constraint ? '*' : ''}` },
        ...s.levels.map((l, li): FormCell => ({ options: [{ text: loc(l), checked: checks[li] === true }] })),
        { text: result?.ignoredLevels.length ? `${counted}${t('reportForm.gated')}` : counted },
      ]);
    });
  }

  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: t('reportForm.title'), id: 'form' },
    {
      kind: 'paragraph',
      tone: 'strong',
      text: t('reportForm.mark', { rubric: loc(rubric.title), edition: rubric.edition }),
    },
    { kind: 'heading', level: 2, text: loc(rubric.source.attachments[0]) || t('reportForm.attachment1') },
    {
      kind: 'form',
      head: [
        t('reportForm.dimension'),
        t('reportForm.secondary'),
        t('reportForm.collectionItem'),
        t('reportForm.number'),
        t('reportForm.question'),
        t('reportForm.options'),
        t('reportForm.optionType'),
        t('reportForm.points'),
      ],
      widths: [1.3, 1.3, 1.3, 0.6, 1.8, 4.6, 0.8, 0.8],
      rows: rows1,
    },
    { kind: 'heading', level: 2, text: loc(rubric.source.attachments[1]) || t('reportForm.attachment2') },
    { kind: 'paragraph', tone: 'muted', text: t('reportForm.constraintNote') },
    {
      kind: 'form',
      head: [
        t('reportForm.dimension'),
        t('reportForm.scenario'),
        ...[1, 2, 3, 4].map((l) => levelName(rubric, l)),
        t('reportForm.counted'),
      ],
      widths: [1, 1.2, 2.2, 2.2, 2.2, 2.2, 1],
      rows: rows2,
    },
  ];
}
