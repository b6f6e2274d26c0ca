/**
 * "Other energy" rows of the q12 helper: a carrier the rubric's coefficient table (表1 …（部分）) does not
 * list — natural gas, diesel, LPG as the enterprise's own bill names them — with the name, unit and
 * coefficient (tonnes of standard coal per unit) the user enters. The coefficient is the user's, and every
 * place that shows it says so ("coefficient entered by the user").
 */
import type { FileIssue } from './issues';

export interface OtherEnergy {
  /** 1–100 characters, no control characters. */
  name: string;
  /** 1–20 characters, no control characters ("立方米", "L"). */
  unit: string;
  /** Tonnes of standard coal equivalent per unit; > 0 and ≤ 1000. */
  coefficient: number;
  /** Amounts in `unit`, ≥ 0. */
  lastYear?: number;
  yearBefore?: number;
}

export const MAX_OTHER_ENERGY_ROWS = 20;
export const MAX_OTHER_ENERGY_NAME = 100;
export const MAX_OTHER_ENERGY_UNIT = 20;
export const MAX_OTHER_ENERGY_COEFFICIENT = 1000;
const KEYS = ['name', 'unit', 'coefficient', 'lastYear', 'yearBefore'] as const;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const goodText = (x: unknown, max: number): x is string =>
  typeof x === 'string' && x.trim().length > 0 && x.length <= max && !CONTROL.test(x);
const amount = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isFinite(x) && x >= 0);

/** The rows at `path` (digilevel.energy.other), or undefined with an issue for every problem. */
export function checkOtherEnergy(raw: unknown, path: string, issues: FileIssue[]): OtherEnergy[] | undefined {
  if (!Array.isArray(raw) || raw.length > MAX_OTHER_ENERGY_ROWS) {
    issues.push({ key: path, code: 'type', detail: `array of ≤ ${MAX_OTHER_ENERGY_ROWS} rows` });
    return undefined;
  }
  const before = issues.length;
  const rows = raw.map((row, i): OtherEnergy | undefined => {
    const p = `${path}.${i}`;
    if (!isObj(row)) {
      issues.push({ key: p, code: 'type', detail: 'object' });
      return undefined;
    }
    for (const key of Object.keys(row))
      if (!(KEYS as readonly string[]).includes(key)) issues.push({ key: `${p}.${key}`, code: 'unknown-key' });
    if (!goodText(row.name, MAX_OTHER_ENERGY_NAME))
      issues.push({ key: `${p}.name`, code: 'type', detail: `text 1–${MAX_OTHER_ENERGY_NAME}` });
    if (!goodText(row.unit, MAX_OTHER_ENERGY_UNIT))
      issues.push({ key: `${p}.unit`, code: 'type', detail: `text 1–${MAX_OTHER_ENERGY_UNIT}` });
    const c = row.coefficient;
    if (!(typeof c === 'number' && Number.isFinite(c) && c > 0 && c <= MAX_OTHER_ENERGY_COEFFICIENT))
      issues.push({ key: `${p}.coefficient`, code: 'type', detail: `number > 0, ≤ ${MAX_OTHER_ENERGY_COEFFICIENT}` });
    for (const y of ['lastYear', 'yearBefore'] as const)
      if (!amount(row[y])) issues.push({ key: `${p}.${y}`, code: 'type', detail: 'number ≥ 0' });
    const out: OtherEnergy = { name: row.name as string, unit: row.unit as string, coefficient: c as number };
    if (row.lastYear !== undefined) out.lastYear = row.lastYear as number;
    if (row.yearBefore !== undefined) out.yearBefore = row.yearBefore as number;
    return out;
  });
  return issues.length > before ? undefined : (rows as OtherEnergy[]);
}
