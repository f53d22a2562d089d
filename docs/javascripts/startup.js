// Loaded just before Material's bundle (overrides/main.html). The bundle re-applies the
// reader's palette when it starts, which the inline script at the top of <body> has already
// applied. To stop colour transitions during a switch it marks <body> with
// data-md-color-switching and unmarks it a frame later: each is a restyle of every element
// of the page (on a long maths page, 8,000 elements: about a tenth of a second on a laptop,
// four times that on a phone, while the page does not respond), for a switch that changes
// nothing. Here the mark is held back until an attribute the stylesheets read (scheme,
// primary, accent; not media, which only records the choice) really changes. When the
// bundle unmarks <body> for the first time, <body>'s own setAttribute and removeAttribute
// are taken away again, so switches the reader makes work exactly as Material wrote them.
// tests/test_site_startup.py checks it: a first visit in light mode (no mark), in dark mode
// (the switch is marked) and a reader's switch.
//
// The bundle also inserts a <meta name="color-scheme"> into <head> and fills it in from the
// header's computed colour scheme: two changes of the page's colour scheme, and the browser
// restyles every element for each. overrides/main.html has already inserted that meta, with
// the palette's scheme, before the body existed. So the bundle's meta is not inserted:
// writes to its content go to the meta already there, and only when they change it (a
// reader's switch does). Without the early meta (a template that lacks it) nothing is
// changed.
(function () {
  const head = document.head;
  const early = head.querySelector('meta[name="color-scheme"]');
  if (!early) return;
  head.appendChild = function (node) {
    if (node instanceof HTMLMetaElement && node.name === "color-scheme") {
      delete head.appendChild;
      Object.defineProperty(node, "content", {
        configurable: true,
        get: () => early.content,
        set: (value) => {
          if (early.content !== String(value)) early.content = value;
        },
      });
      return node;
    }
    return Node.prototype.appendChild.call(this, node);
  };
})();

(function () {
  const body = document.body;
  const MARK = "data-md-color-switching";
  const STYLED = ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"];
  const set = Element.prototype.setAttribute;
  let held = false;
  body.setAttribute = function (name, value) {
    if (name === MARK) {
      held = true;
      return undefined;
    }
    if (held && STYLED.includes(name) && this.getAttribute(name) !== String(value)) {
      held = false;
      set.call(this, MARK, "");
    }
    return set.call(this, name, value);
  };
  body.removeAttribute = function (name) {
    if (name === MARK) {
      delete body.setAttribute;
      delete body.removeAttribute;
    }
    return Element.prototype.removeAttribute.call(this, name);
  };
})();
