import { describe, expect, it } from 'vitest';
import { getRubric } from '../../src/domain/index';
import { figureYears, nameYears } from '../../src/domain/derive/years';
import { questionsOf } from '../../src/domain/scoring/score';

describe('years named from the assessment year', () => {
  it('an assessment of 2026 has the figures of 2025 and 2024', () => {
    expect(figureYears(2026)).toEqual({ last: 2025, before: 2024 });
    expect(figureYears(undefined)).toBeUndefined();
  });

  it.each([
    ['上年营业收入', 'zh-CN', '2025 年营业收入'],
    ['前年营业收入', 'zh-CN', '2024 年营业收入'],
    ['企业上年综合能源消费量', 'zh-CN', '企业 2025 年综合能源消费量'],
    [
      '去年每百元营业收入的成本，比前年高了还是低了？',
      'zh-CN',
      '2025 年每百元营业收入的成本，比 2024 年高了还是低了？',
    ],
    ['上年度', 'zh-CN', '2025 年度'],
    ['营业收入为[1]万元；前年员工人数', 'zh-CN', '营业收入为[1]万元；2024 年员工人数'],
    ['the figure for the year before last was', 'en', 'the figure for 2024 was'],
    ['Operating revenue last year', 'en', 'Operating revenue in 2025'],
    ['Operating revenue the year before last', 'en', 'Operating revenue in 2024'],
    ['Last year', 'en', 'In 2025'],
    ['Year before', 'en', 'In 2024'],
    ['Financial statements for last year and the year before', 'en', 'Financial statements for 2025 and 2024'],
    ['上年和前年的财务报表', 'zh-CN', '2025 年和 2024 年的财务报表'],
    [
      'Was cost per 100 yuan of revenue last year higher or lower than the year before?',
      'en',
      'Was cost per 100 yuan of revenue in 2025 higher or lower than in 2024?',
    ],
  ])('%s (%s) → %s', (text, lang, expected) => expect(nameYears(text, 2026, lang)).toBe(expected));

  it('without an assessment year the text is left as written', () => {
    expect(nameYears('上年营业收入', undefined, 'zh-CN')).toBe('上年营业收入');
  });

  it('no relative year is left in any figure label of the rubric, in either language', () => {
    const rubric = getRubric('cn-sme-2024')!;
    const labels = questionsOf(rubric).flatMap((q) => (q.numericFields ?? []).map((f) => f.label));
    for (const label of labels) {
      expect(nameYears(label['zh-CN']!, 2026, 'zh-CN')).not.toMatch(/上年|前年|去年/);
      expect(nameYears(label.en!, 2026, 'en')).not.toMatch(/last year|year before/i);
    }
  });
});
