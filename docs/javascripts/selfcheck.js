// Mount the self-check questions and the module progress boxes (widgets/selfcheck/view.js).
// Material's `document$` fires on every (instant) navigation, so they mount on each new page.
import { mountAll } from "./widgets/selfcheck/view.js";

if (typeof document$ !== "undefined") {
  // A task of its own, after Material's start (see main.js).
  document$.subscribe(() => { setTimeout(mountAll); });
} else {
  document.addEventListener("DOMContentLoaded", () => { mountAll(); });
}
