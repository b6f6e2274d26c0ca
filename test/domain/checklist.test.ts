import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import data from '../../rubrics/sd-chenxing-2022/rubric.json';
import { ChecklistRubric } from '../../src/domain/rubric/checklist-schema';
import { checklistItems, evaluateChecklist, type ChecklistAnswers } from '../../src/domain/scoring/checklist';

const rubric = v.parse(ChecklistRubric, data);
const items = checklistItems(rubric).map((p) => p.item);
const ids = items.map((it) => it.id);

/** Every item answered: met exactly when required at or below `level` (optional items unmet). */
const metUpTo = (level: number): ChecklistAnswers =>
  Object.fromEntries(items.map((it) => [it.id, it.requiredFrom !== null && it.requiredFrom <= level]));
const ALL_MET: ChecklistAnswers = Object.fromEntries(ids.map((id) => [id, true]));
const ALL_UNMET: ChecklistAnswers = Object.fromEntries(ids.map((id) => [id, false]));
const without = (answers: ChecklistAnswers, ...off: string[]) => ({
  ...answers,
  ...Object.fromEntries(off.map((id) => [id, false])),
});
const level = (answers: ChecklistAnswers) => evaluateChecklist(rubric, answers).level;

describe('checklist level (★ read cumulatively)', () => {
  // [case, answers, expected level]
  it.each([
    ['all met', ALL_MET, 5],
    ['nothing answered', {}, 0],
    ['all answered unmet', ALL_UNMET, 0],
    ['all met but one level-1 item (production-safety, 5★)', without(ALL_MET, 'production-safety'), 0],
    [
      'all met but one level-2 item (data-management-capability, 4★)',
      without(ALL_MET, 'data-management-capability'),
      1,
    ],
    ['all met but one level-3 item (quality-management, 3★)', without(ALL_MET, 'quality-management'), 2],
    [
      'all met but one level-4 item (production-control-platform, 2★)',
      without(ALL_MET, 'production-control-platform'),
      3,
    ],
    ['all met but one level-5 item (market-forecasting, 1★)', without(ALL_MET, 'market-forecasting'), 4],
    ['all met but the optional item (rd-time-cost-prediction, no ★)', without(ALL_MET, 'rd-time-cost-prediction'), 5],
    ['missing at levels 2 and 4 → the lower one counts', without(ALL_MET, 'sales-management', 'tooling-management'), 1],
    ['only level-5 and optional items met', { 'market-forecasting': true, 'rd-time-cost-prediction': true }, 0],
  ] as const)('%s → %i', (_, answers, expected) => expect(level(answers)).toBe(expected));

  it.each([0, 1, 2, 3, 4, 5])('exactly the items required up to level %i → that level', (k) => {
    expect(level(metUpTo(k))).toBe(k);
  });

  it.each([1, 2, 3, 4, 5])('level %i minus any one item that becomes required there → one level lower', (k) => {
    const atK = items.filter((it) => it.requiredFrom === k);
    expect(atK.length).toBeGreaterThan(0);
    for (const it of atK) expect(level(without(metUpTo(k), it.id)), it.id).toBe(k - 1);
  });

  it('ignores met items above a gap: everything but one level-1 item is still level 0', () => {
    const e = evaluateChecklist(rubric, without(ALL_MET, 'lean-factory-layout'));
    expect(e.level).toBe(0);
    expect(e.nextLevel).toBe(1);
    expect(e.missingForNext).toEqual([{ category: 'top-level-planning', items: ['lean-factory-layout'] }]);
    expect(e.metCount).toBe(78);
  });
});

describe('what is missing for the next level', () => {
  it('lists the 13 level-1 items by category when nothing is met', () => {
    const e = evaluateChecklist(rubric, {});
    expect(e.nextLevel).toBe(1);
    expect(e.missingForNext).toEqual([
      { category: 'top-level-planning', items: ['lean-factory-layout', 'chenxing-master-plan'] },
      { category: 'factory-data-collection', items: ['shop-floor-data-acquisition'] },
      { category: 'network-upgrade', items: ['new-network-infrastructure', 'office-network', 'production-network'] },
      {
        category: 'digital-applications',
        items: ['production-planning', 'production-execution', 'supply-chain-management-platform', 'warehouse-in-out'],
      },
      {
        category: 'safety-security-control',
        items: ['production-safety', 'information-security', 'operational-safety'],
      },
    ]);
  });

  it('at level 3 names the unmet level-4 items only, not the level-5 ones', () => {
    const e = evaluateChecklist(rubric, metUpTo(3));
    expect(e.level).toBe(3);
    expect(e.nextLevel).toBe(4);
    expect(e.missingForNext).toEqual([
      { category: 'top-level-planning', items: ['staffing-planning'] },
      { category: 'factory-data-collection', items: ['digital-product-modules'] },
      {
        category: 'digital-applications',
        items: [
          '3d-product-design',
          'design-simulation',
          'process-information-reuse',
          'production-control-platform',
          'digital-twin-application',
          'production-traceability',
          'procurement-risk-control',
          'inventory-optimisation',
          'proactive-customer-service',
        ],
      },
      { category: 'digital-dual-carbon', items: ['energy-forecasting-balancing'] },
    ]);
  });

  it('has nothing missing and no next level at level 5', () => {
    const e = evaluateChecklist(rubric, ALL_MET);
    expect(e.nextLevel).toBeNull();
    expect(e.missingForNext).toEqual([]);
  });
});

describe('counts and completeness', () => {
  it('counts the required items per level cumulatively (13 / 31 / 51 / 63 / 78 of 79)', () => {
    const e = evaluateChecklist(rubric, metUpTo(2));
    expect(e.itemCount).toBe(79);
    expect(e.requiredCounts).toEqual([
      { level: 1, required: 13, met: 13, newlyRequired: 13 },
      { level: 2, required: 31, met: 31, newlyRequired: 18 },
      { level: 3, required: 51, met: 31, newlyRequired: 20 },
      { level: 4, required: 63, met: 31, newlyRequired: 12 },
      { level: 5, required: 78, met: 31, newlyRequired: 15 },
    ]);
    expect(e.metCount).toBe(31);
  });

  it('tells unanswered items from unmet ones', () => {
    const partial = { 'lean-factory-layout': true, 'resource-planning': false };
    const e = evaluateChecklist(rubric, partial);
    expect(e.complete).toBe(false);
    expect(e.unanswered).toHaveLength(77);
    expect(e.unanswered).not.toContain('resource-planning');
    expect(e.unanswered[0]).toBe('lean-production-logistics');
    expect(evaluateChecklist(rubric, ALL_UNMET)).toMatchObject({ complete: true, unanswered: [], metCount: 0 });
  });

  it('counts optional items as met but reports unknown ids', () => {
    const e = evaluateChecklist(rubric, { ...ALL_MET, 'not-an-item': true });
    expect(e).toMatchObject({ level: 5, complete: true, metCount: 79, unknown: ['not-an-item'] });
  });
});
