import { describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, pageForEach, screenshot, ARTIFACTS } from './browser';
import { axeViolations } from './axe';
import { clickRoute, gotoRoute, stepIds, waitRoute, waitSaved } from './wait';
import { seed } from './seed';
import { evaluate, getRubric, validateAssessment, displayScore } from '../../src/domain/index';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid-level3.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const NAME = '示例食品有限公司';
/** An enterprise's 2026 assessment and its 2027 re-assessment (a backup exported by the app). */
const PAIR = join(import.meta.dirname, '../fixtures/progress-pair.json');
const PAIR_ENTERPRISE = JSON.parse(readFileSync(PAIR, 'utf8')).assessments[0].digilevel.meta.enterpriseId as string;
const CHECKLIST = join(import.meta.dirname, '../fixtures/chenxing-level2.json');

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
  // an empty browser context per test, seeded by the test: none depends on another's data, language or page
  const browser = pageForEach({ locale: 'zh-CN' });

  it('creates an assessment, answers everything by clicking and typing, and gets the engine level', async () => {
    const { page } = browser;
    await gotoRoute(page, inject('baseUrl'), '本机上的评测');
    await page.getByRole('button', { name: '新建评测' }).click();
    await clickRoute(page, page.getByRole('dialog').getByRole('button', { name: '创建' }), '企业概况');
    await page.getByLabel('企业名称（可选）').fill(NAME);
    await page.getByLabel('所属行业').selectOption('food-beverage');
    await page.getByLabel('企业规模类型').selectOption('above-scale');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'profile-zh-CN');
    await clickRoute(page, page.getByRole('link', { name: '开始答题 →' }), '设备系统');

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
        // level by level (the fixture has gaps the quick pick cannot enter): open 逐级勾选 first
        if (checks.some(Boolean)) await page.locator(`#scenario-${id} summary`).first().click();
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
    await waitRoute(page, '评测结果');
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('三级');
    expect(await page.getByTestId('total-score').innerText()).toBe(String(displayScore(expected.score.total)));
    expect(await page.getByTestId('failing').innerText()).toContain('需 10 个场景达到四级，当前 1 个');
    // the radar and the scenario chart are drawn after the text: check the finished screen
    await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-zh-CN');
  });

  it('restores everything after a reload', async () => {
    const { page } = browser;
    const [id] = await seed(page, FIXTURE, NAME);
    await gotoRoute(page, `#/a/${id}/questions/equipment-systems`, '设备系统');
    // 50 of 100 digitised → (40%,60%]; 30 networked → (20%,40%]
    await page.getByLabel('生产设备数量（台）', { exact: true }).fill('100');
    await page.getByLabel('实现数字化的生产设备数量（台）').fill('50');
    await page.getByLabel('实现联网的生产设备数量（台）').fill('30');
    await expect.poll(() => page.locator('#question-q3').getByLabel('(20%,40%]').isChecked()).toBe(true);
    await waitSaved(page);
    await page.reload();
    await waitRoute(page, '设备系统');
    expect(await page.getByLabel('实现数字化的生产设备数量（台）').inputValue()).toBe('50');
    expect(await page.getByLabel('实现联网的生产设备数量（台）').inputValue()).toBe('30');
    expect(await page.locator('#question-q2').getByLabel('(40%,60%]').isChecked()).toBe(true);
    expect(await page.locator('#question-q3').getByLabel('(20%,40%]').isChecked()).toBe(true);
    const expected = evaluate(getRubric('cn-sme-2024')!, {
      ...fixture,
      answers: { ...fixture.answers, q2: 3, q3: 2 },
    });
    await clickRoute(page, page.getByRole('link', { name: '结果', exact: true }), '评测结果');
    await expect
      .poll(() => page.getByTestId('total-score').innerText())
      .toBe(String(displayScore(expected.score.total)));
  });

  it('exports the file and imports it back with the same result; a broken file changes nothing', async () => {
    const { page } = browser;
    await seed(page, FIXTURE, NAME);
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
    const { page } = browser;
    await seed(page, FIXTURE, NAME);
    await page.getByTestId('language').selectOption('en');
    await waitRoute(page, 'Assessments on this device');
    await page.reload();
    await waitRoute(page, 'Assessments on this device');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-en');
    await clickRoute(page, page.getByTestId('assessment-row').first().getByRole('link').first(), /./);
    for (const [tab, heading, name] of [
      ['Profile', 'Enterprise profile', 'profile-en'],
      ['Items', 'Equipment and systems', 'questions-en'],
      ['Scenarios', 'Product lifecycle digitalisation', 'scenarios-en'],
      ['Results', 'Results', 'results-en'],
    ] as const) {
      await clickRoute(page, page.getByRole('link', { name: tab, exact: true }), heading);
      expect(await axeViolations(page), tab).toEqual([]);
      await screenshot(page, name);
    }
    expect(await page.getByTestId('overall-level').innerText()).toBe('Level 3');
    await clickRoute(
      page,
      page.getByRole('link', { name: 'Rubric', exact: true }),
      getRubric('cn-sme-2024')!.title.en!,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)(
    'works on a 360 px wide phone screen in %s: no screen scrolls sideways',
    async (lang) => {
      const { page } = browser;
      const [later, earlier] = await seed(page, PAIR, NAME, 2);
      const [checklist] = await seed(page, CHECKLIST, '示例电气');
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByTestId('language').selectOption(lang);
      const a = `#/a/${later}`;
      const c = `#/a/${checklist}`;
      const screens: [string, string, string | RegExp][] = [
        ['#/', '本机上的评测', 'Assessments on this device'],
        ['#/rubric', getRubric('cn-sme-2024')!.title['zh-CN']!, getRubric('cn-sme-2024')!.title.en!],
        ['#/method', '方法说明：得分和等级如何计算', 'Method: how the score and the level are computed'],
        [`${a}/profile`, '企业概况', 'Enterprise profile'],
        [`${a}/questions/equipment-systems`, '设备系统', 'Equipment and systems'],
        [`${a}/questions/data-collection`, '数据采集', 'Data collection'],
        [`${a}/scenarios/production-execution`, '生产执行数字化', 'Production execution digitalisation'],
        [`${a}/results`, '评测结果', 'Results'],
        [`${a}/roadmap`, '转型路线图：食品饮料', 'Transformation roadmap: Food and beverage'],
        [`${a}/review`, '评审准备', 'Review readiness'],
        [`${a}/report`, '中小企业数字化水平自评报告', 'SME digital-level self-assessment report'],
        [`${a}/compare/${earlier}`, '对比两次评测', 'Compare two assessments'],
        [`#/e/${PAIR_ENTERPRISE}`, `“${NAME}”的历年趋势`, `Trend over the years: ${NAME}`],
        [`${c}/questions`, '顶层规划', 'Top-level planning'],
        [`${c}/results`, '评测结果', 'Results'],
        [`${c}/roadmap`, '转型路线图：电气机械和器材', 'Transformation roadmap: Electrical machinery and equipment'],
      ];
      // in this order no two screens in a row share a heading, so each wait sees the new screen, not the last one
      const overflowing: Record<string, number> = {};
      for (const [url, zh, en] of screens) {
        await gotoRoute(page, url, lang === 'zh-CN' ? zh : en);
        const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (over > 0) overflowing[url.replace(/[0-9a-f-]{36}/g, ':id')] = over;
        if (url === '#/' || url === '#/rubric')
          await screenshot(page, `${url === '#/' ? 'home' : 'rubric'}-${lang}-360px`);
      }
      expect(overflowing).toEqual({});
    },
  );
});
