// Jobs: start a retrain, and watch every job live (stage, epoch, step, loss curve, images/s, ETA) from the bus events
// the gateway streams, through indexing to the promotion of the version it trained; cancel a job that runs.
import { api, followEvents } from '../api.js';
import { modelSelect, versionOptions } from '../catalog.js';
import { lineChart } from '../charts.js';
import { confirmAction } from '../dialog.js';
import { announce, field, fill, h, select, uniqueId } from '../dom.js';
import { dateTime, decimal, duration, percent, timeSpanSeconds } from '../format.js';
import { liveIndicator } from './live.js';

const recipes = [
  ['end-to-end', 'End-to-end fine-tuning (WiSE-FT’s recipe)'],
  ['linear-probe', 'Linear probe (head only, encoder frozen)'],
  ['lp-ft', 'Linear probe, then end-to-end (LP-FT)'],
];
const running = new Set(['submitted', 'accepted', 'running']);

// The settings a request may change, each left to the recipe's default when empty.
const settings = [
  ['epochs', 'Epochs', { min: 1, step: 1, placeholder: '10' }],
  ['batchSize', 'Batch size', { min: 1, step: 1, placeholder: '32' }],
  ['learningRate', 'Learning rate', { min: 0, step: 'any', placeholder: '3e-5 (1e-3 for a linear probe)' }],
  ['weightDecay', 'Weight decay', { min: 0, step: 'any', placeholder: '0.1' }],
  ['warmupSteps', 'Warm-up steps', { min: 0, step: 1, placeholder: 'min(500, a tenth of the run)' }],
  ['gradientClipNorm', 'Gradient clipping norm', { min: 0, step: 'any', placeholder: '1.0' }],
  ['seed', 'Seed', { step: 1, placeholder: '0' }],
  ['linearProbeEpochs', 'LP-FT: probe epochs', { min: 1, step: 1 }],
  ['linearProbeLearningRate', 'LP-FT: probe learning rate', { min: 0, step: 'any' }],
  ['checkpointEverySteps', 'Checkpoint every (steps)', { min: 1, step: 1, placeholder: '100' }],
];

export async function renderJobs(body, signal) {
  const jobs = new Map();
  const models = new Map();
  const list = h('div', { class: 'jobs' });
  const empty = h('p', { class: 'empty' }, 'No retrain job yet.');
  const live = liveIndicator();

  const describe = (name, fresh = false) => {
    if (fresh || !models.has(name)) models.set(name, api.model(name).catch(() => null));
    return models.get(name);
  };
  const place = (job) => {
    empty.remove();
    const cards = [...jobs.values()].sort((a, b) => (b.state.acceptedAt ?? '9').localeCompare(a.state.acceptedAt ?? '9'));
    list.replaceChildren(...cards.map((card) => card.element));
  };
  const track = (state) => {
    if (jobs.has(state.jobId)) return jobs.get(state.jobId);
    const card = jobCard(state, describe);
    jobs.set(state.jobId, card);
    place(card);
    return card;
  };

  const form = await retrainForm(describe, (accepted, request) => {
    track({ jobId: accepted.jobId, model: accepted.model, status: 'submitted', step: 0, totalSteps: 0, request: { ...request, recipe: request.recipe } });
    announce(`Job ${accepted.jobId} submitted.`);
  });
  for (const record of (await api.jobs()).reverse()) track(record).refreshVersion();
  fill(body,
    h('section', { class: 'card', 'aria-labelledby': 'retrain-title' }, h('h2', { id: 'retrain-title' }, 'Start a retrain'), form),
    h('section', { 'aria-labelledby': 'jobs-title' }, h('h2', { id: 'jobs-title' }, 'Jobs'), live.element, jobs.size === 0 ? empty : null, list));

  const unknown = new Set();
  followEvents((event, data) => {
    if (data.jobId && !jobs.has(data.jobId)) {
      if (unknown.has(data.jobId)) return;
      unknown.add(data.jobId);
      api.job(data.jobId).then((record) => track(record).apply(event, data)).catch(() => unknown.delete(data.jobId));
      return;
    }
    if (data.jobId) {
      jobs.get(data.jobId).apply(event, data);
      return;
    }
    for (const card of jobs.values()) {
      if (card.state.model === data.modelName) card.apply(event, data);
    }
  }, live.update, signal);
}

