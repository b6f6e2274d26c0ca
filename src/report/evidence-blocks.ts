/**
 * The report's evidence appendix: for every counted claim (an item that earns points, a scenario level
 * that counts) the evidence a reviewer expects and whether the enterprise has ticked it as held on the
 * review screen. The guidance is ours, not official text; the appendix says so. Text is limited to the
 * characters of the PDF font (✓ and × are in charset.txt).
 */
import {
  EXTENSION_KEY,
  evidenceChecklist,
  getEvidenceGuidance,
  questionsOf,
  allScenarios,
  type AssessmentFile,
  type Evaluation,
  type EvidenceClaim,
  type WeightedRubric,
} from '../domain/index';
import { nameYears } from '../domain/derive/years';
import { translator, type Language } from '../i18n/translator';
import { phrases } from '../i18n/phrases';
import type { Block } from './document';
import { reviewStrings } from '../i18n/lazy/review';

reviewStrings(); // the review's strings load with the report code, not with the first visit

/** The appendix in `lang`; empty for a rubric without evidence guidance. */
export function evidenceBlocks(
  rubric: WeightedRubric,
  file: AssessmentFile,
  evaluation: Evaluation,
  lang: Language,
): Block[] {
  const tr = translator(lang);
  const { t, loc } = tr;
  const { levelName } = phrases(tr);
  const guidance = getEvidenceGuidance(rubric.id);
  if (!guidance) return [];
  const list = evidenceChecklist(rubric, guidance, file, file[EXTENSION_KEY]?.evidenceChecks ?? {});
  const questions = new Map(questionsOf(rubric).map((q) => [q.id, q]));
  const scenarios = new Map(allScenarios(rubric).map((s) => [s.id, s]));
  const claimText = (c: EvidenceClaim) =>
    c.kind === 'question'
      ? t('review.report.question', { n: questions.get(c.id)?.number, item: loc(questions.get(c.id)?.collectionItem) })
      : t('review.report.scenario', { scenario: loc(scenarios.get(c.id)?.name), level: levelName(rubric, c.level!) });

  const s = list.summary;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: t('review.report.heading'), id: 'evidence' },
    { kind: 'paragraph', tone: 'muted', text: loc(guidance.notOfficial) },
    {
      kind: 'paragraph',
      text: t('review.report.summary', {
        level: levelName(rubric, evaluation.level),
        claims: s.claims,
        ready: s.fullyReady,
        none: s.withNoEvidence,
      }),
    },
  ];
  const gaps = s.byLevel.filter((l) => l.withNoEvidence > 0);
  if (s.questions.withNoEvidence > 0 || gaps.length)
    blocks.push({
      kind: 'list',
      items: [
        ...(s.questions.withNoEvidence > 0
          ? [t('review.evidence.noEvidenceQuestions', { count: s.questions.withNoEvidence })]
          : []),
        ...gaps.map((l) =>
          t('review.evidence.noEvidenceLine', { level: levelName(rubric, l.level), count: l.withNoEvidence }),
        ),
      ],
    });

  if (!list.claims.length) {
    blocks.push({ kind: 'paragraph', text: t('review.report.none') });
    return blocks;
  }
  // One row per expected evidence kind; the claim is named on its first row.
  const rows: string[][] = [];
  for (const c of list.claims) {
    c.expected.forEach((e, i) => {
      rows.push([
        i === 0 ? claimText(c) : '',
        // "上年和前年的财务报表": the years named, as the helpers name them
        nameYears(loc(e.text), file.profile?.year, lang),
        c.checked.includes(e.id) ? t('review.report.heldYes') : t('review.report.heldNo'),
      ]);
    });
  }
  blocks.push({
    kind: 'table',
    head: [t('review.report.claim'), t('review.report.expected'), t('review.report.held')],
    widths: [2, 5, 1.2],
    rows,
  });
  return blocks;
}
