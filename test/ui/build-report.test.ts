import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXTENSION_KEY,
  allScenarios,
  checklistItems,
  getRubric,
  hasRoadmap,
  journeyFor,
  loadGuide,
  loadJourneyData,
  loadRubric,
  questionsOf,
  type AssessmentFile,
  type ChecklistRubric,
  type Industry,
  weightedAnswersOf,
} from '../../src/domain/index';
import { buildReport, type ReportVariant } from '../../src/report/build-report';
import { buildChecklistReport } from '../../src/report/checklist-report';
import { documentText, type ReportDocument } from '../../src/report/document';
import { withoutInvisible } from '../../src/report/normalise-text';
import { missingCharacters } from '../../src/report/fonts/charset';
import { writePdf } from '../../src/report/pdf/write-pdf';
import { currentLanguage, setLanguage } from '../../src/i18n/index.svelte';
import type { Language } from '../../src/i18n/translator';

const rubric = getRubric('cn-sme-2024')!;
const file: AssessmentFile = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'),
);
const guide = await loadGuide('food-beverage');
const NOW = Date.parse('2026-11-23T08:00:00Z');

function journeyOf() {
  const journey = journeyFor({ rubric, file, guide });
  if (!hasRoadmap(journey)) throw new Error('no roadmap');
  return journey;
}

function report(lang: Language) {
  return buildReport({ journey: journeyOf(), file, assessedAt: NOW, now: NOW }, lang);
}

afterAll(() => setLanguage('zh-CN'));

/** A 晨星工厂 assessment (level 2) with its journey read through the mapping, for an industry's guide. */
async function chenxingJourney(industry: Industry) {
  const checklist = (await loadRubric('sd-chenxing-2022')) as ChecklistRubric;
  const cfile: AssessmentFile = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/chenxing-level2.json'), 'utf8'),
  );
  const data = await loadJourneyData(checklist, industry);
  return { cfile, data, journey: journeyFor({ rubric: checklist, file: cfile, ...data }) };
}

describe('buildReport language', () => {
  it('is built in the language it is given, whatever the UI shows, and leaves the UI language alone', async () => {
    for (const [ui, lang] of [
      ['zh-CN', 'en'],
      ['en', 'zh-CN'],
    ] as const) {
      await setLanguage(ui);
      const doc = report(lang);
      expect(doc.lang).toBe(lang);
      expect(doc.title).toMatch(lang === 'en' ? /^[\x20-\x7e]+ · / : /^[^\x20-\x7e]+ · /);
      expect(documentText(doc)).toContain(lang === 'en' ? 'Reach Level 4' : '达到四级');
      expect(currentLanguage()).toBe(ui);
    }
  });
});

describe('buildReport punctuation', () => {
  it('uses Chinese brackets and separators in Chinese', () => {
    const text = documentText(report('zh-CN'));
    expect(text).toMatch(/达到四级（共 \d+ 步）/);
    expect(text).toContain('技术改造（本行业阶段：');
  });

  it('has no Chinese punctuation of its own in English (only in the enterprise name and the quoted seed headings)', () => {
    // citations quote the seed's section heading verbatim, in Chinese, on purpose
    const doc = report('en');
    const blocks = doc.blocks.map((b) => (b.kind === 'step' ? { ...b, citation: '' } : b));
    const text = documentText({ ...doc, blocks }).replaceAll(file.profile!.name!, '');
    const found = [...text.matchAll(/.{0,30}[（）；：、].{0,10}/g)].map((m) => m[0]);
    expect(found).toEqual([]);
    expect(text).toMatch(/Reach Level 4 \(\d+ steps\)/);
  });
});

// ── issue 18: the one-page summary, the variants, the filled-in form, the checklist report ─────────────────────

