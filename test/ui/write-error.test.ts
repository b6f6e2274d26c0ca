/**
 * A failed write is one translated sentence naming what failed and why, in both languages, for every action that
 * writes (the cohort and merge screens used to show the browser's raw message), with the full-disk hint.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeWriteError, type WriteAction } from '../../src/ui/write-error';
import { setLanguage } from '../../src/i18n/index.svelte';

/** Every action: the record type makes this list fail to compile when an action is added without it. */
const ACTIONS: Record<WriteAction, true> = {
  create: true,
  duplicate: true,
  reassess: true,
  rename: true,
  delete: true,
  import: true,
  example: true,
  export: true,
  createCohort: true,
  deleteCohort: true,
  saveMerged: true,
};
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('describeWriteError', () => {
  afterAll(() => setLanguage('zh-CN'));

  it.each(['zh-CN', 'en'] as const)('names every action in %s, with no key left untranslated', async (lang) => {
    await setLanguage(lang);
    for (const action of Object.keys(ACTIONS) as WriteAction[]) {
      const { text, hint } = describeWriteError(action, quota(), 'x.json');
      expect(text, action).not.toMatch(/writeError\.|\{\{/);
      expect(hint, action).toBeTruthy();
    }
  });

  it('says which cohort or merge write failed and why', async () => {
    await setLanguage('zh-CN');
    expect(describeWriteError('deleteCohort', quota(), '2026 试点').text).toBe(
      '删除群体“2026 试点”失败：本机存储空间已满。没有写入任何数据，已有评测保持不变。',
    );
    await setLanguage('en');
    expect(describeWriteError('saveMerged', quota()).text).toBe(
      "Saving the merged assessment failed: the device's storage is full. Nothing was written; your assessments are unchanged.",
    );
    expect(describeWriteError('createCohort', quota()).text).toMatch(/^Creating the cohort failed/);
  });
});
