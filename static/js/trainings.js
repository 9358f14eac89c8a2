// Trainings pages: progressive enhancement only, every page works without this file.
(function () {
  "use strict";

  // "Print the programme" buttons stay hidden without JavaScript (browsers print anyway).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Enrolment form: show the colleague list or the other person's fields only when the
  // matching "Who will attend?" choice is selected.
  var form = document.querySelector(".enrolment-form");
  if (!form) return;
  var radios = form.querySelectorAll("input[name=who]");
  var colleague = form.querySelector(".enrol-colleague");
  var other = form.querySelector(".enrol-other");
  function update() {
    var checked = form.querySelector("input[name=who]:checked");
    var who = checked ? checked.value : "self";
    if (colleague) colleague.hidden = who !== "colleague";
    if (other) other.hidden = who !== "other";
  }
  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();
