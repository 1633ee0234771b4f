// Classify: drop or pick images; each gets a card with the class, the top classes, both models' own answers, d and its
// percentile, ω as a gauge, the version, the stage timings and the nearest zero-shot failures as thumbnails.
import { api } from '../api.js';
import { modelSelect, versionOptions } from '../catalog.js';
import { probabilityBars, weightGauge } from '../charts.js';
import { announce, field, fill, h, select, uniqueId } from '../dom.js';
import { decimal, milliseconds, percent } from '../format.js';

const modes = [
  ['vrf', 'VRF (ω per image)'],
  ['zero-shot', 'Zero-shot only'],
  ['fine-tuned', 'Fine-tuned only'],
  ['ose', 'OSE (one α for all)'],
];
const modeNames = { vrf: 'VRF', 'zero-shot': 'Zero-shot only', 'fine-tuned': 'Fine-tuned only', ose: 'Output-space ensemble' };
const parallelRequests = 3;

export async function renderClassify(body, signal) {
  const { control: model, models } = await modelSelect({ name: 'model' });
  if (models.length === 0) {
    fill(body, h('p', { class: 'empty' }, 'The model store holds no model yet. Import one with `vrf models import`, then come back.'));
    return;
  }
  const version = select([], { name: 'version' });
  const mode = select(modes, { name: 'mode' });
  const alpha = h('input', { type: 'number', name: 'alpha', min: 0, max: 1, step: 0.05, placeholder: 'the version’s α', disabled: true });
  const topK = h('input', { type: 'number', name: 'topK', min: 1, max: 1000, value: 5, required: true });
  const nearest = h('input', { type: 'number', name: 'nearestFailures', min: 0, max: 100, value: 5, required: true });
  const files = h('input', { type: 'file', name: 'images', accept: 'image/*', multiple: true, class: 'file-input' });
  const results = h('section', { class: 'results', 'aria-label': 'Results', 'aria-live': 'polite' });
  const details = new Map();

  const describe = async (name) => {
    if (!details.has(name)) details.set(name, api.model(name));
    return details.get(name);
  };
  const loadVersions = async () => {
    fill(version, versionOptions(await describe(model.value)).map(([value, text]) => h('option', { value }, text)));
  };
  model.addEventListener('change', loadVersions);
  mode.addEventListener('change', () => {
    alpha.disabled = mode.value !== 'ose';
    if (alpha.disabled) alpha.value = '';
  });
  await loadVersions();

  const query = () => ({
    model: model.value, version: version.value, mode: mode.value, alpha: alpha.value, topK: topK.value, nearestFailures: nearest.value,
  });
  const classifyAll = (chosen) => {
    const images = [...chosen].filter((file) => file.size > 0 || file.name);
    if (images.length === 0) return;
    const settings = query();
    const jobs = images.map((file) => {
      const card = pendingCard(file);
      results.prepend(card);
      return () => classifyOne(file, settings, card, describe, signal);
    });
    announce(`Classifying ${images.length} image${images.length === 1 ? '' : 's'}.`);
    runLimited(jobs, parallelRequests);
  };

  files.id = uniqueId('images');
  const zone = h('label', { class: 'drop-zone', for: files.id },
    h('strong', {}, 'Drop images here, or choose files'),
    h('span', {}, 'PNG, JPEG, BMP, GIF or WebP; several at once. Each is classified on its own.'));
  files.addEventListener('change', () => {
    classifyAll(files.files);
    files.value = '';
  });
  for (const name of ['dragenter', 'dragover']) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
  }
  for (const name of ['dragleave', 'drop']) zone.addEventListener(name, () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    classifyAll(event.dataTransfer.files);
  });

  fill(body,
    h('p', { class: 'lead' }, 'Each image runs through the embedding, failure-index and scorer services. The result says what the ensemble decided and why: ' +
      'the closer an image is to training images the zero-shot model got wrong (small d), the more the fine-tuned model is trusted (ω near 1).'),
    h('form', { class: 'settings', 'aria-label': 'Classification settings', onsubmit: (event) => event.preventDefault() },
      field('Model', model),
      field('Version', version, 'The current version unless you pick one.'),
      field('Mode', mode, 'How the two models are combined.'),
      field('α (output-space ensemble)', alpha, 'The fine-tuned model’s weight, 0 to 1.'),
      field('Top classes', topK),
      field('Nearest failures', nearest, 'Training images the zero-shot model got wrong, closest first.')),
    h('div', { class: 'drop' }, files, zone),
    results);
}

function runLimited(jobs, limit) {
  const queue = [...jobs];
  const worker = async () => {
    while (queue.length > 0) await queue.shift()();
  };
  for (let i = 0; i < Math.min(limit, jobs.length); i += 1) worker();
}

