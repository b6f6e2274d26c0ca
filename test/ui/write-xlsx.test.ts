import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXTENSION_KEY,
  allScenarios,
  displayScore,
  getRubric,
  hasRoadmap,
  journeyFor,
  loadGuide,
  questionsOf,
  type AssessmentFile,
  weightedAnswersOf,
} from '../../src/domain/index';
import { buildReport } from '../../src/report/build-report';
import { buildWorkbook, TICK } from '../../src/report/xlsx/workbook';
import { writeXlsx } from '../../src/report/xlsx/write-xlsx';
import { documentWorkbook } from '../../src/report/xlsx/document-workbook';
import type { ReportDocument } from '../../src/report/document';
import { translator, type Language } from '../../src/i18n/translator';
import { unzip, xlsxSheets } from './office-xml';

const rubric = getRubric('cn-sme-2024')!;
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/examples/food-beverage-example.json'), 'utf8'),
) as AssessmentFile;
// the example with the figures of q2 and q14 typed in, one roadmap step tracked, a note with a control character
const file: AssessmentFile = {
  ...example,
  [EXTENSION_KEY]: {
    ...example[EXTENSION_KEY],
    numbers: {
      q2: { 'equipment-total': 50, 'equipment-digitised': 36 },
      q14: { 'employees-last-year': 120, 'revenue-last-year': 8650.5 },
    },
  },
};
const guide = await loadGuide('food-beverage');
const NOW = Date.parse('2026-11-23T08:00:00Z');

async function workbook(lang: Language, f: AssessmentFile = file) {
  const journey = journeyFor({ rubric, file: f, guide });
  if (!hasRoadmap(journey)) throw new Error('no roadmap');
  const input = { journey, file: f, assessedAt: NOW, now: NOW };
  const doc = buildReport(input, lang);
  const blob = await writeXlsx(buildWorkbook(input, doc, translator(lang)));
  const sheets = xlsxSheets(unzip(new Uint8Array(await blob.arrayBuffer())));
  return { journey, doc, sheets, blob };
}

