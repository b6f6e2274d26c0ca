import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchWithPage, screenshot, ARTIFACTS } from './browser';
import { axeViolations } from './axe';
import { stepIds } from './wait';
import { evaluate, getRubric, validateAssessment, displayScore } from '../../src/domain/index';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));

/** Options to click per item (label text as printed); q2/q3 come from the numeric helpers. */
const CLICKS: Record<string, string[]> = {
  q1: [
    '企业车间建成工控网络，支持自动化控制应用',
    '企业建成应用系统网络，实现大规模设备、人员与信息系统互联，可支持大规模设备、人员与信息系统互联',
    '企业建设/租用5G工业网络，支撑系统互联和网络协同应用，满足AGV、工业互联网等规模化移动应用场景需求',
    '网络全面覆盖生产现场与环节，具备未来智能化新应用的扩展能力',
  ],
  q4: [
    '产品设计',
    '计划排程',
    '安全生产',
    '财务管理',
    '工艺设计',
    '生产管控',
    '能耗管理',
    '人力资源',
    '营销管理',
    '质量管理',
    '采购管理',
    '售后服务',
    '设备管理',
    '仓储物流',
  ],
  q5: ['全覆盖'],
  q6: [
    '建立了网络安全管理制度',
    '使用了网络安全产品及服务（如防火墙、网络分区、入侵检测、身份认证等）',
    '自行或委托专业评估机构实施网络安全风险评估',
    '建立网络边界安全访问控制能力，及网络关键节点入侵检测和恶意代码检测能力',
  ],
  q7: [
    '建立了数据安全管理制度',
    '使用了数据安全产品及服务（如数据加密、数据备份与恢复、数据脱敏、数据分级分类保护等）',
    '自行或委托专业评估机构实施数据安全风险评估',
    '建立数据台账（类型、用途、数量、数据源单位、使用单位等），定期开展数据安全保障能力核验',
  ],
  q8: ['无'],
  q9: ['无'],
  q10: ['无'],
  q11: ['[0-10%]'],
  q12: ['降低'],
  q13: ['降低'],
  q14: ['增加'],
  q15: ['增加'],
};

async function clickOption(page: Page, q: string, label: string) {
  await page.locator(`#question-${q}`).getByLabel(label, { exact: true }).check();
}

