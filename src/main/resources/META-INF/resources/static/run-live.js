// Lakeops run page: while the run is unfinished, replace its status section with the server's
// current rendering every few seconds, without reloading the page. Stops once the run has finished
// (or the session has ended), and then shows the actions that fit a finished run.
(function () {
  "use strict";
  var EVERY_MS = 2500;

  function section() {
    return document.getElementById("run-status");
  }

  function finished(el) {
    return el.getAttribute("data-finished") === "true";
  }

  function showActions(isFinished) {
    var forms = document.querySelectorAll("[data-show-when]");
    for (var i = 0; i < forms.length; i++) {
      var wanted = forms[i].getAttribute("data-show-when") === "finished";
      forms[i].hidden = wanted !== isFinished;
    }
  }

  function refresh() {
    var current = section();
    if (!current || finished(current)) {
      return;
    }
    fetch(current.getAttribute("data-status"), {
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
        var next = parsed.getElementById("run-status");
        if (!next) {
          return;
        }
        section().replaceWith(document.adoptNode(next));
        showActions(finished(next));
        if (!finished(next)) {
          window.setTimeout(refresh, EVERY_MS);
        }
      })
      .catch(function () {
        // A failed poll (network, logged out): try a little later, and stop after a while.
        failures += 1;
        if (failures < 5) {
          window.setTimeout(refresh, EVERY_MS * 2);
        }
      });
  }

  var failures = 0;
  var first = section();
  if (first && !finished(first)) {
    window.setTimeout(refresh, EVERY_MS);
  }
})();
