// View of the 1-D signal graph: x with the (flipped, for convolution) kernel placed at n, the
// products under the overlap, and the output y built point by point; presets, editable signals,
// a convolution / cross-correlation switch, an index slider and a player.
import { h, parseList, setMessage } from "../common.js";
import { H_PRESETS, MODES, X_PRESETS, fmt, placedWeight, signalSteps } from "./logic.js";

const W = 640, PANEL = 112, ML = 70, MR = 12, GAP = 16, TICK_MS = 900;

function svgEl(tag, attrs = {}, ...children) { return h(`svg:${tag}`, attrs, ...children); }

export function mount(el, config = {}) {
  const xNames = Object.keys(X_PRESETS), hNames = Object.keys(H_PRESETS);
  const state = {
    xText: (Array.isArray(config.x) ? config.x : X_PRESETS[xNames[0]]).join(", "),
    hText: (Array.isArray(config.h) ? config.h : H_PRESETS[hNames[0]]).map((v) => fmt(v).replace("\u2212", "-")).join(", "),
    mode: MODES.includes(config.mode) ? config.mode : "convolution",
    n: 0, timer: null, result: null, x: null, h: null,
  };

  const msg = h("p", { class: "widget-message", role: "alert", "data-role": "message", hidden: true });
  const formula = h("p", { class: "widget-formula", "data-role": "formula" });
  const sumText = h("p", { class: "widget-formula", "data-role": "sum", "aria-live": "polite" });
  const runText = h("p", { class: "widget-formula", "data-role": "running" });
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${3 * PANEL + 2 * GAP + 20}`, role: "img", "data-role": "plot", class: "wsig-plot" });

  function signalField(label, role, presets, textKey) {
    const input = h("input", { type: "text", value: state[textKey], size: 26, "aria-label": `${label} values (numbers separated by commas)`, "data-role": role });
    input.addEventListener("input", () => { state[textKey] = input.value; update(true); });
    const select = h("select", { "aria-label": `${label} preset`, "data-role": `${role}-preset` },
      h("option", { value: "" }, "preset…"), Object.keys(presets).map((k) => h("option", { value: k }, k)));
    select.addEventListener("change", () => {
      if (!select.value) return;
      input.value = presets[select.value].map((v) => String(Math.round(v * 1e4) / 1e4)).join(", ");
      state[textKey] = input.value;
      update(true);
    });
    return { input, el: h("div", { class: "widget-field" }, h("span", {}, label), select, input) };
  }
  const xField = signalField("Signal x", "x", X_PRESETS, "xText");
  const hField = signalField("Kernel h", "h", H_PRESETS, "hText");

  const modeBox = h("fieldset", { class: "wsig-mode", "data-role": "mode" }, h("legend", {}, "Operation"),
    MODES.map((m) => {
      const r = h("input", { type: "radio", name: `wsig-mode-${Math.random().toString(36).slice(2)}`, value: m, checked: m === state.mode, "data-role": `mode-${m}` });
      r.addEventListener("change", () => { if (r.checked) { state.mode = m; update(false); } });
      return h("label", { class: "widget-field" }, r, h("span", {}, m));
    }));
  // radios of one group need one shared name
  const groupName = modeBox.querySelector("input").name;
  for (const r of modeBox.querySelectorAll("input")) r.name = groupName;

  const slider = h("input", { type: "range", min: 0, max: 0, step: 1, value: 0, "data-role": "n" });
  slider.addEventListener("input", () => { stop(); state.n = Number(slider.value); draw(); });
  const nOut = h("output", {}, "0");
  const playBtn = h("button", { type: "button", class: "widget-button", "data-role": "play", "aria-label": "Play" }, "▶ Play");
  const stepBtn = (label, role, text, delta) => h("button", { type: "button", class: "widget-button", "aria-label": label, "data-role": role,
    onclick: () => { stop(); setN(state.n + delta); } }, text);

  function setN(n) {
    if (!state.result) return;
    state.n = Math.max(0, Math.min(state.result.steps.length - 1, n));
    slider.value = state.n;
    draw();
  }
  function stop() {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    playBtn.textContent = "▶ Play";
    playBtn.setAttribute("aria-label", "Play");
  }
  playBtn.addEventListener("click", () => {
    if (state.timer) return stop();
    if (!state.result) return;
    if (state.n >= state.result.steps.length - 1) setN(0);
    playBtn.textContent = "⏸ Pause";
    playBtn.setAttribute("aria-label", "Pause");
    state.timer = setInterval(() => {
      if (!el.isConnected || !state.result || state.n >= state.result.steps.length - 1) return stop();
      setN(state.n + 1);
    }, TICK_MS);
  });

  function update(resetN) {
    stop();
    const px = parseList(state.xText, { name: "signal x", max: 16 });
    const ph = parseList(state.hText, { name: "kernel h", max: 8 });
    xField.input.setAttribute("aria-invalid", px.error ? "true" : "false");
    hField.input.setAttribute("aria-invalid", ph.error ? "true" : "false");
    let problem = px.error || ph.error, result = null;
    if (!problem) {
      try { result = signalSteps(px.values, ph.values, state.mode); } catch (e) { problem = `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`; }
    }
    setMessage(msg, problem);
    formula.textContent = state.mode === "convolution"
      ? "Convolution: y[n] = Σ_k x[k] · h[n − k]   (the kernel is flipped, then slid to n)"
      : "Cross-correlation: y[n] = Σ_k x[k] · h[k − n + M − 1]   (the kernel is slid as it is)";
    if (problem) {
      state.result = null;
      svg.replaceChildren();
      sumText.textContent = runText.textContent = "";
      return;
    }
    state.x = px.values; state.h = ph.values;
    state.result = result;
    slider.max = state.result.steps.length - 1;
    if (resetN || state.n > slider.max) state.n = 0;
    slider.value = state.n;
    draw();
  }

  function draw() {
    const { x, h: k, result, mode } = state;
    if (!result) return;
    const N = x.length, M = k.length, n = state.n, step = result.steps[n];
    nOut.textContent = String(n);
    const kmin = -(M - 1), kmax = N + M - 2, cols = kmax - kmin + 1;
    const sx = (i) => ML + ((i - kmin + 0.5) / cols) * (W - ML - MR);
    const maxAbs = (arr) => Math.max(1e-9, ...arr.map(Math.abs));
    const top = maxAbs([...x, ...k]);
    const prodMax = maxAbs(result.steps.flatMap((s) => s.terms.map((t) => t.product)));
    const yMax = maxAbs(result.y);
    svg.replaceChildren();
    const panel = (row, title, scale, stems) => {
      const y0 = 10 + row * (PANEL + GAP), mid = y0 + PANEL / 2;
      const sy = (v) => mid - (v / scale) * (PANEL / 2 - 12);
      svg.appendChild(svgEl("text", { x: 4, y: y0 + 12 }, title));
      svg.appendChild(svgEl("line", { class: "wsig-axis", x1: ML - 4, x2: W - MR, y1: mid, y2: mid }));
      for (const s of stems) {
        const g = svgEl("g", { class: s.cls, "data-role": s.role, "data-k": s.k, "data-value": s.v });
        g.append(svgEl("line", { x1: sx(s.k) + (s.dx || 0), x2: sx(s.k) + (s.dx || 0), y1: mid, y2: sy(s.v) }),
          svgEl("circle", { cx: sx(s.k) + (s.dx || 0), cy: sy(s.v), r: 4 }));
        if (s.label) g.appendChild(svgEl("text", { x: sx(s.k) + (s.dx || 0), y: s.v >= 0 ? sy(s.v) - 7 : sy(s.v) + 15, "text-anchor": "middle" }, s.label));
        svg.appendChild(g);
      }
    };
    const kernelLabel = mode === "convolution" ? `h[${n} − k]` : `h[k − ${n - M + 1}]`;
    panel(0, "x[k] and", top, [
      ...x.map((v, i) => ({ k: i, v, cls: "wsig-x", role: "x-stem", dx: -3 })),
      ...Array.from({ length: M }, (_, j) => step.window[0] + j).map((i) => ({ k: i, v: placedWeight(k, n, i, mode), cls: "wsig-h", role: "h-stem", dx: 3 })),
    ]);
    svg.appendChild(svgEl("text", { x: 4, y: 10 + 28, class: "wsig-h-label" }, kernelLabel));
    panel(1, "x[k]·h", prodMax, step.terms.map((t) => ({ k: t.k, v: t.product, cls: "wsig-p", role: "product", label: fmt(t.product) })));
    panel(2, "y[n]", yMax, result.y.slice(0, n + 1).map((v, i) => ({ k: i, v, cls: i === n ? "wsig-y wsig-current" : "wsig-y", role: "y-stem", label: i === n ? fmt(v) : null })));
    // shade the window and label the index axis
    const wx0 = sx(step.window[0]) - (W - ML - MR) / cols / 2, wx1 = sx(step.window[1]) + (W - ML - MR) / cols / 2;
    svg.insertBefore(svgEl("rect", { class: "wsig-window", x: wx0, y: 6, width: wx1 - wx0, height: 2 * PANEL + GAP }), svg.firstChild);
    const yb = 3 * PANEL + 2 * GAP + 14;
    for (let i = kmin; i <= kmax; i++) svg.appendChild(svgEl("text", { x: sx(i), y: yb, "text-anchor": "middle", class: "wsig-tick" }, String(i)));
    svg.setAttribute("aria-label", `${mode} of x (length ${N}) with h (length ${M}); output index n = ${n}`);
    const hIndex = (t) => (mode === "convolution" ? n - t.k : t.k - n + M - 1);
    const terms = step.terms.map((t) => `x[${t.k}]·h[${hIndex(t)}]`).join(" + ");
    const par = (v) => (v < 0 ? `(${fmt(v)})` : fmt(v));
    const nums = step.terms.map((t) => `${par(t.x)}·${par(t.w)}`).join(" + ");
    sumText.textContent = `y[${n}] = ${terms} = ${nums} = ${fmt(step.sum)}`;
    runText.textContent = `Running sum: ${step.terms.map((t) => fmt(t.running)).join(" → ")};  y so far: [${result.y.slice(0, n + 1).map(fmt).join(", ")}]`;
    sumText.dataset.value = String(step.sum);
  }

  el.replaceChildren(h("div", { class: "widget wsig" },
    h("div", { class: "widget-controls" }, xField.el, hField.el),
    h("div", { class: "widget-controls" }, modeBox),
    formula, msg, svg,
    h("div", { class: "widget-controls" },
      stepBtn("Step back to the previous n", "prev", "◀ Step", -1), playBtn, stepBtn("Step on to the next n", "next", "Step ▶", 1),
      h("label", { class: "widget-field" }, h("span", {}, "Output index n"), slider, nOut)),
    sumText, runText));
  update(true);
}
