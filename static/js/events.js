// Progressive enhancement of the events pages: every page works without this file.
(function () {
  "use strict";
  // Read-only calendar addresses select themselves on focus, ready to copy.
  document.querySelectorAll("input[data-copy]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
