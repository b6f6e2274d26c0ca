/**
 * The level the evidence defends, in the report: "自评等级 三级 · 有佐证支撑 二级", the scores, and the claims
 * without evidence, cheapest to evidence first (domain review/defended.ts, the same function the results and
 * review screens call). Blocks of the one report document, so print, PDF, Word and Excel all carry them.
 */
import {
  EXTENSION_KEY,
  allScenarios,
  checklistAnswersOf,
  checklistItems,
  defendedChecklistLevel,
  defendedLevel,
  getEvidenceGuidance,
  questionsOf,
  type AssessmentFile,
  type ChecklistRubric,
  type ClaimAtRisk,
  type DefendedLevel,
  type WeightedRubric,
} from '../domain/index';
import type { Translator } from '../i18n/translator';
import { phrases } from '../i18n/phrases';
import type { Block } from './document';

/** The heading's id: the workbook finds the section's table by it. */
export const DEFENDED_ID = 'defended';

const proofOf = (file: AssessmentFile) => ({
  attachments: file[EXTENSION_KEY]?.attachments,
  evidenceChecks: file[EXTENSION_KEY]?.evidenceChecks,
});

/** The result for either kind of rubric. */
export function defendedOf(rubric: WeightedRubric | ChecklistRubric, file: AssessmentFile): DefendedLevel {
  return rubric.model === 'weighted-scenarios'
    ? defendedLevel(rubric, file, proofOf(file), getEvidenceGuidance(rubric.id))
    : defendedChecklistLevel(rubric, checklistAnswersOf(file), proofOf(file));
}

function levelText(tr: Translator, rubric: WeightedRubric | ChecklistRubric, level: number): string {
  if (rubric.model === 'weighted-scenarios') return phrases(tr).levelName(rubric, level);
  return level === 0 ? tr.t('checklist.belowOne') : tr.loc(rubric.levels[level - 1]?.name);
}

function claimText(tr: Translator, rubric: WeightedRubric | ChecklistRubric, c: ClaimAtRisk): string {
  if (rubric.model === 'weighted-scenarios') {
    if (c.kind === 'question') {
      const q = questionsOf(rubric).find((x) => x.id === c.id);
      return q ? `${q.number}. ${tr.loc(q.text)}` : c.id;
    }
    const s = allScenarios(rubric).find((x) => x.id === c.id);
    return `${tr.loc(s?.name)} · ${levelText(tr, rubric, c.level ?? 0)}`;
  }
  const item = checklistItems(rubric).find((p) => p.item.id === c.id)?.item;
  return item ? tr.loc(item.name ?? item.nameSupplied) : c.id;
}

/** "自评等级 三级 · 有佐证支撑 二级" in the report's language. */
export function defendedLine(tr: Translator, rubric: WeightedRubric | ChecklistRubric, d: DefendedLevel): string {
  return tr.t('evidence.defended.label', {
    claimed: levelText(tr, rubric, d.claimed),
    defended: levelText(tr, rubric, d.defended),
  });
}

/** The section: heading, the two levels, the scores, the claims at risk as a table (or that there are none), the rule. */
export function defendedBlocks(
  tr: Translator,
  rubric: WeightedRubric | ChecklistRubric,
  file: AssessmentFile,
): Block[] {
  const { t, num } = tr;
  const d = defendedOf(rubric, file);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t('evidence.defended.heading'), id: DEFENDED_ID },
    { kind: 'paragraph', tone: 'strong', text: defendedLine(tr, rubric, d) },
  ];
  if (d.claimedScore !== undefined)
    blocks.push({
      kind: 'paragraph',
      text: t('evidence.defended.scores', { claimed: num(d.claimedScore), defended: num(d.defendedScore ?? 0) }),
    });
  if (d.atRisk.length) {
    blocks.push({ kind: 'heading', level: 2, text: `${t('evidence.defended.atRisk')} (${d.atRisk.length})` });
    blocks.push({
      kind: 'table',
      head: [t('evidence.defended.claim'), t('evidence.defended.costHead')],
      widths: [5, 2],
      rows: d.atRisk.map((c) => [claimText(tr, rubric, c), t('evidence.defended.cost', { count: c.cost })]),
    });
  } else if (d.claims) blocks.push({ kind: 'paragraph', text: t('evidence.defended.atRiskNone') });
  blocks.push({ kind: 'paragraph', tone: 'muted', text: t('evidence.defended.rule') });
  return blocks;
}
