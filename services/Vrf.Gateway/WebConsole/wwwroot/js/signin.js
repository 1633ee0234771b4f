// The sign-in dialog: asks for an API key (or an access token of the gateway's issuer), checks it with
// GET /v1/identity before keeping it, and says why when the gateway refuses it. Resolves the identity the key gives, or
// null when the person cancels (offered only when the console works without a key). One dialog at a time: asking again
// while it is open returns the same answer.
import { api } from './api.js';
import { credentials } from './credentials.js';
import { h, uniqueId } from './dom.js';

let open = null;

export function askForKey({ reason = '', optional = false } = {}) {
  open ??= showDialog(reason, optional).finally(() => { open = null; });
  return open;
}

function showDialog(reason, optional) {
  const returnFocus = document.activeElement;
  return new Promise((resolve) => {
    const titleId = uniqueId('sign-in-title');
    const introId = uniqueId('sign-in-intro');
    const errorId = uniqueId('sign-in-error');
    const key = h('input', {
      type: 'password', name: 'apiKey', id: uniqueId('api-key'), required: true, autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${introId} ${errorId}`,
    });
    const error = h('p', { class: 'problem', id: errorId, role: 'alert', hidden: !reason }, reason);
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
    const form = h('form', { method: 'dialog', novalidate: true },
      h('h2', { id: titleId }, 'Sign in'),
      h('p', { id: introId }, 'This gateway needs an API key: ask its operator for one. The key’s roles decide what this console offers: ' +
        'classify (classify images, read the models and their drift) or operate (also retrain, promote and retire). ' +
        'It is kept in this tab only, until the tab closes or you sign out.'),
      h('div', { class: 'field' }, h('label', { for: key.id }, 'API key'), key),
      error,
      h('div', { class: 'actions' },
        optional ? h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel') : null,
        submit));
    const dialog = h('dialog', { class: 'sign-in', 'aria-labelledby': titleId, 'aria-describedby': introId }, form);
    let identity = null;

    const refuse = (message) => {
      error.textContent = message;
      error.hidden = false;
      key.setAttribute('aria-invalid', 'true');
      key.select();
      key.focus();
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const candidate = key.value.trim();
      if (!candidate) {
        refuse('Enter the API key.');
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Checking…';
      try {
        identity = await api.identity(candidate);
        credentials.keep(candidate);
        dialog.close();
      } catch (problem) {
        refuse(problem.status === 401
          ? 'The gateway does not accept this key. Check it, or ask the gateway’s operator for a new one.'
          : problem.message);
      } finally {
        submit.disabled = false;
        submit.textContent = 'Sign in';
      }
    });
    // Without a key nothing works, so Escape does not dismiss a required dialog.
    dialog.addEventListener('cancel', (event) => {
      if (!optional) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      if (!identity && !optional) {
        dialog.showModal();
        return;
      }
      dialog.remove();
      returnFocus?.focus?.();
      resolve(identity);
    });
    document.body.append(dialog);
    dialog.showModal();
    key.focus();
  });
}
