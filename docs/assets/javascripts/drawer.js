// The theme's menu button (phones, narrow windows) is a <label> that a keyboard cannot reach:
// make it a focusable button that opens and closes the navigation drawer with Enter or Space.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-controls", "__drawer");
  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    toggle.checked = !toggle.checked;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
    if (toggle.checked) {
      var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (first) first.focus();
    }
  });
  toggle.addEventListener("change", sync);
  sync();
})();