const example: AssessmentFile = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/examples/food-beverage-example.json'), 'utf8'),
);
/** The example with the figures of q2, q3 and q14 typed in (12% digitised, 30% networked). */
const withNumbers: AssessmentFile = {
  ...example,
  [EXTENSION_KEY]: {
    numbers: {
      q2: { 'equipment-total': 50, 'equipment-digitised': 6 },
      q3: { 'equipment-networked': 15 },
      q14: { 'employees-last-year': 120, 'revenue-last-year': 8000 },
    },
  },
};
/** Every item at its last option, every scenario at level 4: the longest summary texts. */
const allMax: AssessmentFile = {
  ...example,
  answers: Object.fromEntries(
    questionsOf(rubric).map((q) => [
      q.id,
      q.type === 'multiple' ? q.options.map((_, i) => i).slice(1) : q.options.length - 1,
    ]),
  ),
  scenarios: Object.fromEntries(allScenarios(rubric).map((s) => [s.id, [true, true, true, true] as const])),
};

function docOf(f: AssessmentFile, lang: Language, variant: ReportVariant = 'full') {
  const journey = journeyFor({ rubric, file: f, guide });
  if (!hasRoadmap(journey)) throw new Error('no roadmap');
  return buildReport({ journey, file: f, assessedAt: NOW, now: NOW }, lang, variant);
}
const summaryOf = (doc: ReportDocument) => {
  const b = doc.blocks[0];
  if (b?.kind !== 'summary') throw new Error(`the first block is ${b?.kind}`);
  return b;
};
const formsOf = (doc: ReportDocument) => doc.blocks.filter((b) => b.kind === 'form');

describe('the one-page summary', () => {
  it('opens every variant but the form: enterprise, year, level, why, score by part, missing conditions, three actions', () => {
    for (const variant of ['short', 'full'] as const) {
      const s = summaryOf(docOf(example, 'zh-CN', variant));
      const text = documentText({ ...docOf(example, 'zh-CN'), blocks: [s] });
      expect(text).toContain('示例食品有限公司');
      expect(text).toContain('2026');
      const kv = s.blocks.find((b) => b.kind === 'keyValues')!;
      expect(kv.kind === 'keyValues' && kv.rows.find(([k]) => k === '总体等级')?.[1]).toBe('三级');
      // beside the claimed level, the level the evidence defends (the example holds no evidence)
      expect(kv.kind === 'keyValues' && kv.rows.find(([k]) => k === '有佐证支撑的等级')?.[1]).toBe('未达一级');
      // the results screen's sentence (owner/why.ts), after the level
      const why = s.blocks.find((b) => b.kind === 'paragraph' && b.tone === 'strong');
      expect(why?.kind === 'paragraph' && why.text).toMatch(
        /^评为三级。要达到四级，得分还差 20 分，还差 9 个场景达到四级，其中至少 5 个须为约束性场景（最接近的：.*）。$/,
      );
      const parts = s.blocks.find((b) => b.kind === 'table' && b.head[0] === '部分');
      expect(parts?.kind === 'table' && parts.rows.map((r) => r[0])).toEqual(
        rubric.dimensions.map((d) => d.name['zh-CN']),
      );
      expect(text).toContain('达到四级还缺少的条件');
      const actions = s.blocks.find((b) => b.kind === 'table' && b.head.includes('期限'));
      expect(actions?.kind === 'table' && actions.rows.length).toBe(3);
      expect(actions?.kind === 'table' && actions.rows[0]![2]).toBe('未来 90 天');
    }
  });

  it('says why in English and at the top level, and has no chart, step or form (it must fit one page)', () => {
    const en = summaryOf(docOf(example, 'en'));
    expect(documentText({ ...docOf(example, 'en'), blocks: [en] })).toMatch(/Rated Level 3\. .*Level 4/);
    const top = summaryOf(docOf(allMax, 'zh-CN'));
    expect(documentText({ ...docOf(allMax, 'zh-CN'), blocks: [top] })).toContain('已达到最高等级四级。');
    for (const s of [en, top]) expect(s.blocks.map((b) => b.kind)).not.toContain('chart');
  });

  it('gives the change since the previous assessment when there is one', () => {
    const journey = journeyFor({ rubric, file: example, guide });
    if (!hasRoadmap(journey)) throw new Error('no roadmap');
    const before = { ...example, profile: { ...example.profile, year: 2025 }, answers: { ...example.answers, q2: 0 } };
    const entry = (id: string, f: AssessmentFile, createdAt: number) => ({
      id,
      file: f,
      evaluation: journeyFor({ rubric, file: f }).evaluation,
      createdAt,
    });
    const current = entry('b', example, NOW);
    const doc = buildReport(
      {
        journey,
        file: example,
        assessedAt: NOW,
        now: NOW,
        progress: { current, history: [entry('a', before, NOW - 9e9), current] },
      },
      'zh-CN',
    );
    expect(documentText({ ...doc, blocks: [summaryOf(doc)] })).toContain(
      '2025：二级，54 分 → 本次：三级，60 分（+6 分）',
    );
  });
});

