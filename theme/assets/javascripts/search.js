/* The search page: Pagefind's interface over the site's own index (generator/publish/search_index.py).
   A query in the address (?q=…) is searched at once, and each new query is put back in the
   address, so a search can be shared and the back button works. */
(function () {
  "use strict";
  var root = document.getElementById("mvi-search");
  if (!root || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#mvi-search",
    bundlePath: root.getAttribute("data-bundle"),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
  var input = root.querySelector("input");
  if (!input) return;
  input.addEventListener("input", function () {
    var params = new URLSearchParams(window.location.search);
    if (input.value) params.set("q", input.value);
    else params.delete("q");
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  });
})();
