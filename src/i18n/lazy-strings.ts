/**
 * Strings of screens that load on demand (the owner path's scenarios, items and results), registered when
 * such a screen's chunk loads instead of riding in the first visit's bundle (features/ is merged eagerly).
 * Both languages are registered: English may be chosen later, and loadLanguage merges over them (deep).
 * A function to call, not an import for its side effect: the package declares no side effects, so the
 * bundler would drop a bare `import './lazy-strings'`.
 */
import i18next from 'i18next';
import ownerZh from './lazy/owner.zh-CN.json';
import ownerEn from './lazy/owner.en.json';
import { RESOURCES, type Language } from './translator';

type Tree = { [key: string]: string | Tree };

function mergeInto(target: Tree, src: Tree): void {
  for (const [k, v] of Object.entries(src)) {
    if (typeof v === 'string') target[k] = v;
    else mergeInto((target[k] = typeof target[k] === 'object' ? target[k] : {}) as Tree, v);
  }
}

let registered = false;

/** Registers one lazily loaded screen's strings in both languages (merged deep over what is there). */
export function registerStrings(trees: Record<Language, Tree>): void {
  for (const [lang, tree] of Object.entries(trees) as [Language, Tree][]) {
    i18next.addResourceBundle(lang, 'translation', tree, true, false);
    const loaded = RESOURCES[lang];
    if (loaded) mergeInto(loaded, tree); // the trees the rest of the app reads say what is there
  }
}

/** Makes the lazily loaded screens' strings available; does nothing after the first call. */
export function lazyStrings(): void {
  if (registered) return;
  registered = true;
  registerStrings({ 'zh-CN': ownerZh, en: ownerEn });
}
