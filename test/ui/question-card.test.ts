import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import QuestionCard from '../../src/ui/components/QuestionCard.svelte';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AssessmentSession } from '../../src/state/session.svelte';
import { getRubric, questionsOf } from '../../src/domain/index';
import { setLanguage } from '../../src/i18n/index.svelte';

const rubric = getRubric('cn-sme-2024')!;
const question = (id: string) => questionsOf(rubric).find((q) => q.id === id)!;

async function open(name: string) {
  setLanguage('zh-CN');
  const store = new AssessmentStore(new DigiLevelDB(name));
  const session = new AssessmentSession(store, await store.create('cn-sme-2024'));
  await waitFor(() => expect(session.file).not.toBeNull());
  return session;
}

describe('QuestionCard', () => {
  it('「无」 clears the other options and any option clears 「无」', async () => {
    const session = await open('qc-1');
    render(QuestionCard, { session, rubric, question: question('q6') });
    const none = screen.getByLabelText('无');
    const policy = screen.getByLabelText('建立了网络安全管理制度');
    await fireEvent.click(policy);
    await fireEvent.click(screen.getByLabelText(/使用了网络安全产品及服务/));
    expect(session.file?.answers.q6).toEqual([1, 2]);
    await fireEvent.click(none);
    expect(session.file?.answers.q6).toEqual([0]);
    await waitFor(() => expect(policy).not.toBeChecked());
    await fireEvent.click(policy);
    expect(session.file?.answers.q6).toEqual([1]);
    await waitFor(() => expect(none).not.toBeChecked());
  });

  it('derives the q2 option from the counts, shows the arithmetic and marks an override', async () => {
    const session = await open('qc-2');
    render(QuestionCard, { session, rubric, question: question('q2') });
    await fireEvent.input(screen.getByLabelText('生产设备数量（台）'), { target: { value: '200' } });
    await fireEvent.input(screen.getByLabelText('实现数字化的生产设备数量（台）'), { target: { value: '20' } });
    await waitFor(() => expect(session.file?.answers.q2).toBe(0)); // exactly 10% → [0-10%]
    expect(screen.getByText(/= 10% →/)).toBeInTheDocument();
    await fireEvent.click(screen.getByLabelText('(20%,40%]'));
    await waitFor(() => expect(screen.getByTestId('override-q2')).toBeInTheDocument());
    await fireEvent.click(screen.getByRole('button', { name: '恢复建议选项' }));
    await waitFor(() => expect(session.file?.answers.q2).toBe(0));
  });

  it('rejects bad numbers inline and suggests nothing', async () => {
    const session = await open('qc-3');
    render(QuestionCard, { session, rubric, question: question('q2') });
    await fireEvent.input(screen.getByLabelText('生产设备数量（台）'), { target: { value: '10' } });
    await fireEvent.input(screen.getByLabelText('实现数字化的生产设备数量（台）'), { target: { value: '12' } });
    await waitFor(() => expect(screen.getByText('不能大于总数。')).toBeInTheDocument());
    expect(session.file?.answers.q2).toBeUndefined();
    await fireEvent.input(screen.getByLabelText('生产设备数量（台）'), { target: { value: 'abc' } });
    await waitFor(() => expect(screen.getByText(/^请输入数字/)).toBeInTheDocument());
  });
});

describe('QuestionCard labels', () => {
  it.each([
    ['zh-CN', '本工具的解读：', ': '],
    ['en', 'How this tool reads it: ', '：'],
  ] as const)('in %s puts the language’s colon after the note label', async (lang, expected, foreign) => {
    const session = await open(`qc-colon-${lang}`);
    setLanguage(lang);
    const { container } = render(QuestionCard, { session, rubric, question: question('q3') });
    const note = container.querySelector('.interp')!;
    expect(note.textContent).toContain(expected);
    expect(note.textContent!.slice(0, expected.length + 2)).not.toContain(foreign);
    setLanguage('zh-CN');
  });
});
