// Logic of the self-check questions: decoding, strict number reading, marking, storage.
// The encoded vector below was made by scripts/hooks/selfcheck_encode.py (encode_secret) and is
// checked from the Python side too (tests/test_hooks_selfcheck.py), so both ends agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  checkChoice, checkNumeric, decodeSecret, encodeSecret, makeStore, mark, parseNumber,
  progress, progressText, storageKey, withinTolerance,
} from "../../docs/javascripts/widgets/selfcheck/logic.js";

const NUMERIC = {
  kind: "numeric", answer: 0.25, tolerance: 0.005, display: "0.250", unit: "",
  hint: "<p>generic</p>", mistakes: [{ value: 0.5, hint: "<p>halved?</p>" }, { value: -0.25, hint: "<p>sign</p>" }],
  solution: "<p>worked</p>",
};
const CHOICE = { kind: "choice", correct: 1, explanations: ["<p>a no</p>", "<p>b yes</p>", "<p>c no</p>"], solution: "" };

test("the Python encoder's output decodes (UTF-8, maths and all)", () => {
  const fromPython = "glMZ_cQ^l&{x!vlTUZ`l&l(\\*Haz}O}HazzN| Ha||\"~ {(y\\*li";
  assert.deepEqual(decodeSecret(fromPython, "00-x/page", "q-1"), { answer: 1.5, hint: "<p>σ² ≤ 1</p>" });
});

test("encode and decode are inverse, and the key depends on page and id", () => {
  const text = encodeSecret(NUMERIC, "03-nn/losses", "bce");
  assert.deepEqual(decodeSecret(text, "03-nn/losses", "bce"), NUMERIC);
  assert.ok(!text.includes("worked") && !text.includes("0.25"), "the answer is not readable");
  assert.throws(() => decodeSecret(text, "03-nn/losses", "other"));
});

test("numbers are read strictly, with the decimals typed", () => {
  const cases = [["0.25", 0.25, 2], ["  -3 ", -3, 0], ["\u22122.5", -2.5, 1], ["+.5", 0.5, 1],
    ["3e-4", 3e-4, null], ["1E3", 1000, null], ["3/8", 0.375, null], ["-1 / 4", -0.25, null],
    ["-0", 0, 0], ["12.", 12, 0]];
  for (const [text, value, decimals] of cases) assert.deepEqual(parseNumber(text), { value, decimals }, text);
});

test("anything else gets a message, never an exception", () => {
  const cases = {
    "": /Type a number first/, "   ": /Type a number first/, "abc": /"abc" is not a number/,
    "NaN": /not a number/, "Infinity": /not a number/, "0x1A": /not a number/, "1.2.3": /not a number/,
    "1e999": /far too large/, "1e16": /far too large/, "-2e15": /far too large/,
    "0,5": /decimal separator/, "25%": /% sign/, "1/0": /0 below the line/,
    "12 apples": /not a number/, "<b>1</b>": /not a number/, "--1": /not a number/, "1e": /not a number/,
  };
  for (const [input, message] of Object.entries(cases)) {
    const r = parseNumber(input);
    assert.equal(r.value, undefined, input);
    assert.match(r.error, message, input);
  }
  assert.match(parseNumber("9".repeat(400)).error, /400 characters/);
  for (const odd of [null, undefined, 42, {}, [1, 2]]) assert.doesNotThrow(() => parseNumber(odd));
  assert.deepEqual(parseNumber(42), { value: 42, decimals: 0 });
  assert.match(parseNumber("abcdefghijklmnopqrstuvwxyz").error, /"abcdefghijklmnopqrst…"/);
});

test("tolerance edges: within is right (decimal rounding forgiven), beyond is not", () => {
  assert.equal(checkNumeric(0.25, NUMERIC).status, "correct");
  assert.equal(checkNumeric(0.255, NUMERIC).status, "correct"); // 0.255 - 0.25 > 0.005 in binary
  assert.equal(checkNumeric(0.245, NUMERIC).status, "correct");
  assert.equal(checkNumeric(0.2551, NUMERIC).status, "wrong");
  assert.equal(checkNumeric(0.2449, NUMERIC).status, "wrong");
  const exact = { ...NUMERIC, answer: 14, tolerance: 0, mistakes: [{ value: 13, hint: "off by one" }] };
  assert.equal(checkNumeric(14, exact).status, "correct");
  assert.equal(checkNumeric(14.01, exact).status, "wrong");
  // a mistake is recognised at the precision typed: 100/3 typed as 33.3 or 33.33 or 33
  const third = { ...NUMERIC, answer: 25, tolerance: 0, mistakes: [{ value: 100 / 3, hint: "thirds" }] };
  for (const typed of ["33.3", "33.33", "33"]) assert.equal(mark(typed, third).status, "mistake", typed);
  assert.equal(mark("33.2", third).status, "wrong");
  assert.equal(mark("25", third).status, "correct");
  assert.deepEqual(checkNumeric(13, exact), { status: "mistake", hint: "off by one" });
  assert.ok(withinTolerance(100480, 100480, 0) && !withinTolerance(100481, 100480, 0));
});

