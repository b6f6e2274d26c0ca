// Issue 17 (5): "where to get help" — the outside support of each guide's 保障措施 (government, industry bodies,
// service providers: diagnosis, solutions, platforms, funding, training, benchmarks), every entry citing its seed
// passage verbatim under the cited heading (inside the industry's part of a multi-part seed).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDUSTRIES, SUPPORT_KINDS } from '../../src/domain/index';
import { headingRank, isUnderHeading, locatePart } from '../../scripts/seed-parts';
import { HAVE_SEEDS, SEEDS_DIR } from '../seeds';
import { getGuide } from '../guides';

const guides = INDUSTRIES.map((i) => getGuide(i));
const PUNCTUATION = /[\s，、。；;：:“”"‘’（）()《》〈〉,.!?！？\-—/·+]/g;
const bigrams = (s: string): Set<string> => {
  const t = s.replace(PUNCTUATION, '');
  return new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)));
};

describe('isUnderHeading (scripts/seed-parts.ts)', () => {
  const SEED = [
    '五、保障措施',
    '（一）政府层面',
    '1.强化政策',
    '给予资金扶持。',
    '2.免费服务',
    '由政府牵头开展免费诊断。',
    '（二）服务商层面',
    '1.提升数字化转型意识。企业领导层面应该提高对数字化转型的认识，充分意识到数字化转型的重要作用。',
    '开发轻量化产品。',
  ].join('\n');

  it('finds a passage in the section under its heading and not under another', () => {
    expect(isUnderHeading(SEED, '2.免费服务', '由政府牵头开展免费诊断')).toBe(true);
    expect(isUnderHeading(SEED, '1.强化政策', '由政府牵头开展免费诊断')).toBe(false);
    expect(isUnderHeading(SEED, '（一）政府层面', '由政府牵头开展免费诊断')).toBe(true);
    expect(isUnderHeading(SEED, '（一）政府层面', '开发轻量化产品')).toBe(false);
    // a long numbered line is a paragraph, so the section of （二） runs on past it
    expect(headingRank(SEED.split('\n')[7]!)).toBeUndefined();
    expect(isUnderHeading(SEED, '（二）服务商层面', '开发轻量化产品')).toBe(true);
    expect(isUnderHeading(SEED, '（三）行业层面', '开发轻量化产品')).toBe(false);
  });
});

describe('where to get help (guides’ support from the 保障措施)', () => {
  it.each(INDUSTRIES)('%s lists outside support, each kind known, each title in both languages', (industry) => {
    const g = getGuide(industry);
    expect(g.support?.length ?? 0).toBeGreaterThan(0);
    for (const s of g.support ?? []) {
      expect(SUPPORT_KINDS).toContain(s.kind);
      expect(s.title['zh-CN'].trim()).not.toBe('');
      expect(s.title.en.trim()).not.toBe('');
      expect(s.citation.passage.en.trim()).not.toBe('');
    }
  });

  it('names in each title what its passage says', () => {
    const bad: string[] = [];
    for (const g of guides) {
      for (const s of g.support ?? []) {
        // our short title shares at least half its character pairs with the seed's passage (paraphrase, not invention)
        const own = bigrams(s.title['zh-CN']);
        const cited = bigrams(s.citation.passage['zh-CN']);
        const share = [...own].filter((b) => cited.has(b)).length / own.size;
        if (share < 0.5) bad.push(`${g.industry}: “${s.title['zh-CN']}” (${share.toFixed(2)})`);
      }
    }
    expect(bad).toEqual([]);
  });

  describe.skipIf(!HAVE_SEEDS)('against the seeds (../shared/seeds)', () => {
    const seed = (file: string) => readFileSync(join(SEEDS_DIR, file), 'utf8');

    it.each(INDUSTRIES)('%s: every quote stands verbatim under its cited heading, in the cited part', (industry) => {
      const g = getGuide(industry);
      const bad: string[] = [];
      for (const s of g.support ?? []) {
        const c = s.citation;
        const text = seed(c.seed);
        const scope = c.part === undefined ? text : locatePart(text, c.part)?.text;
        if (scope === undefined) bad.push(`${s.title['zh-CN']}: part ${c.part} not found`);
        else if (!isUnderHeading(scope, c.heading, c.passage['zh-CN']))
          bad.push(`${s.title['zh-CN']}: not under “${c.heading}” in ${c.seed}: “${c.passage['zh-CN'].slice(0, 30)}…”`);
      }
      expect(bad).toEqual([]);
    });

    it('cites only the 保障措施 / 政策保障 sections of the seeds', () => {
      const bad: string[] = [];
      for (const g of guides)
        for (const s of g.support ?? []) {
          const c = s.citation;
          const text = seed(c.seed);
          const scope = c.part === undefined ? text : locatePart(text, c.part)!.text;
          const section = ['四、保障措施', '五、保障措施', '五、强化政策保障'].some((h) =>
            isUnderHeading(scope, h, c.passage['zh-CN']),
          );
          if (!section) bad.push(`${g.industry}: ${s.title['zh-CN']}`);
        }
      expect(bad).toEqual([]);
    });
  });
});
