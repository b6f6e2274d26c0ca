import { describe, expect, it, beforeAll } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Home from '../../src/ui/routes/Home.svelte';
import ResultIndicators from '../../src/ui/components/ResultIndicators.svelte';
import { app } from '../../src/state/app.svelte';
import { AssessmentSession } from '../../src/state/session.svelte';
import { setLanguage } from '../../src/i18n/index.svelte';
import { EXTENSION_KEY } from '../../src/domain/index';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');

beforeAll(async () => {
  setLanguage('zh-CN');
  await app.start();
  await app.ready; // a fresh database: start() leaves storage unopened until something needs it
});

describe('Home: assessments grouped by enterprise', () => {
  it('re-assesses next year into the same group, with compare and trend links', async () => {
    render(Home);
    const input = await screen.findByLabelText('导入文件…');
    await fireEvent.change(input, {
      target: { files: [new File([fixture], 'ok.json', { type: 'application/json' })] },
    });
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')).toHaveLength(1));
    expect(screen.queryByRole('link', { name: /^趋势/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /^对比/ })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: '下一年复评：从“示例食品有限公司 2026”开始' }));
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')).toHaveLength(2));
    await waitFor(() => expect(location.hash).toMatch(/^#\/a\/[^/]+\/profile$/));
    const newId = location.hash.split('/')[2]!;
    const groups = screen.getAllByTestId('enterprise-group');
    expect(groups).toHaveLength(1);
    expect(within(groups[0]!).getByRole('heading', { level: 2 })).toHaveTextContent('示例食品有限公司');
    // the re-assessment's q12–q15 are cleared until this year's figures are in (issue 15, fault 6): 二级 for now
    expect(screen.getByTestId('enterprise-latest')).toHaveTextContent('最新等级：二级（2027） · 共 2 份评测');
    const [later, earlier] = screen.getAllByTestId('assessment-row');
    expect(later).toHaveTextContent('2027 年度复评');
    expect(later).toHaveTextContent('2026 年评测的复评');
    expect(earlier).not.toHaveTextContent('年评测的复评');

    const trend = screen.getByRole('link', { name: '趋势：“示例食品有限公司”的历年评测' });
    const enterpriseId = (await app.store!.get(newId))!.enterpriseId;
    expect(trend.getAttribute('href')).toBe(`#/e/${enterpriseId}`);
    const compare = screen.getByRole('link', { name: '对比：“示例食品有限公司 2027”与“示例食品有限公司 2026”' });
    const earlierId = (await app.store!.db.assessments.toArray()).find((a) => a.id !== newId)!.id;
    expect(compare.getAttribute('href')).toBe(`#/a/${newId}/compare/${earlierId}`);
  });
});

describe('ResultIndicators', () => {
  it('stores a valid value, refuses one out of range with a message, and clears on empty input', async () => {
    const id = await app.store!.create('cn-sme-2024', { year: 2026 });
    const session = new AssessmentSession(app.store!, id);
    await waitFor(() => expect(session.file).not.toBeNull());
    render(ResultIndicators, { session });
    expect(screen.getByText(/定义（本工具的口径，指南未给出定义）：本年完成的新产品研发项目/)).toBeInTheDocument();
    const cycle = screen.getByLabelText('研发周期（天）');
    await fireEvent.input(cycle, { target: { value: '120.5' } });
    await waitFor(async () =>
      expect((await app.store!.get(id))!.file[EXTENSION_KEY]?.results).toEqual({ 'rd-cycle': 120.5 }),
    );
    const satisfaction = screen.getByLabelText('客户满意度（分）');
    await fireEvent.input(satisfaction, { target: { value: '101' } });
    expect(screen.getByText('不能大于 100。')).toBeInTheDocument();
    expect(satisfaction).toHaveAttribute('aria-invalid', 'true');
    await fireEvent.input(satisfaction, { target: { value: 'abc' } });
    expect(screen.getByText('请输入数字。')).toBeInTheDocument();
    await fireEvent.input(cycle, { target: { value: '' } });
    await session.flush();
    await waitFor(async () => expect((await app.store!.get(id))!.file[EXTENSION_KEY]?.results).toBeUndefined());
    session.dispose();
  });
});