function pendingCard(file) {
  const preview = h('img', { class: 'query', alt: `The image ${file.name}`, src: URL.createObjectURL(file) });
  preview.addEventListener('load', () => URL.revokeObjectURL(preview.src), { once: true });
  preview.addEventListener('error', () => {
    URL.revokeObjectURL(preview.src);
    preview.replaceWith(h('div', { class: 'query no-preview', role: 'img', 'aria-label': `No preview of ${file.name}` }, 'no preview'));
  }, { once: true });
  const titleId = uniqueId('result');
  return h('article', { class: 'result', 'aria-labelledby': titleId, 'aria-busy': 'true' },
    preview,
    h('div', { class: 'result-body' },
      h('h2', { id: titleId, class: 'file-name' }, file.name),
      h('p', { class: 'pending' }, 'Classifying…')));
}

async function classifyOne(file, settings, card, describe, signal) {
  const resultBody = card.querySelector('.result-body');
  const heading = resultBody.querySelector('h2');
  try {
    const result = await api.classify(file, settings);
    if (signal.aborted) return;
    const model = await describe(result.modelName);
    const classes = model.versions.find((v) => v.version === result.modelVersion)?.classes ?? [];
    fill(resultBody, heading, ...explanation(result, classes));
    card.classList.add('done');
    announce(`${file.name}: ${result.predictedClass.name}.`);
  } catch (error) {
    if (signal.aborted) return;
    card.classList.add('failed');
    fill(resultBody, heading,
      h('div', { class: 'problem', role: 'alert' },
        h('strong', {}, `Not classified: ${error.title ?? 'error'}`),
        h('p', {}, error.detail || error.message),
        error.problem?.stage ? h('p', { class: 'hint' }, `Refused by the ${error.problem.stage} service (${error.problem.kind}).`) : null));
  } finally {
    card.removeAttribute('aria-busy');
  }
}

function explanation(result, classes) {
  const predicted = result.predictedClass;
  const percentile = result.distancePercentile;
  const facts = [
    ['Version', `${result.modelName} v${result.modelVersion}`],
    ['Mode', modeNames[result.mode] ?? result.mode],
    ['Zero-shot model says', `${result.zeroShotTopClass.name} (${percent(result.zeroShotTopClass.probability)})`],
    ['Fine-tuned model says', `${result.fineTunedTopClass.name} (${percent(result.fineTunedTopClass.probability)})`],
    ['d, distance to the K-th nearest zero-shot failure', result.distance === null ? 'not measured in this mode' : decimal(result.distance, 4)],
  ];
  if (percentile !== undefined && percentile !== null) {
    facts.push(['Percentile of d among validation images', `${percent(percentile)} (more unusual than ${percent(percentile, 0)} of them)`]);
  }
  facts.push(['Total time', milliseconds(result.totalMilliseconds)]);
  return [
    h('p', { class: 'verdict' }, h('span', { class: 'class-name' }, predicted.name), ' ', h('span', { class: 'probability' }, percent(predicted.probability))),
    weightGauge(result.weight),
    h('dl', { class: 'facts' }, facts.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value)))),
    h('div', { class: 'columns' },
      h('section', { 'aria-label': 'Top classes' }, h('h3', {}, 'Top classes'), probabilityBars(result.topClasses)),
      h('section', { 'aria-label': 'Stage timings' }, h('h3', {}, 'Stage timings'), stageTable(result.stageTimings))),
    h('section', { class: 'failures', 'aria-label': 'Nearest zero-shot failures' },
      h('h3', {}, 'Nearest zero-shot failures'),
      failureGallery(result, classes)),
  ];
}

function stageTable(timings) {
  return h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Stage'), h('th', { scope: 'col', class: 'number' }, 'Time'))),
    h('tbody', {}, timings.map((timing) => h('tr', {}, h('th', { scope: 'row' }, timing.stage), h('td', { class: 'number' }, milliseconds(timing.milliseconds))))));
}

// The nearest failures as thumbnails of the training images, each with its label and distance. Without the training
// folder on the gateway, each keeps its label and distance and the reason is said once.
function failureGallery(result, classes) {
  if (result.nearestFailures.length === 0) {
    return h('p', { class: 'hint' }, 'None asked for (set “Nearest failures” above 0).');
  }
  const note = h('p', { class: 'hint failures-note' });
  const list = h('ul', { class: 'gallery' }, result.nearestFailures.map((failure) => {
    const label = classes[failure.label] ?? `class ${failure.label}`;
    const picture = h('div', { class: 'thumbnail loading', role: 'img', 'aria-label': `Training image ${failure.sampleId} (loading)` });
    api.trainingImage(result.modelName, result.modelVersion, failure.sampleId)
      .then((blob) => {
        picture.replaceWith(h('img', { class: 'thumbnail', src: URL.createObjectURL(blob), alt: `Training image ${failure.sampleId}, labelled ${label}` }));
      })
      .catch((error) => {
        picture.classList.replace('loading', 'missing');
        picture.setAttribute('aria-label', `Training image ${failure.sampleId}: not available`);
        picture.textContent = 'no image';
        note.textContent = `Thumbnails unavailable: ${error.detail || error.message}`;
      });
    return h('li', {},
      h('figure', {}, picture,
        h('figcaption', {}, h('strong', {}, label), h('span', {}, `d ${decimal(failure.distance, 4)}`), h('small', {}, failure.sampleId))));
  }));
  return [list, note];
}
