// Pure logic of the 2-D convolution worked example (no DOM): parsing, padding, output size
// and the whole output map, one window position at a time. Deep-learning "convolution" is
// cross-correlation: out[i][j] = sum_{u,v} in_padded[i*s + u][j*s + v] * k[u][v].
// Every setting is bounded (sizes, stride, padding, cell magnitudes), so each sum stays finite
// and exact enough to print, and no input can make the page do unbounded work.
import { notShown, show } from "../checks.js";

export const DEFAULT_INPUT = [
  [-1, 2, 3, 4, 5],
  [-2, 4, 3, -1, 1],
  [2, 3, -8, 5, 6],
  [1, -2, 3, 4, 5],
  [5, 4, 0, 2, 1],
];
export const DEFAULT_KERNEL = [
  [1, 0, -1],
  [1, 0, -1],
  [1, 0, -1],
];
export const MAX_SIZE = 9;
export const MAX_PADDING = 4;
/** The largest |cell| accepted: 81 products of two such cells still sum to an exact-enough finite number. */
export const MAX_ABS = 1e9;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Parse one cell's text; returns a finite number or null. */
export function parseCell(text) {
  if (typeof text !== "string" && typeof text !== "number") return null;
  const t = String(text).trim().replace("\u2212", "-");
  if (t.length > 40 || !NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Output length along one axis: floor((n - k + 2p) / s) + 1 (null when undefined). */
export function outputSize(n, k, p, s) {
  if (![n, k, p, s].every(Number.isSafeInteger) || s < 1 || p < 0 || n < 1 || k < 1 || n + 2 * p < k) return null;
  return Math.floor((n - k + 2 * p) / s) + 1;
}

/** Resize a matrix to rows x cols, keeping the overlapping values and filling with 0. */
export function resize(m, rows, cols) {
  if (!Array.isArray(m)) throw new RangeError(`resize needs a matrix (a list of rows), got ${show(m)}`);
  for (const [name, v] of [["rows", rows], ["cols", cols]]) {
    if (!Number.isInteger(v) || v < 0 || v > MAX_SIZE) throw new RangeError(`${name} must be a whole number from 0 to ${MAX_SIZE}, got ${show(v)}`);
  }
  const out = [];
  for (let i = 0; i < rows; i++) {
    const row = [];
    for (let j = 0; j < cols; j++) row.push(Array.isArray(m[i]) && j < m[i].length && m[i][j] !== undefined ? m[i][j] : 0);
    out.push(row);
  }
  return out;
}

/** Zero-pad a matrix by p on every side. */
export function pad(m, p) {
  if (!Array.isArray(m) || !m.every(Array.isArray)) throw new RangeError(`pad needs a matrix (a list of rows), got ${show(m)}`);
  if (!Number.isInteger(p) || p < 0 || p > MAX_PADDING) throw new RangeError(`the padding must be a whole number from 0 to ${MAX_PADDING}, got ${show(p)}`);
  const rows = m.length + 2 * p;
  const cols = (m[0] ? m[0].length : 0) + 2 * p;
  const out = [];
  for (let i = 0; i < rows; i++) {
    const row = [];
    for (let j = 0; j < cols; j++) {
      const r = i - p, c = j - p;
      row.push(r >= 0 && r < m.length && c >= 0 && c < m[0].length ? m[r][c] : 0);
    }
    out.push(row);
  }
  return out;
}

function isInt(x) { return Number.isInteger(x); }

/**
 * Check a setting; returns null when valid, else a message for the learner.
 * input/kernel are matrices whose cells may be null (unparseable text).
 */
export function validate(input, kernel, stride, padding) {
  if (!Array.isArray(input) || input.length === 0 || !Array.isArray(input[0]) || input[0].length === 0) {
    return "The input must have at least one row and one column.";
  }
  if (input.length > MAX_SIZE || input[0].length > MAX_SIZE) return `The input may have at most ${MAX_SIZE} rows and ${MAX_SIZE} columns.`;
  if (!Array.isArray(kernel) || kernel.length === 0 || !Array.isArray(kernel[0]) || kernel[0].length === 0) {
    return "The kernel must have at least one row and one column.";
  }
  if (kernel.length > MAX_SIZE || kernel[0].length > MAX_SIZE) return `The kernel may have at most ${MAX_SIZE} rows and ${MAX_SIZE} columns.`;
  for (const [name, m] of [["input", input], ["kernel", kernel]]) {
    const w = m[0].length;
    for (let i = 0; i < m.length; i++) {
      if (!Array.isArray(m[i]) || m[i].length !== w) return `Every row of the ${name} must have ${w} values.`;
      for (let j = 0; j < w; j++) {
        if (typeof m[i][j] !== "number" || !Number.isFinite(m[i][j])) {
          return `The ${name} cell at row ${i + 1}, column ${j + 1} is not a number.`;
        }
        if (Math.abs(m[i][j]) > MAX_ABS) {
          return `The ${name} cell at row ${i + 1}, column ${j + 1} must lie between −10⁹ and 10⁹ (got ${fmt(m[i][j])}).`;
        }
      }
    }
  }
  if (!isInt(stride) || stride < 1 || stride > MAX_SIZE) return `The stride must be a whole number from 1 to ${MAX_SIZE} (got ${show(stride)}).`;
  if (!isInt(padding) || padding < 0 || padding > MAX_PADDING) return `The padding must be a whole number from 0 to ${MAX_PADDING} (got ${show(padding)}).`;
  const n = input.length, m = input[0].length, kh = kernel.length, kw = kernel[0].length;
  if (kh > n + 2 * padding || kw > m + 2 * padding) {
    return `The ${kh}×${kw} kernel is larger than the padded ${n + 2 * padding}×${m + 2 * padding} input: no window fits.`;
  }
  return null;
}

/**
 * Every window position of the (strided, padded) cross-correlation, in row-major order:
 * {i, j, r, c, products: [[...]], sum}, with (r, c) the top-left of the window in the padded input.
 * Also returns the output map. Throws RangeError on an invalid setting (check validate first).
 */
export function conv2d(input, kernel, stride = 1, padding = 0) {
  const problem = validate(input, kernel, stride, padding);
  if (problem) throw new RangeError(problem);
  const x = pad(input, padding);
  const kh = kernel.length, kw = kernel[0].length;
  const oh = outputSize(input.length, kh, padding, stride);
  const ow = outputSize(input[0].length, kw, padding, stride);
  const output = [], steps = [];
  for (let i = 0; i < oh; i++) {
    const row = [];
    for (let j = 0; j < ow; j++) {
      const r = i * stride, c = j * stride;
      const products = [];
      let sum = 0;
      for (let u = 0; u < kh; u++) {
        const pr = [];
        for (let v = 0; v < kw; v++) {
          const p = x[r + u][c + v] * kernel[u][v];
          pr.push(p);
          sum += p;
        }
        products.push(pr);
      }
      sum = Math.round(sum * 1e9) / 1e9; // hide float noise such as 0.30000000000000004
      row.push(sum);
      steps.push({ i, j, r, c, products, sum });
    }
    output.push(row);
  }
  return { padded: x, output, steps, outHeight: oh, outWidth: ow };
}

/**
 * The output-size formula with the numbers substituted, e.g.
 * "Output size: ⌊(n − k + 2p) / s⌋ + 1 = ⌊(5 − 3 + 2·0) / 1⌋ + 1 = 3, so the output is 3×3."
 * For a stride or padding that is not allowed, or a kernel larger than the padded input, it
 * says why there is no output size instead of printing a number.
 */
export function formulaText(n, k, stride, padding) {
  const num = (v) => (typeof v === "number" && Number.isFinite(v) ? fmt(v) : "?");
  const head = `Output size: ⌊(n − k + 2p) / s⌋ + 1 = ⌊(${num(n)} − ${num(k)} + 2·${num(padding)}) / ${num(stride)}⌋ + 1`;
  if (!isInt(stride) || stride < 1 || stride > MAX_SIZE) return `${head}: no output size until the stride s is a whole number from 1 to ${MAX_SIZE}.`;
  if (!isInt(padding) || padding < 0 || padding > MAX_PADDING) return `${head}: no output size until the padding p is a whole number from 0 to ${MAX_PADDING}.`;
  const out = outputSize(n, k, padding, stride);
  if (out === null) return `${head}: no window fits, since k is larger than n + 2p.`;
  return `${head} = ${out}, so the output is ${out}×${out}.`;
}

/** A number as the page prints it (at most 4 decimals, minus sign as "−"); never "Infinity" or "NaN". */
export function fmt(v) {
  if (typeof v !== "number" || !Number.isFinite(v)) return notShown(v);
  const s = String(Math.abs(v) >= 1e15 ? v : Math.round(v * 1e4) / 1e4);
  return s.startsWith("-") ? "\u2212" + s.slice(1) : s;
}

/** The sum of products for one step as text, e.g. "(−1)·1 + 2·0 + … = 1". */
export function productText(padded, kernel, step) {
  const terms = [];
  for (let u = 0; u < kernel.length; u++) {
    for (let v = 0; v < kernel[0].length; v++) {
      const a = padded[step.r + u][step.c + v], b = kernel[u][v];
      terms.push(`${a < 0 ? "(" + fmt(a) + ")" : fmt(a)}·${b < 0 ? "(" + fmt(b) + ")" : fmt(b)}`);
    }
  }
  return `${terms.join(" + ")} = ${fmt(step.sum)}`;
}
