// Lakeops live panes: every element with an id and a data-pane URL is replaced with the server's
// current rendering of it every few seconds, without reloading the page, so that a cluster's death,
// a rotation's phase or a stream's progress shows as it happens. Polling pauses while an operator
// types in a pane, so the field is not replaced under their fingers. Forms with data-confirm ask
// before they post. A pane may set its own interval in milliseconds with data-every. A pane with
// data-finished (a run's status) stops being followed once the server renders it "true", and then
// shows the page's data-show-when="finished" elements instead of the "unfinished" ones.
(function () {
  "use strict";
  var EVERY_MS = 2000;

  function finished(pane) {
    return pane.getAttribute("data-finished") === "true";
  }

  function showActions(isFinished) {
    document.querySelectorAll("[data-show-when]").forEach(function (el) {
      el.hidden = (el.getAttribute("data-show-when") === "finished") !== isFinished;
    });
  }

  function typingIn(pane) {
    var active = document.activeElement;
    return active && active.tagName === "INPUT" && pane.contains(active);
  }

  function follow(id, every) {
    var failures = 0;

    function refresh() {
      var current = document.getElementById(id);
      if (!current) {
        return;
      }
      if (typingIn(current)) {
        window.setTimeout(refresh, every);
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
          var next = parsed.getElementById(id);
          var now = document.getElementById(id);
          if (next && now && !typingIn(now)) {
            now.replaceWith(document.adoptNode(next));
            if (next.hasAttribute("data-finished")) {
              showActions(finished(next));
              if (finished(next)) {
                return; // a finished run changes no more
              }
            }
          }
          failures = 0;
          window.setTimeout(refresh, every);
        })
        .catch(function () {
          failures += 1; // network or logged out: slow down, and stop after a while
          if (failures < 10) {
            window.setTimeout(refresh, every * 2);
          }
        });
    }

    window.setTimeout(refresh, every);
  }

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.querySelectorAll("[data-pane][id]").forEach(function (pane) {
    if (finished(pane)) {
      return;
    }
    var every = parseInt(pane.getAttribute("data-every"), 10);
    follow(pane.id, every > 0 ? every : EVERY_MS);
  });
})();
