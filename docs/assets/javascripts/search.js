// The search field in the header (overrides/partials/search.html), loaded on its first use.
// Pagefind's JavaScript API answers from the index of the page's language (pagefind/<html lang>/),
// which it loads in small pieces; every address is relative to this site, so it works under any
// sub-path.
// The theme's #__search toggle opens the field (over the page on phones) and shows the results.
// Keyboard: arrows move between the results, Enter opens one, Escape closes the search. The status
// line is a live region: screen readers hear how many results there are. Its texts come from
// data/labels.yaml through search-texts.json, which the build writes (hooks/search_index.py).
(function () {
  "use strict";
  var root = document.getElementById("ww-search");
  if (!root || root.hasAttribute("data-ready")) return;
  root.setAttribute("data-ready", "");
  var toggle = document.getElementById("__search");
  var form = root.querySelector(".md-search__form");
  var input = root.querySelector("input");
  var status = document.createElement("div"), list = document.createElement("ol");
  var site = new URL(root.getAttribute("data-root").replace(/\/?$/, "/"), location.href);
  var MAX_PAGES = 10, MAX_SECTIONS = 2;
  var engine = null, latest = 0, timer = 0, words = {};

  // The result list in the theme's markup; the status line is there before the first answer, so
  // that screen readers announce it.
  var output = document.createElement("div");
  output.className = "md-search__output";
  output.innerHTML = '<div class="md-search__scrollwrap"><div class="md-search-result"></div></div>';
  status.className = "md-search-result__meta";
  status.setAttribute("role", "status");
  list.className = "md-search-result__list";
  output.querySelector(".md-search-result").appendChild(status);
  output.querySelector(".md-search-result").appendChild(list);
  form.parentNode.appendChild(output);

  var styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = new URL("assets/stylesheets/search.css", site).href;
  document.head.appendChild(styles);
  var texts = fetch(new URL("assets/javascripts/search-texts.json", site).href).then(function (response) {
    return response.json();
  }).then(function (all) {
    words = all[document.documentElement.lang] || {};
    var hint = document.createElement("span");  // how to use the list, read with the field
    hint.id = "ww-search-hint";
    hint.className = "visually-hidden";
    hint.textContent = text("hint", {});
    form.appendChild(hint);
    input.setAttribute("aria-describedby", hint.id);
  }).catch(function () {});  // without its texts the list still works

  function text(name, values) {
    return (words[name] || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function pagefind() {
    if (!engine) {
      var bundle = new URL("pagefind/" + document.documentElement.lang + "/pagefind.js", site).href;
      engine = import(bundle).then(function (api) {
        return api.options({ baseUrl: site.pathname, excerptLength: 20 }).then(function () { return api; });
      });
    }
    return engine;
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));  // the theme locks the page's scrolling on phones
    }
  }

  // Pagefind's excerpts escape the page text and add <mark>; keep exactly that, as DOM nodes.
  function excerpt(html) {
    var template = document.createElement("template"), out = document.createElement("p");
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
    out.className = "md-search-result__teaser";
    return out;
  }

  function link(url, title, html, kind) {
    // A div, not the theme's <article>: Chromium does not name a link from an article inside it.
    var a = document.createElement("a"), article = document.createElement("div"), heading = document.createElement("p");
    a.href = url;
    a.className = "md-search-result__link";
    article.className = "md-search-result__article md-typeset ww-search__" + kind;
    heading.className = "ww-search__title";
    heading.textContent = title;
    article.appendChild(heading);
    article.appendChild(excerpt(html));
    a.appendChild(article);
    return a;
  }

  function weight(sub) {
    return (sub.weighted_locations || []).length;
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

  function show(pages, total) {
    list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      item.appendChild(link(page.url, page.meta.title || page.url, page.excerpt, "page"));
      sections(page).forEach(function (sub) {
        item.appendChild(link(sub.url, sub.title, sub.excerpt, "section"));
      });
      list.appendChild(item);
    });
    status.textContent = total === 0 ? text("none", { query: input.value.trim() })
      : total === 1 ? text("one", {})
      : total > pages.length ? text("more", { count: total, shown: pages.length })
      : text("many", { count: total });
  }

  function clear() {
    window.clearTimeout(timer);
    latest += 1;  // an answer still on its way is no longer wanted
    list.textContent = "";
    status.textContent = "";
  }

  function search() {
    var query = input.value.trim(), ticket = ++latest;
    if (!query) { clear(); return; }
    setOpen(true);
    if (!engine) status.textContent = text("loading", {});
    Promise.all([pagefind(), texts]).then(function (ready) {
      return ready[0].search(query);
    }).then(function (found) {
      if (ticket !== latest) return null;
      return Promise.all(found.results.slice(0, MAX_PAGES).map(function (result) { return result.data(); }))
        .then(function (pages) { if (ticket === latest) show(pages, found.results.length); });
    }).catch(function () {
      if (ticket !== latest) return;
      list.textContent = "";
      status.textContent = text("error", {});
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function move(step) {
    var all = links(), index = all.indexOf(document.activeElement) + step;
    if (index < -1) index = all.length - 1;
    if (index === -1 || index >= all.length) input.focus();
    else all[index].focus();
  }

  // Escape: back to the field, whose text stays for another try. On phones the field closes with
  // the list (as the theme's back arrow does), and focus leaves it, so that Tab goes on from there.
  function close() {
    input.focus();
    clear();
    setOpen(false);
    if (window.matchMedia("(max-width: 59.984375em)").matches) input.blur();  // the theme's phone layout
  }

  toggle.addEventListener("change", function () {
    if (!toggle.checked) clear();  // the back arrow, or a click beside the results
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 150);
  });
  input.addEventListener("focus", function (event) {
    pagefind();  // start loading while the reader types
    setOpen(true);
    // Back in the field from elsewhere on the page: show the results of what is still typed there.
    if (!root.contains(event.relatedTarget) && input.value.trim()) search();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  root.addEventListener("keydown", function (event) {
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && links().length) {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  // Focus leaving the search (Tab past the last result) closes it.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) {
      clear();
      setOpen(false);
    }
  });

  if (document.activeElement === input) {
    pagefind();
    setOpen(true);
    if (input.value.trim()) timer = window.setTimeout(search, 150);  // typed before this script came
  }
})();
