// The page frame by keyboard and screen reader (WCAG 2.2 AA, issue 13), on top of the theme's
// checkbox toggles, which stay the source of truth (the theme's styles and scripts read them):
// - The menu button opens the navigation drawer (below the theme's 76.25em breakpoint) as a modal
//   dialog: focus moves in and stays in, Escape or the close button closes it and focus returns to
//   the button; while closed the drawer is inert, so its links are no invisible tab stops.
// - The navigation's section toggles, the phone menu's "back" titles and the current page's table
//   of contents are buttons (overrides/partials/nav-item.html) that tick the theme's checkboxes
//   (data-toggle); on phones focus follows the pane that slides in or out.
// - The language switcher is a disclosure: its button opens the list, Escape closes it.
// - Tables wider than the text scroll on their own: such a wrapper becomes a named region in the
//   tab order, so that the keyboard can scroll it.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 76.25em)");  // the theme's sidebar breakpoint
  var each = function (selector, action) { Array.prototype.forEach.call(document.querySelectorAll(selector), action); };

  function tick(checkbox, on) {
    if (checkbox.checked !== on) checkbox.click();  // a click, as the theme's own code does: "change" follows
  }

  function shown(element) {
    return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true })
      : element.getClientRects().length > 0;
  }

  function tabbable(container) {
    return Array.prototype.filter.call(container.querySelectorAll(
      "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]"
    ), function (element) {
      return element.tabIndex >= 0 && !element.closest("[inert]") && shown(element);
    });
  }

  // --- The drawer -------------------------------------------------------------------------------
  var toggle = document.getElementById("__drawer");
  var menu = document.querySelector(".ww-menu-button");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (toggle && menu && drawer) {
    drawer.id = menu.getAttribute("aria-controls");
    var outside = [], hashAtOpen = null;

    var setOutside = function (inert) {
      outside.forEach(function (element) { element.inert = false; });
      outside = [];
      if (!inert) return;
      for (var node = drawer; node.parentElement && node !== document.body; node = node.parentElement) {
        Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
          // The theme's toggles and overlay stay: a click beside the drawer closes it.
          if (sibling === node || sibling.inert || /^(SCRIPT|INPUT)$/.test(sibling.tagName)
              || sibling.classList.contains("md-overlay")) return;
          sibling.inert = true;
          outside.push(sibling);
        });
      }
    };

    var sync = function () {
      var dialog = toggle.checked && !wide.matches;
      menu.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      drawer.inert = !wide.matches && !toggle.checked;
      if (dialog) {
        drawer.setAttribute("role", "dialog");
        drawer.setAttribute("aria-modal", "true");
        drawer.setAttribute("aria-label", menu.getAttribute("aria-label"));
      } else {
        ["role", "aria-modal", "aria-label"].forEach(function (name) { drawer.removeAttribute(name); });
      }
      setOutside(dialog);
      return dialog;
    };

    menu.addEventListener("click", function () { tick(toggle, !toggle.checked); });
    toggle.addEventListener("change", function () {
      if (sync()) {
        hashAtOpen = location.hash;
        // The current page's entry (in the pane of its section), else the first control.
        var stops = tabbable(drawer), current = drawer.querySelector(".md-nav__link--active");
        var first = current && stops.indexOf(current) !== -1 ? current : stops[0];
        if (first) first.focus();
      } else if (!wide.matches) {
        var target = hashAtOpen !== location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (target) {  // a link of the table of contents was followed: go on reading there
          target.setAttribute("tabindex", "-1");
          target.focus({ preventScroll: true });
        } else {
          menu.focus();
        }
      }
    });
    each("[data-drawer-close]", function (button) {
      button.addEventListener("click", function () { tick(toggle, false); });
    });
    document.addEventListener("keydown", function (event) {
      if (!toggle.checked || wide.matches) return;
      if (event.key === "Escape") {
        event.preventDefault();
        tick(toggle, false);
      } else if (event.key === "Tab") {
        var stops = tabbable(drawer), index = stops.indexOf(document.activeElement);
        if (!stops.length) return;
        if (event.shiftKey && index <= 0) {
          event.preventDefault();
          stops[stops.length - 1].focus();
        } else if (!event.shiftKey && (index === -1 || index === stops.length - 1)) {
          event.preventDefault();
          stops[0].focus();
        }
      }
    });
    wide.addEventListener("change", sync);
    sync();
  }

  // --- Sections of the navigation, the phone menu's panes -----------------------------------------
  each("button[data-toggle]", function (button) {
    var box = document.getElementById(button.getAttribute("data-toggle"));
    if (!box) return;
    var opener = !button.classList.contains("ww-nav-back");
    var sync = function () { if (opener) button.setAttribute("aria-expanded", box.checked ? "true" : "false"); };
    box.addEventListener("change", sync);
    sync();
    button.addEventListener("click", function () {
      tick(box, opener ? !box.checked : false);
      if (wide.matches && box.id !== "__toc") return;  // a tree on wide screens: the button stays put
      // Panes on phones: focus goes along, into the pane that opened or back to what opened it.
      var selector = opener ? 'button.ww-nav-back[data-toggle="' + box.id + '"]'
        : 'button[data-toggle="' + box.id + '"]:not(.ww-nav-back)';
      var next = Array.prototype.filter.call(document.querySelectorAll(selector), function (candidate) {
        return drawer && drawer.contains(candidate);
      })[0];
      if (next) next.focus();
    });
  });

  // --- The language switcher ----------------------------------------------------------------------
  each(".ww-languages", function (select) {
    var button = select.querySelector("button[aria-expanded]");
    var set = function (open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      select.classList.toggle("is-open", open);
    };
    button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && select.classList.contains("is-open")) {
        event.preventDefault();
        event.stopPropagation();
        set(false);
        button.focus();
      }
    });
    select.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !select.contains(event.relatedTarget)) set(false);
    });
    document.addEventListener("click", function (event) {
      if (!select.contains(event.target)) set(false);
    });
  });

  // --- Tables that scroll on their own ------------------------------------------------------------
  function heading(element) {
    for (var node = element; node; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName) && before.id) return before;
      }
    }
    return null;
  }
  function regions() {
    each(".md-typeset__scrollwrap, .table-scroll", function (wrap) {
      var title = heading(wrap);
      if (wrap.scrollWidth > wrap.clientWidth + 1 && title) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-labelledby", title.id);
      } else {
        ["tabindex", "role", "aria-labelledby"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }
  // The theme wraps the tables when its own script runs; sizes change with the window.
  if (document.readyState === "complete") regions();
  else window.addEventListener("load", regions);
  var timer = 0;
  window.addEventListener("resize", function () { window.clearTimeout(timer); timer = window.setTimeout(regions, 100); });
})();
