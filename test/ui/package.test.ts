/**
 * The application package: every file in manifest.json is in the zip with that SHA-256 and size; a file
 * attached to two claims is packed once and names both; names are made safe; the contents list gives each
 * claim its files and hashes; the pledge is labelled a template and cites article 12; both years' summaries.
 */
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../src/report/package';
import { readZip } from '../../src/zip/read';
import { sha256Hex } from '../../src/db/attachments';
import { translator } from '../../src/i18n/translator';
import { loadLanguage } from '../../src/i18n/index.svelte';
import { evidenceEntries, safeFileName, type AttachmentRef } from '../../src/domain/index';

const enc = new TextEncoder();
const img = enc.encode('image bytes');
const doc = enc.encode('pdf bytes');
const ref = async (bytes: Uint8Array, name: string, extra: Partial<AttachmentRef> = {}): Promise<AttachmentRef> => ({
  hash: await sha256Hex(bytes),
  name,
  addedAt: '2026-03-01T08:00:00.000Z',
  mime: 'image/png',
  bytes: bytes.length,
  ...extra,
});

describe('safe names and evidence entries', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a/b\\c.png', 'a_b_c.png'],
    ['.hidden', 'hidden'],
    ['设备 照片.jpg', '设备 照片.jpg'],
    ['a\u0000b.pdf', 'a_b.pdf'],
    ['', 'file'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name, new Set())).toBe(safe);
  });

  it('numbers a name already used in the folder', () => {
    const used = new Set<string>();
    expect(['a.png', 'A.png', 'a.png'].map((n) => safeFileName(n, used))).toEqual(['a.png', 'A (2).png', 'a (3).png']);
  });

  it('packs a file once, under its first claim in rubric order, naming every claim', async () => {
    const r = await ref(img, 'x.png');
    const entries = evidenceEntries({ 'quality@1': [r], q4: [r] }, ['q4', 'quality@1']);
    expect(entries).toEqual([
      expect.objectContaining({ path: 'evidence/q4/x.png', claims: ['q4', 'quality@1'], sha256: r.hash }),
    ]);
  });
});

describe('buildPackage', () => {
  it('every manifest entry matches its bytes; contents, pledge and summaries are there', async () => {
    await loadLanguage('zh-CN');
    const a = await ref(img, '设备.png', { caption: '3 号线' });
    const b = await ref(doc, '../制度.pdf', { mime: 'application/pdf' });
    const gone = await ref(enc.encode('not here'), 'gone.png');
    const stored = new Map([
      [a.hash, img],
      [b.hash, doc],
    ]);
    const built = await buildPackage({
      tr: translator('zh-CN'),
      enterprise: '甲公司',
      attachments: { q4: [a, b], 'quality@3': [a, gone] },
      claims: [
        { key: 'q4', label: '第 4 题' },
        { key: 'quality@3', label: '质量管控 三级' },
      ],
      reportPdf: new Blob([enc.encode('%PDF report')]),
      formPdf: new Blob([enc.encode('%PDF form')]),
      summaries: [
        { phase: 'before', year: 2025, level: '二级', defended: '一级', score: '45' },
        { phase: 'after', year: 2026, level: '三级', defended: '二级', score: '62' },
      ],
      read: async (h) => stored.get(h),
      hash: sha256Hex,
      now: new Date(Date.UTC(2026, 2, 1)),
    });
    const files = readZip(new Uint8Array(await built.blob.arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    expect(manifest).toEqual(JSON.parse(JSON.stringify(built.manifest)));
    for (const f of manifest.files) {
      const bytes = files.get(f.path);
      expect(bytes, f.path).toBeDefined();
      expect([await sha256Hex(bytes!), bytes!.length]).toEqual([f.sha256, f.bytes]);
    }
    // the zip holds exactly the manifest's files and the manifest
    expect([...files.keys()].sort()).toEqual(
      [...manifest.files.map((f: { path: string }) => f.path), 'manifest.json'].sort(),
    );
    expect(manifest.files.filter((f: { path: string }) => f.path.startsWith('evidence/'))).toEqual([
      expect.objectContaining({ path: 'evidence/q4/设备.png', claims: ['q4', 'quality@3'], caption: '3 号线' }),
      expect.objectContaining({ path: 'evidence/q4/_制度.pdf', claims: ['q4'], mime: 'application/pdf' }),
    ]);
    expect(built.missing).toEqual([gone.hash]);
    const text = (p: string) => new TextDecoder().decode(files.get(p));
    const toc = text('目录.txt');
    for (const h of [a.hash, b.hash, gone.hash]) expect(toc).toContain(h);
    expect(toc).toContain('质量管控 三级');
    expect(toc).toContain('本机缺少此文件内容');
    const pledge = text('真实性承诺（模板）.txt');
    expect(pledge).toContain('模板');
    expect(pledge).toContain('第十二条');
    expect(pledge).toContain('甲公司');
    expect(text('摘要-改造前-2025.txt')).toContain('二级');
    expect(text('摘要-改造后-2026.txt')).toContain('有佐证支撑：二级');
    expect(files.has('评测表.pdf')).toBe(true);
  });
});
