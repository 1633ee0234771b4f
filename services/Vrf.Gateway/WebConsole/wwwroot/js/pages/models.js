// Models: every model and version with its status and parameters (K, |V|, a, b, temperatures, α); per version its
// datasets, metrics, training record and last evaluation; promote a ready version or retire one, after confirmation.
// The page follows the bus events, so versions that are indexed, promoted or retired elsewhere show up at once.
// Promoting, retiring and the event stream need the operate role: for a classify caller the page only reads.
import { api, followEvents } from '../api.js';
import { may, roles } from '../caller.js';
import { confirmAction } from '../dialog.js';
import { announce, fill, h, uniqueId } from '../dom.js';
import { dateTime, decimal, percent, plural } from '../format.js';
import { liveIndicator } from './live.js';

export async function renderModels(body, signal, caller) {
  const operate = may(caller, roles.operate);
  const models = await api.models();
  const sections = new Map();
  const indexing = new Map();
  // Versions whose details are open: a section drawn again (on any event, replayed ones included) keeps them open.
  const opened = new Set();
  const live = operate ? liveIndicator() : null;
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  const empty = h('p', { class: 'empty' }, 'The model store holds no model yet. Import one with `vrf models import`; it appears here as soon as it is.');
  const list = h('div', { class: 'models' }, models.length === 0 ? empty : null);
  const freshness = live?.element ?? h('p', { class: 'hint' }, 'Reload the page for versions that changed since it was opened.');
  fill(body, h('p', { class: 'lead' }, 'Workers serve each model’s current version to requests that name no version. ' +
    'Open a version for its datasets, accuracies, training record and last evaluation.'), freshness, problem, list);

  const report = (message) => {
    problem.textContent = message;
    problem.hidden = !message;
  };
  const show = async (name) => {
    const details = await api.model(name);
    const section = modelSection(details, indexing, opened, operate ? async (action, version) => {
      report(await act(action, details, version));
      await show(name);
    } : null);
    empty.remove();
    const old = sections.get(name);
    // Focus stays on the same control of a section drawn again, so an event does not throw a keyboard user out.
    const focused = old?.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    if (old) old.replaceWith(section);
    else list.append(section);
    if (focused) section.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    sections.set(name, section);
  };
  for (const model of models) await show(model.name);
  if (!operate) return;

  const refresh = debounce((name) => show(name).catch((error) => console.warn(error)), 300);
  followEvents((event, data) => {
    if (!data.modelName) return;
    if (event === 'model-indexing-progressed') indexing.set(`${data.modelName}@${data.version}`, data);
    if (['model-imported', 'model-trained', 'model-indexing-failed', 'model-promoted', 'model-retired', 'model-indexing-progressed'].includes(event)) {
      refresh(data.modelName);
    }
  }, live.update, signal);
}

async function act(action, details, version) {
  const id = `${details.name} v${version.version}`;
  const next = details.versions.filter((v) => v.status === 'ready' && v.version !== version.version).map((v) => v.version).pop();
  const confirmed = action === 'retire'
    ? await confirmAction({
      title: `Retire ${id}?`,
      message: `Requests for v${version.version} will be refused and workers free it. ` +
        (details.currentVersion === version.version
          ? (next ? `Requests without a version go to v${next}.` : 'No version will be ready: requests without a version will be refused.')
          : `The current version stays v${details.currentVersion ?? 'none'}.`) + ' A retired version cannot be served again.',
      confirm: `Retire v${version.version}`,
      danger: true,
    })
    : await confirmAction({
      title: `Promote ${id}?`,
      message: `Requests without a version will get v${version.version} instead of v${details.currentVersion}, on every worker, until it is retired or a newer version becomes ready.`,
      confirm: `Promote v${version.version}`,
    });
  if (!confirmed) return '';
  try {
    const change = action === 'retire' ? await api.retire(details.name, version.version) : await api.promote(details.name, version.version);
    announce(`${id} ${change.status}; the current version is ${change.currentVersion ? `v${change.currentVersion}` : 'none'}.`);
    return '';
  } catch (error) {
    return `${id} was not ${action === 'retire' ? 'retired' : 'promoted'}: ${error.message}`;
  }
}

