import { describe, expect, it } from 'vitest';
import example from '../../src/examples/food-beverage-example.json';
import { EXTENSION_KEY, evaluate, getRubric, validateAssessment } from '../../src/domain/index';

describe('the example assessment offered on an empty home screen', () => {
  it('is a valid file of the national rubric, marked as an example, at level 3 with 60 points', () => {
    const r = validateAssessment(example, getRubric);
    if (!r.ok) throw new Error(JSON.stringify(r.error.issues));
    expect(r.file[EXTENSION_KEY]?.meta?.label).toBe('示例（虚构企业，可删除）');
    const e = evaluate(getRubric('cn-sme-2024')!, r.file);
    expect(e.level).toBe(3);
    expect(e.score.total).toEqual({ n: 60, d: 1 });
    expect(e.unanswered).toEqual([]);
  });
});
