/**
 * The strings of every loaded language and translators for a given language. Nothing here knows which language
 * the UI shows: that is index.svelte.ts. The report builds in the language it is given through
 * `translator(lang)`, so it does not depend on the UI's state.
 * The lookup is our own (lookup.ts), not i18next: the app uses keys, `{{name}}` values, plural forms and
 * default values only, and i18next was 16 KB gzip of the first visit and a slice of its start-up time.
 */
import zhBase from './zh-CN.json';
import { addStrings, translate, type Tree } from './lookup';
import type { LocalizedText } from '../domain/index';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What `t()` reads per language: the base and feature files, plus strings registered later (lazy-strings.ts). */
const STORE: Record<Language, Tree> = { 'zh-CN': structuredClone(zhBase) as Tree, en: {} };
for (const mod of Object.values(import.meta.glob<{ default: Tree }>('./features/*.zh-CN.json', { eager: true })))
  addStrings(STORE['zh-CN'], mod.default);

/**
 * Chinese is bundled (the default, and most users'); English is fetched when first needed, so the
 * first visit does not carry both languages. A language is here once its base strings are loaded.
 */
export const RESOURCES: Record<Language, Tree | undefined> = { 'zh-CN': STORE['zh-CN'], en: undefined };

/** Makes a language's strings available; resolves at once when they already are. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (RESOURCES[lang]) return;
  const { english } = await import('./english');
  // over the strings lazily loaded screens registered before (lazy-strings.ts), which it keeps
  addStrings(STORE[lang], english.base);
  for (const mod of Object.values(english.features)) addStrings(STORE[lang], mod.default);
  RESOURCES[lang] = STORE[lang];
}

/** Adds one bundle's strings to a language (deep, over what is there), loaded or not yet. */
export function registerLanguageStrings(lang: Language, tree: Tree): void {
  addStrings(STORE[lang], tree);
}

/** Text in one language: UI strings, rubric text, numbers and the language's punctuation. */
export interface Translator {
  readonly lang: Language;
  /** A UI string. */
  t(key: string, options?: Record<string, unknown>): string;
  /** Rubric and guide text. */
  loc(text: LocalizedText | undefined): string;
  /** Names in a running list: 「甲、乙、丙」 in Chinese, "a, b, c" in English. */
  list(items: readonly string[]): string;
  /** Longer items in a running list (titles, answers): 「甲；乙」 in Chinese, "a; b" in English. */
  clauses(items: readonly string[]): string;
  /** `text` with `inner` in brackets: 「甲（乙）」 in Chinese, "a (b)" in English. */
  paren(text: string, inner: string): string;
  /** Numbers shown to people: grouping and decimals of the language. */
  num(n: number, digits?: number): string;
}

/**
 * A translator for `lang`, or for the language `lang()` returns at each call (the UI passes its reactive
 * language that way, so templates re-render on a switch). Its functions need no `this`: destructure them.
 */
export function translator(lang: Language | (() => Language)): Translator {
  const current = typeof lang === 'function' ? lang : () => lang;
  const t = (key: string, options?: Record<string, unknown>) => {
    const l = current();
    return translate(STORE[l], l, key, options);
  };
  return {
    get lang() {
      return current();
    },
    t,
    loc: (text) => (text ? text[current()] : ''),
    list: (items) => items.join(t('common.listSeparator')),
    clauses: (items) => items.join(t('common.clauseSeparator')),
    paren: (text, inner) => t('common.paren', { text, inner }),
    num: (n, digits = 2) => new Intl.NumberFormat(current(), { maximumFractionDigits: digits }).format(n),
  };
}
