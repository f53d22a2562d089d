// View of the self-check questions: each `<div class="selfcheck" data-selfcheck=ID ...>` the
// build wrote at the end of a section page gets an answer box (or the options as radio
// buttons), a Check button, feedback read out by screen readers, and after an attempt its
// worked solution; each module index's `.selfcheck-progress` box shows "k of n answered
// correctly" with a reset. Learner input only ever reaches the page as text (textContent);
// the HTML shown (hints, explanations, solutions) is the build's, decoded from data-secret.
import { h } from "../common.js";
import { decodeSecret, makeStore, mark, progress, progressText, storageKey } from "./logic.js";

let store = null;
function getStore() {
  if (!store) store = makeStore(() => window.localStorage);
  return store;
}

/** Build-made HTML (never learner input) as nodes, parsed inertly. */
function fragment(htmlText) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body><div>${htmlText || ""}</div>`, "text/html");
  return [...doc.body.firstChild.childNodes].map((n) => document.importNode(n, true));
}

const VERDICT = { correct: "Correct.", mistake: "Not quite.", wrong: "Not quite." };

export function mountQuestion(el) {
  if (el.dataset.selfcheckMounted) return;
  el.dataset.selfcheckMounted = "pending";
  const pageKey = el.dataset.selfcheckPage, qid = el.dataset.selfcheck;
  const kind = el.dataset.kind;
  if (kind !== "choice" && kind !== "numeric") {
    el.dataset.selfcheckMounted = "error";
    el.appendChild(h("p", { class: "selfcheck-feedback", role: "alert" },
      `This question could not start: its kind is ${JSON.stringify(kind ?? null)}, not "choice" or "numeric".`));
    return;
  }
  // The secret (answer, hints, worked solution) is decoded when it is first needed: at the
  // first Check, or as the page loads only to restore a saved answer. Most loads of a page
  // answer nothing, and decoding is a loop over every character of the secret (on the linear
  // algebra page 45 KB for three questions: a few ms of a phone's start-up, at every load).
  let secret = null;
  function getSecret() {
    if (secret === null) secret = decodeSecret(el.dataset.secret, pageKey, qid);
    return secret;
  }
  const id = `${pageKey}/${qid}`;
  const uid = `sc-${id.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const feedback = h("div", { class: "selfcheck-feedback", id: `${uid}-feedback`, role: "status", "aria-live": "polite", "data-role": "feedback" });
  // The worked solution is parsed into the page only when it is first shown, after an
  // attempt: a solution of typeset maths is hundreds of elements; on the linear algebra page
  // (three questions) parsing them took 7 of the 85 ms its scripts ran at DOMContentLoaded.
  const solutionBody = h("div", { class: "selfcheck-solution-body" });
  const solution = h("details", { class: "selfcheck-solution", "data-role": "solution", hidden: true },
    h("summary", {}, "Worked solution"), solutionBody);
  // "Question 2" (the build's label): screen readers hear which question a box or button is for
  const which = (el.querySelector(".selfcheck-label")?.textContent || "this question").split("·")[0].trim().toLowerCase();
  const hidden = (text) => h("span", { class: "selfcheck-sr" }, text);
  const button = h("button", { type: "submit", class: "selfcheck-button", "data-role": "check" }, "Check", hidden(` ${which}`));
  const form = h("form", { class: "selfcheck-form", novalidate: true });

  let input = null, radios = [];
  if (kind === "choice") {
    const list = el.querySelector(".selfcheck-options");
    const items = list ? [...list.querySelectorAll("li")] : [];
    const group = h("fieldset", { class: "selfcheck-choices" }, h("legend", {}, "Choose one answer", hidden(` to ${which}`)));
    radios = items.map((li, i) => {
      const radio = h("input", { type: "radio", name: uid, value: String(i), id: `${uid}-o${i}`, "data-role": "option" });
      const label = h("label", { for: radio.id }, ...[...li.childNodes].map((n) => n.cloneNode(true)));
      group.appendChild(h("div", { class: "selfcheck-choice" }, radio, label));
      return radio;
    });
    if (list) list.hidden = true;
    form.append(group, h("div", { class: "selfcheck-actions" }, button));
  } else {
    input = h("input", {
      type: "text", id: `${uid}-input`, inputmode: "decimal", autocomplete: "off", spellcheck: "false",
      "data-role": "answer", "aria-describedby": `${uid}-feedback`,
    });
    const unit = el.dataset.unit ? h("span", { class: "selfcheck-unit" }, el.dataset.unit) : null;
    form.append(h("div", { class: "selfcheck-actions" },
      h("label", { for: input.id }, "Your answer", hidden(` to ${which}`)), input, unit, button));
  }

  function show(result, attemptText) {
    feedback.replaceChildren();
    feedback.className = "selfcheck-feedback";
    if (result.error) {
      feedback.classList.add("selfcheck-invalid");
      feedback.appendChild(h("p", {}, result.error));
      if (input) input.setAttribute("aria-invalid", "true");
      el.dataset.state = "invalid";
      return;
    }
    if (input) input.setAttribute("aria-invalid", "false");
    el.dataset.state = result.status;
    feedback.classList.add(`selfcheck-${result.status === "correct" ? "correct" : "wrong"}`);
    const head = h("p", {}, h("strong", {}, VERDICT[result.status]), " ");
    if (secret.kind === "choice") {
      head.append(`You chose ${String.fromCharCode(65 + Number(attemptText))}.`);
      feedback.append(head, ...fragment(result.explanation));
    } else if (result.status === "correct") {
      const unit = secret.unit ? ` ${secret.unit}` : "";
      const tol = secret.tolerance > 0 ? ` (accepted within ±${secret.toleranceDisplay || secret.tolerance})` : "";
      head.append(`${secret.display}${unit} is the answer${tol}.`);
      feedback.append(head);
    } else {
      head.append(`${attemptText.trim()} is not the answer. Hint:`); // text node: never parsed
      feedback.append(head, ...fragment(result.hint));
    }
    if (secret.solution) {
      if (!solutionBody.hasChildNodes()) solutionBody.append(...fragment(secret.solution));
      solution.hidden = false;
    }
  }

  function attempt(save) {
    const text = kind === "choice"
      ? (radios.find((r) => r.checked)?.value ?? "")
      : input.value;
    try {
      getSecret();
    } catch (err) {
      feedback.replaceChildren(h("p", {}, `This question cannot be checked: ${err.message}`));
      feedback.className = "selfcheck-feedback selfcheck-invalid";
      el.dataset.state = "error";
      return;
    }
    const result = mark(text, secret);
    show(result, text);
    if (save && !result.error) getStore().set(storageKey(id), { answer: text, correct: result.status === "correct" });
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); attempt(true); });
  if (input) input.addEventListener("input", () => input.setAttribute("aria-invalid", "false"));

  // a saved answer is restored before the feedback region is on the page, so that screen
  // readers do not announce every restored answer at page load
  const saved = getStore().get(storageKey(id));
  if (saved && typeof saved.answer === "string") {
    if (input) input.value = saved.answer;
    const radio = radios[Number(saved.answer)];
    if (radio) radio.checked = true;
    if (input || radio) attempt(false);
  }
  const nojs = el.querySelector(".selfcheck-nojs");
  if (nojs) nojs.hidden = true; // with JavaScript on, the solution opens here after an attempt
  el.append(form, feedback, solution);
  el.dataset.selfcheckMounted = "yes";
}

