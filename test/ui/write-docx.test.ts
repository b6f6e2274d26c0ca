import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXTENSION_KEY,
  allScenarios,
  getRubric,
  hasRoadmap,
  journeyFor,
  loadGuide,
  questionsOf,
  type AssessmentFile,
  weightedAnswersOf,
} from '../../src/domain/index';
import { buildReport } from '../../src/report/build-report';
import { documentText, type Block, type ReportDocument } from '../../src/report/document';
import { docxBytes } from '../../src/report/docx/write-docx';
import type { Language } from '../../src/i18n/translator';
import { translator } from '../../src/i18n/translator';
import { unzip, wordParagraphs, wordTables } from './office-xml';

const rubric = getRubric('cn-sme-2024')!;
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/examples/food-beverage-example.json'), 'utf8'),
) as AssessmentFile;
// the example with notes (a line break, an XML special character and a control character a paste can bring)
const file: AssessmentFile = {
  ...example,
  [EXTENSION_KEY]: { ...example[EXTENSION_KEY], notes: { q2: '设备台账 <2026>\n第二行 & 备注\u0007' } },
};
const guide = await loadGuide('food-beverage');
const NOW = Date.parse('2026-11-23T08:00:00Z');

function report(lang: Language): ReportDocument {
  const journey = journeyFor({ rubric, file, guide });
  if (!hasRoadmap(journey)) throw new Error('no roadmap');
  return buildReport({ journey, file, assessedAt: NOW, now: NOW }, lang);
}

async function read(doc: ReportDocument) {
  const files = unzip(await docxBytes(doc));
  const xml = files['word/document.xml']!;
  const paragraphs = wordParagraphs(xml);
  return { files, xml, paragraphs, text: paragraphs.join('\n'), tables: wordTables(xml) };
}

describe('Word report', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`holds every text of the report document (${lang}), each block kind in its Word form`, async () => {
      const doc = report(lang);
      const { text, xml } = await read(doc);
      const flat = text.replace(/\s+/g, '');
      // every text of every block (charts: their captions are left out with the image, without a rasteriser)
      const missing = documentText({ ...doc, blocks: doc.blocks.filter((b) => b.kind !== 'chart') })
        .split('\n')
        .slice(4) // title, page label, generation time, disclaimer: the footer's
        .map((l) => l.replaceAll('\u0007', '').replace(/\s+/g, ''))
        .filter((l) => l && !flat.includes(l));
      expect(missing).toEqual([]);
      // headings in Word's heading styles, one per heading block (a summary's title is one too)
      const blocks = doc.blocks.flatMap((b): Block[] =>
        b.kind === 'summary' ? [{ kind: 'heading', level: 1, text: b.title }, ...b.blocks] : [b],
      );
      const h1 = blocks.filter((b) => b.kind === 'heading' && b.level === 1).length;
      expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(h1);
      expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
      // tables are Word tables with a repeating head row
      const tables = blocks.filter((b) => ['table', 'keyValues', 'cover', 'form'].includes(b.kind));
      expect(xml.match(/<w:tbl>/g)?.length).toBe(tables.length);
      expect(xml).toContain('<w:tblHeader/>');
    });
  }

  it('formats table cells, steps and captions by paragraph style, not per run (what kept Word slow)', async () => {
    const { files, xml } = await read(report('zh-CN'));
    for (const id of ['DLCell', 'DLCellHead', 'DLStepTitle', 'DLStepLine', 'DLCitation'])
      expect(files['word/styles.xml']).toContain(`w:styleId="${id}"`);
    expect(xml).toContain('<w:pStyle w:val="DLCell"/>');
    // only the few runs that differ from their paragraph's style (a chosen option in bold) have properties
    const runs = xml.match(/<w:r>/g)?.length ?? 0;
    const withProperties = xml.match(/<w:r><w:rPr>/g)?.length ?? 0;
    expect(runs).toBeGreaterThan(500);
    expect(withProperties / runs).toBeLessThan(0.2);
  });

  it('names a Chinese East Asian font in the document defaults, and the footer has page fields', async () => {
    const { files } = await read(report('zh-CN'));
    const styles = files['word/styles.xml']!;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="宋体"/);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    const footer = Object.entries(files).find(([n]) => /^word\/footer\d*\.xml$/.test(n))![1];
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(wordParagraphs(footer).join('')).toContain('本结果为企业自评');
  });

  it('has every item with its chosen options, every scenario with its ticks and counted level, the level', async () => {
    const { t, loc } = translator('zh-CN');
    const { text, tables } = await read(report('zh-CN'));
    expect(text).toContain(t('report.level'));
    expect(text).toContain('三级');
    const answers = tables.find((tb) => tb[0]?.[0] === t('report.item'))!;
    for (const q of questionsOf(rubric)) {
      const row = answers.find((r) => r[0] === `${q.number}. ${loc(q.text)}`);
      expect(row, q.id).toBeDefined();
      const a = weightedAnswersOf(file)[q.id]!;
      for (const i of Array.isArray(a) ? a : [a]) expect(row![1]).toContain(loc(q.options[i]!.text));
    }
    expect(answers.find((r) => r[0]?.startsWith('2. '))![2]).toBe('设备台账 <2026>\n第二行 & 备注');
    const scenarios = tables.find((tb) => tb[0]?.[1] === t('report.ticked'))!;
    for (const s of allScenarios(rubric)) {
      const row = scenarios.find((r) => r[0] === loc(s.name));
      expect(row, s.id).toBeDefined();
      const ticks = file.scenarios[s.id] ?? [false, false, false, false];
      ticks.forEach((c, i) => {
        const name = ['一级', '二级', '三级', '四级'][i]!;
        if (c) expect(row![1]).toContain(name);
        else expect(row![1]).not.toContain(name);
      });
    }
    // hr ticks levels 1 and 3, not 2: counted at level 1
    const hr = allScenarios(rubric).find((s) => s.id === 'hr')!;
    expect(scenarios.find((r) => r[0] === loc(hr.name))?.[2]).toBe('一级');
  });
});

