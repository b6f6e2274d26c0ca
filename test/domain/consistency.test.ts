import { describe, expect, it } from 'vitest';
import {
  getRubric,
  evaluate,
  validateAssessment,
  FILE_FORMAT,
  FILE_VERSION,
  type Answers,
  type ScenarioChecks,
} from '../../src/domain/index';
import {
  checkConsistency,
  consistencyRulesIssues,
  formatFinding,
  getConsistencyRules,
  parseConsistencyRules,
  type Finding,
  type ReviewInput,
} from '../../src/domain/review/index';
import { range } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const rules = getConsistencyRules('cn-sme-2024')!;

const SCENARIOS = [
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
];

const at = (level: number): ScenarioChecks => [0, 1, 2, 3].map((i) => i < level) as unknown as ScenarioChecks;
const allAt = (level: number) => Object.fromEntries(SCENARIOS.map((s) => [s, level]));
/** Everything at level 1 without an information system (financial management needs one from level 1). */
const NO_SYSTEMS = { ...allAt(1), finance: 0 };

/**
 * A consistent assessment: every rule stays silent. Figures agree with the answers (q2 50 % → (40,60],
 * q3 30 % → (20,40], q11 15 % → (10,20], q12–q15 improved), every scenario at level 2, production and
 * equipment at 3 (q4 ticks every area, q3 above 10 %).
 */
const BASE_ANSWERS: Answers = {
  q1: [1, 2],
  q2: 3,
  q3: 2,
  q4: range(1, 14),
  q5: 4,
  q6: [1],
  q7: [1],
  q8: 3,
  q9: [1],
  q10: [1],
  q11: 1,
  q12: 2,
  q13: 2,
  q14: 2,
  q15: 2,
};
const BASE_LEVELS: Record<string, number> = { ...allAt(2), production: 3, equipment: 3 };
const BASE_NUMBERS: Record<string, Record<string, number>> = {
  q2: { 'equipment-total': 100, 'equipment-digitised': 50 },
  q3: { 'equipment-networked': 30 },
  q11: { 'investment-per-year': 15, 'revenue-per-year': 100 },
  q12: { 'energy-last-year': 80, 'energy-year-before': 100 },
  q13: { 'pass-rate-after': 99, 'pass-rate-before': 95 },
  q14: {
    'employees-last-year': 10,
    'revenue-last-year': 1000,
    'employees-year-before': 12,
    'revenue-year-before': 1000,
  },
  q15: { 'cost-last-year': 500, 'cost-year-before': 600 },
};

interface Change {
  answers?: Record<string, number | number[] | undefined>;
  levels?: Record<string, number>;
  /** qid → fields merged into the base numbers (undefined removes a field). */
  numbers?: Record<string, Record<string, number | undefined>>;
  /** Raw scenario ticks, for gaps. */
  ticks?: Record<string, ScenarioChecks>;
}

function make(change: Change = {}): ReviewInput {
  const answers: Record<string, number | number[]> = { ...BASE_ANSWERS } as Record<string, number | number[]>;
  for (const [k, v] of Object.entries(change.answers ?? {})) {
    if (v === undefined) delete answers[k];
    else answers[k] = v;
  }
  const levels = { ...BASE_LEVELS, ...change.levels };
  const scenarios = { ...Object.fromEntries(Object.entries(levels).map(([s, l]) => [s, at(l)])), ...change.ticks };
  const numbers: Record<string, Record<string, number>> = {};
  for (const [q, fields] of Object.entries(BASE_NUMBERS)) numbers[q] = { ...fields };
  for (const [q, fields] of Object.entries(change.numbers ?? {})) {
    numbers[q] ??= {};
    for (const [f, v] of Object.entries(fields)) {
      if (v === undefined) delete numbers[q]![f];
      else numbers[q]![f] = v;
    }
  }
  return { answers, scenarios, digilevel: { numbers } };
}

