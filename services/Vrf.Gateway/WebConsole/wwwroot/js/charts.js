// Small inline-SVG and HTML charts. Each carries a text alternative, so what it shows is read out too.
import { h, svg } from './dom.js';
import { decimal, percent } from './format.js';

// ω as a gauge from "trust zero-shot" (0) to "trust fine-tuned" (1).
export function weightGauge(omega) {
  const position = `${(Math.min(1, Math.max(0, omega)) * 100).toFixed(1)}%`;
  const leaning = omega >= 0.5 ? 'leans on the fine-tuned model' : 'leans on the zero-shot model';
  return h('div', { class: 'gauge' },
    h('div', { class: 'gauge-label' }, h('span', {}, 'ω, the fine-tuned model’s weight'), h('strong', {}, decimal(omega, 3))),
    h('div', {
      class: 'gauge-track',
      role: 'meter',
      'aria-valuemin': 0,
      'aria-valuemax': 1,
      'aria-valuenow': omega.toFixed(3),
      'aria-valuetext': `ω = ${omega.toFixed(3)}: the ensemble ${leaning}`,
      'aria-label': 'Ensemble weight ω',
    }, h('span', { class: 'gauge-marker', style: { left: position } })),
    h('div', { class: 'gauge-ends', 'aria-hidden': 'true' }, h('span', {}, 'trust zero-shot'), h('span', {}, 'trust fine-tuned')));
}

// Classes with their probabilities, most probable first, as labelled bars.
export function probabilityBars(classes) {
  return h('ol', { class: 'bars' }, classes.map((entry) =>
    h('li', {},
      h('span', { class: 'bar-name' }, entry.name),
      h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: { width: `${(entry.probability * 100).toFixed(1)}%` } })),
      h('span', { class: 'bar-value' }, percent(entry.probability)))));
}

// A line of (x, y) points, e.g. training loss by step, with its axes' ranges written at the corners.
export function lineChart(points, { label, xName, yName, width = 480, height = 140 }) {
  if (points.length === 0) {
    return h('p', { class: 'chart-empty' }, `No ${yName} reported yet.`);
  }
  const pad = { left: 44, right: 8, top: 8, bottom: 22 };
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.min(0, ...ys), Math.max(...ys)];
  const x = (value) => pad.left + ((value - xMin) / (xMax - xMin || 1)) * (width - pad.left - pad.right);
  const y = (value) => height - pad.bottom - ((value - yMin) / (yMax - yMin || 1)) * (height - pad.top - pad.bottom);
  const first = points[0];
  const last = points[points.length - 1];
  const description = `${label}: ${yName} ${decimal(first.y)} at ${xName} ${first.x}, ${decimal(last.y)} at ${xName} ${last.x} (${points.length} points).`;
  return svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': description, preserveAspectRatio: 'none' },
    svg('title', {}, description),
    svg('line', { class: 'axis', x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }),
    svg('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }),
    svg('text', { class: 'tick', x: pad.left - 4, y: pad.top + 8, 'text-anchor': 'end' }, decimal(yMax, 2)),
    svg('text', { class: 'tick', x: pad.left - 4, y: height - pad.bottom, 'text-anchor': 'end' }, decimal(yMin, 2)),
    svg('text', { class: 'tick', x: pad.left, y: height - 6 }, `${xName} ${xMin}`),
    svg('text', { class: 'tick', x: width - pad.right, y: height - 6, 'text-anchor': 'end' }, `${xName} ${xMax}`),
    svg('polyline', { class: 'line', points: points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ') }),
    svg('circle', { class: 'dot', cx: x(last.x), cy: y(last.y), r: 3 }));
}
