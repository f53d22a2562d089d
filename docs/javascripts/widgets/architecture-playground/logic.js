// Pure logic of the architecture playground (no DOM). The shape, parameter and receptive-field
// rules are the same as syllabus_code/shapes.py and are tested against the same JSON vectors
// (tests/vectors/shapes.json); on top of them: more layer types, MACs, URL encoding and export
// to PyTorch (nn.Sequential).

function int(value, name) {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(`${name} must be a whole number, got ${value}`);
  return value;
}
function positive(value, name) {
  if (int(value, name) <= 0) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}
function nonNegative(value, name) {
  if (int(value, name) < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  return value;
}

// ---- the rules shared with syllabus_code.shapes -------------------------------------------

export function convOutputSize(n, k, s = 1, p = 0) {
  positive(n, "n (input size)"); positive(k, "k (kernel size)"); positive(s, "s (stride)"); nonNegative(p, "p (padding)");
  if (k > n + 2 * p) throw new RangeError(`kernel size k=${k} is larger than the padded input n + 2p = ${n} + 2·${p} = ${n + 2 * p}`);
  return Math.floor((n - k + 2 * p) / s) + 1;
}
export function poolOutputSize(n, k, s = null) { return convOutputSize(n, k, s === null || s === undefined ? k : s, 0); }
export function samePadding(k) {
  positive(k, "k (kernel size)");
  if (k % 2 === 0) throw new RangeError(`'same' padding (k − 1)/2 needs an odd kernel size, got k=${k}`);
  return (k - 1) / 2;
}
export function convParams(kH, kW, cIn, cOut, bias = true) {
  positive(kH, "k_h"); positive(kW, "k_w"); positive(cIn, "c_in"); positive(cOut, "c_out");
  return (kH * kW * cIn + (bias ? 1 : 0)) * cOut;
}
export function denseParams(nIn, nOut, bias = true) {
  positive(nIn, "n_in"); positive(nOut, "n_out");
  return nIn * nOut + (bias ? nOut : 0);
}
export function stackedKernelParams(channels, k = 3, layers = 1) {
  positive(channels, "channels");
  return positive(layers, "layers") * convParams(k, k, channels, channels, false);
}
/** A layer's stride: its s, else the kernel size for a pool (PyTorch's default) and 1 otherwise. */
export function layerStride(layer, i = 0) {
  const fallback = layer.type === "pool" ? layer.k : 1;
  return positive(layer.s === undefined ? fallback : layer.s, `layers[${i}].s`);
}
export function receptiveField(layers) {
  let rf = 1, jump = 1;
  return layers.map((layer, i) => {
    const k = positive(layer.k, `layers[${i}].k`);
    const s = layerStride(layer, i);
    rf += (k - 1) * jump;
    jump *= s;
    return rf;
  });
}
export function stackShapes(inputShape, layers) {
  if (!Array.isArray(inputShape) || inputShape.length !== 3) throw new RangeError(`input_shape must be (C, H, W), got ${inputShape}`);
  let [c, h, w] = inputShape.map((v, i) => positive(v, "CHW"[i]));
  let rf = 1, jump = 1;
  return layers.map((layer, i) => {
    const k = positive(layer.k, `layers[${i}].k`);
    let s, params;
    if (layer.type === "conv") {
      s = layerStride(layer, i);
      const p = layer.p === undefined ? 0 : layer.p;
      const cOut = positive(layer.c_out, `layers[${i}].c_out`);
      params = convParams(k, k, c, cOut);
      [h, w, c] = [convOutputSize(h, k, s, p), convOutputSize(w, k, s, p), cOut];
    } else if (layer.type === "pool") {
      s = layerStride(layer, i);
      params = 0;
      [h, w] = [poolOutputSize(h, k, s), poolOutputSize(w, k, s)];
    } else {
      throw new RangeError(`layers[${i}].type must be 'conv' or 'pool', got ${layer.type}`);
    }
    rf += (k - 1) * jump;
    jump *= s;
    return { shape: [c, h, w], params, rf };
  });
}

// ---- the playground's stack -----------------------------------------------------------------

/** Layer types, their fields (with defaults) and a short description. */
export const LAYER_TYPES = {
  conv: { label: "Conv2d", fields: { c_out: 8, k: 3, s: 1, p: 1 } },
  dwconv: { label: "Depthwise Conv2d", fields: { k: 3, s: 1, p: 1 } },
  pool: { label: "MaxPool2d", fields: { k: 2, s: 2 } },
  bn: { label: "BatchNorm", fields: {} },
  relu: { label: "ReLU", fields: {} },
  dropout: { label: "Dropout", fields: { rate: 0.5 } },
  flatten: { label: "Flatten", fields: {} },
  linear: { label: "Linear", fields: { n_out: 10 } },
};
export const FIELD_NAMES = { c_out: "out channels", k: "kernel", s: "stride", p: "padding", rate: "drop rate", n_out: "out features" };

/**
 * Walk a stack from input (C, H, W). Returns {rows, totals, valid}: one row per layer with
 * {shape, params, macs, rf, error}; the first invalid layer gets an error naming the reason and
 * every later one {skipped: true}. Never throws.
 */
export function analyze(input, layers) {
  const rows = [];
  let shape, rf = 1, jump = 1, invalid = false;
  try {
    if (!Array.isArray(input) || input.length !== 3) throw new RangeError("the input must be (C, H, W)");
    shape = input.map((v, i) => positive(v, `input ${"CHW"[i]}`));
  } catch (e) {
    return { inputError: e.message, rows: layers.map(() => ({ skipped: true })), totals: { params: 0, macs: 0 }, valid: false };
  }
  let params = 0, macs = 0;
  layers.forEach((layer, i) => {
    if (invalid) { rows.push({ skipped: true }); return; }
    try {
      const r = step(shape, layer, rf, jump);
      shape = r.shape; rf = r.rf; jump = r.jump;
      params += r.params; macs += r.macs;
      rows.push({ shape, params: r.params, macs: r.macs, rf: r.global ? "all" : rf });
      if (r.global) rf = Infinity;
    } catch (e) {
      invalid = true;
      rows.push({ error: e.message });
    }
  });
  return { rows, totals: { params, macs }, valid: !invalid, output: invalid ? null : shape };
}

function step(shape, layer, rf, jump) {
  const spatial = shape.length === 3;
  const need3 = (what) => { if (!spatial) throw new RangeError(`${what} needs a (C, H, W) input, but the input is already flat (${shape[0]} features)`); };
  const f = (name, dflt) => (layer[name] === undefined ? dflt : layer[name]);
  switch (layer.type) {
    case "conv": case "dwconv": {
      need3(layer.type === "conv" ? "Conv2d" : "Depthwise conv");
      const [c, h, w] = shape;
      const k = positive(f("k", 3), "kernel"), s = positive(f("s", 1), "stride"), p = nonNegative(f("p", 0), "padding");
      if (k > h + 2 * p || k > w + 2 * p) throw new RangeError(`kernel ${k}×${k} is larger than the padded input ${h + 2 * p}×${w + 2 * p}`);
      const ho = convOutputSize(h, k, s, p), wo = convOutputSize(w, k, s, p);
      const cOut = layer.type === "conv" ? positive(f("c_out", 8), "out channels") : c;
      const params = layer.type === "conv" ? convParams(k, k, c, cOut) : (k * k + 1) * c;
      const macs = (layer.type === "conv" ? k * k * c * cOut : k * k * c) * ho * wo;
      return { shape: [cOut, ho, wo], params, macs, rf: rf + (k - 1) * jump, jump: jump * s };
    }
    case "pool": {
      need3("MaxPool2d");
      const [c, h, w] = shape;
      const k = positive(f("k", 2), "kernel"), s = positive(f("s", k), "stride");
      if (k > h || k > w) throw new RangeError(`pooling window ${k}×${k} is larger than its ${h}×${w} input`);
      return { shape: [c, poolOutputSize(h, k, s), poolOutputSize(w, k, s)], params: 0, macs: 0, rf: rf + (k - 1) * jump, jump: jump * s };
    }
    case "bn":
      return { shape, params: 2 * shape[0], macs: 0, rf, jump };
    case "relu":
      return { shape, params: 0, macs: 0, rf, jump };
    case "dropout": {
      const rate = f("rate", 0.5);
      if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) throw new RangeError(`drop rate must be in [0, 1), got ${rate}`);
      return { shape, params: 0, macs: 0, rf, jump };
    }
    case "flatten":
      need3("Flatten");
      return { shape: [shape[0] * shape[1] * shape[2]], params: 0, macs: 0, rf, jump };
    case "linear": {
      if (spatial) throw new RangeError(`Linear needs a flat input: add a Flatten before it (the input is ${shape.join("×")})`);
      const nOut = positive(f("n_out", 10), "out features");
      return { shape: [nOut], params: denseParams(shape[0], nOut), macs: shape[0] * nOut, rf, jump, global: true };
    }
    default:
      throw new RangeError(`unknown layer type "${layer.type}"`);
  }
}

