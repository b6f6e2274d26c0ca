/**
 * Loading a rubric: schema validation plus the cross-field checks a schema cannot express
 * (weights sum to 100, printed points match the weights, ids unique, 「无」 first in multiple choice).
 * Returns every problem with its path so a rubric author can fix them all in one pass. The checklist model's
 * checks are written the same way (checklistCrossCheck in checklist-schema.ts).
 */
import { WeightedRubric } from './schema';
import { checkWith } from '../data-error';

export interface RubricIssue {
  file: string;
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; rubric: T } | { ok: false; issues: RubricIssue[] };

export function parseRubric(data: unknown, file: string): ParseResult<WeightedRubric> {
  const checked = checkWith(WeightedRubric, data, crossCheck);
  return checked.ok
    ? { ok: true, rubric: checked.value }
    : { ok: false, issues: checked.issues.map((i) => ({ file, path: i.path, message: i.message })) };
}

function crossCheck(r: WeightedRubric): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(r.dimensions.map((d) => d.weight)) !== 100)
    out.push({ path: 'dimensions', message: 'weights must sum to 100' });
  const seen = new Set<string>();
  r.dimensions.forEach((d, di) => {
    if (sum(d.secondaries.map((s) => s.weight)) !== 100)
      out.push({ path: `dimensions.${di}.secondaries`, message: 'weights must sum to 100' });
    if (d.points !== d.weight)
      out.push({ path: `dimensions.${di}.points`, message: `printed ${d.points} ≠ weight ${d.weight}` });
    d.secondaries.forEach((s, si) => {
      const sp = `dimensions.${di}.secondaries.${si}`;
      if (sum(s.questions.map((q) => q.weight)) !== 100)
        out.push({ path: `${sp}.questions`, message: 'weights must sum to 100' });
      if (Math.abs(s.points - (d.weight * s.weight) / 100) > 1e-9)
        out.push({ path: `${sp}.points`, message: `printed ${s.points} ≠ ${(d.weight * s.weight) / 100}` });
      s.questions.forEach((q, qi) => {
        const qp = `${sp}.questions.${qi}`;
        if (seen.has(q.id)) out.push({ path: `${qp}.id`, message: `duplicate id ${q.id}` });
        seen.add(q.id);
        if (q.id !== `q${q.number}`) out.push({ path: `${qp}.id`, message: `id must be q${q.number}` });
        const expected = (d.weight * s.weight * q.weight) / 10000;
        if (Math.abs(q.points - expected) > 1e-9)
          out.push({ path: `${qp}.points`, message: `printed ${q.points} ≠ ${expected}` });
        if (q.type === 'multiple' && q.noneOption !== 0)
          out.push({ path: `${qp}.noneOption`, message: 'multiple choice needs 「无」 at index 0' });
        if (q.noneOption !== undefined && q.noneOption >= q.options.length)
          out.push({ path: `${qp}.noneOption`, message: 'out of range' });
        // the plain question is ours: one line, and never a copy of the official wording it stands in for
        for (const lang of ['zh-CN', 'en'] as const) {
          const plain = q.plain?.[lang];
          if (plain === undefined) continue;
          if (/\n/.test(plain)) out.push({ path: `${qp}.plain.${lang}`, message: 'must be one line' });
          if (plain.trim() === q.text[lang].trim())
            out.push({ path: `${qp}.plain.${lang}`, message: 'repeats the official text; write it in plain words' });
        }
        const fieldIds = new Set((q.numericFields ?? []).map((f) => f.id));
        for (const ref of derivationRefs(q)) {
          if (!fieldIds.has(ref)) out.push({ path: `${qp}.derivation`, message: `unknown field ${ref}` });
        }
      });
    });
  });
  const scenarioIds = new Set<string>();
  r.scenarioGroups.forEach((g, gi) =>
    g.scenarios.forEach((s, si) => {
      if (scenarioIds.has(s.id))
        out.push({ path: `scenarioGroups.${gi}.scenarios.${si}.id`, message: `duplicate id ${s.id}` });
      scenarioIds.add(s.id);
    }),
  );
  r.levelRules.forEach((l, li) => {
    if (l.level !== li + 1) out.push({ path: `levelRules.${li}.level`, message: `must be ${li + 1}` });
  });
  r.definitions.forEach((def, i) =>
    def.usedBy.forEach((ref, j) => {
      if (!seen.has(ref) && !scenarioIds.has(ref))
        out.push({ path: `definitions.${i}.usedBy.${j}`, message: `unknown question or scenario ${ref}` });
    }),
  );
  r.interpretations.forEach((it, i) =>
    it.appliesTo.forEach((ref, j) => {
      if (!seen.has(ref) && !scenarioIds.has(ref) && ref !== 'total')
        out.push({ path: `interpretations.${i}.appliesTo.${j}`, message: `unknown reference ${ref}` });
    }),
  );
  return out;
}

function derivationRefs(q: WeightedRubric['dimensions'][number]['secondaries'][number]['questions'][number]): string[] {
  const d = q.derivation;
  if (!d) return [];
  switch (d.kind) {
    case 'ratio-bucket':
      return [d.numerator, d.denominator];
    case 'per-revenue-trend':
      return [d.valueLastYear, d.valueYearBefore, d.revenueLastYear, d.revenueYearBefore];
    case 'value-trend':
      return [d.after, d.before, d.afterPer, d.beforePer].filter((x): x is string => !!x);
  }
}
