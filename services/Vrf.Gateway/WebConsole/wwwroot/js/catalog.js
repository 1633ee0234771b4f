// The models the store holds, for the pickers of every page.
import { api } from './api.js';
import { h, select } from './dom.js';

// [value, text] options of a model's ready versions, the current one first as the default ("").
export function versionOptions(details, { currentLabel = 'current' } = {}) {
  const ready = details.versions.filter((version) => version.status === 'ready');
  return [
    ['', details.currentVersion ? `${currentLabel} (v${details.currentVersion})` : 'none ready'],
    ...ready.map((version) => [String(version.version), `v${version.version}`]),
  ];
}

// A select of the model names; empty (with a message) when the store holds none.
export async function modelSelect(properties = {}) {
  const models = await api.models();
  const control = select(models.map((model) => [model.name, model.currentVersion ? `${model.name} (v${model.currentVersion})` : `${model.name} (none ready)`]),
    { ...properties, required: true });
  if (models.length === 0) control.append(h('option', { value: '' }, 'no model in the store'));
  return { control, models };
}