// onAction(action, version) promotes or retires; without it (a caller who may not) the table has no Actions column.
function modelSection(details, indexing, opened, onAction) {
  const titleId = uniqueId('model');
  const columns = ['Version', 'Status', 'Created', 'K', '|V|', 'a', 'b', 'T zero-shot', 'T fine-tuned', 'OSE α', ...(onAction ? ['Actions'] : [])];
  const table = h('table', { class: 'versions' },
    h('caption', {}, `Versions of ${details.name}`),
    h('thead', {}, h('tr', {}, columns.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, details.versions.slice().reverse().flatMap((version) => versionRows(details, version, indexing, opened, onAction, columns.length))));
  return h('section', { class: 'model card', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, details.name, ' ',
      h('span', { class: 'badge current' }, details.currentVersion ? `current: v${details.currentVersion}` : 'no ready version')),
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': `Versions of ${details.name}`, tabindex: 0 }, table));
}

function versionRows(details, version, indexing, opened, onAction, columnCount) {
  const p = version.parameters;
  const isCurrent = details.currentVersion === version.version;
  const key = `${details.name}@${version.version}`;
  const detailId = uniqueId('version');
  const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': String(opened.has(key)), 'aria-controls': detailId, 'data-key': key }, `v${version.version}`);
  const detailRow = h('tr', { id: detailId, class: 'version-details', hidden: !opened.has(key) },
    h('td', { colspan: columnCount }, versionDetails(details.name, version)));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    detailRow.hidden = !open;
    if (open) opened.add(key);
    else opened.delete(key);
  });
  const progress = indexing.get(key);
  const status = version.status === 'indexing' && progress
    ? `indexing: ${progress.phase} ${progress.completed}/${progress.total}`
    : version.status;
  const actions = [];
  if (onAction && version.status === 'ready' && !isCurrent) {
    actions.push(h('button', { type: 'button', 'data-key': `${key}:promote`, onclick: () => onAction('promote', version) }, 'Promote'));
  }
  if (onAction && version.status !== 'retired') {
    actions.push(h('button', { type: 'button', class: 'danger', 'data-key': `${key}:retire`, onclick: () => onAction('retire', version) }, 'Retire'));
  }
  return [
    h('tr', { class: isCurrent ? 'is-current' : null },
      h('th', { scope: 'row' }, toggle, isCurrent ? h('span', { class: 'badge current' }, 'current') : null),
      h('td', {}, h('span', { class: `badge status-${version.status}` }, status)),
      h('td', {}, dateTime(version.createdAt)),
      h('td', { class: 'number' }, p ? `${p.k} (${p.kRule})` : '–'),
      h('td', { class: 'number' }, p ? p.failureSetSize : '–'),
      h('td', { class: 'number' }, p ? decimal(p.a) : '–'),
      h('td', { class: 'number' }, p ? decimal(p.b) : '–'),
      h('td', { class: 'number' }, p ? decimal(p.zeroShotTemperature) : '–'),
      h('td', { class: 'number' }, p ? decimal(p.fineTunedTemperature) : '–'),
      h('td', { class: 'number' }, p ? decimal(p.oseAlpha, 2) : '–'),
      onAction ? h('td', { class: 'actions' }, actions) : null),
    detailRow,
  ];
}

function versionDetails(name, version) {
  const d = version.datasets;
  const facts = [
    ['Encoder kind', version.encoderKind],
    ['Classes', version.classes.join(', ')],
    ['Embedding size', version.embeddingDimension],
    ['Training images', `${d.train.path} (${plural(d.train.imageCount, 'image')})`],
    ['Validation images', d.validation ? `${d.validation.path} (${plural(d.validation.imageCount, 'image')})` : 'none: T = 1, a = 1.5, b = 0.6, α = 0.5'],
    ['Test images', d.test ? `${d.test.path} (${plural(d.test.imageCount, 'image')})` : 'none recorded'],
    ['Parameters tuned on', version.parameters?.tunedOn ?? '–'],
    ['Indexed', dateTime(version.indexedAt)],
    ['Promoted by hand', version.promotedAt ? dateTime(version.promotedAt) : 'never'],
    ['Retired', version.retiredAt ? dateTime(version.retiredAt) : '–'],
  ];
  if (version.failureReason) facts.unshift(['Indexing failed', version.failureReason]);
  if (version.weightSpaceEnsemble) {
    const w = version.weightSpaceEnsemble;
    facts.push(['Weight-space ensemble', `of v${w.sourceVersion} at α = ${w.alpha}${w.chosenOnValidation ? ' (chosen on validation)' : ''}`]);
  }
  return h('div', { class: 'details-grid' },
    h('section', {}, h('h3', {}, `${name} v${version.version}`), h('dl', { class: 'facts' }, facts.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, String(value)))))),
    h('section', {}, h('h3', {}, 'Accuracy when indexed'), metricsTable(version.metrics)),
    h('section', {}, h('h3', {}, 'Training record'), trainingRecord(version.training)),
    h('section', {}, h('h3', {}, 'Last evaluation'), evaluationTable(version.evaluation)),
    version.warnings.length === 0 ? null : h('section', {}, h('h3', {}, 'Warnings'), h('ul', {}, version.warnings.map((warning) => h('li', {}, warning)))));
}

