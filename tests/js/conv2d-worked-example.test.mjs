// Logic of the 2-D convolution worked example. Expected maps were computed independently
// with scipy.signal.correlate2d (valid mode; stride taken by slicing the padded result).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DEFAULT_INPUT, DEFAULT_KERNEL, conv2d, outputSize, pad, parseCell, productText, resize, validate,
} from "../../docs/javascripts/widgets/conv2d-worked-example/logic.js";

test("outline example: output[0][0] = 1 and the whole 3x3 map", () => {
  const { output, steps } = conv2d(DEFAULT_INPUT, DEFAULT_KERNEL, 1, 0);
  assert.equal(output[0][0], 1);
  assert.deepEqual(output, [[1, 1, -14], [3, -3, -14], [13, -6, -17]]);
  assert.equal(steps.length, 9);
  assert.deepEqual(steps[0].products, [[-1, 0, -3], [-2, 0, -3], [2, 0, 8]]);
});

test("padding 1, stride 2", () => {
  const { output, outHeight, outWidth } = conv2d(DEFAULT_INPUT, DEFAULT_KERNEL, 2, 1);
  assert.equal(outHeight, 3);
  assert.equal(outWidth, 3);
  assert.deepEqual(output, [[-6, 3, 3], [-5, -3, 8], [-2, -4, 6]]);
});

test("output size formula", () => {
  assert.equal(outputSize(5, 3, 0, 1), 3);
  assert.equal(outputSize(5, 3, 1, 2), 3);
  assert.equal(outputSize(32, 5, 0, 1), 28);
  assert.equal(outputSize(6, 3, 0, 2), 2); // floor((6-3)/2)+1
  assert.equal(outputSize(2, 3, 0, 1), null);
  assert.equal(outputSize(5, 3, 0, 0), null);
});

test("pad and resize", () => {
  assert.deepEqual(pad([[1, 2]], 1), [[0, 0, 0, 0], [0, 1, 2, 0], [0, 0, 0, 0]]);
  assert.deepEqual(resize([[1, 2], [3, 4]], 3, 1), [[1], [3], [0]]);
});

test("parseCell accepts numbers and rejects the rest", () => {
  assert.equal(parseCell(" -2 "), -2);
  assert.equal(parseCell("\u22123"), -3);
  assert.equal(parseCell("0.5"), 0.5);
  assert.equal(parseCell("1e2"), 100);
  for (const bad of ["", "abc", "1,5", "--1", "NaN", "Infinity"]) assert.equal(parseCell(bad), null, bad);
});

test("validate reports each invalid setting with a message", () => {
  assert.equal(validate(DEFAULT_INPUT, DEFAULT_KERNEL, 1, 0), null);
  assert.match(validate(DEFAULT_INPUT, DEFAULT_KERNEL, 0, 0), /stride/);
  assert.match(validate(DEFAULT_INPUT, DEFAULT_KERNEL, 1.5, 0), /stride/);
  assert.match(validate(DEFAULT_INPUT, DEFAULT_KERNEL, 1, -1), /padding/);
  assert.match(validate([[1, 2], [3, 4]], DEFAULT_KERNEL, 1, 0), /larger than the padded 2×2/);
  assert.equal(validate([[1, 2], [3, 4]], DEFAULT_KERNEL, 1, 1), null);
  const bad = resize(DEFAULT_INPUT, 5, 5);
  bad[1][2] = null;
  assert.match(validate(bad, DEFAULT_KERNEL, 1, 0), /input cell at row 2, column 3 is not a number/);
  assert.match(validate([], DEFAULT_KERNEL, 1, 0), /input/);
  assert.throws(() => conv2d(DEFAULT_INPUT, DEFAULT_KERNEL, 0, 0), RangeError);
});

test("product text substitutes the numbers", () => {
  const r = conv2d(DEFAULT_INPUT, DEFAULT_KERNEL, 1, 0);
  const t = productText(r.padded, DEFAULT_KERNEL, r.steps[0]);
  assert.ok(t.startsWith("(\u22121)·1 + 2·0 + 3·(\u22121)"), t);
  assert.ok(t.endsWith("= 1"), t);
});

test("non-square input and kernel", () => {
  const { output } = conv2d([[1, 2, 3, 4]], [[1, -1]], 1, 0);
  assert.deepEqual(output, [[-1, -1, -1]]);
});
