// Property-based tests of the five widgets' logic (fast-check): hostile inputs (arbitrary
// strings, huge, tiny and non-finite numbers, Object.prototype names, long layer lists) give
// either a valid result or a clear error (a returned message, or a RangeError whose message
// says what was expected), never a TypeError or any other throw, never NaN or Infinity in a
// result, and each call returns within TIME_BOUND_MS. The seed is fixed (FC_SEED overrides it,
// FC_RUNS the runs per property) so that a failure reproduces; the counts are printed at the end.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as AP from "../../docs/javascripts/widgets/architecture-playground/logic.js";
import * as AV from "../../docs/javascripts/widgets/activation-visualizer/logic.js";
import * as CV from "../../docs/javascripts/widgets/conv2d-worked-example/logic.js";
import * as NV from "../../docs/javascripts/widgets/network-visualizer/logic.js";
import * as SG from "../../docs/javascripts/widgets/signal-graph/logic.js";
import { parseList } from "../../docs/javascripts/widgets/common.js";

const SEED = Number(process.env.FC_SEED ?? 20261130);
const RUNS = Number(process.env.FC_RUNS ?? 300);
const TIME_BOUND_MS = 250;
fc.configureGlobal({ seed: SEED, numRuns: RUNS });

// ---- what counts as a clear error, a valid result and a silent one -----------------------------

const COUNTS = {};
const tally = (widget, key) => {
  COUNTS[widget] ??= { tried: 0, results: 0, errors: 0 };
  COUNTS[widget][key] += 1;
};
// The engine's own wording for a bug (a TypeError or a ReferenceError leaking out of the logic).
const ENGINE = /is not a function|is not iterable|Cannot read|Cannot convert|undefined is not|null is not|Maximum call stack|Invalid array length|is not defined/;

function assertClearMessage(text, where) {
  assert.equal(typeof text, "string", `${where}: a message must be text`);
  assert.ok(text.trim().length >= 10, `${where}: message too short: ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, ENGINE, `${where}: engine error text leaked: ${text}`);
  assert.doesNotMatch(text, /\[object /, `${where}: an object was printed as [object …]: ${text}`);
}

/** Every number in a result is finite and no text in it reads NaN, Infinity, undefined or [object. */
function assertClean(value, where, seen = new Set()) {
  if (typeof value === "number") assert.ok(Number.isFinite(value), `${where}: non-finite number ${value}`);
  else if (typeof value === "string") assert.doesNotMatch(value, /NaN|Infinity|undefined|\[object /, `${where}: ${JSON.stringify(value.slice(0, 200))}`);
  else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) if (typeof v !== "function") assertClean(v, `${where}.${k}`, seen);
  }
}

/**
 * Call fn(); a RangeError with a clear message counts as a clear error (returns undefined), any
 * other throw fails the test; a return value is checked by `check` (which may classify it as a
 * clear error by returning "error") and must be clean. The call must end within the bound.
 */
function run(widget, fn, check = () => "result") {
  tally(widget, "tried");
  const t0 = performance.now();
  let out;
  try {
    out = fn();
  } catch (e) {
    assert.ok(performance.now() - t0 < TIME_BOUND_MS, `${widget}: took ${performance.now() - t0} ms`);
    assert.ok(e instanceof RangeError, `${widget}: threw ${e && e.constructor && e.constructor.name}: ${e && e.message}`);
    assertClearMessage(e.message, widget);
    tally(widget, "errors");
    return undefined;
  }
  assert.ok(performance.now() - t0 < TIME_BOUND_MS, `${widget}: took ${performance.now() - t0} ms`);
  const kind = check(out);
  assert.ok(kind === "result" || kind === "error", `${widget}: check must classify the output`);
  if (kind === "result") assertClean(out, widget);
  tally(widget, kind === "result" ? "results" : "errors");
  return out;
}

// ---- hostile inputs ------------------------------------------------------------------------------

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const hugeNumbers = fc.constantFrom(1e21, 1e300, -1e300, 1e308, -1e308, 5e-324, -5e-324, 1e-300, 2 ** 53, 2 ** 53 + 2, 2 ** 63,
  Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, -0, 1e-7, 0.5, 1.5, -1, 0);
const nastyNumber = fc.oneof(hugeNumbers, fc.double(), fc.integer({ min: -40, max: 300 }), fc.integer());
const smallInt = fc.integer({ min: 0, max: 40 });
const sizeLike = fc.oneof({ weight: 4, arbitrary: smallInt }, { weight: 1, arbitrary: nastyNumber });
const nastyString = fc.oneof(fc.string(), fc.constantFrom(...PROTO_NAMES, "<img src=x onerror=alert(1)>", "1e309", "−3", "  2 ",
  "0x10", "Infinity", "NaN", "1e-7", "9".repeat(400)), nastyNumber.map(String));
const anything = fc.oneof(nastyNumber, nastyString, fc.constantFrom(null, undefined, true, false, [], {}),
  fc.array(nastyNumber, { maxLength: 5 }), fc.anything({ maxDepth: 2 }));

after(() => {
  const lines = Object.entries(COUNTS).map(([w, c]) =>
    `  ${w.padEnd(24)} ${String(c.tried).padStart(6)} inputs: ${String(c.results).padStart(6)} valid results, ${String(c.errors).padStart(6)} clear errors, 0 silent, 0 hangs`);
  const total = Object.values(COUNTS).reduce((s, c) => s + c.tried, 0);
  console.log(`# widget property tests (fast-check seed ${SEED}, ${RUNS} runs per property, bound ${TIME_BOUND_MS} ms per call):\n${lines.join("\n")}\n  total ${total} inputs`);
});

