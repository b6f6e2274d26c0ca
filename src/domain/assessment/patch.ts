/**
 * Edits to an assessment as data. The UI applies a patch to its copy at once and the store applies
 * the same patches to the latest stored copy inside a transaction, so two tabs editing different
 * answers never overwrite each other's work.
 */
import { scenarioChecks, type Answer, type ScenarioChecks } from './types';
import type { AssessmentFile } from './file';
import type { Extension, Meta, ReadinessValue, RoadmapStepState } from './extension';
import type { AttachmentRef } from './extension-attachments';
import type { OtherEnergy } from './extension-energy';
import { EXTENSION_KEY } from '../vocabulary';
import type { Profile, ProfileKey } from './profile';

export type Patch =
  | { op: 'answer'; id: string; value: Answer | undefined }
  | { op: 'scenario'; id: string; checks: ScenarioChecks }
  | { op: 'profile'; key: ProfileKey; value: string | number | undefined }
  | { op: 'number'; question: string; field: string; value: number | undefined }
  | { op: 'energy'; year: 'lastYear' | 'yearBefore'; id: string; value: number | undefined }
  /** The q12 helper's "other energy" rows, all of them ([] clears them). */
  | { op: 'energyOther'; rows: OtherEnergy[] }
  | { op: 'override'; question: string; on: boolean }
  | { op: 'note'; id: string; text: string }
  | { op: 'evidence'; id: string; items: string[] }
  /** The evidence ids ticked as ready for one claim of the checklist ("q4", "quality@3"); [] clears it. */
  | { op: 'evidenceCheck'; claim: string; ids: string[] }
  | { op: 'roadmap'; id: string; state: RoadmapStepState }
  | { op: 'meta'; key: keyof Meta; value: string | undefined }
  /** An effect indicator's value (成效评估); undefined clears it. */
  | { op: 'result'; id: string; value: number | undefined }
  | { op: 'met'; id: string; value: boolean | undefined }
  | { op: 'readiness'; id: string; value: ReadinessValue | undefined }
  /** Adds a file reference to a claim (replacing one with the same hash: caption edits). */
  | { op: 'attach'; claim: string; ref: AttachmentRef }
  | { op: 'detach'; claim: string; hash: string };

/** Returns a new file with the patch applied; the input is not changed. */
export function applyPatch(file: AssessmentFile, patch: Patch): AssessmentFile {
  const next: AssessmentFile = structuredClone(file);
  const ext: Extension = (next[EXTENSION_KEY] ??= {});
  switch (patch.op) {
    case 'answer':
      if (patch.value === undefined) delete next.answers[patch.id];
      else next.answers[patch.id] = Array.isArray(patch.value) ? [...patch.value].sort((a, b) => a - b) : patch.value;
      break;
    case 'scenario':
      if (patch.checks.some(Boolean)) next.scenarios[patch.id] = scenarioChecks(patch.checks);
      else delete next.scenarios[patch.id];
      break;
    case 'profile': {
      // the form's value as it is (an id, a name, a year): import validation is what checks a file's ids
      const profile: Partial<Record<ProfileKey, string | number>> = (next.profile ??= {});
      if (patch.value === undefined || patch.value === '') delete profile[patch.key];
      else profile[patch.key] = patch.value;
      break;
    }
    case 'number': {
      const numbers = (ext.numbers ??= {});
      const q = (numbers[patch.question] ??= {});
      if (patch.value === undefined) delete q[patch.field];
      else q[patch.field] = patch.value;
      break;
    }
    case 'energy': {
      const energy = (ext.energy ??= {});
      const year = (energy[patch.year] ??= {});
      if (patch.value === undefined) delete year[patch.id];
      else year[patch.id] = patch.value;
      break;
    }
    case 'energyOther': {
      const energy = (ext.energy ??= {});
      if (patch.rows.length) energy.other = patch.rows.map((r) => ({ ...r }));
      else delete energy.other;
      break;
    }
    case 'override': {
      const set = new Set(ext.overrides ?? []);
      if (patch.on) set.add(patch.question);
      else set.delete(patch.question);
      ext.overrides = [...set].sort();
      break;
    }
    case 'note': {
      const notes = (ext.notes ??= {});
      if (patch.text) notes[patch.id] = patch.text;
      else delete notes[patch.id];
      break;
    }
    case 'evidence': {
      const evidence = (ext.evidence ??= {});
      if (patch.items.length) evidence[patch.id] = [...patch.items];
      else delete evidence[patch.id];
      break;
    }
    case 'evidenceCheck': {
      const checks = (ext.evidenceChecks ??= {});
      if (patch.ids.length) checks[patch.claim] = [...new Set(patch.ids)];
      else delete checks[patch.claim];
      break;
    }
    case 'roadmap':
      (ext.roadmap ??= {})[patch.id] = { ...patch.state };
      break;
    case 'met': {
      // checklist answers share the `answers` key (item id → met); see validateChecklistAnswers
      if (patch.value === undefined) delete next.answers[patch.id];
      else next.answers[patch.id] = patch.value;
      break;
    }
    case 'readiness': {
      const readiness = (ext.readiness ??= {});
      if (patch.value === undefined || patch.value === '' || (Array.isArray(patch.value) && !patch.value.length))
        delete readiness[patch.id];
      else readiness[patch.id] = Array.isArray(patch.value) ? [...patch.value] : patch.value;
      break;
    }
    case 'result': {
      const results = (ext.results ??= {});
      if (patch.value === undefined || !Number.isFinite(patch.value)) delete results[patch.id];
      else results[patch.id] = patch.value;
      if (!Object.keys(results).length) delete ext.results;
      break;
    }
    case 'attach':
    case 'detach': {
      const all = (ext.attachments ??= {});
      const list = (all[patch.claim] ?? []).filter(
        (r) => r.hash !== (patch.op === 'attach' ? patch.ref.hash : patch.hash),
      );
      const at = (all[patch.claim] ?? []).findIndex((r) => patch.op === 'attach' && r.hash === patch.ref.hash);
      if (patch.op === 'attach') list.splice(at < 0 ? list.length : at, 0, { ...patch.ref });
      if (list.length) all[patch.claim] = list;
      else delete all[patch.claim];
      if (!Object.keys(all).length) delete ext.attachments;
      break;
    }
    case 'meta': {
      const meta = (ext.meta ??= {});
      if (patch.value === undefined) delete meta[patch.key];
      else meta[patch.key] = patch.value;
      break;
    }
  }
  return next;
}

export function newAssessmentFile(rubric: string, profile: Profile = {}): AssessmentFile {
  return { format: 'sme-digital-assessment', version: 1, rubric, profile, answers: {}, scenarios: {} };
}
