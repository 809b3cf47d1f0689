// Filters on the pilot overview, and the map above the cards. Without scripts every card stays
// visible, the filters are hidden by the stylesheet (html:not(.js)) and the map is a picture.
// - "country" and "size" together describe a firm like the reader's: a card matches when one
//   partner has both; every other filter matches any value of the pilot.
// - A region's marker on the map is a button: it sets the region filter (again: clears it).
// - After every change the map shows what the cards show: lines of hidden pilots fade, each marker
//   counts the shown pilots with a partner there, the chosen region is marked as pressed.
(function () {
  "use strict";
  var form = document.querySelector(".pilot-filter");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".pilot-card"));
  var count = form.querySelector(".pilot-filter__count");
  var none = form.querySelector(".pilot-filter__none");
  var template = form.getAttribute("data-result-template");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var region = form.querySelector('select[name="region"]');
  var map = document.querySelector(".pilot-map svg");
  var markers = map ? Array.prototype.slice.call(map.querySelectorAll(".pilot-map__marker")) : [];
  var links = map ? Array.prototype.slice.call(map.querySelectorAll("[data-pilots]")) : [];

  function valueOf(name) {
    var select = form.querySelector('select[name="' + name + '"]');
    return select ? select.value : "";
  }

  function matches(card) {
    var country = valueOf("country"), size = valueOf("size");
    var partners = (card.getAttribute("data-partners") || "").split(" ");
    var firmLikeYours = partners.some(function (partner) {
      var parts = partner.split(":");
      return (!country || parts[0] === country) && (!size || parts[1] === size);
    });
    return firmLikeYours && selects.every(function (select) {
      if (!select.value || select.name === "country" || select.name === "size") return true;
      var values = (card.getAttribute("data-" + select.name) || "").split(" ");
      return values.indexOf(select.value) !== -1;
    });
  }

  function update() {
    var shown = [];
    cards.forEach(function (card) {
      var visible = matches(card);
      card.hidden = !visible;
      if (visible) shown.push(card);
    });
    // The result paragraph is a polite live region: screen readers hear the new count.
    count.textContent = template.replace("{shown}", shown.length).replace("{total}", cards.length);
    none.hidden = shown.length > 0;
    var ids = shown.map(function (card) { return card.getAttribute("data-id"); });
    links.forEach(function (link) {
      var on = link.getAttribute("data-pilots").split(" ").some(function (id) { return ids.indexOf(id) !== -1; });
      link.classList.toggle("is-faded", !on);
    });
    markers.forEach(function (marker) {
      var key = marker.getAttribute("data-region");
      var here = shown.filter(function (card) { return card.getAttribute("data-region").split(" ").indexOf(key) !== -1; });
      marker.querySelector(".pilot-map__count").textContent = here.length;
      marker.classList.toggle("is-faded", here.length === 0);
      marker.setAttribute("aria-pressed", region && region.value === key ? "true" : "false");
    });
  }

  function choose(marker) {
    var key = marker.getAttribute("data-region");
    region.value = region.value === key ? "" : key;
    update();
  }

  if (region) {
    markers.forEach(function (marker) {
      marker.setAttribute("role", "button");
      marker.setAttribute("tabindex", "0");
      marker.addEventListener("click", function () { choose(marker); });
      marker.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        choose(marker);
      });
    });
  }
  form.addEventListener("change", update);
  form.querySelector("[data-filter-reset]").addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    update();
  });
  update();
})();
