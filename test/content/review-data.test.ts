import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRubric, questionsOf, allScenarios, type LocalizedText } from '../../src/domain/index';
import {
  EVIDENCE_TYPES,
  LEVEL_EVIDENCE,
  QUESTION_EVIDENCE,
  consistencyRulesIssues,
  evidenceGuidanceIssues,
  getConsistencyRules,
  getEvidenceGuidance,
  referencedIds,
  type EvidenceKind,
} from '../../src/domain/review/index';

const rubric = getRubric('cn-sme-2024')!;
const questions = questionsOf(rubric);
const scenarios = allScenarios(rubric);
const questionIds = new Set(questions.map((q) => q.id));
const scenarioIds = new Set(scenarios.map((s) => s.id));
/** CJK ideographs, CJK punctuation and full-width forms. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

const raw = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'rubrics', 'cn-sme-2024', name), 'utf8'));
const evidenceJson = raw('evidence.json');
const consistencyJson = raw('consistency.json');
const guidance = getEvidenceGuidance('cn-sme-2024')!;
const rules = getConsistencyRules('cn-sme-2024')!;

/** Every LocalizedText with its path. */
function texts(node: unknown, path = ''): [string, LocalizedText][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => texts(x, `${path}.${i}`));
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here: [string, LocalizedText][] = 'zh-CN' in o || 'en' in o ? [[path, o as LocalizedText]] : [];
    return [...here, ...Object.entries(o).flatMap(([k, x]) => texts(x, `${path}.${k}`))];
  }
  return [];
}

function checkTexts(json: unknown) {
  const all = texts(json);
  expect(all.length).toBeGreaterThan(0);
  for (const [path, t] of all) {
    expect(Object.keys(t).sort(), path).toEqual(['en', 'zh-CN']);
    expect(t['zh-CN'].trim().length, path).toBeGreaterThan(0);
    expect(t.en.trim().length, path).toBeGreaterThan(0);
    expect(CHINESE.test(t['zh-CN']), `${path} zh-CN`).toBe(true);
    expect(t.en, `${path} en`).not.toMatch(CHINESE);
  }
}

describe('evidence guidance (rubrics/cn-sme-2024/evidence.json)', () => {
  it('validates against its schema and the rubric', () => {
    expect(evidenceGuidanceIssues(evidenceJson, rubric)).toEqual([]);
  });

  it('says it is not official text', () => {
    expect(guidance.notOfficial['zh-CN']).toBe('以下为本工具给出的准备建议，并非官方文本。');
    expect(guidance.notOfficial.en).toMatch(/not official/);
  });

  it('has 2–5 evidence kinds for every question q1–q15', () => {
    expect(Object.keys(guidance.questions).sort()).toEqual([...questionIds].sort());
    for (const q of questions) {
      const n = guidance.questions[q.id]!.length;
      expect(n, q.id).toBeGreaterThanOrEqual(QUESTION_EVIDENCE.min);
      expect(n, q.id).toBeLessThanOrEqual(QUESTION_EVIDENCE.max);
    }
  });

  it('has evidence for every option that earns points', () => {
    for (const q of questions) {
      const list = guidance.questions[q.id]!;
      q.options.forEach((_, o) => {
        if (o === 0) return; // 「无」 or the zero-point option of a single choice
        expect(
          list.some((e) => !e.forOptions || e.forOptions.includes(o)),
          `${q.id} option ${o}`,
        ).toBe(true);
      });
    }
  });

  it('has 2–4 evidence kinds for every scenario × level', () => {
    expect(Object.keys(guidance.scenarios).sort()).toEqual([...scenarioIds].sort());
    for (const s of scenarios) {
      const levels = guidance.scenarios[s.id]!;
      expect(levels, s.id).toHaveLength(s.levels.length);
      levels.forEach((list, i) => {
        expect(list.length, `${s.id}@${i + 1}`).toBeGreaterThanOrEqual(LEVEL_EVIDENCE.min);
        expect(list.length, `${s.id}@${i + 1}`).toBeLessThanOrEqual(LEVEL_EVIDENCE.max);
      });
    }
  });

  it('uses kebab-case ids unique per list and the known kinds', () => {
    const lists: [string, EvidenceKind[]][] = [
      ...Object.entries(guidance.questions),
      ...Object.entries(guidance.scenarios).flatMap(([id, levels]) =>
        levels.map((l, i): [string, EvidenceKind[]] => [`${id}@${i + 1}`, l]),
      ),
    ];
    for (const [key, list] of lists) {
      const ids = list.map((e) => e.id);
      expect(new Set(ids).size, key).toBe(ids.length);
      for (const e of list) {
        expect(e.id, key).toMatch(ID);
        expect(EVIDENCE_TYPES, key).toContain(e.kind);
      }
    }
  });

  it('names the 205-1 and 205-2 energy tables for q12', () => {
    const q12 = guidance.questions.q12!.map((e) => e.text['zh-CN']).join();
    expect(q12).toContain('205-1');
    expect(q12).toContain('205-2');
  });

  it('has every text in both languages, English free of Chinese', () => checkTexts(evidenceJson));
});

