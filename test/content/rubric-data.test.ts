import { describe, expect, it } from 'vitest';
import { getRubric, questionsOf, allScenarios, type LocalizedText } from '../../src/domain/index';
import { HAVE_SEEDS, seedText, squash } from '../seeds';

const rubric = getRubric('cn-sme-2024')!;

/** Every LocalizedText in the rubric with its path. */
function texts(node: unknown, path = ''): [string, LocalizedText][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => texts(x, `${path}.${i}`));
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here: [string, LocalizedText][] = typeof o['zh-CN'] === 'string' ? [[path, o as LocalizedText]] : [];
    return [...here, ...Object.entries(o).flatMap(([k, v]) => texts(v, `${path}.${k}`))];
  }
  return [];
}

describe('cn-sme-2024 rubric data', () => {
  it('has 15 questions q1…q15 in table order with the option counts of the spec', () => {
    const qs = questionsOf(rubric);
    expect(qs.map((q) => q.id)).toEqual([...Array(15).keys()].map((i) => `q${i + 1}`));
    expect(qs.map((q) => q.options.length)).toEqual([5, 5, 5, 15, 5, 5, 5, 6, 5, 6, 5, 3, 3, 3, 3]);
    expect(qs.filter((q) => q.type === 'multiple').map((q) => q.id)).toEqual(['q1', 'q4', 'q6', 'q7', 'q9', 'q10']);
  });

  it('puts 「无」 first in every multiple choice', () => {
    for (const q of questionsOf(rubric).filter((x) => x.type === 'multiple')) {
      expect(q.noneOption).toBe(0);
      expect(q.options[0]!.text['zh-CN']).toBe('无');
    }
  });

  it('weights give 100 points in total, 50/30/20 by dimension', () => {
    expect(rubric.dimensions.map((d) => d.weight)).toEqual([50, 30, 20]);
    const points = questionsOf(rubric).reduce((a, q) => a + q.points, 0);
    expect(points).toBe(100);
  });

  it('has 16 scenarios in 4 groups, 10 of them constraint scenarios, with the spec ids', () => {
    expect(rubric.scenarioGroups.map((g) => g.scenarios.length)).toEqual([4, 6, 2, 4]);
    const all = allScenarios(rubric);
    expect(all.map((s) => s.id)).toEqual([
      'product-design',
      'process-design',
      'marketing',
      'after-sales',
      'planning',
      'production',
      'quality',
      'equipment',
      'safety',
      'energy',
      'procurement',
      'warehousing',
      'finance',
      'hr',
      'collaboration',
      'decision',
    ]);
    expect(all.filter((s) => s.constraint).map((s) => s.id)).toEqual([
      'product-design',
      'marketing',
      'production',
      'quality',
      'equipment',
      'safety',
      'energy',
      'procurement',
      'warehousing',
      'finance',
    ]);
  });

  it('holds the level rules of article 6', () => {
    expect(rubric.levelRules.map((r) => [r.minScore, r.minScenarios, r.minConstraintScenarios])).toEqual([
      [20, 6, 3],
      [40, 6, 3],
      [60, 8, 5],
      [80, 10, 6],
    ]);
  });

  it('has the energy coefficient table (15 rows, electricity 1.229)', () => {
    expect(rubric.energyCoefficients).toHaveLength(15);
    expect(rubric.energyCoefficients.find((c) => c.id === 'electricity')?.coefficient).toBe(1.229);
  });

  it('has every text in both languages, English without Chinese', () => {
    const all = texts(rubric);
    expect(all.length).toBeGreaterThan(200);
    for (const [path, t] of all) {
      expect(t['zh-CN'].trim(), path).not.toBe('');
      expect(t.en.trim(), path).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(t.en), `${path}: ${t.en}`).toBe(false);
    }
  });

  it.skipIf(!HAVE_SEEDS)('quotes the seed verbatim (all official zh-CN text occurs in seed 003)', () => {
    const seed = seedText('003_7c0bdfd410afae87.txt');
    const ours = /(\.notes\.|\.plain$|interpretations|belowLevelOne|numericFields|^\.title)/;
    const missing = texts(rubric)
      .filter(([path]) => !ours.test(path))
      .filter(([, t]) => !seed.includes(squash(t['zh-CN'])))
      .map(([path, t]) => `${path}: ${t['zh-CN']}`);
    expect(missing).toEqual([]);
  });
});
