// The "live" badge of the pages that follow the bus events: says whether the event stream is connected.
import { h } from '../dom.js';

const states = {
  live: 'Live: updates as events arrive',
  reconnecting: 'Live events interrupted: reconnecting…',
  refused: 'Live events refused: the gateway no longer accepts these credentials.',
};

export function liveIndicator() {
  const element = h('p', { class: 'live is-connecting', role: 'status' }, 'Connecting to live events…');
  return {
    element,
    update: (state) => {
      element.className = `live is-${state}`;
      element.textContent = states[state];
    },
  };
}