describe('consistency rules (rubrics/cn-sme-2024/consistency.json)', () => {
  it('validates against its schema and the rubric', () => {
    expect(consistencyRulesIssues(consistencyJson, rubric)).toEqual([]);
  });

  it('says it is not official text', () => {
    expect(rules.notOfficial['zh-CN']).toMatch(/并非官方/);
    expect(rules.notOfficial.en).toMatch(/not official/);
  });

  it('has unique kebab-case rule ids and a known severity', () => {
    const ids = rules.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules.rules) {
      expect(r.id).toMatch(ID);
      expect(['challenge', 'review']).toContain(r.severity);
    }
  });

  it("lists only existing ids in every rule's involves, and every id the rule uses", () => {
    for (const r of rules.rules) {
      for (const id of r.involves) expect(questionIds.has(id) || scenarioIds.has(id), `${r.id}: ${id}`).toBe(true);
      expect(new Set(r.involves).size, r.id).toBe(r.involves.length);
      for (const { when } of r.instances)
        for (const id of referencedIds(when, rules.sets, [...scenarioIds]))
          expect(r.involves, `${r.id} uses ${id}`).toContain(id);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{([a-zA-Z0-9]+)\}/g)].map((m) => m[1]).sort();
    for (const r of rules.rules) expect(names(r.message.en), r.id).toEqual(names(r.message['zh-CN']));
  });

  it('maps each scenario to the q4 option of the same name', () => {
    const q4 = questions.find((q) => q.id === 'q4')!;
    const names = new Map(scenarios.map((s) => [s.id, s.name['zh-CN']]));
    let bindings = 0;
    for (const r of rules.rules)
      for (const b of r.each ?? [])
        if (typeof b.scenario === 'string' && typeof b.option === 'number') {
          bindings++;
          expect(q4.options[b.option]!.text['zh-CN'], `${r.id} ${b.scenario}`).toBe(names.get(b.scenario));
        }
    expect(bindings).toBeGreaterThanOrEqual(14);
  });

  it('takes the business areas of attachment 3 (= q4 options) as the system-level set', () => {
    const q4 = questions.find((q) => q.id === 'q4')!;
    const areaNames = q4.options.slice(1).map((o) => o.text['zh-CN']);
    const setNames = rules.sets['system-levels']!.map((t) => scenarios.find((s) => s.id === t.scenario)!.name['zh-CN']);
    expect(setNames.sort()).toEqual([...areaNames].sort());
    const definition = rubric.definitions.find((d) => d.id === 'business-area')!.text['zh-CN'];
    for (const name of areaNames) expect(definition).toContain(name);
  });

  it('has every text in both languages, English free of Chinese', () => checkTexts(consistencyJson));
});
