// The console's only way to the gateway: every request goes through send(), which sends the signed-in key as
// 'Authorization: Bearer <key>'. Errors arrive as RFC 9457 problem details and are thrown as ApiError; a 401 to the kept
// key (or to no key) also tells the listener set with onRefused(), which asks the person to sign in.
import { credentials } from './credentials.js';

export class ApiError extends Error {
  constructor(status, title, detail, problem = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }
}

let refused = () => {};

// listener(error, hadKey) runs when the gateway answers 401 to the console's credentials: hadKey says whether a kept
// key was refused (rotated, withdrawn) or none was sent.
export function onRefused(listener) {
  refused = listener;
}

async function send(path, init = {}, key = credentials.current()) {
  let response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}), ...init.headers },
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The gateway cannot be reached', 'Check that it is running and that this page was opened from it.');
  }
  if (!response.ok) {
    const error = await problemOf(response);
    if (response.status === 401 && key === credentials.current()) refused(error, Boolean(key));
    throw error;
  }
  return response;
}

async function problemOf(response) {
  let problem = {};
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = {};
    }
  }
  return new ApiError(response.status, problem.title ?? `${response.status} ${response.statusText}`.trim(), problem.detail ?? '', problem);
}

const path = (strings, ...values) => strings.reduce((text, part, i) => text + part + (i < values.length ? encodeURIComponent(values[i]) : ''), '');

export const api = {
  // Who the gateway takes the caller for: { name, roles, credentials }. With a key, that key is checked instead of the
  // kept one (the sign-in dialog tries a key before keeping it).
  identity: async (key = credentials.current()) => (await send('/v1/identity', {}, key)).json(),
  models: async () => (await (await send('/v1/models')).json()).models,
  model: async (name) => (await send(path`/v1/models/${name}`)).json(),
  drift: async (name) => (await send(path`/v1/models/${name}/drift`)).json(),
  promote: async (name, version) => (await send(path`/v1/models/${name}/versions/${version}/promote`, { method: 'POST' })).json(),
  retire: async (name, version) => (await send(path`/v1/models/${name}/versions/${version}/retire`, { method: 'POST' })).json(),

  // A training image by the sample id a nearest failure carries ("class/file.png"), as a Blob.
  trainingImage: async (name, version, sampleId) => {
    const [className, ...file] = sampleId.split('/');
    return (await send(path`/v1/models/${name}/versions/${version}/training-images/${className}/${file.join('/')}`, {
      headers: { Accept: 'image/*' },
    })).blob();
  },

  // One image, as a form upload; query holds model, version, mode, alpha, topK and nearestFailures (empty values left out).
  classify: async (file, query) => {
    const parameters = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== '' && value !== null && value !== undefined));
    const form = new FormData();
    form.append('image', file, file.name);
    return (await send(`/v1/classify?${parameters}`, { method: 'POST', body: form })).json();
  },

  jobs: async () => (await (await send('/v1/jobs')).json()).jobs,
  job: async (id) => (await send(path`/v1/jobs/${id}`)).json(),
  retrain: async (request) => (await send('/v1/retrain', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  })).json(),
  cancel: async (id) => (await send(path`/v1/jobs/${id}/cancel`, { method: 'POST' })).json(),
};

// Follows GET /v1/events (server-sent events) until signal aborts: onEvent(name, data) for each event, onState('live' |
// 'reconnecting' | 'refused') as the connection comes and goes. After a dropped connection it reconnects with
// Last-Event-ID, so nothing is missed or repeated; a refusal (401, 403) ends it. Read with fetch through send(), not
// EventSource: EventSource cannot send an Authorization header, and a key put in the URL instead would end up in logs.
export async function followEvents(onEvent, onState, signal) {
  let lastId = null;
  let delay = 500;
  while (!signal.aborted) {
    try {
      const response = await send('/v1/events', {
        headers: { Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}) },
        signal,
      });
      onState('live');
      delay = 500;
      for await (const event of serverSentEvents(response.body, signal)) {
        if (event.id) lastId = event.id;
        onEvent(event.name, JSON.parse(event.data));
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error.status === 401 || error.status === 403) {
        onState('refused');
        return;
      }
      console.warn('event stream interrupted', error);
    }
    if (signal.aborted) return;
    onState('reconnecting');
    await new Promise((resolve) => { window.setTimeout(resolve, delay); });
    delay = Math.min(delay * 2, 10000);
  }
}

// The events of a text/event-stream body: { name, data, id } at each blank line.
async function* serverSentEvents(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { name: 'message', data: [], id: null };
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (event.data.length > 0) yield { name: event.name, data: event.data.join('\n'), id: event.id };
          event = { name: 'message', data: [], id: null };
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = text;
        else if (field === 'data') event.data.push(text);
        else if (field === 'id') event.id = text;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