describe('report variants', () => {
  it('精简版 is the summary, the plan and the roadmap by horizon: no step cards, no appendix, no form', () => {
    const doc = docOf(example, 'zh-CN', 'short');
    const kinds = new Set(doc.blocks.map((b) => b.kind));
    expect(kinds.has('step') || kinds.has('form') || kinds.has('chart')).toBe(false);
    const h1 = doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(h1).toEqual(['二、达到下一级的最省力方案', '三、转型路线图（食品饮料）']);
    expect(documentText(doc)).toContain('今年内');
    // where to get help, one line per entry with its source, the grouping marked as ours
    const help = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'roadmap-support');
    expect(help).toBeGreaterThan(0);
    const list = doc.blocks[help + 2];
    expect(list?.kind === 'list' && list.items.length).toBeGreaterThan(3);
    expect(list?.kind === 'list' && list.items[0]).toMatch(/^诊断咨询 · .+（出处：.+ · .+）$/);
    expect(documentText(doc)).toContain('分类和简短标题是本工具的表述');
  });

  it('完整版 keeps everything, the appendices (with the form) after a page break', () => {
    const doc = docOf(example, 'zh-CN', 'full');
    const i = doc.blocks.findIndex((b) => b.kind === 'pageBreak');
    expect(doc.blocks.slice(0, i).some((b) => b.kind === 'step')).toBe(true);
    expect(doc.blocks.slice(i).some((b) => b.kind === 'step')).toBe(false);
    expect(formsOf(doc)).toHaveLength(2);
  });
});

