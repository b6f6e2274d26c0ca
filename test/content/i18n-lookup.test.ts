/**
 * The string lookup of the first paint (src/i18n/lookup.ts) gives what i18next, which takes over once the page is
 * idle (i18n/translator.ts), gives: every string of both languages (base, feature and lazily registered files) with
 * its values, each plural count, a value given as undefined or null, one not given, and a missing key with and
 * without a default. So nobody sees a string change when the library arrives.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { addStrings, translate, type Tree } from '../../src/i18n/lookup';
import { I18NEXT_OPTIONS } from '../../src/i18n/translator';

const dir = join(import.meta.dirname, '..', '..', 'src', 'i18n');
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree;
function treeOf(lang: string): Tree {
  const tree: Tree = {};
  addStrings(tree, read(`${lang}.json`));
  for (const sub of ['features', 'lazy'])
    for (const f of readdirSync(join(dir, sub)).filter((n) => n.endsWith(`.${lang}.json`)))
      addStrings(tree, read(`${sub}/${f}`));
  return tree;
}
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const trees = { 'zh-CN': treeOf('zh-CN'), en: treeOf('en') };
const i18n = i18next.createInstance();
await i18n.init({
  ...I18NEXT_OPTIONS, // as the app sets it up
  resources: { 'zh-CN': { translation: trees['zh-CN'] }, en: { translation: trees.en } },
});

describe.each(['zh-CN', 'en'] as const)('the string lookup in %s', (lang) => {
  const tree = trees[lang];
  const same = (key: string, options?: Record<string, unknown>) =>
    expect(translate(tree, lang, key, options), key).toBe(i18n.t(key, { ...options, lng: lang }));

  it('gives every string as i18next did, with its values filled in', () => {
    const all = leaves(tree);
    expect(all.length).toBeGreaterThan(500);
    for (const [key, text] of all) {
      const names = [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim());
      const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i * 7 : `<${n}{{x}}&>`]));
      same(key, values);
      same(key, {}); // values not given stay as written
      same(key, Object.fromEntries(names.map((n, i) => [n, i % 2 ? undefined : null])));
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      for (const count of [0, 1, 2, 1.5, 21]) same(base, { ...values, count });
      same(base, { ...values, count: '1' }); // a string count picks no plural form
    }
  });

  it('answers a missing key with the default or the key, as i18next did', () => {
    same('no.such.key');
    same('no.such.key', { defaultValue: 'plain {{v}}', v: 3 });
    same('industry.nothing', { defaultValue: 'x' });
  });

  it('answers a key that names a group of strings like a missing one (i18next 26 gave a sentence about it)', () => {
    expect(i18n.t('industry', { lng: lang })).toMatch(/returned an object/);
    expect(translate(tree, lang, 'industry')).toBe('industry'); // what i18next 27 gives
    expect(translate(tree, lang, 'industry', { defaultValue: 'x' })).toBe('x');
  });
});
