/**
 * The cohort's Excel exports, read back: the per-enterprise sheet holds exactly the rows and columns of
 * the per-enterprise CSV (the CLI's `--csv`), the summary sheets exactly the summary CSV's cells, small
 * groups suppressed the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEVELS,
  allScenarios,
  csvCell,
  detailCsv,
  detailTable,
  distribution,
  getRubric,
  latestPerEnterprise,
  scenarioHeatmap,
  summaryCsv,
  summaryTables,
  type WeightedRubric,
} from '../../src/domain/index';
import { scoreFiles, type InputFile } from '../../src/state/cohort/score-files';
import { cohortDetailWorkbook, cohortSummaryWorkbook } from '../../src/report/xlsx/cohort-workbook';
import { writeXlsx } from '../../src/report/xlsx/write-xlsx';
import { unzip, xlsxSheets } from './office-xml';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');
const rubric = getRubric('cn-sme-2024') as WeightedRubric;
const scenarioIds = allScenarios(rubric).map((s) => s.id);
const encoder = new TextEncoder();
const input = (source: string, text: string): InputFile => {
  const bytes = encoder.encode(text);
  return { source, size: bytes.length, bytes: async () => bytes };
};
/** Six enterprises of one industry, two of another (a group below 5), varied answers. */
function files(): InputFile[] {
  const out: InputFile[] = [];
  for (let i = 0; i < 8; i++) {
    const d = JSON.parse(fixture);
    d.profile = { ...d.profile, name: `企业, "${i}"`, industry: i < 6 ? 'food-beverage' : 'pharma' };
    d.answers.q2 = i % 5;
    out.push(input(`d/e-${i}.json`, JSON.stringify(d)));
  }
  out.push(input('d/bad.json', '{"format": '));
  out.push(input('d/copy.json', JSON.stringify({ ...JSON.parse(fixture), profile: JSON.parse(fixture).profile })));
  out.push(
    input('d/copy-again.json', JSON.stringify({ ...JSON.parse(fixture), profile: JSON.parse(fixture).profile })),
  );
  return out;
}

async function sheetsOf(book: Parameters<typeof writeXlsx>[0]) {
  const blob = await writeXlsx(book);
  return xlsxSheets(unzip(new Uint8Array(await blob.arrayBuffer())));
}
/** A sheet's rows (below its title line) as CSV lines, so they compare with the CSV export byte for byte. */
const asCsv = (rows: (string | number)[][], columns: number) =>
  rows.map((r) => Array.from({ length: columns }, (_, i) => csvCell(String(r[i] ?? ''))).join(','));

describe('cohort Excel export', () => {
  it('the per-enterprise sheet is the per-enterprise CSV (the CLI columns), numbers as numbers', async () => {
    const out = (await scoreFiles(files()))!;
    const table = detailTable(out.members, out.invalid, out.duplicates, scenarioIds);
    const sheets = await sheetsOf(cohortDetailWorkbook(table, '企业明细', '区试点'));
    const rows = sheets.get('企业明细')!;
    expect(rows[0]![0]).toBe('区试点');
    const csv = detailCsv(out.members, out.invalid, out.duplicates, scenarioIds).trimEnd().split('\n');
    expect(asCsv(rows.slice(1), table.head.length)).toEqual(csv);
    expect(rows).toHaveLength(2 + files().length); // one row per file: the invalid one and both copies included
    const first = rows.find((r) => r[0] === 'd/e-0.json')!;
    expect(typeof first[table.head.indexOf('score')]).toBe('number');
    expect(typeof first[table.head.indexOf('level')]).toBe('number');
  });

  it('the summary sheets hold the summary CSV, groups below the threshold without numbers', async () => {
    const out = (await scoreFiles(files()))!;
    const labels = {
      section: '分组',
      group: '组',
      levels: LEVELS.map((l) => `L${l}`),
      total: '合计',
      scenario: '场景',
      constraint: '★',
    };
    const args = [
      (['all', 'industry'] as const).map((g) => ({ title: g, rows: distribution(out.members, g) })),
      {
        rows: scenarioHeatmap(out.members, allScenarios(rubric)),
        enterprises: latestPerEnterprise(out.members).length,
        names: (id: string) => id,
      },
      labels,
      (_: string, value: string) => value,
      5,
    ] as const;
    const tables = summaryTables(...args);
    const sheets = await sheetsOf(cohortSummaryWorkbook(tables, { distribution: '分布', heatmap: '热力' }, 'x'));
    const [distCsv, heatCsv] = summaryCsv(...args)
      .trimEnd()
      .split('\n\n');
    expect(asCsv(sheets.get('分布')!.slice(1), tables.distribution.head.length)).toEqual(distCsv!.split('\n'));
    expect(asCsv(sheets.get('热力')!.slice(1), tables.heatmap.head.length)).toEqual(heatCsv!.split('\n'));
    // pharma has 2 enterprises: named, no numbers; food-beverage (7) keeps its numbers
    const dist = sheets.get('分布')!;
    const pharma = dist.find((r) => r[1] === 'pharma')!;
    expect(pharma.slice(2).filter((c) => c !== '')).toEqual([]);
    const food = dist.find((r) => r[1] === 'food-beverage')!;
    expect(food[2 + LEVELS.length]).toBe(7);
  });
});