describe('the filled-in official form', () => {
  it('lists every item of attachment 1 in table order with every option marked as answered', () => {
    const doc = docOf(withNumbers, 'zh-CN', 'form');
    const [a1] = formsOf(doc);
    expect(a1?.kind === 'form' && a1.head).toEqual([
      '一级指标',
      '二级指标',
      '采集项',
      '序号',
      '题目',
      '选项',
      '选项类型',
      '得分',
    ]);
    if (a1?.kind !== 'form') throw new Error('no form');
    const questions = questionsOf(rubric);
    expect(a1.rows).toHaveLength(questions.length);
    a1.rows.forEach((row, i) => {
      const q = questions[i]!;
      expect(row[3]).toEqual({ text: String(q.number) });
      expect(row[4]).toEqual({ text: q.text['zh-CN'] });
      const options = row[5];
      if (!options || !('options' in options)) throw new Error(`row ${i}: no options`);
      const a = weightedAnswersOf(withNumbers)[q.id];
      const chosen = a === undefined ? [] : Array.isArray(a) ? a : [a];
      expect(options.options.map((o) => o.text)).toEqual(q.options.map((o) => o.text['zh-CN']));
      expect(options.options.flatMap((o, k) => (o.checked ? [k] : []))).toEqual([...chosen].sort((x, y) => x - y));
      expect(row[6]).toEqual({ text: q.type === 'single' ? '单选' : '多选' });
    });
    // the first dimension cell spans its questions; the rows it covers are null
    const dimRows = rubric.dimensions[0]!.secondaries.reduce((n, s) => n + s.questions.length, 0);
    expect(a1.rows[0]![0]).toMatchObject({ rowSpan: dimRows });
    expect(a1.rows[1]![0]).toBeNull();
  });

  it('fills the 具体数据 blanks with the enterprise figures and leaves the others blank', () => {
    const [a1] = formsOf(docOf(withNumbers, 'zh-CN', 'form'));
    if (a1?.kind !== 'form') throw new Error('no form');
    const data = (n: number) => {
      const c = a1.rows[n - 1]![5];
      return c && 'options' in c ? c.data : undefined;
    };
    expect(data(2)).toBe('具体数据[12%]，其中生产设备数量为[50]台，实现数字化的生产设备数量为[6]台');
    expect(data(3)).toBe('具体数据[30%]，其中实现联网的生产设备数量为[15]台');
    expect(data(14)).toMatch(/^企业上年员工人数为\[120\]人，营业收入为\[8,000\]万元；前年员工人数为\[\s+\]人/);
    expect(data(1)).toBeUndefined();
  });

  it("gives attachment 2 with each scenario's four descriptions ticked as answered and the counted level", () => {
    const doc = docOf(example, 'zh-CN', 'form');
    const a2 = formsOf(doc)[1];
    if (a2?.kind !== 'form') throw new Error('no attachment 2');
    const scenarios = allScenarios(rubric);
    const evaluation = journeyFor({ rubric, file: example }).evaluation;
    expect(a2.rows).toHaveLength(scenarios.length);
    a2.rows.forEach((row, i) => {
      const s = scenarios[i]!;
      expect(row[1]).toEqual({ text: `${s.name['zh-CN']}${s.constraint ? '*' : ''}` });
      const ticks = row.slice(2, 6).map((c) => (c && 'options' in c ? c.options[0]!.checked : null));
      expect(ticks).toEqual([...(example.scenarios[s.id] ?? [false, false, false, false])]);
      const text = row.slice(2, 6).map((c) => (c && 'options' in c ? c.options[0]!.text : ''));
      expect(text).toEqual(s.levels.map((l) => l['zh-CN']));
      const level = evaluation.scenarios.find((x) => x.id === s.id)!.level;
      expect((row[6] as { text: string }).text.startsWith(level ? `${'一二三四'[level - 1]}级` : '未达')).toBe(true);
    });
    // marked as a self-assessment with the rubric's edition
    expect(documentText(doc)).toContain(
      '企业自评结果，非官方评测结论。依据《中小企业数字化水平评测指标（2024年版）》（2024 版）',
    );
  });
});

describe('the 晨星工厂 checklist report', () => {
  it('is a report document: summary, results by level, review readiness per required item, profile, the form', async () => {
    const checklist = (await loadRubric('sd-chenxing-2022')) as ChecklistRubric;
    const cfile: AssessmentFile = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/chenxing-level2.json'), 'utf8'),
    );
    cfile[EXTENSION_KEY] = {
      evidence: { 'lean-factory-layout': ['车间布局图'] },
      readiness: { 'equipment-count': 40 },
    };
    const data = await loadJourneyData(checklist, 'electrical');
    const journey = journeyFor({ rubric: checklist, file: cfile, ...data });
    const doc = buildChecklistReport({ journey, file: cfile, assessedAt: NOW, now: NOW }, 'zh-CN');
    const text = documentText(doc);
    expect(doc.blocks[0]?.kind).toBe('summary');
    expect(text).toMatch(/评为2级，因为达到3级还缺少 \d+ 个必备项。/);
    expect(text).toContain('二、评审准备：必备项与佐证材料');
    const readiness = doc.blocks.find((b) => b.kind === 'table' && b.head[3] === '佐证材料与备注');
    if (readiness?.kind !== 'table') throw new Error('no readiness table');
    const required = checklistItems(checklist).filter((x) => x.item.requiredFrom !== null && x.item.requiredFrom <= 3);
    expect(readiness.rows).toHaveLength(required.length);
    expect(readiness.rows.find((r) => r[3]?.includes('车间布局图'))?.[2]).toBe('满足');
    expect(text).toContain('企业核心生产设备情况 · 设备数量');
    const [form] = formsOf(doc);
    if (form?.kind !== 'form') throw new Error('no form');
    expect(form.rows).toHaveLength(checklistItems(checklist).length);
    const met = form.rows.filter((r) => {
      const c = r[5];
      return c && 'options' in c && c.options[0]!.checked;
    }).length;
    expect(met).toBe(journey.evaluation.metCount);
    expect(buildChecklistReport({ journey, file: cfile, assessedAt: NOW, now: NOW }, 'en').blocks[0]?.kind).toBe(
      'summary',
    );
  });

  it('shows the 晨星→national mapping’s not-official note in the roadmap read through it (issue 17, 4)', async () => {
    const { cfile, data, journey } = await chenxingJourney('electrical');
    const note = data.onto!.mapping.notOfficial;
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const variant of ['full', 'short'] as const) {
        const blocks = buildChecklistReport({ journey, file: cfile, assessedAt: NOW, now: NOW }, lang, variant).blocks;
        const roadmapAt = blocks.findIndex((b) => b.kind === 'heading' && b.id === 'roadmap');
        expect(roadmapAt, `${lang} ${variant}`).toBeGreaterThan(0);
        const shown = blocks.slice(roadmapAt).find((b) => b.kind === 'paragraph' && b.text.includes(note[lang]));
        expect(shown, `${lang} ${variant}`).toBeDefined();
      }
    }
  });
});

