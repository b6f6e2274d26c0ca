/**
 * Merging respondents carries their attached files (issue "Many files", item 5): the merged assessment
 * names the attachments of the answers taken (every respondent's where they agreed), the bytes stay
 * stored once and resolve for it, and the originals keep theirs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AttachmentStore, sha256Hex } from '../../src/db/attachments';
import {
  EXTENSION_KEY,
  allScenarios,
  attachmentHashes,
  getRubric,
  loadRubric,
  type AssessmentFile,
  type WeightedRubric,
  weightedAnswersOf,
} from '../../src/domain/index';
import { mergeRespondents, type Choice, type Respondent } from '../../src/domain/merge/merge';
import { mergedFileOf } from '../../src/domain/merge/merged-file';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'),
) as AssessmentFile;
const bytes = (text: string) => new TextEncoder().encode(text);
const deps = {
  now: () => Date.UTC(2026, 2, 1, 8),
  hash: sha256Hex,
  estimate: async () => ({ usage: 0, quota: 1e9 }),
};

let n = 0;
let db: DigiLevelDB;
let store: AssessmentStore;
let att: AttachmentStore;
let rubric: WeightedRubric;
let scenario: string;
beforeEach(async () => {
  await loadRubric('cn-sme-2024');
  rubric = getRubric('cn-sme-2024')!;
  scenario = allScenarios(rubric)[0]!.id;
  db = new DigiLevelDB(`test-merge-attach-${n++}`);
  await db.open();
  store = new AssessmentStore(db, 'tab');
  att = new AttachmentStore(db, 'tab', deps);
});

/** Three respondents: q2 answered 1 / 3 / 3 (disagreed), everything else the same; each attached files. */
async function respondents() {
  const ids: string[] = [];
  for (const [i, q2] of [1, 3, 3].entries()) {
    const file: AssessmentFile = {
      ...structuredClone(fixture),
      answers: { ...fixture.answers, q2 },
      [EXTENSION_KEY]: { meta: { label: `R${i}` } },
    };
    const id = await store.insert(file);
    await att.attach(id, 'q2', { name: `q2-${i}.pdf`, type: 'application/pdf', bytes: bytes(`q2 proof ${i}`) });
    if (i !== 1)
      await att.attach(id, 'q11', { name: `q11-${i}.png`, type: 'image/png', bytes: bytes(`q11 photo ${i}`) });
    if (i === 1)
      await att.attach(id, `${scenario}@1`, { name: 'line.jpg', type: 'image/jpeg', bytes: bytes('scenario') });
    ids.push(id);
  }
  const records = await Promise.all(ids.map(async (id) => (await store.read(id))!));
  return { ids, records };
}

async function mergeAndSave(choices: Record<string, Choice>, fallback: Choice) {
  const { ids, records } = await respondents();
  const before = await Promise.all(ids.map((id) => store.read(id)));
  const rs: Respondent[] = records.map((r) => ({
    label: r.file[EXTENSION_KEY]!.meta!.label!,
    answers: weightedAnswersOf(r.file),
    scenarios: r.file.scenarios,
    notes: {},
  }));
  const merged = mergeRespondents(rubric, rs, choices, fallback);
  const id = await store.insert(
    mergedFileOf(
      records.map((r) => r.file),
      merged,
      {},
      'merged',
    ),
  );
  const saved = (await store.read(id))!;
  const names = (claim: string) => saved.file[EXTENSION_KEY]?.attachments?.[claim]?.map((r) => r.name);
  return { ids, before, saved, names };
}

describe('merged attachments', () => {
  it('names the attachments of the answer taken; where all agreed, every respondent’s', async () => {
    const { names } = await mergeAndSave({}, 'lower');
    expect(names('q2')).toEqual(['q2-0.pdf']); // the lower answer (1) is R0's
    expect(names('q11')).toEqual(['q11-0.png', 'q11-2.png']);
    expect(names(`${scenario}@1`)).toEqual(['line.jpg']);
  });

  it('follows a choice per item: the higher answer was given by two respondents, both their files', async () => {
    const { names } = await mergeAndSave({ q2: 'higher' }, 0);
    expect(names('q2')).toEqual(['q2-1.pdf', 'q2-2.pdf']);
  });

  it('the bytes resolve for the merged assessment, survive a prune, and the originals are unchanged', async () => {
    const { ids, before, saved } = await mergeAndSave({}, 'higher');
    const hashes = attachmentHashes(saved.file[EXTENSION_KEY]?.attachments);
    expect(hashes).toHaveLength(5); // q2 of R1 and R2, q11 of R0 and R2, R1's scenario photo
    expect((await att.present(hashes)).size).toBe(hashes.length);
    // R1's files are named only by R1 and the merged assessment: without R1 they must stay for the merge
    await store.remove(ids[1]!);
    expect(await att.prune()).toBe(0);
    for (const h of hashes) expect(await att.get(h)).toBeDefined();
    expect([await store.read(ids[0]!), await store.read(ids[2]!)]).toEqual([before[0], before[2]]);
  });
});
