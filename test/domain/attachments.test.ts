/**
 * `digilevel.attachments` as docs/digilevel-extension.md states it: the validator knows exactly the
 * documented keys, rejects each wrong value naming it, and the attach/detach patches merge per hash.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyPatch,
  attachmentHashes,
  EXTENSION_KEY,
  getAnyRubric,
  getRubric,
  MAX_ATTACHMENT_BYTES,
  validateAssessment,
  type AttachmentRef,
} from '../../src/domain/index';

const read = (f: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', f), 'utf8'));
const doc = readFileSync(join(import.meta.dirname, '../../docs/digilevel-extension.md'), 'utf8');
const REF: AttachmentRef = {
  hash: 'ab'.repeat(32),
  name: '联网设备.jpg',
  caption: '车间 3 号线',
  addedAt: '2026-03-01T08:00:00.000Z',
  mime: 'image/jpeg',
  bytes: 1234,
};
const withAtt = (attachments: unknown, fixture = 'valid-level3.json') => ({
  ...read(fixture),
  [EXTENSION_KEY]: { attachments },
});
const issuesOf = (data: unknown) => {
  const r = validateAssessment(data, (id) => getAnyRubric(id) ?? getRubric(id));
  return r.ok ? [] : r.error.issues.map((i) => ({ key: i.key, code: i.code }));
};

describe('digilevel.attachments', () => {
  it('documents every key of an attachment the validator knows, and only those', () => {
    const start = doc.indexOf('## Attachments');
    const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
    const documented = [...section.matchAll(/^\| `([a-zA-Z]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(REF).sort());
    expect(doc).toContain('| `attachments`');
    for (const key of Object.keys(REF))
      expect(issuesOf(withAtt({ q4: [{ ...REF, [key]: true }] })), key).toEqual([
        { key: `digilevel.attachments.q4.0.${key}`, code: 'type' },
      ]);
  });

  it('accepts a question, a scenario level and a checklist item; keeps a hash once per claim', () => {
    const r = validateAssessment(withAtt({ q4: [REF, REF], 'quality@3': [REF] }), getRubric);
    expect(r.ok && r.file[EXTENSION_KEY]?.attachments).toEqual({ q4: [REF], 'quality@3': [REF] });
    expect(issuesOf(withAtt({ 'lean-factory-layout': [REF] }, 'chenxing-level2.json'))).toEqual([]);
  });

  it.each([
    ['an unknown question', { q99: [REF] }, 'digilevel.attachments.q99', 'unknown-key'],
    ['a level the scenario lacks', { 'quality@5': [REF] }, 'digilevel.attachments."quality@5"', 'unknown-key'],
    [
      'a checklist item in a weighted file',
      { 'lean-factory-layout': [REF] },
      'digilevel.attachments.lean-factory-layout',
      'unknown-key',
    ],
    [
      'an unknown key in a reference',
      { q4: [{ ...REF, path: '/etc' }] },
      'digilevel.attachments.q4.0.path',
      'unknown-key',
    ],
    ['an upper-case hash', { q4: [{ ...REF, hash: 'AB'.repeat(32) }] }, 'digilevel.attachments.q4.0.hash', 'type'],
    [
      'a name with a control character',
      { q4: [{ ...REF, name: 'a\u0000b' }] },
      'digilevel.attachments.q4.0.name',
      'type',
    ],
    ['an empty file', { q4: [{ ...REF, bytes: 0 }] }, 'digilevel.attachments.q4.0.bytes', 'type'],
    [
      'a file over 25 MB',
      { q4: [{ ...REF, bytes: MAX_ATTACHMENT_BYTES + 1 }] },
      'digilevel.attachments.q4.0.bytes',
      'type',
    ],
    [
      'a date without offset',
      { q4: [{ ...REF, addedAt: '2026-03-01T08:00' }] },
      'digilevel.attachments.q4.0.addedAt',
      'type',
    ],
    ['not a list', { q4: REF }, 'digilevel.attachments.q4', 'type'],
  ])('rejects %s, naming it', (_, att, key, code) => {
    expect(issuesOf(withAtt(att))).toEqual([{ key, code }]);
  });

  it('attach adds or replaces by hash, detach removes, the last removal drops the key', () => {
    let file = read('valid-level3.json');
    const other = { ...REF, hash: 'cd'.repeat(32), name: 'b.pdf', mime: 'application/pdf' };
    file = applyPatch(file, { op: 'attach', claim: 'q4', ref: REF });
    file = applyPatch(file, { op: 'attach', claim: 'q4', ref: other });
    file = applyPatch(file, { op: 'attach', claim: 'q4', ref: { ...REF, caption: '新说明' } });
    expect(file[EXTENSION_KEY].attachments.q4.map((r: AttachmentRef) => r.caption)).toEqual(['新说明', REF.caption]);
    expect(attachmentHashes(file[EXTENSION_KEY].attachments)).toEqual([REF.hash, other.hash]);
    file = applyPatch(file, { op: 'detach', claim: 'q4', hash: REF.hash });
    file = applyPatch(file, { op: 'detach', claim: 'q4', hash: other.hash });
    expect(file[EXTENSION_KEY].attachments).toBeUndefined();
  });
});
