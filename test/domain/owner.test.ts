/** The owner's quick path: the quick pick of a scenario level and the results' first sentence. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getRubric, evaluate, scenarioLevel, type Answers, type ScenarioChecks } from '../../src/domain/index';
import { hasGap, pickLevel, quickChecks, quickLevelOf } from '../../src/domain/owner/quick-pick';
import { minutesLeft } from '../../src/domain/owner/estimate';
import { loadLanguage, translator } from '../../src/i18n/translator';
import { whySentence } from '../../src/i18n/why';
import { ALL_MAX, ALL_NONE, SCORE_20, SCORE_40, minusOneArea, scenariosAt } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const F = false;
const T = true;

describe('quick pick of a scenario level', () => {
  it.each([0, 1, 2, 3, 4])(
    'pick %i → levels 1 up to the pick ticked (none for 0), the rest not, and it counts as that level',
    (k) => {
      const checks = pickLevel([F, F, F, F], k)!;
      expect(checks).toEqual([1, 2, 3, 4].map((l) => l <= k));
      expect(scenarioLevel(checks)).toBe(k);
      expect(quickLevelOf(checks)).toBe(k);
      expect(quickChecks(k)).toEqual(checks);
    },
  );

  it('a pick replaces a gap-free answer, lowering as well as raising', () => {
    expect(pickLevel([T, T, T, F], 1)).toEqual([T, F, F, F]);
    expect(pickLevel([T, F, F, F], 3)).toEqual([T, T, T, F]);
    expect(pickLevel(undefined, 2)).toEqual([T, T, F, F]);
  });

  it.each([[[T, F, T, F]], [[F, T, T, T]], [[T, T, F, T]], [[F, F, F, T]]] as ScenarioChecks[][])(
    'a gap %j is shown (no quick level) and kept (a pick refuses to overwrite it)',
    (gap) => {
      expect(hasGap(gap)).toBe(true);
      expect(quickLevelOf(gap)).toBeUndefined();
      for (const k of [0, 1, 2, 3, 4]) expect(pickLevel(gap, k)).toBeNull();
    },
  );

  it('refuses a level that does not exist', () => {
    expect(pickLevel([F, F, F, F], 5)).toBeNull();
    expect(pickLevel([F, F, F, F], -1)).toBeNull();
    expect(pickLevel([F, F, F, F], 1.5)).toBeNull();
  });
});

describe('the results start with one plain sentence', () => {
  beforeAll(() => loadLanguage('en'));
  const quality1: Record<string, ScenarioChecks> = { ...scenariosAt(2, 6, 2), quality: [T, F, F, F] };
  // [case, answers, scenarios, zh-CN, en]
  const cases: [string, Answers, Record<string, ScenarioChecks>, string, string][] = [
    [
      'score enough, one constraint scenario short (the nearest named)',
      SCORE_40,
      quality1,
      '得分已够二级，但还差 1 个约束性场景达到二级（最接近的：质量管理）。',
      'The score is enough for Level 2, but 1 more constraint scenario must reach Level 2 (closest: Quality management).',
    ],
    [
      'scenarios enough, score short by an exact fraction (5/7, two decimals half up as everywhere)',
      minusOneArea(SCORE_40),
      scenariosAt(2, 6, 3),
      '场景已够二级，但得分还差 0.71 分。',
      'The scenarios are enough for Level 2, but the score is 0.71 points short.',
    ],
    [
      'nothing answered',
      ALL_NONE,
      {},
      '要达到一级，得分还差 20 分，还差 6 个场景达到一级，其中至少 3 个须为约束性场景（最接近的：产品设计、营销管理、生产管控）。',
      'For Level 1, the score is 20 points short and 6 more scenarios must reach Level 1, at least 3 of them constraint scenarios (closest: Product design, Marketing management, Production control).',
    ],
    [
      'one scenario short, constraint ones enough',
      SCORE_20,
      scenariosAt(1, 5, 3),
      '得分已够一级，但还差 1 个场景达到一级。',
      'The score is enough for Level 1, but 1 more scenario must reach Level 1.',
    ],
    [
      'the top level',
      ALL_MAX,
      scenariosAt(4, 16, 10),
      '已达到最高等级四级。',
      'The highest level, Level 4, is reached.',
    ],
  ];
  it.each(cases)('%s', (_, answers, scenarios, zh, en) => {
    const e = evaluate(rubric, { answers, scenarios });
    expect(whySentence(translator('zh-CN'), rubric, e)).toBe(zh);
    expect(whySentence(translator('en'), rubric, e)).toBe(en);
  });
});

describe('time left', () => {
  it('comes from the items and scenarios left, rounded up to whole minutes', () => {
    // 15 items × 24 s + 16 scenarios × 12 s = 552 s
    expect(minutesLeft(rubric)).toBe(10);
    expect(minutesLeft(rubric, { answers: ALL_MAX, scenarios: {} })).toBe(4); // 192 s
    expect(minutesLeft(rubric, { answers: ALL_MAX, scenarios: scenariosAt(1, 16, 10) })).toBe(0);
    expect(minutesLeft(rubric, { answers: { q1: [0] }, scenarios: scenariosAt(2, 6, 3) })).toBe(8); // 14×24+10×12 = 456 s
  });
});
