// Pure logic of the architecture playground (no DOM). The shape, parameter and receptive-field
// rules are the same as syllabus_code/shapes.py and are tested against the same JSON vectors
// (tests/vectors/shapes.json); on top of them: more layer types, MACs, URL encoding and export
// to PyTorch (nn.Sequential). Every size and count is a whole number a double holds exactly
// (at most 2⁵³ − 1), so an export never contains a number such as 1e+21 that PyTorch rejects;
// names are looked up as own properties only; a design holds at most MAX_LAYERS layers.
import { MAX_WHOLE_TEXT, own, show } from "../checks.js";

/** The most layers a design may hold (VGG-16 has 39): more would only slow the page down. */
export const MAX_LAYERS = 200;
/** The longest design text read from the page address. */
export const MAX_DESIGN_CHARS = 20000;

function int(value, name) {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, got ${show(value)}`);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number of at most ${MAX_WHOLE_TEXT}, got ${show(value)}`);
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
/** A computed count or size that must stay exact. */
function exact(value, what) {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} would exceed ${MAX_WHOLE_TEXT}: too large to count exactly`);
  return value;
}
function layerList(layers) {
  if (!Array.isArray(layers)) throw new RangeError(`layers must be a list of layers, got ${show(layers)}`);
  return layers;
}
function layerAt(layers, i) {
  const layer = layers[i];
  if (layer === null || typeof layer !== "object" || Array.isArray(layer)) throw new RangeError(`layers[${i}] must be a layer (an object), got ${show(layer)}`);
  return layer;
}
const field = (layer, name) => (own(layer, name) ? layer[name] : undefined);

// ---- the rules shared with syllabus_code.shapes -------------------------------------------

export function convOutputSize(n, k, s = 1, p = 0) {
  positive(n, "n (input size)"); positive(k, "k (kernel size)"); positive(s, "s (stride)"); nonNegative(p, "p (padding)");
  const padded = exact(n + 2 * p, "the padded input n + 2p");
  if (k > padded) throw new RangeError(`kernel size k=${k} is larger than the padded input n + 2p = ${n} + 2·${p} = ${padded}`);
  return Math.floor((padded - k) / s) + 1;
}
export function poolOutputSize(n, k, s = null) { return convOutputSize(n, k, s === null || s === undefined ? k : s, 0); }
export function samePadding(k) {
  positive(k, "k (kernel size)");
  if (k % 2 === 0) throw new RangeError(`'same' padding (k − 1)/2 needs an odd kernel size, got k=${k}`);
  return (k - 1) / 2;
}
export function convParams(kH, kW, cIn, cOut, bias = true) {
  positive(kH, "k_h"); positive(kW, "k_w"); positive(cIn, "c_in"); positive(cOut, "c_out");
  return exact((exact(kH * kW * cIn, "k_h·k_w·c_in") + (bias ? 1 : 0)) * cOut, "the parameter count");
}
export function denseParams(nIn, nOut, bias = true) {
  positive(nIn, "n_in"); positive(nOut, "n_out");
  return exact(nIn * nOut + (bias ? nOut : 0), "the parameter count");
}
export function stackedKernelParams(channels, k = 3, layers = 1) {
  positive(channels, "channels");
  return exact(positive(layers, "layers") * convParams(k, k, channels, channels, false), "the parameter count");
}
/** A layer's stride: its s, else the kernel size for a pool (PyTorch's default) and 1 otherwise. */
export function layerStride(layer, i = 0) {
  const fallback = field(layer, "type") === "pool" ? field(layer, "k") : 1;
  const s = field(layer, "s");
  return positive(s === undefined ? fallback : s, `layers[${i}].s`);
}
/** Receptive field after one more layer of kernel k, given the current field and jump (exact or Infinity). */
function grow(rf, jump, k) {
  const next = k === 1 ? rf : rf + (k - 1) * jump;
  return Number.isSafeInteger(next) ? next : Infinity;
}
export function receptiveField(layers) {
  layerList(layers);
  let rf = 1, jump = 1;
  return layers.map((_, i) => {
    const layer = layerAt(layers, i);
    const k = positive(field(layer, "k"), `layers[${i}].k`);
    const s = layerStride(layer, i);
    rf = exact(grow(rf, jump, k), `the receptive field at layer ${i}`);
    jump *= s;
    return rf;
  });
}
export function stackShapes(inputShape, layers) {
  if (!Array.isArray(inputShape) || inputShape.length !== 3) throw new RangeError(`input_shape must be (C, H, W), got ${show(inputShape)}`);
  layerList(layers);
  let [c, h, w] = inputShape.map((v, i) => positive(v, "CHW"[i]));
  let rf = 1, jump = 1;
  return layers.map((_, i) => {
    const layer = layerAt(layers, i);
    const type = field(layer, "type");
    const k = positive(field(layer, "k"), `layers[${i}].k`);
    let s, params;
    if (type === "conv") {
      s = layerStride(layer, i);
      const p = field(layer, "p") === undefined ? 0 : field(layer, "p");
      const cOut = positive(field(layer, "c_out"), `layers[${i}].c_out`);
      params = convParams(k, k, c, cOut);
      [h, w, c] = [convOutputSize(h, k, s, p), convOutputSize(w, k, s, p), cOut];
    } else if (type === "pool") {
      s = layerStride(layer, i);
      params = 0;
      [h, w] = [poolOutputSize(h, k, s), poolOutputSize(w, k, s)];
    } else {
      throw new RangeError(`layers[${i}].type must be 'conv' or 'pool', got ${show(type)}`);
    }
    rf = exact(grow(rf, jump, k), `the receptive field at layer ${i}`);
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

/** True for a layer type of the playground (an own key of LAYER_TYPES, never "constructor" and the like). */
export function isLayerType(type) { return own(LAYER_TYPES, type); }

/**
 * Walk a stack from input (C, H, W). Returns {rows, totals, valid}: one row per layer with
 * {shape, params, macs, rf, used, error}; `rf` is a whole number, "all" (the whole input, from a
 * Linear layer on) or "huge" (more than 2⁵³ − 1); `used` holds the settings the layer was
 * computed with (defaults filled in). The first invalid layer gets an error naming the reason
 * and every later one {skipped: true}; a bad input or a list of more than MAX_LAYERS layers gives
 * {inputError}. Never throws.
 */
export function analyze(input, layers) {
  const fail = (message, n = 0) => ({ inputError: message, rows: Array.from({ length: n }, () => ({ skipped: true })), totals: { params: 0, macs: 0 }, valid: false, output: null });
  if (!Array.isArray(layers)) return fail(`the layers must be a list, got ${show(layers)}`);
  if (layers.length > MAX_LAYERS) return fail(`a design may hold at most ${MAX_LAYERS} layers (this one has ${layers.length})`);
  let shape;
  try {
    if (!Array.isArray(input) || input.length !== 3) throw new RangeError("the input must be (C, H, W)");
    shape = input.map((v, i) => positive(v, `input ${"CHW"[i]}`));
    exact(shape[0] * shape[1] * shape[2], "the input size C·H·W");
  } catch (e) {
    return fail(e.message, layers.length);
  }
  const rows = [];
  let rf = 1, jump = 1, global = false, invalid = false, params = 0, macs = 0;
  for (let i = 0; i < layers.length; i++) {
    if (invalid) { rows.push({ skipped: true }); continue; }
    try {
      const r = step(shape, layerAt(layers, i), rf, jump);
      params = exact(params + r.params, "the total number of parameters");
      macs = exact(macs + r.macs, "the total number of multiply–accumulates");
      shape = r.shape; rf = r.rf; jump = r.jump;
      if (r.global) global = true;
      rows.push({ shape, params: r.params, macs: r.macs, rf: global ? "all" : Number.isFinite(rf) ? rf : "huge", used: r.used });
    } catch (e) {
      invalid = true;
      rows.push({ error: e.message });
    }
  }
  return { rows, totals: { params, macs }, valid: !invalid, output: invalid ? null : shape };
}

function step(shape, layer, rf, jump) {
  const spatial = shape.length === 3;
  const need3 = (what) => { if (!spatial) throw new RangeError(`${what} needs a (C, H, W) input, but the input is already flat (${shape[0]} features)`); };
  const f = (name, dflt) => (field(layer, name) === undefined ? dflt : field(layer, name));
  const type = field(layer, "type");
  switch (type) {
    case "conv": case "dwconv": {
      need3(type === "conv" ? "Conv2d" : "Depthwise conv");
      const [c, h, w] = shape;
      const k = positive(f("k", 3), "kernel"), s = positive(f("s", 1), "stride"), p = nonNegative(f("p", 0), "padding");
      const ph = exact(h + 2 * p, "the padded height"), pw = exact(w + 2 * p, "the padded width");
      if (k > ph || k > pw) throw new RangeError(`kernel ${k}×${k} is larger than the padded input ${ph}×${pw}`);
      const ho = convOutputSize(h, k, s, p), wo = convOutputSize(w, k, s, p);
      const cOut = type === "conv" ? positive(f("c_out", 8), "out channels") : c;
      const params = type === "conv" ? convParams(k, k, c, cOut) : exact((k * k + 1) * c, "the parameter count");
      const perOutput = exact(type === "conv" ? k * k * c * cOut : k * k * c, "the multiply–accumulates per position");
      const macs = exact(exact(perOutput * ho, "the multiply–accumulates") * wo, "the multiply–accumulates");
      exact(cOut * ho * wo, "the output size C·H·W");
      const used = type === "conv" ? { c_out: cOut, k, s, p } : { k, s, p };
      return { shape: [cOut, ho, wo], params, macs, rf: grow(rf, jump, k), jump: jump * s, used };
    }
    case "pool": {
      need3("MaxPool2d");
      const [c, h, w] = shape;
      const k = positive(f("k", 2), "kernel"), s = positive(f("s", k), "stride");
      if (k > h || k > w) throw new RangeError(`pooling window ${k}×${k} is larger than its ${h}×${w} input`);
      return { shape: [c, poolOutputSize(h, k, s), poolOutputSize(w, k, s)], params: 0, macs: 0, rf: grow(rf, jump, k), jump: jump * s, used: { k, s } };
    }
    case "bn":
      return { shape, params: exact(2 * shape[0], "the parameter count"), macs: 0, rf, jump, used: {} };
    case "relu":
      return { shape, params: 0, macs: 0, rf, jump, used: {} };
    case "dropout": {
      const rate = f("rate", 0.5);
      if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) throw new RangeError(`drop rate must be in [0, 1), got ${show(rate)}`);
      return { shape, params: 0, macs: 0, rf, jump, used: { rate } };
    }
    case "flatten":
      need3("Flatten");
      return { shape: [exact(shape[0] * shape[1] * shape[2], "the flattened size C·H·W")], params: 0, macs: 0, rf, jump, used: {} };
    case "linear": {
      if (spatial) throw new RangeError(`Linear needs a flat input: add a Flatten before it (the input is ${shape.join("×")})`);
      const nOut = positive(f("n_out", 10), "out features");
      return { shape: [nOut], params: denseParams(shape[0], nOut), macs: exact(shape[0] * nOut, "the multiply–accumulates"), rf, jump, global: true, used: { n_out: nOut } };
    }
    default:
      throw new RangeError(`unknown layer type ${show(type)} (expected one of ${Object.keys(LAYER_TYPES).join(", ")})`);
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

/** The preset of that name (own key only), or null. */
export function preset(name) { return own(PRESETS, name) ? PRESETS[name] : null; }

// ---- URL state and export ------------------------------------------------------------------------

const SHORT = { c_out: "c", k: "k", s: "s", p: "p", rate: "r", n_out: "n" };
const LONG = Object.fromEntries(Object.entries(SHORT).map(([a, b]) => [b, a]));
// A number in the address: JavaScript's shortest exact text with "-" written "m" and "e+" as "e"
// ("-" separates fields and "+" is not URL-safe), so 1e-7 is "1em7" and reads back exactly.
const NUMBER = /^m?(\d+\.?\d*|\.\d+)(em?\d+)?$/;
const encodeNumber = (v) => String(v).replace("e+", "e").replace(/-/g, "m");
function decodeNumber(text) {
  if (text.length > 40 || !NUMBER.test(text)) return NaN;
  const v = Number(text.replace(/m/g, "-"));
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Encode a design as a compact URL-safe string, e.g. "1x32x32_conv-c6-k5-s1-p0_relu". A field
 * that is not a finite number (a blank or unreadable entry) is left out, as is a layer of an
 * unknown type; every finite number reads back exactly with decode().
 */
export function encode(input, layers) {
  const dims = (Array.isArray(input) ? input : []).map((v) => (typeof v === "number" && Number.isFinite(v) ? encodeNumber(v) : "0"));
  const parts = (Array.isArray(layers) ? layers : []).filter((l) => l && typeof l === "object" && isLayerType(field(l, "type"))).map((l) => {
    const type = field(l, "type");
    const fields = Object.keys(LAYER_TYPES[type].fields)
      .filter((k) => typeof field(l, k) === "number" && Number.isFinite(field(l, k)))
      .map((k) => SHORT[k] + encodeNumber(field(l, k)));
    return [type, ...fields].join("-");
  });
  return [dims.join("x"), ...parts].join("_");
}

/** Decode encode()'s string; returns {input, layers} or {error}. Never throws. */
export function decode(text) {
  if (typeof text !== "string" || text === "") return { error: "empty design" };
  const [head, ...parts] = text.split("_");
  if (parts.length > MAX_LAYERS) return { error: `a design may hold at most ${MAX_LAYERS} layers (the address has ${parts.length})` };
  if (text.length > MAX_DESIGN_CHARS) return { error: `the design is too long (${text.length} characters; at most ${MAX_DESIGN_CHARS})` };
  const input = head.split("x").map(decodeNumber);
  if (input.length !== 3 || !input.every(Number.isFinite)) return { error: `bad input size ${show(head)}` };
  const layers = [];
  for (const part of parts) {
    const [type, ...fields] = part.split("-");
    if (!isLayerType(type)) return { error: `unknown layer ${show(type)}` };
    const layer = { type };
    for (const f of fields) {
      const key = own(LONG, f.slice(0, 1)) ? LONG[f.slice(0, 1)] : null, value = decodeNumber(f.slice(1));
      if (!key || !own(LAYER_TYPES[type].fields, key) || !Number.isFinite(value)) return { error: `bad field ${show(f)} in layer ${show(part)}` };
      layer[key] = value;
    }
    layers.push(layer);
  }
  return { input, layers };
}

/** PyTorch code for a valid design: an nn.Sequential and a forward pass printing the shape. */
export function exportPyTorch(input, layers) {
  const a = analyze(input, layers);
  if (a.inputError) throw new RangeError(`fix the input before exporting: ${a.inputError}`);
  if (!a.valid) throw new RangeError("fix the invalid layer before exporting");
  let shape = input;
  const lines = layers.map((l, i) => {
    let code;
    const c = shape[0], u = a.rows[i].used;
    switch (l.type) {
      case "conv": code = `nn.Conv2d(${c}, ${u.c_out}, kernel_size=${u.k}, stride=${u.s}, padding=${u.p})`; break;
      case "dwconv": code = `nn.Conv2d(${c}, ${c}, kernel_size=${u.k}, stride=${u.s}, padding=${u.p}, groups=${c})`; break;
      case "pool": code = `nn.MaxPool2d(kernel_size=${u.k}, stride=${u.s})`; break;
      case "bn": code = shape.length === 3 ? `nn.BatchNorm2d(${c})` : `nn.BatchNorm1d(${c})`; break;
      case "relu": code = "nn.ReLU()"; break;
      case "dropout": code = `nn.Dropout(p=${u.rate})`; break;
      case "flatten": code = "nn.Flatten()"; break;
      case "linear": code = `nn.Linear(${c}, ${u.n_out})`; break;
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

/** Thousands separated by thin spaces: 61706 -> "61 706" (only for whole numbers up to 2⁵³ − 1). */
export function group(n) {
  if (!Number.isSafeInteger(n)) return typeof n === "number" && Number.isFinite(n) ? String(n) : "—";
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009");
}
