// Pure logic of the 1-D signal graph (no DOM): full-length discrete convolution and
// cross-correlation of two finite signals, step by step.
//   convolution:        y[n] = sum_k x[k] h[n - k]            (kernel flipped, then slid)
//   cross-correlation:  y[n] = sum_k x[k] h[k - n + M - 1]    (kernel slid as it is)
// for n = 0 .. N + M - 2 (numpy's convolve / correlate, mode "full").
// Lengths and magnitudes are bounded, so every product and sum is finite and the work is small.
import { notShown, show } from "../checks.js";

export const X_PRESETS = {
  "rectangular pulse": [0, 1, 1, 1, 1, 0],
  ramp: [1, 2, 3, 4],
  impulse: [1],
  "noisy step": [0, 0.2, -0.1, 1, 0.9, 1.1, 1],
};
export const H_PRESETS = {
  "difference [1, −1]": [1, -1],
  "smoothing [1, 2, 1]": [1, 2, 1],
  "moving average (3)": [1 / 3, 1 / 3, 1 / 3],
  "asymmetric [3, 2, 1]": [3, 2, 1],
};
export const MODES = ["convolution", "cross-correlation"];
/** The longest signal or kernel the logic accepts (the page's fields allow 16 and 8). */
export const MAX_LENGTH = 64;
/** The largest |value| accepted: products and sums of such values stay finite and print exactly enough. */
export const MAX_ABS = 1e9;

/** Weight of the kernel placed for output n at input index k (0 when outside the kernel). */
export function placedWeight(h, n, k, mode) {
  if (!Array.isArray(h)) throw new RangeError(`the kernel h must be a list of numbers, got ${show(h)}`);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(k)) throw new RangeError(`the indices n and k must be whole numbers, got ${show(n)} and ${show(k)}`);
  if (!MODES.includes(mode)) throw new RangeError(`mode must be one of ${MODES.join(", ")} (got ${show(mode)})`);
  const M = h.length;
  const m = mode === "convolution" ? n - k : k - n + M - 1;
  if (!(m >= 0 && m < M)) return 0;
  if (typeof h[m] !== "number" || !Number.isFinite(h[m])) throw new RangeError(`the kernel h must hold only numbers, but h[${m}] is ${show(h[m])}`);
  return h[m];
}

/**
 * Every output position: {n, window: [kFirst, kLast], terms: [{k, x, w, product, running}], sum}
 * and the output y. Throws RangeError for empty or non-numeric signals or an unknown mode.
 */
export function signalSteps(x, h, mode = "convolution") {
  if (!MODES.includes(mode)) throw new RangeError(`mode must be one of ${MODES.join(", ")} (got ${show(mode)})`);
  for (const [name, s] of [["signal x", x], ["kernel h", h]]) {
    if (!Array.isArray(s) || s.length === 0) throw new RangeError(`the ${name} must hold at least one number`);
    if (s.length > MAX_LENGTH) throw new RangeError(`the ${name} may hold at most ${MAX_LENGTH} numbers (got ${s.length})`);
    if (!s.every((v) => typeof v === "number" && Number.isFinite(v))) throw new RangeError(`the ${name} must hold only numbers`);
    const big = s.find((v) => Math.abs(v) > MAX_ABS);
    if (big !== undefined) throw new RangeError(`the values of the ${name} must lie between −10⁹ and 10⁹ (got ${fmt(big)})`);
  }
  const N = x.length, M = h.length;
  const steps = [], y = [];
  for (let n = 0; n < N + M - 1; n++) {
    const terms = [];
    let running = 0;
    for (let k = Math.max(0, n - M + 1); k <= Math.min(N - 1, n); k++) {
      const w = placedWeight(h, n, k, mode);
      const product = x[k] * w;
      running += product;
      terms.push({ k, x: x[k], w, product, running: clean(running) });
    }
    const sum = clean(running);
    steps.push({ n, window: [n - M + 1, n], terms, sum });
    y.push(sum);
  }
  return { steps, y };
}

function clean(v) { return Math.round(v * 1e10) / 1e10; }

/** Number for display: at most 3 decimals, "−" sign; never "Infinity" or "NaN". */
export function fmt(v) {
  if (typeof v !== "number" || !Number.isFinite(v)) return notShown(v);
  const s = String(Math.abs(v) >= 1e15 ? v : Math.round(v * 1000) / 1000);
  return s === "-0" ? "0" : s.startsWith("-") ? "\u2212" + s.slice(1) : s;
}