const findings = (input: ReviewInput) => checkConsistency(rubric, rules, input);
const of = (rule: string, input: ReviewInput): Finding[] => findings(input).filter((f) => f.rule === rule);

interface Case {
  /** A change to the base that triggers the rule, with what the findings must contain. */
  trigger: Change;
  expected: Partial<Finding>[];
  /** Changes next to the trigger that must NOT trigger the rule. */
  neighbours: [string, Change][];
}

/** One entry per rule of consistency.json (checked below). */
const CASES: Record<string, Case> = {
  'system-level-without-information-system': {
    trigger: { answers: { q5: 0 }, levels: { ...NO_SYSTEMS, marketing: 2 } },
    expected: [
      { severity: 'challenge', involves: ['q5', 'marketing'], params: { scenarios: 'marketing', scenariosCount: 1 } },
    ],
    neighbours: [
      ['q5 单个业务环节 with the same scenarios', { answers: { q5: 1 }, levels: { ...NO_SYSTEMS, marketing: 2 } }],
      ['q5 「无」, everything at level 1 but finance at 0', { answers: { q5: 0 }, levels: NO_SYSTEMS }],
      ['q5 unanswered', { answers: { q5: undefined }, levels: { ...NO_SYSTEMS, marketing: 2 } }],
    ],
  },
  'single-system-area-several-scenarios': {
    trigger: { answers: { q5: 1 }, levels: { ...NO_SYSTEMS, marketing: 2, quality: 2 } },
    expected: [
      { involves: ['q5', 'marketing', 'quality'], params: { scenarios: 'marketing,quality', scenariosCount: 2 } },
    ],
    neighbours: [
      [
        'q5 多个业务环节 with the same scenarios',
        { answers: { q5: 2 }, levels: { ...NO_SYSTEMS, marketing: 2, quality: 2 } },
      ],
      ['q5 单个 with one area at level 2', { answers: { q5: 1 }, levels: { ...NO_SYSTEMS, marketing: 2 } }],
      [
        'q5 单个 with one area plus collaboration and decision (not business areas) at level 2',
        { answers: { q5: 1 }, levels: { ...NO_SYSTEMS, marketing: 2, collaboration: 2, decision: 2 } },
      ],
    ],
  },
  'system-coverage-above-scenarios': {
    trigger: { levels: { 'product-design': 1, 'process-design': 1, marketing: 1 } },
    expected: [
      {
        severity: 'review',
        involves: ['q5', 'product-design', 'process-design', 'marketing'],
        params: { scenariosCount: 11 },
      },
    ],
    neighbours: [
      ['12 of 14 areas at their system level', { levels: { 'product-design': 1, 'process-design': 1 } }],
      [
        'q5 多个业务环节 with 11 areas',
        { answers: { q5: 2 }, levels: { 'product-design': 1, 'process-design': 1, marketing: 1 } },
      ],
    ],
  },
  'realtime-level-without-auto-collection': {
    trigger: { answers: { q4: range(1, 14).filter((o) => o !== 7) }, levels: { energy: 3 } },
    expected: [{ involves: ['q4', 'energy'], params: { scenario: 'energy', level: 3, option: 7 } }],
    neighbours: [
      ['q4 ticks 能耗管理', { levels: { energy: 3 } }],
      ['energy only at level 2', { answers: { q4: range(1, 14).filter((o) => o !== 7) }, levels: { energy: 2 } }],
    ],
  },
  'collection-level-without-auto-collection': {
    trigger: { answers: { q4: [1, 2, 4] }, levels: { quality: 3, safety: 2, production: 2, equipment: 2 } },
    expected: [
      { involves: ['q4', 'quality'], params: { scenario: 'quality', claimed: 3 } },
      { involves: ['q4', 'safety'], params: { scenario: 'safety', claimed: 2 } },
    ],
    neighbours: [
      ['q4 ticks 质量管理 and 安全生产', { answers: { q4: [1, 2, 3, 4, 10] }, levels: { quality: 3, safety: 2 } }],
      [
        'safety at 3 (the challenge rule covers it) and quality at 2',
        { answers: { q4: [1, 2, 4] }, levels: { quality: 2, safety: 3 } },
      ],
    ],
  },
  'equipment-realtime-low-networking': {
    trigger: { answers: { q3: 0 } },
    expected: [{ involves: ['q3', 'equipment'], params: { claimed: 3 } }],
    neighbours: [
      ['q3 (10%,20%]', { answers: { q3: 1 } }],
      ['equipment at level 2', { answers: { q3: 0 }, levels: { equipment: 2 } }],
    ],
  },
  'production-collection-low-networking': {
    trigger: { answers: { q3: 0 }, levels: { production: 4 } },
    expected: [{ severity: 'review', involves: ['q3', 'production'], params: { claimed: 4 } }],
    neighbours: [
      ['q3 (10%,20%]', { answers: { q3: 1 }, levels: { production: 4 } }],
      ['production at level 2', { answers: { q3: 0 }, levels: { production: 2 } }],
    ],
  },
  'answer-above-numbers': {
    // energy per revenue went up, but q12 says 降低; q2's figures give (40,60] but the answer is (60,100]
    trigger: { answers: { q2: 4 }, numbers: { q12: { 'energy-last-year': 120 } } },
    expected: [
      { involves: ['q2'], params: { question: 'q2', answer: 4, derived: 3 } },
      { involves: ['q12'], params: { question: 'q12', answer: 2, derived: 0 } },
    ],
    neighbours: [
      ['answers equal to the figures', {}],
      ['answers below the figures', { answers: { q2: 2, q12: 0 } }],
      ['q12 增加 with figures that increase', { answers: { q12: 0 }, numbers: { q12: { 'energy-last-year': 120 } } }],
      ['figures incomplete', { answers: { q2: 4 }, numbers: { q2: { 'equipment-digitised': undefined } } }],
    ],
  },
  'claim-without-figures': {
    trigger: { numbers: { q14: { 'employees-last-year': undefined }, q12: { 'energy-last-year': undefined } } },
    expected: [
      { severity: 'review', involves: ['q12'], params: { question: 'q12', blanks: 1 } },
      // q14's blank is also q12's and q15's revenue source, but those are not blanks of their own in the seed
      { involves: ['q14'], params: { question: 'q14', blanks: 1 } },
    ],
    neighbours: [
      ['every blank filled', {}],
      [
        'q12 and q14 answered with their zero-point option',
        {
          answers: { q12: 0, q14: 0 },
          numbers: { q14: { 'employees-last-year': undefined }, q12: { 'energy-last-year': undefined } },
        },
      ],
      ['only a helper field (q13 before) empty', { numbers: { q13: { 'pass-rate-before': undefined } } }],
    ],
  },
  'level-four-without-digital-talent': {
    trigger: { answers: { q10: [0] }, levels: { decision: 4 } },
    expected: [{ involves: ['q10', 'decision'], params: { scenarios: 'decision', scenariosCount: 1 } }],
    neighbours: [
      ['q10 兼职数字化人才', { answers: { q10: [1] }, levels: { decision: 4 } }],
      ['q10 「无」 but nothing at level 4', { answers: { q10: [0] } }],
      [
        'level 4 ticked above a gap (not counted)',
        { answers: { q10: [0] }, ticks: { decision: [true, true, false, true] } },
      ],
    ],
  },
  'networking-rate-above-digitisation-rate': {
    trigger: { answers: { q2: 1 }, numbers: { q2: { 'equipment-digitised': 15 }, q3: { 'equipment-networked': 15 } } },
    expected: [{ involves: ['q2', 'q3'], params: {} }],
    neighbours: [['q2 in the same bucket as q3', { answers: { q2: 2, q3: 2 } }]],
  },
  'networked-count-above-digitised-count': {
    trigger: { numbers: { q3: { 'equipment-networked': 51 } } },
    expected: [{ involves: ['q2', 'q3'], params: { value: 51, than: 50 } }],
    neighbours: [
      ['as many networked as digitised', { numbers: { q3: { 'equipment-networked': 50 } } }],
      [
        'digitised count missing',
        { numbers: { q2: { 'equipment-digitised': undefined }, q3: { 'equipment-networked': 51 } } },
      ],
    ],
  },
  'no-network-but-networked-equipment': {
    trigger: { answers: { q1: [0], q3: 1 } },
    expected: [{ involves: ['q1', 'q3'] }],
    neighbours: [
      ['q3 [0–10%]', { answers: { q1: [0], q3: 0 } }],
      ['q1 工控网络', { answers: { q1: [1], q3: 1 } }],
    ],
  },
  'no-network-but-level-three': {
    trigger: { answers: { q1: [0] } },
    expected: [
      { involves: ['q1', 'production', 'equipment'], params: { scenarios: 'production,equipment', scenariosCount: 2 } },
    ],
    neighbours: [
      ['everything at level 2', { answers: { q1: [0] }, levels: { production: 2, equipment: 2 } }],
      ['q1 5G', { answers: { q1: [3] } }],
    ],
  },
  'level-three-without-any-auto-collection': {
    trigger: { answers: { q4: [0] }, levels: { marketing: 3 } },
    expected: [{ severity: 'review', involves: ['q4', 'marketing'], params: { scenarios: 'marketing' } }],
    neighbours: [
      ['q4 ticks one area', { answers: { q4: [9] }, levels: { marketing: 3 } }],
      // production and equipment at 3 are covered by the realtime rule, not this one
      ['only production and equipment at level 3', { answers: { q4: [0] } }],
    ],
  },
  'integration-with-single-system-area': {
    trigger: { answers: { q5: 1 }, levels: { ...allAt(1), decision: 2 } },
    expected: [{ involves: ['q5', 'decision'], params: { scenarios: 'decision' } }],
    neighbours: [
      ['q5 多个业务环节', { answers: { q5: 2 }, levels: { ...allAt(1), decision: 2 } }],
      ['q5 单个 with decision at level 1', { answers: { q5: 1 }, levels: allAt(1) }],
    ],
  },
  'integration-partners-not-claimed': {
    trigger: { levels: { marketing: 3, production: 1, warehousing: 1, finance: 0 } },
    expected: [
      {
        involves: ['marketing', 'production', 'warehousing', 'finance'],
        params: { scenario: 'marketing', claimed: 3, partners: 'production,warehousing,finance' },
      },
    ],
    neighbours: [
      [
        'finance at level 1 (its system level)',
        { levels: { marketing: 3, production: 1, warehousing: 1, finance: 1 } },
      ],
      ['marketing at level 2', { levels: { marketing: 2, production: 1, warehousing: 1, finance: 0 } }],
    ],
  },
  'auto-collection-beyond-system-coverage': {
    trigger: { answers: { q4: [6, 13], q5: 1 } },
    expected: [{ involves: ['q4', 'q5'], params: { areaCount: 2 } }],
    neighbours: [
      ['q5 单个 with one area', { answers: { q4: [6], q5: 1 } }],
      ['q5 多个 with two areas', { answers: { q4: [6, 13], q5: 2 } }],
    ],
  },
  'auto-collection-area-without-scenario': {
    // energy ticked at 2 without 1: its counted level is 0
    trigger: { ticks: { energy: [false, true, false, false] } },
    expected: [{ involves: ['q4', 'energy'], params: { scenario: 'energy', option: 7 } }],
    neighbours: [
      ['energy at level 1', { levels: { energy: 1 } }],
      ['q4 without 能耗管理', { answers: { q4: range(1, 14).filter((o) => o !== 7) }, levels: { energy: 0 } }],
    ],
  },
  'awareness-none-with-systems': {
    trigger: { answers: { q8: 0 }, levels: { ...allAt(1), hr: 2 } },
    expected: [{ involves: ['q8', 'hr'], params: { scenarios: 'hr' } }],
    neighbours: [
      ['q8 已经主动了解', { answers: { q8: 1 }, levels: { ...allAt(1), hr: 2 } }],
      ['q8 「无」 with everything at level 1', { answers: { q8: 0 }, levels: allAt(1) }],
    ],
  },
  'results-without-records': {
    trigger: { answers: { q13: 1 }, levels: { quality: 0 } },
    expected: [{ involves: ['q13', 'quality'], params: { question: 'q13', scenario: 'quality' } }],
    neighbours: [
      ['quality at level 1', { answers: { q13: 1 }, levels: { quality: 1 } }],
      ['q13 降低 (no points)', { answers: { q13: 0 }, levels: { quality: 0 } }],
    ],
  },
};