describe.skipIf(!CHROMIUM)('questionnaire end to end (zh-CN, then English)', () => {
  let ctx: BrowserContext;
  let page: Page;
  const base = () => inject('baseUrl');
  beforeAll(async () => {
    ({ ctx, page } = await launchWithPage({ locale: 'zh-CN' }));
  });
  afterAll(async () => ctx?.close());

  it('creates an assessment, answers everything by clicking and typing, and gets the engine level', async () => {
    await page.goto(base());
    await page.getByRole('button', { name: '新建评测' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByLabel('企业名称（可选）').fill('示例食品有限公司');
    await page.getByLabel('所属行业').selectOption('food-beverage');
    await page.getByLabel('企业规模类型').selectOption('above-scale');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'profile-zh-CN');
    await page.getByRole('link', { name: '开始答题 →' }).click();

    // numeric helpers: 80 of 100 digitised → (60%,100%]; 70 networked → (60%,100%]
    await page.getByLabel('生产设备数量（台）', { exact: true }).fill('100');
    await page.getByLabel('实现数字化的生产设备数量（台）').fill('80');
    await page.getByLabel('实现联网的生产设备数量（台）').fill('70');
    await expect.poll(() => page.locator('#question-q2').getByLabel('(60%,100%]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('#question-q3').getByLabel('(60%,100%]').isChecked()).toBe(true);
    let ids: string[] = [];
    for (let step = 0; step < 9; step++) {
      ids = await stepIds(page, 'fieldset.question', 'question-', ids);
      for (const q of ids) for (const label of CLICKS[q] ?? []) await clickOption(page, q, label);
      if (step === 0) {
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'questions-zh-CN');
      }
      if (step < 8) await page.getByRole('link', { name: '下一步 →' }).click();
    }
    await expect.poll(() => page.getByText('已回答 15 / 15 题').isVisible()).toBe(true);
    await page.getByRole('link', { name: '填写业务场景 →' }).click();

    ids = [];
    for (let group = 0; group < 4; group++) {
      ids = await stepIds(page, 'fieldset.scenario', 'scenario-', ids);
      for (const id of ids) {
        const checks: boolean[] = fixture.scenarios[id] ?? [false, false, false, false];
        for (let i = 0; i < 4; i++)
          if (checks[i]) await page.locator(`#scenario-${id} input[type=checkbox]`).nth(i).check();
      }
      if (group === 3) {
        await expect
          .poll(() => page.locator('#scenario-hr').innerText())
          .toContain('三级已勾选但二级未满足 → 按一级计');
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'scenarios-zh-CN');
      }
      await page.getByRole('link', { name: group < 3 ? '下一步 →' : '查看结果 →' }).click();
    }

    const rubric = getRubric('cn-sme-2024')!;
    const expected = evaluate(rubric, fixture);
    expect(expected.level).toBe(3);
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('三级');
    expect(await page.getByTestId('total-score').innerText()).toBe(String(displayScore(expected.score.total)));
    expect(await page.getByTestId('failing').innerText()).toContain('需 10 个场景达到四级，当前 1 个');
    await page.waitForTimeout(500);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-zh-CN');
  });

  it('restores everything after a reload', async () => {
    await page.waitForTimeout(400);
    await page.reload();
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('三级');
    await page.getByRole('link', { name: '评测题' }).click();
    await expect.poll(() => page.getByLabel('实现数字化的生产设备数量（台）').inputValue()).toBe('80');
  });

  it('exports the file and imports it back with the same result; a broken file changes nothing', async () => {
    await page.getByRole('link', { name: '我的评测' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-zh-CN');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^导出“/ }).click(),
    ]);
    const path = join(ARTIFACTS, 'exported.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    const checked = validateAssessment(exported, getRubric);
    expect(checked.ok).toBe(true);
    expect(exported.answers).toEqual(fixture.answers);
    expect(exported.scenarios).toEqual(fixture.scenarios);

    // the same file again is recognised as a duplicate and skipped
    await page.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => page.getByText('新导入 0 份评测，跳过重复 1 份').count()).toBe(1);
    expect(await page.getByTestId('assessment-row').count()).toBe(1);
    // a backup of everything, then delete, then restore: the same result comes back
    const [backupDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出全部（备份）' }).click(),
    ]);
    const backupPath = join(ARTIFACTS, 'backup.json');
    await backupDownload.saveAs(backupPath);
    await page.getByRole('button', { name: /^删除“/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(0);
    await page.locator('input[type=file]').setInputFiles(backupPath);
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);
    // and the single exported file imports as a new assessment next to it once the copy differs
    writeFileSync(path, JSON.stringify({ ...exported, digilevel: { ...exported.digilevel, meta: {} } }));
    await page.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(2);
    const rows = await page.getByTestId('assessment-row').allInnerTexts();
    expect(rows.every((r) => r.includes('三级') && r.includes('示例食品有限公司'))).toBe(true);
    // without its meta the copy is another enterprise of the same name: both groups say so
    expect(await page.getByTestId('enterprise-group').count()).toBe(2);
    expect(await page.getByTestId('same-name').allInnerTexts()).toEqual([
      expect.stringMatching(/^另有一组同名评测，属于另一家企业（这一组的第一份评测创建于 \d{4}年/),
      expect.stringMatching(/^另有一组同名评测，属于另一家企业/),
    ]);

    const broken = join(ARTIFACTS, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...exported, answers: { ...exported.answers, q1: [0, 1] } }));
    await page.locator('input[type=file]').setInputFiles(broken);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('answers.q1：“无”不能与其他选项同时选择。');
    expect(await page.getByTestId('assessment-row').count()).toBe(2);
  });

  it('switches to English, remembers it, and every screen passes axe', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('Assessments on this device');
    await page.reload();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('Assessments on this device');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-en');
    await page.getByTestId('assessment-row').first().getByRole('link').first().click();
    for (const [tab, name] of [
      ['Profile', 'profile-en'],
      ['Items', 'questions-en'],
      ['Scenarios', 'scenarios-en'],
      ['Results', 'results-en'],
    ] as const) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await page.waitForTimeout(300);
      expect(await axeViolations(page), tab).toEqual([]);
      await screenshot(page, name);
    }
    expect(await page.getByTestId('overall-level').innerText()).toBe('Level 3');
    await page.getByRole('link', { name: 'Rubric', exact: true }).click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('works on a 360 px wide phone screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('link', { name: 'My assessments' }).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-en-360px');
  });
});
