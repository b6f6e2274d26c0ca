/**
 * What DigiLevel keeps beyond the spec's keys, under one top-level key so other tools ignore it
 * (the spec keeps unknown top-level keys): the raw numbers behind the numeric helpers, overridden
 * derived options, notes and evidence per item or scenario, the ticks of the evidence checklist (per claim),
 * roadmap step status.
 */
import type { AnyRubric } from '../rubric/registry';
import type { Question, WeightedRubric } from '../rubric/schema';
import type { ReadinessField } from '../rubric/checklist-schema';
import { checklistItems } from '../scoring/checklist';
import { short, keyPart, type FileIssue } from './issues';
import { EXTENSION_KEY, MAX_NOTE_CHARS, MAX_EVIDENCE_ITEMS, STEP_STATUSES } from '../vocabulary';

export { EXTENSION_KEY, MAX_NOTE_CHARS, MAX_EVIDENCE_ITEMS, STEP_STATUSES };
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import { indicatorById, indicatorValueProblem } from '../compare/indicators';
import { isIsoInstant } from './dates';
import { ID_PATTERN } from '../ids';
import { checkAttachments, type AttachmentRef } from './extension-attachments';
import { checkOtherEnergy, type OtherEnergy } from './extension-energy';

/** Ticked evidence ids per claim: at most this many ids of at most this many characters each. */
export const MAX_EVIDENCE_CHECKS = 50;
export const MAX_EVIDENCE_ID_CHARS = 64;
/** A claim key of the evidence checklist: a question ("q4") or a scenario level ("quality@3"). */
export const EVIDENCE_CLAIM_KEY = /^q\d+$|^[a-z-]+@[1-4]$/;
const EVIDENCE_ID = ID_PATTERN;

export type StepStatus = (typeof STEP_STATUSES)[number];

export interface RoadmapStepState {
  status?: StepStatus;
  /** e.g. "2027-Q2" */
  quarter?: string;
  note?: string;
}

/** Bookkeeping that travels with the file so a re-import shows the same list entry. */
export interface Meta {
  /** The user's name for this assessment ("2026 年度自评"). */
  label?: string;
  /** A local id grouping assessments of one enterprise; never sent anywhere. */
  enterpriseId?: string;
  /**
   * This assessment's own id, random, written on export and kept on import (local record ids are new on
   * every import). Absent in a stored record that has not been imported: its record id stands for it.
   */
  id?: string;
  /** ISO 8601 with an offset (dates.ts), so every machine reads the same instant. */
  createdAt?: string;
  updatedAt?: string;
  /** Set on a re-assessment: the `id` of the assessment it was started from (see findPrevious). */
  previousId?: string;
  /**
   * The link written before `previousId` existed: the `createdAt` of the source. Still read (a file or
   * database from an earlier version), never written: two records created in the same millisecond made it
   * point at the wrong one.
   */
  previousCreatedAt?: string;
  /**
   * Set on a second assessment of the same enterprise and year that the user chose to keep (a copy, or an
   * import kept beside the one stored): the `id` of the assessment it is a variant of. The trend and the
   * latest level count one assessment per year and never a variant (seriesOf).
   */
  variantOf?: string;
}

/** An answer in the data-readiness form of a checklist rubric. */
export type ReadinessValue = number | boolean | string | string[];

