/** The batch line builders shared by the CLI and the cohort export (shared spec, "Scoring many files"). */
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRow, jsonLine, type ScoredText } from '../../src/domain/index';

const ids = ['product-design', 'marketing'];
const weighted: ScoredText = {
  ok: true,
  result: {
    rubric: 'cn-sme-2024',
    score: 53.63,
    level: 2,
    complete: false,
    scenarioLevels: { 'product-design': 2, marketing: 0 },
  },
  profile: { name: '甲', industry: 'pharma', size: 'micro-small', year: 2026 },
};
const checklist: ScoredText = {
  ok: true,
  result: { rubric: 'sd-chenxing-2022', level: 1, complete: true, met: 3, items: 79, missingForNext: {} },
  profile: {},
};
const invalid: ScoredText = { ok: false, error: 'answers.q2: option index out of range (0–4)' };

describe('csvCell (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['中文，全角逗号', '中文，全角逗号'],
    ['=1+1', '=1+1'],
  ])('%j → %j', (input, expected) => expect(csvCell(input)).toBe(expected));
});

describe('batch rows', () => {
  it('puts the file first in a JSON Line, then the single-file object or the error', () => {
    expect(jsonLine('d/a.json', weighted)).toBe(
      '{"file":"d/a.json","rubric":"cn-sme-2024","score":53.63,"level":2,"complete":false,' +
        '"scenarioLevels":{"product-design":2,"marketing":0}}',
    );
    expect(jsonLine('d/b.json', invalid)).toBe(
      '{"file":"d/b.json","error":"answers.q2: option index out of range (0–4)"}',
    );
  });

  it('writes the header and rows with empty cells where they do not apply', () => {
    expect(csvHeader(ids)).toBe(
      'file,rubric,name,industry,size,year,score,level,complete,error,product-design,marketing',
    );
    expect(csvRow('a.json', weighted, ids)).toBe('a.json,cn-sme-2024,甲,pharma,micro-small,2026,53.63,2,false,,2,0');
    expect(csvRow('c.json', checklist, ids)).toBe('c.json,sd-chenxing-2022,,,,,,1,true,,,');
    expect(csvRow('b,1.json', invalid, ids)).toBe('"b,1.json",,,,,,,,,answers.q2: option index out of range (0–4),,');
  });
});
