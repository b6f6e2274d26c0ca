/**
 * An assessment whose stored record is damaged: its screens said "正在加载…" forever. Now they say it is
 * damaged, with its raw data for export, delete and the way home.
 */
import { describe, expect, it, beforeAll, beforeEach } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import AssessmentView from '../../src/ui/routes/AssessmentView.svelte';
import { app } from '../../src/state/app.svelte';
import { setLanguage } from '../../src/i18n/index.svelte';
import type { StoredAssessment } from '../../src/db/database';
import type { Route } from '../../src/ui/router.svelte';

beforeAll(async () => {
  setLanguage('zh-CN');
  await app.start();
  await app.ready; // a fresh database: start() leaves storage unopened until something needs it
});
beforeEach(async () => {
  await app.store!.db.assessments.clear();
  location.hash = '';
});

function raw(id: string, file: Record<string, unknown>) {
  return {
    id,
    file: { format: 'sme-digital-assessment', version: 1, rubric: 'cn-sme-2024', profile: { name: '某企业' }, ...file },
    createdAt: 1_750_000_000_000,
    updatedAt: 1_750_000_000_000,
    revision: 1,
    enterpriseId: `ent-${id}`,
  };
}

const put = (record: unknown) => app.store!.db.assessments.put(record as StoredAssessment);

describe('an opened assessment whose record is damaged', () => {
  it.each<[string, Record<string, unknown>, Route['name']]>([
    ['answers: null', { answers: null, scenarios: {} }, 'results'],
    ['an unknown rubric', { rubric: 'no-such-rubric', answers: {}, scenarios: {} }, 'profile'],
  ])('with %s says so instead of loading, and deletes it', async (_what, file, name) => {
    await put(raw('bad', file));
    render(AssessmentView, { route: { name, id: 'bad' } as Extract<Route, { id: string }> });
    expect(await screen.findByRole('heading', { level: 1, name: '这份评测的数据已损坏' })).toBeInTheDocument();
    expect(screen.queryByText('正在加载…')).toBeNull();
    expect(screen.getByRole('button', { name: '导出原始数据：损坏的记录“某企业”' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回我的评测' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: '删除损坏的记录“某企业”' }));
    await fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(location.hash).toBe('#/'));
    expect(await app.store!.db.assessments.count()).toBe(0);
  });

  it('opens a record stored without scenarios as one with none', async () => {
    await put(raw('old', { answers: { q2: 1 } }));
    render(AssessmentView, { route: { name: 'profile', id: 'old' } });
    expect(await screen.findByLabelText('企业名称（可选）')).toHaveValue('某企业');
  });
});