describe('Excel workbook', () => {
  it('has the form (every item: options chosen, figures, points; every scenario: ticks, counted level)', async () => {
    const { t, loc } = translator('zh-CN');
    const { journey, sheets, blob } = await workbook('zh-CN');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...sheets.keys()]).toEqual(['评测题', '场景等级', '路线图跟踪', '佐证材料清单', '有佐证支撑的等级']);

    const items = sheets.get('评测题')!;
    expect(items[0]![0]).toMatch(/^示例食品有限公司 · 2026 · 企业自评（非官方评测），依据：/);
    expect(items[1]).toEqual([
      '序号',
      '一级指标',
      '二级指标',
      '采集项',
      '题目',
      '所选选项',
      '具体数据',
      '得分',
      '分值',
    ]);
    const body = items.slice(2);
    expect(body).toHaveLength(questionsOf(rubric).length);
    for (const q of questionsOf(rubric)) {
      const row = body.find((r) => r[0] === q.number)!;
      expect(row[4], q.id).toBe(loc(q.text));
      const a = weightedAnswersOf(file)[q.id]!;
      const chosen = (Array.isArray(a) ? a : [a]).map((i) => loc(q.options[i]!.text));
      expect(String(row[5]).split('\n')).toEqual(chosen);
      const points = journey.evaluation.score.items.find((x) => x.id === q.id)!.points;
      expect(row[7]).toBeCloseTo(displayScore(points), 6);
      expect(row[8]).toBe(q.points);
    }
    // as the filled-in form prints it: the ratio first, blanks without a figure left open
    expect(body.find((r) => r[0] === 2)![6]).toBe(
      '具体数据[72%]，其中生产设备数量为[50]台，实现数字化的生产设备数量为[36]台',
    );
    expect(body.find((r) => r[0] === 14)![6]).toBe(
      '企业 2025 年员工人数为[120]人，营业收入为[8,650.5]万元；2024 年员工人数为[    ]人，营业收入为[    ]万元',
    );
    expect(body.find((r) => r[0] === 3)![6] ?? '').toBe(''); // nothing typed: no line
    expect(body.find((r) => r[0] === 1)![6] ?? '').toBe('');

    const scenarios = sheets.get('场景等级')!;
    expect(scenarios[1]).toEqual(['场景', '约束性', '一级', '二级', '三级', '四级', '计入等级']);
    const levels = ['未达一级', '一级', '二级', '三级', '四级'];
    for (const s of allScenarios(rubric)) {
      const row = scenarios.find((r) => r[0] === loc(s.name))!;
      expect(row, s.id).toBeDefined();
      expect(row[1] ?? '').toBe(s.constraint ? TICK : '');
      const ticks = file.scenarios[s.id] ?? [false, false, false, false];
      expect(row.slice(2, 6).map((x) => x === TICK)).toEqual([...ticks]);
      const counted = journey.evaluation.scenarios.find((x) => x.id === s.id)!;
      expect(String(row[6])).toContain(counted.level === 0 ? loc(rubric.belowLevelOne) : levels[counted.level]!);
    }
    // hr ticks levels 1 and 3: level 3 is not counted, and the row says so
    const hr = scenarios.find((r) => r[0] === loc(allScenarios(rubric).find((s) => s.id === 'hr')!.name))!;
    expect(hr[6]).toBe(`一级（${t('results.gatedShort')}）`);
  });

  it('has the roadmap for tracking and the evidence checklist of the report', async () => {
    const tracked: AssessmentFile = {
      ...file,
      [EXTENSION_KEY]: { ...file[EXTENSION_KEY], roadmap: {} },
    };
    const first = await workbook('zh-CN', tracked);
    const steps = first.journey.roadmap.stages.flatMap((s) => s.steps);
    const id = steps.find((s) => s.status === 'open')!.action.id;
    tracked[EXTENSION_KEY]!.roadmap = { [id]: { status: 'done', quarter: '2027-Q2', note: '已上线\u0001 MES' } };
    const { sheets, doc } = await workbook('zh-CN', tracked);
    const roadmap = sheets.get('路线图跟踪')!;
    expect(roadmap[1]).toEqual(['序号', '步骤', '阶段', '时间范围', '状态', '目标季度', '负责人', '备注']);
    expect(roadmap.slice(2)).toHaveLength(steps.length);
    const row = roadmap.find((r) => r[1] === steps.find((s) => s.action.id === id)!.action.title['zh-CN'])!;
    expect([row[3], row[4], row[5], row[7]]).toEqual(['', '已完成', '2027-Q2', '已上线 MES']);
    // open steps carry the horizon the report's summary gives them
    const open = roadmap.slice(2).filter((r) => r[4] === '待开展');
    expect(open.length).toBeGreaterThan(3);
    for (const r of open) expect(['未来 90 天', '今年内', '1–3 年']).toContain(r[3]);
    expect(open.some((r) => r[3] === '未来 90 天')).toBe(true);

    const expected = translator('zh-CN').t('review.report.expected');
    const table = doc.blocks.find((b) => b.kind === 'table' && b.head.includes(expected));
    const evidence = sheets.get('佐证材料清单')!;
    if (table?.kind !== 'table') throw new Error('no evidence table in the report');
    expect(evidence[1]).toEqual(table.head);
    expect(evidence.slice(2).map((r) => table.head.map((_, i) => r[i] ?? ''))).toEqual(table.rows);
    // the years of the statements named (上年和前年的财务报表 → 2025 年和 2024 年的财务报表)
    expect(evidence.flat().join('\n')).toContain('2025 年和 2024 年的财务报表');
    expect(evidence.flat().join('\n')).not.toMatch(/上年|前年/);
  });

  it('names the years of the figures and lists the other energy rows under the energy item', async () => {
    const diesel = { name: '柴油', unit: '吨', coefficient: 1.4571, lastYear: 2, yearBefore: 3 };
    const withEnergy: AssessmentFile = {
      ...file,
      [EXTENSION_KEY]: {
        ...file[EXTENSION_KEY],
        numbers: { q12: { 'energy-last-year': 1200 } },
        energy: { other: [diesel] },
      },
    };
    const zh = (await workbook('zh-CN', withEnergy)).sheets.get('评测题')!;
    expect(String(zh.find((r) => r[0] === 12)![6]).split('\n')).toEqual([
      '企业 2025 年综合能源消费量为[1,200]吨标准煤，2024 年数据为[    ]吨标准煤',
      '2025 年用量：柴油 2 吨 × 1.4571（用户填写的折标系数）= 2.9142 吨标准煤',
      '2024 年用量：柴油 3 吨 × 1.4571（用户填写的折标系数）= 4.3713 吨标准煤',
    ]);
    const en = (await workbook('en', withEnergy)).sheets.get('Items')!;
    const lines = String(en.find((r) => r[0] === 12)![6]);
    expect(lines).toContain('in 2025 was [1,200]');
    expect(lines).toContain('the figure for 2024 was [    ]');
    expect(lines).toMatch(/^In 2024: .*柴油/m);
    expect(lines).not.toMatch(/last year|year before|上年|前年/i);
  });

  it('is in English with English sheet names and columns', async () => {
    const { sheets } = await workbook('en');
    expect([...sheets.keys()]).toEqual([
      'Items',
      'Scenario levels',
      'Roadmap tracking',
      'Evidence checklist',
      'The level the evidence defends',
    ]);
    expect(sheets.get('Items')![1]![5]).toBe('Chosen options');
    expect(String(sheets.get('Items')!.find((r) => r[0] === 2)![6])).toMatch(/\[72%\].*\[50\].*\[36\]/);
  });
});

