// Filters on the pilot overview. Without scripts every card stays visible and the form is hidden
// by the stylesheet (html:not(.js)).
(function () {
  "use strict";
  var form = document.querySelector("form.pilot-filter");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".pilot-card"));
  var result = form.querySelector(".pilot-filter__result");
  var template = form.getAttribute("data-result-template");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

  function matches(card) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var values = (card.getAttribute("data-" + select.name) || "").split(" ");
      return values.indexOf(select.value) !== -1;
    });
  }

  function update() {
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    // The result paragraph is a polite live region: screen readers hear the new count.
    result.textContent = template.replace("{shown}", shown).replace("{total}", cards.length);
  }

  form.addEventListener("change", update);
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