test("a likely mistake gets its hint, anything else the generic hint", () => {
  assert.deepEqual(checkNumeric(0.5, NUMERIC), { status: "mistake", hint: "<p>halved?</p>" });
  assert.deepEqual(checkNumeric(0.503, NUMERIC), { status: "mistake", hint: "<p>halved?</p>" });
  assert.deepEqual(checkNumeric(-0.25, NUMERIC), { status: "mistake", hint: "<p>sign</p>" });
  assert.deepEqual(checkNumeric(7, NUMERIC), { status: "wrong", hint: "<p>generic</p>" });
  assert.throws(() => checkNumeric(NaN, NUMERIC), TypeError);
});

test("multiple choice: the chosen option's explanation", () => {
  assert.deepEqual(checkChoice(1, CHOICE), { status: "correct", explanation: "<p>b yes</p>" });
  assert.deepEqual(checkChoice(2, CHOICE), { status: "wrong", explanation: "<p>c no</p>" });
  assert.throws(() => checkChoice(3, CHOICE), RangeError);
});

test("mark: typed text or a chosen index, errors as messages", () => {
  assert.equal(mark("1/4", NUMERIC).status, "correct");
  assert.equal(mark("1/4", NUMERIC).value, 0.25);
  assert.match(mark("", NUMERIC).error, /Type a number/);
  assert.equal(mark("0", CHOICE).status, "wrong");
  assert.equal(mark("1", CHOICE).status, "correct");
  for (const none of ["", null, undefined, "7", "-1", "x", "1.5"]) assert.match(mark(none, CHOICE).error, /Choose one/);
});

function fakeStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), map: m };
}

test("store: localStorage when it works, memory when it does not, never a throw", () => {
  const ls = fakeStorage();
  const s = makeStore(() => ls);
  assert.equal(s.persistent, true);
  s.set(storageKey("00-a/p/q1"), { answer: "3", correct: true });
  assert.equal(ls.map.get("syllabus-selfcheck:00-a/p/q1"), '{"answer":"3","correct":true}');
  assert.deepEqual(s.get("syllabus-selfcheck:00-a/p/q1"), { answer: "3", correct: true });
  ls.map.set("syllabus-selfcheck:bad", "{not json");
  assert.equal(s.get("syllabus-selfcheck:bad"), null);

  const denied = makeStore(() => { throw new Error("SecurityError"); });
  assert.equal(denied.persistent, false);
  denied.set("k", { answer: "1", correct: false });
  assert.deepEqual(denied.get("k"), { answer: "1", correct: false });
  denied.remove("k");
  assert.equal(denied.get("k"), null);

  const full = fakeStorage();
  full.setItem = (k) => { if (k !== "syllabus-selfcheck:probe") throw new Error("QuotaExceededError"); };
  const f = makeStore(() => full);
  assert.equal(f.set("k", { answer: "2" }), false);
  assert.deepEqual(f.get("k"), { answer: "2" });
});

test("progress counts correct and attempted answers of a module", () => {
  const s = makeStore(() => fakeStorage());
  const ids = ["00-a/p/q1", "00-a/p/q2", "00-a/r/q1"];
  assert.deepEqual(progress(s, ids), { correct: 0, attempted: 0, total: 3 });
  s.set(storageKey(ids[0]), { answer: "1", correct: true });
  s.set(storageKey(ids[2]), { answer: "2", correct: false });
  s.set(storageKey("01-b/x/q"), { answer: "2", correct: true }); // another module
  const p = progress(s, ids);
  assert.deepEqual(p, { correct: 1, attempted: 2, total: 3 });
  assert.equal(progressText(p), "1 of 3 answered correctly (1 more tried, not yet right)");
  assert.equal(progressText({ correct: 2, attempted: 2, total: 12 }), "2 of 12 answered correctly");
});
