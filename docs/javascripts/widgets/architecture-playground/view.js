// View of the architecture playground: a table of layers with editable settings, live output
// shape, parameters, receptive field and MACs per layer, the first invalid layer marked with its
// reason, presets, the design kept in the page address (?arch=...) and export to PyTorch.
import { h, setMessage } from "../common.js";
import { FIELD_NAMES, LAYER_TYPES, MAX_LAYERS, PRESETS, analyze, decode, encode, exportPyTorch, group, isLayerType, preset as presetNamed } from "./logic.js";

const num = (text) => (String(text).trim() === "" ? NaN : Number(String(text).trim().replace("\u2212", "-")));
const clone = (x) => JSON.parse(JSON.stringify(x));
/** A receptive field as the table shows it: "whole input" from a Linear layer on. */
const rfText = (rf) => (rf === "all" ? "whole input" : rf === "huge" ? "more than 2⁵³ − 1" : `${rf} × ${rf}`);
const SHORT_LABEL = { c_out: "out ch.", k: "k", s: "stride", p: "pad", rate: "rate", n_out: "out" };

export function mount(el, config = {}) {
  const presetNames = Object.keys(PRESETS);
  const first = presetNamed(config.preset) || PRESETS[presetNames[0]];
  const state = { input: clone(first.input), layers: clone(first.layers) };
  const msg = h("p", { class: "widget-message", role: "alert", "data-role": "message", hidden: true });
  const fromUrl = new URLSearchParams(location.search).get("arch");
  let urlNote = "";
  if (fromUrl) {
    const d = decode(fromUrl);
    if (d.error) urlNote = `The design in the page address could not be read (${d.error}); showing a preset instead.`;
    else { state.input = d.input; state.layers = d.layers; }
  }

  const preset = h("select", { "aria-label": "Load a preset", "data-role": "preset" },
    h("option", { value: "" }, "Load a preset…"), presetNames.map((n) => h("option", { value: n }, n)));
  preset.addEventListener("change", () => {
    const chosen = presetNamed(preset.value);
    if (!chosen) return;
    urlNote = "";
    state.input = clone(chosen.input);
    state.layers = clone(chosen.layers);
    inputFields.forEach((f, i) => { f.value = String(state.input[i]); });
    build();
    preset.value = "";
  });
  const inputFields = ["channels C", "height H", "width W"].map((label, i) => {
    const f = h("input", { type: "text", inputmode: "numeric", size: 4, value: String(state.input[i]), "aria-label": `Input ${label}`, "data-role": `input-${"CHW"[i]}` });
    f.addEventListener("input", () => { state.input[i] = num(f.value); refresh(); });
    return f;
  });
  const addType = h("select", { "aria-label": "Type of layer to add", "data-role": "add-type" },
    Object.entries(LAYER_TYPES).map(([t, d]) => h("option", { value: t }, d.label)));
  const addBtn = h("button", { type: "button", class: "widget-button", "data-role": "add" }, "Add layer");
  addBtn.addEventListener("click", () => {
    if (!isLayerType(addType.value)) return;
    if (state.layers.length >= MAX_LAYERS) {
      setMessage(msg, `A design may hold at most ${MAX_LAYERS} layers: remove one before adding another.`);
      return;
    }
    state.layers.push({ type: addType.value, ...LAYER_TYPES[addType.value].fields });
    build();
  });
  const exportBtn = h("button", { type: "button", class: "widget-button", "data-role": "export-button" }, "Export PyTorch code");
  const exportBox = h("pre", { class: "wpg-export", "data-role": "export", hidden: true });
  exportBtn.addEventListener("click", () => {
    try {
      exportBox.textContent = exportPyTorch(state.input, state.layers);
      exportBox.hidden = false;
      setMessage(msg, "");
    } catch (e) {
      exportBox.hidden = true;
      setMessage(msg, `Cannot export yet: ${e.message}.`);
    }
  });

  const tbody = h("tbody", {});
  const totals = h("p", { class: "widget-formula", "data-role": "totals", "aria-live": "polite" });
  const table = h("table", { class: "wpg-table", "data-role": "layers" },
    h("thead", {}, h("tr", {}, ["#", "Layer", "Settings", "Output shape", "Params", "RF", "MACs", ""].map((t) => h("th", { scope: "col" }, t)))),
    tbody);

  function moveBtn(label, text, fn) {
    return h("button", { type: "button", class: "wpg-small", "aria-label": label, onclick: fn }, text);
  }

  // Rebuild every row (after a change of structure), then refresh the numbers.
  function build() {
    tbody.replaceChildren();
    state.layers.forEach((layer, i) => {
      const typeSel = h("select", { "aria-label": `Layer ${i + 1} type`, "data-role": "type" },
        Object.entries(LAYER_TYPES).map(([t, d]) => h("option", { value: t, selected: t === layer.type }, d.label)));
      typeSel.addEventListener("change", () => { if (!isLayerType(typeSel.value)) return; state.layers[i] = { type: typeSel.value, ...LAYER_TYPES[typeSel.value].fields }; build(); });
      const fields = Object.keys(isLayerType(layer.type) ? LAYER_TYPES[layer.type].fields : {}).map((key) => {
        const f = h("input", { type: "text", inputmode: "decimal", size: 4, value: String(layer[key] ?? ""), "aria-label": `Layer ${i + 1} ${FIELD_NAMES[key]}`, "data-role": `field-${key}` });
        f.addEventListener("input", () => { state.layers[i][key] = num(f.value); refresh(); });
        return h("label", { class: "wpg-field" }, h("span", { "aria-hidden": "true" }, SHORT_LABEL[key]), f);
      });
      tbody.appendChild(h("tr", { "data-role": "layer-row", "data-index": i },
        h("td", {}, String(i + 1)), h("td", {}, typeSel), h("td", { class: "wpg-settings" }, fields),
        h("td", { "data-role": "shape" }), h("td", { "data-role": "params", class: "wpg-num" }), h("td", { "data-role": "rf", class: "wpg-num" }),
        h("td", { "data-role": "macs", class: "wpg-num" }),
        h("td", { class: "wpg-actions" },
          moveBtn(`Move layer ${i + 1} up`, "↑", () => { if (i > 0) { [state.layers[i - 1], state.layers[i]] = [state.layers[i], state.layers[i - 1]]; build(); } }),
          moveBtn(`Move layer ${i + 1} down`, "↓", () => { if (i < state.layers.length - 1) { [state.layers[i + 1], state.layers[i]] = [state.layers[i], state.layers[i + 1]]; build(); } }),
          moveBtn(`Remove layer ${i + 1}`, "✕", () => { state.layers.splice(i, 1); build(); }))));
    });
    refresh();
  }

  // Recompute the numbers in place (keeps the focus in the field being edited).
  function refresh() {
    const a = analyze(state.input, state.layers);
    exportBox.hidden = true;
    inputFields.forEach((f, i) => f.setAttribute("aria-invalid", Number.isSafeInteger(state.input[i]) && state.input[i] > 0 ? "false" : "true"));
    const invalidAt = a.rows.findIndex((r) => r.error);
    setMessage(msg, a.inputError ? `Input: ${a.inputError}.` : invalidAt >= 0 ? `Layer ${invalidAt + 1} is invalid: ${a.rows[invalidAt].error}.` : urlNote);
    [...tbody.children].forEach((tr, i) => {
      const r = a.rows[i] || { skipped: true };
      tr.classList.toggle("wpg-invalid", Boolean(r.error));
      tr.classList.toggle("wpg-skipped", Boolean(r.skipped));
      const cell = (role) => tr.querySelector(`[data-role="${role}"]`);
      if (r.error) {
        cell("shape").textContent = `✗ ${r.error}`;
        cell("shape").setAttribute("data-role", "shape");
        cell("shape").dataset.error = "yes";
        for (const role of ["params", "rf", "macs"]) cell(role).textContent = "";
      } else {
        delete cell("shape").dataset.error;
        cell("shape").textContent = r.skipped ? "—" : r.shape.join(" × ");
        cell("params").textContent = r.skipped ? "" : group(r.params);
        cell("rf").textContent = r.skipped ? "" : rfText(r.rf);
        cell("macs").textContent = r.skipped ? "" : group(r.macs);
      }
    });
    totals.textContent = a.valid && !a.inputError
      ? `Output ${a.output.join(" × ")} · ${group(a.totals.params)} parameters · ${group(a.totals.macs)} multiply–accumulates per image`
      : "Totals appear when every layer is valid.";
    totals.dataset.params = a.valid ? String(a.totals.params) : "";
    try {
      const url = new URL(location.href);
      url.searchParams.set("arch", encode(state.input.map((v) => (Number.isFinite(v) ? v : 0)), state.layers));
      if (el.isConnected) history.replaceState(history.state, "", url);
    } catch { /* an address that cannot be rewritten is not worth an error */ }
  }

  el.replaceChildren(h("div", { class: "widget wpg" },
    h("div", { class: "widget-controls" }, preset,
      h("span", { class: "widget-field" }, h("span", {}, "Input C × H × W"), ...inputFields)),
    msg,
    h("div", { class: "wpg-scroll" }, table),
    h("div", { class: "widget-controls" }, addType, addBtn, exportBtn),
    totals, exportBox,
    h("p", { class: "wpg-note" }, "The page address keeps this design: copy it to share.")));
  build();
}
