// The search field in the header (overrides/partials/search.html), loaded on its first use.
// Pagefind's JavaScript API answers from the index of the page's language (<html lang>), which it
// loads in small pieces; every address is relative to this site, so it works under any sub-path.
// Keyboard: arrows move between the results, Enter opens one, Escape closes the list (or the field
// on phones). The status line is a live region: screen readers hear how many results there are.
(function () {
  "use strict";
  var root = document.querySelector(".ww-search");
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var status = root.querySelector(".ww-search__status");
  var list = root.querySelector(".ww-search__results");
  var opener = root.querySelector(".ww-search__open");
  var site = new URL(root.getAttribute("data-root").replace(/\/?$/, "/"), location.href);
  var MAX_PAGES = 10, MAX_SECTIONS = 2;
  var engine = null, latest = 0, timer = 0;

  function text(name, values) {
    return root.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", site).href).then(function (api) {
        return api.options({ baseUrl: site.pathname, excerptLength: 20 }).then(function () { return api; });
      });
    }
    return engine;
  }

  // Pagefind's excerpts escape the page text and add <mark>; keep exactly that, as DOM nodes.
  function excerpt(html) {
    var template = document.createElement("template"), out = document.createElement("span");
    template.innerHTML = html;
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    out.className = "ww-search__excerpt";
    return out;
  }

  function link(url, title, html) {
    var a = document.createElement("a"), heading = document.createElement("span");
    a.href = url;
    a.className = "ww-search__link";
    heading.className = "ww-search__title";
    heading.textContent = title;
    a.appendChild(heading);
    a.appendChild(excerpt(html));
    return a;
  }

  // The page's sections (below its h2 to h6) that match best, in the page's order; the page
  // title and the text under it are the page result itself.
  function sections(page) {
    var all = (page.sub_results || []).filter(function (sub) {
      return sub.anchor && sub.anchor.element !== "h1" && weight(sub) > 0;
    });
    var best = all.slice().sort(function (a, b) { return weight(b) - weight(a); }).slice(0, MAX_SECTIONS);
    return all.filter(function (sub) { return best.indexOf(sub) !== -1; });
  }

  function weight(sub) {
    return (sub.weighted_locations || []).length;
  }

  function show(pages, total) {
    list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "ww-search__result";
      item.appendChild(link(page.url, page.meta.title || page.url, page.excerpt));
      var subs = sections(page);
      if (subs.length) {
        var nested = document.createElement("ul");
        subs.forEach(function (sub) {
          var entry = document.createElement("li");
          entry.appendChild(link(sub.url, sub.title, sub.excerpt));
          nested.appendChild(entry);
        });
        item.appendChild(nested);
      }
      list.appendChild(item);
    });
    status.textContent = total === 0 ? text("none", { query: input.value.trim() })
      : total === 1 ? text("one", {})
      : total > pages.length ? text("more", { count: total, shown: pages.length })
      : text("many", { count: total });
    root.classList.add("ww-search--results");
  }

  function close() {
    window.clearTimeout(timer);
    latest += 1;  // an answer still on its way is no longer wanted
    list.textContent = "";
    status.textContent = "";
    root.classList.remove("ww-search--results");
  }

  function search() {
    var query = input.value.trim(), ticket = ++latest;
    if (!query) { close(); return; }
    if (!engine) {
      status.textContent = text("loading", {});
      root.classList.add("ww-search--results");
    }
    pagefind().then(function (api) {
      return api.search(query);
    }).then(function (found) {
      if (ticket !== latest) return null;
      return Promise.all(found.results.slice(0, MAX_PAGES).map(function (result) { return result.data(); }))
        .then(function (pages) { if (ticket === latest) show(pages, found.results.length); });
    }).catch(function () {
      if (ticket !== latest) return;
      list.textContent = "";
      status.textContent = text("error", {});
      root.classList.add("ww-search--results");
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function move(step) {
    var all = links(), index = all.indexOf(document.activeElement) + step;
    if (!all.length) return;
    if (index < -1) index = all.length - 1;
    if (index === -1 || index >= all.length) input.focus();
    else all[index].focus();
  }

  function collapse() {
    close();
    if (root.classList.contains("ww-search--open")) {
      root.classList.remove("ww-search--open");
      opener.setAttribute("aria-expanded", "false");
      if (opener.offsetParent !== null) opener.focus();
    }
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 150);
  });
  input.addEventListener("focus", function (event) {
    pagefind();  // start loading while the reader types
    // Back in the field from elsewhere on the page: show the results of what is still typed there.
    if (!root.contains(event.relatedTarget) && input.value.trim() && !list.childNodes.length) search();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!links().length) return;
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (root.classList.contains("ww-search--results")) {
        input.focus();  // before the list goes, so that focus never falls back to the page
        close();
      } else if (root.classList.contains("ww-search--open")) {
        collapse();
      } else {
        input.value = "";
      }
    }
  });
  root.querySelector(".ww-search__close").addEventListener("click", collapse);
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) close();
  });
  // Focus leaving the search (Tab past the last result) closes the list.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });

  if (document.activeElement === input) {
    pagefind();
    if (input.value.trim()) search();
  }
})();
