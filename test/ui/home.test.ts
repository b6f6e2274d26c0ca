import { describe, expect, it, beforeAll } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Home from '../../src/ui/routes/Home.svelte';
import { app } from '../../src/state/app.svelte';
import { setLanguage } from '../../src/i18n/index.svelte';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');
const upload = (input: HTMLElement, name: string, text: string) =>
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });

beforeAll(async () => {
  setLanguage('zh-CN');
  await app.start();
});

describe('Home', () => {
  it('explains the tool when empty and lists an imported file with its level', async () => {
    render(Home);
    await waitFor(() => expect(screen.getByText(/匿名自评数字化水平/)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: '打开示例评测' })).toBeInTheDocument();
    const input = screen.getByLabelText('导入文件…');
    await upload(input, 'ok.json', fixture);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')).toHaveLength(1));
    const row = screen.getByTestId('assessment-row');
    expect(row).toHaveTextContent('示例食品有限公司');
    expect(row).toHaveTextContent('食品饮料');
    expect(row).toHaveTextContent('三级');
    expect(row).toHaveTextContent('100%');
  });

  it('rejects a broken file with a translated message naming the key and writes nothing', async () => {
    render(Home);
    const before = await app.store!.db.assessments.count();
    const broken = fixture.replace('"q2": 4', '"q2": 9');
    await upload(screen.getByLabelText('导入文件…'), 'bad.json', broken);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('answers.q2：选项序号超出范围（0–4）'));
    expect(screen.getByRole('alert')).toHaveTextContent('没有写入任何数据');
    expect(await app.store!.db.assessments.count()).toBe(before);
  });

  it('renames an assessment: the dialog starts from the current label and the row shows the new one', async () => {
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row').length).toBeGreaterThan(0));
    await fireEvent.click(screen.getAllByRole('button', { name: /^重命名“/ })[0]!);
    const input = screen.getByLabelText('评测名称（如“2026 年度自评”）') as HTMLInputElement;
    expect(input.value).toBe('');
    await fireEvent.input(input, { target: { value: '  2026 年度自评  ' } });
    await fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')[0]).toHaveTextContent('2026 年度自评'));
    const stored = await app.store!.db.assessments.toArray();
    expect(stored.map((a) => a.file.digilevel?.meta?.label)).toContain('2026 年度自评');
    // opening it again starts from the stored label
    await fireEvent.click(screen.getAllByRole('button', { name: /^重命名“/ })[0]!);
    expect((screen.getByLabelText('评测名称（如“2026 年度自评”）') as HTMLInputElement).value).toBe('2026 年度自评');
    await fireEvent.click(screen.getByRole('button', { name: '取消' }));
  });

  it('asks before deleting and deletes only on confirmation', async () => {
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row').length).toBeGreaterThan(0));
    const count = await app.store!.db.assessments.count();
    await fireEvent.click(screen.getAllByRole('button', { name: /删除“/ })[0]!);
    await fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(await app.store!.db.assessments.count()).toBe(count);
    await fireEvent.click(screen.getAllByRole('button', { name: /删除“/ })[0]!);
    const dialogButtons = screen.getAllByRole('button', { name: '删除' });
    await fireEvent.click(dialogButtons[dialogButtons.length - 1]!);
    await waitFor(async () => expect(await app.store!.db.assessments.count()).toBe(count - 1));
  });
});
