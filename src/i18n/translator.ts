/**
 * The strings of every loaded language and translators for a given language. Nothing here knows which language
 * the UI shows: that is index.svelte.ts. The report builds in the language it is given through
 * `translator(lang)`, so it does not depend on the UI's state.
 * Strings are looked up by i18next, the app's translation library, once it has loaded after the first paint
 * (startI18next); until then by lookup.ts, which answers every string of both languages as i18next does
 * (test/content/i18n-lookup.test.ts). So i18next's 16 KB gzip and its set-up are not part of the first visit.
 */
import zhBase from './zh-CN.json';
import { addStrings, translate, type Tree } from './lookup';
import type { LocalizedText } from '../domain/index';
import { nextTask } from '../domain/next-task';

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

/** How t() finds a string: lookup.ts until startI18next has run, then i18next. */
let lookUp = (lang: Language, key: string, options?: Record<string, unknown>): string =>
  translate(STORE[lang], lang, key, options);

/** How the app sets i18next up, apart from its resources; test/content/i18n-lookup.test.ts compares with the same. */
export const I18NEXT_OPTIONS = {
  lng: 'zh-CN', // every lookup names its language (lng); this default is never relied on
  fallbackLng: false,
  interpolation: { escapeValue: false }, // Svelte escapes on output
  returnNull: false,
  initAsync: false,
} as const;

/**
 * Loads i18next and hands it every string: from then on t() asks it. Its resource store keeps the trees of
 * STORE (not copies), so strings registered or loaded later (English, lazy screens) reach it through
 * registerLanguageStrings and loadLanguage as before. Called once the page has loaded and is idle; should the
 * chunk not load (offline before the service worker cached it), lookup.ts goes on answering the same strings.
 */
export async function startI18next(): Promise<void> {
  const { default: i18next } = await import('i18next');
  // evaluating the library and setting it up are two tasks, not one long one (a phone's blocking time)
  await nextTask();
  const i18n = i18next.createInstance();
  await i18n.init({
    ...I18NEXT_OPTIONS,
    resources: { 'zh-CN': { translation: STORE['zh-CN'] }, en: { translation: STORE.en } },
  });
  lookUp = (lang, key, options) => i18n.t(key, { ...options, lng: lang });
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
  const t = (key: string, options?: Record<string, unknown>) => lookUp(current(), key, options);
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