// ---- architecture playground --------------------------------------------------------------------

const layerType = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.keys(AP.LAYER_TYPES)) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES) }, { weight: 1, arbitrary: fc.string() });
const fieldValue = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 2, arbitrary: nastyNumber }, { weight: 1, arbitrary: anything });
const hostileLayer = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: layerType, c_out: fieldValue, k: fieldValue, s: fieldValue, p: fieldValue, rate: fieldValue, n_out: fieldValue }, { requiredKeys: ["type"] }) },
  { weight: 1, arbitrary: anything });
const hostileInput = fc.oneof({ weight: 4, arbitrary: fc.tuple(sizeLike, sizeLike, sizeLike) }, { weight: 1, arbitrary: anything });
const layerList = fc.oneof({ weight: 6, arbitrary: fc.array(hostileLayer, { maxLength: 14 }) }, { weight: 1, arbitrary: fc.array(hostileLayer, { minLength: 190, maxLength: 260 }) });
const MAX = Number.MAX_SAFE_INTEGER;

function checkAnalysis(a, layers) {
  if (a.inputError) { assertClearMessage(a.inputError, "analyze"); return "error"; }
  assert.equal(a.rows.length, layers.length);
  const bad = a.rows.findIndex((r) => r.error);
  if (bad >= 0) {
    assertClearMessage(a.rows[bad].error, "analyze row");
    assert.ok(a.rows.slice(bad + 1).every((r) => r.skipped));
    assert.equal(a.valid, false);
    return "error";
  }
  for (const r of a.rows) {
    assert.ok(r.shape.every((v) => Number.isSafeInteger(v) && v >= 1));
    assert.ok(Number.isSafeInteger(r.params) && Number.isSafeInteger(r.macs));
    assert.ok(r.rf === "all" || r.rf === "huge" || (Number.isSafeInteger(r.rf) && r.rf >= 1));
  }
  assert.ok(a.totals.params <= MAX && a.totals.macs <= MAX);
  return "result";
}

test("playground: analyze and export on hostile designs", () => {
  fc.assert(fc.property(hostileInput, layerList, (input, layers) => {
    const a = run("architecture-playground", () => AP.analyze(input, layers), (out) => checkAnalysis(out, layers));
    run("architecture-playground", () => AP.exportPyTorch(input, layers), (code) => {
      assert.ok(a.valid);
      // only plain whole numbers (and a drop rate) are written: nothing PyTorch would reject
      assert.doesNotMatch(code, /e\+|NaN|Infinity|undefined|null/);
      return "result";
    });
  }));
});

test("playground: the 'Infinity × Infinity' preset and prototype names", () => {
  const lenet = AP.preset("LeNet-5 (ReLU and max-pooling form)");
  const rows = AP.analyze(lenet.input, lenet.layers).rows;
  assert.deepEqual(rows.slice(7).map((r) => r.rf), ["all", "all", "all", "all", "all"]);
  for (const name of PROTO_NAMES) {
    assert.equal(AP.preset(name), null);
    assert.equal(AP.isLayerType(name), false);
    assert.match(AP.decode(`1x32x32_${name}`).error, /unknown layer/);
    assert.match(AP.analyze([1, 8, 8], [{ type: name }]).rows[0].error, /unknown layer type/);
  }
});

