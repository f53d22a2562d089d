// View of the activation visualizer: f and f' plotted together in SVG, the saturated regions
// (|f'| < 0.05) shaded, a probe (mouse hover or the keyboard slider) reading exact values, and a
// softmax mode over an editable vector.
import { h, parseList, setMessage, sliderField } from "../common.js";
import { ACTIVATIONS, activation, checkAlpha, fmt, sample, saturatedIntervals, softmax, softmaxJacobian } from "./logic.js";

const W = 600, H = 300, ML = 44, MR = 12, MT = 12, MB = 30;
const XMIN = -6, XMAX = 6, THRESHOLD = 0.05;

function svgEl(tag, attrs = {}, ...children) { return h(`svg:${tag}`, attrs, ...children); }

export function mount(el, config = {}) {
  const names = [...Object.keys(ACTIVATIONS), "softmax"];
  const state = {
    name: names.includes(config.activation) ? config.activation : "sigmoid",
    alpha: {},
    x: 1,
    vector: Array.isArray(config.vector) ? config.vector.join(", ") : "2, 1, 0.1",
  };
  for (const [k, a] of Object.entries(ACTIVATIONS)) if (a.alpha) state.alpha[k] = a.alpha.value;

  const msg = h("p", { class: "widget-message", role: "alert", "data-role": "message", hidden: true });
  const select = h("select", { "data-role": "activation" },
    names.map((n) => h("option", { value: n, selected: n === state.name }, n === "softmax" ? "softmax (vector)" : n.replace("_", " "))));
  select.addEventListener("change", () => { state.name = select.value; render(); });
  const alphaBox = h("span", { class: "wact-alpha" });
  const probe = h("input", { type: "range", min: XMIN, max: XMAX, step: 0.01, value: state.x, "data-role": "probe" });
  probe.addEventListener("input", () => { state.x = Number(probe.value); drawProbe(); });
  const probeField = h("label", { class: "widget-field" }, h("span", {}, "Probe x"), probe);
  const formula = h("p", { class: "widget-formula", "data-role": "formula" });
  const readout = h("p", { class: "widget-formula", "data-role": "readout", "aria-live": "polite" });
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "wact-plot", "data-role": "plot" });
  const vectorInput = h("input", { type: "text", value: state.vector, "aria-label": "Softmax input vector z (numbers separated by commas)", "data-role": "vector", size: 30 });
  vectorInput.addEventListener("input", () => { state.vector = vectorInput.value; render(); });
  const vectorField = h("label", { class: "widget-field" }, h("span", {}, "z ="), vectorInput);
  const table = h("table", { class: "wact-table", "data-role": "softmax-table" });
  let probeGroup = null, scale = null;

  function alphaSlider() {
    const spec = ACTIVATIONS[state.name] && ACTIVATIONS[state.name].alpha;
    alphaBox.replaceChildren();
    if (!spec) return;
    alphaBox.appendChild(sliderField("α", state.alpha[state.name], {
      min: spec.min, max: spec.max, step: spec.step, role: "alpha", format: (v) => fmt(v, 3),
      onchange: (v) => { state.alpha[state.name] = v; draw(); },
    }));
  }

  function render() {
    const soft = state.name === "softmax";
    alphaSlider();
    probeField.hidden = soft;
    vectorField.hidden = !soft;
    table.hidden = !soft;
    if (soft) drawSoftmax(); else draw();
  }

  function draw() {
    const { name } = state;
    const alpha = state.alpha[name];
    const problem = checkAlpha(name, alpha);
    setMessage(msg, problem);
    svg.replaceChildren();
    if (problem) { readout.textContent = ""; return; }
    formula.textContent = activation(name).label + (activation(name).alpha ? `, α = ${fmt(alpha, 3)}` : "");
    const pts = sample(name, alpha, XMIN, XMAX);
    let ymin = -1.2, ymax = 1.2;
    for (const p of pts) { ymin = Math.min(ymin, p.f, p.df); ymax = Math.max(ymax, p.f, p.df); }
    const sx = (x) => ML + ((x - XMIN) / (XMAX - XMIN)) * (W - ML - MR);
    const sy = (y) => MT + ((ymax - y) / (ymax - ymin)) * (H - MT - MB);
    scale = { sx, sy, ymin, ymax };
    svg.setAttribute("aria-label", `Plot of ${name} and its derivative for x from ${XMIN} to ${XMAX}`);
    // shaded saturated regions
    for (const [a, b] of saturatedIntervals(name, alpha, XMIN, XMAX, THRESHOLD)) {
      svg.appendChild(svgEl("rect", { class: "wact-sat", x: sx(a), y: MT, width: Math.max(0, sx(b) - sx(a)), height: H - MT - MB, "data-role": "saturated", "data-from": a, "data-to": b }));
    }
    // grid and axes
    for (let x = XMIN; x <= XMAX; x += 2) {
      svg.appendChild(svgEl("line", { class: "wact-grid", x1: sx(x), x2: sx(x), y1: MT, y2: H - MB }));
      svg.appendChild(svgEl("text", { x: sx(x), y: H - MB + 16, "text-anchor": "middle" }, fmt(x)));
    }
    const step = ymax - ymin > 6 ? 2 : 0.5;
    for (let y = Math.ceil(ymin / step) * step; y <= ymax; y += step) {
      svg.appendChild(svgEl("line", { class: "wact-grid", x1: ML, x2: W - MR, y1: sy(y), y2: sy(y) }));
      svg.appendChild(svgEl("text", { x: ML - 6, y: sy(y) + 4, "text-anchor": "end" }, fmt(y, 3)));
    }
    svg.appendChild(svgEl("line", { class: "wact-axis", x1: ML, x2: W - MR, y1: sy(0), y2: sy(0) }));
    svg.appendChild(svgEl("line", { class: "wact-axis", x1: sx(0), x2: sx(0), y1: MT, y2: H - MB }));
    const path = (key) => pts.map((p, i) => `${i ? "L" : "M"}${sx(p.x).toFixed(2)},${sy(p[key]).toFixed(2)}`).join("");
    svg.appendChild(svgEl("path", { class: "wact-f", d: path("f") }));
    svg.appendChild(svgEl("path", { class: "wact-df", d: path("df") }));
    // legend
    const lg = svgEl("g", { transform: `translate(${ML + 10},${MT + 8})` });
    lg.append(
      svgEl("rect", { class: "wact-legend", x: -4, y: -8, width: 150, height: 50, rx: 3 }),
      svgEl("line", { class: "wact-f", x1: 0, x2: 22, y1: 2, y2: 2 }), svgEl("text", { x: 28, y: 6 }, "f(x)"),
      svgEl("line", { class: "wact-df", x1: 0, x2: 22, y1: 18, y2: 18 }), svgEl("text", { x: 28, y: 22 }, "f′(x)"),
      svgEl("rect", { class: "wact-sat", x: 0, y: 29, width: 22, height: 9 }), svgEl("text", { x: 28, y: 38 }, `|f′| < ${THRESHOLD}`));
    svg.appendChild(lg);
    probeGroup = svgEl("g", { class: "wact-probe" });
    svg.appendChild(probeGroup);
    drawProbe();
  }

  function drawProbe() {
    if (state.name === "softmax" || !scale || !probeGroup) return;
    const { f, df } = activation(state.name);
    const a = state.alpha[state.name];
    const x = state.x, fx = f(x, a), dfx = df(x, a);
    const { sx, sy } = scale;
    probeGroup.replaceChildren(
      svgEl("line", { class: "wact-probe-line", x1: sx(x), x2: sx(x), y1: MT, y2: H - MB }),
      svgEl("circle", { class: "wact-f-dot", cx: sx(x), cy: sy(fx), r: 4 }),
      svgEl("circle", { class: "wact-df-dot", cx: sx(x), cy: sy(dfx), r: 4 }));
    readout.textContent = `x = ${fmt(x)},  f(x) = ${fmt(fx)},  f′(x) = ${fmt(dfx)}` + (Math.abs(dfx) < THRESHOLD ? "  (saturated: the gradient almost vanishes)" : "");
  }

  svg.addEventListener("mousemove", (ev) => {
    if (state.name === "softmax" || !scale) return;
    const box = svg.getBoundingClientRect();
    const px = ((ev.clientX - box.left) / box.width) * W;
    const x = XMIN + ((px - ML) / (W - ML - MR)) * (XMAX - XMIN);
    state.x = Math.round(Math.min(XMAX, Math.max(XMIN, x)) * 100) / 100;
    probe.value = state.x;
    drawProbe();
  });

  function drawSoftmax() {
    svg.replaceChildren();
    table.replaceChildren();
    readout.textContent = "";
    formula.textContent = "softmax(z)_i = e^(z_i) / Σ_j e^(z_j);  ∂p_i/∂z_j = p_i (δ_ij − p_j)";
    const parsed = parseList(state.vector, { name: "vector z", min: 1, max: 10 });
    vectorInput.setAttribute("aria-invalid", parsed.error ? "true" : "false");
    setMessage(msg, parsed.error);
    if (parsed.error) return;
    const z = parsed.values, p = softmax(z), J = softmaxJacobian(p);
    svg.setAttribute("aria-label", `Bar chart of softmax probabilities for ${z.length} inputs`);
    const n = z.length, bw = (W - ML - MR) / n;
    const sy = (y) => MT + (1 - y) * (H - MT - MB);
    for (const y of [0, 0.25, 0.5, 0.75, 1]) {
      svg.appendChild(svgEl("line", { class: "wact-grid", x1: ML, x2: W - MR, y1: sy(y), y2: sy(y) }));
      svg.appendChild(svgEl("text", { x: ML - 6, y: sy(y) + 4, "text-anchor": "end" }, String(y)));
    }
    p.forEach((pi, i) => {
      const x = ML + i * bw + bw * 0.15;
      svg.appendChild(svgEl("rect", { class: "wact-bar", x, y: sy(pi), width: bw * 0.7, height: sy(0) - sy(pi), "data-role": "bar" }));
      svg.appendChild(svgEl("text", { x: x + bw * 0.35, y: sy(pi) - 4, "text-anchor": "middle" }, fmt(pi, 4)));
      svg.appendChild(svgEl("text", { x: x + bw * 0.35, y: H - MB + 16, "text-anchor": "middle" }, `z${i + 1} = ${fmt(z[i], 4)}`));
    });
    table.append(
      h("thead", {}, h("tr", {}, h("th", {}, "i"), h("th", {}, "z_i"), h("th", {}, "p_i"), h("th", {}, "∂p_i/∂z_i = p_i(1 − p_i)"))),
      h("tbody", {}, p.map((pi, i) => h("tr", { "data-role": "softmax-row" },
        h("td", {}, String(i + 1)), h("td", {}, fmt(z[i])), h("td", { "data-value": pi }, fmt(pi)), h("td", {}, fmt(J[i][i]))))));
  }

  el.replaceChildren(h("div", { class: "widget wact" },
    h("div", { class: "widget-controls" },
      h("label", { class: "widget-field" }, h("span", {}, "Function"), select), alphaBox, probeField, vectorField),
    formula, msg, svg, readout, table));
  render();
}
