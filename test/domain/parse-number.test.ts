import { describe, expect, it } from 'vitest';
import {
  fieldKindOf,
  parseNumber,
  shownText,
  type NumberFieldKind,
  type Parsed,
} from '../../src/domain/derive/parse-number';

const plain: NumberFieldKind = fieldKindOf('台');
const percent: NumberFieldKind = fieldKindOf('%');
const wan: NumberFieldKind = fieldKindOf('万元');
const ok = (value: number): Parsed => ({ kind: 'ok', value });
const bad = (reason: string): Parsed => ({ kind: 'invalid', reason }) as Parsed;

describe('parseNumber: what Chinese users type', () => {
  it.each<[string, NumberFieldKind, Parsed]>([
    // accepted
    ['50', plain, ok(50)],
    ['  50 ', plain, ok(50)],
    ['５０', plain, ok(50)],
    ['１２．５', plain, ok(12.5)],
    ['1,000', plain, ok(1000)],
    ['1，000', plain, ok(1000)],
    ['１，２００', plain, ok(1200)],
    ['1,200', plain, ok(1200)],
    ['12,345,678.9', plain, ok(12345678.9)],
    ['0.07', plain, ok(0.07)],
    ['007', plain, ok(7)],
    ['0', plain, ok(0)],
    ['-0', plain, ok(0)],
    ['-3', plain, ok(-3)],
    ['－3', plain, ok(-3)],
    ['98.5%', percent, ok(98.5)],
    ['98.5％', percent, ok(98.5)],
    ['98.5', percent, ok(98.5)],
    ['100 %', percent, ok(100)],
    ['1200万', wan, ok(1200)],
    ['1,200万元', wan, ok(1200)],
    ['８０００万元', wan, ok(8000)],
    ['\u3000８\u3000', plain, ok(8)],
    // empty
    ['', plain, { kind: 'empty' }],
    ['   ', plain, { kind: 'empty' }],
    // rejected, with the reason
    ['1e3', plain, bad('scientific')],
    ['1E3', plain, bad('scientific')],
    ['1.5e-7', plain, bad('scientific')],
    ['１ｅ３', plain, bad('scientific')],
    ['1,5', plain, bad('separator')],
    ['1,20', plain, bad('separator')],
    ['1,2000', plain, bad('separator')],
    ['0,500', plain, bad('separator')],
    ['1000,', plain, bad('separator')],
    ['98.5%', plain, bad('percent-not-allowed')],
    ['50%', wan, bad('percent-not-allowed')],
    ['1200万', plain, bad('unit-not-allowed')],
    ['1200万', percent, bad('unit-not-allowed')],
    ['5000元', wan, bad('yuan-not-wan')],
    ['1.2亿', wan, bad('unit-not-allowed')],
    ['50台', plain, bad('unit-not-allowed')],
    ['1.2.3', plain, bad('not-a-number')],
    ['.5', plain, bad('not-a-number')],
    ['5.', plain, bad('not-a-number')],
    ['abc', plain, bad('not-a-number')],
    ['五十', plain, bad('not-a-number')],
    ['0x10', plain, bad('not-a-number')],
    ['Infinity', plain, bad('not-a-number')],
    ['1 000', plain, bad('not-a-number')],
    ['+5', plain, bad('not-a-number')],
    ['1_000', plain, bad('not-a-number')],
    ['9'.repeat(400), plain, bad('not-a-number')],
  ])('%j (%o) → %o', (raw, kind, expected) => expect(parseNumber(raw, kind)).toEqual(expected));

  it('a field shows the text typed while it reads as the stored figure, else the stored figure', () => {
    expect(shownText('1,20', undefined)).toBe('1,20'); // invalid: no figure stored, the text stays
    expect(shownText('１，０００', 1000)).toBe('１，０００');
    expect(shownText('', undefined)).toBe('');
    expect(shownText('1,20', 50)).toBe('50'); // another tab stored a figure since
    expect(shownText('40', 50)).toBe('50');
    expect(shownText(undefined, 50)).toBe('50');
    expect(shownText('98.5%', 98.5, { percent: true })).toBe('98.5%');
  });

  it('the field kind comes from the unit as printed', () => {
    expect(fieldKindOf('万元/年')).toEqual({ percent: false, wanYuan: true });
    expect(fieldKindOf(undefined)).toEqual({ percent: false, wanYuan: false });
  });
});
