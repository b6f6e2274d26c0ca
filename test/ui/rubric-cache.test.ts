/**
 * The app's rubric cache is reactive state: a derived value that reads a rubric (the home list's rows, the
 * record checks, a session's rubric) is computed again when the rubric arrives, however it was loaded — no
 * counter to bump.
 */
import { describe, expect, it } from 'vitest';
import { loadRubric, registerRubric } from '../../src/domain/index';
import { rubrics } from '../../src/state/rubrics.svelte';
import { Derived } from './fixtures/derived.svelte';

const TEST_ID = 'test-weighted-2025';

describe('rubric cache (state)', () => {
  it('holds the rubrics loaded before it was made', () => {
    expect(rubrics.weighted('cn-sme-2024')?.id).toBe('cn-sme-2024');
    expect(rubrics.checklist('sd-chenxing-2022')?.id).toBe('sd-chenxing-2022');
    expect(rubrics.weighted('sd-chenxing-2022')).toBeUndefined();
  });

  it('recomputes a derived value when a rubric arrives, even one loaded straight through the domain', async () => {
    registerRubric(TEST_ID, (name) => import(`../fixtures/rubrics/test-weighted-2025/${name}.json`));
    const seen = new Derived(() => rubrics.get(TEST_ID)?.id ?? 'not loaded');
    const lookedUp = new Derived(() => rubrics.lookup(TEST_ID)?.model ?? 'not loaded');
    expect([seen.value, lookedUp.value]).toEqual(['not loaded', 'not loaded']);
    await loadRubric(TEST_ID);
    expect([seen.value, lookedUp.value]).toEqual([TEST_ID, 'weighted-scenarios']);
  });
});
