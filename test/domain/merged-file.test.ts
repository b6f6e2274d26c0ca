/** The merged file (issue "Many files", item 5): provenance in the notes, validated like any import. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  getAnyRubric,
  getRubric,
  loadRubric,
  newAssessmentFile,
  validateAssessment,
  type WeightedRubric,
} from '../../src/domain/index';
import { mergeRespondents, type Respondent } from '../../src/domain/merge/merge';
import { mergedEvidence, mergedFile, mergedNotes, type MergeWords } from '../../src/domain/merge/merged-file';

let rubric: WeightedRubric;
beforeAll(async () => {
  await loadRubric('cn-sme-2024');
  rubric = getRubric('cn-sme-2024')!;
});

const words: MergeWords = {
  took: (c, from) => `took ${from.join('+')} (${c})`,
  value: (label, key, v) => `${label}=${JSON.stringify(v ?? null)}`,
  note: (label, text) => `${label}: ${text}`,
};
const a: Respondent = { label: 'A', answers: { q1: [1], q2: 3 }, scenarios: {}, notes: { q2: 'from A', q3: 'same' } };
const b: Respondent = { label: 'B', answers: { q1: [1], q2: 1 }, scenarios: {}, notes: { q2: 'from B', q3: 'same' } };

describe('mergedNotes', () => {
  it('records the choice and who answered what on disagreed keys only, and keeps every respondent note', () => {
    const merged = mergeRespondents(rubric, [a, b], { q2: 0 }, 'lower');
    const notes = mergedNotes(rubric, [a, b], merged, words);
    expect(notes).toEqual({ q2: 'took A (0)\nA=3\nB=1\nA: from A\nB: from B', q3: 'same' });
    const lower = mergedNotes(rubric, [a, b], mergeRespondents(rubric, [a, b], {}, 'lower'), words);
    expect(lower.q2!.split('\n')[0]).toBe('took B (lower)');
  });
});

describe('mergedFile', () => {
  it('is a valid file with the first profile and enterprise, merged answers, notes and label', () => {
    const first = newAssessmentFile('cn-sme-2024', { name: '晨星', year: 2026 });
    first.digilevel = { meta: { enterpriseId: 'ent-1', label: 'A', id: 'x' }, numbers: { q11: { a: 1 } } };
    const merged = mergeRespondents(rubric, [a, b], {}, 'higher');
    const file = mergedFile(first, merged, mergedNotes(rubric, [a, b], merged, words), 'Merged: A, B');
    const checked = validateAssessment(JSON.parse(JSON.stringify(file)), getAnyRubric);
    expect(checked.ok).toBe(true);
    expect(file.answers).toEqual({ q1: [1], q2: 3 });
    expect(file.profile).toEqual({ name: '晨星', year: 2026 });
    expect(file.digilevel).toEqual({
      meta: { label: 'Merged: A, B', enterpriseId: 'ent-1' },
      notes: { q2: 'took A (higher)\nA=3\nB=1\nA: from A\nB: from B', q3: 'same' },
    });
  });
});

describe('mergedEvidence', () => {
  it('keeps every respondent evidence per key once, in respondent order', () => {
    expect(
      mergedEvidence([{ q2: ['MES 截图', '台账'] }, undefined, { q2: ['台账', '合同'], quality: ['报告'] }]),
    ).toEqual({
      q2: ['MES 截图', '台账', '合同'],
      quality: ['报告'],
    });
  });
});
