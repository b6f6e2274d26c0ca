/**
 * An "other energy" row as typed (text in each box) → the stored row, or what is wrong with it. A row left
 * wholly empty is ignored; a row with anything typed is either complete and valid, or has problems: it is then
 * not stored, and the helper shows no total for the year until it is corrected (never a total without it).
 */
import {
  MAX_OTHER_ENERGY_COEFFICIENT,
  MAX_OTHER_ENERGY_NAME,
  MAX_OTHER_ENERGY_UNIT,
  type OtherEnergy,
} from '../assessment/extension-energy';
import { parseNumber, type ParseReason } from './parse-number';

export interface OtherEnergyDraft {
  name: string;
  unit: string;
  coefficient: string;
  lastYear: string;
  yearBefore: string;
}

export type DraftProblem =
  | { field: 'name' | 'unit' | 'coefficient'; reason: 'required' }
  | { field: 'coefficient' | 'lastYear' | 'yearBefore'; reason: ParseReason | 'range' };

export type ReadDraft =
  { kind: 'empty' } | { kind: 'ok'; row: OtherEnergy } | { kind: 'invalid'; problems: DraftProblem[] };

export const emptyDraft = (): OtherEnergyDraft => ({
  name: '',
  unit: '',
  coefficient: '',
  lastYear: '',
  yearBefore: '',
});

export function draftOf(row: OtherEnergy): OtherEnergyDraft {
  return {
    name: row.name,
    unit: row.unit,
    coefficient: String(row.coefficient),
    lastYear: row.lastYear === undefined ? '' : String(row.lastYear),
    yearBefore: row.yearBefore === undefined ? '' : String(row.yearBefore),
  };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const textOk = (s: string, max: number) => s.trim() !== '' && s.trim().length <= max && !CONTROL.test(s);

export function readDraft(d: OtherEnergyDraft): ReadDraft {
  if (Object.values(d).every((v) => v.trim() === '')) return { kind: 'empty' };
  const problems: DraftProblem[] = [];
  if (!textOk(d.name, MAX_OTHER_ENERGY_NAME)) problems.push({ field: 'name', reason: 'required' });
  if (!textOk(d.unit, MAX_OTHER_ENERGY_UNIT)) problems.push({ field: 'unit', reason: 'required' });
  const c = parseNumber(d.coefficient);
  if (c.kind === 'empty') problems.push({ field: 'coefficient', reason: 'required' });
  else if (c.kind === 'invalid') problems.push({ field: 'coefficient', reason: c.reason });
  else if (!(c.value > 0 && c.value <= MAX_OTHER_ENERGY_COEFFICIENT))
    problems.push({ field: 'coefficient', reason: 'range' });
  const amounts: Partial<Record<'lastYear' | 'yearBefore', number>> = {};
  for (const y of ['lastYear', 'yearBefore'] as const) {
    const a = parseNumber(d[y]);
    if (a.kind === 'invalid') problems.push({ field: y, reason: a.reason });
    else if (a.kind === 'ok' && a.value < 0) problems.push({ field: y, reason: 'range' });
    else if (a.kind === 'ok') amounts[y] = a.value;
  }
  if (problems.length || c.kind !== 'ok') return { kind: 'invalid', problems };
  return { kind: 'ok', row: { name: d.name.trim(), unit: d.unit.trim(), coefficient: c.value, ...amounts } };
}
