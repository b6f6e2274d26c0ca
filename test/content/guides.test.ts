import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import {
  getRubric,
  evaluate,
  questionsOf,
  allScenarios,
  CANONICAL_STAGES,
  INDUSTRIES,
  Guide,
  type Citation,
  type LocalizedText,
} from '../../src/domain/index';
import { GUIDE_SEEDS } from '../../src/domain/roadmap/guides';
import { getGuide } from '../guides';

import { generateRoadmap } from '../../src/domain/roadmap/generate';
import { locatePart, hasHeadingLine, squash } from '../../scripts/seed-parts';
import { HAVE_SEEDS, SEEDS_DIR } from '../seeds';

const rubric = getRubric('cn-sme-2024')!;
const questionIds = new Set(questionsOf(rubric).map((q) => q.id));
const scenarioIds = new Set(allScenarios(rubric).map((s) => s.id));
const SEED_FILES = [
  '000_643d5da1635969b5.txt',
  '001_9fbff64ec90cc4b1.txt',
  '002_1d3786b8b01552d4.txt',
  '003_7c0bdfd410afae87.txt',
  '004_da03dfd078097c3b.txt',
];
/** Seeds that hold several industry guides: their citations must name the part. */
const MULTI_PART_SEEDS = ['001_9fbff64ec90cc4b1.txt'];
/** CJK ideographs, CJK punctuation and full-width forms. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]/;

const raw = (industry: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'rubrics', 'guides', `${industry}.json`), 'utf8'));
const guides = INDUSTRIES.map((industry) => getGuide(industry));

/** Every LocalizedText in a guide with its path. */
function texts(node: unknown, path = ''): [string, LocalizedText][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => texts(x, `${path}.${i}`));
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here: [string, LocalizedText][] = 'zh-CN' in o || 'en' in o ? [[path, o as LocalizedText]] : [];
    return [...here, ...Object.entries(o).flatMap(([k, x]) => texts(x, `${path}.${k}`))];
  }
  return [];
}

/** Every citation in a guide with a name for messages. */
function citations(g: Guide): [string, Citation][] {
  return [
    ...g.actions.map((a): [string, Citation] => [`action ${a.id}`, a.citation]),
    ...g.stages.map((s): [string, Citation] => [`stage ${s.id}`, s.citation]),
    ...g.needs.map((n, i): [string, Citation] => [`needs.${i}`, n.citation]),
    ...g.architectureLayers.map((n, i): [string, Citation] => [`architectureLayers.${i}`, n.citation]),
    ...g.typicalScenarios.map((n, i): [string, Citation] => [`typicalScenarios.${i}`, n.citation]),
    ...(g.support ?? []).map((n, i): [string, Citation] => [`support.${i}`, n.citation]),
  ];
}

describe('locatePart (scripts/seed-parts.ts)', () => {
  const SEED = [
    '路线图',
    '目录',
    '甲行业\t1',
    '乙行业\t9',
    '',
    '甲行业',
    '',
    '前言',
    '甲的前言。',
    '一、背景意义',
    '（一）总体形势',
    '甲的正文。',
    '乙行业',
    '前言',
    '乙的前言。',
    '一、 背景意义',
    '（一）总体形势',
    '乙的正文。',
  ].join('\n');

  it('finds the body of a part, not its table-of-contents entry, and stops at the next part', () => {
    expect(locatePart(SEED, '甲行业')).toMatchObject({ startLine: 5, endLine: 12 });
    expect(locatePart(SEED, ' 乙 行业 ')).toMatchObject({ startLine: 12, endLine: 18 });
    const a = locatePart(SEED, '甲行业')!.text;
    expect(squash(a)).toContain('甲的正文');
    expect(squash(a)).not.toContain('乙的前言');
    expect(hasHeadingLine(a, '（一） 总体形势')).toBe(true);
    expect(hasHeadingLine(a, '总体形势')).toBe(false);
  });

  it('finds nothing for a title that only stands in the table of contents or not at all', () => {
    expect(locatePart(SEED.replace(/\n甲行业\n/, '\n'), '甲行业')).toBeUndefined();
    expect(locatePart(SEED, '丙行业')).toBeUndefined();
    expect(locatePart(SEED, '')).toBeUndefined();
  });
});

