// The console's router: #/classify, #/models, #/jobs and #/drift each render one page into <main>. A page's render()
// returns a function that stops what it started (event streams, pending requests) when another page is opened.
// It first asks the gateway who the caller is (GET /v1/identity): a gateway that wants a key answers 401 and the sign-in
// dialog asks for one. Pages and controls the caller's roles do not allow are left out (the gateway refuses them anyway).
import { api, onRefused } from './api.js';
import { may, roles, showCaller } from './caller.js';
import { credentials } from './credentials.js';
import { fill, h } from './dom.js';
import { askForKey } from './signin.js';
import { renderClassify } from './pages/classify.js';
import { renderModels } from './pages/models.js';
import { renderJobs } from './pages/jobs.js';
import { renderDrift } from './pages/drift.js';

const pages = {
  classify: { title: 'Classify', role: roles.classify, render: renderClassify },
  models: { title: 'Models', role: roles.classify, render: renderModels },
  jobs: { title: 'Jobs', role: roles.operate, render: renderJobs },
  drift: { title: 'Drift', role: roles.classify, render: renderDrift },
};

let caller = null;
let leave = () => {};

async function show() {
  if (!caller) return;
  const name = (/^#\/(\w+)/.exec(window.location.hash) ?? [])[1];
  if (!pages[name] || !may(caller, pages[name].role)) {
    window.location.replace('#/classify');
    return;
  }
  leave();
  const page = pages[name];
  const main = document.getElementById('page');
  const controller = new AbortController();
  leave = () => controller.abort();
  document.title = `${page.title} · VRF console`;
  for (const link of document.querySelectorAll('nav a[data-page]')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const heading = h('h1', { tabindex: '-1' }, page.title);
  const body = h('div', { class: 'page-body' });
  fill(main, heading, body);
  if (document.activeElement?.closest?.('nav')) heading.focus();
  try {
    await page.render(body, controller.signal, caller);
  } catch (error) {
    if (!controller.signal.aborted) {
      fill(body, h('p', { class: 'problem', role: 'alert' }, error.message));
    }
  }
}

// Shows the console as the caller may see it: its pages in the navigation, who it is in the header, the current page.
function enter(identity) {
  caller = identity;
  document.querySelector('nav').hidden = false;
  for (const link of document.querySelectorAll('nav a[data-page]')) {
    link.closest('li').hidden = !may(caller, pages[link.dataset.page].role);
  }
  showCaller(document.getElementById('caller'), caller, { signIn: offerSignIn, signOut });
  show();
}

// No usable credentials: stop the page and its streams, and let the dialog ask for a key.
async function requireSignIn(reason) {
  leave();
  leave = () => {};
  caller = null;
  document.getElementById('caller').hidden = true;
  document.querySelector('nav').hidden = true;
  fill(document.getElementById('page'), h('p', { class: 'pending' }, 'Waiting for you to sign in…'));
  const identity = await askForKey({ reason });
  if (identity) enter(identity);
}

// In anonymous use a person may still sign in with a key, to act under its name and roles.
async function offerSignIn() {
  const identity = await askForKey({ optional: true });
  if (identity) enter(identity);
}

async function signOut() {
  credentials.forget();
  await start();
}

async function start() {
  try {
    enter(await api.identity());
  } catch (error) {
    // A 401 has already opened the sign-in dialog (onRefused); anything else leaves the console unusable.
    if (error.status !== 401) fill(document.getElementById('page'), h('p', { class: 'problem', role: 'alert' }, error.message));
  }
}

onRefused((error, hadKey) => {
  credentials.forget();
  requireSignIn(hadKey ? `The gateway no longer accepts the key you signed in with: ${error.detail || error.title}` : '');
});
window.addEventListener('hashchange', show);
start();
