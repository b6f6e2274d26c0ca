/**
 * Issue 15, fault 9: file names by enterprise, assessment year and kind (no "-·-", the day kept, two years
 * never the same name); a 0 % complete assessment says 未完成 instead of a level; English units read after a
 * number ("8,000 × 10,000 yuan"); the automatic labels shown in the current language.
 */
import { describe, expect, it } from 'vitest';
import { exportFileName, assessmentFileName } from '../../src/ui/download';
import { toRow } from '../../src/ui/components/home/rows';
import { shownLabel } from '../../src/i18n/labels';
import { setLanguage, t } from '../../src/i18n/index.svelte';
import { getRubric, questionsOf, newAssessmentFile } from '../../src/domain/index';
import type { StoredAssessment } from '../../src/db/database';

const DAY = Date.parse('2026-11-30T10:00:00.000Z');

describe('export file names', () => {
  it('name enterprise, assessment year, kind and day, without "-·-"', () => {
    expect(exportFileName({ enterprise: '华东电器测试公司', year: 2026, kind: '评测报告', day: DAY }, 'pdf')).toBe(
      '华东电器测试公司-2026-评测报告-2026-11-30.pdf',
    );
    // a title-like name with a middle dot and spaces collapses to single dashes
    expect(exportFileName({ enterprise: ' 自评报告 · 华东电器 ', year: 2026, kind: 'report', day: DAY }, 'pdf')).toBe(
      '自评报告-华东电器-2026-report-2026-11-30.pdf',
    );
  });

  it('give 2026 and 2027 different names, and keep the day of a long English name', () => {
    const a = assessmentFileName('Huadong Electrical Appliances Testing Company Limited', 2026, 'assessment', DAY);
    const b = assessmentFileName('Huadong Electrical Appliances Testing Company Limited', 2027, 'assessment', DAY);
    expect(a).not.toBe(b);
    expect(a).toMatch(/-2026-assessment-2026-11-30\.json$/);
    expect(exportFileName({ enterprise: 'x'.repeat(200), year: 2027, kind: 'report', day: DAY }, 'pdf')).toMatch(
      /-2027-report-2026-11-30\.pdf$/,
    );
  });

  it('take the day in China Standard Time', () => {
    // 23:30 UTC on 30 November is 1 December in Beijing
    const late = Date.parse('2026-11-30T23:30:00.000Z');
    expect(exportFileName({ enterprise: 'a', kind: 'backup', day: late }, 'json')).toBe('a-backup-2026-12-01.json');
  });
});

describe('home rows', () => {
  it('say 未完成 for an assessment with nothing answered, not 未达一级', () => {
    setLanguage('zh-CN');
    const record = (answers: Record<string, number>): StoredAssessment => {
      const file = newAssessmentFile('cn-sme-2024', { year: 2026, name: '甲' });
      file.answers = answers;
      return { id: 'r', file, createdAt: DAY, updatedAt: DAY, revision: 1, enterpriseId: 'e', writer: 'w' };
    };
    expect(toRow(record({})).level).toBe('未完成');
    expect(toRow(record({})).completeness).toBe(0);
    expect(toRow(record({ q8: 0 })).level).toBe('未达一级');
  });
});

describe('English units and labels', () => {
  it('every English unit of a numeric field reads after a number ("8,000 × 10,000 yuan")', () => {
    const units = questionsOf(getRubric('cn-sme-2024')!).flatMap((q) => (q.numericFields ?? []).map((f) => f.unit?.en));
    const bare = units.filter((u) => u !== undefined && /^\d/.test(u));
    expect(bare).toEqual([]);
    expect(units).toContain('× 10,000 yuan');
  });

  it('show the automatic labels in the current language, a typed label as typed', () => {
    setLanguage('en');
    expect(shownLabel('2027 年度复评', t)).toBe('2027 re-assessment');
    expect(shownLabel('2026 年复评（副本）', t)).toBe('2026 re-assessment (copy)');
    expect(shownLabel('我们的 2027 年度复评', t)).toBe('我们的 2027 年度复评');
    setLanguage('zh-CN');
    expect(shownLabel('2027 re-assessment', t)).toBe('2027 年度复评');
  });
});
