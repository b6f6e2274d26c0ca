/**
 * The level the evidence defends (src/domain/review/defended.ts), table-driven and exact: which evidence
 * counts (an attachment, or a ticked evidence kind the claim expects), the gating of scenario levels, the
 * score without unproven answers, and the order of the claims at risk.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defendedChecklistLevel,
  defendedLevel,
  getChecklistRubric,
  getEvidenceGuidance,
  getRubric,
  type AssessmentInput,
  type AttachmentRef,
  type ProofInput,
} from '../../src/domain/index';

const rubric = getRubric('cn-sme-2024')!;
const guidance = getEvidenceGuidance('cn-sme-2024')!;
const read = (f: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', f), 'utf8'));
/** Claimed level 3, score 60+: 8 scenarios at level 3 (quality at 4), hr at 1. */
const FILE: AssessmentInput = read('valid-level3.json');
const REF: AttachmentRef = {
  hash: 'a'.repeat(64),
  name: 'x.png',
  addedAt: '2026-03-01T08:00:00.000Z',
  mime: 'image/png',
  bytes: 10,
};
const claimed = defendedLevel(rubric, FILE, {}).atRisk.map((c) => c.key);
const attachAll = (except: string[] = []): ProofInput => ({
  attachments: Object.fromEntries(claimed.filter((k) => !except.includes(k)).map((k) => [k, [REF]])),
});
const tickAll = (except: string[] = []): ProofInput => ({
  evidenceChecks: Object.fromEntries(claimed.filter((k) => !except.includes(k)).map((k) => [k, ['anything']])),
});

describe('defendedLevel (weighted rubric)', () => {
  it('lists every claim once: 9 scored answers and 26 scenario levels', () => {
    expect(claimed.length).toBe(35);
    expect(claimed.filter((k) => k.includes('@')).length).toBe(26);
  });

  it.each<[string, ProofInput, number, number, number]>([
    // name, proof, defended level, defended score, claims at risk
    ['no evidence at all', {}, 0, 0, 35],
    ['an attachment on every claim', attachAll(), 3, 60, 0],
    ['a tick on every claim (no guidance: any tick)', tickAll(), 3, 60, 0],
    ['every claim but q4 (score 60 → 50)', attachAll(['q4']), 2, 50, 1],
    ['every claim but quality@2: quality stops at 1, seven scenarios at 3', attachAll(['quality@2']), 2, 60, 1],
    ['every claim but quality@4: quality at 3, still eight', attachAll(['quality@4']), 3, 60, 1],
    ['every claim but hr@1', attachAll(['hr@1']), 3, 60, 1],
    ['every level 3 missing: all scenarios at 2', attachAll(claimed.filter((k) => k.endsWith('@3'))), 2, 60, 8],
  ])('%s', (_, proof, level, score, atRisk) => {
    const d = defendedLevel(rubric, FILE, proof);
    expect([d.claimed, d.claimedScore, d.defended, d.defendedScore, d.atRisk.length]).toEqual([
      3,
      60,
      level,
      score,
      atRisk,
    ]);
  });

  it('names the evidence each claim has', () => {
    const proof: ProofInput = { attachments: { q2: [REF] }, evidenceChecks: { q2: ['x'], q3: ['y'] } };
    expect(defendedLevel(rubric, FILE, proof).evidenced).toEqual({ q2: ['attachment', 'check'], q3: ['check'] });
  });

  it('with guidance, a tick counts only when the claim expects that evidence kind', () => {
    const expected = guidance.questions['q2']![0]!.id;
    const stale = defendedLevel(rubric, FILE, { evidenceChecks: { q2: ['not-a-kind'] } }, guidance);
    const good = defendedLevel(rubric, FILE, { evidenceChecks: { q2: [expected] } }, guidance);
    expect(stale.evidenced).toEqual({});
    expect(good.evidenced).toEqual({ q2: ['check'] });
  });

  it('lists the claims at risk cheapest first: fewer expected kinds, then lower level, then rubric order', () => {
    const d = defendedLevel(rubric, FILE, {}, guidance);
    const costs = d.atRisk.map((c) => c.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    for (const c of d.atRisk) {
      const expected = c.kind === 'question' ? undefined : guidance.scenarios[c.id]![c.level! - 1]!;
      if (expected) expect(c.cost, c.key).toBe(expected.length);
    }
    // without guidance every claim costs 1: questions in table order, then scenario levels ascending
    const plain = defendedLevel(rubric, FILE, {}).atRisk;
    expect(plain.slice(0, 9).map((c) => c.key)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q12', 'q14']);
    expect(plain.slice(9).map((c) => c.level)).toEqual([...plain.slice(9).map((c) => c.level!)].sort());
  });

  it('an answer that earns nothing is no claim and is never at risk', () => {
    const d = defendedLevel(rubric, { answers: { q8: 0, q9: [0] }, scenarios: {} }, {});
    expect([d.claims, d.atRisk, d.claimed, d.defended]).toEqual([0, [], 0, 0]);
  });
});

describe('defendedChecklistLevel (晨星工厂)', () => {
  const cx = getChecklistRubric('sd-chenxing-2022')!;
  const met = read('chenxing-level2.json').answers as Record<string, boolean>;
  const metIds = Object.keys(met).filter((k) => met[k]);

  it.each<[string, (ids: string[]) => string[], number]>([
    ['every met item attached', (ids) => ids, 2],
    ['nothing attached', () => [], 0],
  ])('%s', (_, pick, level) => {
    const proof: ProofInput = { attachments: Object.fromEntries(pick(metIds).map((k) => [k, [REF]])) };
    const d = defendedChecklistLevel(cx, met, proof);
    expect([d.claimed, d.defended, d.claims, d.atRisk.length]).toEqual([
      2,
      level,
      metIds.length,
      metIds.length - pick(metIds).length,
    ]);
  });

  it('a tick is no evidence for a checklist item; at risk: required from a lower level first', () => {
    const d = defendedChecklistLevel(cx, met, { evidenceChecks: Object.fromEntries(metIds.map((k) => [k, ['x']])) });
    expect(d.defended).toBe(0);
    const from = (id: string) =>
      cx.categories.flatMap((c) => c.indicators.flatMap((i) => i.items)).find((i) => i.id === id)!.requiredFrom ?? 99;
    const order = d.atRisk.map((c) => from(c.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
