// Lakeops clusters pane: replace the pools' section with the server's current rendering every few
// seconds, without reloading the page, so that a death, a replacement or a rotation's phase shows as
// it happens. Forms with data-confirm ask before they post. Polling pauses while an operator types
// a reason, so the field is not replaced under their fingers.
(function () {
  "use strict";
  var EVERY_MS = 2000;
  var failures = 0;

  function pane() {
    return document.getElementById("clusters-pane");
  }

  function typing() {
    var active = document.activeElement;
    return active && active.tagName === "INPUT" && pane() && pane().contains(active);
  }

  function refresh() {
    var current = pane();
    if (!current) {
      return;
    }
    if (typing()) {
      window.setTimeout(refresh, EVERY_MS);
      return;
    }
    fetch(current.getAttribute("data-pane"), {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
      redirect: "error"
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        // The server escapes every value it renders; this is its own markup.
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var next = parsed.getElementById("clusters-pane");
        if (next && !typing()) {
          pane().replaceWith(document.adoptNode(next));
        }
        failures = 0;
        window.setTimeout(refresh, EVERY_MS);
      })
      .catch(function () {
        failures += 1; // network or logged out: slow down, and stop after a while
        if (failures < 10) {
          window.setTimeout(refresh, EVERY_MS * 2);
        }
      });
  }

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  if (pane()) {
    window.setTimeout(refresh, EVERY_MS);
  }
})();
