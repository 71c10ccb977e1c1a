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

// Move focus to a form's error summary so screen readers announce it first
// (its autofocus does the same without this file), and bring it into view.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }
})();

// Checklist ticks survive a reload: kept in this browser only, per page and item.
(function () {
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem("ww-test");
  } catch (error) {
    return; // Storage blocked: the boxes still tick, just not remembered.
  }
  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    list.querySelectorAll("input[data-checklist-item]").forEach(function (box) {
      var key =
        "ww-checklist:" + list.dataset.checklist + ":" + box.dataset.checklistItem;
      box.checked = storage.getItem(key) === "1";
      box.addEventListener("change", function () {
        try {
          if (box.checked) {
            storage.setItem(key, "1");
          } else {
            storage.removeItem(key);
          }
        } catch (error) {
          // Storage full or blocked: the tick stays for this visit only.
        }
      });
    });
  });
})();

// The main menu (a <details> disclosure on phones) closes with Escape.
(function () {
  var menu = document.querySelector("[data-main-nav]");
  if (!menu) {
    return;
  }
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
