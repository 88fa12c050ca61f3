extension FlameGraphSVG {
    /// The style sheet: monospace labels (their width is what ``label(_:width:fontSize:)`` assumes).
    static func style(fontSize: Int) -> String {
        """
        text { font-family: "DejaVu Sans Mono", Menlo, "Liberation Mono", Consolas, monospace; \
        font-size: \(fontSize)px; fill: rgb(0,0,0); }
        .background { fill: rgb(248,248,248); }
        .title { font-size: 17px; font-weight: bold; text-anchor: middle; }
        .subtitle { fill: rgb(80,80,80); text-anchor: middle; }
        .button { fill: rgb(6,69,173); cursor: pointer; user-select: none; }
        .button:hover { text-decoration: underline; }
        #search, #matched { text-anchor: end; }
        .hidden { display: none; }
        g.f { cursor: pointer; }
        g.f text { pointer-events: none; }
        g.f:hover rect { stroke: rgb(0,0,0); stroke-width: 0.8; }
        g.parent { opacity: 0.55; }
        svg[data-kind="differential"] g.f rect { stroke: rgb(190,190,190); stroke-width: 0.5; }

        """
    }

    /// Hover details, click-to-zoom and search; plain ECMAScript 5, no network. `window.flameGraph` exposes
    /// `zoom(frame)`, `resetZoom()`, `search(pattern)` and `clearSearch()` for scripts and checks.
    static let script = """
        (function () {
          "use strict";
          var svg = document.getElementById("flamegraph");
          var total = Number(svg.getAttribute("data-total"));
          var xpad = Number(svg.getAttribute("data-xpad"));
          var usable = Number(svg.getAttribute("data-usable"));
          var charWidth = Number(svg.getAttribute("data-charwidth"));
          var details = document.getElementById("details");
          var unzoomButton = document.getElementById("unzoom");
          var searchButton = document.getElementById("search");
          var matched = document.getElementById("matched");
          var matchFill = "rgb(230,0,230)";
          var frames = [];
          var zoomed = null;
          var pattern = null;

          Array.prototype.forEach.call(svg.querySelectorAll("g.f"), function (g) {
            var rect = g.querySelector("rect");
            var title = g.querySelector("title").textContent;
            frames.push({
              g: g, rect: rect, text: g.querySelector("text"),
              x: Number(g.getAttribute("data-x")), w: Number(g.getAttribute("data-w")),
              d: Number(g.getAttribute("data-d")), name: title.split("\\n")[0],
              info: title.split("\\n").join(" \\u00b7 "), fill: rect.getAttribute("fill")
            });
            g.flameFrame = frames[frames.length - 1];
          });

          function fit(name, width) {
            var fitting = Math.floor((width - 6) / charWidth);
            if (fitting < 3) { return ""; }
            return name.length <= fitting ? name : name.substring(0, fitting - 2) + "..";
          }

          function place(frame, x, width) {
            frame.rect.setAttribute("x", x.toFixed(2));
            frame.rect.setAttribute("width", width.toFixed(2));
            frame.text.setAttribute("x", (x + 3).toFixed(2));
            frame.text.textContent = fit(frame.name, width);
          }

          function show(frame, visible) { frame.g.style.display = visible ? "" : "none"; }

          function zoom(g) {
            var target = g.flameFrame;
            var scale = usable / target.w;
            frames.forEach(function (frame) {
              frame.g.classList.remove("parent");
              if (frame.d < target.d) {
                var encloses = frame.x <= target.x && frame.x + frame.w >= target.x + target.w;
                show(frame, encloses);
                if (encloses) { frame.g.classList.add("parent"); place(frame, xpad, usable); }
              } else if (frame.x >= target.x && frame.x + frame.w <= target.x + target.w &&
                         (frame.d > target.d || frame === target)) {
                show(frame, true);
                place(frame, xpad + (frame.x - target.x) * scale, frame.w * scale);
              } else {
                show(frame, false);
              }
            });
            zoomed = target;
            unzoomButton.classList.remove("hidden");
            if (pattern) { search(pattern.source); }
          }

          function resetZoom() {
            frames.forEach(function (frame) {
              frame.g.classList.remove("parent");
              show(frame, true);
              place(frame, xpad + frame.x / total * usable, frame.w / total * usable);
            });
            zoomed = null;
            unzoomButton.classList.add("hidden");
            if (pattern) { search(pattern.source); }
          }

          function search(source) {
            var expression;
            try { expression = new RegExp(source); } catch (error) { matched.textContent = "Bad pattern: " + error.message; return 0; }
            pattern = expression;
            var spans = [];
            frames.forEach(function (frame) {
              var hit = expression.test(frame.name);
              frame.rect.setAttribute("fill", hit ? matchFill : frame.fill);
              if (hit) { spans.push([frame.x, frame.x + frame.w]); }
            });
            var low = zoomed ? zoomed.x : 0;
            var high = zoomed ? zoomed.x + zoomed.w : total;
            spans.sort(function (a, b) { return a[0] - b[0]; });
            var covered = 0, end = low;
            spans.forEach(function (span) {
              var from = Math.max(span[0], end), to = Math.min(span[1], high);
              if (to > from) { covered += to - from; end = to; }
            });
            var share = covered / (high - low) * 100;
            matched.textContent = "Matched: " + share.toFixed(1) + "%";
            searchButton.textContent = "Clear Search";
            return share;
          }

          function clearSearch() {
            pattern = null;
            frames.forEach(function (frame) { frame.rect.setAttribute("fill", frame.fill); });
            matched.textContent = "";
            searchButton.textContent = "Search";
          }

          function promptSearch() {
            if (pattern) { clearSearch(); return; }
            var source = window.prompt("Search for frames matching (regular expression):", "");
            if (source) { search(source); }
          }

          function frameOf(node) {
            while (node && node !== svg) {
              if (node.flameFrame) { return node; }
              node = node.parentNode;
            }
            return null;
          }

          svg.addEventListener("click", function (event) {
            var g = frameOf(event.target);
            if (g) { zoom(g); }
            else if (event.target === unzoomButton) { resetZoom(); }
            else if (event.target === searchButton) { promptSearch(); }
          });
          svg.addEventListener("mouseover", function (event) {
            var g = frameOf(event.target);
            if (g) { details.textContent = g.flameFrame.info; }
          });
          svg.addEventListener("mouseout", function (event) {
            if (frameOf(event.target)) { details.textContent = " "; }
          });
          window.addEventListener("keydown", function (event) {
            if ((event.ctrlKey || event.metaKey) && event.key === "f" || event.key === "/") {
              event.preventDefault();
              promptSearch();
            } else if (event.key === "Escape") {
              clearSearch();
              resetZoom();
            }
          });
          window.flameGraph = { zoom: zoom, resetZoom: resetZoom, search: search, clearSearch: clearSearch };
        })();

        """
}
