// Material fetches the whole search index (search/search_index.json, over 300 KB gzip, more
// than the rest of a page) as soon as any page loads. This script, loaded just before
// Material's bundle (overrides/main.html), holds that one request back until the reader
// opens search: focuses the search box (click, tap, or the "/", "s" and "f" keys, which
// focus it) or ticks the search toggle. A page opened from a search result (its address has
// "?h=") fetches it at once, for Material's highlighting. The request itself is Material's,
// only delayed: search works as before, after one fetch.
//
// Material also starts its search worker as the page loads: a thread that fetches and
// compiles its own script (12 KB gzip, lunr included), though it has nothing to do until the
// index arrives. Starting it costs every page load main-thread time, and on a machine with
// few cores the new thread competes with the page: in traces of the home page on a
// two-core machine, the main thread's work after the first paint fell from about 200 to
// 150 ms (median of 10 loads each) without it. So the search worker is created on the
// first message Material sends it, which is the index. Until then Material holds a
// stand-in that keeps its listeners; the real worker's messages are passed on to them.
// Other workers are created as usual. Checked by tests/test_site_search.py.
(function () {
  const INDEX = /\/search\/search_index\.json$/;
  const proto = XMLHttpRequest.prototype;
  const open = proto.open, send = proto.send;
  const held = [];
  let released = new URLSearchParams(location.search).has("h");

  proto.open = function (method, url) {
    this.__searchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.__searchIndex && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    for (const [xhr, args] of held.splice(0)) {
      try { send.apply(xhr, args); } catch { /* aborted meanwhile: Material gave up on it */ }
    }
  }
  const inSearch = (el) => el instanceof Element && el.closest("[data-md-component=search], #__search");
  document.addEventListener("focusin", (e) => { if (inSearch(e.target)) release(); });
  document.addEventListener("change", (e) => { if (inSearch(e.target)) release(); });
  document.addEventListener("pointerdown", (e) => {
    if (e.target instanceof Element && e.target.closest("label[for='__search']")) release();
  });
})();

(function () {
  const Real = window.Worker;
  const config = document.getElementById("__config");
  if (!Real || !config) return;
  let search;
  try {
    search = new URL(JSON.parse(config.textContent).search, document.baseURI).href;
  } catch {
    return; // no search worker named: nothing to hold back
  }

  // What Material's worker code uses of a Worker: postMessage, terminate and the
  // "message" event (added as a listener).
  class OnDemandWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.args = [url, options];
      this.worker = null;
    }
    postMessage(...message) {
      if (!this.worker) {
        this.worker = new Real(...this.args);
        for (const type of ["message", "messageerror"])
          this.worker.addEventListener(type, (e) =>
            this.dispatchEvent(new MessageEvent(type, { data: e.data })));
        this.worker.addEventListener("error", () => this.dispatchEvent(new Event("error")));
      }
      this.worker.postMessage(...message);
    }
    terminate() {
      if (this.worker) this.worker.terminate();
    }
  }

  window.Worker = function Worker(url, options) {
    if (new URL(String(url), document.baseURI).href === search) {
      return new OnDemandWorker(url, options);
    }
    return new Real(url, options);
  };
  window.Worker.prototype = Real.prototype;
})();
