import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES, list, setLanguage, t } from '../../src/i18n/index.svelte';
import { INDUSTRIES, SIZES, getRubric, parseAssessmentText } from '../../src/domain/index';
import { describeFileIssue } from '../../src/i18n/format';

function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(svelte|ts)$/.test(f) ? [p] : [];
  });
}

const zh = RESOURCES['zh-CN']!;
const en = RESOURCES.en!;
/** English counts take plural forms (key_one, key_other) that Chinese does not need: compared as one key. */
const pluralBase = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const src = join(import.meta.dirname, '..', '..', 'src');
/** Keys of the strings screens register when their chunk loads (src/i18n/lazy/, see lazy-strings.ts). */
const lazyKeys = (lang: string) =>
  readdirSync(join(src, 'i18n/lazy'))
    .filter((f) => f.endsWith(`.${lang}.json`))
    .flatMap((f) => keys(JSON.parse(readFileSync(join(src, 'i18n/lazy', f), 'utf8')) as Record<string, unknown>));
const zhKeys = new Set([...keys(zh), ...lazyKeys('zh-CN')].map(pluralBase));
const enKeys = new Set([...keys(en), ...lazyKeys('en')].map(pluralBase));

describe('UI strings', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('every literal key used in the source exists in both languages', () => {
    const used = new Set<string>();
    for (const f of files(src)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
      for (const m of readFileSync(f, 'utf8').matchAll(/key: '([a-zA-Z0-9_-]+\.[a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !zhKeys.has(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('has every dynamic key family complete', () => {
    const families = [
      ...INDUSTRIES.map((i) => `industry.${i}`),
      ...SIZES.map((s) => `size.${s}`),
      ...['saved', 'pending', 'saving', 'error'].map((s) => `save.${s}`),
      ...['increase', 'flat', 'decrease'].map((s) => `numeric.trend.${s}`),
      ...['last', 'before', 'after'].map((s) => `numeric.year.${s}`),
      ...['negative', 'zero-denominator', 'exceeds-total', 'not-a-number', 'over-100'].map((s) => `numeric.error.${s}`),
    ];
    expect(families.filter((k) => !zhKeys.has(k) || !enKeys.has(k))).toEqual([]);
  });

  it.each([
    ['file error', 'domain/assessment/issues.ts', 'fileError'],
    ['JSON syntax error', 'domain/assessment/json-error.ts', 'jsonError'],
  ])('has a translated message for every %s code', (_, file, family) => {
    const codes = [...readFileSync(join(src, file), 'utf8').matchAll(/^\s+\| '([a-z-]+)'$/gm)].map(
      (m) => `${family}.${m[1]}`,
    );
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((k) => !zhKeys.has(k) || !enKeys.has(k))).toEqual([]);
  });

  it('says what is wrong with a file that is not JSON, and where, in the user’s language', () => {
    const text = '{\n  "format": "sme-digital-assessment",\n  "version": 1 "rubric": "cn-sme-2024"\n}';
    const r = parseAssessmentText(text, getRubric);
    const issue = r.ok ? undefined : r.error.issues[0];
    expect(describeFileIssue(issue!)).toBe('不是有效的 JSON 文件：第 3 行第 16 列附近缺少逗号。');
    setLanguage('en');
    try {
      expect(describeFileIssue(issue!)).toBe('Not a valid JSON file: missing comma near line 3, column 16.');
    } finally {
      setLanguage('zh-CN');
    }
  });

  it('English strings contain no Chinese characters', () => {
    const bad = keys(en).filter((k) => {
      const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en);
      return /[\u4e00-\u9fff]/.test(String(v));
    });
    expect(bad).toEqual([]);
  });
});

describe('English plurals', () => {
  afterAll(() => setLanguage('zh-CN'));
  it.each([
    ['progress.home.count', {}, '1 assessment', '2 assessments'],
    ['home.rejectedEntries', { name: 'f.json' }, '1 assessment in "f.json" could not be imported:', '2 assessments in'],
    ['planner.addOptions', {}, '1 more option', '2 more options'],
    ['roadmap.shown', {}, '1 step shown', '2 steps shown'],
    ['checklist.incomplete', {}, '1 item is unanswered', '2 items are unanswered'],
  ])('%s says "%s" for one', (key, params, one, two) => {
    setLanguage('en');
    expect(t(key, { ...params, count: 1 })).toContain(one);
    expect(t(key, { ...params, count: 2 })).toContain(two);
    setLanguage('zh-CN');
    expect(t(key, { ...params, count: 1 })).not.toBe(key);
  });
});

describe('running lists', () => {
  afterAll(() => setLanguage('zh-CN'));
  it.each([
    ['zh-CN', '一级、二级、三级'],
    ['en', '一级, 二级, 三级'],
  ] as const)('in %s are joined as "%s"', (lang, expected) => {
    setLanguage(lang);
    expect(list(['一级', '二级', '三级'])).toBe(expected);
    expect(list([])).toBe('');
  });
});
