// Logic of the network visualizer against vectors computed by syllabus_code.numpy_nn
// (tests/vectors/widgets-network.json, checked by tests/test_widgets_vectors.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { backward, checkSizes, forward, initNetwork, sgdStep } from "../../docs/javascripts/widgets/network-visualizer/logic.js";

const { cases } = JSON.parse(readFileSync(new URL("../vectors/widgets-network.json", import.meta.url), "utf8"));
const close = (a, b, tol = 1e-12) => {
  if (Array.isArray(a)) { assert.equal(a.length, b.length); a.forEach((v, i) => close(v, b[i], tol)); }
  else assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} != ${b}`);
};

test("forward, loss, backward and one step agree with numpy_nn", () => {
  assert.equal(cases.length, 3);
  for (const c of cases) {
    const f = forward(c.x, c.layers, c.activation, c.output);
    close(f.Z.slice(1), c.z);
    close(f.A.slice(1), c.a);
    const b = backward(c.x, c.y, c.layers, c.activation, c.output);
    close(b.loss, c.loss);
    close(b.dW.slice(1), c.dW);
    close(b.db.slice(1), c.db);
    close(sgdStep(c.layers, b, c.lr).map((l) => [l.W, l.b]), c.updated.map((l) => [l.W, l.b]));
  }
});

test("a gradient step lowers the loss for a small learning rate", () => {
  const c = cases[0];
  const before = backward(c.x, c.y, c.layers, c.activation, c.output);
  const after = backward(c.x, c.y, sgdStep(c.layers, before, 0.1), c.activation, c.output);
  assert.ok(after.loss < before.loss);
});

test("sizes are checked and init is deterministic", () => {
  assert.equal(checkSizes([2, 3, 1]), null);
  assert.match(checkSizes([2]), /at least/);
  assert.match(checkSizes([2, 9, 1]), /1 to 8 units/);
  assert.match(checkSizes([1, 1, 1, 1, 1, 1]), /At most 4 layers/);
  assert.deepEqual(initNetwork([2, 3, 1], 7), initNetwork([2, 3, 1], 7));
  assert.equal(initNetwork([2, 3, 1]).length, 2);
});
