/**
 * The profile's year: a year out of range is refused with a message naming the range, nothing is stored, and the
 * message is written when shown, so a language switch translates it like the rest of the form.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ProfileForm from '../../src/ui/routes/ProfileForm.svelte';
import type { AssessmentSession } from '../../src/state/session.svelte';
import { setLanguage } from '../../src/i18n/index.svelte';

/** The part of a session the form reads and writes. */
function session() {
  return { id: 'a1', file: { profile: {} }, checklist: undefined, edit: vi.fn() };
}

describe('ProfileForm year', () => {
  afterEach(async () => {
    cleanup();
    await setLanguage('zh-CN');
  });

  it('refuses a year out of range with the range, stores nothing, and follows a language switch', async () => {
    await setLanguage('zh-CN');
    const s = session();
    render(ProfileForm, { session: s as unknown as AssessmentSession });
    const year = screen.getByLabelText('评测年份');
    await fireEvent.input(year, { target: { value: '1899' } });
    expect(screen.getByRole('alert')).toHaveTextContent('请输入 1900 到 2200 之间的年份。');
    expect(year).toHaveAttribute('aria-invalid', 'true');
    expect(s.edit).not.toHaveBeenCalled();

    await setLanguage('en');
    await vi.waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Enter a year between 1900 and 2200.'));

    await fireEvent.input(screen.getByLabelText('Assessment year'), { target: { value: '2026' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(s.edit).toHaveBeenCalledWith({ op: 'profile', key: 'year', value: 2026 });
  });
});
