/**
 * Deterministic generator of hostile assessment files for the fuzz tests (test/domain/fuzz.test.ts,
 * test/db/fuzz-import.test.ts): valid files mutated by truncation, wrong types, huge arrays, unknown and
 * prototype-named keys, deep nesting, 10 MB strings, odd numbers and duplicated keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './random';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

export interface FuzzCase {
  /** What was done, for failure messages (replayable with the same seed and index). */
  label: string;
  text: string;
}

const fixture: Json = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/valid-level3.json'), 'utf8'));

/** The fixture plus every part of the app's extension, so mutations reach its validator too. */
const rich: Json = {
  ...(fixture as Record<string, Json>),
  digilevel: {
    meta: {
      label: '2026 自评',
      enterpriseId: 'ent-1',
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-02-03T04:05:06.007Z',
    },
    numbers: { q2: { 'equipment-total': 120, 'equipment-digitised': 37.5 }, q11: { 'revenue-per-year': 1e9 } },
    energy: { lastYear: { electricity: 1234.56 }, yearBefore: { anthracite: 0 } },
    overrides: ['q12'],
    notes: { q2: '设备台账\n"引号"', quality: '<b>x</b>' },
    evidence: { quality: ['a.pdf', ''], q4: ['📷'] },
    roadmap: { 'mes-pilot': { status: 'done', quarter: '2026-Q2', note: '完成' }, erp: { status: 'not-relevant' } },
  },
};

export const BASES: readonly Json[] = [fixture, rich];

const HUGE = 100_000;
const DEEP = 10_000;
const TEN_MB = 10 * 1024 * 1024;

/** Built once: raw JSON texts too large to build per case. */
let big: { tenMb: string; oneMb: string; huge: string[]; deep: string[] } | undefined;
function bigValues() {
  big ??= {
    tenMb: `"${'x'.repeat(TEN_MB)}"`,
    oneMb: `"${'中'.repeat(1_000_000)}"`,
    huge: [
      JSON.stringify(Array.from({ length: HUGE }, (_, i) => i)),
      JSON.stringify(new Array(HUGE).fill(1)),
      JSON.stringify(new Array(HUGE).fill(true)),
      JSON.stringify(new Array(HUGE).fill('q1')),
      JSON.stringify(new Array(HUGE).fill(null)),
      `[${new Array(HUGE).fill('{}').join(',')}]`,
    ],
    deep: [
      '['.repeat(DEEP) + ']'.repeat(DEEP),
      '{"a":'.repeat(DEEP) + '0' + '}'.repeat(DEEP),
      '{"__proto__":'.repeat(DEEP) + '{"polluted":1}' + '}'.repeat(DEEP),
      '[{"x":'.repeat(DEEP) + '1' + '}]'.repeat(DEEP),
    ],
  };
  return big;
}

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];
const UNKNOWN_KEYS = [
  'q16',
  'q0',
  'Q1',
  'q1 ',
  'x',
  '',
  ' ',
  '中文',
  'a.b',
  '\u0000',
  'line\nbreak',
  'q2\r',
  '\u2028',
  'k'.repeat(1000),
  'meta',
  'answers',
  'digilevel',
  'format',
  'product-design',
  'lastYear',
  'electricity',
  'status',
  ...PROTO_KEYS,
];
/** Plain JSON values. */
const VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  2,
  4,
  5,
  3.5,
  1e21,
  1e308,
  -1e-300,
  '',
  'x',
  'q1',
  '0',
  'food-beverage',
  'done',
  '2026-Q2',
  '2026-01-01T00:00:00Z',
  'x'.repeat(201),
  'x'.repeat(5001),
  [],
  [0],
  [1, 2],
  [0, 1],
  [1, 1],
  [-1],
  [1.5],
  ['1'],
  [true, true, true, true],
  [true, false],
  [null, null, null, null],
  [[1]],
  {},
  { a: 1 },
  { status: 'done' },
  { 'equipment-total': 1 },
];
/** Raw JSON texts: objects with prototype-named own keys, and numbers JSON.stringify cannot write. */
const RAW_VALUES = [
  '{"toString":1}',
  '{"valueOf":1,"toString":null}',
  '[{"toString":1}]',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"prototype":{"polluted":1}}',
  '{"toJSON":1}',
  '{"hasOwnProperty":1,"__proto__":null}',
  '-0',
  '1e400',
  '-1e400',
  '1e-400',
  '2.0',
  '4.0000000000000001',
  '9007199254740993',
];
const NAN_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x1',
  ' 1',
  '1 ',
  '١',
  '4',
  'true',
  'null',
  'undefined',
];
/** Replacements for a number token in the text (valid and invalid JSON). */
const NUMBER_TOKENS = [
  '-0',
  '1e400',
  '-1e400',
  '1e-400',
  '2.0',
  '1E1',
  '0.4e1',
  '01',
  '1.',
  '.5',
  '+1',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  '1_0',
  '-',
  '1e',
  '9007199254740993',
];

