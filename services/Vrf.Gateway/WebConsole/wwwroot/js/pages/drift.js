// Drift: per model, the monitor's window over the current version's recent results (statistics and p-values against
// the validation images), its alarm state and the alarms raised and cleared since this page was opened. The alarms
// come from the event stream, which needs the operate role: a classify caller sees the report and its Refresh.
import { api, followEvents } from '../api.js';
import { may, roles } from '../caller.js';
import { modelSelect } from '../catalog.js';
import { field, fill, h } from '../dom.js';
import { dateTime, decimal, percent, time } from '../format.js';
import { liveIndicator } from './live.js';

// The report's statistics, each with what it measures and the value it has on in-distribution traffic.
const statistics = [
  ['shareAboveP95', 'share_above_p95', 'Share of d above the validation 95th percentile', 'about 5 % in distribution', percent],
  ['binomialP', 'binomial_p', 'Binomial test of that share against 5 %: p', 'small p: too many unusual images', pValue],
  ['ks', 'ks', 'Kolmogorov–Smirnov statistic, d against validation', '0 when alike, 1 when apart', (v) => decimal(v, 3)],
  ['ksP', 'ks_p', 'Kolmogorov–Smirnov test: p', 'small p: d is distributed differently', pValue],
  ['meanOmega', 'mean_omega', 'Mean ω (fine-tuned model’s weight)', 'falls as images move away from the failures', (v) => decimal(v, 3)],
  ['disagreement', 'disagreement', 'Zero-shot and fine-tuned disagree', 'share of results', percent],
  ['classChiSquaredP', 'class_chi2_p', 'Predicted classes against validation frequencies (χ²): p', 'small p: label shift', pValue],
];

function pValue(value) {
  return value === null || value === undefined ? '–' : value < 0.001 ? value.toExponential(1) : decimal(value, 3);
}

export async function renderDrift(body, signal, caller) {
  const { control: model, models } = await modelSelect({ name: 'model' });
  if (models.length === 0) {
    fill(body, h('p', { class: 'empty' }, 'The model store holds no model yet.'));
    return;
  }
  const operate = may(caller, roles.operate);
  const report = h('div', { class: 'drift', 'aria-live': 'polite' });
  const history = h('ol', { class: 'history' });
  const quiet = h('p', { class: 'hint' }, 'No alarm was raised or cleared since this page was opened.');
  const live = liveIndicator();
  const refresh = h('button', { type: 'button' }, 'Refresh');
  const load = async () => {
    fill(report, h('p', { class: 'pending' }, 'Asking the monitor…'));
    try {
      fill(report, ...driftReport(await api.drift(model.value)));
    } catch (error) {
      fill(report, unavailable(model.value, error));
    }
  };
  model.addEventListener('change', load);
  refresh.addEventListener('click', load);
  fill(body,
    h('p', { class: 'lead' }, 'The monitor compares each served version’s recent results with its validation images: how far they are from ' +
      'the zero-shot failures (d), how the two models agree and which classes are predicted. An alarm is raised when a test crosses its threshold ' +
      'and cleared when traffic looks like validation again.'),
    h('form', { class: 'settings inline', 'aria-label': 'Drift report', onsubmit: (event) => event.preventDefault() }, field('Model', model), refresh),
    report,
    operate ? h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'Alarms'), live.element, quiet, history) : null);
  await load();
  if (!operate) return;

  followEvents((event, data) => {
    if (event !== 'distribution-shift-detected' && event !== 'distribution-shift-cleared') return;
    const raised = event === 'distribution-shift-detected';
    quiet.remove();
    history.prepend(h('li', { class: raised ? 'raised' : 'cleared' },
      h('strong', {}, `${data.modelName} v${data.modelVersion}: ${raised ? 'drift detected' : 'back to normal'}`),
      ` at ${time(raised ? data.detectedAt : data.clearedAt)}, over ${data.window.size} results`));
    if (data.modelName === model.value) load();
  }, live.update, signal);
}

function driftReport(drift) {
  const version = drift.version ?? drift.modelVersion;
  const window = drift.window ?? {};
  const values = drift.statistics ?? {};
  const state = drift.alarm
    ? h('p', { class: 'alarm raised', role: 'alert' }, h('strong', {}, 'Drift alarm'), ` on v${version} since ${dateTime(drift.since)}`)
    : h('p', { class: 'alarm clear' }, h('strong', {}, 'No drift'), ` on v${version}` + (drift.since ? `; last alarm cleared ${dateTime(drift.since)}` : ''));
  const notMonitored = drift.notMonitoredReason ? h('p', { class: 'problem' }, drift.notMonitoredReason) : null;
  const classes = drift.overRepresentedClasses ?? [];
  return [
    state,
    notMonitored,
    h('p', {}, window.size
      ? `Window: the last ${window.size} results, ${dateTime(window.from)} to ${dateTime(window.to)}.`
      : 'The window is empty: no result of this version has reached the monitor yet.'),
    h('table', { class: 'compact statistics' },
      h('caption', {}, 'Window statistics against the validation images'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Statistic'), h('th', { scope: 'col', class: 'number' }, 'Value'), h('th', { scope: 'col' }, 'Reads as'))),
      h('tbody', {}, statistics.map(([camel, snake, name, meaning, format]) => h('tr', {},
        h('th', { scope: 'row' }, name), h('td', { class: 'number' }, format(values[camel] ?? values[snake])), h('td', { class: 'hint' }, meaning))))),
    classes.length === 0 ? null : h('section', {}, h('h2', {}, 'Over-represented classes'),
      h('ul', {}, classes.map((entry) => h('li', {}, `${entry.name}: ${entry.observed} results, ${decimal(entry.expected, 1)} expected`)))),
  ];
}

function unavailable(name, error) {
  if (error.status === 404 && !/model/i.test(error.title ?? '')) {
    return h('p', { class: 'problem', role: 'alert' },
      h('strong', {}, 'The drift monitor is not available on this gateway. '),
      `GET /v1/models/${name}/drift answered ${error.status} ${error.title}: this gateway has no drift route; it comes with the monitor service.`);
  }
  return h('p', { class: 'problem', role: 'alert' }, h('strong', {}, `No drift report: ${error.title}. `), error.detail);
}
