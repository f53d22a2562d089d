// Material fetches the whole search index (search/search_index.json, over 300 KB gzip, more
// than the rest of a page) as soon as any page loads. This script, loaded just before
// Material's bundle (overrides/main.html), holds that one request back until the reader
// opens search: focuses the search box (click, tap, or the "/", "s" and "f" keys, which
// focus it) or ticks the search toggle. A page opened from a search result (its address has
// "?h=") fetches it at once, for Material's highlighting. The request itself is Material's,
// only delayed: search works as before, after one fetch. Checked by tests/test_site_search.py.
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