test("playground: 10^4 and 10^5 layers are refused at once", () => {
  for (const n of [1e4, 1e5]) {
    const t0 = performance.now();
    assert.match(AP.decode("1x32x32" + "_relu".repeat(n)).error, new RegExp(`at most ${AP.MAX_LAYERS} layers \\(the address has ${n}\\)`));
    assert.match(AP.analyze([1, 32, 32], Array(n).fill({ type: "relu" })).inputError, /at most 200 layers/);
    assert.ok(performance.now() - t0 < 200);
  }
  assert.equal(AP.decode("1x32x32" + "_relu".repeat(AP.MAX_LAYERS)).layers.length, AP.MAX_LAYERS);
});

test("playground: sizes past 2^53 - 1 are refused, never exported as 1e+21", () => {
  for (const big of [2 ** 53, 1e21, 1e300]) {
    assert.match(AP.analyze([1, 8, 8], [{ type: "conv", c_out: big, k: 3 }]).rows[0].error, /at most 2⁵³ − 1/);
    assert.match(AP.analyze([big, 8, 8], []).inputError, /at most 2⁵³ − 1/);
  }
  // each factor is exact, but the count is not: refused with a message
  const a = AP.analyze([1, 1, 1], [{ type: "flatten" }, { type: "linear", n_out: 2 ** 30 }, { type: "linear", n_out: 2 ** 30 }]);
  assert.match(a.rows[2].error, /too large to count exactly/);
});

test("playground: decode never throws and keeps to own layer types", () => {
  const pieces = fc.array(fc.oneof(nastyString, layerType, fc.constantFrom("conv-c6-k5", "pool-k2", "dropout-r1em7", "linear-n10", "x", "-", "_")), { maxLength: 8 });
  const text = fc.oneof(nastyString, pieces.map((p) => ["1x32x32", ...p].join("_")), anything);
  fc.assert(fc.property(text, (t) => {
    run("architecture-playground", () => AP.decode(t), (d) => {
      if (d.error !== undefined) { assertClearMessage(d.error, "decode"); return "error"; }
      assert.equal(d.input.length, 3);
      assert.ok(d.layers.every((l) => AP.isLayerType(l.type)));
      return "result";
    });
  }));
});

test("playground: URL state round-trips every finite value", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0); // -0 reads back as 0
  const layer = fc.constantFrom(...Object.keys(AP.LAYER_TYPES)).chain((type) =>
    fc.record(Object.fromEntries(Object.keys(AP.LAYER_TYPES[type].fields).map((k) => [k, fc.oneof(finite, fc.integer({ min: 0, max: 9 }))])), { requiredKeys: [] })
      .map((fields) => ({ type, ...fields })));
  const design = fc.record({ input: fc.tuple(finite, finite, finite), layers: fc.array(layer, { maxLength: 30 }) });
  fc.assert(fc.property(design, ({ input, layers }) => {
    const text = run("architecture-playground", () => AP.encode(input, layers), (t) => {
      assert.match(t, /^[A-Za-z0-9._-]+$/); // nothing a URL has to escape
      return "result";
    });
    run("architecture-playground", () => AP.decode(text), (d) => {
      assert.deepEqual(d, { input, layers });
      return "result";
    });
  }));
  assert.deepEqual(AP.decode(AP.encode([1, 4, 4], [{ type: "dropout", rate: 1e-7 }])).layers, [{ type: "dropout", rate: 1e-7 }]);
});

test("playground: shared rules (as in syllabus_code.shapes) on hostile numbers", () => {
  fc.assert(fc.property(sizeLike, sizeLike, sizeLike, sizeLike, (n, k, s, p) => {
    run("architecture-playground", () => AP.convOutputSize(n, k, s, p), (o) => { assert.ok(Number.isSafeInteger(o) && o >= 1); return "result"; });
    run("architecture-playground", () => AP.convParams(n, k, s, p), (o) => { assert.ok(Number.isSafeInteger(o)); return "result"; });
    run("architecture-playground", () => AP.group(n), (o) => { assert.equal(typeof o, "string"); return "result"; });
  }));
  fc.assert(fc.property(hostileInput, layerList, (input, layers) => {
    run("architecture-playground", () => AP.receptiveField(layers), (o) => { assert.ok(o.every(Number.isSafeInteger)); return "result"; });
    run("architecture-playground", () => AP.stackShapes(input, layers), (o) => { assert.ok(o.every((r) => Number.isSafeInteger(r.rf))); return "result"; });
  }));
});

// ---- 2-D convolution worked example ----------------------------------------------------------------

