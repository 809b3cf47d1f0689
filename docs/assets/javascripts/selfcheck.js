// Partnerschafts-Check: scores the answers in this browser tab only. Nothing is sent or stored.
(function () {
  "use strict";
  var form = document.querySelector("form[data-selfcheck]");
  if (!form) return;
  var result = document.querySelector(".selfcheck-result");
  var summary = result.querySelector(".selfcheck-result__summary");
  var factors = document.querySelector("template.selfcheck-factors").content;
  var order = Array.prototype.map.call(factors.querySelectorAll("li[data-factor]"),
    function (item) { return item.getAttribute("data-factor"); });
  var maximum = Math.max.apply(null, Array.prototype.map.call(
    form.querySelectorAll("input[type=radio]"), function (input) { return Number(input.value); }));

  function fill(list, entries) {
    list.textContent = "";
    entries.forEach(function (entry) {
      var item = factors.querySelector('li[data-factor="' + entry.key + '"]').cloneNode(true);
      item.querySelector(".selfcheck-result__score").textContent =
        "(" + Math.round(entry.score / maximum * 100) + " %)";
      list.appendChild(item);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var sums = {}, counts = {}, answered = 0;
    var questions = form.querySelectorAll("fieldset[data-factor]");
    Array.prototype.forEach.call(questions, function (fieldset) {
      var chosen = fieldset.querySelector("input:checked");
      if (!chosen) return;
      var key = fieldset.getAttribute("data-factor");
      answered += 1;
      sums[key] = (sums[key] || 0) + Number(chosen.value);
      counts[key] = (counts[key] || 0) + 1;
    });
    var scored = Object.keys(counts).map(function (key) { return { key: key, score: sums[key] / counts[key] }; });
    // Highest average first; equal averages keep the order of the guide.
    scored.sort(function (a, b) { return b.score - a.score || order.indexOf(a.key) - order.indexOf(b.key); });
    var count = Math.min(2, Math.floor(scored.length / 2));
    var weakest = scored.slice(scored.length - count).sort(function (a, b) {
      return a.score - b.score || order.indexOf(a.key) - order.indexOf(b.key);
    });
    fill(result.querySelector(".selfcheck-result__strongest"), scored.slice(0, count));
    fill(result.querySelector(".selfcheck-result__weakest"), weakest);
    summary.textContent = answered ? summary.getAttribute("data-template")
      .replace("{answered}", answered).replace("{total}", questions.length) : summary.getAttribute("data-incomplete");
    result.hidden = false;
    result.querySelector("h2").focus();
  });
  form.addEventListener("reset", function () { result.hidden = true; });
  result.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
})();