describe('text the PDF font cannot draw', () => {
  it('drops invisible controls (U+202E, U+200D) and lists them; visible text stays', async () => {
    const named = { ...example, profile: { ...example.profile, name: '示例\u202e食品\u200d有限公司' } };
    const charset = new Set(readFileSync(join(import.meta.dirname, '../../src/report/fonts/charset.txt'), 'utf8'));
    const { doc, removed } = withoutInvisible(docOf(named, 'zh-CN', 'short'), charset);
    expect(removed).toEqual(['U+202E', 'U+200D']);
    expect(missingCharacters(documentText(doc), charset)).toEqual([]);
    expect(documentText(doc)).toContain('示例食品有限公司');
  });
});

describe('the summary and the short report in the PDF', () => {
  const fontBytes = readFileSync(join(import.meta.dirname, '../../src/report/fonts/NotoSansSC-subset.ttf'));
  async function pdfOf(doc: ReportDocument): Promise<{ pages: number; page1: string }> {
    const bytes = Buffer.from(await (await writePdf(doc, { fontBytes, charts: false })).arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'r.pdf');
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    return { pages, page1: page1.replace(/\s+/g, '') };
  }
  const squash = (s: string) => s.replace(/\s+/g, '');

  it('fits the summary on one A4 page in zh-CN and en, for the example and for an all-maximum assessment', async () => {
    for (const f of [example, allMax])
      for (const lang of ['zh-CN', 'en'] as const) {
        const doc = docOf(f, lang, 'short');
        const summary = summaryOf(doc);
        const { pages, page1 } = await pdfOf({ ...doc, blocks: [summary] });
        expect(pages, `${lang} ${f === allMax ? 'all-maximum' : 'example'}`).toBe(1);
        const why = summary.blocks.find((b) => b.kind === 'paragraph' && b.tone === 'strong');
        expect(page1).toContain(squash(why?.kind === 'paragraph' ? why.text : '?'));
        const actions = summary.blocks.find((b) => b.kind === 'table' && b.head[0] === '#');
        if (f === example) {
          expect(actions?.kind === 'table' && actions.rows.length).toBe(3);
          for (const row of actions?.kind === 'table' ? actions.rows : []) expect(page1).toContain(squash(row[1]!));
        }
      }
  }, 60_000);

  it('keeps the 精简版 of the example within 6 pages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { pages } = await pdfOf(docOf(example, lang, 'short'));
      expect(pages, lang).toBeLessThanOrEqual(6);
    }
  }, 60_000);
});

