import { afterEach, describe, expect, it, vi } from 'vitest';

// Each test gets fresh domain modules (their caches are module state) and a data file that fails to arrive
// once, as a chunk does when the connection drops.
afterEach(() => {
  vi.doUnmock('../../rubrics/guides/other.json');
  vi.doUnmock('../../rubrics/sd-chenxing-2022/mapping.json');
  vi.resetModules();
});

function failOnce<T>(actual: () => Promise<T>) {
  let calls = 0;
  return async () => {
    if (calls++ === 0) throw new TypeError('Failed to fetch dynamically imported module');
    return actual();
  };
}

describe('lazily loaded domain data', () => {
  it('forgets a guide whose load failed, so the next call loads it again', async () => {
    const real = await import('../../rubrics/guides/other.json');
    vi.resetModules();
    const load = failOnce(async () => real);
    vi.doMock('../../rubrics/guides/other.json', async () => load());
    const { loadGuide } = await import('../../src/domain/roadmap/guides');
    await expect(loadGuide(undefined)).rejects.toThrow();
    expect((await loadGuide(undefined)).industry).toBe('other');
  });

  it('forgets a checklist mapping whose load failed, so the next call loads it again', async () => {
    const real = await import('../../rubrics/sd-chenxing-2022/mapping.json');
    vi.resetModules();
    const load = failOnce(async () => real);
    vi.doMock('../../rubrics/sd-chenxing-2022/mapping.json', async () => load());
    const registry = await import('../../src/domain/rubric/registry');
    await Promise.all(registry.RUBRIC_IDS.map(registry.loadRubric));
    const national = registry.getRubric('cn-sme-2024')!;
    const checklist = registry.getChecklistRubric('sd-chenxing-2022')!;
    const { loadChecklistMapping } = await import('../../src/domain/planner/mappings');
    await expect(loadChecklistMapping(national, checklist)).rejects.toThrow();
    expect(await loadChecklistMapping(national, checklist)).toBeDefined();
  });
});
