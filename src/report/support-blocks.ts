/**
 * "Where to get help" in the report: the outside support of the guide's 保障措施 grouped by kind, each entry a
 * step block whose line quotes the seed's passage (its translation in English) and whose citation names the
 * document, part and section — the same form as the roadmap steps. The grouping and titles are ours (said so).
 */
import { GUIDE_SEEDS, SUPPORT_KINDS, type Citation, type Guide } from '../domain/index';
import type { Translator } from '../i18n/translator';
import type { Block } from './document';

/** A guide citation as the report prints it (roadmap steps and support alike): document title · part · section. */
export const citationLine = ({ t, loc }: Translator, c: Citation): string =>
  `${t('roadmap.source')}${loc(GUIDE_SEEDS[c.seed])}${c.part ? ` · ${c.part}` : ''} · ${c.heading}`;

export function supportBlocks(tr: Translator, guide: Guide): Block[] {
  const { t, loc } = tr;
  const entries = guide.support ?? [];
  if (!entries.length) return [];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: t('roadmapSupport.title'), id: 'roadmap-support' },
    { kind: 'paragraph', text: t('roadmapSupport.intro') },
    { kind: 'paragraph', tone: 'muted', text: t('roadmapSupport.ours') },
  ];
  for (const kind of SUPPORT_KINDS) {
    const ofKind = entries.filter((s) => s.kind === kind);
    if (!ofKind.length) continue;
    blocks.push({ kind: 'heading', level: 3, text: t(`roadmapSupport.kind.${kind}`) });
    for (const s of ofKind) {
      const c = s.citation;
      blocks.push({
        kind: 'step',
        title: loc(s.title),
        lines: [`“${loc(c.passage)}”`],
        citation: citationLine(tr, c),
      });
    }
  }
  return blocks;
}

/**
 * The same help for the 精简版 (at most 6 pages): one line per entry, its kind, its title and its citation,
 * without the quoted passage (the full report and the roadmap screen quote it).
 */
export function supportList(tr: Translator, guide: Guide): Block[] {
  const { t, loc, paren } = tr;
  const entries = guide.support ?? [];
  if (!entries.length) return [];
  const items = SUPPORT_KINDS.flatMap((kind) =>
    entries
      .filter((s) => s.kind === kind)
      .map((s) => paren(`${t(`roadmapSupport.kind.${kind}`)} · ${loc(s.title)}`, citationLine(tr, s.citation))),
  );
  return [
    { kind: 'heading', level: 2, text: t('roadmapSupport.title'), id: 'roadmap-support' },
    { kind: 'paragraph', tone: 'muted', text: t('roadmapSupport.ours') },
    { kind: 'list', items },
  ];
}
