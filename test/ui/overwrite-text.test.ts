import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allScenarios,
  applyPatch,
  findOverwrites,
  getRubric,
  newAssessmentFile,
  questionsOf,
  type Patch,
} from '../../src/domain/index';
import { overwriteField, overwriteValue } from '../../src/ui/overwrite-text';
import { loc, setLanguage } from '../../src/i18n/index.svelte';

const rubric = getRubric('cn-sme-2024')!;
const q5 = questionsOf(rubric).find((q) => q.id === 'q5')!;
const scenario = allScenarios(rubric)[0]!;

/** The notice's words when this tab's `mine` was replaced by the other tab's `theirs`. */
function words(mine: Patch, theirs: Patch) {
  const [o] = findOverwrites([mine], applyPatch(newAssessmentFile('cn-sme-2024'), theirs));
  return {
    field: overwriteField(o!, rubric, 2026),
    mine: overwriteValue(o!, rubric, o!.mineValue),
    theirs: overwriteValue(o!, rubric, o!.theirs),
  };
}

describe('overwrite notice words (English)', () => {
  beforeAll(() => setLanguage('en'));
  afterAll(() => setLanguage('zh-CN'));

  it.each<[string, Patch, Patch, () => { field: string; mine: string; theirs: string }]>([
    [
      'a question: its number and item, the options as printed',
      { op: 'answer', id: 'q5', value: 1 },
      { op: 'answer', id: 'q5', value: 2 },
      () => ({
        field: `question ${q5.number} (${loc(q5.collectionItem)})`,
        mine: loc(q5.options[1]!.text),
        theirs: loc(q5.options[2]!.text),
      }),
    ],
    [
      'a scenario: its name and the levels ticked',
      { op: 'scenario', id: scenario.id, checks: [true, true, false, false] },
      { op: 'scenario', id: scenario.id, checks: [true, false, false, false] },
      () => ({ field: loc(scenario.name), mine: 'level 1, 2 met', theirs: 'level 1 met' }),
    ],
    [
      'a profile field: its label, an industry by name, a cleared one as empty',
      { op: 'profile', key: 'industry', value: undefined },
      { op: 'profile', key: 'industry', value: 'auto' },
      () => ({ field: 'Industry', mine: 'empty', theirs: 'Automobile manufacturing' }),
    ],
    [
      'a note: named after its question, long text shortened',
      { op: 'note', id: 'q5', text: 'x'.repeat(200) },
      { op: 'note', id: 'q5', text: 'short' },
      () => ({
        field: `Note (question ${q5.number} (${loc(q5.collectionItem)}))`,
        mine: `${'x'.repeat(79)}…`,
        theirs: 'short',
      }),
    ],
    [
      'a figure: its label names the year it is of (the assessment of 2026: 2025)',
      { op: 'number', question: 'q14', field: 'revenue-last-year', value: 8000 },
      { op: 'number', question: 'q14', field: 'revenue-last-year', value: 9000 },
      () => ({ field: 'the figures of question 14 (Operating revenue in 2025)', mine: '8000', theirs: '9000' }),
    ],
  ])('%s', (_name, mine, theirs, expected) => {
    expect(words(mine, theirs)).toEqual(expected());
  });
});
