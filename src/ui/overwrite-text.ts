/**
 * Words for an overwrite notice: which field another tab changed, and both values as the screens show
 * them (option text, level, item name), never raw ids or JSON.
 */
import {
  allScenarios,
  checklistItems,
  questionsOf,
  type AnyRubric,
  type Overwrite,
  type Question,
} from '../domain/index';
import { nameYears } from '../domain/derive/years';
import { clauses, currentLanguage, list, loc, t } from '../i18n/index.svelte';

const MAX_CHARS = 80;
/** The profile fields the profile screen edits (and names). */
const PROFILE_FIELDS: readonly string[] = ['name', 'industry', 'size', 'year'];

function question(rubric: AnyRubric | undefined, id: string): Question | undefined {
  return rubric?.model === 'weighted-scenarios' ? questionsOf(rubric).find((q) => q.id === id) : undefined;
}

/** What the item with this id is called on screen: a question, a scenario or a checklist item. */
function itemTitle(rubric: AnyRubric | undefined, id: string): string {
  if (rubric?.model === 'weighted-scenarios') {
    const q = question(rubric, id);
    if (q) return t('overwrite.question', { n: q.number, title: loc(q.collectionItem) });
    const s = allScenarios(rubric).find((x) => x.id === id);
    if (s) return loc(s.name);
  } else if (rubric) {
    const item = checklistItems(rubric).find((x) => x.item.id === id)?.item;
    if (item) return loc(item.name ?? item.nameSupplied);
  }
  return id;
}

/** `year`: the assessment year, so a figure's label names its year ("2025 年营业收入") as the helper does. */
export function overwriteField(o: Overwrite, rubric: AnyRubric | undefined, year?: number): string {
  const p = o.mine;
  switch (p.op) {
    case 'answer':
    case 'scenario':
    case 'met':
      return itemTitle(rubric, p.id);
    case 'profile':
      return PROFILE_FIELDS.includes(p.key) ? t(`profile.${p.key}`) : p.key;
    case 'note':
      return t('notes.note', { title: itemTitle(rubric, p.id) });
    case 'evidence':
      return t('overwrite.evidence', { title: itemTitle(rubric, p.id) });
    case 'number': {
      const q = question(rubric, p.question);
      const field = q?.numericFields?.find((f) => f.id === p.field);
      const title = field ? nameYears(loc(field.label), year, currentLanguage()) : p.field;
      return t('overwrite.number', { n: q?.number ?? p.question, title });
    }
    case 'override':
      return t('overwrite.override', { n: question(rubric, p.question)?.number ?? p.question });
    default:
      return t(`overwrite.${p.op}`);
  }
}

function plain(value: unknown): string {
  if (value === undefined || value === null || value === '') return t('overwrite.empty');
  if (typeof value === 'boolean') return t(value ? 'overwrite.yes' : 'overwrite.no');
  if (Array.isArray(value)) return value.length ? list(value.map(plain)) : t('overwrite.empty');
  if (typeof value === 'object') return clauses(Object.values(value as Record<string, unknown>).map(plain));
  return String(value);
}

function shorten(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** One side's value of the field, as the screen shows it. */
export function overwriteValue(o: Overwrite, rubric: AnyRubric | undefined, value: unknown): string {
  const p = o.mine;
  if (value === undefined) return t('overwrite.empty');
  switch (p.op) {
    case 'answer': {
      const q = question(rubric, p.id);
      const picked = Array.isArray(value) ? (value as number[]) : [value as number];
      return shorten(q ? clauses(picked.map((i) => loc(q.options[i]?.text) || String(i))) : plain(value));
    }
    case 'scenario': {
      const levels = (value as boolean[]).flatMap((on, i) => (on ? [i + 1] : []));
      return levels.length ? t('overwrite.levels', { levels: list(levels.map(String)) }) : t('overwrite.empty');
    }
    case 'met':
      return t(value ? 'checklist.met' : 'checklist.notMet');
    case 'profile':
      if (p.key === 'industry' || p.key === 'size') return t(`${p.key}.${String(value)}`);
      return shorten(plain(value));
    default:
      return shorten(plain(value));
  }
}
