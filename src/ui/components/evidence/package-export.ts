/**
 * Builds the application package from the report screen: the report PDF (and the official form's, when the
 * report has that variant), the attachments, and for a re-assessment the summary of the previous year.
 * Loaded on the click (the PDF writer, fflate and the package code stay out of the screens' chunks).
 */
import {
  allScenarios,
  assessmentId,
  EXTENSION_KEY,
  questionsOf,
  checklistItems,
  type AnyRubric,
  type AssessmentFile,
  type WeightedRubric,
} from '../../../domain/index';
import type { ReportDocument } from '../../../report/document';
import type { StoredAssessment } from '../../../db/database';
import type { Translator } from '../../../i18n/translator';
import { phrases } from '../../../i18n/phrases';
import { defendedOf } from '../../../report/defended-blocks';
import { attachmentStore } from './store';

/** The PDF of a report document, or an error naming characters the embedded font lacks. */
export async function pdfOf(report: ReportDocument): Promise<Blob> {
  const [{ loadCharset, missingCharacters }, { withoutInvisible }, { writePdf }, { rasteriseChart }, { documentText }] =
    await Promise.all([
      import('../../../report/fonts/charset'),
      import('../../../report/normalise-text'),
      import('../../../report/pdf/write-pdf'),
      import('../../charts/rasterise'),
      import('../../../report/document'),
    ]);
  const charset = await loadCharset();
  const { doc } = withoutInvisible(report, charset);
  const missing = missingCharacters(documentText(doc), charset);
  if (missing.length) throw new Error(missing.join(' '));
  return writePdf(doc, { rasterise: rasteriseChart });
}

function claimsOf(rubric: AnyRubric, tr: Translator): { key: string; label: string }[] {
  if (rubric.model === 'required-checklist')
    return checklistItems(rubric).map(({ item }) => ({ key: item.id, label: tr.loc(item.name ?? item.nameSupplied) }));
  const { levelName } = phrases(tr);
  const w = rubric as WeightedRubric;
  return [
    ...questionsOf(w).map((q) => ({ key: q.id, label: `${q.number}. ${tr.loc(q.text)}` })),
    ...allScenarios(w).flatMap((s) =>
      [1, 2, 3, 4].map((l) => ({ key: `${s.id}@${l}`, label: `${tr.loc(s.name)} ${levelName(w, l)}` })),
    ),
  ];
}

/** One year's summary for the package: the same defended level as the report's (defendedOf, guidance included). */
function summaryOf(rubric: AnyRubric, file: AssessmentFile, tr: Translator) {
  const d = defendedOf(rubric, file);
  if (rubric.model === 'required-checklist') {
    const name = (l: number) => (l === 0 ? tr.t('checklist.belowOne') : tr.loc(rubric.levels[l - 1]?.name));
    return { level: name(d.claimed), defended: name(d.defended), score: '—' };
  }
  const { levelName } = phrases(tr);
  return {
    level: levelName(rubric, d.claimed),
    defended: levelName(rubric, d.defended),
    score: tr.num(d.claimedScore ?? 0),
  };
}

export interface PackageRequest {
  tr: Translator;
  rubric: AnyRubric;
  record: StoredAssessment;
  file: AssessmentFile;
  report: ReportDocument;
  form?: ReportDocument;
  /** The enterprise's other assessments: the previous year's is the one `meta.previousId` names. */
  others: readonly StoredAssessment[];
  /** The rubric of a previous assessment, when loaded. */
  rubricOf(id: string): AnyRubric | undefined;
}

export async function exportPackage(req: PackageRequest): Promise<Blob> {
  const [{ buildPackage }, store] = await Promise.all([import('../../../report/package'), attachmentStore()]);
  const { tr, file } = req;
  const year = (f: AssessmentFile, at: number) => f.profile?.year ?? new Date(at).getFullYear();
  const previousId = file[EXTENSION_KEY]?.meta?.previousId;
  const previous = previousId ? req.others.find((r) => assessmentId(r) === previousId) : undefined;
  const previousRubric = previous && req.rubricOf(previous.file.rubric);
  const summaries =
    previous && previousRubric
      ? [
          {
            phase: 'before' as const,
            year: year(previous.file, previous.createdAt),
            ...summaryOf(previousRubric, previous.file, tr),
          },
          { phase: 'after' as const, year: year(file, req.record.createdAt), ...summaryOf(req.rubric, file, tr) },
        ]
      : [];
  const [reportPdf, formPdf] = await Promise.all([pdfOf(req.report), req.form ? pdfOf(req.form) : undefined]);
  const built = await buildPackage({
    tr,
    enterprise: file.profile?.name?.trim() || tr.t('home.anonymous'),
    attachments: file[EXTENSION_KEY]?.attachments ?? {},
    claims: claimsOf(req.rubric, tr),
    reportPdf,
    ...(formPdf ? { formPdf } : {}),
    summaries,
    read: async (hash) => (await store.get(hash))?.data,
    readOwnsCopy: true, // each get() is a new structured clone of the stored bytes
    hash: store.deps.hash,
    now: new Date(),
  });
  return built.blob;
}