const isObject = (x: Json | undefined): x is { [key: string]: Json } =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function paths(root: Json): { containers: Path[]; all: Path[] } {
  const containers: Path[] = [];
  const all: Path[] = [];
  const walk = (x: Json, p: Path) => {
    all.push(p);
    if (Array.isArray(x)) {
      containers.push(p);
      x.forEach((v, i) => walk(v, [...p, i]));
    } else if (isObject(x)) {
      containers.push(p);
      for (const k of Object.keys(x)) walk(x[k]!, [...p, k]);
    }
  };
  walk(root, []);
  return { containers, all };
}

const get = (root: Json, p: Path): Json | undefined =>
  p.reduce<Json | undefined>((x, k) => (x as Record<string | number, Json> | undefined)?.[k], root);

function set(root: Json, p: Path, value: Json): void {
  const parent = get(root, p.slice(0, -1)) as Record<string | number, Json>;
  Object.defineProperty(parent, p[p.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The fuzzer: case(i) is a pure function of (seed, i). Raw texts (huge, deep, 10 MB) are put in by
 * placeholder after JSON.stringify, by string concatenation, so a 10 MB case costs no copy.
 */
export function fuzzer(seed: number) {
  return (index: number): FuzzCase => {
    const r = rng(seed * 1_000_003 + index);
    const doc: Json = structuredClone(r.pick(BASES));
    /** [text to find in the JSON, raw text to put there] */
    const raws: [needle: string, raw: string][] = [];
    const labels: string[] = [];
    const placeholder = (raw: string) => {
      const token = `@@raw${raws.length}@@`;
      raws.push([`"${token}"`, raw]);
      return token;
    };
    const anyPath = () => {
      const { all } = paths(doc);
      return all.length > 1 ? all[1 + r.int(all.length - 1)]! : null;
    };
    const objectPath = () => r.pick(paths(doc).containers.filter((p) => isObject(get(doc, p))));
    /** Puts a member (raw `"key":value` text) into the object at `p`, at a random position. */
    const insertMember = (p: Path, memberText: string) => {
      const obj = get(doc, p) as Record<string, Json>;
      const entries: [string, Json][] = Object.keys(obj).map((k) => [k, obj[k]!]);
      const token = `@@member${raws.length}@@`;
      entries.splice(r.int(entries.length + 1), 0, [token, 0]);
      for (const [k] of entries) delete obj[k];
      for (const [k, value] of entries)
        Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
      raws.push([`"${token}":0`, memberText]);
    };

    // One or two structural mutations, drawn per mille: wrong type 175, delete 80, huge array 5, unknown
    // key 130, deep nesting 40, 10 MB string 15, 1M-char string 10, prototype-named key 160, NaN-like
    // string 120, duplicated key 160, none 105; then, for texts under 100 KB, maybe one text mutation.
    const mutations = 1 + r.int(2);
    for (let m = 0; m < mutations; m++) {
      const kind = r.int(1000);
      if (kind < 175) {
        const p = anyPath();
        if (!p) continue;
        if (r.int(3) === 0) {
          const raw = r.pick(RAW_VALUES);
          set(doc, p, placeholder(raw));
          labels.push(`raw ${raw} at ${p.join('.')}`);
        } else {
          const v = r.pick(VALUES);
          set(doc, p, structuredClone(v));
          labels.push(`${JSON.stringify(v).slice(0, 20)} at ${p.join('.')}`);
        }
      } else if (kind < 255) {
        const p = anyPath();
        if (!p) continue;
        const parent = get(doc, p.slice(0, -1));
        if (Array.isArray(parent)) parent.splice(p[p.length - 1] as number, 1);
        else delete (parent as Record<string, Json>)[p[p.length - 1]!];
        labels.push(`delete ${p.join('.')}`);
      } else if (kind < 260) {
        const p = anyPath();
        if (!p) continue;
        const h = r.int(bigValues().huge.length);
        set(doc, p, placeholder(bigValues().huge[h]!));
        labels.push(`huge array #${h} at ${p.join('.')}`);
      } else if (kind < 390) {
        const p = objectPath();
        const key = r.pick(UNKNOWN_KEYS);
        const v = r.pick(VALUES);
        insertMember(p, `${JSON.stringify(key)}:${JSON.stringify(v)}`);
        labels.push(`key ${JSON.stringify(key).slice(0, 20)} in ${p.join('.') || '(root)'}`);
      } else if (kind < 430) {
        const p = r.int(4) === 0 ? [r.pick(['format', 'version', 'rubric', 'answers', 'profile'])] : anyPath();
        if (!p) continue;
        const d = r.int(bigValues().deep.length);
        set(doc, p, placeholder(bigValues().deep[d]!));
        labels.push(`deep #${d} at ${p.join('.')}`);
      } else if (kind < 445) {
        const p = anyPath();
        if (!p) continue;
        set(doc, p, placeholder(bigValues().tenMb));
        labels.push(`10 MB string at ${p.join('.')}`);
      } else if (kind < 455) {
        // large but under the size limit: accepted where text is free (unknown keys), refused where limited
        const p = r.int(2) ? ['x-big'] : anyPath();
        if (!p) continue;
        set(doc, p, placeholder(bigValues().oneMb));
        labels.push(`1M-char string at ${p.join('.')}`);
      } else if (kind < 615) {
        const p = objectPath();
        const key = r.pick(PROTO_KEYS);
        const value = r.pick([...RAW_VALUES.slice(0, 8), '{"polluted":1}', '1', '"x"', 'null', '[]']);
        insertMember(p, `"${key}":${value}`);
        labels.push(`${key}:${value} in ${p.join('.') || '(root)'}`);
      } else if (kind < 735) {
        const p = anyPath();
        if (!p) continue;
        const s = r.pick(NAN_STRINGS);
        set(doc, p, s);
        labels.push(`${JSON.stringify(s)} at ${p.join('.')}`);
      } else if (kind < 895) {
        const p = objectPath();
        const keys = Object.keys(get(doc, p) as object);
        if (!keys.length) continue;
        const key = r.pick(keys);
        const value = r.int(2) ? JSON.stringify(get(doc, [...p, key])) : r.pick(RAW_VALUES);
        insertMember(p, `${JSON.stringify(key)}:${value}`);
        labels.push(`duplicate key ${key}=${value.slice(0, 20)} in ${p.join('.') || '(root)'}`);
      }
      // else: no structural change (text mutations below)
    }

    let text = JSON.stringify(doc);
    for (const [needle, raw] of raws) {
      const at = text.indexOf(needle);
      if (at >= 0) text = text.slice(0, at) + raw + text.slice(at + needle.length);
    }

    if (text.length < 100_000) {
      const t = r.int(100);
      if (t < 8) {
        const cut = r.int(text.length);
        text = text.slice(0, cut);
        labels.push(`truncated at ${cut}`);
      } else if (t < 20) {
        const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
        if (numbers.length) {
          const hit = r.pick(numbers);
          const token = r.pick(NUMBER_TOKENS);
          text = text.slice(0, hit.index) + token + text.slice(hit.index + hit[0].length);
          labels.push(`number ${hit[0]} → ${token} at ${hit.index}`);
        }
      } else if (t < 23) {
        text = '  \n' + text + '\n\t ';
        labels.push('whitespace');
      }
    }
    return { label: `#${index}: ${labels.join('; ') || 'unchanged'}`, text };
  };
}
