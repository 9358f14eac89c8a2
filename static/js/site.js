// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  // The menu toggler of small screens (a link to the menu, which the CSS opens when
  // JavaScript is off) opens and closes the menu in place.
  document.querySelectorAll("a[data-menu-toggle]").forEach(function (toggler) {
    var menu = document.getElementById(toggler.getAttribute("aria-controls"));
    if (!menu) return;
    function toggle(event) {
      event.preventDefault();
      var open = menu.classList.toggle("show");
      toggler.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggler.addEventListener("click", toggle);
    toggler.addEventListener("keydown", function (event) {
      if (event.key === " ") toggle(event);
    });
  });

  // Close the account menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.account-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.account-menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  });

  // Filters and sorts never submit on change (WCAG 3.2.2): people choose, then press
  // the form's submit button.

  // Image inputs with data-preview show the chosen picture before upload.
  document.querySelectorAll("input[type=file][data-preview]").forEach(function (input) {
    var target = document.getElementById(input.dataset.preview);
    if (!target) return;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file || !file.type.startsWith("image/")) return;
      // The target is the current picture, or an empty placeholder (an <img> without a
      // source is invalid HTML) that receives one.
      var image = target;
      if (target.tagName !== "IMG") {
        image = target.querySelector("img") || target.appendChild(document.createElement("img"));
        image.alt = "";
        image.className = target.dataset.previewClass || "";
      }
      image.src = URL.createObjectURL(file);
      target.hidden = false;
    });
  });

  // Buttons with data-confirm ask before submitting their form.
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
})();
