import { describe, expect, it } from 'vitest';
import { getRubric, type AssessmentInput } from '../../src/domain/index';
import {
  evidenceChecklist,
  getEvidenceGuidance,
  isClaimed,
  scenarioClaimKey,
  type EvidenceChecks,
} from '../../src/domain/review/index';

const rubric = getRubric('cn-sme-2024')!;
const guidance = getEvidenceGuidance('cn-sme-2024')!;

/**
 * Claimed: q1 (工控网络 + 5G), q5 (多个业务环节), q6 (products + boundary control), q12 (持平).
 * Not claimed: q2 [0–10%] and q8 「无」 (no points), q4 [0].
 * Scenarios: quality 1–2 counted, 4 ticked above the gap; equipment 1–3; energy 1; finance ticked 2–4
 * without 1 (level 0, all three not counted).
 */
const FILE: AssessmentInput = {
  answers: { q1: [1, 3], q2: 0, q4: [0], q5: 2, q6: [2, 4], q8: 0, q12: 1 },
  scenarios: {
    quality: [true, true, false, true],
    equipment: [true, true, true, false],
    energy: [true, false, false, false],
    finance: [false, true, true, true],
  },
};

const CHECKED: EvidenceChecks = {
  q1: ['5g-service-contract', 'network-topology', 'control-network-photo'],
  // only for option 1, which is not chosen: dropped
  q6: ['network-security-policy'],
  q5: ['system-list'],
  'quality@1': ['quality-spreadsheets', 'inspection-samples'],
  'quality@2': ['quality-reports', 'no-such-id'],
  'equipment@3': ['running-parameter-data', 'fault-diagnosis-records', 'oee-reports'],
  'quality@4': ['vision-inspection-results'],
  // a claim that does not exist
  q2: ['equipment-register'],
};

describe('evidenceChecklist', () => {
  const list = evidenceChecklist(rubric, guidance, FILE, CHECKED);

  it('lists the counted claims in table order, levels ascending', () => {
    expect(list.claims.map((c) => c.key)).toEqual([
      'q1',
      'q5',
      'q6',
      'q12',
      'quality@1',
      'quality@2',
      'equipment@1',
      'equipment@2',
      'equipment@3',
      'energy@1',
    ]);
    expect(list.claims.every((c) => c.counted)).toBe(true);
  });

  it('reports levels ticked above a gap separately as not counted', () => {
    expect(list.notCounted.map((c) => [c.key, c.counted])).toEqual([
      ['quality@4', false],
      ['finance@2', false],
      ['finance@3', false],
      ['finance@4', false],
    ]);
    const q4 = list.notCounted[0]!;
    expect(q4.checked).toEqual(['vision-inspection-results']);
    expect(q4.expected.map((e) => e.id)).toEqual(guidance.scenarios.quality![3]!.map((e) => e.id));
  });

  it('expects only the evidence of the chosen options', () => {
    const byKey = new Map(list.claims.map((c) => [c.key, c]));
    expect(byKey.get('q1')!.expected.map((e) => e.id)).toEqual([
      'network-topology',
      'control-network-photo',
      '5g-service-contract',
    ]);
    expect(byKey.get('q6')!.expected.map((e) => e.id)).toEqual([
      'security-product-contracts',
      'boundary-control-config',
      'security-device-logs',
    ]);
    expect(byKey.get('q5')!.expected).toHaveLength(guidance.questions.q5!.length);
  });

  it('keeps ticked ids the claim expects, in expected order, and drops the rest', () => {
    const byKey = new Map(list.claims.map((c) => [c.key, c]));
    expect(byKey.get('q1')).toMatchObject({
      checked: ['network-topology', 'control-network-photo', '5g-service-contract'],
      missing: [],
    });
    expect(byKey.get('q6')).toMatchObject({
      checked: [],
      missing: ['security-product-contracts', 'boundary-control-config', 'security-device-logs'],
    });
    expect(byKey.get('quality@2')).toMatchObject({
      kind: 'scenario',
      id: 'quality',
      level: 2,
      checked: ['quality-reports'],
      missing: ['quality-system-screenshots', 'quality-procedures'],
    });
  });

  it('counts readiness exactly', () => {
    expect(list.summary).toEqual({
      claims: 10,
      fullyReady: 3, // q1, quality@1, equipment@3
      withNoEvidence: 5, // q6, q12, equipment@1, equipment@2, energy@1
      questions: { claims: 4, fullyReady: 1, withNoEvidence: 2 },
      byLevel: [
        { level: 1, claims: 3, fullyReady: 1, withNoEvidence: 2 },
        { level: 2, claims: 2, fullyReady: 0, withNoEvidence: 1 },
        { level: 3, claims: 1, fullyReady: 1, withNoEvidence: 0 },
        { level: 4, claims: 0, fullyReady: 0, withNoEvidence: 0 },
      ],
      notCounted: 4,
    });
  });

  it('without ticks every claim has no evidence', () => {
    const bare = evidenceChecklist(rubric, guidance, FILE);
    expect(bare.summary.withNoEvidence).toBe(10);
    expect(bare.summary.fullyReady).toBe(0);
    expect(bare.claims.every((c) => c.missing.length === c.expected.length && c.expected.length >= 1)).toBe(true);
  });

  it('an empty assessment claims nothing', () => {
    const empty = evidenceChecklist(rubric, guidance, { answers: {}, scenarios: {} });
    expect(empty.claims).toEqual([]);
    expect(empty.summary.claims).toBe(0);
    expect(empty.summary.byLevel.map((b) => b.claims)).toEqual([0, 0, 0, 0]);
  });

  it('scenario claim keys and isClaimed', () => {
    expect(scenarioClaimKey('quality', 3)).toBe('quality@3');
    expect(isClaimed(rubric, 'q2', 0)).toBe(false);
    expect(isClaimed(rubric, 'q12', 0)).toBe(false);
    expect(isClaimed(rubric, 'q12', 1)).toBe(true);
    expect(isClaimed(rubric, 'q4', [0])).toBe(false);
    expect(isClaimed(rubric, 'q4', [3])).toBe(true);
    expect(isClaimed(rubric, 'q8', undefined)).toBe(false);
  });
});
