// Mount every interactive widget on the page: an element `<div data-widget="NAME">` gets the
// view exported by ./widgets/NAME/view.js (`mount(el, config)`), with `config` read from the
// element's `data-config` JSON. Material's `document$` fires on every (instant) navigation,
// so widgets re-mount after a link is followed.
const loaded = new Map();

function showError(el, message) {
  el.replaceChildren();
  const p = document.createElement("p");
  p.className = "widget-error";
  p.setAttribute("role", "alert");
  p.textContent = message;
  el.appendChild(p);
}

async function mountAll() {
  const nodes = document.querySelectorAll("[data-widget]:not([data-mounted])");
  for (const el of nodes) {
    const name = el.dataset.widget;
    el.dataset.mounted = "pending";
    try {
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`unknown widget name "${name}"`);
      if (!loaded.has(name)) {
        loaded.set(name, import(new URL(`./widgets/${name}/view.js`, import.meta.url)));
      }
      const module = await loaded.get(name);
      const config = el.dataset.config ? JSON.parse(el.dataset.config) : {};
      const fallback = el.querySelector(".widget-fallback");
      if (fallback) fallback.hidden = true;
      module.mount(el, config);
      el.dataset.mounted = "yes";
    } catch (err) {
      el.dataset.mounted = "error";
      showError(el, `This widget could not start: ${err.message}`);
    }
  }
}

if (typeof document$ !== "undefined") {
  // document$ emits inside Material's own start (the DOMContentLoaded task, where it mounts
  // its components). Run in that task, each subscriber lengthens the longest task of the
  // page load, which a phone cannot answer a tap during (Lighthouse's total blocking time
  // adds up what such tasks last past 50 ms). In a task of its own it runs just after.
  document$.subscribe(() => { setTimeout(mountAll); });
} else {
  document.addEventListener("DOMContentLoaded", () => { mountAll(); });
}
