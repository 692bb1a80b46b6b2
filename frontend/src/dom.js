// Building the page's elements. Every value from the API (article text, titles, URLs,
// names) goes in as a text node or an attribute set through the DOM, never as HTML: this
// module has no innerHTML, and the bundle has none.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// An article URL as a link target only when it is http(s); anything else (javascript:,
// data:, relative paths) is shown as text and never becomes an href.
export function safeHref(url) {
  if (typeof url !== "string" || !url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(url, text) {
  const href = safeHref(url);
  if (!href) return el("span", { class: "url" }, text ?? url ?? "");
  return el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, text ?? url);
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function number(n) {
  return Number(n).toLocaleString("en");
}
