// A modal confirmation: resolves true when the person confirms, false when they cancel or press Escape. Focus moves
// into the dialog and back to where it was.
import { h } from './dom.js';

export function confirmAction({ title, message, confirm, danger = false }) {
  const returnFocus = document.activeElement;
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Date.now()}`;
    const confirmButton = h('button', { type: 'submit', value: 'confirm', class: danger ? 'danger' : 'primary' }, confirm);
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': titleId },
      h('form', { method: 'dialog' },
        h('h2', { id: titleId }, title),
        h('p', {}, message),
        h('div', { class: 'actions' },
          h('button', { type: 'submit', value: 'cancel' }, 'Cancel'),
          confirmButton)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus?.focus?.();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
    confirmButton.focus();
  });
}