const cell = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -9, max: 9 }) }, { weight: 2, arbitrary: nastyNumber }, { weight: 1, arbitrary: fc.constantFrom(null, "2", undefined) });
const matrix = fc.integer({ min: 0, max: 11 }).chain((r) => fc.integer({ min: 0, max: 11 }).chain((c) =>
  fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
const hostileMatrix = fc.oneof({ weight: 6, arbitrary: matrix }, { weight: 1, arbitrary: anything });

test("conv2d: validate and conv2d on hostile grids, strides and paddings", () => {
  fc.assert(fc.property(hostileMatrix, hostileMatrix, sizeLike, sizeLike, (input, kernel, stride, padding) => {
    run("conv2d-worked-example", () => CV.validate(input, kernel, stride, padding), (m) => {
      if (m === null) return "result";
      assertClearMessage(m, "validate");
      return "error";
    });
    run("conv2d-worked-example", () => CV.conv2d(input, kernel, stride, padding), (r) => {
      for (const st of r.steps) assertClean(CV.productText(r.padded, kernel, st), "productText");
      assert.ok(r.output.flat().every(Number.isFinite));
      return "result";
    });
    run("conv2d-worked-example", () => CV.formulaText(Array.isArray(input) ? input.length : input, Array.isArray(kernel) ? kernel.length : kernel, stride, padding));
  }));
});

test("conv2d: parsing, formatting, padding and resizing", () => {
  fc.assert(fc.property(anything, anything, anything, (a, b, c) => {
    run("conv2d-worked-example", () => CV.parseCell(a), (v) => { assert.ok(v === null || (Number.isFinite(v))); return v === null ? "error" : "result"; });
    run("conv2d-worked-example", () => CV.fmt(a));
    run("conv2d-worked-example", () => CV.resize(a, b, c));
    run("conv2d-worked-example", () => CV.pad(a, b));
    run("conv2d-worked-example", () => CV.outputSize(a, b, c, 1), (v) => (v === null ? "error" : "result"));
  }));
  assert.equal(CV.fmt(Infinity), "too large to show");
  assert.equal(CV.parseCell("9".repeat(100000)), null); // long text: no slow regular-expression backtracking
  assert.match(CV.formulaText(5, 3, 1, 1.5), /no output size until the padding p is a whole number/);
  assert.match(CV.validate([[1e300]], [[1]], 1, 0), /must lie between −10⁹ and 10⁹ \(got 1e\+300\)/);
});

// ---- 1-D signal graph -------------------------------------------------------------------------------

const signal = fc.oneof({ weight: 6, arbitrary: fc.array(fc.oneof(fc.integer({ min: -9, max: 9 }), nastyNumber), { maxLength: 20 }) }, { weight: 1, arbitrary: fc.array(fc.integer(), { minLength: 60, maxLength: 70 }) }, { weight: 1, arbitrary: anything });
const mode = fc.oneof(fc.constantFrom(...SG.MODES), nastyString);

test("signal graph: signalSteps on hostile signals", () => {
  fc.assert(fc.property(signal, signal, mode, (x, h, m) => {
    run("signal-graph", () => SG.signalSteps(x, h, m), (r) => {
      assert.equal(r.y.length, x.length + h.length - 1);
      assertClean(r.y.map(SG.fmt), "fmt");
      return "result";
    });
    run("signal-graph", () => SG.placedWeight(h, 2, 1, m));
    run("signal-graph", () => SG.fmt(Array.isArray(x) ? x[0] : x));
  }));
});

test("signal graph: the lists learners type (parseList)", () => {
  const listText = fc.oneof(nastyString, fc.array(nastyString, { maxLength: 20 }).map((a) => a.join(", ")), fc.constant("1, ".repeat(50000)), fc.constant("9".repeat(100000)));
  fc.assert(fc.property(listText, (t) => {
    run("signal-graph", () => parseList(t, { name: "signal x", max: 16 }), (r) => {
      if (r.error !== undefined) { assertClearMessage(r.error, "parseList"); return "error"; }
      assert.ok(r.values.length >= 1 && r.values.length <= 16);
      return "result";
    });
  }));
  assert.match(parseList("1e309").error, /too large/);
  assert.throws(() => SG.signalSteps([1e300], [1]), /between −10⁹ and 10⁹/);
});

// ---- activation visualizer --------------------------------------------------------------------------

const actName = fc.oneof(fc.constantFrom(...Object.keys(AV.ACTIVATIONS)), fc.constantFrom(...PROTO_NAMES), fc.string());
const coord = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), nastyNumber);

