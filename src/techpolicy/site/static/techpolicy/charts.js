/* Draws every [data-chart] element of the page from the JSON element it names (site.charts.Chart).
 *
 * The Vega libraries are large, so they are loaded only on a page that has a chart, and again for
 * content htmx brings in later (a what-if result that became ready). The Content-Security-Policy
 * forbids compiling expressions at run time: vega-embed's `ast` option makes Vega use its
 * expression interpreter instead, and its own style sheets are not injected (site.css has them).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var sources = [script.dataset.vega, script.dataset.vegaLite, script.dataset.vegaEmbed];
  var libraries = null;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.addEventListener("load", resolve);
      tag.addEventListener("error", function () { reject(new Error("could not load " + src)); });
      document.head.appendChild(tag);
    });
  }

  function loaded() {
    if (!libraries) {  // in order: vega-lite needs vega, vega-embed needs both
      libraries = sources.reduce(function (done, src) {
        return done.then(function () { return load(src); });
      }, Promise.resolve());
    }
    return libraries;
  }

  function drawOne(view) {
    var data = JSON.parse(document.getElementById(view.dataset.chart).textContent);
    var options = {
      ast: true,
      expr: window.vega.expressionInterpreter,  // vega-embed falls back to the interpreter it bundles
      renderer: "svg",
      actions: false,
      defaultStyle: false,
      tooltip: {disableDefaultStyle: true},
      formatLocale: data.formatLocale
    };
    if (data.timeFormatLocale) { options.timeFormatLocale = data.timeFormatLocale; }
    return window.vegaEmbed(view, data.spec, options).then(function () {
      view.setAttribute("data-chart-drawn", "yes");
    });
  }

  function draw(root) {
    var views = Array.prototype.slice.call((root || document).querySelectorAll("[data-chart]:not([data-chart-drawn])"));
    if (!views.length) { return; }
    views.forEach(function (view) { view.setAttribute("data-chart-drawn", "pending"); });
    loaded().then(function () {
      views.forEach(function (view) {
        drawOne(view).catch(function (error) {
          view.setAttribute("data-chart-drawn", "failed");  // the data table beside it still holds the numbers
          console.error(error);
        });
      });
    }, function (error) {
      views.forEach(function (view) { view.setAttribute("data-chart-drawn", "failed"); });
      console.error(error);
    });
  }

  draw(document);
  document.addEventListener("htmx:load", function (event) { draw(event.target); });
})();
