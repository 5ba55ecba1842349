// The error summary at the top of a form page (GOV.UK pattern): it takes the focus when the page
// opens after a failed save, so a screen reader reads it and the keyboard starts there; each of its
// links moves the focus into the field it names, with the field's label scrolled into view.
(function () {
  "use strict";

  function fieldOf(link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    return id ? document.getElementById(id) : null;
  }

  function labelOf(field) {
    var labels = field.labels;
    if (labels && labels.length) {
      return labels[0];
    }
    var group = field.closest("fieldset");
    return group ? group.querySelector("legend") || field : field;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) {
      return;
    }
    var field = fieldOf(link);
    if (!field) {
      return;
    }
    event.preventDefault();
    labelOf(field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  });
})();