test("activation visualizer: lookups, sampling, saturation, softmax", () => {
  fc.assert(fc.property(actName, fc.oneof(fc.double({ min: 0, max: 2 }), nastyNumber, anything), coord, coord,
    fc.oneof(fc.integer({ min: 2, max: 400 }), nastyNumber), (name, alpha, a, b, n) => {
      run("activation-visualizer", () => AV.activation(name), (act) => { assert.equal(typeof act.f, "function"); return "result"; });
      run("activation-visualizer", () => AV.checkAlpha(name, alpha), (m) => {
        if (m === null) return "result";
        assertClearMessage(m, "checkAlpha");
        return "error";
      });
      run("activation-visualizer", () => AV.sample(name, alpha, a, b, n));
      run("activation-visualizer", () => AV.saturatedIntervals(name, alpha, Math.min(a, b), Math.max(a, b), 0.05, typeof n === "number" && n > 1200 ? 1201 : n));
      run("activation-visualizer", () => AV.fmt(a, n));
    }));
  const vector = fc.oneof(fc.array(nastyNumber, { maxLength: 12 }), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 1200 }), anything);
  fc.assert(fc.property(vector, (z) => {
    run("activation-visualizer", () => AV.softmax(z), (p) => {
      assert.ok(Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-9);
      run("activation-visualizer", () => AV.softmaxJacobian(p.slice(0, 50)));
      return "result";
    });
  }));
  assert.equal(AV.fmt(NaN), "not a number");
  assert.throws(() => AV.activation("constructor"), RangeError);
});

// ---- network visualizer ------------------------------------------------------------------------------

const entry = fc.oneof({ weight: 8, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) }, { weight: 1, arbitrary: nastyNumber }, { weight: 1, arbitrary: fc.constantFrom(1e6, -1e6) });
const network = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }).chain((sizes) => fc.record({
  sizes: fc.constant(sizes),
  layers: fc.tuple(...sizes.slice(1).map((n, l) => fc.record({
    W: fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: sizes[l], maxLength: sizes[l] }),
    b: fc.array(entry, { minLength: n, maxLength: n }),
  }))),
  x: fc.array(entry, { minLength: sizes[0], maxLength: sizes[0] }),
  y: fc.array(entry, { minLength: sizes[sizes.length - 1], maxLength: sizes[sizes.length - 1] }),
}));
const netAct = fc.oneof(fc.constantFrom(...Object.keys(NV.ACT)), fc.constantFrom(...PROTO_NAMES));
const rate = fc.oneof(fc.double({ min: 1e-4, max: 10, noNaN: true }), nastyNumber, fc.constantFrom(1e308, 1e6, 1e3));

test("network visualizer: forward, backward and a gradient step on hostile settings", () => {
  fc.assert(fc.property(fc.oneof({ weight: 8, arbitrary: network }, { weight: 1, arbitrary: fc.record({ sizes: anything, layers: anything, x: anything, y: anything }) }),
    netAct, netAct, rate, ({ sizes, layers, x, y }, act, out, lr) => {
      run("network-visualizer", () => NV.checkSizes(sizes), (m) => { if (m === null) return "result"; assertClearMessage(m, "checkSizes"); return "error"; });
      run("network-visualizer", () => NV.initNetwork(sizes, 3));
      run("network-visualizer", () => NV.checkNetwork(x, y, layers, act, out), (m) => { if (m === null) return "result"; assertClearMessage(m, "checkNetwork"); return "error"; });
      const back = run("network-visualizer", () => NV.backward(x, y, layers, act, out));
      if (back) {
        run("network-visualizer", () => NV.forward(x, layers, act, out));
        const next = run("network-visualizer", () => NV.sgdStep(layers, back, lr), (l) => {
          assert.ok(l.every(({ W, b }) => [...W.flat(), ...b].every((v) => Math.abs(v) <= NV.MAX_ABS)));
          return "result";
        });
        if (next) run("network-visualizer", () => NV.backward(x, y, next, act, out));
      }
      run("network-visualizer", () => NV.vec(Array.isArray(x) ? x : [x]));
    }));
  const c = { x: [1, 0.5], y: [1], layers: [{ W: [[0.27, -0.46], [-0.92, -0.97]], b: [0.31, 0.41] }, { W: [[0.21], [0.46]], b: [0.04] }] };
  assert.throws(() => NV.sgdStep(c.layers, NV.backward(c.x, c.y, c.layers), 1e308), /choose a smaller learning rate/);
});
