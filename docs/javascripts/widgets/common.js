// Small DOM helpers shared by the widget views (no framework).

/** Create an element: h("button", {class: "x", "aria-label": "Play", onclick: fn}, "▶"). */
export function h(tag, attrs = {}, ...children) {
  const svg = tag.startsWith("svg:");
  const el = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** A labelled number input; `onchange(valueText)` fires on every edit. */
export function numberField(label, value, { min, max, step = 1, role, onchange }) {
  const input = h("input", { type: "number", value, min, max, step, "data-role": role, inputmode: "numeric" });
  input.addEventListener("input", () => onchange(input.value));
  return h("label", { class: "widget-field" }, h("span", {}, label), input);
}

/** A labelled range slider showing its value. */
export function sliderField(label, value, { min, max, step, role, onchange, format = String }) {
  const out = h("output", {}, format(value));
  const input = h("input", { type: "range", value, min, max, step, "data-role": role });
  input.addEventListener("input", () => { out.textContent = format(Number(input.value)); onchange(Number(input.value)); });
  return h("label", { class: "widget-field" }, h("span", {}, label), input, out);
}

/** Show (or clear, with an empty text) the widget's message line. */
export function setMessage(box, text) {
  box.textContent = text || "";
  box.hidden = !text;
}

/** Parse a list of numbers such as "1, -2, 3.5"; returns {values} or {error}. */
export function parseList(text, { name = "list", min = 1, max = 32 } = {}) {
  const parts = (typeof text === "string" ? text : typeof text === "number" ? String(text) : "").split(/[\s,;]+/).filter((p) => p !== "");
  if (parts.length < min) return { error: `The ${name} needs at least ${min} number${min > 1 ? "s" : ""}.` };
  if (parts.length > max) return { error: `The ${name} may hold at most ${max} numbers (got ${parts.length}).` };
  const values = [];
  for (const p of parts) {
    const t = p.replace("\u2212", "-");
    const shown = p.length > 24 ? `${p.slice(0, 23)}…` : p;
    const v = t.length <= 64 && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : NaN;
    if (Number.isNaN(v)) return { error: `"${shown}" in the ${name} is not a number.` };
    if (!Number.isFinite(v)) return { error: `"${shown}" in the ${name} is too large to be a number here.` };
    values.push(v);
  }
  return { values };
}
