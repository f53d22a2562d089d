// Logic of the activation visualizer against tests/vectors/widgets-activation.json, which
// scripts/make_vectors.py computes with syllabus_code.numpy_nn.activations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  ACTIVATIONS, activation, checkAlpha, fmt, sample, saturatedIntervals, softmax, softmaxJacobian,
} from "../../docs/javascripts/widgets/activation-visualizer/logic.js";

const V = JSON.parse(readFileSync(new URL("../vectors/widgets-activation.json", import.meta.url), "utf8"));
const close = (a, b, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("values and derivatives agree with numpy_nn.activations at every vector point", () => {
  let n = 0;
  for (const c of V.cases) {
    const act = activation(c.name), alpha = c.alpha ?? undefined;
    c.x.forEach((x, i) => {
      close(act.f(x, alpha), c.f[i], 1e-12 * (1 + Math.abs(c.f[i])));
      close(act.df(x, alpha), c.df[i], 1e-12);
      n += 2;
    });
  }
  assert.ok(n >= 140, `only ${n} values`);
  assert.equal(activation("relu").df(0), 0); // PyTorch's convention at the kink
  assert.equal(activation("leaky_relu").df(0, 0.1), 0.1);
});

test("every derivative matches a central difference away from kinks", () => {
  for (const [name, act] of Object.entries(ACTIVATIONS)) {
    const a = act.alpha ? act.alpha.value + 0.2 : undefined;
    for (const x of [-3.3, -0.7, 0.4, 2.9]) {
      const h = 1e-6;
      close(act.df(x, a), (act.f(x + h, a) - act.f(x - h, a)) / (2 * h), 1e-7);
    }
    assert.ok(name);
  }
});

test("saturated intervals (|f'| < threshold) agree with a bisection on numpy_nn's derivatives", () => {
  const { xmin, xmax, threshold } = V.saturation;
  for (const c of V.cases) {
    const got = saturatedIntervals(c.name, c.alpha ?? undefined, xmin, xmax, threshold);
    assert.equal(got.length, c.saturated.length, c.name);
    got.forEach(([a, b], i) => { close(a, c.saturated[i][0], 1e-9); close(b, c.saturated[i][1], 1e-9); });
  }
});

test("sample spans the range", () => {
  const pts = sample("tanh", undefined, -2, 2, 5);
  assert.deepEqual(pts.map((p) => p.x), [-2, -1, 0, 1, 2]);
  close(pts[2].df, 1);
});

test("softmax and its Jacobian agree with numpy_nn (softmax, softmax_jvp), also for large entries", () => {
  for (const c of V.softmax) {
    const p = softmax(c.z), J = softmaxJacobian(p);
    p.forEach((v, i) => close(v, c.p[i], 1e-12));
    J.forEach((row, i) => row.forEach((v, j) => close(v, c.jacobian[i][j], 1e-12)));
    for (const row of J) close(row.reduce((a, b) => a + b, 0), 0, 1e-15);
  }
  assert.throws(() => softmax([]), RangeError);
});

test("alpha checks and unknown names", () => {
  assert.equal(checkAlpha("relu", NaN), null);
  assert.equal(checkAlpha("elu", 1), null);
  assert.match(checkAlpha("elu", 5), /between/);
  assert.match(checkAlpha("leaky_relu", NaN), /number/);
  assert.throws(() => activation("swish"), /unknown activation "swish"/);
  assert.equal(fmt(-0.5), "\u22120.5");
  assert.equal(fmt(0.19661193324148185), "0.196612");
});
