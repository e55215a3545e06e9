// Building DOM nodes without HTML strings: every text from the API goes through textContent, so nothing
// it holds is ever parsed as markup.

/**
 * An element: h('td', {'data-col': 'received', class: 'num'}, 'text', otherNode). Attributes whose value
 * is null, undefined or false are left out; true sets an empty attribute; on* names add listeners.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The element with data-testid = id, within root. */
export function byTestId(id, root = document) {
  return root.querySelector(`[data-testid="${id}"]`);
}
