// Partnerschafts-Check: scores the answers in this browser tab only. Nothing is sent or stored.
// Every text of the result comes from the page (template.selfcheck-templates); this script chooses.
// The rules (thresholds from data/selfcheck.yaml, on the form's data attributes):
// - "not yet relevant" ("na") is left out of every average;
// - the firm stands at the first step whose answered statements average below step-done, or that
//   has no rated statement yet; past the last step it stands at the last one, done;
// - next actions: first the statements rated below step-done in the steps up to where it stands,
//   then those rated below the top of the scale there, then the unrated ones from where it stands
//   on; each group in the order of the steps, the lowest rating first; three at most;
// - a factor averaging at least "strong" is high, below "weak" low, else mid; none rated: unrated.
(function () {
  "use strict";
  var form = document.querySelector("form[data-selfcheck]");
  if (!form) return;
  var result = document.querySelector(".selfcheck-result");
  var summary = result.querySelector(".selfcheck-result__summary");
  var templates = document.querySelector("template.selfcheck-templates").content;
  var progress = form.querySelector(".selfcheck__progress progress");
  var progressText = form.querySelector("#selfcheck-progress");
  var number = function (name) { return Number(form.getAttribute("data-" + name)); };
  var maximum = number("max"), stepDone = number("step-done"), strong = number("strong"), weak = number("weak");
  var questions = Array.prototype.map.call(form.querySelectorAll("fieldset[data-question]"), function (fieldset, index) {
    return { fieldset: fieldset, id: fieldset.getAttribute("data-question"), step: fieldset.getAttribute("data-step"),
             factor: fieldset.getAttribute("data-factor"), order: index };
  });
  var steps = Array.prototype.map.call(templates.querySelectorAll("[data-position]"),
    function (element) { return element.getAttribute("data-position"); });

  function fill(template, values) {
    return Object.keys(values).reduce(function (text, key) { return text.split("{" + key + "}").join(values[key]); }, template);
  }

  function read() {
    questions.forEach(function (question) {
      var chosen = question.fieldset.querySelector("input:checked");
      question.answer = chosen ? chosen.value : null;
      question.value = chosen && chosen.value !== "na" ? Number(chosen.value) : null;
      question.stepIndex = steps.indexOf(question.step);
    });
  }

  function average(list) {
    var rated = list.filter(function (question) { return question.value !== null; });
    if (!rated.length) return null;
    return rated.reduce(function (sum, question) { return sum + question.value; }, 0) / rated.length;
  }

  function showProgress() {
    var answered = form.querySelectorAll("input:checked").length;
    progress.value = answered;
    progressText.textContent = fill(progressText.getAttribute("data-template"), { answered: answered, total: questions.length });
  }

  function position() {
    for (var index = 0; index < steps.length; index += 1) {
      var mean = average(questions.filter(function (question) { return question.stepIndex === index; }));
      if (mean === null || mean < stepDone) return { index: index, done: false };
    }
    return { index: steps.length - 1, done: true };
  }

  function byStepThenRating(a, b) {
    return a.stepIndex - b.stepIndex || (a.value || 0) - (b.value || 0) || a.order - b.order;
  }

  function actions(at) {
    var reached = questions.filter(function (question) { return question.stepIndex <= at && question.value !== null; });
    var gaps = reached.filter(function (question) { return question.value < stepDone; }).sort(byStepThenRating);
    var better = reached.filter(function (question) { return question.value >= stepDone && question.value < maximum; })
      .sort(byStepThenRating);
    var upcoming = questions.filter(function (question) { return question.stepIndex >= at && question.value === null; })
      .sort(byStepThenRating);
    return gaps.concat(better, upcoming).slice(0, 3);
  }

  function level(kind, factor) {
    var mean = average(questions.filter(function (question) { return question.factor === factor; }));
    if (mean === null) return "unrated";
    return kind + "-" + (mean >= strong ? "high" : mean < weak ? "low" : "mid");
  }

  function copy(selector) { return templates.querySelector(selector).cloneNode(true); }

  form.addEventListener("change", showProgress);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    read();
    var answered = questions.filter(function (question) { return question.answer !== null; }).length;
    var notRelevant = questions.filter(function (question) { return question.answer === "na"; }).length;
    var place = result.querySelector(".selfcheck-result__position");
    var list = result.querySelector(".selfcheck-result__actions");
    place.textContent = "";
    list.textContent = "";
    if (answered) {
      summary.textContent = fill(summary.getAttribute("data-template"),
        { answered: answered, total: questions.length, not_relevant: notRelevant });
      var at = position();
      place.appendChild(copy('[data-position="' + steps[at.index] + '"]'));
      place.appendChild(copy('[data-note="' + (at.done ? "done" : "next") + '"]'));
      actions(at.index).forEach(function (question) { list.appendChild(copy('[data-action="' + question.id + '"]')); });
    } else {
      summary.textContent = summary.getAttribute("data-incomplete");
    }
    result.querySelector(".selfcheck-result__no-actions").hidden = !answered || list.children.length > 0;
    Array.prototype.forEach.call(result.querySelectorAll(".selfcheck-result__factors"), function (factors) {
      var kind = factors.getAttribute("data-kind");
      factors.textContent = "";
      var items = templates.querySelectorAll('li[data-factor][data-kind="' + kind + '"]');
      Array.prototype.forEach.call(items, function (template) {
        var item = template.cloneNode(true);
        var grade = level(kind, template.getAttribute("data-factor"));
        item.setAttribute("data-level", grade);
        item.querySelector(".selfcheck-result__level").textContent =
          templates.querySelector('[data-level="' + grade + '"]').textContent;
        factors.appendChild(item);
      });
    });
    result.hidden = false;
    result.querySelector("h2").focus();
  });

  form.addEventListener("reset", function () {
    result.hidden = true;
    window.setTimeout(showProgress, 0);
  });
  result.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  showProgress();
})();