describe('Word form, summary and page breaks', () => {
  it('writes the official form with ☑/□ per option, the data line, and spanning cells as vertical merges', async () => {
    const doc: ReportDocument = {
      lang: 'zh-CN',
      title: '测试',
      pageLabel: '第 {page} 页 / 共 {pages} 页',
      generatedAt: '生成于 2026年11月23日',
      disclaimer: '本结果为企业自评，不代表官方评测定级。',
      blocks: [
        {
          kind: 'summary',
          title: '一页摘要',
          blocks: [
            { kind: 'keyValues', rows: [['总体等级', '三级']] },
            { kind: 'list', items: ['行动一'] },
          ],
        },
        { kind: 'pageBreak' },
        {
          kind: 'form',
          head: ['一级指标', '序号', '题目'],
          rows: [
            [
              { text: '数字化基础', rowSpan: 2 },
              { text: '2' },
              {
                options: [
                  { text: '10%以下', checked: false },
                  { text: '10%-30%', checked: true },
                ],
                data: '具体数据[12%]，其中生产设备数量为[50]台',
              },
            ],
            [null, { text: '3' }, { options: [{ text: '无', checked: true }] }],
          ],
        },
      ],
    };
    const { xml, paragraphs, tables } = await read(doc);
    const form = tables.at(-1)!;
    expect(form[0]).toEqual(['一级指标', '序号', '题目']);
    expect(form[1]).toEqual(['数字化基础', '2', '□ 10%以下\n☑ 10%-30%\n具体数据[12%]，其中生产设备数量为[50]台']);
    expect(form[2]).toEqual(['', '3', '☑ 无']); // the covered cell continues the merge
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    // the summary: its title as a heading, its blocks, then a page break (and one more for the pageBreak block)
    expect(paragraphs).toContain('一页摘要');
    expect(paragraphs).toContain('行动一');
    expect(xml.match(/<w:br w:type="page"\/>/g)?.length).toBe(2);
  });
});
