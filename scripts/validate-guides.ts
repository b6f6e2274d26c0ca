/**
 * Validates rubrics/guides/*.json: schema, citations found in the seeds (when ../shared/seeds exists), ids, and
 * every question and scenario an action names against each registered rubric whose manifest applies the
 * industry guides (guideIssues).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkWith } from '../src/domain/data-error';
import { Guide, CANONICAL_STAGES } from '../src/domain/roadmap/guide-schema';
import { guideIssues } from '../src/domain/roadmap/guides';
import { RUBRIC_IDS, getManifest, getRubric, loadRubric } from '../src/domain/rubric/registry';
import type { WeightedRubric } from '../src/domain/rubric/schema';
import { hasHeadingLine, locatePart, squash } from './seed-parts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');
// question and scenario ids come from the rubrics the guides apply to (their manifests say so), not from a copy
await Promise.all(RUBRIC_IDS.map(loadRubric));
const rubrics = RUBRIC_IDS.flatMap((id): WeightedRubric[] => {
  const rubric = getRubric(id);
  return rubric && getManifest(id)?.guides === 'industry' ? [rubric] : [];
});
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, 'rubrics/guides'))
      .filter((f) => f.endsWith('.json') && f !== 'seeds.json')
      .map((f) => join(root, 'rubrics/guides', f));
let bad = 0;
for (const file of files) {
  const problems: string[] = [];
  const parsed = checkWith(Guide, JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) {
    for (const i of parsed.issues) problems.push(`${i.path}: ${i.message}`);
  } else {
    const g = parsed.value;
    const ids = new Set(g.actions.map((a) => a.id));
    if (ids.size !== g.actions.length) problems.push('duplicate action ids');
    for (const st of CANONICAL_STAGES)
      if (!g.actions.some((a) => a.stage === st)) problems.push(`no action in stage ${st}`);
    const cites: [string, { seed: string; heading: string; part?: string; passage: { 'zh-CN': string } }][] = [
      ...g.actions.map((a) => [`action ${a.id}`, a.citation] as [string, typeof a.citation]),
      ...g.stages.map((s) => [`stage ${s.id}`, s.citation] as [string, typeof s.citation]),
      ...g.needs.map((n, i) => [`need ${i}`, n.citation] as [string, typeof n.citation]),
      ...g.architectureLayers.map((n, i) => [`layer ${i}`, n.citation] as [string, typeof n.citation]),
      ...g.typicalScenarios.map((n, i) => [`typicalScenario ${i}`, n.citation] as [string, typeof n.citation]),
      ...(g.support ?? []).map((n, i) => [`support ${i}`, n.citation] as [string, typeof n.citation]),
    ];
    for (const a of g.actions)
      for (const p of a.prerequisites) if (!ids.has(p)) problems.push(`action ${a.id}: unknown prerequisite ${p}`);
    for (const rubric of rubrics) for (const i of guideIssues(g, rubric)) problems.push(`${i.path}: ${i.message}`);
    if (existsSync(seedsDir)) {
      for (const [where, c] of cites) {
        const seedFile = join(seedsDir, c.seed);
        if (!existsSync(seedFile)) {
          problems.push(`${where}: seed ${c.seed} missing`);
          continue;
        }
        const text = readFileSync(seedFile, 'utf8');
        let scope = text;
        if (c.part) {
          // the part's body, not its entry in the table of contents, up to the next part
          const part = locatePart(text, c.part);
          if (!part) {
            problems.push(`${where}: part "${c.part}" not found as an industry body in ${c.seed}`);
            continue;
          }
          scope = part.text;
        }
        const inPart = c.part ? ` in part "${c.part}"` : '';
        if (!hasHeadingLine(scope, c.heading))
          problems.push(`${where}: heading "${c.heading}" is not a line of ${c.seed}${inPart}`);
        if (!squash(scope).includes(squash(c.passage['zh-CN'])))
          problems.push(`${where}: passage not verbatim in ${c.seed}${inPart}: "${c.passage['zh-CN'].slice(0, 30)}…"`);
      }
    } else console.log('(../shared/seeds not found: citation checks skipped)');
  }
  if (problems.length) {
    bad++;
    console.log(`FAIL ${file}`);
    problems.forEach((p) => console.log('  ' + p));
  } else console.log(`ok   ${file}`);
}
process.exit(bad ? 1 : 0);
