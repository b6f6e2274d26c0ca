import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import ReviewView from '../../src/ui/routes/ReviewView.svelte';
import MethodView from '../../src/ui/routes/MethodView.svelte';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AssessmentSession } from '../../src/state/session.svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTENSION_KEY,
  applyPatch,
  evaluate,
  getRubric,
  type AssessmentFile,
  type ScenarioChecks,
} from '../../src/domain/index';
import { evidenceBlocks } from '../../src/report/evidence-blocks';
import { setLanguage } from '../../src/i18n/index.svelte';

const rubric = getRubric('cn-sme-2024')!;
const checks = (...levels: boolean[]) => levels as unknown as ScenarioChecks;

async function open(name: string) {
  setLanguage('zh-CN');
  const store = new AssessmentStore(new DigiLevelDB(name));
  const id = await store.create('cn-sme-2024');
  const session = new AssessmentSession(store, id);
  await waitFor(() => expect(session.file).not.toBeNull());
  return { store, id, session };
}

describe('ReviewView', () => {
  it('shows a finding for 能耗管理 level 3 without automatic energy data collection, linking to the answers', async () => {
    const { session, id } = await open('review-1');
    // q4: 产品设计 only; 能耗管理 counted at level 3
    session.edit(
      { op: 'answer', id: 'q4', value: [1] },
      { op: 'scenario', id: 'energy', checks: checks(true, true, true, false) },
    );
    render(ReviewView, { session });
    const finding = await waitFor(() => {
      const f = screen
        .getAllByTestId('finding')
        .find((el) => el.dataset.rule === 'realtime-level-without-auto-collection');
      expect(f).toBeDefined();
      return f!;
    });
    expect(finding).toHaveTextContent('「能耗管理」申报到三级及以上');
    expect(finding).toHaveTextContent('第4题');
    // grouped under "likely to be challenged"
    expect(finding.closest('section')?.querySelector('h3')).toHaveTextContent('可能被评审质疑');
    const toQ4 = within(finding).getByRole('link', { name: '第4题' });
    expect(toQ4).toHaveAttribute('href', `#/a/${id}/questions/data-collection`);
    expect(within(finding).getByRole('link', { name: '能耗管理' })).toHaveAttribute(
      'href',
      `#/a/${id}/scenarios/production-execution`,
    );
    expect(screen.getByText(/不会改变得分和等级/, { selector: '[role=note]' })).toBeInTheDocument();

    // ticking 能耗管理 in q4 removes the finding
    session.edit({ op: 'answer', id: 'q4', value: [1, 7] });
    await waitFor(() =>
      expect(
        screen.queryAllByTestId('finding').filter((el) => el.dataset.rule === 'realtime-level-without-auto-collection'),
      ).toHaveLength(0),
    );
    session.dispose();
  });

  it('ticking an evidence box updates the readiness summary and is stored in the assessment', async () => {
    const { session, store, id } = await open('review-2');
    session.edit({ op: 'scenario', id: 'energy', checks: checks(true, true, true, false) });
    render(ReviewView, { session });
    await waitFor(() => expect(screen.getByTestId('no-evidence-3')).toHaveTextContent('1'));
    expect(screen.getByTestId('readiness-gaps')).toHaveTextContent('三级场景申报中尚无任何佐证：1 项');
    expect(screen.getByText('以下为本工具给出的准备建议，并非官方文本。')).toBeInTheDocument();

    const claim = screen.getByTestId('claim-energy@3');
    expect(screen.getByRole('group', { name: '能耗管理 · 三级' })).toBe(claim);
    const box = within(claim).getByLabelText(/能耗及影响设备能耗的关键数据的实时采集导出/);
    expect(box).not.toBeChecked();
    await fireEvent.click(box);

    await waitFor(() => expect(screen.getByTestId('no-evidence-3')).toHaveTextContent('0'));
    expect(box).toBeChecked();
    expect(within(claim).getByText('已准备 1 / 3')).toBeInTheDocument();
    expect(screen.getByTestId('readiness-gaps')).not.toHaveTextContent('三级场景申报');
    expect(session.file?.[EXTENSION_KEY]?.evidenceChecks).toEqual({ 'energy@3': ['realtime-energy-data'] });
    await waitFor(async () =>
      expect((await store.get(id))?.file[EXTENSION_KEY]?.evidenceChecks).toEqual({
        'energy@3': ['realtime-energy-data'],
      }),
    );

    // ticking every item makes the claim fully ready; unticking one takes it back
    for (const label of [/智能电表、水表、气表等计量点清单/, /设备能耗监测分析及与相关部门协同管控优化的记录/])
      await fireEvent.click(within(claim).getByLabelText(label));
    await waitFor(() => expect(claim.dataset.ready).toBe('true'));
    await fireEvent.click(box);
    await waitFor(() => expect(claim.dataset.ready).toBe('false'));
    expect(session.file?.[EXTENSION_KEY]?.evidenceChecks?.['energy@3']).toEqual([
      'meter-point-list',
      'energy-coordination-records',
    ]);
    session.dispose();
  });

  it('has a label for every checkbox and headings in order', async () => {
    const { session } = await open('review-3');
    session.edit(
      { op: 'answer', id: 'q1', value: [1, 3] },
      { op: 'scenario', id: 'quality', checks: checks(true, true, false, true) },
    );
    const { container } = render(ReviewView, { session });
    await waitFor(() => expect(screen.getByTestId('claim-q1')).toBeInTheDocument());
    for (const box of container.querySelectorAll('input[type=checkbox]'))
      expect((box as HTMLInputElement).labels?.[0]?.textContent?.trim()).toBeTruthy();
    for (const fs of container.querySelectorAll('fieldset')) expect(fs.querySelector('legend')).not.toBeNull();
    const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
    // quality level 4 is ticked above a gap: listed, not counted
    expect(screen.getByTestId('not-counted')).toHaveTextContent('质量管理 · 四级');
    session.dispose();
  });
});

