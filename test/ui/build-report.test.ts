import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRubric, hasRoadmap, journeyFor, loadGuide, type AssessmentFile } from '../../src/domain/index';
import { buildReport } from '../../src/report/build-report';
import { documentText } from '../../src/report/document';
import { currentLanguage, setLanguage } from '../../src/i18n/index.svelte';
import type { Language } from '../../src/i18n/translator';

const rubric = getRubric('cn-sme-2024')!;
const file: AssessmentFile = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'),
);
const guide = await loadGuide('food-beverage');
const NOW = Date.parse('2026-11-23T08:00:00Z');

function report(lang: Language) {
  const journey = journeyFor({ rubric, file, guide });
  if (!hasRoadmap(journey)) throw new Error('no roadmap');
  return buildReport({ journey, file, assessedAt: NOW, now: NOW }, lang);
}

afterAll(() => setLanguage('zh-CN'));

describe('buildReport language', () => {
  it('is built in the language it is given, whatever the UI shows, and leaves the UI language alone', async () => {
    for (const [ui, lang] of [
      ['zh-CN', 'en'],
      ['en', 'zh-CN'],
    ] as const) {
      await setLanguage(ui);
      const doc = report(lang);
      expect(doc.lang).toBe(lang);
      expect(doc.title).toMatch(lang === 'en' ? /^[\x20-\x7e]+ · / : /^[^\x20-\x7e]+ · /);
      expect(documentText(doc)).toContain(lang === 'en' ? 'Reach Level 4' : '达到四级');
      expect(currentLanguage()).toBe(ui);
    }
  });
});

describe('buildReport punctuation', () => {
  it('uses Chinese brackets and separators in Chinese', () => {
    const text = documentText(report('zh-CN'));
    expect(text).toMatch(/达到四级（共 \d+ 步）/);
    expect(text).toContain('技术改造（本行业阶段：');
  });

  it('has no Chinese punctuation of its own in English (only in the enterprise name and the quoted seed headings)', () => {
    // citations quote the seed's section heading verbatim, in Chinese, on purpose
    const doc = report('en');
    const blocks = doc.blocks.map((b) => (b.kind === 'step' ? { ...b, citation: '' } : b));
    const text = documentText({ ...doc, blocks }).replaceAll(file.profile!.name!, '');
    const found = [...text.matchAll(/.{0,30}[（）；：、].{0,10}/g)].map((m) => m[0]);
    expect(found).toEqual([]);
    expect(text).toMatch(/Reach Level 4 \(\d+ steps\)/);
  });
});
