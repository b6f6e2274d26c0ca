/**
 * The level the evidence defends in the report (issue 19, 4): "自评等级 三级 · 有佐证支撑 二级" and the claims
 * at risk are blocks of the one report document, so the PDF (read back with pdftotext), Word and Excel carry
 * them; the 晨星工厂 report too.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXTENSION_KEY,
  getRubric,
  hasRoadmap,
  journeyFor,
  loadGuide,
  loadJourneyData,
  loadRubric,
  type AssessmentFile,
  type AttachmentRef,
  type ChecklistRubric,
} from '../../src/domain/index';
import { buildReport } from '../../src/report/build-report';
import { buildChecklistReport } from '../../src/report/checklist-report';
import { documentText, type Block } from '../../src/report/document';
import { writePdf } from '../../src/report/pdf/write-pdf';
import { buildWorkbook } from '../../src/report/xlsx/workbook';
import { documentWorkbook } from '../../src/report/xlsx/document-workbook';
import { translator } from '../../src/i18n/translator';

const read = (p: string) => JSON.parse(readFileSync(join(import.meta.dirname, p), 'utf8'));
const rubric = getRubric('cn-sme-2024')!;
const fixture: AssessmentFile = read('../fixtures/valid-level3.json');
const guidance = read('../../rubrics/cn-sme-2024/evidence.json');
const guide = await loadGuide('food-beverage');
const NOW = Date.parse('2026-11-23T08:00:00Z');
const REF: AttachmentRef = {
  hash: 'a'.repeat(64),
  name: '联网设备.png',
  addedAt: '2026-11-01T08:00:00.000Z',
  mime: 'image/png',
  bytes: 10,
};

/** Every claim ticked with every evidence kind it may expect, except q4 (as the e2e test does). */
function ticksButQ4(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of Object.keys(fixture.answers))
    if (q !== 'q4' && guidance.questions[q]) out[q] = guidance.questions[q].map((e: { id: string }) => e.id);
  for (const [s, checks] of Object.entries(fixture.scenarios as Record<string, readonly boolean[]>))
    checks.forEach((on, i) => {
      if (on) out[`${s}@${i + 1}`] = guidance.scenarios[s][i].map((e: { id: string }) => e.id);
    });
  return out;
}

function weighted(attachQ4: boolean) {
  const file: AssessmentFile = {
    ...fixture,
    [EXTENSION_KEY]: { evidenceChecks: ticksButQ4(), ...(attachQ4 ? { attachments: { q4: [REF] } } : {}) },
  };
  const journey = journeyFor({ rubric, file, guide });
  if (!hasRoadmap(journey)) throw new Error('no roadmap');
  const input = { journey, file, assessedAt: NOW, now: NOW };
  return { input, doc: buildReport(input, 'zh-CN') };
}

const section = (blocks: Block[]) => {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.id === 'defended');
  const end = blocks.findIndex((b, i) => i > at && b.kind === 'heading' && b.level === 1);
  return blocks.slice(at, end);
};
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the defended level in the report', () => {
  it('shows both levels in the summary and a section listing the claims at risk, cheapest first', () => {
    const { doc } = weighted(false);
    const summaryAt = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'summary');
    const line = doc.blocks.find((b, i) => i > summaryAt && b.kind === 'paragraph' && b.tone === 'strong');
    expect(line).toEqual({ kind: 'paragraph', tone: 'strong', text: '自评等级 三级 · 有佐证支撑 二级' });
    const blocks = section(doc.blocks);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: '有佐证支撑的等级' });
    expect(blocks[1]).toEqual({ kind: 'paragraph', tone: 'strong', text: '自评等级 三级 · 有佐证支撑 二级' });
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.head).toEqual(['缺少佐证的申报', '评审者期望的材料']);
    expect(table?.kind === 'table' && table.rows.map((r) => r[0]!.split('.')[0])).toEqual(['4']);
    // before the evidence checklist appendix, whose table the workbook still finds
    const evidenceAt = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 'evidence');
    expect(doc.blocks.indexOf(blocks[0]!)).toBeLessThan(evidenceAt);
  });

  it('an attachment on the last claim without evidence defends the claimed level', () => {
    const text = documentText(weighted(true).doc);
    expect(text).toContain('自评等级 三级 · 有佐证支撑 三级');
    expect(text).toContain('每项申报都有佐证。');
    expect(text).not.toContain('自评等级 三级 · 有佐证支撑 二级');
  });

  it('is in the PDF and in its own Excel sheet, from the same document', async () => {
    const { input, doc } = weighted(false);
    const fontBytes = readFileSync(join(import.meta.dirname, '../../src/report/fonts/NotoSansSC-subset.ttf'));
    // the section as the PDF writer lays it out (the whole report's PDF is what build-report.test.ts reads)
    const pdfDoc = { ...doc, blocks: section(doc.blocks) };
    const bytes = Buffer.from(await (await writePdf(pdfDoc, { fontBytes, charts: false })).arrayBuffer());
    const path = join(mkdtempSync(join(tmpdir(), 'defended-')), 'r.pdf');
    writeFileSync(path, bytes);
    const pdf = squash(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(pdf).toContain('自评等级三级·有佐证支撑二级');
    expect(pdf).toContain('缺少佐证的申报');

    const sheets = buildWorkbook(input, doc, translator('zh-CN')).sheets;
    const sheet = sheets.find((s) => s.name === '有佐证支撑的等级');
    expect(sheet?.head).toEqual(['缺少佐证的申报', '评审者期望的材料']);
    expect(String(sheet?.rows[0]?.[0])).toMatch(/^4\. /);
    expect(sheets.map((s) => s.name)).toContain('佐证材料清单'); // the evidence sheet still reads its own table
  });

  it('is in the 晨星工厂 report: only attachments count there', async () => {
    const checklist = (await loadRubric('sd-chenxing-2022')) as ChecklistRubric;
    const cfile: AssessmentFile = read('../fixtures/chenxing-level2.json');
    const data = await loadJourneyData(checklist, 'electrical');
    const journey = journeyFor({ rubric: checklist, file: cfile, ...data });
    const doc = buildChecklistReport({ journey, file: cfile, assessedAt: NOW, now: NOW }, 'zh-CN');
    const blocks = section(doc.blocks);
    expect(blocks[1]).toEqual({ kind: 'paragraph', tone: 'strong', text: '自评等级 2级 · 有佐证支撑 未达1级' });
    expect(blocks.some((b) => b.kind === 'table' && b.rows.length > 0)).toBe(true);
    expect(documentWorkbook(doc, 't').sheets.some((s) => s.name === '有佐证支撑的等级')).toBe(true);
  });
});
