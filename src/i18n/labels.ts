/**
 * Labels the app wrote itself ("2027 年度复评", "2026 年复评（副本）") are stored as text in the language of
 * the moment; shown in the language of now. A label the user typed is shown as typed.
 */
type T = (key: string, options?: Record<string, unknown>) => string;

const AUTO: { key: string; patterns: RegExp[] }[] = [
  { key: 'progress.home.reassessLabel', patterns: [/^(\d{4}) 年度复评$/, /^(\d{4}) re-assessment$/] },
  { key: 'home.copyLabel', patterns: [/^(\d{4}) 年复评（副本）$/, /^(\d{4}) re-assessment \(copy\)$/] },
];

/** `label` in the current language when it is one of the app's automatic labels, else unchanged. */
export function shownLabel(label: string, t: T): string {
  for (const { key, patterns } of AUTO)
    for (const re of patterns) {
      const m = re.exec(label.trim());
      if (m) return t(key, { year: Number(m[1]) });
    }
  return label;
}