describe('MethodView', () => {
  it('shows the level thresholds, an interpretation, the sources and the edition from the data', () => {
    setLanguage('zh-CN');
    render(MethodView, { rubric });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('方法说明');
    expect(screen.getByTestId('level-rules')).toHaveTextContent('三级（集成级）');
    expect(screen.getByText(rubric.levelRules[2]!.text['zh-CN'])).toBeInTheDocument();
    expect(screen.getByText(rubric.interpretations[0]!.text['zh-CN'])).toBeInTheDocument();
    expect(screen.getByTestId('seeds').querySelectorAll('li')).toHaveLength(5);
    expect(screen.getByTestId('edition')).toHaveTextContent('rubric: "cn-sme-2024"');
    expect(screen.getByTestId('method-disclaimer')).toHaveTextContent('第十二条');
    // issue 17: what in the roadmap is ours, and the rubric's source: the standard first, then its text's document
    expect(screen.getByTestId('method-ours')).toHaveTextContent('本工具的判断');
    expect(screen.getByTestId('method-ours')).toHaveTextContent('梯次');
    const source = screen.getByTestId('rubric-source').textContent!;
    expect(source.indexOf('《中小企业数字化水平评测指标（2024年版）》')).toBeGreaterThanOrEqual(0);
    expect(source.indexOf('中小企业数字化水平评测指标')).toBeLessThan(source.indexOf('北京市顺义区'));
    expect(source).not.toMatch(/\.txt/);
  });

  it('shows the 晨星→national mapping’s not-official note with what in the roadmap is ours (issue 17, 4)', async () => {
    setLanguage('zh-CN');
    render(MethodView, { rubric });
    await waitFor(() => expect(screen.getByTestId('method-mapping-note')).toBeInTheDocument());
    const note = screen.getByTestId('method-mapping-note');
    expect(note).toHaveTextContent('不是官方对应关系');
    expect(screen.getByTestId('method-ours')).toContainElement(note);
  });
  it('says what counts as evidence for the defended level, labelled as our rule (issue 19, 3)', () => {
    setLanguage('zh-CN');
    const { unmount } = render(MethodView, { rubric });
    const rule = screen.getByTestId('method-defended');
    expect(within(rule).getByRole('heading')).toHaveTextContent('本工具的规则，不是官方规定');
    // exactly what defendedLevel counts: an attachment, or a ticked expected kind (any tick without a list)
    for (const part of ['至少有一个附件', '期望的佐证类型之一', '任何勾选都算', '文字备注不算佐证', '只有附件算佐证'])
      expect(rule).toHaveTextContent(part);
    unmount();
    setLanguage('en');
    render(MethodView, { rubric });
    expect(screen.getByTestId('method-defended')).toHaveTextContent('our rule, not an official one');
    expect(screen.getByTestId('method-defended')).toHaveTextContent('at least one file is attached');
    setLanguage('zh-CN');
  });
});

describe('evidenceBlocks (report appendix)', () => {
  const fixture = (): AssessmentFile =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
  const charset = new Set(
    readFileSync(join(import.meta.dirname, '../../src/report/fonts/charset.txt'), 'utf8').replace(/\n$/, ''),
  );

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`lists every claim with its expected evidence, held or missing, in the PDF font's characters (${lang})`, () => {
      setLanguage(lang);
      const file = applyPatch(fixture(), {
        op: 'evidenceCheck',
        claim: 'quality@4',
        ids: ['vision-inspection-results'],
      });
      const blocks = evidenceBlocks(rubric, file, evaluate(rubric, file), lang);
      expect(blocks[0]).toMatchObject({
        kind: 'heading',
        level: 1,
        text: lang === 'zh-CN' ? '附录：正式评审材料准备清单' : 'Appendix: evidence checklist for the official review',
      });
      expect(blocks[1]).toMatchObject({ kind: 'paragraph', tone: 'muted' });
      const table = blocks.find((b) => b.kind === 'table');
      if (table?.kind !== 'table') throw new Error('no table');
      expect(table.head).toHaveLength(3);
      const quality4 = table.rows.findIndex(
        (r) => r[0] === (lang === 'zh-CN' ? '质量管理 · 四级' : 'Quality management · Level 4'),
      );
      expect(quality4).toBeGreaterThan(-1);
      const held = lang === 'zh-CN' ? '✓ 已具备' : '✓ held';
      const missing = lang === 'zh-CN' ? '× 缺' : '× missing';
      expect(table.rows.filter((r) => r[2] === held)).toHaveLength(1);
      expect(table.rows.filter((r) => r[2] === missing).length).toBe(table.rows.length - 1);
      expect(
        table.rows.some((r) => r[0] === (lang === 'zh-CN' ? '第1题 网络建设' : 'Item 1 Network construction')),
      ).toBe(true);
      const text = blocks
        .flatMap((b) =>
          b.kind === 'table'
            ? [...b.head, ...b.rows.flat()]
            : 'text' in b
              ? [b.text]
              : b.kind === 'list'
                ? b.items
                : [],
        )
        .join('');
      expect([...text].filter((ch) => !/\s/.test(ch) && !charset.has(ch))).toEqual([]);
      if (lang === 'en') expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    });
  }
});
