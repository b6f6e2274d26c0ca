import { describe, expect, it, beforeAll, beforeEach, afterEach, vi } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Home from '../../src/ui/routes/Home.svelte';
import { app } from '../../src/state/app.svelte';
import { setLanguage } from '../../src/i18n/index.svelte';
import type { StoredAssessment } from '../../src/db/database';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');
const upload = (input: HTMLElement, name: string, text: string) =>
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });

beforeAll(async () => {
  setLanguage('zh-CN');
  await app.start();
  await app.ready; // a fresh database: start() leaves storage unopened until something needs it
  // the database is a global of the worker: an earlier test file in the same worker may have left records
  await app.store!.db.assessments.clear();
  await waitFor(() => expect(app.assessments).toHaveLength(0));
});

describe('Home', () => {
  it('explains the tool when empty and lists an imported file with its level', async () => {
    render(Home);
    // the purpose first (issue 16): what the tool does, in one sentence
    await waitFor(() => expect(screen.getByText(/给企业自评数字化等级/)).toBeInTheDocument());
    // the example keeps its place unseen until storage has been read (no layout shift): wait for that state
    await waitFor(() => expect(screen.getByRole('button', { name: '打开示例评测' })).toBeInTheDocument());
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

  it('says where a file that is not JSON is broken, in words, and imports one saved with a byte order mark', async () => {
    render(Home);
    const before = await app.store!.db.assessments.count();
    // the comma after "version": 1 left out, as a hand edit leaves it: the parser stops at "rubric", line 4
    const broken = fixture.replace(/("version": 1),/, '$1');
    await upload(screen.getByLabelText('导入文件…'), 'bad.json', broken);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('不是有效的 JSON 文件：第 4 行第 3 列附近缺少逗号。'),
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent(/Expected|position/);
    expect(await app.store!.db.assessments.count()).toBe(before);
    await upload(
      screen.getByLabelText('导入文件…'),
      'notepad.json',
      '\uFEFF' + fixture.replace('示例食品', 'BOM 食品'),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('assessment-row').some((r) => r.textContent?.includes('BOM 食品有限公司'))).toBe(
        true,
      ),
    );
  });

  it('renames an assessment: the dialog starts from the current label and the row shows the new one', async () => {
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row').length).toBeGreaterThan(0));
    await fireEvent.click(screen.getAllByRole('button', { name: /^重命名“/ })[0]!);
    const input = (await screen.findByLabelText('评测名称（如“2026 年度自评”）')) as HTMLInputElement; // the dialog loads on the click
    expect(input.value).toBe('');
    await fireEvent.input(input, { target: { value: '  2026 年度自评  ' } });
    await fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')[0]).toHaveTextContent('2026 年度自评'));
    const stored = await app.store!.db.assessments.toArray();
    expect(stored.map((a) => a.file.digilevel?.meta?.label)).toContain('2026 年度自评');
    // opening it again starts from the stored label
    await fireEvent.click(screen.getAllByRole('button', { name: /^重命名“/ })[0]!);
    expect(((await screen.findByLabelText('评测名称（如“2026 年度自评”）')) as HTMLInputElement).value).toBe(
      '2026 年度自评',
    );
    await fireEvent.click(screen.getByRole('button', { name: '取消' }));
  });

  it('asks before deleting and deletes only on confirmation', async () => {
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row').length).toBeGreaterThan(0));
    const count = await app.store!.db.assessments.count();
    await fireEvent.click(screen.getAllByRole('button', { name: /删除“/ })[0]!);
    await fireEvent.click(await screen.findByRole('button', { name: '取消' }));
    expect(await app.store!.db.assessments.count()).toBe(count);
    await fireEvent.click(screen.getAllByRole('button', { name: /删除“/ })[0]!);
    await screen.findByRole('dialog');
    const dialogButtons = screen.getAllByRole('button', { name: '删除' });
    await fireEvent.click(dialogButtons[dialogButtons.length - 1]!);
    await waitFor(async () => expect(await app.store!.db.assessments.count()).toBe(count - 1));
  });
});

/** A record written straight into IndexedDB, as a bug of an older version or another tool could. */
function raw(id: string, name: string, file: Record<string, unknown> = {}) {
  return {
    id,
    file: {
      format: 'sme-digital-assessment',
      version: 1,
      rubric: 'cn-sme-2024',
      profile: { name },
      answers: {},
      scenarios: {},
      ...file,
    },
    createdAt: 1_750_000_000_000,
    updatedAt: 1_750_000_000_000,
    revision: 1,
    enterpriseId: `ent-${id}`,
  };
}

/** The text of the next file the page downloads (jsdom has no blob URLs). */
function captureDownload(): Promise<string> {
  return new Promise((resolve) => {
    URL.createObjectURL = ((blob: Blob) => {
      void blob.text().then(resolve);
      return 'blob:test';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
  });
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('Home with damaged records and a full disk', () => {
  beforeEach(async () => {
    await app.store!.db.assessments.clear();
  });
  afterEach(() => vi.restoreAllMocks());

  it('lists the other assessments and each damaged record, exports its raw data and deletes it', async () => {
    await app.store!.create('cn-sme-2024', { name: '完好的企业' });
    const nullAnswers = raw('bad-1', '答案为空的企业', { answers: null });
    const noScenarios = raw('old-1', '没有场景的企业');
    delete (noScenarios.file as Record<string, unknown>).scenarios;
    await app.store!.db.assessments.bulkPut([
      nullAnswers,
      raw('bad-2', '未知标准的企业', { rubric: 'no-such-rubric' }),
      noScenarios,
    ] as unknown as StoredAssessment[]);
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('damaged-record')).toHaveLength(2));
    // the sound records are listed as before; a record without scenarios reads as one with none
    const rows = screen.getAllByTestId('assessment-row');
    expect(rows.map((r) => r.querySelector('th a')?.textContent)).toEqual(
      expect.arrayContaining(['完好的企业', '没有场景的企业']),
    );
    expect(rows).toHaveLength(2);
    expect(screen.getByRole('heading', { name: '损坏的记录' })).toBeInTheDocument();
    const cards = screen.getAllByTestId('damaged-record');
    const first = cards.find((c) => c.textContent?.includes('答案为空的企业'))!;
    const second = cards.find((c) => c.textContent?.includes('未知标准的企业'))!;
    expect(first).toHaveTextContent('answers：类型错误');
    expect(second).toHaveTextContent('未知的评测指标 "no-such-rubric"');

    // "export raw data" writes exactly what is stored
    const download = captureDownload();
    await fireEvent.click(screen.getByRole('button', { name: '导出原始数据：损坏的记录“答案为空的企业”' }));
    expect(JSON.parse(await download)).toEqual(nullAnswers);

    await fireEvent.click(screen.getByRole('button', { name: '删除损坏的记录“答案为空的企业”' }));
    await fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.getAllByTestId('damaged-record')).toHaveLength(1));
    expect(await app.store!.db.assessments.get('bad-1')).toBeUndefined();
    expect(await app.store!.db.assessments.count()).toBe(3);
  });

  it('leaves damaged records out of the backup and says so', async () => {
    await app.store!.create('cn-sme-2024', { name: '完好的企业' });
    await app.store!.db.assessments.put(raw('bad-1', '坏', { answers: null }) as unknown as StoredAssessment);
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('damaged-record')).toHaveLength(1));
    const download = captureDownload();
    await fireEvent.click(screen.getByRole('button', { name: '导出全部（备份）' }));
    expect(JSON.parse(await download).assessments).toHaveLength(1);
    await waitFor(() => expect(screen.getByText(/不含 1 条损坏的记录/)).toBeInTheDocument());
  });

  it('reports every write the full disk refuses, naming what failed, and writes nothing', async () => {
    const id = await app.store!.create('cn-sme-2024', { name: '满盘企业', year: 2026 });
    render(Home);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')).toHaveLength(1));
    const db = app.store!.db;
    const before = JSON.stringify(await db.assessments.toArray());
    const alert = async (text: string) =>
      waitFor(() => expect(screen.getByTestId('write-error')).toHaveTextContent(text));
    const full = '本机存储空间已满。没有写入任何数据';
    vi.spyOn(db.assessments, 'add').mockRejectedValue(quota());
    vi.spyOn(db.assessments, 'put').mockRejectedValue(quota());
    vi.spyOn(db.assessments, 'bulkAdd').mockRejectedValue(quota());
    vi.spyOn(db.assessments, 'delete').mockRejectedValue(quota());

    await fireEvent.click(screen.getByRole('button', { name: '新建评测' }));
    await fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '创建' }));
    await alert(`新建评测失败：${full}`);
    expect(screen.getByRole('alert')).toHaveTextContent('导出备份');
    // the alert is written when shown: a language switch translates it on screen, hint included
    await setLanguage('en');
    try {
      await alert("Creating the assessment failed: the device's storage is full. Nothing was written");
      expect(screen.getByRole('alert')).toHaveTextContent('Export a backup');
    } finally {
      await setLanguage('zh-CN');
    }
    await alert(`新建评测失败：${full}`);

    await fireEvent.click(screen.getByRole('button', { name: '复制“满盘企业 2026”的评测' }));
    await alert(`复制评测失败：${full}`);

    await fireEvent.click(screen.getByRole('button', { name: '下一年复评：从“满盘企业 2026”开始' }));
    await alert(`下一年复评失败：${full}`);

    await fireEvent.click(screen.getByRole('button', { name: '重命名“满盘企业 2026”的评测' }));
    const input = await screen.findByLabelText('评测名称（如“2026 年度自评”）');
    await fireEvent.input(input, { target: { value: '新名称' } });
    await fireEvent.submit((input as HTMLInputElement).form!);
    await alert(`重命名失败：${full}`);

    await fireEvent.click(screen.getByRole('button', { name: '删除“满盘企业 2026”的评测' }));
    await fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    await alert(`删除失败：${full}`);

    await upload(screen.getByLabelText('导入文件…'), 'backup.json', fixture);
    await alert(`导入“backup.json”失败：${full}`);

    expect(JSON.stringify(await db.assessments.toArray())).toBe(before);
    expect(screen.getAllByTestId('assessment-row')).toHaveLength(1);
    expect(await db.assessments.get(id)).toBeDefined();
  });

  it('reports a full disk when opening the example', async () => {
    vi.spyOn(app.store!.db.assessments, 'bulkAdd').mockRejectedValue(quota());
    render(Home);
    await fireEvent.click(await screen.findByRole('button', { name: '打开示例评测' }));
    await waitFor(() =>
      expect(screen.getByTestId('write-error')).toHaveTextContent('打开示例评测失败：本机存储空间已满'),
    );
    expect(await app.store!.db.assessments.count()).toBe(0);
  });

  it('says what an import did in the language the UI shows, also after a switch', async () => {
    render(Home);
    await upload(screen.getByLabelText('导入文件…'), 'again.json', fixture);
    await screen.findByText('“again.json”：新导入 1 份评测，跳过重复 0 份。');
    await setLanguage('en');
    try {
      await screen.findByText('"again.json": 1 imported, 0 skipped as duplicates.');
    } finally {
      await setLanguage('zh-CN');
    }
  });
});
