/**
 * A string by key in a tree of strings, with its `{{name}}` values filled in and its plural form chosen: the
 * part of i18next the app uses, with i18next's results (test/content/i18n-lookup.test.ts compares the two over
 * every string). It answers until i18next has loaded, after the first paint (translator.ts). What it does not do, because no string or call needs it: nesting (`$t(…)`), formats
 * (`{{n, number}}`), context, ordinals, namespaces, and returning objects.
 */
export type Tree = { [key: string]: string | Tree };

/** Merges `src` into `target` deep; a string in `src` replaces the one there. */
export function addStrings(target: Tree, src: Tree): void {
  for (const [k, v] of Object.entries(src)) {
    if (typeof v === 'string') target[k] = v;
    else addStrings((target[k] = typeof target[k] === 'object' ? target[k] : {}) as Tree, v);
  }
}

function find(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const rules = new Map<string, Intl.PluralRules>();
function pluralOf(lang: string, count: number): string {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return rule.select(count);
}

/**
 * `{{name}}` replaced by String(values.name) (null as ''); a name given as undefined becomes '', a name not
 * given at all stays as written. Inserted values are not read again.
 */
export function interpolate(text: string, values: Record<string, unknown> | undefined): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{(.+?)\}\}/g, (whole, name: string) => {
    const key = name.trim();
    const value = values?.[key];
    if (value === undefined) return values && Object.hasOwn(values, key) ? '' : whole;
    return value === null ? '' : String(value as string);
  });
}

/**
 * The string of `key` in `lang`: with a numeric `count`, the form `key_zero` (count 0), then
 * `key_<plural category>`, then `key`; when none is there, `defaultValue` or the key itself.
 */
export function translate(tree: Tree, lang: string, key: string, options?: Record<string, unknown>): string {
  const count = options?.count;
  let found: string | undefined;
  if (count !== undefined && typeof count !== 'string') {
    if (count === 0) found = find(tree, `${key}_zero`);
    found ??= find(tree, `${key}_${pluralOf(lang, Number(count))}`);
  }
  found ??= find(tree, key);
  if (found === undefined) {
    const fallback = options?.defaultValue;
    found = typeof fallback === 'string' ? fallback : key;
  }
  return interpolate(found, options);
}
