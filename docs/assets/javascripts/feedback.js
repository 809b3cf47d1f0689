// The feedback form of the accessibility statement (wegweiser/render/feedback.py). It sends nothing itself: it
// writes the answers into a mailto: link, so the reader's own mail program opens the message.
// Without scripts the form is hidden by the stylesheet and the plain mail link below it remains.
(function () {
  "use strict";
  var form = document.querySelector("form.feedback-form");
  if (!form) return;
  var problem = form.querySelector("[name=problem]");
  var error = document.getElementById(problem.id + "-error");
  var status = form.querySelector(".feedback-form__status");
  var address = form.getAttribute("data-address");

  function labelOf(field) {
    var label = form.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.trim() : field.name;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!problem.value.trim()) {
      // The message is tied to the field (aria-describedby) and read out when focus lands there.
      error.hidden = false;
      problem.setAttribute("aria-invalid", "true");
      status.textContent = "";
      problem.focus();
      return;
    }
    error.hidden = true;
    problem.removeAttribute("aria-invalid");
    var lines = [];
    Array.prototype.forEach.call(form.querySelectorAll("input, textarea"), function (field) {
      if (field.value.trim()) lines.push(labelOf(field) + "\n" + field.value.trim() + "\n");
    });
    var href = "mailto:" + encodeURIComponent(address).replace("%40", "@") +
      "?subject=" + encodeURIComponent(form.getAttribute("data-subject")) +
      "&body=" + encodeURIComponent(lines.join("\n"));
    // Say what should happen, with the composed message as a link in case no mail program answers.
    var parts = form.getAttribute("data-opened").split("{address}");
    var link = document.createElement("a");
    link.href = href;
    link.textContent = address;
    status.textContent = "";
    status.appendChild(document.createTextNode(parts[0]));
    status.appendChild(link);
    status.appendChild(document.createTextNode(parts.slice(1).join(address)));
    window.location.href = href;
  });

  problem.addEventListener("input", function () {
    if (problem.value.trim()) {
      error.hidden = true;
      problem.removeAttribute("aria-invalid");
    }
  });
})();
