/** The merge screen's respondents: labels that tell them apart, and the name / year warnings. */
import { describe, expect, it } from 'vitest';
import { differences, respondentsOf } from '../../src/ui/merge/respondents';
import type { StoredAssessment } from '../../src/db/database';

const record = (name: string, year: number, label?: string) =>
  ({
    id: `${name}-${label}`,
    file: {
      format: 'sme-digital-assessment',
      version: 1,
      rubric: 'cn-sme-2024',
      profile: { name, year },
      answers: {},
      scenarios: {},
      ...(label ? { digilevel: { meta: { label }, notes: { q1: 'n' } } } : {}),
    },
    createdAt: 0,
    updatedAt: 0,
    revision: 1,
    enterpriseId: 'e',
    writer: 'w',
  }) as unknown as StoredAssessment;

describe('respondentsOf', () => {
  it('labels each by its own label, else the enterprise name, numbered when two would read the same', () => {
    const r = respondentsOf([record('晨星', 2026, '生产'), record('晨星', 2026), record('晨星', 2026)], '未命名');
    expect(r.map((x) => x.label)).toEqual(['生产', '晨星 #2', '晨星 #3']);
    expect(r[0]!.notes).toEqual({ q1: 'n' });
  });
});

describe('differences', () => {
  it('names the enterprises and years only when they differ', () => {
    expect(differences([record('晨星', 2026), record('晨星', 2026)], '?')).toEqual({ names: [], years: [] });
    expect(differences([record('晨星', 2026), record('星辰', 2025)], '?')).toEqual({
      names: ['晨星', '星辰'],
      years: [2026, 2025],
    });
  });
});
