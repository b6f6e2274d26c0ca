import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import data from '../../rubrics/sd-chenxing-2022/rubric.json';
import { ChecklistRubric } from '../../src/domain/rubric/checklist-schema';
import type { LocalizedText } from '../../src/domain/rubric/schema';
import { HAVE_SEEDS, seedText, squash } from '../seeds';

const SEED = '002_1d3786b8b01552d4.txt';

/** Every LocalizedText in the rubric with its path. */
function texts(node: unknown, path = ''): [string, LocalizedText][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => texts(x, `${path}.${i}`));
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here: [string, LocalizedText][] = typeof o['zh-CN'] === 'string' ? [[path, o as LocalizedText]] : [];
    return [...here, ...Object.entries(o).flatMap(([k, x]) => texts(x, `${path}.${k}`))];
  }
  return [];
}

/**
 * Read by hand from attachment 5 of the seed: items per category in table order, and the ★ printed in
 * each row (the leading empty cells of every row agree: 5 − n, or 6 − n in rows laid out across lines).
 */
const EXPECTED: Record<string, { items: number; stars: number[] }> = {
  'top-level-planning': { items: 8, stars: [5, 3, 3, 5, 1, 3, 2, 3] },
  'factory-data-collection': { items: 11, stars: [5, 3, 4, 4, 3, 3, 1, 2, 3, 3, 3] },
  'network-upgrade': { items: 3, stars: [5, 5, 5] },
  'factory-data-governance': { items: 3, stars: [3, 3, 4] },
  'digital-applications': {
    items: 47,
    stars: [
      // 数字化研发 (18)
      4, 3, 4, 3, 2, 0, 2, 1, 1, 4, 1, 4, 4, 3, 2, 1, 1, 1,
      // 数字化生产 (9)
      2, 5, 5, 4, 3, 1, 1, 2, 2,
      // 数字供应链 (10)
      5, 4, 3, 2, 1, 5, 4, 1, 2, 4,
      // 数字化营销 (4), 数字化服务 (4), 企业数字大脑 (2)
      1, 1, 4, 4, 4, 3, 2, 1, 3, 4,
    ],
  },
  'digital-dual-carbon': { items: 4, stars: [4, 4, 3, 2] },
  'safety-security-control': { items: 3, stars: [5, 5, 5] },
};

/** Items whose reading we doubt and explain in a note. */
const NOTED = [
  'resource-planning',
  'data-management-capability',
  '2d-product-design',
  'rd-time-cost-prediction',
  'rd-ar-vr',
  'process-design-optimisation',
  '3d-process-design',
  'production-control-platform',
  'quality-management',
  'production-ar-vr',
  'supply-chain-management-platform',
  'supply-chain-digital-level',
  'market-forecasting',
  'sales-management',
  'enterprise-digital-twin',
  'information-security',
];

const parsed = v.safeParse(ChecklistRubric, data);
const rubric = parsed.output as ChecklistRubric;
const items = () => rubric.categories.flatMap((c) => c.indicators.flatMap((i) => i.items));

