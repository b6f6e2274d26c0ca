/** Issue 16, item 2: every item carries our one-line plain question; the official text stays as it is. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRubric, questionsOf, type WeightedRubric } from '../../src/domain/index';

const file = 'rubrics/cn-sme-2024/rubric.json';
const data = () => JSON.parse(readFileSync(file, 'utf8')) as WeightedRubric;

describe('plain questions of cn-sme-2024', () => {
  it('every item has one in Chinese and English, one line, not the official wording', () => {
    const parsed = parseRubric(data(), file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    for (const q of questionsOf(parsed.rubric)) {
      expect(q.plain?.['zh-CN'], q.id).toBeTruthy();
      expect(q.plain?.en, q.id).toBeTruthy();
      expect(q.plain!['zh-CN']).not.toBe(q.text['zh-CN']);
    }
  });

  it('validation names a plain question that copies the official text or spans two lines', () => {
    const rubric = data();
    const q1 = rubric.dimensions[0]!.secondaries[0]!.questions[0]!;
    q1.plain = { 'zh-CN': q1.text['zh-CN'], en: 'one\ntwo' };
    const parsed = parseRubric(rubric, file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'dimensions.0.secondaries.0.questions.0.plain.zh-CN: repeats the official text; write it in plain words',
      'dimensions.0.secondaries.0.questions.0.plain.en: must be one line',
    ]);
  });
});
