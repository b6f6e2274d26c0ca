/**
 * Opens a native modal dialog and returns its cleanup: when the dialog leaves the page, the focus goes
 * back to the control that opened it, or to the main content when that control is gone (a deleted row).
 * Without this the focus falls to <body> and a keyboard user starts again from the top.
 */
export function openModal(dialog: HTMLDialogElement): () => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  dialog.showModal();
  return () => {
    const target = opener?.isConnected ? opener : document.getElementById('main');
    target?.focus();
  };
}