// ---- presets ----------------------------------------------------------------------------------

const conv = (c_out, k, s = 1, p = 0) => ({ type: "conv", c_out, k, s, p });
const pool = (k, s = k) => ({ type: "pool", k, s });
const relu = { type: "relu" }, flatten = { type: "flatten" }, drop = { type: "dropout", rate: 0.5 };
const linear = (n_out) => ({ type: "linear", n_out });
const vggBlock = (c, n) => [...Array.from({ length: n }, () => [conv(c, 3, 1, 1), relu]).flat(), pool(2)];

export const PRESETS = {
  "LeNet-5 (ReLU and max-pooling form)": {
    input: [1, 32, 32],
    layers: [conv(6, 5), relu, pool(2), conv(16, 5), relu, pool(2), flatten, linear(120), relu, linear(84), relu, linear(10)],
  },
  "AlexNet (torchvision form, 224×224)": {
    input: [3, 224, 224],
    layers: [conv(64, 11, 4, 2), relu, pool(3, 2), conv(192, 5, 1, 2), relu, pool(3, 2), conv(384, 3, 1, 1), relu,
      conv(256, 3, 1, 1), relu, conv(256, 3, 1, 1), relu, pool(3, 2), flatten, drop, linear(4096), relu, drop, linear(4096), relu, linear(1000)],
  },
  "VGG-16": {
    input: [3, 224, 224],
    layers: [...vggBlock(64, 2), ...vggBlock(128, 2), ...vggBlock(256, 3), ...vggBlock(512, 3), ...vggBlock(512, 3),
      flatten, linear(4096), relu, drop, linear(4096), relu, drop, linear(1000)],
  },
};