export interface Extension {
  meta?: Meta;
  /** Checklist rubrics: the optional data-readiness profile (field id → answer). */
  readiness?: Record<string, ReadinessValue>;
  /** qid → field id → value, as typed (units of the rubric's field). */
  numbers?: Record<string, Record<string, number>>;
  /** q12 helper: energy amounts by coefficient id, per year; `other`: carriers with the user's own coefficient. */
  energy?: { lastYear?: Record<string, number>; yearBefore?: Record<string, number>; other?: OtherEnergy[] };
  /** Questions whose answer the user chose against the numeric helper's suggestion. */
  overrides?: string[];
  /** key: question or scenario id. */
  notes?: Record<string, string>;
  evidence?: Record<string, string[]>;
  /**
   * The evidence checklist of the review screen: claim key ("q4", "quality@3") → ids of the expected
   * evidence kinds (rubrics/<id>/evidence.json) the enterprise has ready.
   */
  evidenceChecks?: Record<string, string[]>;
  roadmap?: Record<string, RoadmapStepState>;
  /** Effect indicators (成效评估) entered by the user: indicator id → value in the indicator's unit. */
  results?: Record<string, number>;
  /** Files attached as proof, per claim ("q4", "quality@3", a checklist item id): references by SHA-256. */
  attachments?: Record<string, AttachmentRef[]>;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const ID = /^[a-zA-Z0-9-]{1,64}$/;
const STEP_ID = ID_PATTERN;

/** What the checks need to know about the rubric, computed once per file. */
interface Context {
  weighted?: WeightedRubric;
  questions: Map<string, Question>;
  /** Questions and scenarios (weighted rubrics) or checklist items: the keys of notes and evidence. */
  itemIds: Set<string>;
  coefficientIds: Set<string>;
  readinessFields: Map<string, ReadinessField>;
}

function contextOf(rubric: AnyRubric): Context {
  const weighted = rubric.model === 'weighted-scenarios' ? rubric : undefined;
  const questions = new Map(weighted ? questionsOf(weighted).map((q) => [q.id, q]) : []);
  return {
    ...(weighted ? { weighted } : {}),
    questions,
    itemIds: new Set(
      weighted
        ? [...questions.keys(), ...allScenarios(weighted).map((s) => s.id)]
        : rubric.model === 'required-checklist'
          ? checklistItems(rubric).map((p) => p.item.id)
          : [],
    ),
    coefficientIds: new Set(weighted ? weighted.energyCoefficients.map((c) => c.id) : []),
    readinessFields: new Map(
      rubric.model === 'required-checklist' ? rubric.readiness.fields.map((f) => [f.id, f]) : [],
    ),
  };
}

/** Checks one key of the extension at `path`; pushes an issue for every problem found. */
type Check<K extends keyof Extension> = (
  raw: unknown,
  path: string,
  ctx: Context,
  issues: FileIssue[],
) => Extension[K] | undefined;

/**
 * An object whose entries are checked one by one: `entry` returns the clean value, or pushes issues and
 * returns undefined. Keys come from the file, so each is named with keyPart.
 */
function eachEntry<V>(
  raw: unknown,
  path: string,
  issues: FileIssue[],
  entry: (key: string, value: unknown, path: string) => V | undefined,
): Record<string, V> | undefined {
  if (!isObj(raw)) {
    issues.push({ key: path, code: 'type', detail: 'object' });
    return undefined;
  }
  const out: Record<string, V> = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = entry(key, value, `${path}.${keyPart(key)}`);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const META_CHECKS: Record<keyof Meta, (x: unknown) => FileIssue['detail'] | true> = {
  label: (x) => (typeof x === 'string' && x.length <= 200) || 'text ≤ 200 characters',
  enterpriseId: (x) => (typeof x === 'string' && ID.test(x)) || 'id',
  id: (x) => (typeof x === 'string' && ID.test(x)) || 'id',
  createdAt: (x) => isIsoInstant(x) || 'ISO 8601 date-time with offset',
  updatedAt: (x) => isIsoInstant(x) || 'ISO 8601 date-time with offset',
  previousId: (x) => (typeof x === 'string' && ID.test(x)) || 'id',
  previousCreatedAt: (x) => isIsoInstant(x) || 'ISO 8601 date-time with offset',
  variantOf: (x) => (typeof x === 'string' && ID.test(x)) || 'id',
};

const checkMeta: Check<'meta'> = (raw, path, _ctx, issues) => {
  const before = issues.length;
  const meta = eachEntry(raw, path, issues, (key, value, p) => {
    const check = Object.hasOwn(META_CHECKS, key) ? META_CHECKS[key as keyof Meta] : undefined;
    if (!check) issues.push({ key: p, code: 'unknown-key' });
    else {
      const ok = check(value);
      if (ok === true) return value as string;
      issues.push({ key: p, code: 'type', detail: ok });
    }
    return undefined;
  });
  if (!meta || issues.length > before) return undefined;
  // the keys in one order, whatever the file's
  const out: Meta = {};
  for (const key of Object.keys(META_CHECKS) as (keyof Meta)[]) if (meta[key] !== undefined) out[key] = meta[key];
  return out;
};

const checkNumbers: Check<'numbers'> = (raw, path, ctx, issues) =>
  eachEntry(raw, path, issues, (qid, fields, p) => {
    const q = ctx.questions.get(qid);
    if (!q) {
      issues.push({ key: p, code: 'unknown-key' });
      return undefined;
    }
    const fieldIds = new Set((q.numericFields ?? []).map((f) => f.id));
    return eachEntry(fields, p, issues, (fid, value, fp) => {
      if (!fieldIds.has(fid)) issues.push({ key: fp, code: 'unknown-key' });
      else if (!finite(value)) issues.push({ key: fp, code: 'type', detail: 'number' });
      else return value;
      return undefined;
    });
  });

const checkEnergy: Check<'energy'> = (raw, path, ctx, issues) =>
  eachEntry(raw, path, issues, (year, amounts, p) => {
    if (year === 'other') return checkOtherEnergy(amounts, p, issues);
    if (year !== 'lastYear' && year !== 'yearBefore') {
      issues.push({ key: p, code: 'unknown-key' });
      return undefined;
    }
    return eachEntry(amounts, p, issues, (cid, value, cp) => {
      if (!ctx.coefficientIds.has(cid)) issues.push({ key: cp, code: 'unknown-key' });
      else if (!finite(value)) issues.push({ key: cp, code: 'type', detail: 'number' });
      else return value;
      return undefined;
    });
  });

const checkOverrides: Check<'overrides'> = (raw, path, ctx, issues) => {
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string' && ctx.questions.has(x)))
    return [...new Set(raw as string[])];
  issues.push({ key: path, code: 'type', detail: 'array of question ids' });
  return undefined;
};

const checkNotes: Check<'notes'> = (raw, path, ctx, issues) =>
  eachEntry(raw, path, issues, (id, text, p) => {
    if (!ctx.itemIds.has(id)) issues.push({ key: p, code: 'unknown-key' });
    else if (typeof text !== 'string') issues.push({ key: p, code: 'type', detail: 'string' });
    else if (text.length > MAX_NOTE_CHARS) issues.push({ key: p, code: 'too-long', detail: `${MAX_NOTE_CHARS}` });
    else return text;
    return undefined;
  });

const checkEvidence: Check<'evidence'> = (raw, path, ctx, issues) =>
  eachEntry(raw, path, issues, (id, list, p) => {
    if (!ctx.itemIds.has(id)) issues.push({ key: p, code: 'unknown-key' });
    else if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
      issues.push({ key: p, code: 'type', detail: 'array of strings' });
    else if (list.length > MAX_EVIDENCE_ITEMS || list.some((x: string) => x.length > MAX_NOTE_CHARS))
      issues.push({ key: p, code: 'too-long', detail: `${MAX_EVIDENCE_ITEMS} × ${MAX_NOTE_CHARS}` });
    else return [...(list as string[])];
    return undefined;
  });

const checkEvidenceChecks: Check<'evidenceChecks'> = (raw, path, ctx, issues) => {
  const scenarioLevels = new Map(ctx.weighted ? allScenarios(ctx.weighted).map((s) => [s.id, s.levels.length]) : []);
  const isClaim = (key: string) => {
    if (!EVIDENCE_CLAIM_KEY.test(key)) return false;
    if (!key.includes('@')) return ctx.questions.has(key);
    const [id, level] = key.split('@') as [string, string];
    return Number(level) <= (scenarioLevels.get(id) ?? 0);
  };
  return eachEntry(raw, path, issues, (claim, ids, p) => {
    if (!isClaim(claim)) issues.push({ key: p, code: 'unknown-key' });
    else if (
      !Array.isArray(ids) ||
      !ids.every((x) => typeof x === 'string' && x.length <= MAX_EVIDENCE_ID_CHARS && EVIDENCE_ID.test(x))
    )
      issues.push({ key: p, code: 'type', detail: 'array of evidence ids' });
    else if (ids.length > MAX_EVIDENCE_CHECKS)
      issues.push({ key: p, code: 'too-long', detail: `${MAX_EVIDENCE_CHECKS}` });
    else return [...new Set(ids as string[])];
    return undefined;
  });
};

/** One roadmap step's state: every key checked, unknown keys rejected like anywhere else in the file. */
function checkStep(st: unknown, path: string, issues: FileIssue[]): RoadmapStepState | undefined {
  const before = issues.length;
  const clean = eachEntry(st, path, issues, (key, value, p) => {
    if (key === 'status') {
      if ((STEP_STATUSES as readonly unknown[]).includes(value)) return value;
      issues.push({ key: p, code: 'unknown-id', detail: short(value) });
    } else if (key === 'quarter') {
      if (typeof value === 'string' && /^\d{4}-Q[1-4]$/.test(value)) return value;
      issues.push({ key: p, code: 'type', detail: 'YYYY-Qn' });
    } else if (key === 'note') {
      if (typeof value !== 'string') issues.push({ key: p, code: 'type', detail: 'string' });
      else if (value.length > MAX_NOTE_CHARS) issues.push({ key: p, code: 'too-long', detail: `${MAX_NOTE_CHARS}` });
      else return value;
    } else issues.push({ key: p, code: 'unknown-key' });
    return undefined;
  });
  if (!clean || issues.length > before) return undefined;
  // an empty note means no note
  return {
    ...(clean.status ? { status: clean.status as StepStatus } : {}),
    ...(clean.quarter ? { quarter: clean.quarter as string } : {}),
    ...(clean.note ? { note: clean.note as string } : {}),
  };
}

const checkRoadmap: Check<'roadmap'> = (raw, path, _ctx, issues) =>
  eachEntry(raw, path, issues, (id, st, p) => {
    if (STEP_ID.test(id)) return checkStep(st, p, issues);
    issues.push({ key: p, code: 'unknown-key' });
    return undefined;
  });

function readinessOk(field: ReadinessField, value: unknown): boolean {
  const optionIds = new Set((field.options ?? []).map((o) => o.id));
  switch (field.kind) {
    case 'number':
      return finite(value) && value >= 0;
    case 'boolean':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string' && value.length <= MAX_NOTE_CHARS;
    case 'single':
      return typeof value === 'string' && optionIds.has(value);
    default:
      return Array.isArray(value) && value.every((x) => typeof x === 'string' && optionIds.has(x));
  }
}

const checkReadiness: Check<'readiness'> = (raw, path, ctx, issues) => {
  if (!ctx.readinessFields.size) {
    issues.push({ key: path, code: 'type', detail: 'object (checklist rubrics only)' });
    return undefined;
  }
  return eachEntry(raw, path, issues, (id, value, p) => {
    const field = ctx.readinessFields.get(id);
    if (!field) issues.push({ key: p, code: 'unknown-key' });
    else if (!readinessOk(field, value)) issues.push({ key: p, code: 'type', detail: field.kind });
    else return Array.isArray(value) ? [...new Set(value as string[])] : (value as ReadinessValue);
    return undefined;
  });
};

const checkResults: Check<'results'> = (raw, path, _ctx, issues) =>
  eachEntry(raw, path, issues, (id, value, p) => {
    const indicator = indicatorById(id);
    if (!indicator) issues.push({ key: p, code: 'unknown-key' });
    else if (!finite(value)) issues.push({ key: p, code: 'type', detail: 'number' });
    else if (indicatorValueProblem(indicator, value))
      issues.push({ key: p, code: 'type', detail: `number ${indicator.min ?? '-∞'} … ${indicator.max ?? '∞'}` });
    else return value;
    return undefined;
  });

/** Every key of the extension with its check, in the order the clean extension lists them. */
const CHECKS: { [K in keyof Extension]-?: Check<K> } = {
  meta: checkMeta,
  numbers: checkNumbers,
  energy: checkEnergy,
  overrides: checkOverrides,
  notes: checkNotes,
  evidence: checkEvidence,
  evidenceChecks: checkEvidenceChecks,
  roadmap: checkRoadmap,
  readiness: checkReadiness,
  results: checkResults,
  attachments: (raw, path, ctx, issues) =>
    checkAttachments(
      raw,
      path,
      {
        questions: ctx.questions,
        scenarioLevels: new Map(ctx.weighted ? allScenarios(ctx.weighted).map((s) => [s.id, s.levels.length]) : []),
        ...(ctx.weighted ? {} : { checklistItems: ctx.itemIds }),
      },
      issues,
    ),
};

/**
 * Validates the `digilevel` key (docs/digilevel-extension.md): any unknown key, at any depth, or wrong
 * value rejects the file with an issue naming it. Returns the clean extension, or undefined after
 * pushing at least one issue.
 */
export function validateExtension(raw: unknown, rubric: AnyRubric, issues: FileIssue[]): Extension | undefined {
  if (!isObj(raw)) {
    issues.push({ key: EXTENSION_KEY, code: 'type', detail: 'object' });
    return undefined;
  }
  const before = issues.length;
  for (const key of Object.keys(raw))
    if (!Object.hasOwn(CHECKS, key)) issues.push({ key: `${EXTENSION_KEY}.${keyPart(key)}`, code: 'unknown-key' });
  const ctx = contextOf(rubric);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(CHECKS) as (keyof Extension)[]) {
    const value = own(raw, key);
    if (value === undefined) continue;
    const clean = (CHECKS[key] as Check<keyof Extension>)(value, `${EXTENSION_KEY}.${key}`, ctx, issues);
    if (clean !== undefined) out[key] = clean;
  }
  return issues.length > before ? undefined : (out as Extension);
}
