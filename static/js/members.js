// Progressive enhancement of the members pages: the forms work without this file.
(function () {
  "use strict";

  // A live "characters left" hint under the text areas that carry data-counter (the
  // pitch); the translated label comes from the page, with %(count)s for the number.
  document.querySelectorAll("textarea[maxlength][data-counter]").forEach(function (area) {
    var limit = parseInt(area.getAttribute("maxlength"), 10);
    if (!limit) return;
    var hint = document.createElement("p");
    hint.className = "pitch-counter mb-0";
    hint.id = area.id + "-counter";
    hint.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", hint);
    var describedBy = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + hint.id);
    function update() {
      var left = limit - area.value.length;
      hint.textContent = area.dataset.counter.replace("%(count)s", String(left));
      hint.classList.toggle("is-near", left < 30);
    }
    area.addEventListener("input", update);
    update();
  });
})();

// On a phone the directory's filters start folded (unless some are in use), so that the
// results come first; without JavaScript they stay unfolded.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 767.98px)").matches) return;
  document.querySelectorAll("details[data-collapse-small=true]").forEach(function (details) {
    details.removeAttribute("open");
  });
})();

// A logo whose file cannot be loaded gives way to the organisation's initials on a coloured
// tile, as for organisations without a logo (never an empty box).
(function () {
  "use strict";
  function placeholder(img) {
    var tile = document.createElement("span");
    var size = Array.prototype.filter.call(img.classList, function (name) {
      return /^org-logo-(sm|md|lg)$/.test(name);
    });
    tile.className = ["org-logo", "org-logo-placeholder", "logo-tint-" + img.dataset.tint]
      .concat(size)
      .join(" ");
    tile.setAttribute("aria-hidden", "true");
    tile.textContent = img.dataset.initials;
    img.replaceWith(tile);
  }
  document.querySelectorAll("img.org-logo[data-initials]").forEach(function (img) {
    if (img.complete && img.naturalWidth === 0) {
      placeholder(img);
    } else {
      img.addEventListener("error", function () { placeholder(img); }, { once: true });
    }
  });
})();
