// Logic of the architecture playground: the shared shape rules are checked against the same
// JSON vectors as syllabus_code/shapes.py; totals of the presets against the published counts
// (torchvision AlexNet 61,100,840 and VGG-16 138,357,544 parameters; LeNet-5 61,706).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as L from "../../docs/javascripts/widgets/architecture-playground/logic.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/shapes.json", import.meta.url), "utf8"));
const CALL = {
  conv_output_size: (a) => L.convOutputSize(a.n, a.k, a.s ?? 1, a.p ?? 0),
  pool_output_size: (a) => L.poolOutputSize(a.n, a.k, a.s ?? null),
  same_padding: (a) => L.samePadding(a.k),
  conv_params: (a) => L.convParams(a.k_h, a.k_w, a.c_in, a.c_out, a.bias ?? true),
  dense_params: (a) => L.denseParams(a.n_in, a.n_out, a.bias ?? true),
  stacked_kernel_params: (a) => L.stackedKernelParams(a.channels, a.k ?? 3, a.layers ?? 1),
  receptive_field: (a) => L.receptiveField(a.layers),
  stack_shapes: (a) => L.stackShapes(a.input_shape, a.layers),
};

test("every shared vector of syllabus_code.shapes", () => {
  let n = 0;
  for (const [name, cases] of Object.entries(vectors)) {
    if (name.startsWith("_")) continue;
    assert.ok(CALL[name], `no JS counterpart for ${name}`);
    for (const c of cases) {
      if (c.error) assert.throws(() => CALL[name](c.args), (e) => e instanceof RangeError || e instanceof TypeError, JSON.stringify(c));
      else assert.deepEqual(CALL[name](c.args), c.expected, JSON.stringify(c));
      n++;
    }
  }
  assert.ok(n >= 40, `only ${n} vectors`);
});

test("LeNet-5 preset: shapes, parameters and MACs", () => {
  const { input, layers } = L.PRESETS["LeNet-5 (ReLU and max-pooling form)"];
  const a = L.analyze(input, layers);
  assert.equal(a.valid, true);
  assert.deepEqual(a.rows.map((r) => r.shape), [[6, 28, 28], [6, 28, 28], [6, 14, 14], [16, 10, 10], [16, 10, 10], [16, 5, 5], [400], [120], [120], [84], [84], [10]]);
  assert.deepEqual(a.rows.map((r) => r.params), [156, 0, 0, 2416, 0, 0, 0, 48120, 0, 10164, 0, 850]);
  assert.equal(a.totals.params, 61706);
  assert.equal(a.totals.macs, 117600 + 240000 + 48000 + 10080 + 840);
  assert.deepEqual(a.rows.slice(0, 6).map((r) => r.rf), [5, 5, 6, 14, 14, 16]);
});

test("AlexNet and VGG-16 totals", () => {
  const alex = L.analyze(L.PRESETS["AlexNet (torchvision form, 224×224)"].input, L.PRESETS["AlexNet (torchvision form, 224×224)"].layers);
  assert.equal(alex.totals.params, 61100840);
  assert.deepEqual(alex.rows[12].shape, [256, 6, 6]);
  const vgg = L.analyze(L.PRESETS["VGG-16"].input, L.PRESETS["VGG-16"].layers);
  assert.equal(vgg.totals.params, 138357544);
  assert.equal(vgg.totals.macs, 15470264320); // 15.5 GMACs, the usual figure for VGG-16
});

test("invalid layers are marked at that layer with the reason", () => {
  let a = L.analyze([3, 8, 8], [{ type: "conv", c_out: 4, k: 3, s: 1, p: 0 }, { type: "conv", c_out: 4, k: 9, s: 1, p: 0 }, { type: "relu" }]);
  assert.equal(a.valid, false);
  assert.deepEqual(a.rows[0].shape, [4, 6, 6]);
  assert.match(a.rows[1].error, /kernel 9×9 is larger than the padded input 6×6/);
  assert.equal(a.rows[2].skipped, true);
  a = L.analyze([3, 8, 8], [{ type: "pool", k: 2, s: 0 }]);
  assert.match(a.rows[0].error, /stride must be a whole number ≥ 1, got 0/);
  a = L.analyze([3, 8, 8], [{ type: "conv", c_out: 2.5, k: 3 }]);
  assert.match(a.rows[0].error, /out channels must be a whole number, got 2.5/);
  a = L.analyze([3, 8, 8], [{ type: "linear", n_out: 3 }]);
  assert.match(a.rows[0].error, /add a Flatten/);
  a = L.analyze([3, 0, 8], [{ type: "relu" }]);
  assert.match(a.inputError, /input H/);
  a = L.analyze([3, 8, 8], [{ type: "dropout", rate: 1 }]);
  assert.match(a.rows[0].error, /drop rate/);
});

test("depthwise conv, batch norm: parameters and MACs", () => {
  const a = L.analyze([8, 10, 10], [{ type: "dwconv", k: 3, s: 2, p: 1 }, { type: "bn" }, { type: "flatten" }, { type: "bn" }]);
  assert.deepEqual(a.rows.map((r) => r.shape), [[8, 5, 5], [8, 5, 5], [200], [200]]);
  assert.deepEqual(a.rows.map((r) => r.params), [80, 16, 0, 400]);
  assert.equal(a.rows[0].macs, 9 * 8 * 25);
});

test("URL encoding round-trips and rejects garbage", () => {
  for (const { input, layers } of Object.values(L.PRESETS)) assert.deepEqual(L.decode(L.encode(input, layers)), { input, layers });
  assert.equal(L.encode([1, 4, 4], [{ type: "conv", c_out: 2, k: 3, s: 1, p: 0 }, { type: "relu" }]), "1x4x4_conv-c2-k3-s1-p0_relu");
  assert.match(L.decode("1x4_relu").error, /bad input size/);
  assert.match(L.decode("1x4x4_lstm").error, /unknown layer/);
  assert.match(L.decode("1x4x4_relu-k3").error, /bad field/);
});

test("export writes an nn.Sequential with the shapes as comments", () => {
  const { input, layers } = L.PRESETS["LeNet-5 (ReLU and max-pooling form)"];
  const code = L.exportPyTorch(input, layers);
  assert.match(code, /nn\.Conv2d\(1, 6, kernel_size=5, stride=1, padding=0\), {2}# -> \[6,28,28\], 156 parameters/);
  assert.match(code, /nn\.Linear\(400, 120\)/);
  assert.match(code, /x = torch\.zeros\(1, 1, 32, 32\)/);
  assert.throws(() => L.exportPyTorch([3, 8, 8], [{ type: "linear", n_out: 2 }]), /invalid layer/);
  assert.equal(L.group(61100840), "61\u2009100\u2009840");
});
