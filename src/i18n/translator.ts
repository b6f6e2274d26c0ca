/**
 * The strings of every loaded language (i18next) and translators for a given language. Nothing here knows
 * which language the UI shows: that is index.svelte.ts. The report builds in the language it is given
 * through `translator(lang)`, so it does not depend on the UI's state.
 */
import i18next from 'i18next';
import zhBase from './zh-CN.json';
import type { LocalizedText } from '../domain/index';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Tree = { [key: string]: string | Tree };

/** Feature screens keep their strings in features/<feature>.<lang>.json; merged over the base files. */
function merge(base: Tree, extra: Record<string, { default: Tree }>): Tree {
  const out: Tree = structuredClone(base);
  const into = (target: Tree, src: Tree) => {
    for (const [k, v] of Object.entries(src)) {
      if (typeof v === 'string') target[k] = v;
      else into((target[k] = typeof target[k] === 'object' ? target[k] : {}) as Tree, v);
    }
  };
  for (const mod of Object.values(extra)) into(out, mod.default);
  return out;
}

/**
 * Chinese is bundled (the default, and most users'); English is fetched when first needed, so the
 * first visit does not carry both languages.
 */
export const RESOURCES: Record<Language, Tree | undefined> = {
  'zh-CN': merge(zhBase, import.meta.glob<{ default: Tree }>('./features/*.zh-CN.json', { eager: true })),
  en: undefined,
};

/** Makes a language's strings available; resolves at once when they already are. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (RESOURCES[lang]) return;
  const { english } = await import('./english');
  const tree = merge(english.base, english.features);
  i18next.addResourceBundle(lang, 'translation', tree, true, true);
  // i18next's merged tree: it keeps the strings lazily loaded screens registered before (lazy-strings.ts)
  RESOURCES[lang] = i18next.getResourceBundle(lang, 'translation') as Tree;
}

// Only Chinese is loaded at start; every lookup names its language (`lng`), so this default is never relied on.
i18next.init({
  lng: 'zh-CN',
  fallbackLng: false,
  resources: { 'zh-CN': { translation: RESOURCES['zh-CN']! } },
  interpolation: { escapeValue: false }, // Svelte escapes on output
  returnNull: false,
  initAsync: false,
});

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
  const t = (key: string, options?: Record<string, unknown>) =>
    i18next.t(key, { ...options, lng: current() }) as string;
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
