// One-key shortcuts can be turned off (WCAG 2.1.4): "/" and "s" open the search
// (partials/javascripts/search-loader.html). The theme's "n"/"p" need <link rel=next/prev> in the
// head, which overrides/main.html leaves out; they are held back too, should they ever work.
// While the switch in the footer is pressed, a listener that runs before all others (the window,
// capturing) keeps these keys from every script of the page; typing and other keys are untouched.
// The choice stays in this browser only (localStorage), so it holds on every page.
(function () {
  "use strict";
  var KEYS = /^[/snp.,]$/;
  var STORED = "wegweiser.shortcuts";
  var switches = document.querySelectorAll(".ww-shortcuts-switch");

  function off() {
    try {
      return localStorage.getItem(STORED) === "off";
    } catch (error) {
      return false; // storage blocked: the shortcuts stay as they are
    }
  }

  function show() {
    for (var i = 0; i < switches.length; i++) {
      switches[i].setAttribute("aria-pressed", off() ? "true" : "false");
      switches[i].parentElement.hidden = false;
    }
  }

  window.addEventListener("keydown", function (event) {
    if (off() && KEYS.test(event.key) && !(event.ctrlKey || event.metaKey || event.altKey)) {
      event.stopPropagation();
    }
  }, true);

  for (var i = 0; i < switches.length; i++) {
    switches[i].addEventListener("click", function () {
      try {
        if (off()) localStorage.removeItem(STORED);
        else localStorage.setItem(STORED, "off");
      } catch (error) {
        return;
      }
      show();
    });
  }
  show();
})();
