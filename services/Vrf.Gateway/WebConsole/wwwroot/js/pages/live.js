// The "live" badge of the pages that follow the bus events: says whether the event stream is connected.
import { h } from '../dom.js';

export function liveIndicator() {
  const element = h('p', { class: 'live is-connecting', role: 'status' }, 'Connecting to live events…');
  return {
    element,
    update: (state) => {
      element.className = `live is-${state}`;
      element.textContent = state === 'live' ? 'Live: updates as events arrive' : 'Live events interrupted: reconnecting…';
    },
  };
}
