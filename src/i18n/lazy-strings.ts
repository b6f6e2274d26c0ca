/**
 * Strings of screens that load on demand, registered when such a screen's chunk loads instead of riding in
 * the first visit's bundle (features/ is merged eagerly, and every English feature file is fetched before an
 * English first render). Each bundle lives in src/i18n/lazy/<name>.<lang>.json; the module that needs it
 * calls registerStrings with its trees (src/i18n/lazy/*.ts). Both languages are registered: English may be
 * chosen later, and loadLanguage merges over them (deep).
 * A function to call, not an import for its side effect: the package declares no side effects, so the
 * bundler would drop a bare `import './lazy-strings'`.
 */
import ownerZh from './lazy/owner.zh-CN.json';
import ownerEn from './lazy/owner.en.json';
import { registerLanguageStrings, type Language } from './translator';

export type Strings = { [key: string]: string | Strings };

const registered = new WeakSet<Strings>();

/** Registers one bundle's strings in both languages (merged deep over what is there); once per bundle. */
export function registerStrings(trees: Record<Language, Strings>): void {
  if (registered.has(trees['zh-CN'])) return;
  registered.add(trees['zh-CN']);
  for (const [lang, tree] of Object.entries(trees) as [Language, Strings][]) {
    registerLanguageStrings(lang, tree);
  }
}

/** The owner path's strings (scenarios, items, results). */
export function lazyStrings(): void {
  registerStrings({ 'zh-CN': ownerZh, en: ownerEn });
}
