// Logic of the activation visualizer. Reference values from numpy/scipy (printed to 10 digits).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ACTIVATIONS, activation, checkAlpha, fmt, sample, saturatedIntervals, softmax, softmaxJacobian,
} from "../../docs/javascripts/widgets/activation-visualizer/logic.js";

const close = (a, b, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("values and derivatives at known points", () => {
  close(activation("sigmoid").f(1), 0.7310585786);
  close(activation("sigmoid").df(1), 0.1966119332);
  close(activation("sigmoid").f(-800), 0, 1e-300); // no overflow
  close(activation("tanh").df(1), 0.4199743416);
  assert.equal(activation("relu").df(0), 0);
  assert.equal(activation("leaky_relu").f(-2, 0.1), -0.2);
  assert.equal(activation("leaky_relu").df(0, 0.1), 0.1);
  close(activation("elu").f(-1, 1), -0.6321205588);
  close(activation("elu").df(-1, 1), 0.3678794412);
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

test("saturated intervals: |f'| < 0.05", () => {
  const s = saturatedIntervals("sigmoid", undefined, -6, 6);
  assert.equal(s.length, 2);
  close(s[0][0], -6); close(s[0][1], -2.887270950, 1e-6);
  close(s[1][0], 2.887270950, 1e-6); close(s[1][1], 6);
  const t = saturatedIntervals("tanh", undefined, -6, 6);
  close(t[1][0], 2.178272210, 1e-6);
  const r = saturatedIntervals("relu", undefined, -6, 6);
  assert.equal(r.length, 1);
  close(r[0][1], 0, 1e-6);
  assert.deepEqual(saturatedIntervals("leaky_relu", 0.2, -6, 6), []);
  const e = saturatedIntervals("elu", 1, -6, 6);
  close(e[0][1], -2.995732274, 1e-6); // α e^x = 0.05
});

test("sample spans the range", () => {
  const pts = sample("tanh", undefined, -2, 2, 5);
  assert.deepEqual(pts.map((p) => p.x), [-2, -1, 0, 1, 2]);
  close(pts[2].df, 1);
});

test("softmax is stable and its Jacobian rows sum to 0", () => {
  const p = softmax([2, 1, 0.1]);
  [0.6590011389, 0.2424329707, 0.0985658904].forEach((v, i) => close(p[i], v));
  const q = softmax([1000, 1000, 999]);
  close(q[0], 0.4223187983); close(q[2], 0.1553624035);
  const J = softmaxJacobian(p);
  close(J[0][0], p[0] * (1 - p[0]));
  for (const row of J) close(row.reduce((a, b) => a + b, 0), 0, 1e-15);
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
