// reportedly: link each attribution's card with its passages in the text (hover and keyboard focus),
// and move focus to the card or marker a fragment link points at.  No inline script: the page's
// Content-Security-Policy allows only this file.
(function () {
  "use strict";

  function spansOf(att) {
    return document.querySelectorAll('#article-text [data-att~="' + att + '"]');
  }

  function setLit(atts, on) {
    atts.forEach(function (att) {
      spansOf(att).forEach(function (el) { el.classList.toggle("lit", on); });
      var card = document.getElementById("card-" + att);
      if (card) { card.classList.toggle("lit", on); }
    });
  }

  function attsOf(el) {
    var v = el && el.getAttribute("data-att");
    return v ? v.split(/\s+/).filter(Boolean) : [];
  }

  function wire(el) {
    var atts = attsOf(el);
    if (!atts.length) { return; }
    el.addEventListener("mouseenter", function () { setLit(atts, true); });
    el.addEventListener("mouseleave", function () { setLit(atts, false); });
    el.addEventListener("focusin", function () { setLit(atts, true); });
    el.addEventListener("focusout", function () { setLit(atts, false); });
  }

  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var el = document.getElementById(id);
    if (el && (el.classList.contains("card") || el.classList.contains("marker"))) {
      el.focus({ preventScroll: false });
    }
  }

  function init() {
    document.querySelectorAll(".cards .card, #article-text [data-att]").forEach(wire);
    window.addEventListener("hashchange", focusTarget);
    document.querySelectorAll("a.marker, .card a.back, .chain-table a").forEach(function (a) {
      a.addEventListener("click", function () {
        var id = a.getAttribute("href").slice(1);
        // same-fragment clicks fire no hashchange: focus here too
        window.setTimeout(function () {
          var el = document.getElementById(id);
          if (el) { el.focus(); }
        }, 0);
      });
    });
    focusTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