function metricsTable(metrics) {
  if (!metrics) return h('p', { class: 'hint' }, 'Not indexed yet.');
  const rows = [['Training', metrics.train], ['Validation', metrics.validation]].filter(([, split]) => split);
  return h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, ['Split', 'Images', 'Zero-shot', 'Fine-tuned', 'VRF', 'OSE'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, rows.map(([name, split]) => h('tr', {},
      h('th', { scope: 'row' }, name), h('td', { class: 'number' }, split.images),
      [split.zeroShotAccuracy, split.fineTunedAccuracy, split.vrfAccuracy, split.oseAccuracy].map((value) => h('td', { class: 'number' }, percent(value)))))),
    h('caption', { class: 'hint' }, `|V| is ${percent(metrics.failureShare)} of the training images; ${plural(metrics.skippedImages, 'image')} skipped.`));
}

function trainingRecord(training) {
  if (!training) return h('p', { class: 'hint' }, 'Imported, not trained here.');
  const stages = training.stages.map((stage) => `${stage.name}: ${plural(stage.epochs, 'epoch')}, lr ${stage.learningRate}, ${stage.warmupSteps} warm-up, ${plural(stage.steps, 'step')}`);
  return h('dl', { class: 'facts' }, [
    ['Job', training.jobId],
    ['From version', `v${training.baseVersion}`],
    ['Recipe', training.recipe],
    ['Stages', stages.join('; ')],
    ['Batch size, weight decay, clip, seed', `${training.batchSize}, ${training.weightDecay}, ${training.gradientClipNorm}, ${training.seed}`],
    ['Final loss', decimal(training.finalLoss, 4)],
    ['Validation accuracy', percent(training.validationAccuracy)],
    ['Trained', `${dateTime(training.startedAt)} to ${dateTime(training.finishedAt)}`],
  ].map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, String(value)))));
}

const methodNames = { zs: 'Zero-shot', ft: 'Fine-tuned', ose: 'OSE', wse: 'WSE', vrf: 'VRF' };

function evaluationTable(evaluation) {
  if (!evaluation) return h('p', { class: 'hint' }, 'Never evaluated. `vrf eval --model NAME@VERSION --ood NAME=DIR` computes the table and keeps it here.');
  const splits = evaluation.splits;
  const hasMean = evaluation.outOfDistributionMean !== null;
  return h('table', { class: 'compact' },
    h('caption', { class: 'hint' }, `Top-1 accuracy, ${dateTime(evaluation.evaluatedAt)}` + (evaluation.weightSpaceAlpha === null ? '' : `; WSE α = ${evaluation.weightSpaceAlpha}`)),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Method'), splits.map((split) => h('th', { scope: 'col', title: `${split.folder} (${split.images} images)` }, split.name)),
      hasMean ? h('th', { scope: 'col' }, 'OOD mean') : null)),
    h('tbody', {}, evaluation.methods.map((method) => h('tr', {},
      h('th', { scope: 'row' }, methodNames[method] ?? method),
      splits.map((split) => h('td', { class: 'number' }, percent(split.accuracies[method]))),
      hasMean ? h('td', { class: 'number' }, percent(evaluation.outOfDistributionMean[method])) : null))));
}

function debounce(action, wait) {
  const timers = new Map();
  return (key) => {
    window.clearTimeout(timers.get(key));
    timers.set(key, window.setTimeout(() => action(key), wait));
  };
}
