// Pure logic of the network visualizer (no DOM): a small MLP on one example, forward pass,
// mean-squared-error loss, backpropagation in δ form and one gradient-descent step. Conventions
// are those of syllabus_code.numpy_nn.network (row vectors): a layer's `W` is the code's W{l},
// of shape (n_{l-1}, n_l), which is (W^(l))ᵀ for the course's n_l × n_{l-1} matrix W^(l)
// (docs/00-foundations/notation.md). z^(l) = a^(l-1) W^(l)ᵀ + b^(l); L = mean((a^(L) - y)^2);
// δ^(L) = ∇_a L ⊙ g'(z^(L)); δ^(l) = (δ^(l+1) W^(l+1)) ⊙ g'(z^(l));
// (∂L/∂W^(l))ᵀ = a^(l-1)ᵀ δ^(l) (the shape of `W`); ∂L/∂b^(l) = δ^(l).
// Checked against numpy_nn on tests/vectors/widgets-network.json.
// Inputs, targets, weights and biases are bounded by MAX_ABS and the network by MAX_LAYERS and
// MAX_UNITS, so every forward and backward number is finite; a gradient step that would take a
// weight beyond MAX_ABS is refused with a message instead of turning the weights into NaN.
import { notShown, own, show } from "../checks.js";

const sig = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
export const ACT = {
  sigmoid: { f: sig, df: (z) => sig(z) * (1 - sig(z)) },
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  identity: { f: (z) => z, df: () => 1 },
};
export const MAX_LAYERS = 4, MAX_UNITS = 8;
/** The largest |x|, |y|, |weight| or |bias| accepted. */
export const MAX_ABS = 1e6;
const MAX_ABS_TEXT = "10⁶";

/** Check sizes [n0, ..., nL]; returns null or a message. */
export function checkSizes(sizes) {
  if (!Array.isArray(sizes) || sizes.length < 2) return "Give at least an input size and an output size, e.g. 2, 3, 1.";
  if (sizes.length - 1 > MAX_LAYERS) return `At most ${MAX_LAYERS} layers (got ${sizes.length - 1}).`;
  for (const n of sizes) if (!Number.isInteger(n) || n < 1 || n > MAX_UNITS) return `Each layer needs 1 to ${MAX_UNITS} units (got ${show(n)}).`;
  return null;
}

function vectorProblem(v, n, name) {
  if (!Array.isArray(v) || v.length !== n) return `${name} must hold ${n} number${n === 1 ? "" : "s"} (got ${show(v)}).`;
  const i = v.findIndex((e) => typeof e !== "number" || !Number.isFinite(e) || Math.abs(e) > MAX_ABS);
  if (i >= 0) return `Entry ${i + 1} of ${name} must be a number between −${MAX_ABS_TEXT} and ${MAX_ABS_TEXT} (got ${fmt(v[i])}).`;
  return null;
}

/**
 * Check a whole setting: layers [{W: n_{l-1} × n_l, b: n_l}] (1 to MAX_LAYERS of them, 1 to
 * MAX_UNITS units each), x of length n_0, y of length n_L, every entry finite with |v| ≤ MAX_ABS,
 * and activation names of ACT. Returns null or a message.
 */
export function checkNetwork(x, y, layers, activation = "sigmoid", output = "identity") {
  if (!own(ACT, activation)) return `Unknown hidden activation ${show(activation)} (expected one of ${Object.keys(ACT).join(", ")}).`;
  if (!own(ACT, output)) return `Unknown output activation ${show(output)} (expected one of ${Object.keys(ACT).join(", ")}).`;
  const { problem, sizes } = checkLayers(layers);
  if (problem) return problem;
  return vectorProblem(x, sizes[0], "the input x") || vectorProblem(y, sizes[sizes.length - 1], "the target y");
}

