// Logic of the self-check questions (no DOM): decoding a question's secret, reading a typed
// number strictly, marking an answer, and keeping answers in (local) storage.
// The build (scripts/hooks/selfcheck_encode.py) writes each question's answer, hints and
// worked solution as JSON in ASCII with every printable character moved the same number of
// places along "!".."~", a shift made from the page and question id: obfuscation that the
// server's gzip compresses as well as the JSON.

const KEY_PREFIX = "selfcheck:";
export const STORAGE_PREFIX = "syllabus-selfcheck:";
export const MAX_ABS = 1e15; // larger than any answer in the course: a typo, not an answer
const MAX_LENGTH = 40;

const FIRST = 0x21, COUNT = 94; // the printable ASCII characters, "!" to "~"

/** How many places a question's secret is moved: 1 to COUNT - 1 (selfcheck_encode.py). */
function shiftFor(pageKey, qid) {
  const key = new TextEncoder().encode(`${KEY_PREFIX}${pageKey}/${qid}`);
  let sum = 0;
  for (let i = 0; i < key.length; i++) sum += (i + 1) * key[i];
  return 1 + (sum % (COUNT - 1));
}

function rotate(text, by) {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c >= FIRST && c < FIRST + COUNT ? FIRST + ((((c - FIRST + by) % COUNT) + COUNT) % COUNT) : c;
  }
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** The question's secret (answer, hints, solution HTML) from its data-secret attribute. */
export function decodeSecret(text, pageKey, qid) {
  return JSON.parse(rotate(String(text), -shiftFor(pageKey, qid)));
}

/** The inverse of decodeSecret (the build does this in Python; here for the tests). */
export function encodeSecret(data, pageKey, qid) {
  const ascii = JSON.stringify(data).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return rotate(ascii, shiftFor(pageKey, qid));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/**
 * Read a typed answer strictly: a decimal number (point as separator, optional e-notation) or a
 * fraction of whole numbers such as 3/8. Returns {value} or {error} (a sentence for the
 * learner); never throws, whatever the input.
 */
export function parseNumber(input) {
  const raw = input === null || input === undefined ? "" : String(input);
  const text = raw.trim().replace(/\u2212/g, "-");
  if (text === "") return { error: "Type a number first." };
  if (text.length > MAX_LENGTH) return { error: `That is ${text.length} characters long: type the number only (at most ${MAX_LENGTH}).` };
  if (/^[+-]?\d+,\d+$/.test(text)) return { error: "Use a point as the decimal separator: 0.5, not 0,5." };
  if (/%\s*$/.test(text)) return { error: "Type the number without the % sign (0.25, not 25 %)." };
  let value;
  let decimals = null; // digits typed after the point: how precisely the learner wrote it
  const frac = FRACTION.exec(text);
  if (frac) {
    const den = Number(frac[2]);
    if (den === 0) return { error: "A fraction cannot have 0 below the line." };
    value = Number(frac[1]) / den;
  } else if (NUMBER.test(text)) {
    value = Number(text);
    const mantissa = text.split(/e/i)[0];
    if (!/e/i.test(text)) decimals = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  } else {
    const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
    return { error: `"${shown}" is not a number. Type digits, such as 12, -0.25, 3e-4 or 3/8.` };
  }
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS) {
    return { error: "That number is far too large to be the answer: check the digits and the exponent." };
  }
  return { value: Object.is(value, -0) ? 0 : value, decimals };
}

/** Whether x is within tol of target (with room for the decimal -> binary rounding of both). */
export function withinTolerance(x, target, tol) {
  const slack = 1e-9 * Math.max(1, Math.abs(target), Math.abs(tol));
  return Math.abs(x - target) <= tol + slack;
}

/**
 * Mark a number against a numeric question's secret:
 * {status: "correct"} | {status: "mistake", hint} (a listed likely mistake) | {status: "wrong", hint}.
 */
export function checkNumeric(value, secret, decimals = null) {
  if (!Number.isFinite(value)) throw new TypeError("checkNumeric: value must be a finite number");
  if (withinTolerance(value, secret.answer, secret.tolerance)) return { status: "correct" };
  // A likely mistake is recognised at the precision the learner typed: "33.3" or "33" for the
  // mistake's 33.33..., even when the answer itself must be exact.
  const typed = decimals === null ? 0 : 0.5 * 10 ** -decimals;
  for (const m of secret.mistakes || []) {
    if (withinTolerance(value, m.value, Math.max(secret.tolerance, typed))) return { status: "mistake", hint: m.hint };
  }
  return { status: "wrong", hint: secret.hint };
}

/** Mark the chosen option (its index) of a multiple-choice question: {status, explanation}. */
export function checkChoice(index, secret) {
  const n = secret.explanations.length;
  if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`checkChoice: index must be 0..${n - 1}`);
  return { status: index === secret.correct ? "correct" : "wrong", explanation: secret.explanations[index] };
}

/** What a learner's attempt is marked by: a typed text (numeric) or an option index (choice). */
export function mark(attempt, secret) {
  if (secret.kind === "choice") {
    const index = Number(attempt);
    if (attempt === null || attempt === undefined || attempt === "" || !Number.isInteger(index)) return { error: "Choose one of the options first." };
    if (index < 0 || index >= secret.explanations.length) return { error: "Choose one of the options first." };
    return checkChoice(index, secret);
  }
  const parsed = parseNumber(attempt);
  if (parsed.error) return parsed;
  return { ...checkNumeric(parsed.value, secret, parsed.decimals), value: parsed.value };
}

export function storageKey(id) {
  return STORAGE_PREFIX + id; // id: "<module>/<page>/<question id>"
}

/**
 * A small key -> JSON store over localStorage that never throws: when the browser refuses
 * storage (disabled, private mode, full), answers are kept in memory for this visit only and
 * `persistent` is false. `getStorage` is a function, as reading window.localStorage itself can throw.
 */
export function makeStore(getStorage) {
  const memory = new Map();
  let storage = null;
  try {
    const s = getStorage();
    const probe = `${STORAGE_PREFIX}probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    storage = s;
  } catch {
    storage = null;
  }
  const store = {
    persistent: storage !== null,
    get(key) {
      let text = memory.has(key) ? memory.get(key) : null;
      if (text === null && storage) {
        try { text = storage.getItem(key); } catch { text = null; }
      }
      if (text === null) return null;
      try { return JSON.parse(text); } catch { return null; }
    },
    set(key, value) {
      const text = JSON.stringify(value);
      if (storage) {
        try { storage.setItem(key, text); memory.delete(key); return true; } catch { /* full: keep it in memory */ }
      }
      memory.set(key, text);
      return false;
    },
    remove(key) {
      memory.delete(key);
      if (storage) { try { storage.removeItem(key); } catch { /* nothing to do */ } }
    },
  };
  return store;
}

/** How many of the question ids are answered correctly, and attempted, in the store. */
export function progress(store, ids) {
  let correct = 0, attempted = 0;
  for (const id of ids) {
    const saved = store.get(storageKey(id));
    if (!saved || typeof saved !== "object") continue;
    attempted += 1;
    if (saved.correct === true) correct += 1;
  }
  return { correct, attempted, total: ids.length };
}

export function progressText({ correct, attempted, total }) {
  const more = attempted - correct;
  const tried = more > 0 ? ` (${more} more tried, not yet right)` : "";
  return `${correct} of ${total} answered correctly${tried}`;
}