describe('workbook read off a report document (rubrics without their own workbook)', () => {
  it('has one sheet per table and form, named by its section, the form with ☑/□ and spans left blank', async () => {
    const doc: ReportDocument = {
      lang: 'zh-CN',
      title: '晨星工厂自评报告',
      pageLabel: '',
      generatedAt: '',
      disclaimer: '',
      blocks: [
        { kind: 'summary', title: '摘要', blocks: [{ kind: 'table', head: ['甲'], rows: [['不进表']] }] },
        { kind: 'heading', level: 1, text: '评审准备：必备项/佐证 [一级]', id: 'review' },
        { kind: 'table', head: ['必备项', '回答'], widths: [3, 1], rows: [['设备联网', '已满足']] },
        { kind: 'heading', level: 2, text: '小节' },
        { kind: 'table', head: ['字段', '值'], rows: [['员工人数', '120']] },
        { kind: 'heading', level: 1, text: '自评表', id: 'form' },
        {
          kind: 'form',
          head: ['等级', '必备项', '是否满足'],
          rows: [
            [
              { text: '一级', rowSpan: 2 },
              { text: '设备联网' },
              {
                options: [
                  { text: '是', checked: true },
                  { text: '否', checked: false },
                ],
              },
            ],
            [null, { text: '数据采集' }, { options: [{ text: '是', checked: false }], data: '具体数据[50]台' }],
          ],
        },
      ],
    };
    const book = documentWorkbook(doc, '示例 · 2026 · 企业自评');
    const sheets = xlsxSheets(unzip(new Uint8Array(await (await writeXlsx(book)).arrayBuffer())));
    expect([...sheets.keys()]).toEqual(['评审准备：必备项 佐证  一级', '评审准备：必备项 佐证  一级 (2)', '自评表']);
    expect(sheets.get('评审准备：必备项 佐证  一级')).toEqual([
      ['示例 · 2026 · 企业自评', ''], // the title spans the columns: the covered cell is empty
      ['必备项', '回答'],
      ['设备联网', '已满足'],
    ]);
    expect(sheets.get('自评表')!.slice(1)).toEqual([
      ['等级', '必备项', '是否满足'],
      ['一级', '设备联网', '☑ 是\n□ 否'],
      ['', '数据采集', '□ 是\n具体数据[50]台'],
    ]);
  });
});