describe('industry guides (rubrics/guides)', () => {
  it.each(INDUSTRIES)('%s parses against the schema and is the guide of its industry', (industry) => {
    const parsed = v.safeParse(Guide, raw(industry));
    expect(parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
    expect(getGuide(industry).industry).toBe(industry);
  });

  it('has actions in every canonical stage of every industry', () => {
    const missing = guides.flatMap((g) =>
      CANONICAL_STAGES.filter((st) => !g.actions.some((a) => a.stage === st)).map((st) => `${g.industry}/${st}`),
    );
    expect(missing).toEqual([]);
  });

  it('maps every canonical stage onto at least one of the industry’s own stages', () => {
    const missing = guides.flatMap((g) =>
      CANONICAL_STAGES.filter((st) => !g.stages.some((s) => s.canonical.includes(st))).map(
        (st) => `${g.industry}/${st}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('refers only to questions and scenarios of the cn-sme-2024 rubric', () => {
    const bad = guides.flatMap((g) => [
      ...g.actions.flatMap((a) => [
        ...a.advances.questions.filter((q) => !questionIds.has(q)).map((q) => `${g.industry}/${a.id}: ${q}`),
        ...a.advances.scenarios.filter((s) => !scenarioIds.has(s.id)).map((s) => `${g.industry}/${a.id}: ${s.id}`),
      ]),
      ...g.typicalScenarios.flatMap((t, i) =>
        t.scenarios.filter((s) => !scenarioIds.has(s)).map((s) => `${g.industry}/typicalScenarios.${i}: ${s}`),
      ),
    ]);
    expect(bad).toEqual([]);
  });

  it('has every text in both languages, the English free of Chinese characters', () => {
    const bad = guides.flatMap((g) =>
      texts(g)
        .filter(([, t]) => !t['zh-CN']?.trim() || !t.en?.trim() || CHINESE.test(t.en))
        .map(([path, t]) => `${g.industry}${path}: ${JSON.stringify(t.en)}`),
    );
    expect(bad).toEqual([]);
  });

  it('uses each action id once across all guides', () => {
    const all = guides.flatMap((g) => g.actions.map((a) => a.id));
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
    const stageIds = guides.flatMap((g) => g.stages.map((s) => `${g.industry}/${s.id}`));
    expect(new Set(stageIds).size).toBe(stageIds.length);
  });

  it('has prerequisites that exist in the same guide, in the same or an earlier stage, without cycles', () => {
    const bad = guides.flatMap((g) => {
      const byId = new Map(g.actions.map((a) => [a.id, a]));
      return g.actions.flatMap((a) =>
        a.prerequisites.flatMap((p) => {
          const pre = byId.get(p);
          if (!pre) return [`${g.industry}/${a.id}: unknown prerequisite ${p}`];
          if (p === a.id) return [`${g.industry}/${a.id}: requires itself`];
          return CANONICAL_STAGES.indexOf(pre.stage) > CANONICAL_STAGES.indexOf(a.stage)
            ? [`${g.industry}/${a.id}: prerequisite ${p} in a later stage`]
            : [];
        }),
      );
    });
    expect(bad).toEqual([]);
    // the generator throws on cycles
    const evaluation = evaluate(rubric, { answers: {}, scenarios: {} });
    for (const g of guides) expect(() => generateRoadmap({ rubric, guide: g, evaluation, plans: [] })).not.toThrow();
  });

  it('names its sources among the seed files, and cites only those', () => {
    for (const g of guides) {
      const seeds = g.sources.map((s) => s.seed);
      expect(seeds.length).toBeGreaterThan(0);
      for (const s of seeds) expect(SEED_FILES).toContain(s);
      const bad = citations(g)
        .filter(([, c]) => !seeds.includes(c.seed))
        .map(([where, c]) => `${g.industry}/${where}: ${c.seed}`);
      expect(bad).toEqual([]);
    }
    // every seed a guide cites has a document title (rubrics/guides/seeds.json covers all five seeds)
    for (const seed of new Set(guides.flatMap((g) => g.sources.map((s) => s.seed))))
      expect(Object.keys(GUIDE_SEEDS)).toContain(seed);
    expect(Object.keys(GUIDE_SEEDS).sort()).toEqual([...SEED_FILES].sort());
  });

  it('names the industry part in every citation of a seed that holds several guides', () => {
    const bad = guides.flatMap((g) =>
      citations(g)
        .filter(([, c]) => MULTI_PART_SEEDS.includes(c.seed) !== (c.part !== undefined))
        .map(([where, c]) => `${g.industry}/${where}: ${c.seed} part ${c.part ?? '(none)'}`),
    );
    expect(bad).toEqual([]);
    // one guide, one part: the part is the title the guide gives that source
    for (const g of guides) {
      const parts = new Set(citations(g).flatMap(([, c]) => (c.part ? [c.part] : [])));
      expect(parts.size).toBeLessThanOrEqual(1);
      for (const part of parts) expect(g.sources.map((s) => s.title['zh-CN'])).toContain(part);
    }
  });

  describe.skipIf(!HAVE_SEEDS)('citations against the seeds', () => {
    const seed = (file: string) => readFileSync(join(SEEDS_DIR, file), 'utf8');

    it('finds each industry part of a multi-part seed as one body, after the table of contents', () => {
      for (const file of MULTI_PART_SEEDS) {
        const text = seed(file);
        const parts = guides.flatMap((g) =>
          citations(g).flatMap(([, c]) => (c.seed === file && c.part ? [c.part] : [])),
        );
        const ranges = [...new Set(parts)].map((p) => ({ p, range: locatePart(text, p) }));
        for (const { p, range } of ranges) {
          expect(range, `${file}: part ${p}`).toBeDefined();
          expect(squash(text.split(/\r?\n/)[range!.startLine]!)).toBe(squash(p));
          expect(squash(range!.text)).toContain('一、背景意义');
        }
        // the parts do not overlap
        const sorted = ranges.map((r) => r.range!).sort((a, b) => a.startLine - b.startLine);
        sorted.slice(1).forEach((r, i) => expect(r.startLine).toBeGreaterThanOrEqual(sorted[i]!.endLine));
      }
    });

    it.each(INDUSTRIES)(
      '%s: every heading is a line and every passage is verbatim, inside the cited part',
      (industry) => {
        const g = getGuide(industry);
        const bad: string[] = [];
        for (const [where, c] of citations(g)) {
          const text = seed(c.seed);
          const scope = c.part === undefined ? text : locatePart(text, c.part)?.text;
          if (scope === undefined) {
            bad.push(`${where}: part "${c.part}" not found in ${c.seed}`);
            continue;
          }
          const inPart = c.part ? ` in part ${c.part}` : '';
          if (!hasHeadingLine(scope, c.heading))
            bad.push(`${where}: heading "${c.heading}" not a line of ${c.seed}${inPart}`);
          if (!squash(scope).includes(squash(c.passage['zh-CN'])))
            bad.push(`${where}: passage not verbatim in ${c.seed}${inPart}: "${c.passage['zh-CN'].slice(0, 30)}…"`);
        }
        expect(bad).toEqual([]);
      },
    );

    it('gives each source a title found in its seed', () => {
      for (const g of guides)
        for (const s of g.sources)
          expect(squash(seed(s.seed)), `${g.industry}: ${s.seed}`).toContain(squash(s.title['zh-CN']));
    });
  });
});
