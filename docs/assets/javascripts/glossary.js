// Glossary terms in the chapters. The explanation appears on hover and keyboard focus (CSS); a tap,
// click or Enter opens it in place instead of leaving for the glossary page (a phone has no hover),
// and again closes it. Escape closes the open ones without moving focus, and the pointer can rest
// on the explanation, as WCAG 1.4.13 asks.
(function () {
  "use strict";
  var terms = Array.prototype.slice.call(document.querySelectorAll("a.glossary-term"));
  function close(except) {
    terms.forEach(function (term) {
      if (term === except) return;
      term.classList.remove("glossary-term--open");
      term.setAttribute("aria-expanded", "false");
    });
  }
  terms.forEach(function (term) {
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("click", function (event) {
      event.preventDefault();
      var open = !term.classList.contains("glossary-term--open");
      close(term);
      term.classList.remove("glossary-term--closed");
      term.classList.toggle("glossary-term--open", open);
      term.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) term.classList.add("glossary-term--closed");
    });
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".glossary-term, .glossary-tip")) close(null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    close(null);
    terms.forEach(function (term) { term.classList.add("glossary-term--closed"); });
  });
  // Wide screens: the explanation hangs right below the term, so that the pointer can move onto it
  // (WCAG 1.4.13) even where the term ends a line; on phones it spans the text column (CSS).
  var wide = window.matchMedia("(min-width: 45em)");
  function place(term) {
    var tip = term.nextElementSibling, parent = term.offsetParent;
    if (!tip || !parent) return;
    if (!wide.matches) { tip.style.left = tip.style.top = ""; return; }
    var line = term.getClientRects()[0], box = parent.getBoundingClientRect();
    var left = line.left - box.left - parent.clientLeft;
    tip.style.top = (line.bottom - box.top - parent.clientTop) + "px";
    tip.style.left = Math.max(0, Math.min(left, parent.clientWidth - Math.min(tip.offsetWidth || 440, 440))) + "px";
  }
  document.addEventListener("mouseover", function (event) {
    if (event.target.classList && event.target.classList.contains("glossary-term")) place(event.target);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("glossary-term")) place(event.target);
  });
  terms.forEach(function (term) { term.addEventListener("click", function () { place(term); }); });

  function reopen(event) {
    if (event.target.classList && event.target.classList.contains("glossary-term")) {
      event.target.classList.remove("glossary-term--closed");
    }
  }
  document.addEventListener("mouseover", reopen);
  document.addEventListener("focusin", reopen);
})();