// ---- URL state and export ------------------------------------------------------------------------

const SHORT = { c_out: "c", k: "k", s: "s", p: "p", rate: "r", n_out: "n" };
const LONG = Object.fromEntries(Object.entries(SHORT).map(([a, b]) => [b, a]));

/** Encode a design as a compact URL-safe string, e.g. "1x32x32_conv-c6-k5-s1-p0_relu". */
export function encode(input, layers) {
  return [input.join("x"), ...layers.map((l) => [l.type, ...Object.keys(LAYER_TYPES[l.type] ? LAYER_TYPES[l.type].fields : {})
    .filter((k) => l[k] !== undefined).map((k) => SHORT[k] + String(l[k]))].join("-"))].join("_");
}

/** Decode encode()'s string; returns {input, layers} or {error}. */
export function decode(text) {
  if (typeof text !== "string" || text === "") return { error: "empty design" };
  const [head, ...parts] = text.split("_");
  const input = head.split("x").map(Number);
  if (input.length !== 3 || !input.every((v) => Number.isInteger(v) && v > 0)) return { error: `bad input size "${head}"` };
  const layers = [];
  for (const part of parts) {
    const [type, ...fields] = part.split("-");
    if (!LAYER_TYPES[type]) return { error: `unknown layer "${type}"` };
    const layer = { type };
    for (const f of fields) {
      const key = LONG[f[0]], value = f.length > 1 ? Number(f.slice(1)) : NaN;
      if (!key || !(key in LAYER_TYPES[type].fields) || !Number.isFinite(value)) return { error: `bad field "${f}" in layer "${part}"` };
      layer[key] = value;
    }
    layers.push(layer);
  }
  return { input, layers };
}

/** PyTorch code for a valid design: an nn.Sequential and a forward pass printing the shape. */
export function exportPyTorch(input, layers) {
  const a = analyze(input, layers);
  if (a.inputError || !a.valid) throw new RangeError("fix the invalid layer before exporting");
  let shape = input;
  const lines = layers.map((l, i) => {
    let code;
    const c = shape[0];
    switch (l.type) {
      case "conv": code = `nn.Conv2d(${c}, ${l.c_out}, kernel_size=${l.k}, stride=${l.s ?? 1}, padding=${l.p ?? 0})`; break;
      case "dwconv": code = `nn.Conv2d(${c}, ${c}, kernel_size=${l.k}, stride=${l.s ?? 1}, padding=${l.p ?? 0}, groups=${c})`; break;
      case "pool": code = `nn.MaxPool2d(kernel_size=${l.k}, stride=${l.s ?? l.k})`; break;
      case "bn": code = shape.length === 3 ? `nn.BatchNorm2d(${c})` : `nn.BatchNorm1d(${c})`; break;
      case "relu": code = "nn.ReLU()"; break;
      case "dropout": code = `nn.Dropout(p=${l.rate ?? 0.5})`; break;
      case "flatten": code = "nn.Flatten()"; break;
      case "linear": code = `nn.Linear(${c}, ${l.n_out})`; break;
      default: throw new RangeError(`unknown layer type "${l.type}"`);
    }
    const row = a.rows[i];
    shape = row.shape;
    return `    ${code},  # -> ${JSON.stringify(row.shape)}, ${row.params} parameters`;
  });
  return [
    "import torch",
    "from torch import nn",
    "",
    "model = nn.Sequential(",
    ...lines,
    ")",
    `x = torch.zeros(1, ${input.join(", ")})`,
    "print(tuple(model.eval()(x).shape))  # " + JSON.stringify([1, ...a.output]),
    `print(sum(p.numel() for p in model.parameters()))  # ${a.totals.params}`,
    "",
  ].join("\n");
}

/** Thousands separated by thin spaces: 61706 -> "61 706". */
export function group(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009");
}