/** Check the layers alone: {problem: null, sizes: [n0, ..., nL]} or {problem: message}. */
function checkLayers(layers) {
  const fail = (problem) => ({ problem, sizes: null });
  if (!Array.isArray(layers) || layers.length < 1 || layers.length > MAX_LAYERS) return fail(`The network needs 1 to ${MAX_LAYERS} layers (got ${show(layers)}).`);
  const sizes = [];
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l], name = `layer ${l + 1}`;
    if (layer === null || typeof layer !== "object" || !own(layer, "W") || !own(layer, "b")) return fail(`The ${name} needs weights W and biases b.`);
    const { W, b } = layer;
    if (!Array.isArray(W) || W.length < 1 || W.length > MAX_UNITS || !Array.isArray(W[0])) return fail(`W${l + 1} must be a matrix with 1 to ${MAX_UNITS} rows.`);
    const nIn = W.length, nOut = W[0].length;
    if (nOut < 1 || nOut > MAX_UNITS) return fail(`W${l + 1} must have 1 to ${MAX_UNITS} columns (got ${nOut}).`);
    if (l > 0 && nIn !== sizes[l]) return fail(`W${l + 1} must have ${sizes[l]} rows, one per unit of the layer before (got ${nIn}).`);
    if (l === 0) sizes.push(nIn);
    sizes.push(nOut);
    for (let k = 0; k < nIn; k++) {
      const problem = vectorProblem(W[k], nOut, `row ${k + 1} of W${l + 1}`);
      if (problem) return fail(problem);
    }
    const problem = vectorProblem(b, nOut, `b${l + 1}`);
    if (problem) return fail(problem);
  }
  return { problem: null, sizes };
}
function assertNetwork(x, y, layers, activation, output) {
  const problem = checkNetwork(x, y, layers, activation, output);
  if (problem) throw new RangeError(problem);
}

/** Deterministic small weights in [-scale, scale] (mulberry32 PRNG), biases 0. */
export function initNetwork(sizes, seed = 1, scale = 1) {
  const problem = checkSizes(sizes);
  if (problem) throw new RangeError(problem);
  if (typeof scale !== "number" || !Number.isFinite(scale) || Math.abs(scale) > MAX_ABS) throw new RangeError(`scale must be a number between −${MAX_ABS_TEXT} and ${MAX_ABS_TEXT}, got ${show(scale)}`);
  let t = typeof seed === "number" && Number.isFinite(seed) ? seed >>> 0 : 1;
  const rnd = () => { t = (t + 0x6d2b79f5) >>> 0; let r = Math.imul(t ^ (t >>> 15), 1 | t); r ^= r + Math.imul(r ^ (r >>> 7), 61 | r); return ((r ^ (r >>> 14)) >>> 0) / 4294967296; };
  const layers = [];
  for (let l = 1; l < sizes.length; l++) {
    const W = Array.from({ length: sizes[l - 1] }, () => Array.from({ length: sizes[l] }, () => Math.round((rnd() * 2 - 1) * scale * 100) / 100));
    layers.push({ W, b: Array(sizes[l]).fill(0) });
  }
  return layers;
}

/** Forward pass: {Z: [null, z1, ...], A: [x, a1, ...]}. */
export function forward(x, layers, activation = "sigmoid", output = "identity") {
  const last = Array.isArray(layers) && layers.length && layers[layers.length - 1] && Array.isArray(layers[layers.length - 1].b) ? layers[layers.length - 1].b.length : 0;
  assertNetwork(x, Array(last).fill(0), layers, activation, output);
  const A = [x.slice()], Z = [null];
  layers.forEach(({ W, b }, i) => {
    const a = A[i];
    const z = b.map((bj, j) => a.reduce((s, ak, k) => s + ak * W[k][j], bj));
    const g = ACT[i === layers.length - 1 ? output : activation].f;
    Z.push(z);
    A.push(z.map(g));
  });
  return { Z, A };
}

