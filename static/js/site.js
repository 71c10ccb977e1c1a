// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Media players load from their provider only when the reader asks.
  document.querySelectorAll("[data-embed]").forEach(function (figure) {
    var button = figure.querySelector("[data-embed-load]");
    var note = figure.querySelector("[data-embed-note]");
    var player = figure.querySelector("template[data-embed-player]");
    if (!button || !player) {
      return;
    }
    button.hidden = false;
    if (note) {
      note.hidden = false;
    }
    button.addEventListener("click", function () {
      var content = player.content.cloneNode(true);
      var frame = content.querySelector("iframe");
      if (frame && !frame.title) {
        frame.title = figure.querySelector(".embed__title").textContent;
      }
      figure.querySelector(".embed__placeholder").replaceWith(content);
      if (frame) {
        frame.focus();
      }
    });
  });
})();

// Printing shows the content of every closed section.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details:not([open])").forEach(function (details) {
    details.setAttribute("open", "");
    details.dataset.printOpened = "true";
  });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-print-opened]").forEach(function (details) {
    details.removeAttribute("open");
    delete details.dataset.printOpened;
  });
});

// Move focus to a form's error summary so screen readers announce it first.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
