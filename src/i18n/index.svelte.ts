/**
 * The UI's language: the strings of translator.ts read in the language held in a rune, so every `t()` and
 * `loc()` in a template re-renders on a switch. Rubric text carries both languages itself ({ "zh-CN", "en" }).
 */
import { LANGUAGES, RESOURCES, loadLanguage, translator, type Language, type Translator } from './translator';

export { LANGUAGES, RESOURCES, loadLanguage, type Language };
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

// Until the detected language's strings are loaded (main.ts waits for that), Chinese is shown.
const detected = detect();
const state = $state({ lang: RESOURCES[detected] ? detected : ('zh-CN' as Language) });

/** Loads the detected language and switches to it; main.ts awaits this before the first render. */
export async function startLanguage(): Promise<void> {
  if (detected !== state.lang) await setLanguage(detected);
}

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
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered when storage is blocked; the switch still applies
  }
}

/** Text in the UI's language; each call reads state.lang, which makes the caller reactive to switches. */
export const active: Translator = translator(() => state.lang);

/** A UI string, rubric text, running lists, brackets and numbers in the UI's language (see Translator). */
export const { t, loc, list, clauses, paren, num } = active;
