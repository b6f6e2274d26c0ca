// Issue 17 (1–6): what the generator adds to the guides (the 梯次 size rule, the closing stage) rests on
// seed 004 verbatim; ambiguous stages follow the seed; no clause leans on another actor's passage; no file
// names or text-extraction notes reach the user.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INDUSTRIES } from '../../src/domain/index';
import { GUIDE_SEEDS } from '../../src/domain/roadmap/guides';
import { SIZE_RULE_CITATION } from '../../src/domain/roadmap/size-fit';
import { CLOSING_ACTION, CLOSING_STAGE } from '../../src/domain/roadmap/closing';
import { hasHeadingLine, squash } from '../../scripts/seed-parts';
import { HAVE_SEEDS, SEEDS_DIR } from '../seeds';
import { getGuide } from '../guides';

const guides = INDUSTRIES.map((i) => getGuide(i));
const ROOT = join(import.meta.dirname, '..', '..');

describe('roadmap fidelity (issue 17)', () => {
  it('names the guide stage of every action whose canonical stage maps onto several of the guide’s stages', () => {
    const bad: string[] = [];
    for (const g of guides)
      for (const a of g.actions) {
        const candidates = g.stages.filter((s) => s.canonical.includes(a.stage));
        if (a.phase !== undefined && !g.stages.some((s) => s.id === a.phase)) bad.push(`${a.id}: unknown ${a.phase}`);
        if (candidates.length > 1 && a.phase === undefined) bad.push(`${g.industry}/${a.id}: no phase`);
      }
    expect(bad).toEqual([]);
  });

  it('words no clause on a measure its passage does not name (open interfaces are 000’s industry-level 保障措施)', () => {
    const phrases = ['开放数据接口', '数据传输协议'];
    const bad = guides.flatMap((g) =>
      g.actions.flatMap((a) =>
        phrases
          .filter((p) => a.description['zh-CN'].includes(p) && !a.citation.passage['zh-CN'].includes(p))
          .map((p) => `${a.id}: ${p}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('shows no seed file names and no text-extraction notes in any bundled text', () => {
    const files = ['rubrics/guides', 'rubrics/cn-sme-2024', 'rubrics/sd-chenxing-2022'].flatMap((d) =>
      readdirSync(join(ROOT, d))
        .filter((f) => f.endsWith('.json') && f !== 'seeds.json' && f !== 'manifest.json')
        .map((f) => join(d, f)),
    );
    const bad: string[] = [];
    for (const f of files) {
      const walk = (x: unknown, path: string): void => {
        if (typeof x === 'string') {
          if (/抽取出的文本|extracted text/i.test(x)) bad.push(`${f} ${path}: extraction note`);
        } else if (x && typeof x === 'object')
          for (const [k, v] of Object.entries(x)) if (k !== 'seed') walk(v, `${path}.${k}`);
      };
      walk(JSON.parse(readFileSync(join(ROOT, f), 'utf8')), '');
    }
    for (const g of guides)
      for (const a of g.actions) if (/\d{3}_[0-9a-f]{16}/.test(JSON.stringify(a.description))) bad.push(a.id);
    expect(bad).toEqual([]);
  });

  describe.skipIf(!HAVE_SEEDS)('against seed 004 and the seed titles', () => {
    const seed = (file: string) => readFileSync(join(SEEDS_DIR, file), 'utf8');
    it.each([
      ['size rule (四、(三) 梯次)', SIZE_RULE_CITATION],
      ['closing step (（四）推进迭代优化)', CLOSING_ACTION.citation],
      ['closing stage (（三）开展成效评估)', CLOSING_STAGE.citation],
    ])('%s: heading is a line of seed 004 and the passage is verbatim', (_, c) => {
      const text = seed(c.seed);
      expect(hasHeadingLine(text, c.heading)).toBe(true);
      expect(squash(text)).toContain(squash(c.passage['zh-CN']));
    });

    it('closing step text is its passage; 数字化能力评价 indicators are in the closing stage’s passage', () => {
      expect(squash(CLOSING_ACTION.citation.passage['zh-CN'])).toContain(squash(CLOSING_ACTION.description['zh-CN']));
      for (const k of ['系统易用性', '标准符合性', '数据质量'])
        expect(CLOSING_STAGE.citation.passage['zh-CN']).toContain(k);
    });

    it('titles every roadmap seed by words that stand in it (the issuer in brackets)', () => {
      const roadmapSeeds = new Set(guides.flatMap((g) => g.actions.map((a) => a.citation.seed)));
      for (const [file, title] of Object.entries(GUIDE_SEEDS).filter(([f]) => roadmapSeeds.has(f)))
        for (const part of title['zh-CN'].split(/[（）]/).filter(Boolean))
          expect(squash(seed(file)), `${file}: ${part}`).toContain(squash(part));
    });
  });
});
