// Pure logic of the network visualizer (no DOM): a small MLP on one example, forward pass,
// mean-squared-error loss, backpropagation in δ form and one gradient-descent step. Conventions
// are those of syllabus_code.numpy_nn.network (row vectors): a layer's `W` is the code's W{l},
// of shape (n_{l-1}, n_l), which is (W^(l))ᵀ for the course's n_l × n_{l-1} matrix W^(l)
// (docs/00-foundations/notation.md). z^(l) = a^(l-1) W^(l)ᵀ + b^(l); L = mean((a^(L) - y)^2);
// δ^(L) = ∇_a L ⊙ g'(z^(L)); δ^(l) = (δ^(l+1) W^(l+1)) ⊙ g'(z^(l));
// (∂L/∂W^(l))ᵀ = a^(l-1)ᵀ δ^(l) (the shape of `W`); ∂L/∂b^(l) = δ^(l).
// Checked against numpy_nn on tests/vectors/widgets-network.json.

const sig = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
export const ACT = {
  sigmoid: { f: sig, df: (z) => sig(z) * (1 - sig(z)) },
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  identity: { f: (z) => z, df: () => 1 },
};
export const MAX_LAYERS = 4, MAX_UNITS = 8;

/** Check sizes [n0, ..., nL]; returns null or a message. */
export function checkSizes(sizes) {
  if (!Array.isArray(sizes) || sizes.length < 2) return "Give at least an input size and an output size, e.g. 2, 3, 1.";
  if (sizes.length - 1 > MAX_LAYERS) return `At most ${MAX_LAYERS} layers (got ${sizes.length - 1}).`;
  for (const n of sizes) if (!Number.isInteger(n) || n < 1 || n > MAX_UNITS) return `Each layer needs 1 to ${MAX_UNITS} units (got ${n}).`;
  return null;
}

/** Deterministic small weights in [-scale, scale] (mulberry32 PRNG), biases 0. */
export function initNetwork(sizes, seed = 1, scale = 1) {
  let t = seed >>> 0;
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
  const d = a.map((v, i) => v - y[i]);
  return { loss: d.reduce((s, v) => s + v * v, 0) / d.length, grad: d.map((v) => (2 * v) / d.length) };
}

/** Backward pass: {loss, gradA, deltas: [null, δ1, ...], dW: [null, ...], db: [null, ...]}. */
export function backward(x, y, layers, activation = "sigmoid", output = "identity") {
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

/** One gradient-descent step: W ← W − η ∂L/∂W, b ← b − η ∂L/∂b (returns new layers). */
export function sgdStep(layers, back, lr) {
  return layers.map(({ W, b }, i) => ({
    W: W.map((row, k) => row.map((w, j) => w - lr * back.dW[i + 1][k][j])),
    b: b.map((bj, j) => bj - lr * back.db[i + 1][j]),
  }));
}

/** Number for the page: 4 significant digits, "−" sign. */
export function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  let s = String(Number(v.toPrecision(4)));
  if (s === "-0") s = "0";
  return s.startsWith("-") ? "\u2212" + s.slice(1) : s;
}
export const vec = (v) => `[${v.map(fmt).join(", ")}]`;
