/**
 * A file's one `answers` key read as its rubric's model says (issue 14, item 4): a weighted rubric's option
 * indices, a checklist's met / not met, never one taken for the other.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  answerSetOf,
  applyPatch,
  checklistAnswersOf,
  evaluate,
  getRubric,
  newAssessmentFile,
  weightedAnswersOf,
  type AssessmentFile,
} from '../../src/domain/index';

const read = (f: string): AssessmentFile =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', f), 'utf8')) as AssessmentFile;
const weighted = read('valid-level3.json');
const checklist = read('chenxing-level2.json');

describe('answers by rubric model', () => {
  it('a weighted file reads as its option indices, and as no checklist answers', () => {
    expect(weightedAnswersOf(weighted)).toEqual(weighted.answers);
    expect(checklistAnswersOf(weighted)).toEqual({});
    const set = answerSetOf({ model: 'weighted-scenarios' }, weighted);
    expect(set).toEqual({ model: 'weighted-scenarios', answers: weighted.answers, scenarios: weighted.scenarios });
  });

  it('a checklist file reads as met / not met, and as no weighted answers', () => {
    expect(Object.keys(checklist.answers).length).toBeGreaterThan(0);
    expect(checklistAnswersOf(checklist)).toEqual(checklist.answers);
    expect(weightedAnswersOf(checklist)).toEqual({});
    expect(answerSetOf({ model: 'required-checklist' }, checklist)).toEqual({
      model: 'required-checklist',
      answers: checklist.answers,
    });
  });

  it('a weighted engine handed a checklist file sees nothing answered (not booleans as option indices)', () => {
    const rubric = getRubric('cn-sme-2024')!;
    // booleans under weighted question ids: what a checklist answer mistaken for an option index would be
    const e = evaluate(rubric, { answers: { q1: true, q2: false }, scenarios: {} });
    expect(e.unanswered).toHaveLength(15);
    expect(e.score.total).toEqual(evaluate(rubric, { answers: {}, scenarios: {} }).score.total);
  });

  it('patches write either shape into the one key', () => {
    let file = newAssessmentFile('cn-sme-2024');
    file = applyPatch(file, { op: 'answer', id: 'q4', value: [3, 1] });
    expect(weightedAnswersOf(file)).toEqual({ q4: [1, 3] });
    let met = newAssessmentFile('chenxing');
    met = applyPatch(met, { op: 'met', id: 'a', value: false });
    expect(checklistAnswersOf(met)).toEqual({ a: false });
    met = applyPatch(met, { op: 'met', id: 'a', value: undefined });
    expect(met.answers).toEqual({});
  });
});