describe('headings in the PDF', () => {
  const fontBytes = readFileSync(join(import.meta.dirname, '../../src/report/fonts/NotoSansSC-subset.ttf'));
  const squash = (s: string) => s.replace(/\s+/g, '');

  it('never end a page, alone or with their short introduction, when a table follows (the English progress section did)', async () => {
    // one page per case: k lines of filler push the heading, its one-line introduction and a table to the page foot
    const blocks: ReportDocument['blocks'] = [];
    for (let k = 24; k <= 40; k++)
      blocks.push(
        { kind: 'pageBreak' },
        { kind: 'list', items: Array.from({ length: k }, (_, j) => `Filler line ${j + 1}`) },
        { kind: 'heading', level: 1, text: `Progress heading ${k}` },
        { kind: 'paragraph', text: `Introduction ${k}: compared with the previous assessment.` },
        {
          kind: 'table',
          head: ['Item', 'Before', 'After'],
          rows: [
            [`First row ${k}`, '1', '2'],
            ['Second', '3', '4'],
          ],
        },
      );
    const doc: ReportDocument = { ...docOf(example, 'en', 'short'), blocks };
    const bytes = Buffer.from(await (await writePdf(doc, { fontBytes, charts: false })).arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), 'headings-')), 'r.pdf');
    writeFileSync(file, bytes);
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').map(squash);
    const orphans = pages.flatMap((page, p) => {
      const k = /Progressheading(\d+)/.exec(page)?.[1];
      return k && !page.includes(`Firstrow${k}`) ? [`page ${p + 1}: heading ${k} without its table`] : [];
    });
    expect(orphans).toEqual([]);
  }, 60_000);
});

describe('issue 17: the report says what is ours and names the rubric by the standard', () => {
  it.each(['zh-CN', 'en'] as const)(
    '%s: the roadmap section carries the our-judgement notice; the standard, then its text’s document',
    (lang) => {
      const zh = lang === 'zh-CN';
      for (const variant of ['full', 'short'] as const) {
        const doc = buildReport({ journey: journeyOf(), file, assessedAt: NOW, now: NOW }, lang, variant);
        const roadmapAt = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'roadmap');
        expect(roadmapAt).toBeGreaterThan(0);
        const after = documentText({ ...doc, blocks: doc.blocks.slice(roadmapAt, roadmapAt + 3) });
        expect(after).toContain(zh ? '是本工具的判断，不是指南原文' : "this tool's judgement, not the guides' text");
        const text = documentText(doc);
        const standard = zh
          ? '《中小企业数字化水平评测指标（2024年版）》'
          : 'Digital Level Evaluation Indicators for Small';
        const seed = zh ? '北京市顺义区' : 'Shunyi District';
        expect(text.indexOf(standard)).toBeGreaterThanOrEqual(0);
        expect(text.indexOf(standard)).toBeLessThan(text.indexOf(seed));
        expect(text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      }
      if (zh) expect(documentText(report('zh-CN'))).toContain('梯次');
    },
  );
});

describe('where to get help (issue 17, 5)', () => {
  it('follows the roadmap in the full report, each entry quoting its passage and naming its source by title', () => {
    for (const lang of ['zh-CN', 'en'] as const)
      for (const variant of ['full'] as const) {
        const doc = buildReport({ journey: journeyOf(), file, assessedAt: NOW, now: NOW }, lang, variant);
        const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'roadmap-support');
        expect(at, `${lang} ${variant}`).toBeGreaterThan(
          doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'roadmap'),
        );
        const steps = doc.blocks.slice(at).filter((b) => b.kind === 'step');
        for (const s of guide.support!) {
          const block = steps.find((b) => b.kind === 'step' && b.title === s.title[lang]);
          if (block?.kind !== 'step') throw new Error(`${lang} ${variant}: no entry ${s.title[lang]}`);
          expect(block.lines).toEqual([`“${s.citation.passage[lang]}”`]);
          expect(block.citation).toContain(lang === 'zh-CN' ? '东莞市食品饮料企业数字化转型指引' : 'Dongguan');
          expect(block.citation).toContain(s.citation.heading);
          expect(block.citation).not.toMatch(/\.txt/);
        }
        // the grouping and titles are labelled as ours
        expect(documentText(doc)).toContain(lang === 'zh-CN' ? '分类和简短标题是本工具的表述' : "this tool's wording");
      }
  });

  it('follows the 晨星 report’s roadmap too', async () => {
    const { cfile, data, journey } = await chenxingJourney('pharma');
    const text = documentText(buildChecklistReport({ journey, file: cfile, assessedAt: NOW, now: NOW }, 'zh-CN'));
    expect(text).toContain('获取帮助');
    expect(text).toContain(data.guide!.support![0]!.citation.passage['zh-CN']);
  });
});
