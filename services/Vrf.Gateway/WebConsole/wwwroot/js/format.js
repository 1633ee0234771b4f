// Numbers, times and dates as the console shows them (the browser's locale for dates, a point for decimals).

export function percent(share, digits = 1) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)} %`;
}

export function decimal(value, digits = 3) {
  if (value === null || value === undefined) return '–';
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en') : Number(value).toFixed(digits);
}

export function milliseconds(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

// "1 h 2 min", "3 min 4 s", "5 s".
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}

// A .NET TimeSpan as JSON writes it ("1.02:03:04.5", "00:01:30") in seconds; null stays null.
export function timeSpanSeconds(text) {
  if (!text) return null;
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export function dateTime(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'medium' }) : '–';
}

export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
