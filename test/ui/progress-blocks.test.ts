import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyPatch,
  evaluate,
  getRubric,
  loadGuide,
  EXTENSION_KEY,
  type AssessmentFile,
  type Patch,
} from '../../src/domain/index';
import { progressBlocks, type ProgressEntry } from '../../src/report/progress-blocks';
import { documentText, type Block, type ChartBlock } from '../../src/report/document';
import { missingCharacters } from '../../src/report/fonts/charset';

const rubric = getRubric('cn-sme-2024')!;
const fixture = (): AssessmentFile =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const charset = new Set(
  readFileSync(join(import.meta.dirname, '../../src/report/fonts/charset.txt'), 'utf8').replace(/\n$/, ''),
);
const guide = await loadGuide('food-beverage');
const step = guide.actions[0]!;

function entry(id: string, createdAt: number, patches: Patch[]): ProgressEntry {
  const file = patches.reduce(applyPatch, fixture());
  return { id, file, evaluation: evaluate(rubric, file), createdAt };
}
const first = entry('a', Date.parse('2026-03-01T00:00:00.000Z'), [
  { op: 'result', id: 'revenue-growth', value: 8 },
  { op: 'result', id: 'rd-cycle', value: 180 },
]);
const second = entry('b', Date.parse('2027-03-01T00:00:00.000Z'), [
  { op: 'profile', key: 'year', value: 2027 },
  { op: 'meta', key: 'previousCreatedAt', value: '2026-03-01T00:00:00.000Z' },
  { op: 'answer', id: 'q8', value: 5 },
  { op: 'scenario', id: 'product-design', checks: [true, true, true, true] },
  { op: 'scenario', id: 'marketing', checks: [true, false, false, false] },
  { op: 'roadmap', id: step.id, state: { status: 'done', quarter: '2026-Q4' } },
  { op: 'result', id: 'revenue-growth', value: 12.5 },
  { op: 'result', id: 'rd-cycle', value: 150 },
]);
const textOf = (blocks: Block[]) =>
  documentText({ lang: 'zh-CN', title: '', pageLabel: '', generatedAt: '', disclaimer: '', blocks });

describe('progressBlocks', () => {
  it('is empty for an enterprise with one assessment', () => {
    expect(progressBlocks({ rubric, current: second, history: [second] }, 'zh-CN')).toEqual([]);
    expect(progressBlocks({ rubric, current: second, history: [] }, 'zh-CN')).toEqual([]);
  });

  it('compares with the previous assessment and lists the trend (zh-CN), in characters the PDF font has', () => {
    const blocks = progressBlocks({ rubric, current: second, history: [first, second], guides: [guide] }, 'zh-CN');
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '进展：与上一次评测对比',
      '业务场景等级',
      '两次评测之间完成的路线图步骤',
      '成效指标',
      '历年趋势',
    ]);
    const text = textOf(blocks);
    expect(text).toContain('三级 → 二级（−1）');
    expect(text).toContain('60 → 67.5（+7.5）');
    expect(text).toContain('产品设计：三级 → 四级（+1）');
    expect(text).toContain('营销管理：三级 → 一级（−2）');
    expect(text).toContain(`✓ ${step.title['zh-CN']}`);
    expect(text).toContain('+4.5 改善');
    expect(text).toContain('−30 改善'); // R&D cycle: lower is better
    const table = blocks.find((b) => b.kind === 'table')! as Extract<Block, { kind: 'table' }>;
    expect(table.head).toEqual(['指标', '2026 年', '2027 年', '变化']);
    const q8 = table.rows.find((r) => r[0]!.includes('8. 规划实施'))!;
    expect(q8[3]).toBe('+7.5');
    expect(table.groupRows).toEqual([0, 12, 19]);
    expect(missingCharacters(text, charset)).toEqual([]);
  });

  it('draws the trend as a score chart and a level step chart, with the same figures as its table', () => {
    const blocks = progressBlocks({ rubric, current: second, history: [first, second] }, 'zh-CN');
    const charts = blocks.filter((b): b is ChartBlock => b.kind === 'chart');
    expect(charts.map((c) => [c.chart, c.caption])).toEqual([
      ['trend', '总分与各一级指标得分'],
      ['levels', '总体等级（阶梯图）'],
    ]);
    const [lines, steps] = charts as [
      Extract<ChartBlock, { chart: 'trend' }>,
      Extract<ChartBlock, { chart: 'levels' }>,
    ];
    expect(lines.model.labels).toEqual(['2026 年', '2027 年']);
    expect(lines.model.series.map((s) => [s.label, s.values])).toEqual([
      ['总分', [60, 67.5]],
      ['数字化基础', [50, 50]],
      ['数字化管理', [0, 7.5]],
      ['数字化成效', [10, 10]],
    ]);
    expect(steps.model.levels).toEqual([3, 2]);
    expect(steps.model.levelNames).toEqual(['未达一级', '一级', '二级', '三级', '四级']);
    // the charts come right after the trend heading and its introduction, before the table
    const trend = blocks.findIndex((b) => b.kind === 'heading' && b.id === 'trend');
    expect(blocks.slice(trend + 2, trend + 5).map((b) => b.kind)).toEqual(['chart', 'chart', 'table']);
  });

  it('in English, for the earlier assessment: no comparison, only the trend', () => {
    const blocks = progressBlocks({ rubric, current: first, history: [second, first] }, 'en');
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Trend over the years', id: 'trend' });
    const text = textOf(blocks);
    expect(text).toContain('Revenue growth rate (%)');
    expect(text).not.toMatch(/[（）]/);
    expect(missingCharacters(text, charset)).toEqual([]);
    expect(first.file[EXTENSION_KEY]?.results).toEqual({ 'revenue-growth': 8, 'rd-cycle': 180 });
  });
});