/** Mean squared error and its gradient with respect to the output. */
export function mse(a, y) {
  if (!Array.isArray(a) || a.length === 0 || !Array.isArray(y) || y.length !== a.length) throw new RangeError(`mse needs two lists of the same non-zero length, got ${show(a)} and ${show(y)}`);
  if (![...a, ...y].every((v) => typeof v === "number" && Number.isFinite(v))) throw new RangeError("mse needs finite numbers");
  const d = a.map((v, i) => v - y[i]);
  return { loss: d.reduce((s, v) => s + v * v, 0) / d.length, grad: d.map((v) => (2 * v) / d.length) };
}

/** Backward pass: {loss, gradA, deltas: [null, δ1, ...], dW: [null, ...], db: [null, ...]}. */
export function backward(x, y, layers, activation = "sigmoid", output = "identity") {
  assertNetwork(x, y, layers, activation, output);
  const { Z, A } = forward(x, layers, activation, output);
  const L = layers.length;
  const { loss, grad } = mse(A[L], y);
  const deltas = Array(L + 1).fill(null), dW = Array(L + 1).fill(null), db = Array(L + 1).fill(null);
  let delta = grad.map((g, j) => g * ACT[output].df(Z[L][j]));
  for (let l = L; l >= 1; l--) {
    deltas[l] = delta;
    dW[l] = A[l - 1].map((ak) => delta.map((dj) => ak * dj));
    db[l] = delta.slice();
    if (l > 1) {
      const W = layers[l - 1].W;
      delta = Z[l - 1].map((zk, k) => delta.reduce((s, dj, j) => s + dj * W[k][j], 0) * ACT[activation].df(zk));
    }
  }
  return { Z, A, loss, gradA: grad, deltas, dW, db };
}

/**
 * One gradient-descent step: W ← W − η ∂L/∂W, b ← b − η ∂L/∂b (returns new layers). Throws a
 * RangeError, and changes nothing, when η is not a positive number or when the step would take a
 * weight or bias beyond ±MAX_ABS (or overflow): the learner is asked for a smaller η.
 */
export function sgdStep(layers, back, lr) {
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr <= 0) throw new RangeError(`the learning rate must be a positive number, got ${show(lr)}`);
  const { problem, sizes } = checkLayers(layers);
  if (problem) throw new RangeError(problem);
  const fits = (m, rows, cols) => Array.isArray(m) && m.length === rows && m.every((r) => Array.isArray(r) && r.length === cols);
  const ok = back !== null && typeof back === "object" && Array.isArray(back.dW) && Array.isArray(back.db)
    && layers.every((_, i) => fits(back.dW[i + 1], sizes[i], sizes[i + 1]) && fits([back.db[i + 1]], 1, sizes[i + 1]));
  if (!ok) throw new RangeError("sgdStep needs the gradients that backward() returned for these layers");
  const next = layers.map(({ W, b }, i) => ({
    W: W.map((row, k) => row.map((w, j) => w - lr * back.dW[i + 1][k][j])),
    b: b.map((bj, j) => bj - lr * back.db[i + 1][j]),
  }));
  for (const { W, b } of next) {
    for (const v of [...W.flat(), ...b]) {
      if (!Number.isFinite(v) || Math.abs(v) > MAX_ABS) {
        throw new RangeError(`this step would move a weight to ${fmt(v)}, beyond ±${MAX_ABS_TEXT}: choose a smaller learning rate η (it is ${fmt(lr)})`);
      }
    }
  }
  return next;
}

/** Number for the page: 4 significant digits, "−" sign. */
export function fmt(v) {
  if (typeof v !== "number" || !Number.isFinite(v)) return notShown(v);
  const r = Number(v.toPrecision(4)); // rounding 1.7977e308 up would read back as Infinity
  let s = Number.isFinite(r) ? String(r) : v.toPrecision(4);
  if (s === "-0") s = "0";
  return s.startsWith("-") ? "\u2212" + s.slice(1) : s;
}
export const vec = (v) => (Array.isArray(v) ? `[${v.map(fmt).join(", ")}]` : notShown(v));
