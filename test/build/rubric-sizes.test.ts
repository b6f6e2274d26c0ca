/**
 * Home's start button and the prerendered shell say how long a new assessment takes from sizes the build computes
 * (build/rubric-sizes.ts), so a first visit loads no rubric. The sizes must be what the app computes from the
 * loaded rubric, and a broken rubric must stop the build with its file, path and problem.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sizes from 'virtual:rubric-sizes';
import { rubricSizesOf } from '../../build/rubric-sizes-of';
import { bundledRubricSizes } from '../../build/rubric-sizes';
import { getRubric, loadRubric, RubricError } from '../../src/domain/index';
import { minutesLeft } from '../../src/domain/owner/estimate';

const RUBRICS = join(import.meta.dirname, '..', '..', 'rubrics');
const temp = mkdtempSync(join(tmpdir(), 'rubric-sizes-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the rubric sizes computed at build time', () => {
  it('count the national rubric’s 15 items and 16 scenarios: a new assessment takes about 10 minutes', async () => {
    const built = rubricSizesOf(RUBRICS);
    expect(built.sizes).toEqual({ 'cn-sme-2024': { questions: 15, scenarios: 16 } }); // 晨星工厂 is a checklist
    expect(built.newAssessmentMinutes).toBe(10); // 15 × 24 s + 16 × 12 s = 552 s
    await loadRubric('cn-sme-2024');
    expect(minutesLeft(getRubric('cn-sme-2024')!)).toBe(built.newAssessmentMinutes);
  });

  it('are what the app imports, and what the build reads through Vite’s module runner', async () => {
    expect(sizes).toEqual(rubricSizesOf(RUBRICS).sizes);
    expect(await bundledRubricSizes()).toEqual(rubricSizesOf(RUBRICS));
  });

  it('stop the build at a broken rubric, naming its file, path and problem', () => {
    const root = join(temp, 'broken');
    cpSync(join(RUBRICS, 'cn-sme-2024'), join(root, 'cn-sme-2024'), { recursive: true });
    const file = join(root, 'cn-sme-2024', 'rubric.json');
    const rubric = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: { weight: number }[] };
    rubric.dimensions[0]!.weight += 1;
    writeFileSync(file, JSON.stringify(rubric));
    expect(() => rubricSizesOf(root)).toThrow(RubricError);
    expect(() => rubricSizesOf(root)).toThrow(/rubrics\/cn-sme-2024\/rubric\.json.*dimensions/);
  });

  it('stop the build when the default rubric is missing', () => {
    const root = join(temp, 'without-default');
    cpSync(join(RUBRICS, 'sd-chenxing-2022'), join(root, 'sd-chenxing-2022'), { recursive: true });
    expect(() => rubricSizesOf(root)).toThrow('no weighted rubric cn-sme-2024 (the default)');
  });
});
