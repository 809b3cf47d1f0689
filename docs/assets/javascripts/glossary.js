// Glossary tooltips appear on hover and keyboard focus (CSS); Escape closes the open one
// without moving focus, as WCAG 1.4.13 asks.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    Array.prototype.forEach.call(document.querySelectorAll(".glossary-term"), function (term) {
      term.classList.add("glossary-term--closed");
    });
  });
  function reopen(event) {
    if (event.target.classList && event.target.classList.contains("glossary-term")) {
      event.target.classList.remove("glossary-term--closed");
    }
  }
  document.addEventListener("mouseover", reopen);
  document.addEventListener("focusin", reopen);
})();