describe('consistency rules (rubrics/cn-sme-2024/consistency.json)', () => {
  it('the base assessment is consistent: no findings', () => {
    expect(findings(make())).toEqual([]);
  });

  it('every rule has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(rules.rules.map((r) => r.id).sort());
  });

  describe.each(Object.entries(CASES))('%s', (id, c) => {
    const rule = rules.rules.find((r) => r.id === id)!;

    it('triggers, with its params and involved ids, and fills every placeholder', () => {
      const got = of(id, make(c.trigger));
      expect(got).toHaveLength(c.expected.length);
      c.expected.forEach((e, i) => expect(got[i]).toMatchObject({ rule: id, severity: rule.severity, ...e }));
      for (const f of got) {
        expect(f.involves.every((x) => rule.involves.includes(x))).toBe(true);
        for (const lang of ['zh-CN', 'en'] as const) expect(formatFinding(rubric, rules, f, lang)).not.toMatch(/\{/);
      }
    });

    it.each(c.neighbours)('does not trigger: %s', (_, change) => {
      expect(of(id, make(change))).toEqual([]);
    });
  });
});

describe('checkConsistency', () => {
  it('finds the q5 「无」 rule on finance at level 1 alone (financial management needs a system from level 1)', () => {
    const got = of(
      'system-level-without-information-system',
      make({ answers: { q5: 0 }, levels: { ...allAt(0), finance: 1 } }),
    );
    expect(got.map((f) => f.params.scenarios)).toEqual(['finance']);
  });

  it('treats an unanswered q10 as 「无」 (orUnanswered)', () => {
    expect(
      of('level-four-without-digital-talent', make({ answers: { q10: undefined }, levels: { hr: 4 } })),
    ).toHaveLength(1);
  });

  it('never changes the answers or the score', () => {
    const input = make({ answers: { q5: 0, q1: [0], q3: 1, q10: [0] }, levels: { decision: 4 } });
    const frozen = JSON.parse(JSON.stringify(input));
    const before = evaluate(rubric, input);
    expect(findings(input).length).toBeGreaterThan(3);
    expect(input).toEqual(frozen);
    expect(evaluate(rubric, input)).toEqual(before);
  });

  it('takes a validated interchange file as it is', () => {
    const parsed = validateAssessment(
      {
        format: FILE_FORMAT,
        version: FILE_VERSION,
        rubric: 'cn-sme-2024',
        answers: { q2: 4, q3: 4 },
        scenarios: {},
        digilevel: {
          numbers: { q2: { 'equipment-total': 10, 'equipment-digitised': 5 }, q3: { 'equipment-networked': 7 } },
        },
      },
      getRubric,
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.issues));
    expect(checkConsistency(rubric, rules, parsed.file).map((f) => [f.rule, f.params.question ?? ''])).toEqual([
      ['answer-above-numbers', 'q2'],
      ['networked-count-above-digitised-count', ''],
    ]);
  });

  it('works without the extension (no typed numbers)', () => {
    const input = make({ answers: { q5: 0 } });
    delete input.digilevel;
    const ids = new Set(findings(input).map((f) => f.rule));
    expect(ids.has('system-level-without-information-system')).toBe(true);
    expect(ids.has('claim-without-figures')).toBe(true);
    expect(ids.has('answer-above-numbers')).toBe(false);
  });

  it('formats scenario lists, item numbers and option texts in both languages', () => {
    const [f] = of('answer-above-numbers', make({ answers: { q2: 4 } }));
    expect(formatFinding(rubric, rules, f!, 'zh-CN')).toBe(
      '第2题选择了「(60%,100%]」，但填写的具体数据算出来是「(40%,60%]」。评审会按这些数据核对选项。',
    );
    const [g] = of(
      'integration-partners-not-claimed',
      make({ levels: { marketing: 3, production: 1, warehousing: 1, finance: 0 } }),
    );
    expect(formatFinding(rubric, rules, g!, 'en')).toContain(
      'such as Production control, Warehousing and logistics, Financial management',
    );
    expect(formatFinding(rubric, rules, g!, 'zh-CN')).toContain('要求与生产管控、仓储物流、财务管理等系统协同');
  });
});

