// Lakeops dashboard charts: run durations and rows written per job, and each streaming query's
// throughput and latency, drawn with uPlot (bundled with the console, see the page) from the
// figures the console serves as JSON, refreshed every few seconds without reloading the page.
// Each chart's figure carries data-points, the number of values drawn, and shows "No data yet"
// while it has none. Times are UTC.
(function () {
  "use strict";
  var EVERY_MS = 5000;
  var HEIGHT = 200;
  var PALETTE = ["#1f5fbf", "#1c7c3c", "#9a6200", "#b3261e", "#6a3fb5", "#0f7c84", "#5d6679", "#c2185b"];
  var section = document.getElementById("charts");
  if (!section || typeof uPlot === "undefined") {
    return;
  }
  var drawn = {}; // chart name -> { plot, key }
  var failures = 0;

  function byGroup(items, group, value) {
    var groups = {};
    items.forEach(function (item) {
      var y = value(item);
      if (y === null || y === undefined) {
        return;
      }
      var name = group(item);
      (groups[name] = groups[name] || []).push([item.at, y]);
    });
    return Object.keys(groups)
      .sort()
      .map(function (name) {
        return { label: name, points: groups[name] };
      });
  }

  // uPlot wants one x array shared by all series: the union of their times, gaps as null.
  function aligned(series) {
    var times = {};
    series.forEach(function (s) {
      s.points.forEach(function (p) {
        times[p[0]] = true;
      });
    });
    var x = Object.keys(times)
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      });
    var index = {};
    x.forEach(function (t, i) {
      index[t] = i;
    });
    var data = [x];
    series.forEach(function (s) {
      var y = x.map(function () {
        return null;
      });
      s.points.forEach(function (p) {
        y[index[p[0]]] = p[1];
      });
      data.push(y);
    });
    return data;
  }

  function options(figure, series) {
    return {
      width: Math.max(figure.clientWidth - 4, 200),
      height: HEIGHT,
      tzDate: function (ts) {
        return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC");
      },
      legend: { live: false },
      axes: [
        {
          values: function (u, splits) {
            return splits.map(function (t) {
              return new Date(t * 1e3).toISOString().substring(11, 19); // UTC, as on every page
            });
          }
        },
        {}
      ],
      series: [{}].concat(
        series.map(function (s, i) {
          return {
            label: s.label,
            stroke: PALETTE[i % PALETTE.length],
            width: 1.5,
            spanGaps: true,
            points: { show: true, size: 5 }
          };
        })
      )
    };
  }

  function draw(name, series) {
    var figure = section.querySelector('[data-chart="' + name + '"]');
    var plot = figure.querySelector(".plot");
    var data = aligned(series);
    var values = 0;
    series.forEach(function (s) {
      values += s.points.length;
    });
    figure.setAttribute("data-points", String(values));
    figure.classList.toggle("no-data", values === 0);
    var key = series
      .map(function (s) {
        return s.label;
      })
      .join("\u0000");
    var current = drawn[name];
    if (current && current.key === key) {
      current.plot.setData(data);
      return;
    }
    if (current) {
      current.plot.destroy();
    }
    drawn[name] = { plot: new uPlot(options(figure, series), data, plot), key: key };
  }

  function render(figures) {
    var runs = figures.runs;
    draw("durations", byGroup(runs, function (r) { return r.job; }, function (r) { return r.seconds; }));
    draw("rows", byGroup(runs, function (r) { return r.job; }, function (r) { return r.rows; }));
    var batches = [];
    figures.streams.forEach(function (s) {
      s.batches.forEach(function (b) {
        // Queries are usually named after their job: say the job only when they are not.
        var name = s.query.indexOf(s.job) === 0 ? s.query : s.job + " " + s.query;
        batches.push({ at: b.at, name: name, input: b.input, processed: b.processed, latencyMs: b.latencyMs });
      });
    });
    draw(
      "throughput",
      byGroup(batches, function (b) { return b.name + " in"; }, function (b) { return b.input; }).concat(
        byGroup(batches, function (b) { return b.name + " processed"; }, function (b) { return b.processed; })
      )
    );
    draw(
      "latency",
      byGroup(batches, function (b) { return b.name; }, function (b) {
        return b.latencyMs === null || b.latencyMs === undefined ? null : b.latencyMs / 1000;
      })
    );
  }

  function refresh() {
    fetch(section.getAttribute("data-figures"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      redirect: "error"
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (figures) {
        render(figures);
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

  window.addEventListener("resize", function () {
    Object.keys(drawn).forEach(function (name) {
      var figure = section.querySelector('[data-chart="' + name + '"]');
      drawn[name].plot.setSize({ width: Math.max(figure.clientWidth - 4, 200), height: HEIGHT });
    });
  });

  refresh();
})();
