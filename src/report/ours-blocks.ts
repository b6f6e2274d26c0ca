/**
 * The roadmap section's notice that the stage mapping, expected effects, prerequisites, value tags, size fit,
 * horizons and effort are the tool's judgement, not the guides' text (the roadmap screen shows the same
 * notice), with the 梯次 rule the size fit rests on, the closing stage's source and, for a checklist read onto
 * the national rubric, the mapping's own not-official note.
 */
import type { LocalizedText } from '../domain/index';
import type { Translator } from '../i18n/translator';
import type { Block } from './document';

/** The notice alone (the short report's roadmap by horizon: the horizons are ours too). */
export const oursNotice = (tr: Translator): Block => ({
  kind: 'paragraph',
  tone: 'strong',
  text: tr.t('roadmapPlan.ours'),
});

export function oursBlocks(tr: Translator, mappingNote?: LocalizedText): Block[] {
  const { t, loc } = tr;
  return [
    oursNotice(tr),
    { kind: 'paragraph', tone: 'muted', text: t('roadmapPlan.sizeRule') },
    { kind: 'paragraph', tone: 'muted', text: t('roadmapPlan.closingSource') },
    ...(mappingNote
      ? [{ kind: 'paragraph', tone: 'muted', text: `${t('roadmapPlan.mappingNote')}${loc(mappingNote)}` } as const]
      : []),
  ];
}
