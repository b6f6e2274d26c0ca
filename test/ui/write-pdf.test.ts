import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartBlock, ReportDocument } from '../../src/report/document';
import { writePdf, type WritePdfOptions } from '../../src/report/pdf/write-pdf';
import { drawChartBlock } from '../../src/ui/charts/draw';
import { rasteriseChart } from '../../src/ui/charts/rasterise';

// jsdom has no canvas: chart.js is replaced, and the canvas "renders" a 1×1 PNG.
vi.mock('../../src/ui/charts/draw', () => ({ drawChartBlock: vi.fn() }));
const PNG_1X1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

// jsPDF runs under jsdom (it needs no canvas). Charts need a real canvas: most tests leave them out (charts: false).
const fontBytes = readFileSync(join(import.meta.dirname, '../../src/report/fonts/NotoSansSC-subset.ttf'));

function report(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    lang: 'zh-CN',
    title: '数字化水平自评报告：不动产测试公司',
    pageLabel: '第 {page} 页 / 共 {pages} 页',
    generatedAt: '生成于 2025-01-02 10:00',
    disclaimer: '本报告由企业自评生成，仅供参考，不构成认定结论。',
    blocks: [
      { kind: 'cover', title: '中小企业数字化水平自评报告', subtitle: '测试企业', rows: [['行业', '食品饮料']] },
      { kind: 'heading', level: 1, text: '评测结果' },
      { kind: 'paragraph', text: '贵企业的数字化水平为二级。'.repeat(12) },
      { kind: 'list', items: ['补齐生产过程数据采集。', 'Use ERP for 订单管理'] },
      { kind: 'keyValues', rows: [['总分', '62.5 分']] },
      {
        kind: 'table',
        head: ['指标', '得分', '说明'],
        widths: [2, 1, 4],
        groupRows: [0],
        rows: [
          ['数字化基础', '', ''],
          ...Array.from({ length: 120 }, (_, i) => [
            `二级指标 ${i + 1}`,
            `${i % 10}`,
            '已建立设备台账，数据每日汇总。',
          ]),
        ],
      },
      {
        kind: 'chart',
        chart: 'radar',
        model: { labels: ['甲'], values: [50] },
        caption: '雷达图',
        label: '百分比',
      },
      { kind: 'heading', level: 2, text: '转型路线图' },
      { kind: 'step', title: '第一步：设备联网', lines: ['目标：关键设备数据自动采集。'], citation: '依据：附件1' },
    ],
    ...overrides,
  };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

async function pdfOf(doc: ReportDocument, options: WritePdfOptions = { charts: false }): Promise<string> {
  const blob = await writePdf(doc, { ...options, fontBytes });
  expect(blob.type).toBe('application/pdf');
  return latin1(new Uint8Array(await blob.arrayBuffer()));
}

/** The decompressed contents of every FlateDecode stream (page contents, fonts' ToUnicode maps…). */
function inflatedStreams(pdf: string): string[] {
  const out: string[] = [];
  for (const m of pdf.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = pdf.indexOf('endstream', start);
    try {
      out.push(inflateSync(Buffer.from(pdf.slice(start, end), 'latin1')).toString('latin1'));
    } catch {
      // not deflated
    }
  }
  return out;
}

/**
 * The text of each page as a PDF reader extracts it: every `<glyph ids> Tj` of the page's content stream mapped back
 * to characters through the fonts' ToUnicode maps, one shown string per line.
 */
function pageTexts(pdf: string): string[] {
  const streams = inflatedStreams(pdf);
  const toUnicode = new Map<string, string>();
  for (const s of streams.filter((x) => x.includes('beginbfchar')))
    for (const m of s.matchAll(/<([0-9a-f]{4})><([0-9a-f]{4})>/g))
      toUnicode.set(m[1]!, String.fromCharCode(parseInt(m[2]!, 16)));
  return streams
    .filter((s) => /^BT$/m.test(s) && /^\/F\d+ [\d.]+ Tf$/m.test(s))
    .map((s) =>
      [...s.matchAll(/<([0-9a-f]*)> Tj/g)]
        .map(
          (m) =>
            m[1]!
              .match(/.{4}/g)
              ?.map((g) => toUnicode.get(g) ?? '\ufffd')
              .join('') ?? '',
        )
        .join('\n'),
    );
}

