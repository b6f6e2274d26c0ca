import { afterEach, describe, expect, it } from 'vitest';
import { openModal } from '../../src/ui/components/modal';

function page() {
  document.body.innerHTML =
    '<main id="main" tabindex="-1"><button id="opener">删除</button></main><dialog id="d"><button>确定</button></dialog>';
  const opener = document.getElementById('opener')!;
  const dialog = document.getElementById('d') as HTMLDialogElement;
  // jsdom may lack the modal API; the focus handling is what is tested here
  dialog.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  opener.focus();
  return { opener, dialog };
}

describe('openModal', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('gives the focus back to the control that opened the dialog', () => {
    const { opener, dialog } = page();
    const close = openModal(dialog);
    expect(dialog.open).toBe(true);
    dialog.querySelector('button')!.focus();
    dialog.remove();
    close();
    expect(document.activeElement).toBe(opener);
  });

  it('moves the focus to the main content when the opener is gone (its row was deleted)', () => {
    const { opener, dialog } = page();
    const close = openModal(dialog);
    opener.remove();
    dialog.remove();
    close();
    expect(document.activeElement?.id).toBe('main');
  });
});
