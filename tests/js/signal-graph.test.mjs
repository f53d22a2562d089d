// Logic of the 1-D signal graph. Expected outputs from tests/vectors/widgets-signal.json, which
// scripts/make_vectors.py computes with syllabus_code.numpy_nn.conv (convolve1d, correlate1d).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { H_PRESETS, X_PRESETS, placedWeight, signalSteps } from "../../docs/javascripts/widgets/signal-graph/logic.js";
import { parseList } from "../../docs/javascripts/widgets/common.js";

const V = JSON.parse(readFileSync(new URL("../vectors/widgets-signal.json", import.meta.url), "utf8"));

test("convolution and cross-correlation agree with numpy_nn.conv", () => {
  for (const c of V.cases) {
    for (const mode of ["convolution", "cross-correlation"]) {
      const { y } = signalSteps(c.x, c.h, mode);
      assert.equal(y.length, c[mode].length);
      y.forEach((v, i) => assert.ok(Math.abs(v - c[mode][i]) <= 1e-9, `${mode} ${JSON.stringify(c)}: ${v} != ${c[mode][i]}`));
    }
  }
  // correlating with h equals convolving with h reversed
  assert.deepEqual(signalSteps([1, 2, 3, 4], [1, 2, 3], "cross-correlation").y, signalSteps([1, 2, 3, 4], [3, 2, 1]).y);
});

test("steps carry products and running sums", () => {
  const { steps } = signalSteps([1, 2, 3, 4], [1, 2, 1]);
  const s = steps[2]; // y[2] = x0 h2 + x1 h1 + x2 h0 = 1 + 4 + 3
  assert.deepEqual(s.window, [0, 2]);
  assert.deepEqual(s.terms.map((t) => [t.k, t.w, t.product, t.running]), [[0, 1, 1, 1], [1, 2, 4, 5], [2, 1, 3, 8]]);
  assert.equal(s.sum, 8);
  assert.equal(steps.length, 6);
});

test("placed weight flips for convolution only", () => {
  const h = [3, 2, 1];
  assert.deepEqual([0, 1, 2].map((k) => placedWeight(h, 2, k, "convolution")), [1, 2, 3]);
  assert.deepEqual([0, 1, 2].map((k) => placedWeight(h, 2, k, "cross-correlation")), [3, 2, 1]);
  assert.equal(placedWeight(h, 2, 5, "convolution"), 0);
});

test("moving average has no float noise and presets are valid", () => {
  const { y } = signalSteps([3, 3, 3], H_PRESETS["moving average (3)"]);
  assert.deepEqual(y, [1, 2, 3, 2, 1]);
  for (const x of Object.values(X_PRESETS)) for (const h of Object.values(H_PRESETS)) assert.ok(signalSteps(x, h).y.length === x.length + h.length - 1);
});

test("bad signals and modes are rejected with a message", () => {
  assert.throws(() => signalSteps([], [1]), /signal x must hold at least one number/);
  assert.throws(() => signalSteps([1, NaN], [1]), /only numbers/);
  assert.throws(() => signalSteps([1], [1], "fft"), /mode must be/);
});

test("parseList (shared by the views)", () => {
  assert.deepEqual(parseList("1, -2  3.5;\u22124").values, [1, -2, 3.5, -4]);
  assert.match(parseList("1, two", { name: "signal x" }).error, /"two" in the signal x is not a number/);
  assert.match(parseList("", { name: "kernel h" }).error, /at least 1 number/);
  assert.match(parseList("1 2 3", { max: 2 }).error, /at most 2/);
});
