/**
 * i18next for UI strings; rubric text carries both languages itself ({ "zh-CN", "en" }).
 * The active language lives in a rune so every `t()` and `loc()` in a template re-renders on a switch.
 */
import i18next from 'i18next';
import zh from './zh-CN.json';
import en from './en.json';
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

const state = $state({ lang: detect() });

i18next.init({
  lng: state.lang,
  fallbackLng: false,
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  interpolation: { escapeValue: false }, // Svelte escapes on output
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return state.lang;
}

export function setLanguage(lang: Language) {
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

/** Numbers shown to people: grouping and decimals of the active language. */
export function num(n: number, digits = 2): string {
  return new Intl.NumberFormat(state.lang, { maximumFractionDigits: digits }).format(n);
}
