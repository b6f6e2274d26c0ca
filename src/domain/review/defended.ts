/**
 * The level the evidence defends: the assessment scored again counting only the claims that have
 * evidence, so the enterprise sees what an expert who finds nothing behind a claim would give (seed 003,
 * article 7: the experts judge on documents, screenshots, logs and back-end data).
 *
 * What counts as evidence for a claim (stated on the method page):
 * - an attached file (`digilevel.attachments[claim]` not empty), or
 * - a ticked evidence kind of the review checklist (`digilevel.evidenceChecks[claim]`) that the claim
 *   expects (with guidance; without it, any tick). Free-text evidence notes do not count: a reviewer
 *   cannot check a sentence.
 *
 * Claims (weighted rubrics): an answer that earns points, and each counted scenario level 1 … level
 * (key "quality@3"). Without evidence an answer scores as unanswered and a scenario stops below the first
 * level without evidence (the gating of 附件2 备注2). Checklist rubrics (晨星工厂): each item answered met;
 * only an attachment counts there (the checklist has no evidence kinds).
 *
 * Claims at risk are the claims without evidence, cheapest to evidence first: cost = the number of evidence
 * kinds a reviewer expects for the claim (1 without guidance, and for checklist items), then the lower
 * scenario level first (it gates the higher ones), then rubric order.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { ChecklistRubric } from '../rubric/checklist-schema';
import { scenarioChecks, type AssessmentInput, type Answer, type ScenarioChecks } from '../assessment/types';
import { weightedAnswersOf } from '../assessment/answers';
import type { AttachmentRef } from '../assessment/extension-attachments';
import { evaluate } from '../scoring/evaluate';
import { evaluateChecklist, checklistItems, type ChecklistAnswers } from '../scoring/checklist';
import { optionScore, questionsOf } from '../scoring/score';
import { allScenarios, scenarioLevel } from '../scoring/scenarios';
import { displayScore } from '../scoring/level';
import type { EvidenceGuidance, EvidenceKind } from './evidence-schema';

export type EvidenceSource = 'attachment' | 'check';

export interface ProofInput {
  attachments?: Readonly<Record<string, readonly AttachmentRef[]>>;
  evidenceChecks?: Readonly<Record<string, readonly string[]>>;
}

export interface ClaimAtRisk {
  /** "q4", "quality@3" or a checklist item id. */
  key: string;
  kind: 'question' | 'scenario' | 'item';
  id: string;
  level?: number;
  /** Evidence kinds a reviewer expects (1 when unknown): the order of the list. */
  cost: number;
}

export interface DefendedLevel {
  claimed: number;
  defended: number;
  /** Weighted rubrics: the scores, to two places as shown. */
  claimedScore?: number;
  defendedScore?: number;
  /** Claims counted in `claimed`. */
  claims: number;
  /** Of those, the ones with evidence, and what evidence each has. */
  evidenced: Record<string, EvidenceSource[]>;
  atRisk: ClaimAtRisk[];
}

function sourcesOf(key: string, proof: ProofInput, expected?: readonly EvidenceKind[]): EvidenceSource[] {
  const out: EvidenceSource[] = [];
  if ((proof.attachments?.[key]?.length ?? 0) > 0) out.push('attachment');
  const ticks = proof.evidenceChecks?.[key] ?? [];
  const counted = expected ? ticks.filter((id) => expected.some((e) => e.id === id)) : ticks;
  if (counted.length) out.push('check');
  return out;
}

function expectedFor(
  guidance: EvidenceGuidance | undefined,
  questionId: string,
  answer: Answer,
): EvidenceKind[] | undefined {
  const list = guidance?.questions[questionId];
  if (!list) return undefined;
  const chosen = Array.isArray(answer) ? answer : [answer];
  return list.filter((e) => !e.forOptions || e.forOptions.some((o) => chosen.includes(o)));
}

const byCost = (a: ClaimAtRisk & { order: number }, b: ClaimAtRisk & { order: number }) =>
  a.cost - b.cost || (a.level ?? 0) - (b.level ?? 0) || a.order - b.order;

export function defendedLevel(
  rubric: WeightedRubric,
  file: AssessmentInput,
  proof: ProofInput,
  guidance?: EvidenceGuidance,
): DefendedLevel {
  const evidenced: Record<string, EvidenceSource[]> = {};
  const risk: (ClaimAtRisk & { order: number })[] = [];
  const answers: Record<string, Answer> = {};
  let claims = 0;
  let order = 0;
  const chosen = weightedAnswersOf(file);
  for (const q of questionsOf(rubric)) {
    const answer = chosen[q.id];
    if (answer === undefined) continue;
    if (optionScore(q, answer).n <= 0) {
      answers[q.id] = answer; // claims nothing: stays as it is
      continue;
    }
    claims++;
    const expected = expectedFor(guidance, q.id, answer);
    const by = sourcesOf(q.id, proof, expected);
    if (by.length) {
      evidenced[q.id] = by;
      answers[q.id] = answer;
    } else
      risk.push({ key: q.id, kind: 'question', id: q.id, cost: Math.max(1, expected?.length ?? 1), order: order++ });
  }
  const scenarios: Record<string, ScenarioChecks> = {};
  for (const s of allScenarios(rubric)) {
    const level = scenarioLevel(file.scenarios[s.id]);
    const kept = [false, false, false, false];
    let gap = false;
    for (let l = 1; l <= level; l++) {
      claims++;
      const key = `${s.id}@${l}`;
      const expected = guidance?.scenarios[s.id]?.[l - 1];
      const by = sourcesOf(key, proof, expected);
      if (by.length) evidenced[key] = by;
      else {
        gap = true;
        risk.push({
          key,
          kind: 'scenario',
          id: s.id,
          level: l,
          cost: Math.max(1, expected?.length ?? 1),
          order: order++,
        });
      }
      kept[l - 1] = !gap && by.length > 0;
    }
    if (kept.some(Boolean)) scenarios[s.id] = scenarioChecks(kept);
  }
  const before = evaluate(rubric, file);
  const after = evaluate(rubric, { answers, scenarios });
  return {
    claimed: before.level,
    defended: after.level,
    claimedScore: displayScore(before.score.total),
    defendedScore: displayScore(after.score.total),
    claims,
    evidenced,
    atRisk: risk.sort(byCost).map(({ order: _o, ...c }) => c),
  };
}

/** The same for a checklist rubric: an item answered met counts only with an attachment. */
export function defendedChecklistLevel(
  rubric: ChecklistRubric,
  met: ChecklistAnswers,
  proof: ProofInput,
): DefendedLevel {
  const evidenced: Record<string, EvidenceSource[]> = {};
  const kept: ChecklistAnswers = {};
  const risk: (ClaimAtRisk & { order: number; from: number })[] = [];
  let claims = 0;
  checklistItems(rubric).forEach(({ item }, order) => {
    if (!Object.hasOwn(met, item.id) || met[item.id] !== true) return;
    claims++;
    if ((proof.attachments?.[item.id]?.length ?? 0) > 0) {
      evidenced[item.id] = ['attachment'];
      kept[item.id] = true;
    } else risk.push({ key: item.id, kind: 'item', id: item.id, cost: 1, order, from: item.requiredFrom ?? Infinity });
  });
  return {
    claimed: evaluateChecklist(rubric, met).level,
    defended: evaluateChecklist(rubric, kept).level,
    claims,
    evidenced,
    // required from a lower level first: those hold the level up
    atRisk: risk.sort((a, b) => a.from - b.from || a.order - b.order).map(({ order: _o, from: _f, ...c }) => c),
  };
}
