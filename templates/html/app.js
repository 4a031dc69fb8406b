// Search and filters of the public catalog. Works from file:// (no requests); without
// JavaScript every row stays visible.
(function () {
  "use strict";
  var q = document.getElementById("q");
  var dept = document.getElementById("dept");
  var cat = document.getElementById("cat");
  var count = document.getElementById("count");
  var empty = document.getElementById("empty");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#catalog tbody tr"));
  if (!q || !dept || !cat) return;

  function apply() {
    var words = q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = (row.getAttribute("data-search") || "").toLowerCase();
      var ok = (!dept.value || row.getAttribute("data-dept") === dept.value) &&
               (!cat.value || row.getAttribute("data-cat") === cat.value) &&
               words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown === rows.length ? "共 " + rows.length + " 项"
                                              : "显示 " + shown + " 项（共 " + rows.length + " 项）";
    empty.hidden = shown !== 0;
    var state = new URLSearchParams();
    if (q.value) state.set("q", q.value);
    if (dept.value) state.set("dept", dept.value);
    if (cat.value) state.set("cat", cat.value);
    var hash = state.toString();
    if (history.replaceState) history.replaceState(null, "", hash ? "#" + hash : location.pathname);
  }

  // Restore filters from the address (a filtered list can be bookmarked or shared).
  var saved = new URLSearchParams(location.hash.replace(/^#/, ""));
  q.value = saved.get("q") || "";
  dept.value = saved.get("dept") || "";
  cat.value = saved.get("cat") || "";
  q.addEventListener("input", apply);
  dept.addEventListener("change", apply);
  cat.addEventListener("change", apply);
  apply();
})();
