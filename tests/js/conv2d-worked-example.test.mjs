// Logic of the 2-D convolution worked example. Expected maps and sizes come from
// tests/vectors/widgets-conv2d.json, which scripts/make_vectors.py computes with
// syllabus_code.numpy_nn.conv.conv2d_naive_forward and syllabus_code.shapes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  DEFAULT_INPUT, DEFAULT_KERNEL, conv2d, outputSize, pad, parseCell, productText, resize, validate,
} from "../../docs/javascripts/widgets/conv2d-worked-example/logic.js";

const V = JSON.parse(readFileSync(new URL("../vectors/widgets-conv2d.json", import.meta.url), "utf8"));
const close = (a, b) => assert.ok(Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b)), `${a} != ${b}`);

test("every output map agrees with numpy_nn's conv2d_naive_forward", () => {
  for (const c of V.cases) {
    const { output, outHeight, outWidth, steps } = conv2d(c.input, c.kernel, c.stride, c.padding);
    assert.equal(outHeight, c.output.length, JSON.stringify(c));
    assert.equal(outWidth, c.output[0].length);
    output.forEach((row, i) => row.forEach((v, j) => close(v, c.output[i][j])));
    assert.equal(steps.length, outHeight * outWidth);
  }
  assert.ok(V.cases.length >= 5);
});

test("outline example: the first window's products", () => {
  const { output, steps } = conv2d(DEFAULT_INPUT, DEFAULT_KERNEL, 1, 0);
  assert.deepEqual([DEFAULT_INPUT, DEFAULT_KERNEL], [V.cases[0].input, V.cases[0].kernel]);
  assert.deepEqual(output, V.cases[0].output);
  assert.equal(output[0][0], 1);
  assert.deepEqual(steps[0].products, [[-1, 0, -3], [-2, 0, -3], [2, 0, 8]]);
});

test("output size formula agrees with shapes.conv_output_size", () => {
  for (const c of V.output_size) assert.equal(outputSize(c.n, c.k, c.p, c.s), c.expected, JSON.stringify(c));
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
