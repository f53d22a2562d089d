// Loaded just before Material's bundle (overrides/main.html). When the bundle starts it
// re-does two things that are already done, and each makes the browser restyle every
// element of the page: on a long maths page (8,000 elements) about a tenth of a second on
// a laptop, four times that on a phone, while the page does not respond.
//
// 1. Instant navigation rewrites each relative address (href, src) as an absolute one.
//    Done here, the changes are styled with the rest of the page in one pass; done by the
//    bundle, after it has made the browser style the page, they cost a pass of their own.
//    The same rule as the bundle's: addresses with a scheme or starting with // are left.
// 2. The palette: the inline script at the top of <body> has applied the reader's palette.
//    The bundle applies it again and, to stop colour transitions during the switch, marks
//    <body> with data-md-color-switching and unmarks it a frame later: two restyles of the
//    whole page for a switch that changes nothing. Here the mark is held back until a
//    data-md-color-* attribute the stylesheets read (scheme, primary, accent; not media,
//    which only records the choice) really changes; when the bundle unmarks <body> for the first
//    time, <body>'s own setAttribute and removeAttribute are taken away again, so switches
//    the reader makes work exactly as Material wrote them.
// tests/test_site_browser.py checks both (palette switches, first visit in dark mode).
(function () {
  for (const el of document.querySelectorAll("[href], [src]")) {
    for (const attr of ["href", "src"]) {
      const value = el.getAttribute(attr);
      // (an SVG element's href is an object, not an address: the bundle's assignment does
      // nothing there either)
      if (value && !/^(?:[a-z]+:)?\/\//i.test(value) && typeof el[attr] === "string") {
        el[attr] = el[attr]; // eslint-disable-line no-self-assign -- the setter makes it absolute
        break;
      }
    }
  }

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