describe('sd-chenxing-2022 rubric data', () => {
  it('validates against the required-checklist schema', () => {
    expect(parsed.issues?.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)).toBeUndefined();
    expect(parsed.success).toBe(true);
  });

  it('has the seven categories of attachment 5 with the item counts and ★ read from the seed', () => {
    const actual = Object.fromEntries(
      rubric.categories.map((c) => {
        const its = c.indicators.flatMap((i) => i.items);
        return [c.id, { items: its.length, stars: its.map((it) => it.stars) }];
      }),
    );
    expect(actual).toEqual(EXPECTED);
    expect(items()).toHaveLength(79);
  });

  it('reads the stars cumulatively: n ★ = required from level 6 − n, none = optional', () => {
    for (const it of items()) expect(it.requiredFrom, it.id).toBe(it.stars === 0 ? null : 6 - it.stars);
    expect(
      items()
        .filter((it) => it.requiredFrom === null)
        .map((it) => it.id),
    ).toEqual(['rd-time-cost-prediction']);
    expect(rubric.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has the first-level indicators of the table', () => {
    expect(rubric.categories.map((c) => c.indicators.map((i) => i.name['zh-CN']))).toEqual([
      ['工厂规划', '战略规划'],
      ['工业数据采集', '设备数字化', '产品数字化', '产线数字化'],
      ['基础设施', '企业信息网', '企业生产网'],
      ['数据标识', '数据治理'],
      ['数字化研发', '数字化生产', '数字供应链', '数字化营销', '数字化服务', '企业数字大脑'],
      ['绿色低碳'],
      ['工厂安全'],
    ]);
  });

  it('lists the numbered requirements of an explanation as parts', () => {
    for (const it of items()) {
      const numbered = (it.explanation['zh-CN'].match(/[0-9]、/g) ?? []).length;
      // 研发 AR/VR 应用 starts with 「1、」 and has no second point: kept whole, no parts.
      expect(it.parts?.length ?? (numbered === 1 ? 1 : 0), it.id).toBe(numbered);
      if (it.parts) expect(it.parts.map((p) => p['zh-CN']).join(''), it.id).toBe(it.explanation['zh-CN']);
    }
  });

  it('notes our doubts where the reading is uncertain, and names the one unnamed row ourselves', () => {
    expect(
      items()
        .filter((it) => it.note)
        .map((it) => it.id),
    ).toEqual(NOTED);
    expect(
      items()
        .filter((it) => !it.name)
        .map((it) => it.id),
    ).toEqual(['enterprise-digital-twin']);
  });

  it('describes the data-readiness form of attachment 1', () => {
    const f = Object.fromEntries(rubric.readiness.fields.map((x) => [x.id, x]));
    expect(rubric.readiness.fields).toHaveLength(25);
    expect(f['protocols']?.options?.map((o) => o.id)).toEqual(['opc-ua-da', 'modbus', 'profibus', 'canbus', 'other']);
    expect(f['network-technologies']?.options?.map((o) => o.id)).toEqual([
      '5g',
      'f5g',
      'pon',
      'tsn',
      'wifi6',
      'nb-iot',
      'lora',
      'industrial-ethernet',
      'other',
    ]);
    expect(f['dcmm-level']).toMatchObject({ kind: 'single', onlyIf: 'dcmm-certified' });
    expect(f['equipment-count']?.kind).toBe('number');
  });

  it('has every text in both languages, English without Chinese', () => {
    const all = texts(data);
    expect(all.length).toBeGreaterThan(250);
    for (const [path, t] of all) {
      expect(t['zh-CN'].trim(), path).not.toBe('');
      expect(t.en.trim(), path).not.toBe('');
      expect(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(t.en), `${path}: ${t.en}`).toBe(false);
    }
  });

  it.skipIf(!HAVE_SEEDS)(`quotes the seed verbatim (all official zh-CN text occurs in seed ${SEED})`, () => {
    const seed = seedText(SEED);
    const ours = /(\.(note|nameSupplied|plain)$|^\.interpretations\.|^\.levelRule$)/;
    const checked = texts(data).filter(([path]) => !ours.test(path));
    expect(checked.length).toBeGreaterThan(200);
    const missing = checked
      .filter(([, t]) => !seed.includes(squash(t['zh-CN'])))
      .map(([path, t]) => `${path}: ${t['zh-CN']}`);
    expect(missing).toEqual([]);
  });

  it.skipIf(!HAVE_SEEDS)('has as many ★ in attachment 5 as the rubric has stars', () => {
    const seed = seedText(SEED);
    const table = seed.slice(seed.indexOf('附件5山东省数字经济“晨星工厂”建设参考指标'), seed.lastIndexOf('说明：'));
    const printed = (table.match(/★/g) ?? []).length;
    expect(items().reduce((a, it) => a + it.stars, 0)).toBe(printed);
  });
});

describe('required-checklist schema cross-checks', () => {
  const clone = () => structuredClone(data) as any;
  const messages = (x: unknown) => (v.safeParse(ChecklistRubric, x).issues ?? []).map((i) => i.message);

  it('rejects requiredFrom that disagrees with the stars', () => {
    const r = clone();
    r.categories[0].indicators[0].items[0].requiredFrom = 2;
    expect(messages(r)).toEqual(['categories.0.indicators.0.items.0.requiredFrom: 5 stars read cumulatively give 1']);
  });

  it('rejects duplicate ids, a part not in the explanation and an item without a name', () => {
    const r = clone();
    r.categories[0].indicators[0].items[1].id = 'lean-factory-layout';
    r.categories[4].indicators[1].items[0].parts[0]['zh-CN'] = '不在说明里';
    delete r.categories[0].indicators[0].items[2].name;
    expect(messages(r)).toEqual([
      'categories.0.indicators.0.items.1.id: duplicate id lean-factory-layout',
      'categories.0.indicators.0.items.2: needs exactly one of name and nameSupplied',
      'categories.4.indicators.1.items.0.parts.0: not part of the explanation',
    ]);
  });

  it('rejects unknown references in interpretations and readiness fields', () => {
    const r = clone();
    r.interpretations[0].appliesTo = ['no-such-item'];
    r.readiness.fields[0].group = 'nowhere';
    r.readiness.fields[1].onlyIf = 'equipment-count';
    expect(messages(r)).toEqual([
      'readiness.fields.0.group: unknown group nowhere',
      'readiness.fields.1.onlyIf: onlyIf must name a boolean field',
      'interpretations.0.appliesTo.0: unknown reference no-such-item',
    ]);
  });
});
