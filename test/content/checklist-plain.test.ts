/** Issue 16, item 2 for the 晨星工厂 rubric: every item carries our one-line plain question in both languages. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checklistItems, type ChecklistRubric } from '../../src/domain/index';
import { checkAnyRubric } from '../../src/domain/rubric/parse-any';

const file = 'rubrics/sd-chenxing-2022/rubric.json';
const data = () => JSON.parse(readFileSync(file, 'utf8')) as ChecklistRubric;
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;

describe('plain questions of sd-chenxing-2022', () => {
  it('every item has one in Chinese and English, one line, not the official wording', () => {
    const rubric = data();
    const items = checklistItems(rubric);
    expect(items.length).toBe(79);
    const bad: string[] = [];
    for (const { item } of items) {
      const zh = item.plain?.['zh-CN']?.trim();
      const en = item.plain?.en?.trim();
      if (!zh || !en) bad.push(`${item.id}: missing`);
      else {
        if (!CHINESE.test(zh)) bad.push(`${item.id}: zh-CN not Chinese`);
        if (CHINESE.test(en)) bad.push(`${item.id}: en has Chinese`);
        if (zh === item.explanation['zh-CN'].trim() || zh === item.name?.['zh-CN']) bad.push(`${item.id}: official`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('validation names a plain question that copies the official text or spans two lines', () => {
    const rubric = data();
    const item = rubric.categories[0]!.indicators[0]!.items[0]!;
    item.plain = { 'zh-CN': item.explanation['zh-CN'], en: 'one\ntwo' };
    const result = checkAnyRubric(rubric, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'categories.0.indicators.0.items.0.plain.zh-CN: repeats the official text; write it in plain words',
      'categories.0.indicators.0.items.0.plain.en: must be one line',
    ]);
    expect(checkAnyRubric(data(), file).ok).toBe(true);
  });
});
