/**
 * What DigiLevel keeps beyond the spec's keys, under one top-level key so other tools ignore it
 * (the spec keeps unknown top-level keys): the raw numbers behind the numeric helpers, overridden
 * derived options, notes and evidence per item or scenario, the ticks of the evidence checklist (per claim),
 * roadmap step status.
 */
import type { AnyRubric } from '../rubric/registry';
import { checklistItems } from '../scoring/checklist';
import { short, keyPart, type FileIssue } from './file';
import { EXTENSION_KEY, MAX_NOTE_CHARS, MAX_EVIDENCE_ITEMS, STEP_STATUSES } from '../vocabulary';

export { EXTENSION_KEY, MAX_NOTE_CHARS, MAX_EVIDENCE_ITEMS, STEP_STATUSES };
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import { indicatorById, indicatorValueProblem } from '../compare/indicators';

/** Ticked evidence ids per claim: at most this many ids of at most this many characters each. */
export const MAX_EVIDENCE_CHECKS = 50;
export const MAX_EVIDENCE_ID_CHARS = 64;
/** A claim key of the evidence checklist: a question ("q4") or a scenario level ("quality@3"). */
export const EVIDENCE_CLAIM_KEY = /^q\d+$|^[a-z-]+@[1-4]$/;
const EVIDENCE_ID = /^[a-z0-9][a-z0-9-]*$/;

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
  createdAt?: string;
  updatedAt?: string;
  /**
   * Set on a re-assessment: the `createdAt` (ISO) of the assessment it was started from. With the
   * enterprise id it finds that assessment again after export and import (local record ids do not survive).
   */
  previousCreatedAt?: string;
}

/** An answer in the data-readiness form of a checklist rubric. */
export type ReadinessValue = number | boolean | string | string[];

