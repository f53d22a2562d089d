// View of the network visualizer: a diagram of a small MLP, editable sizes, input, target,
// weights and activations; a stepper through the forward pass (z, a per layer), the loss and the
// backward pass (δ, ∂L/∂W, ∂L/∂b) with the numbers substituted into the equations; and a
// gradient-descent step that updates the weights.
import { h, parseList, setMessage } from "../common.js";
import { ACT, backward, checkNetwork, checkSizes, fmt, initNetwork, sgdStep, vec } from "./logic.js";

const DEFAULT = {
  sizes: [2, 2, 1], x: [1, 0.5], y: [1], lr: 0.5, activation: "sigmoid", output: "identity",
  layers: [{ W: [[0.27, -0.46], [-0.92, -0.97]], b: [0.31, 0.41] }, { W: [[0.21], [0.46]], b: [0.04] }],
};
const W = 560, H = 250;

function svgEl(tag, attrs = {}, ...children) { return h(`svg:${tag}`, attrs, ...children); }
const mat = (m) => `[${m.map(vec).join(", ")}]`;

export function mount(el, config = {}) {
  const state = JSON.parse(JSON.stringify({ ...DEFAULT, ...config }));
  state.phase = 0;
  state.steps = 0;
  const msg = h("p", { class: "widget-message", role: "alert", "data-role": "message", hidden: true });
  const eq = h("div", { class: "wnet-eq widget-formula", "data-role": "equation", "aria-live": "polite" });
  const phaseLabel = h("span", { class: "w2d-position", "data-role": "phase" });
  const lossText = h("p", { class: "widget-formula", "data-role": "loss" });
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "data-role": "diagram", class: "wnet-plot" });
  const weightsBox = h("div", { class: "wnet-weights", "data-role": "weights" });

  const text = (label, role, value, onchange, size = 12) => {
    const input = h("input", { type: "text", value, size, "aria-label": label, "data-role": role });
    input.addEventListener("input", () => onchange(input.value, input));
    return h("label", { class: "widget-field" }, h("span", { "aria-hidden": "true" }, label.split(" (")[0]), input);
  };
  const select = (label, role, options, value, onchange) => {
    const s = h("select", { "aria-label": label, "data-role": role }, options.map((o) => h("option", { value: o, selected: o === value }, o)));
    s.addEventListener("change", () => onchange(s.value));
    return h("label", { class: "widget-field" }, h("span", { "aria-hidden": "true" }, label), s);
  };
  let problem = null, stepNote = null;
  const sentence = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith(".") ? "" : "."}`;
  const fields = {
    sizes: text("Layer sizes (comma separated, input first)", "sizes", state.sizes.join(", "), (v, inp) => {
      const p = parseList(v, { name: "layer sizes", min: 2, max: 5 });
      const err = p.error || checkSizes(p.values);
      inp.setAttribute("aria-invalid", err ? "true" : "false");
      if (err) { problem = err; return render(); }
      problem = null;
      state.sizes = p.values;
      state.layers = initNetwork(state.sizes, 1);
      state.x = resize(state.x, state.sizes[0]);
      state.y = resize(state.y, state.sizes[state.sizes.length - 1]);
      fieldInput("x").value = state.x.join(", ");
      fieldInput("y").value = state.y.join(", ");
      state.phase = 0;
      buildWeights();
      render();
    }, 10),
    x: text("Input x (comma separated)", "x", state.x.join(", "), (v) => vecField("x", v, state.sizes[0])),
    y: text("Target y (comma separated)", "y", state.y.join(", "), (v) => vecField("y", v, state.sizes[state.sizes.length - 1])),
    lr: text("Learning rate η", "lr", String(state.lr), (v) => { const n = Number(v); problem = v.trim() !== "" && Number.isFinite(n) && n > 0 ? null : `The learning rate must be a positive number (got "${v}").`; if (!problem) state.lr = n; render(); }, 5),
  };
  function fieldInput(k) { return fields[k].querySelector("input"); }
  function resize(v, n) { return Array.from({ length: n }, (_, i) => (v[i] !== undefined ? v[i] : 0)); }
  function vecField(key, v, n) {
    const p = parseList(v, { name: key === "x" ? "input x" : "target y", min: n, max: n });
    problem = p.error ? `${p.error.replace(/at least \d+ numbers?|at most \d+ numbers?/, `exactly ${n} number${n > 1 ? "s" : ""}`)}` : null;
    if (!problem) state[key] = p.values;
    render();
  }

  function buildWeights() {
    weightsBox.replaceChildren();
    state.layers.forEach((layer, li) => {
      const grid = h("table", { class: "wnet-wtable" });
      const cell = (label, get, set) => {
        const inp = h("input", { type: "text", size: 5, value: fmt(get()).replace("\u2212", "-"), "aria-label": label, "data-role": "weight" });
        inp.addEventListener("input", () => {
          const n = Number(inp.value.trim().replace("\u2212", "-"));
          const bad = inp.value.trim() === "" || !Number.isFinite(n);
          inp.setAttribute("aria-invalid", bad ? "true" : "false");
          problem = bad ? `${label} is not a number.` : null;
          if (!bad) set(n);
          render();
        });
        return h("td", {}, inp);
      };
      layer.W.forEach((row, k) => grid.appendChild(h("tr", {}, h("th", { scope: "row" }, `W${li + 1}ᵀ[${k + 1},·]`),
        row.map((_, j) => cell(`W${li + 1}ᵀ row ${k + 1} column ${j + 1}`, () => layer.W[k][j], (v) => { layer.W[k][j] = v; })))));
      grid.appendChild(h("tr", {}, h("th", { scope: "row" }, `b${li + 1}`), layer.b.map((_, j) => cell(`b${li + 1} entry ${j + 1}`, () => layer.b[j], (v) => { layer.b[j] = v; }))));
      weightsBox.appendChild(h("figure", { class: "wnet-layer" }, h("figcaption", {}, `Layer ${li + 1}: W${li + 1}ᵀ (a row per input unit) and b${li + 1}`), grid));
    });
  }

  const L = () => state.layers.length;
  const phases = () => 2 * L() + 1; // forward 1..L, loss, backward L..1
  const btn = (label, role, textContent, fn) => h("button", { type: "button", class: "widget-button", "aria-label": label, "data-role": role, onclick: fn }, textContent);

  function render() {
    const bad = problem || checkNetwork(state.x, state.y, state.layers, state.activation, state.output);
    setMessage(msg, bad || stepNote);
    stepNote = null; // a refused gradient step is reported once
    svg.replaceChildren();
    if (bad) { eq.textContent = ""; lossText.textContent = ""; return; }
    const back = backward(state.x, state.y, state.layers, state.activation, state.output);
    const p = Math.min(state.phase, phases() - 1);
    state.phase = p;
    const nL = L(), g = (l) => (l === nL ? state.output : state.activation);
    let lines, shownLayer, showing = "a";
    if (p < nL) {
      const l = p + 1;
      shownLayer = l;
      lines = [`Forward, layer ${l}:`,
        `z(${l}) = a(${l - 1}) W(${l})ᵀ + b(${l}) = ${vec(back.A[l - 1])} ${mat(state.layers[l - 1].W)} + ${vec(state.layers[l - 1].b)} = ${vec(back.Z[l])}`,
        `a(${l}) = ${g(l)}(z(${l})) = ${vec(back.A[l])}`];
    } else if (p === nL) {
      shownLayer = nL;
      lines = ["Loss (mean squared error):",
        `L = mean((a(${nL}) − y)²) = mean((${vec(back.A[nL])} − ${vec(state.y)})²) = ${fmt(back.loss)}`,
        `∇a L = 2 (a(${nL}) − y) / ${state.y.length} = ${vec(back.gradA)}`];
    } else {
      const l = nL - (p - nL - 1);
      shownLayer = l;
      showing = "delta";
      const gp = vec(back.Z[l].map((z) => ACT[g(l)].df(z)));
      lines = [`Backward, layer ${l}:`,
        l === nL
          ? `δ(${l}) = ∇a L ⊙ ${g(l)}′(z(${l})) = ${vec(back.gradA)} ⊙ ${gp} = ${vec(back.deltas[l])}`
          : `δ(${l}) = (δ(${l + 1}) W(${l + 1})) ⊙ ${g(l)}′(z(${l})) = ${vec(back.deltas[l + 1])} ${mat(state.layers[l].W.map((r) => r))}ᵀ ⊙ ${gp} = ${vec(back.deltas[l])}`,
        `(∂L/∂W(${l}))ᵀ = a(${l - 1})ᵀ δ(${l}) = ${mat(back.dW[l])}`,
        `∂L/∂b(${l}) = δ(${l}) = ${vec(back.db[l])}`];
    }
    eq.replaceChildren(...lines.map((t, i) => h("div", { "data-line": i }, t)));
    eq.dataset.loss = String(back.loss);
    phaseLabel.textContent = `Step ${p + 1} of ${phases()}`;
    lossText.textContent = `Loss L = ${fmt(back.loss)}  (after ${state.steps} gradient step${state.steps === 1 ? "" : "s"})`;
    lossText.dataset.value = String(back.loss);
    drawDiagram(back, shownLayer, showing, p);
    state.back = back;
  }

  function drawDiagram(back, shownLayer, showing, p) {
    const sizes = state.sizes, cols = sizes.length;
    const xs = (l) => 50 + (l * (W - 100)) / (cols - 1);
    const ys = (l, j) => H / 2 + (j - (sizes[l] - 1) / 2) * Math.min(48, (H - 40) / Math.max(...sizes));
    state.layers.forEach((layer, li) => layer.W.forEach((row, k) => row.forEach((w, j) => {
      svg.appendChild(svgEl("line", { class: w >= 0 ? "wnet-pos" : "wnet-neg", x1: xs(li), y1: ys(li, k), x2: xs(li + 1), y2: ys(li + 1, j), "stroke-width": 0.6 + Math.min(4, 2.5 * Math.abs(w)) }));
    })));
    const nL = L();
    sizes.forEach((n, l) => {
      for (let j = 0; j < n; j++) {
        const forwardDone = p >= nL || l <= shownLayer;
        let label = "";
        if (showing === "delta") label = l >= shownLayer && l > 0 ? `δ ${fmt(back.deltas[l][j])}` : `a ${fmt(back.A[l][j])}`;
        else if (forwardDone) label = `a ${fmt(back.A[l][j])}`;
        const active = l === shownLayer;
        svg.appendChild(svgEl("circle", { class: active ? "wnet-unit wnet-active" : "wnet-unit", cx: xs(l), cy: ys(l, j), r: 17 }));
        svg.appendChild(svgEl("text", { x: xs(l), y: ys(l, j) + 30, "text-anchor": "middle", "data-role": "unit-label" }, label));
      }
      svg.appendChild(svgEl("text", { x: xs(l), y: 14, "text-anchor": "middle" }, l === 0 ? "input" : l === nL ? "output" : `hidden ${l}`));
    });
    svg.setAttribute("aria-label", `Network with layer sizes ${sizes.join(", ")}`);
  }

  const go = (d) => () => { if (problem || checkNetwork(state.x, state.y, state.layers, state.activation, state.output)) return; state.phase = Math.max(0, Math.min(phases() - 1, state.phase + d)); render(); };
  el.replaceChildren(h("div", { class: "widget wnet" },
    h("div", { class: "widget-controls" }, fields.sizes,
      select("Hidden activation", "activation", ["sigmoid", "tanh", "relu"], state.activation, (v) => { state.activation = v; render(); }),
      select("Output activation", "output", ["identity", "sigmoid"], state.output, (v) => { state.output = v; render(); })),
    h("div", { class: "widget-controls" }, fields.x, fields.y, fields.lr),
    msg, svg,
    h("div", { class: "widget-controls" }, btn("Back one step", "prev", "◀ Back", go(-1)), btn("Next step", "next", "Next ▶", go(1)), phaseLabel,
      btn("Gradient step: one gradient-descent update of the weights", "update", "Gradient step", () => {
        if (problem || checkNetwork(state.x, state.y, state.layers, state.activation, state.output)) return;
        try {
          state.layers = sgdStep(state.layers, backward(state.x, state.y, state.layers, state.activation, state.output), state.lr);
        } catch (e) {
          stepNote = sentence(e.message);
          render();
          return;
        }
        state.steps += 1;
        state.phase = 0;
        buildWeights();
        render();
      }),
      btn("New weights, drawn at random", "reset", "New weights", () => { state.layers = initNetwork(state.sizes, 1 + Math.floor(Math.random() * 1e6)); state.steps = 0; buildWeights(); render(); })),
    eq, lossText, weightsBox));
  buildWeights();
  render();
}
