// Pure logic of the activation visualizer (no DOM): each activation f with its derivative f',
// sampling for plots, the intervals where |f'| is below a threshold (saturation: gradients
// vanish there) and a numerically stable softmax with its Jacobian.
// Derivatives at the kinks follow PyTorch: ReLU'(0) = 0, leaky ReLU'(0) = alpha, ELU'(0) = alpha.
// Names are looked up as own properties only; ranges, sample counts and vector lengths are
// bounded, so every result is finite and quick to compute, and bad input gets a RangeError
// that says what was expected.
import { notShown, own, show } from "../checks.js";

/** The widest |x| plotted or probed, the most samples and the longest softmax vector accepted. */
export const MAX_X = 1e6, MAX_SAMPLES = 10001, MAX_VECTOR = 1000;

const sigmoid = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export const ACTIVATIONS = {
  sigmoid: {
    label: "sigmoid σ(x) = 1 / (1 + e^(−x))",
    f: (x) => sigmoid(x),
    df: (x) => { const s = sigmoid(x); return s * (1 - s); },
  },
  tanh: {
    label: "tanh(x)",
    f: (x) => Math.tanh(x),
    df: (x) => { const t = Math.tanh(x); return 1 - t * t; },
  },
  relu: {
    label: "ReLU(x) = max(0, x)",
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
  },
  leaky_relu: {
    label: "leaky ReLU(x) = x if x > 0, else αx",
    alpha: { min: 0, max: 0.5, step: 0.01, value: 0.01 },
    f: (x, a) => (x > 0 ? x : a * x),
    df: (x, a) => (x > 0 ? 1 : a),
  },
  elu: {
    label: "ELU(x) = x if x > 0, else α(e^x − 1)",
    alpha: { min: 0.1, max: 2, step: 0.05, value: 1 },
    f: (x, a) => (x > 0 ? x : a * Math.expm1(x)),
    df: (x, a) => (x > 0 ? 1 : a * Math.exp(x)),
  },
};

/** Look an activation up; throws a clear error for an unknown name. */
export function activation(name) {
  if (!own(ACTIVATIONS, name)) throw new RangeError(`unknown activation ${show(name)} (expected one of ${Object.keys(ACTIVATIONS).join(", ")})`);
  return ACTIVATIONS[name];
}

/** Check alpha for an activation that has one; returns null or a message. */
export function checkAlpha(name, alpha) {
  const spec = activation(name).alpha;
  if (!spec) return null;
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) return `α must be a number (got ${show(alpha)}).`;
  if (alpha < spec.min || alpha > spec.max) return `α must lie between ${spec.min} and ${spec.max} (got ${alpha}).`;
  return null;
}

/** Throw a RangeError unless alpha suits the activation, xmin < xmax lie in [−MAX_X, MAX_X] and n is a sample count. */
function checkPlot(name, alpha, xmin, xmax, n) {
  const problem = checkAlpha(name, alpha);
  if (problem) throw new RangeError(problem);
  for (const [label, v] of [["xmin", xmin], ["xmax", xmax]]) {
    if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > MAX_X) throw new RangeError(`${label} must be a number between −${MAX_X} and ${MAX_X}, got ${show(v)}`);
  }
  if (!(xmin < xmax)) throw new RangeError(`xmin must be smaller than xmax, got ${xmin} and ${xmax}`);
  if (!Number.isInteger(n) || n < 2 || n > MAX_SAMPLES) throw new RangeError(`n must be a whole number from 2 to ${MAX_SAMPLES}, got ${show(n)}`);
}

/** n evenly spaced samples {x, f, df} on [xmin, xmax]. */
export function sample(name, alpha, xmin, xmax, n = 241) {
  const { f, df } = activation(name);
  checkPlot(name, alpha, xmin, xmax, n);
  const out = [];
  for (let i = 0; i < n; i++) {
    const x = xmin + ((xmax - xmin) * i) / (n - 1);
    out.push({ x, f: f(x, alpha), df: df(x, alpha) });
  }
  return out;
}

/**
 * Intervals [a, b] within [xmin, xmax] where |f'(x)| < threshold, found on a fine grid and
 * with each boundary refined by bisection (to about 1e-9).
 */
export function saturatedIntervals(name, alpha, xmin, xmax, threshold = 0.05, n = 1201) {
  const { df } = activation(name);
  checkPlot(name, alpha, xmin, xmax, n);
  if (typeof threshold !== "number" || !Number.isFinite(threshold) || threshold < 0) throw new RangeError(`the threshold must be a number ≥ 0, got ${show(threshold)}`);
  const low = (x) => Math.abs(df(x, alpha)) < threshold;
  const refine = (a, b) => { // low(a) !== low(b): find the switch point
    const la = low(a);
    for (let i = 0; i < 60; i++) {
      const m = (a + b) / 2;
      if (low(m) === la) a = m; else b = m;
    }
    return (a + b) / 2;
  };
  const out = [];
  let start = low(xmin) ? xmin : null;
  let prev = xmin;
  for (let i = 1; i < n; i++) {
    const x = xmin + ((xmax - xmin) * i) / (n - 1);
    if (low(x) !== low(prev)) {
      const edge = refine(prev, x);
      if (start === null) start = edge;
      else { out.push([start, edge]); start = null; }
    }
    prev = x;
  }
  if (start !== null) out.push([start, xmax]);
  return out;
}

/** Softmax of a vector, stable for large entries (the maximum is subtracted first). */
function checkVector(v, what) {
  if (!Array.isArray(v) || v.length === 0) throw new RangeError(`${what} needs a non-empty vector, got ${show(v)}`);
  if (v.length > MAX_VECTOR) throw new RangeError(`${what} takes at most ${MAX_VECTOR} numbers, got ${v.length}`);
  const i = v.findIndex((x) => typeof x !== "number" || !Number.isFinite(x));
  if (i >= 0) throw new RangeError(`${what} needs finite numbers, but entry ${i + 1} is ${show(v[i])}`);
}

export function softmax(z) {
  checkVector(z, "softmax");
  const m = z.reduce((a, b) => (b > a ? b : a), -Infinity);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Jacobian of softmax: J[i][j] = p_i (δ_ij − p_j). */
export function softmaxJacobian(p) {
  checkVector(p, "the softmax Jacobian");
  return p.map((pi, i) => p.map((pj, j) => pi * ((i === j ? 1 : 0) - pj)));
}

/** Value as printed in the readouts (up to 6 significant digits, "−" sign). */
export function fmt(v, digits = 6) {
  if (typeof v !== "number" || !Number.isFinite(v)) return notShown(v);
  const d = Number.isInteger(digits) ? Math.min(21, Math.max(1, digits)) : 6;
  const r = Number(v.toPrecision(d)); // rounding 1.8e308 up to 2e+308 would read back as Infinity
  let s = Number.isFinite(r) ? r.toString() : v.toPrecision(d);
  if (s === "-0") s = "0";
  return s.startsWith("-") ? "\u2212" + s.slice(1) : s;
}