export interface Extension {
  meta?: Meta;
  /** Checklist rubrics: the optional data-readiness profile (field id → answer). */
  readiness?: Record<string, ReadinessValue>;
  /** qid → field id → value, as typed (units of the rubric's field). */
  numbers?: Record<string, Record<string, number>>;
  /** q12 helper: energy amounts by coefficient id, per year. */
  energy?: { lastYear?: Record<string, number>; yearBefore?: Record<string, number> };
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
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function validateExtension(raw: unknown, rubric: AnyRubric, issues: FileIssue[]): Extension | undefined {
  const base = EXTENSION_KEY;
  if (!isObj(raw)) {
    issues.push({ key: base, code: 'type', detail: 'object' });
    return undefined;
  }
  const before = issues.length;
  const weighted = rubric.model === 'weighted-scenarios' ? rubric : undefined;
  const questions = new Map(weighted ? questionsOf(weighted).map((q) => [q.id, q]) : []);
  const itemIds = new Set(
    weighted
      ? [...questions.keys(), ...allScenarios(weighted).map((s) => s.id)]
      : rubric.model === 'required-checklist'
        ? checklistItems(rubric).map((p) => p.item.id)
        : [],
  );
  const coefficientIds = new Set(weighted ? weighted.energyCoefficients.map((c) => c.id) : []);
  const readinessFields = new Map(
    rubric.model === 'required-checklist' ? rubric.readiness.fields.map((f) => [f.id, f]) : [],
  );
  const out: Extension = {};

  for (const key of Object.keys(raw)) {
    if (
      ![
        'meta',
        'numbers',
        'energy',
        'overrides',
        'notes',
        'evidence',
        'evidenceChecks',
        'roadmap',
        'readiness',
        'results',
      ].includes(key)
    )
      issues.push({ key: `${base}.${keyPart(key)}`, code: 'unknown-key' });
  }
  if (raw.meta !== undefined) {
    const m = raw.meta;
    const iso = (x: unknown) => typeof x === 'string' && x.length <= 40 && !Number.isNaN(Date.parse(x));
    if (!isObj(m)) issues.push({ key: `${base}.meta`, code: 'type', detail: 'object' });
    else if (m.label !== undefined && (typeof m.label !== 'string' || m.label.length > 200))
      issues.push({ key: `${base}.meta.label`, code: 'type', detail: 'text ≤ 200 characters' });
    else if (
      m.enterpriseId !== undefined &&
      !(typeof m.enterpriseId === 'string' && /^[a-zA-Z0-9-]{1,64}$/.test(m.enterpriseId))
    )
      issues.push({ key: `${base}.meta.enterpriseId`, code: 'type', detail: 'id' });
    else if ((m.createdAt !== undefined && !iso(m.createdAt)) || (m.updatedAt !== undefined && !iso(m.updatedAt)))
      issues.push({ key: `${base}.meta`, code: 'type', detail: 'ISO dates' });
    else if (m.previousCreatedAt !== undefined && !iso(m.previousCreatedAt))
      issues.push({ key: `${base}.meta.previousCreatedAt`, code: 'type', detail: 'ISO date' });
    else
      out.meta = {
        ...(m.label !== undefined ? { label: m.label as string } : {}),
        ...(m.enterpriseId !== undefined ? { enterpriseId: m.enterpriseId as string } : {}),
        ...(m.createdAt !== undefined ? { createdAt: m.createdAt as string } : {}),
        ...(m.updatedAt !== undefined ? { updatedAt: m.updatedAt as string } : {}),
        ...(m.previousCreatedAt !== undefined ? { previousCreatedAt: m.previousCreatedAt as string } : {}),
      };
  }
  if (raw.numbers !== undefined) {
    out.numbers = {};
    if (!isObj(raw.numbers)) issues.push({ key: `${base}.numbers`, code: 'type', detail: 'object' });
    else
      for (const [qid, fields] of Object.entries(raw.numbers)) {
        const q = questions.get(qid);
        const fieldIds = new Set((q?.numericFields ?? []).map((f) => f.id));
        if (!q) issues.push({ key: `${base}.numbers.${keyPart(qid)}`, code: 'unknown-key' });
        else if (!isObj(fields))
          issues.push({ key: `${base}.numbers.${keyPart(qid)}`, code: 'type', detail: 'object' });
        else {
          const clean: Record<string, number> = {};
          for (const [fid, value] of Object.entries(fields)) {
            if (!fieldIds.has(fid))
              issues.push({ key: `${base}.numbers.${keyPart(qid)}.${keyPart(fid)}`, code: 'unknown-key' });
            else if (!finite(value))
              issues.push({ key: `${base}.numbers.${keyPart(qid)}.${keyPart(fid)}`, code: 'type', detail: 'number' });
            else clean[fid] = value;
          }
          out.numbers[qid] = clean;
        }
      }
  }
  if (raw.energy !== undefined) {
    out.energy = {};
    if (!isObj(raw.energy)) issues.push({ key: `${base}.energy`, code: 'type', detail: 'object' });
    else
      for (const [year, amounts] of Object.entries(raw.energy)) {
        const path = `${base}.energy.${keyPart(year)}`;
        if (year !== 'lastYear' && year !== 'yearBefore') issues.push({ key: path, code: 'unknown-key' });
        else if (!isObj(amounts)) issues.push({ key: path, code: 'type', detail: 'object' });
        else {
          const clean: Record<string, number> = {};
          for (const [cid, value] of Object.entries(amounts)) {
            if (!coefficientIds.has(cid)) issues.push({ key: `${path}.${keyPart(cid)}`, code: 'unknown-key' });
            else if (!finite(value)) issues.push({ key: `${path}.${keyPart(cid)}`, code: 'type', detail: 'number' });
            else clean[cid] = value;
          }
          out.energy[year] = clean;
        }
      }
  }
  if (raw.overrides !== undefined) {
    if (!Array.isArray(raw.overrides) || !raw.overrides.every((x) => typeof x === 'string' && questions.has(x)))
      issues.push({ key: `${base}.overrides`, code: 'type', detail: 'array of question ids' });
    else out.overrides = [...new Set(raw.overrides as string[])];
  }
  if (raw.notes !== undefined) {
    out.notes = {};
    if (!isObj(raw.notes)) issues.push({ key: `${base}.notes`, code: 'type', detail: 'object' });
    else
      for (const [id, text] of Object.entries(raw.notes)) {
        const path = `${base}.notes.${keyPart(id)}`;
        if (!itemIds.has(id)) issues.push({ key: path, code: 'unknown-key' });
        else if (typeof text !== 'string') issues.push({ key: path, code: 'type', detail: 'string' });
        else if (text.length > MAX_NOTE_CHARS)
          issues.push({ key: path, code: 'too-long', detail: `${MAX_NOTE_CHARS}` });
        else out.notes[id] = text;
      }
  }
  if (raw.evidence !== undefined) {
    out.evidence = {};
    if (!isObj(raw.evidence)) issues.push({ key: `${base}.evidence`, code: 'type', detail: 'object' });
    else
      for (const [id, list] of Object.entries(raw.evidence)) {
        const path = `${base}.evidence.${keyPart(id)}`;
        if (!itemIds.has(id)) issues.push({ key: path, code: 'unknown-key' });
        else if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
          issues.push({ key: path, code: 'type', detail: 'array of strings' });
        else if (list.length > MAX_EVIDENCE_ITEMS || list.some((x: string) => x.length > MAX_NOTE_CHARS))
          issues.push({ key: path, code: 'too-long', detail: `${MAX_EVIDENCE_ITEMS} × ${MAX_NOTE_CHARS}` });
        else out.evidence[id] = [...list];
      }
  }
  if (raw.evidenceChecks !== undefined) {
    out.evidenceChecks = {};
    const scenarioLevels = new Map(weighted ? allScenarios(weighted).map((s) => [s.id, s.levels.length]) : []);
    const isClaim = (key: string) => {
      if (!EVIDENCE_CLAIM_KEY.test(key)) return false;
      if (!key.includes('@')) return questions.has(key);
      const [id, level] = key.split('@') as [string, string];
      return Number(level) <= (scenarioLevels.get(id) ?? 0);
    };
    if (!isObj(raw.evidenceChecks)) issues.push({ key: `${base}.evidenceChecks`, code: 'type', detail: 'object' });
    else
      for (const [claim, ids] of Object.entries(raw.evidenceChecks)) {
        const path = `${base}.evidenceChecks.${keyPart(claim)}`;
        if (!isClaim(claim)) issues.push({ key: path, code: 'unknown-key' });
        else if (
          !Array.isArray(ids) ||
          !ids.every((x) => typeof x === 'string' && x.length <= MAX_EVIDENCE_ID_CHARS && EVIDENCE_ID.test(x))
        )
          issues.push({ key: path, code: 'type', detail: 'array of evidence ids' });
        else if (ids.length > MAX_EVIDENCE_CHECKS)
          issues.push({ key: path, code: 'too-long', detail: `${MAX_EVIDENCE_CHECKS}` });
        else out.evidenceChecks[claim] = [...new Set(ids as string[])];
      }
  }
  if (raw.roadmap !== undefined) {
    out.roadmap = {};
    if (!isObj(raw.roadmap)) issues.push({ key: `${base}.roadmap`, code: 'type', detail: 'object' });
    else
      for (const [id, st] of Object.entries(raw.roadmap)) {
        const path = `${base}.roadmap.${keyPart(id)}`;
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) issues.push({ key: path, code: 'unknown-key' });
        else if (!isObj(st)) issues.push({ key: path, code: 'type', detail: 'object' });
        else if (st.status !== undefined && !(STEP_STATUSES as readonly unknown[]).includes(st.status))
          issues.push({ key: `${path}.status`, code: 'unknown-id', detail: short(st.status) });
        else if (st.quarter !== undefined && !(typeof st.quarter === 'string' && /^\d{4}-Q[1-4]$/.test(st.quarter)))
          issues.push({ key: `${path}.quarter`, code: 'type', detail: 'YYYY-Qn' });
        else if (st.note !== undefined && (typeof st.note !== 'string' || st.note.length > MAX_NOTE_CHARS))
          issues.push({ key: `${path}.note`, code: 'type', detail: 'string' });
        else
          out.roadmap[id] = {
            ...(st.status ? { status: st.status as StepStatus } : {}),
            ...(st.quarter ? { quarter: st.quarter as string } : {}),
            ...(st.note ? { note: st.note as string } : {}),
          };
      }
  }
  if (raw.readiness !== undefined) {
    out.readiness = {};
    if (!isObj(raw.readiness) || !readinessFields.size)
      issues.push({ key: `${base}.readiness`, code: 'type', detail: 'object (checklist rubrics only)' });
    else
      for (const [id, value] of Object.entries(raw.readiness)) {
        const path = `${base}.readiness.${keyPart(id)}`;
        const field = readinessFields.get(id);
        const optionIds = new Set((field?.options ?? []).map((o) => o.id));
        const ok =
          field &&
          (field.kind === 'number'
            ? finite(value) && value >= 0
            : field.kind === 'boolean'
              ? typeof value === 'boolean'
              : field.kind === 'text'
                ? typeof value === 'string' && value.length <= MAX_NOTE_CHARS
                : field.kind === 'single'
                  ? typeof value === 'string' && optionIds.has(value)
                  : Array.isArray(value) && value.every((x) => typeof x === 'string' && optionIds.has(x)));
        if (!field) issues.push({ key: path, code: 'unknown-key' });
        else if (!ok) issues.push({ key: path, code: 'type', detail: field.kind });
        else out.readiness[id] = Array.isArray(value) ? [...new Set(value as string[])] : (value as ReadinessValue);
      }
  }
  if (raw.results !== undefined) {
    out.results = {};
    if (!isObj(raw.results)) issues.push({ key: `${base}.results`, code: 'type', detail: 'object' });
    else
      for (const [id, value] of Object.entries(raw.results)) {
        const path = `${base}.results.${keyPart(id)}`;
        const indicator = indicatorById(id);
        if (!indicator) issues.push({ key: path, code: 'unknown-key' });
        else if (!finite(value)) issues.push({ key: path, code: 'type', detail: 'number' });
        else if (indicatorValueProblem(indicator, value))
          issues.push({
            key: path,
            code: 'type',
            detail: `number ${indicator.min ?? '-∞'} … ${indicator.max ?? '∞'}`,
          });
        else out.results[id] = value;
      }
  }
  return issues.length > before ? undefined : out;
}