export function mountProgress(el) {
  if (el.dataset.selfcheckMounted) return;
  let ids = [];
  try { ids = JSON.parse(el.dataset.ids || "[]"); } catch { ids = []; }
  const s = getStore();
  // The count, the reset button and the note are in the page from the build (shown only with
  // JavaScript on: scripts/hooks/selfcheck_render.py progress_html), so the box keeps its
  // size as it mounts; here they get the reader's figures.
  const text = el.querySelector('[data-role="count"]');
  const note = el.querySelector('[data-role="note"]');
  const reset = el.querySelector('[data-role="reset"]');
  if (!text || !note || !reset) return;
  function update(message) {
    const p = progress(s, ids);
    text.replaceChildren(h("strong", {}, "Self-check: "), progressText(p), ".");
    reset.disabled = p.attempted === 0;
    const said = message || (s.persistent ? "Your answers are kept in this browser only." :
      "This browser does not let the site keep your answers, so they last only until you leave the site.");
    // a status region: changed only when its message changes, so nothing is announced at load
    if (note.textContent !== said) note.textContent = said;
  }
  reset.addEventListener("click", () => {
    for (const id of ids) s.remove(storageKey(id));
    update("Your answers for this module were cleared.");
  });
  update();
  el.dataset.selfcheckMounted = "yes";
}

export function mountAll(root = document) {
  for (const intro of root.querySelectorAll(".selfcheck-intro")) {
    for (const span of intro.querySelectorAll(".selfcheck-intro-js")) span.hidden = false;
    for (const span of intro.querySelectorAll(".selfcheck-intro-nojs")) span.hidden = true;
  }
  for (const el of root.querySelectorAll(".selfcheck[data-selfcheck]:not([data-selfcheck-mounted])")) mountQuestion(el);
  for (const el of root.querySelectorAll(".selfcheck-progress:not([data-selfcheck-mounted])")) mountProgress(el);
}
