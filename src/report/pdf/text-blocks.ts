/** Blocks of running text: the cover, headings, paragraphs, lists and roadmap steps. */
import type { Block } from '../document';
import type { Writer } from './writer';
import { keyValues } from './tables';
import { BODY, COLOR, CONTENT_W, GAP, HEADING, MARGIN_X, PAGE_W, STYLE, lineHeight } from './style';

type HeadingBlock = Extract<Block, { kind: 'heading' }>;
type StepBlock = Extract<Block, { kind: 'step' }>;

export function cover(w: Writer, b: Extract<Block, { kind: 'cover' }>) {
  if (!w.atTop) w.newPage();
  w.y = 62;
  w.drawLines(w.wrap(b.title, STYLE.coverTitle, CONTENT_W), STYLE.coverTitle, MARGIN_X);
  if (b.subtitle) {
    w.y += 3;
    w.drawLines(w.wrap(b.subtitle, STYLE.coverSubtitle, CONTENT_W), STYLE.coverSubtitle, MARGIN_X);
  }
  w.y += 7;
  w.pdf.setDrawColor(...COLOR.accent);
  w.pdf.setLineWidth(0.8);
  w.pdf.line(MARGIN_X, w.y, MARGIN_X + 40, w.y);
  w.y += 9;
  if (b.rows.length) keyValues(w, b.rows, 10.5);
  w.breakBefore = true;
}

export function headingHeight(w: Writer, b: HeadingBlock): number {
  const h = HEADING[b.level];
  return w.wrap(b.text, h.style, CONTENT_W).length * lineHeight(h.style) + h.after;
}

/** A heading, moved to the next page unless `keep` (the room the next block needs) fits below it. */
export function heading(w: Writer, b: HeadingBlock, keep: number) {
  const h = HEADING[b.level];
  const lines = w.wrap(b.text, h.style, CONTENT_W);
  const need = Math.min(lines.length * lineHeight(h.style) + h.after + keep, w.pageContentHeight);
  if (w.y + h.before + need > w.bottom) {
    if (!w.atTop) w.newPage();
  } else if (!w.atTop) {
    w.y += h.before;
  }
  w.drawLines(lines, h.style, MARGIN_X);
  if (b.level === 1) {
    w.pdf.setDrawColor(...COLOR.rule);
    w.pdf.setLineWidth(0.3);
    w.pdf.line(MARGIN_X, w.y + 0.6, PAGE_W - MARGIN_X, w.y + 0.6);
  }
  w.y += h.after;
}

export function paragraph(w: Writer, b: Extract<Block, { kind: 'paragraph' }>) {
  const style = STYLE[b.tone ?? 'body'];
  const indent = b.tone === 'quote' ? 5 : 0;
  const lines = w.wrap(b.text, style, CONTENT_W - indent);
  w.ensureSpace(Math.min(lines.length, 2) * lineHeight(style)); // no single first line at a page's foot
  const bar =
    b.tone === 'quote'
      ? (top: number, height: number) => {
          w.pdf.setFillColor(...COLOR.rule);
          w.pdf.rect(MARGIN_X + 0.5, top, 0.9, height, 'F');
        }
      : undefined;
  w.drawLines(lines, style, MARGIN_X + indent, bar);
  w.y += GAP.paragraph;
}

export function list(w: Writer, items: string[]) {
  const lh = lineHeight(BODY);
  for (const item of items) {
    const lines = w.wrap(item, BODY, CONTENT_W - 5);
    w.ensureSpace(Math.min(lines.length, 2) * lh);
    let first = true;
    w.drawLines(lines, BODY, MARGIN_X + 5, (top) => {
      if (!first) return;
      first = false;
      w.pdf.setFillColor(...BODY.color);
      w.pdf.circle(MARGIN_X + 1.6, top + lh / 2, 0.6, 'F');
    });
    w.y += GAP.listItem;
  }
  w.y += GAP.list - GAP.listItem;
}

export function stepLayout(w: Writer, b: StepBlock) {
  const title = w.wrap(b.title, STYLE.stepTitle, CONTENT_W);
  const lines = b.lines.flatMap((l) => w.wrap(l, STYLE.stepLine, CONTENT_W - 4));
  const citation = b.citation.trim() ? w.wrap(b.citation, STYLE.citation, CONTENT_W - 4) : [];
  const height =
    title.length * lineHeight(STYLE.stepTitle) +
    lines.length * lineHeight(STYLE.stepLine) +
    (citation.length ? 0.8 + citation.length * lineHeight(STYLE.citation) : 0);
  return { title, lines, citation, height };
}

/** A roadmap step, kept on one page when it fits on one. */
export function step(w: Writer, b: StepBlock) {
  const s = stepLayout(w, b);
  if (s.height <= w.pageContentHeight) w.ensureSpace(s.height);
  w.drawLines(s.title, STYLE.stepTitle, MARGIN_X);
  w.drawLines(s.lines, STYLE.stepLine, MARGIN_X + 4);
  if (s.citation.length) {
    w.y += 0.8;
    w.drawLines(s.citation, STYLE.citation, MARGIN_X + 4);
  }
  w.y += GAP.step;
}
