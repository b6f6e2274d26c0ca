/**
 * The cohort import panel: a cancelled import writes nothing and says so; a finished one is written in
 * one call and handed to the screen. The workers are replaced here (jsdom has none): runImport is mocked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import CohortImport, { type ImportMessage } from '../../src/ui/components/cohort/CohortImport.svelte';
import type { CohortStore } from '../../src/db/cohorts';
import type { ScoringOutcome } from '../../src/state/cohort/score-files';
import { cohortStrings } from '../../src/i18n/cohort-strings';
import { setLanguage } from '../../src/i18n/index.svelte';

let settle: (v: ScoringOutcome | 'cancelled') => void = () => {};
const cancel = vi.fn(() => settle('cancelled'));
vi.mock('../../src/state/cohort/run-import', () => ({
  runImport: () => ({ done: new Promise((resolve) => (settle = resolve)), cancel }),
}));

const outcome: ScoringOutcome = { members: [], invalid: [], duplicates: [], skipped: 1 };

function mount() {
  const addImport = vi.fn(async () => ({ added: 0, fresh: [], cohort: { id: 'c' } }));
  const onimported = vi.fn();
  let message: ImportMessage = null;
  const view = render(CohortImport, {
    store: { addImport } as unknown as CohortStore,
    cohortId: 'c',
    onimported,
    get message() {
      return message;
    },
    onmessage: (m: typeof message) => {
      message = m;
      view.rerender({ message: m });
    },
  });
  const choose = () => {
    const input = screen.getByTestId('cohort-files') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'a.json')], configurable: true });
    return fireEvent.change(input);
  };
  return { addImport, onimported, choose };
}

beforeEach(async () => {
  cohortStrings();
  await setLanguage('zh-CN');
});

describe('CohortImport', () => {
  it('cancel writes nothing and says the import was cancelled', async () => {
    const { addImport, onimported, choose } = mount();
    await choose();
    await fireEvent.click(await screen.findByRole('button', { name: '取消导入' }));
    await waitFor(() =>
      expect(screen.getByTestId('cohort-import-message').textContent).toBe('已取消导入，群体没有任何改动。'),
    );
    expect(cancel).toHaveBeenCalled();
    expect(addImport).not.toHaveBeenCalled();
    expect(onimported).not.toHaveBeenCalled();
    // the message is written when shown: a language switch translates it on screen
    await setLanguage('en');
    await waitFor(() =>
      expect(screen.getByTestId('cohort-import-message').textContent).toBe(
        'Import cancelled; the cohort is unchanged.',
      ),
    );
  });

  it('a finished import is written once and handed to the screen', async () => {
    const { addImport, onimported, choose } = mount();
    await choose();
    settle(outcome);
    await waitFor(() => expect(onimported).toHaveBeenCalledTimes(1));
    expect(addImport).toHaveBeenCalledWith('c', outcome);
  });
});
