// The caller as GET /v1/identity describes it, { name, roles, credentials }, and what its roles let the console offer:
// classify (classify images, read the models and their drift) or operate (everything, classify included).
import { fill, h } from './dom.js';

export const roles = { classify: 'classify', operate: 'operate' };

// Whether the caller may do what needs role: operate admits everything, as the gateway's policies do.
export function may(caller, role) {
  return caller.roles.includes(role) || caller.roles.includes(roles.operate);
}

// The header's account area: who is signed in, with Sign out; or, in anonymous use, a Sign in that offers a key.
export function showCaller(element, caller, { signIn, signOut }) {
  if (caller.credentials === 'anonymous') {
    fill(element,
      h('span', { class: 'who' }, 'Anonymous use (every role)'),
      h('button', { type: 'button', onclick: signIn }, 'Sign in'));
  } else {
    fill(element,
      h('span', { class: 'who' }, 'Signed in as ', h('strong', {}, caller.name), ` (${caller.roles.join(', ')})`),
      h('button', { type: 'button', onclick: signOut }, 'Sign out'));
  }
  element.hidden = false;
}
