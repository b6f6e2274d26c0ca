/**
 * The app's strings are looked up by i18next once startI18next has run (after the first paint); before that by
 * i18n/lookup.ts. The switch is seen where the two differ on purpose: a key naming a group of strings (lookup.ts
 * gives the key, i18next 26 a sentence about it). Strings added after the switch (English, lazy screens) reach
 * i18next too.
 */
import { describe, expect, it } from 'vitest';
import { loadLanguage, registerLanguageStrings, startI18next, translator } from '../../src/i18n/translator';

describe('startI18next', () => {
  it('hands every lookup to i18next, with the strings loaded before and after it', async () => {
    const zh = translator('zh-CN');
    expect(zh.t('industry')).toBe('industry');
    const before = zh.t('home.privacy');
    const paren = zh.t('common.paren', { text: '甲', inner: '乙' });

    await startI18next();
    expect(zh.t('industry')).toMatch(/returned an object instead of string/);
    expect(zh.t('home.privacy')).toBe(before);
    expect(zh.t('common.paren', { text: '甲', inner: '乙' })).toBe(paren);
    expect(paren).toBe('甲（乙）');

    registerLanguageStrings('zh-CN', { lateScreen: { title: '稍后注册的 {{n}} 个' } });
    expect(zh.t('lateScreen.title', { n: 3 })).toBe('稍后注册的 3 个');
    await loadLanguage('en');
    expect(translator('en').t('common.paren', { text: 'a', inner: 'b' })).toBe('a (b)');
    expect(translator('en').t('industry')).toMatch(/returned an object instead of string/);
  });
});
