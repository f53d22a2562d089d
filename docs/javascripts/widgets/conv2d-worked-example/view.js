// View of the animated 2-D convolution worked example: editable input and kernel grids,
// stride/padding/size controls, a player stepping the window over the padded input, the
// products and their sum, and the output map filled in position by position.
import { h, numberField, setMessage } from "../common.js";
import {
  DEFAULT_INPUT, DEFAULT_KERNEL, MAX_PADDING, MAX_SIZE, conv2d, fmt, formulaText, parseCell, productText, resize, validate,
} from "./logic.js";

const TICK_MS = 700;

function squareOrDefault(m, fallback) {
  return Array.isArray(m) && m.length > 0 && m.length <= MAX_SIZE && m.every((r) => Array.isArray(r) && r.length === m.length) ? m : fallback;
}

export function mount(el, config = {}) {
  const state = {
    input: squareOrDefault(config.input, DEFAULT_INPUT).map((r) => r.slice()),
    kernel: squareOrDefault(config.kernel, DEFAULT_KERNEL).map((r) => r.slice()),
    stride: Number.isInteger(config.stride) ? config.stride : 1,
    padding: Number.isInteger(config.padding) ? config.padding : 0,
    step: 0,
    timer: null,
    result: null,
    sizeError: null,
  };

  const msg = h("p", { class: "widget-message", role: "alert", "data-role": "message", hidden: true });
  const formula = h("p", { class: "widget-formula", "data-role": "formula", "aria-live": "polite" });
  const inputGrid = h("div", { class: "w2d-grid", role: "group", "aria-label": "Input (padding cells shown as 0)", "data-role": "input-grid" });
  const kernelGrid = h("div", { class: "w2d-grid", role: "group", "aria-label": "Kernel", "data-role": "kernel-grid" });
  const outputGrid = h("div", { class: "w2d-grid w2d-output", role: "group", "aria-label": "Output map", "data-role": "output-grid" });
  const products = h("p", { class: "w2d-products", "data-role": "products", "aria-live": "polite" });
  const position = h("span", { class: "w2d-position", "data-role": "position" });

  const playBtn = h("button", { type: "button", class: "widget-button", "data-role": "play", "aria-label": "Play" }, "▶ Play");
  const btn = (label, role, text, fn) => h("button", { type: "button", class: "widget-button", "data-role": role, "aria-label": label, onclick: fn }, text);

  const nField = numberField("Input size n", state.input.length, { min: 1, max: MAX_SIZE, role: "n", onchange: (v) => resizeTo("input", v) });
  const kField = numberField("Kernel size k", state.kernel.length, { min: 1, max: MAX_SIZE, role: "k", onchange: (v) => resizeTo("kernel", v) });
  const sField = numberField("Stride s", state.stride, { min: 1, max: MAX_SIZE, role: "stride", onchange: (v) => { state.stride = v.trim() === "" ? NaN : Number(v); rebuild(); } });
  const pField = numberField("Padding p", state.padding, { min: 0, max: MAX_PADDING, role: "padding", onchange: (v) => { state.padding = v.trim() === "" ? NaN : Number(v); rebuild(); } });

  function stop() {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    playBtn.textContent = "▶ Play";
    playBtn.setAttribute("aria-label", "Play");
  }
  function play() {
    if (!state.result) return;
    if (state.step >= state.result.steps.length - 1) state.step = 0;
    playBtn.textContent = "⏸ Pause";
    playBtn.setAttribute("aria-label", "Pause");
    state.timer = setInterval(() => {
      if (!el.isConnected || !state.result) return stop(); // page left by instant navigation
      if (state.step >= state.result.steps.length - 1) return stop();
      state.step += 1;
      highlight();
    }, TICK_MS);
    highlight();
  }
  playBtn.addEventListener("click", () => (state.timer ? stop() : play()));
  const go = (to) => () => {
    stop();
    if (!state.result) return;
    const last = state.result.steps.length - 1;
    state.step = Math.max(0, Math.min(last, typeof to === "function" ? to(state.step, last) : to));
    highlight();
  };

  function resizeTo(which, text) {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > MAX_SIZE) {
      state.sizeError = `The ${which} size must be a whole number from 1 to ${MAX_SIZE}.`;
      stop();
      state.result = null;
      setMessage(msg, state.sizeError);
      return;
    }
    state.sizeError = null;
    state[which] = resize(state[which], n, n);
    rebuild();
  }

  function cellInput(which, i, j) {
    const value = state[which][i][j];
    const input = h("input", {
      type: "text", inputmode: "decimal", class: "w2d-cell", value: value === null ? "" : fmt(value),
      "aria-label": `${which} row ${i + 1} column ${j + 1}`, "data-role": `${which}-cell`, "data-i": i, "data-j": j,
    });
    input.addEventListener("input", () => {
      state[which][i][j] = parseCell(input.value);
      input.setAttribute("aria-invalid", state[which][i][j] === null ? "true" : "false");
      recompute(false);
    });
    return input;
  }

  // Build the grids' cells (after a size or padding change), then compute.
  function rebuild() {
    stop();
    const p = Number.isInteger(state.padding) && state.padding >= 0 && state.padding <= MAX_PADDING ? state.padding : 0;
    const n = state.input.length, size = n + 2 * p;
    inputGrid.replaceChildren();
    inputGrid.style.gridTemplateColumns = `repeat(${size}, var(--w2d-cell))`;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const i = r - p, j = c - p;
        const inside = i >= 0 && i < n && j >= 0 && j < n;
        const cell = inside ? cellInput("input", i, j) : h("span", { class: "w2d-cell w2d-pad", "aria-hidden": "true" }, "0");
        cell.dataset.r = r;
        cell.dataset.c = c;
        inputGrid.appendChild(cell);
      }
    }
    const k = state.kernel.length;
    kernelGrid.replaceChildren();
    kernelGrid.style.gridTemplateColumns = `repeat(${k}, var(--w2d-cell))`;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) kernelGrid.appendChild(cellInput("kernel", i, j));
    state.step = 0;
    recompute(true);
  }

  function recompute(resetStep) {
    stop();
    const { input, kernel, stride, padding } = state;
    const n = input.length, k = kernel.length;
    formula.textContent = formulaText(n, k, stride, padding);
    const problem = state.sizeError || validate(input, kernel, stride, padding);
    if (problem) {
      state.result = null;
      setMessage(msg, problem);
    } else {
      setMessage(msg, "");
      state.result = conv2d(input, kernel, stride, padding);
    }
    outputGrid.replaceChildren();
    if (state.result) {
      const { outHeight, outWidth } = state.result;
      outputGrid.style.gridTemplateColumns = `repeat(${outWidth}, var(--w2d-cell))`;
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++) {
          outputGrid.appendChild(h("span", { class: "w2d-cell w2d-out", "data-role": "output-cell", "data-i": i, "data-j": j }));
        }
      }
      if (resetStep || state.step >= state.result.steps.length) state.step = 0;
    }
    highlight();
  }

  function highlight() {
    for (const c of inputGrid.querySelectorAll(".w2d-window")) c.classList.remove("w2d-window");
    const res = state.result;
    if (!res) {
      products.textContent = "";
      position.textContent = "";
      return;
    }
    const s = res.steps[state.step];
    const k = state.kernel.length;
    for (const c of inputGrid.children) {
      const r = Number(c.dataset.r), cc = Number(c.dataset.c);
      if (r >= s.r && r < s.r + k && cc >= s.c && cc < s.c + k) c.classList.add("w2d-window");
    }
    res.steps.forEach((st, idx) => {
      const cell = outputGrid.children[idx];
      cell.textContent = idx <= state.step ? fmt(st.sum) : "";
      cell.dataset.value = idx <= state.step ? String(st.sum) : "";
      cell.classList.toggle("w2d-current", idx === state.step);
    });
    position.textContent = `Position ${state.step + 1} of ${res.steps.length}: output[${s.i}, ${s.j}], window rows ${s.r}–${s.r + k - 1}, columns ${s.c}–${s.c + k - 1} of the padded input`;
    products.textContent = `output[${s.i}, ${s.j}] = ${productText(res.padded, state.kernel, s)}`;
  }

  el.replaceChildren(
    h("div", { class: "widget w2d" },
      h("div", { class: "widget-controls" }, nField, kField, sField, pField),
      formula,
      msg,
      h("div", { class: "w2d-grids" },
        h("figure", { class: "w2d-panel" }, h("figcaption", {}, "Input (padded)"), inputGrid),
        h("span", { class: "w2d-op", "aria-hidden": "true" }, "⋆"),
        h("figure", { class: "w2d-panel" }, h("figcaption", {}, "Kernel"), kernelGrid),
        h("span", { class: "w2d-op", "aria-hidden": "true" }, "="),
        h("figure", { class: "w2d-panel" }, h("figcaption", {}, "Output"), outputGrid)),
      h("div", { class: "widget-controls w2d-player" },
        btn("First position", "first", "« First", go(0)),
        btn("Step back to the previous position", "prev", "◀ Step", go((s) => s - 1)),
        playBtn,
        btn("Step on to the next position", "next", "Step ▶", go((s) => s + 1)),
        btn("Last position (whole map)", "last", "Last »", go((s, last) => last)),
        position),
      products));
  rebuild();
}
