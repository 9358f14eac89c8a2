// Progressive enhancement of the project forms. Without JavaScript they work the same:
// "More empty rows" buttons reload the form with more rows, and organisation names are
// typed (the server offers close matches when a name is not found).
(function () {
  "use strict";

  // "Add a row" under each consortium formset, instead of the buttons that reload the page.
  document.querySelectorAll("[data-formset-add]").forEach(function (button) {
    var prefix = button.dataset.formsetAdd;
    var template = document.getElementById(prefix + "-empty");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    var container = document.querySelector('[data-formset="' + prefix + '"]');
    if (!template || !total || !container) return;
    button.classList.remove("invisible");
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      if (max && index >= parseInt(max.value, 10)) return;
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      container.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var added = container.lastElementChild;
      var first = added && added.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    });
  });
  // Removed rather than hidden, so that Enter in a field keeps its usual default button.
  document.querySelectorAll("[data-without-js]").forEach(function (element) {
    element.remove();
  });

  // Organisation names: suggestions as one types, a few at a time from the server, in the
  // field's native <datalist> (the browser's own keyboard-accessible combobox).
  var pending = null;
  var timer = null;
  function suggest(input) {
    var list = input.list;
    var text = input.value.trim();
    if (!list || text.length < 2) return;
    if (pending) pending.abort();
    pending = new AbortController();
    var url = input.dataset.organisationSearch + "?q=" + encodeURIComponent(text);
    fetch(url, { signal: pending.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        list.replaceChildren.apply(list, data.results.map(function (label) {
          var option = document.createElement("option");
          option.value = label;
          return option;
        }));
      })
      .catch(function () { /* an aborted or failed request leaves the list as it was */ });
  }
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-organisation-search]")) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { suggest(input); }, 200);
  });
})();
