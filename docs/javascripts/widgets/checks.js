// Pure helpers shared by the widgets' logic (no DOM): own-property lookups (so that names such
// as "constructor" or "toString" are never taken from Object.prototype), a way to show any
// value inside a message that cannot itself throw, and the text a number formatter shows
// instead of "Infinity" or "NaN".

/** True when `key` is an own property of `obj` (never an inherited one). */
export function own(obj, key) {
  return obj !== null && typeof obj === "object" && (typeof key === "string" || typeof key === "number")
    && Object.prototype.hasOwnProperty.call(obj, key);
}

/** Any value as short text for a message: numbers as JS prints them, strings quoted, the rest summarised. */
export function show(value, max = 40) {
  let text;
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) text = String(value);
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "bigint") text = `${value.toString()}n`;
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else text = `a ${typeof value}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a formatter shows for a value it cannot print as a number. */
export function notShown(value) {
  if (typeof value !== "number" || Number.isNaN(value)) return "not a number";
  return value > 0 ? "too large to show" : "too large (negative) to show";
}

/** The largest whole number a double holds exactly, 2⁵³ − 1, as the pages print it. */
export const MAX_WHOLE = Number.MAX_SAFE_INTEGER;
export const MAX_WHOLE_TEXT = "2⁵³ − 1 = 9 007 199 254 740 991";