const pageCount = (pdf: string) => pdf.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const hex = (ch: string) => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

describe('writePdf', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.mocked(drawChartBlock).mockReset();
  });

  it('writes a PDF in the embedded Noto Sans SC font only', async () => {
    const pdf = await pdfOf(report());
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/BaseFont /NotoSansSC');
    expect(pdf).toContain('/FontFile2');
    // no font without CJK glyphs (such as autotable's default bold Helvetica) is used
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
    expect(pdf).toContain('/Lang (zh-CN)');
    expect(pdf).toContain('/Creator (DigiLevel)');
  });

  it('lays a 120-row table over several pages, repeating its head and never splitting a row', async () => {
    const pdf = await pdfOf(report());
    const pages = pageTexts(pdf);
    expect(pages.length).toBe(pageCount(pdf));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const tablePages = pages.filter((p) => p.includes('二级指标'));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const p of tablePages) expect(p).toContain('指标\n得分\n说明\n');
    for (const p of tablePages.slice(1)) expect(p.startsWith('指标\n得分\n说明\n')).toBe(true);
    const all = pages.join('\n');
    for (let i = 1; i <= 120; i++) expect(all.split('\n').filter((l) => l === `二级指标 ${i}`).length).toBe(1);
  });

  it('writes Chinese as extractable text, with the footer on every page', async () => {
    const pages = pageTexts(await pdfOf(report()));
    expect(pages[0]).toContain('中小企业数字化水平自评报告\n测试企业\n行业\n食品饮料');
    const all = pages.join('\n');
    expect(all).toContain('贵企业的数字化水平为二级。');
    expect(all).toContain('Use ERP for 订单管理');
    expect(all).toContain('第一步：设备联网\n目标：关键设备数据自动采集。\n依据：附件1');
    for (const [i, p] of pages.entries()) {
      expect(p).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
      expect(p).toContain('生成于 2025-01-02 10:00');
      expect(p).toContain('本报告由企业自评生成，仅供参考，不构成认定结论。');
    }
  });

  it('starts the content after a cover on a new page', async () => {
    const pages = pageTexts(await pdfOf(report()));
    expect(pages[0]).not.toContain('评测结果');
    expect(pages[1]!.startsWith('评测结果')).toBe(true);
  });

  it('writes a Chinese title as a UTF-16 hex string (literal strings would garble 不 U+4E0D)', async () => {
    const pdf = await pdfOf(report());
    const title = '数字化水平自评报告：不动产测试公司';
    expect(pdf).toContain(`/Title <FEFF${[...title].map(hex).join('')}>`);
    expect(pdf).toContain(`/Subject <FEFF${[...'测试企业'].map(hex).join('')}>`);
    expect(pdf).not.toContain('DLINFO');
  });

  it('leaves out characters the font lacks, keeps the rest of the line, and says which', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pdf = await pdfOf(report({ lang: 'en', blocks: [{ kind: 'paragraph', text: 'Café\t续写 😀 done' }] }));
    expect(pdf).toContain('/Lang (en-US)');
    expect(pageTexts(pdf)[0]).toContain('Caf 续写  done');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/é.*😀/));
  });

  it('keeps a heading with the step that follows it', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => ({ kind: 'paragraph' as const, text: `段落 ${i + 1}` }));
    const step = { kind: 'step' as const, title: '步骤', lines: Array(6).fill('说明文字'), citation: '出处' };
    const doc = report({ blocks: [...filler, { kind: 'heading', level: 2, text: '阶段标题' }, step] });
    const pages = pageTexts(await pdfOf(doc));
    const page = pages.findIndex((p) => p.includes('阶段标题'));
    expect(pages[page]).toContain('步骤\n说明文字');
    expect(pages[page]).toContain('出处');
  });

  it.each([25, 27, 29, 31])(
    'keeps a heading and its one-line introduction with the step after them (%i lines before)',
    async (n) => {
      const filler = Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, text: `段落 ${i + 1}` }));
      const step = { kind: 'step' as const, title: '步骤', lines: Array(6).fill('说明文字'), citation: '出处' };
      const intro = { kind: 'paragraph' as const, text: '这一节的说明' };
      const doc = report({ blocks: [...filler, { kind: 'heading', level: 2, text: '阶段标题' }, intro, step] });
      const pages = pageTexts(await pdfOf(doc));
      const page = pages.findIndex((p) => p.includes('阶段标题'));
      expect(pages[page]).toContain('这一节的说明');
      expect(pages[page]).toContain('出处');
    },
  );

  it('never leaves a group row at the foot of a page without its first row', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => (i % 6 === 0 ? [`分组 ${i}`, '', ''] : [`行 ${i}`, '1', '说明']));
    const groupRows = rows.flatMap((_, i) => (i % 6 === 0 ? [i] : []));
    for (let lead = 0; lead < 6; lead++) {
      const filler = Array.from({ length: lead }, () => ({ kind: 'paragraph' as const, text: '前文' }));
      const table = { kind: 'table' as const, head: ['项', '分', '注'], rows, groupRows };
      const pages = pageTexts(await pdfOf(report({ blocks: [...filler, table] })));
      for (const p of pages) {
        const lines = p.split('\n');
        const last = lines[lines.findIndex((l) => l.startsWith('第 ')) - 1];
        expect(last, `lead ${lead}`).not.toMatch(/^分组/);
      }
      expect(pages.join('\n').match(/^分组 \d+$/gm)?.length).toBe(groupRows.length);
    }
  });

  it('produces one page for a short document without cover', async () => {
    const doc = report({
      blocks: [
        { kind: 'heading', level: 1, text: '标题' },
        { kind: 'paragraph', text: '正文' },
      ],
    });
    expect(pageCount(await pdfOf(doc))).toBe(1);
  });

  it('draws charts off-screen with chart.js, embeds them as images with captions and removes the canvas', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG_1X1);
    const destroy = vi.fn();
    const hosts: { width: string; height: string; attached: boolean }[] = [];
    vi.mocked(drawChartBlock).mockImplementation((canvas) => {
      const style = canvas.parentElement!.style;
      hosts.push({ width: style.width, height: style.height, attached: document.body.contains(canvas) });
      return { destroy } as unknown as ReturnType<typeof drawChartBlock>;
    });
    const blocks: ChartBlock[] = [
      {
        kind: 'chart',
        chart: 'radar',
        model: { labels: ['甲', '乙'], values: [50, 80] },
        caption: '雷达图',
        label: '%',
      },
      {
        kind: 'chart',
        chart: 'bars',
        model: { labels: ['研发设计', '生产管控'], levels: [2, 3], constraint: [true, false] },
        caption: '场景柱状图',
        labels: { constraint: '约束', other: '其他' },
      },
      {
        kind: 'chart',
        chart: 'trend',
        model: { labels: ['2025', '2026'], series: [{ label: '总分', values: [40, 60] }], max: 100 },
        caption: '得分趋势',
      },
      {
        kind: 'chart',
        chart: 'levels',
        model: { labels: ['2025', '2026'], levels: [0, 2], levelNames: ['未达一级', '一级', '二级'], label: '等级' },
        caption: '等级阶梯',
      },
    ];
    const doc = report({ blocks });
    const before = document.body.childElementCount;
    const pdf = await pdfOf(doc, { rasterise: rasteriseChart });
    // jsPDF stores identical image data once (these mocks all return one PNG); each placement is a "Do"
    expect(
      inflatedStreams(pdf)
        .join('\n')
        .match(/\/I\d+ Do/g)?.length,
    ).toBe(4);
    const options = { animation: false, devicePixelRatio: expect.any(Number) };
    for (const b of blocks) expect(drawChartBlock).toHaveBeenCalledWith(expect.any(HTMLCanvasElement), b, options);
    // bars: 80 px + 26 px per scenario, at least 300 px
    expect(hosts).toEqual([
      { width: '600px', height: '375px', attached: true },
      { width: '600px', height: '300px', attached: true },
      { width: '600px', height: '340px', attached: true },
      { width: '600px', height: '240px', attached: true },
    ]);
    expect(destroy).toHaveBeenCalledTimes(4);
    expect(document.body.childElementCount).toBe(before);
    const text = pageTexts(pdf).join('\n');
    for (const caption of ['雷达图', '场景柱状图', '得分趋势', '等级阶梯']) expect(text).toContain(caption);
  });

  it('leaves charts out with charts: false', async () => {
    const pdf = await pdfOf(report());
    expect(pdf).not.toContain('/Subtype /Image');
    expect(drawChartBlock).not.toHaveBeenCalled();
  });
});
