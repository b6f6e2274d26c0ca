import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EFFECT_INDICATORS, parseEffectIndicators, IndicatorDataError, GUIDE_SEEDS } from '../../src/domain/index';
import { hasHeadingLine } from '../../scripts/seed-parts';
import { jsonCharacters } from '../../scripts/font-charset';
import { HAVE_SEEDS, SEEDS_DIR, seedText, squash } from '../seeds';

const root = join(import.meta.dirname, '..', '..');
const raw = () => JSON.parse(readFileSync(join(root, 'rubrics/effect-indicators.json'), 'utf8'));

describe('effect indicators (rubrics/effect-indicators.json)', () => {
  it('holds the indicators of seed 004 in its order (performance, then digital capability), with units, definitions and a direction', () => {
    expect(EFFECT_INDICATORS.indicators.map((i) => i.name['zh-CN'])).toEqual([
      '营收增长率',
      '利润率',
      '研发周期',
      '生产运营效率',
      '库存周转率',
      '客户满意度',
      // 开展数字化能力评价 (issue 17, 5)
      '系统易用性',
      '标准符合性',
      '数据质量水平',
    ]);
    for (const i of EFFECT_INDICATORS.indicators) {
      expect(i.unit['zh-CN'] && i.unit.en, i.id).toBeTruthy();
      expect(i.definition['zh-CN'], i.id).not.toMatch(/\n/);
      expect(i.definition.en, i.id).not.toMatch(/[\u4e00-\u9fff]/);
      expect(GUIDE_SEEDS[i.citation.seed], i.id).toBeDefined();
    }
    expect(EFFECT_INDICATORS.indicators.find((i) => i.id === 'rd-cycle')!.better).toBe('lower');
  });

  it('rejects bad data naming the path', () => {
    const bad = raw();
    bad.indicators[2].better = 'up';
    expect(() => parseEffectIndicators(bad)).toThrow(IndicatorDataError);
    expect(() => parseEffectIndicators(bad)).toThrow(/indicators\.2\.better/);
    const dup = raw();
    dup.indicators[1].id = dup.indicators[0].id;
    expect(() => parseEffectIndicators(dup)).toThrow(/unique/);
    const range = raw();
    range.indicators[5].min = 200;
    expect(() => parseEffectIndicators(range)).toThrow(/min must be below max/);
  });

  it.skipIf(!HAVE_SEEDS)(
    `cites seed 004 verbatim: heading line, passage, names, and any quoted definition (${SEEDS_DIR})`,
    () => {
      const { source } = EFFECT_INDICATORS;
      const text = readFileSync(join(SEEDS_DIR, source.seed), 'utf8');
      expect(hasHeadingLine(text, source.heading)).toBe(true);
      expect(seedText(source.seed)).toContain(squash(source.passage['zh-CN']));
      for (const i of EFFECT_INDICATORS.indicators) {
        expect(source.passage['zh-CN'], i.id).toContain(i.name['zh-CN']);
        expect(hasHeadingLine(readFileSync(join(SEEDS_DIR, i.citation.seed), 'utf8'), i.citation.heading), i.id).toBe(
          true,
        );
        if (i.definedBy === 'seed') expect(seedText(i.citation.seed), i.id).toContain(squash(i.definition['zh-CN']));
      }
    },
  );
});

describe('progress strings', () => {
  const charset = new Set(readFileSync(join(root, 'src/report/fonts/charset.txt'), 'utf8').replace(/\n$/, ''));
  it.each([
    'src/i18n/features/progress.zh-CN.json',
    'src/i18n/features/progress.en.json',
    'rubrics/effect-indicators.json',
  ])('%s uses only characters the PDF font has (the report prints them)', (file) => {
    const chars = jsonCharacters(JSON.parse(readFileSync(join(root, file), 'utf8')));
    expect([...chars].filter((ch) => !charset.has(ch))).toEqual([]);
  });
});