async function retrainForm(describe, onAccepted) {
  const { control: model, models } = await modelSelect({ name: 'model' });
  const base = select([], { name: 'baseVersion' });
  const train = h('input', { type: 'text', name: 'train', required: true, autocomplete: 'off', spellcheck: 'false' });
  const validation = h('input', { type: 'text', name: 'validation', required: true, autocomplete: 'off', spellcheck: 'false' });
  const test = h('input', { type: 'text', name: 'test', autocomplete: 'off', spellcheck: 'false' });
  const recipe = select(recipes, { name: 'recipe' });
  const inputs = settings.map(([name, , attributes]) => h('input', { type: 'number', name, ...attributes }));
  const problem = h('div', { class: 'problem', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', disabled: models.length === 0 }, 'Start retrain');
  let prefilled = {};

  const loadModel = async () => {
    const details = await describe(model.value);
    if (!details) return;
    fill(base, versionOptions(details).map(([value, text]) => h('option', { value }, text)));
    const current = details.versions.find((version) => version.version === details.currentVersion);
    const folders = current?.datasets ?? {};
    // The folders the current version was indexed from, unless the person typed others.
    for (const [input, source] of [[train, folders.train], [validation, folders.validation], [test, folders.test]]) {
      if (input.value === '' || input.value === prefilled[input.name]) input.value = source?.path ?? '';
      prefilled[input.name] = input.value;
    }
  };
  model.addEventListener('change', loadModel);
  if (models.length > 0) await loadModel();

  const form = h('form', { class: 'retrain', novalidate: false },
    h('div', { class: 'settings' },
      field('Model', model),
      field('Start from version', base, 'Its zero-shot model and head are where training starts.'),
      field('Recipe', recipe)),
    h('div', { class: 'settings wide' },
      field('Training images', train, 'A folder with one sub-folder per class, as the fine-tuning service sees it (absolute path).'),
      field('Validation images', validation, 'Held-out images of the same classes: temperatures, a and b are tuned on them.'),
      field('Test images (optional)', test, 'Recorded in the new version for `vrf eval`.')),
    h('details', { class: 'advanced' },
      h('summary', {}, 'Training settings (empty: the recipe’s default)'),
      h('div', { class: 'settings' }, settings.map(([, label], i) => field(label, inputs[i])))),
    problem,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hidden = true;
    const request = { model: model.value, train: train.value.trim(), validation: validation.value.trim(), recipe: recipe.value };
    if (base.value) request.baseVersion = Number(base.value);
    if (test.value.trim()) request.test = test.value.trim();
    settings.forEach(([name], i) => {
      if (inputs[i].value !== '') request[name] = Number(inputs[i].value);
    });
    submit.disabled = true;
    try {
      onAccepted(await api.retrain(request), request);
    } catch (error) {
      fill(problem, h('strong', {}, `Not started: ${error.title}`), h('p', {}, error.detail || error.message));
      problem.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// A job's card: kept for the page's life and updated in place, so focus on its button survives updates.
function jobCard(initial, describe) {
  const state = { ...initial, points: new Map(), indexing: null, version: null };
  if (state.lastLoss !== null && state.lastLoss !== undefined && state.step > 0) state.points.set(state.step, state.lastLoss);
  const titleId = uniqueId('job');
  const title = h('h3', { id: titleId });
  const badge = h('span', { class: 'badge' });
  const meta = h('p', { class: 'hint' });
  const progress = h('progress', { max: 1, value: 0, 'aria-labelledby': titleId });
  const numbers = h('p', { class: 'numbers' });
  const chart = h('div', { class: 'loss' });
  const outcome = h('p', { class: 'outcome', 'aria-live': 'polite' });
  const cancel = h('button', { type: 'button', class: 'danger' }, 'Cancel');
  const element = h('article', { class: 'job card', 'aria-labelledby': titleId },
    h('header', {}, h('div', {}, title, meta), h('div', { class: 'job-actions' }, badge, cancel)),
    progress, numbers, chart, outcome);

  cancel.addEventListener('click', async () => {
    const confirmed = await confirmAction({
      title: `Cancel job ${state.jobId.slice(0, 8)}?`,
      message: `Training of ${state.model} stops at its next progress report and its checkpoints are deleted. Nothing is published.`,
      confirm: 'Cancel the job',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await api.cancel(state.jobId);
      state.cancelRequested = true;
      render();
    } catch (error) {
      outcome.textContent = `Not cancelled: ${error.message}`;
    }
  });

  const refreshVersion = async (fresh = false) => {
    if (!state.resultVersion) return;
    const details = await describe(state.model, fresh);
    const version = details?.versions.find((v) => v.version === state.resultVersion);
    if (!version) return;
    state.version = version.status === 'ready' && details.currentVersion === version.version ? 'current' : version.status;
    state.failureReason = version.failureReason;
    render();
  };

  const apply = (event, data) => {
    const active = running.has(state.status);
    switch (event) {
      case 'fine-tuning-started':
        if (active) Object.assign(state, { status: 'running', totalSteps: data.totalSteps, baseVersion: data.baseVersion });
        break;
      case 'fine-tuning-progressed':
        if (active) {
          Object.assign(state, {
            status: 'running', stage: data.stage, epoch: data.epoch, step: data.step, totalSteps: data.totalSteps,
            lastLoss: data.loss, imagesPerSecond: data.imagesPerSecond, eta: timeSpanSeconds(data.eta),
          });
        }
        state.points.set(data.step, data.loss);
        break;
      case 'model-trained':
        Object.assign(state, { status: 'trained', resultVersion: data.version, validationAccuracy: data.validationAccuracy, step: state.totalSteps });
        state.version ??= 'indexing';
        break;
      case 'fine-tuning-failed':
        Object.assign(state, { status: 'failed', reason: data.reason });
        break;
      case 'fine-tuning-cancelled':
        Object.assign(state, { status: 'cancelled', step: data.completedSteps });
        break;
      case 'model-indexing-progressed':
        if (data.version === state.resultVersion) state.indexing = data;
        break;
      case 'model-indexing-failed':
      case 'model-promoted':
      case 'model-retired':
        if (state.resultVersion) refreshVersion(true);
        return;
      default:
        return;
    }
    render();
  };

  const render = () => {
    const target = state.resultVersion ? ` → v${state.resultVersion}` : '';
    title.textContent = `${state.model}${state.baseVersion ? ` v${state.baseVersion}` : ''}${target}`;
    badge.textContent = state.cancelRequested && running.has(state.status) ? `${state.status}, cancel requested` : state.status;
    badge.className = `badge status-${state.status}`;
    meta.textContent = `Job ${state.jobId} · ${state.request?.recipe ?? ''}` + (state.acceptedAt ? ` · accepted ${dateTime(state.acceptedAt)}` : '');
    cancel.hidden = !running.has(state.status);
    progress.max = Math.max(1, state.totalSteps ?? 0);
    progress.value = Math.min(progress.max, state.step ?? 0);
    numbers.textContent = [
      state.totalSteps ? `step ${state.step} of ${state.totalSteps}` : 'waiting for a worker',
      state.stage ? `${state.stage}, epoch ${state.epoch}` : null,
      state.lastLoss !== undefined && state.lastLoss !== null ? `loss ${decimal(state.lastLoss, 4)}` : null,
      state.imagesPerSecond ? `${decimal(state.imagesPerSecond, 1)} images/s` : null,
      state.status === 'running' && state.eta !== undefined && state.eta !== null ? `ETA ${duration(state.eta)}` : null,
    ].filter(Boolean).join(' · ');
    const points = [...state.points.entries()].sort(([a], [b]) => a - b).map(([x, y]) => ({ x, y }));
    fill(chart, lineChart(points, { label: `Training loss of job ${state.jobId.slice(0, 8)}`, xName: 'step', yName: 'loss' }));
    outcome.textContent = describeOutcome(state);
  };

  render();
  return { element, state, apply, refreshVersion: () => refreshVersion(false) };
}

function describeOutcome(state) {
  switch (state.status) {
    case 'failed':
      return `Failed: ${state.reason}`;
    case 'cancelled':
      return `Cancelled after ${state.step} steps${state.reason ? `: ${state.reason}` : ''}.`;
    case 'trained': {
      const accuracy = state.validationAccuracy !== undefined && state.validationAccuracy !== null
        ? ` (validation accuracy ${percent(state.validationAccuracy)})` : '';
      const phase = state.indexing ? `: ${state.indexing.phase} ${state.indexing.completed}/${state.indexing.total}` : '';
      const version = {
        indexing: `being indexed${phase}`,
        current: 'ready and promoted: it is the current version',
        ready: 'ready (another version is current)',
        failed: `indexing failed: ${state.failureReason}`,
        retired: 'retired since',
      }[state.version] ?? 'being indexed';
      return `Trained v${state.resultVersion}${accuracy}; ${version}.`;
    }
    default:
      return state.cancelRequested ? 'Cancel requested: the job stops at its next progress report.' : '';
  }
}
