// Builds elements without HTML strings, so no text from the API is ever parsed as markup.
//   h('button', { class: 'primary', type: 'button', onclick: go }, 'Go')
// Properties starting with "on" become listeners; false, null and undefined values are left out; true sets an empty attribute.
// A style is an object of CSS properties, set through the DOM (the console's content security policy forbids style attributes).
export function h(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'style') Object.assign(element.style, value);
    else if (name === 'class') element.className = value;
    else if (name === 'value' && 'value' in element) element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

// The same for SVG elements.
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces an element's content.
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let nextId = 0;

// An id no other element has, for aria-labelledby, aria-describedby and label/for pairs.
export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

// Tells screen-reader users what just happened, without moving their focus.
export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = message; }, 50);
}

// A labelled form control: the label above, an optional hint below, tied together for assistive technology.
export function field(label, control, hint) {
  control.id ||= uniqueId('field');
  const hintElement = hint ? h('small', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintElement);
}

// A select of [value, text] pairs.
export function select(options, properties = {}) {
  return h('select', properties, options.map(([value, text]) => h('option', { value }, text)));
}
