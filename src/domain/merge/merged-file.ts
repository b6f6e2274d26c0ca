/**
 * The merged assessment as a file: the merged answers, and per item or scenario a note saying who answered
 * what and whose answer was taken. The note is the record of provenance: it lives in `digilevel.notes`
 * (keys the validator already accepts), so the file travels with it and other tools ignore it.
 * The wording comes from the caller (the UI's language); this module only decides what is said where.
 */
import type { Answer, ScenarioChecks } from '../assessment/types';
import type { AssessmentFile } from '../assessment/file';
import { weightedAnswersOf } from '../assessment/answers';
import type { WeightedRubric } from '../rubric/schema';
import { EXTENSION_KEY, MAX_EVIDENCE_ITEMS, MAX_NOTE_CHARS } from '../vocabulary';
import { MAX_ATTACHMENTS_PER_CLAIM, type AttachmentRef } from '../assessment/extension-attachments';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import { mergeKeyId, sameAnswer, type Choice, type MergeKey, type Merged, type Respondent } from './merge';

export interface MergeWords {
  /** The first line of a disagreed key's note: the choice applied and the respondents it took ("取 财务（较低）"). */
  took(choice: Choice, from: readonly string[]): string;
  /** One respondent's value ("生产：选项 2"). */
  value(label: string, key: MergeKey, value: Answer | ScenarioChecks | undefined): string;
  /** One respondent's own note, when the respondents' notes differ ("生产的备注：…"). */
  note(label: string, text: string): string;
}

const clip = (text: string) => (text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS - 1)}…` : text);

/**
 * The notes of the merged file, per question or scenario id: for a disagreed key the choice and each
 * respondent's value; then the respondents' own notes (one shared text once, differing ones by respondent).
 */
export function mergedNotes(
  rubric: WeightedRubric,
  respondents: readonly Respondent[],
  merged: Merged,
  words: MergeWords,
): Record<string, string> {
  const keys: MergeKey[] = [
    ...questionsOf(rubric).map((q) => ({ kind: 'item' as const, id: q.id })),
    ...allScenarios(rubric).map((s) => ({ kind: 'scenario' as const, id: s.id })),
  ];
  const notes: Record<string, string> = {};
  for (const key of keys) {
    const lines: string[] = [];
    const prov = merged.provenance[mergeKeyId(key)];
    if (prov) {
      lines.push(
        words.took(
          prov.choice,
          prov.from.map((i) => respondents[i]!.label),
        ),
      );
      for (const r of respondents)
        lines.push(words.value(r.label, key, key.kind === 'item' ? r.answers[key.id] : r.scenarios[key.id]));
    }
    const own = respondents.map((r) => r.notes?.[key.id]?.trim() ?? '');
    const distinct = [...new Set(own.filter(Boolean))];
    if (distinct.length === 1) lines.push(distinct[0]!);
    else respondents.forEach((r, i) => own[i] && lines.push(words.note(r.label, own[i])));
    if (lines.length) notes[key.id] = clip(lines.join('\n'));
  }
  return notes;
}

/**
 * Every respondent's evidence per key, once each, in respondent order (capped as the validator caps it):
 * evidence one person listed stays true whichever answer is taken.
 */
export function mergedEvidence(evidence: readonly (Readonly<Record<string, string[]>> | undefined)[]) {
  const out: Record<string, string[]> = {};
  for (const e of evidence)
    for (const [key, list] of Object.entries(e ?? {}))
      out[key] = [...new Set([...(out[key] ?? []), ...list])].slice(0, MAX_EVIDENCE_ITEMS);
  return out;
}

/**
 * Whether respondent `i`'s answer behind an attachment claim was taken: an item's when it is the merged
 * answer (whoever else gave it too), a scenario's when the merge took that respondent's level; where all
 * agreed, everyone's. A claim of no item or scenario (a checklist rubric, never merged) counts as taken.
 */
function taken(claim: string, file: AssessmentFile, i: number, merged: Merged): boolean {
  if (/^q\d+$/.test(claim))
    return (
      !merged.provenance[mergeKeyId({ kind: 'item', id: claim })] ||
      sameAnswer(weightedAnswersOf(file)[claim], merged.answers[claim])
    );
  const m = /^([a-z-]+)@[1-4]$/.exec(claim);
  const prov = m ? merged.provenance[mergeKeyId({ kind: 'scenario', id: m[1]! })] : undefined;
  return !prov || prov.from.includes(i);
}

/**
 * The attachments of the merged file, per claim: those of every respondent whose answer was taken for the
 * claim's item or scenario, once per content (hash), in respondent order, capped as the validator caps a
 * claim. Only references: the bytes are stored once per content (src/db/attachments.ts), so the merged
 * assessment and the originals share them.
 */
export function mergedAttachments(files: readonly AssessmentFile[], merged: Merged): Record<string, AttachmentRef[]> {
  const out: Record<string, AttachmentRef[]> = {};
  files.forEach((file, i) => {
    for (const [claim, refs] of Object.entries(file[EXTENSION_KEY]?.attachments ?? {})) {
      if (!refs.length || !taken(claim, file, i, merged)) continue;
      const list = (out[claim] ??= []);
      for (const ref of refs)
        if (list.length < MAX_ATTACHMENTS_PER_CLAIM && !list.some((r) => r.hash === ref.hash)) list.push({ ...ref });
    }
  });
  return out;
}

/**
 * A new file from the first respondent's file (rubric, profile, enterprise) with the merged answers and notes.
 * Nothing else of the originals is carried over (but the evidence and the attachments, merged): numbers and roadmap belong to one respondent's
 * answers and could contradict the merged ones.
 */
export function mergedFile(
  first: AssessmentFile,
  merged: Merged,
  notes: Record<string, string>,
  label: string,
  evidence: Record<string, string[]> = {},
  attachments: Record<string, AttachmentRef[]> = {},
): AssessmentFile {
  const enterpriseId = first[EXTENSION_KEY]?.meta?.enterpriseId;
  return {
    format: first.format,
    version: first.version,
    rubric: first.rubric,
    ...(first.profile ? { profile: { ...first.profile } } : {}),
    answers: merged.answers,
    scenarios: merged.scenarios,
    [EXTENSION_KEY]: {
      meta: { label: label.slice(0, 200), ...(enterpriseId ? { enterpriseId } : {}) },
      ...(Object.keys(notes).length ? { notes } : {}),
      ...(Object.keys(evidence).length ? { evidence } : {}),
      ...(Object.keys(attachments).length ? { attachments } : {}),
    },
  };
}

/**
 * The merged assessment of these files (in respondent order), as the merge screen saves it: the first
 * file's frame, the merged answers and notes, every respondent's evidence, the attachments of the answers
 * taken.
 */
export function mergedFileOf(
  files: readonly AssessmentFile[],
  merged: Merged,
  notes: Record<string, string>,
  label: string,
): AssessmentFile {
  return mergedFile(
    files[0]!,
    merged,
    notes,
    label,
    mergedEvidence(files.map((f) => f[EXTENSION_KEY]?.evidence)),
    mergedAttachments(files, merged),
  );
}