describe('rule data validation', () => {
  const raw = (rulesJson: unknown[], sets: Record<string, unknown> = {}) => ({
    rubric: 'cn-sme-2024',
    notOfficial: { 'zh-CN': '测试', en: 'test' },
    sets,
    rules: rulesJson,
  });
  const rule = (when: unknown, extra: Record<string, unknown> = {}) => ({
    id: 'r',
    severity: 'review',
    involves: ['q5', 'marketing'],
    basis: { 'zh-CN': '依据', en: 'basis' },
    message: { 'zh-CN': '消息', en: 'message' },
    when,
    ...extra,
  });

  it('accepts a small valid rule', () => {
    const when = {
      test: 'all',
      of: [
        { test: 'answer-in', question: 'q5', options: [0] },
        { test: 'scenario-level', scenario: 'marketing', min: 2 },
      ],
    };
    expect(consistencyRulesIssues(raw([rule(when)]), rubric)).toEqual([]);
  });

  it.each([
    ['an unbound variable', rule({ test: 'scenario-level', scenario: '$scenario', min: 2 }), /unbound \$scenario/],
    [
      'an unknown scenario',
      rule({ test: 'scenario-level', scenario: 'marketting', min: 2 }),
      /unknown scenario marketting/,
    ],
    ['an option out of range', rule({ test: 'answer-in', question: 'q5', options: [5] }), /q5 has no option 5/],
    [
      'a multiple-choice test on a single choice',
      rule({ test: 'selected', question: 'q5', option: 1, is: true }),
      /not multiple choice/,
    ],
    ['an id used but not in involves', rule({ test: 'answer-none', question: 'q1' }), /q1 is used but not listed/],
    [
      'an unknown involves id',
      rule({ test: 'answer-none', question: 'q5' }, { involves: ['q5', 'q99'] }),
      /unknown question or scenario q99/,
    ],
    [
      '「无」 on a question without it',
      rule(
        { test: 'answer-none', question: 'q5' },
        { involves: ['q2', 'q5'], when: { test: 'answer-none', question: 'q2' } },
      ),
      /q2 has no 「无」 option/,
    ],
    ['an unknown set', rule({ test: 'scenario-count', among: 'nope', min: 1 }), /unknown set nope/],
    ['a level above 4', rule({ test: 'scenario-level', scenario: 'marketing', min: 5 }), /level 5 > 4/],
  ])('reports %s', (_, r, message) => {
    const issues = consistencyRulesIssues(raw([r]), rubric);
    expect(issues.map((i) => i.message).join('\n')).toMatch(message);
    expect(() => parseConsistencyRules(raw([r]), rubric)).toThrow();
  });

  it('substitutes each binding and checks every instance', () => {
    const r = rule(
      { test: 'scenario-level', scenario: '$scenario', min: '$level' },
      {
        each: [
          { scenario: 'marketing', level: 2 },
          { scenario: 'quality', level: 3 },
        ],
      },
    );
    expect(consistencyRulesIssues(raw([r]), rubric).map((i) => i.message)).toEqual(['quality is used but not listed']);
  });
});
