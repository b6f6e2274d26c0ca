/**
 * i18next for UI strings; rubric text carries both languages itself ({ "zh-CN", "en" }).
 * The active language lives in a rune so every `t()` and `loc()` in a template re-renders on a switch.
 */
import i18next from 'i18next';
import zhBase from './zh-CN.json';
import type { LocalizedText } from '../domain/index';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'digilevel.lang';

function detect(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall through to the browser language
  }
  const nav = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const first = nav.find((l) => /^(zh|en)/i.test(l));
  return first && /^en/i.test(first) ? 'en' : 'zh-CN';
}

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
const englishFeatures = import.meta.glob<{ default: Tree }>('./features/*.en.json');

/** Makes a language's strings available; resolves at once when they already are. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (RESOURCES[lang]) return;
  const [base, ...features] = await Promise.all([
    import('./en.json'),
    ...Object.values(englishFeatures).map((load) => load()),
  ]);
  const tree = merge(base.default, Object.fromEntries(features.map((f, i) => [String(i), f])));
  RESOURCES[lang] = tree;
  i18next.addResourceBundle(lang, 'translation', tree, true, true);
}

// Until the detected language's strings are loaded (main.ts waits for that), Chinese is shown.
const detected = detect();
const state = $state({ lang: RESOURCES[detected] ? detected : ('zh-CN' as Language) });

/** Loads the detected language and switches to it; main.ts awaits this before the first render. */
export async function startLanguage(): Promise<void> {
  if (detected !== state.lang) await setLanguage(detected);
}

i18next.init({
  lng: state.lang,
  fallbackLng: false,
  resources: { 'zh-CN': { translation: RESOURCES['zh-CN']! } },
  interpolation: { escapeValue: false }, // Svelte escapes on output
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return state.lang;
}

/** Switches the UI language: at once when its strings are loaded, else after fetching them. */
export function setLanguage(lang: Language): Promise<void> {
  if (RESOURCES[lang]) {
    apply(lang);
    return Promise.resolve();
  }
  return loadLanguage(lang).then(() => apply(lang));
}

function apply(lang: Language) {
  state.lang = lang;
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered when storage is blocked; the switch still applies
  }
}

/** Translate a UI string; reading state.lang makes the caller reactive to switches. */
export function t(key: string, options?: Record<string, unknown>): string {
  return i18next.t(key, { ...options, lng: state.lang }) as string;
}

/** Rubric and guide text in the active language. */
export function loc(text: LocalizedText | undefined): string {
  return text ? text[state.lang] : '';
}

/** Names in a running list: 「甲、乙、丙」 in Chinese, "a, b, c" in English. */
export function list(items: readonly string[]): string {
  return items.join(t('common.listSeparator'));
}

/** Longer items in a running list (titles, answers): 「甲；乙」 in Chinese, "a; b" in English. */
export function clauses(items: readonly string[]): string {
  return items.join(t('common.clauseSeparator'));
}

/** `text` with `inner` in brackets: 「甲（乙）」 in Chinese, "a (b)" in English. */
export function paren(text: string, inner: string): string {
  return t('common.paren', { text, inner });
}

/** Numbers shown to people: grouping and decimals of the active language. */
export function num(n: number, digits = 2): string {
  return new Intl.NumberFormat(state.lang, { maximumFractionDigits: digits }).format(n);
}
