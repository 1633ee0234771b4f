// The console's router: #/classify, #/models, #/jobs and #/drift each render one page into <main>. A page's render()
// returns a function that stops what it started (event streams, pending requests) when another page is opened.
import { fill, h } from './dom.js';
import { renderClassify } from './pages/classify.js';
import { renderModels } from './pages/models.js';
import { renderJobs } from './pages/jobs.js';
import { renderDrift } from './pages/drift.js';

const pages = {
  classify: { title: 'Classify', render: renderClassify },
  models: { title: 'Models', render: renderModels },
  jobs: { title: 'Jobs', render: renderJobs },
  drift: { title: 'Drift', render: renderDrift },
};

let leave = () => {};

async function show() {
  const name = (/^#\/(\w+)/.exec(window.location.hash) ?? [])[1];
  if (!pages[name]) {
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
    await page.render(body, controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) {
      fill(body, h('p', { class: 'problem', role: 'alert' }, error.message));
    }
  }
}

window.addEventListener('hashchange', show);
show();
