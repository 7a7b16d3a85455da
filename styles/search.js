/* search.js — the site's static search.  Reads the index that
 * search-index.js sets (window.UNPRESS_SEARCH; a script, not fetch(), so it
 * works from file:// too), finds the units holding every word typed, and
 * lists them as links.  Results are built with textContent only. */
(function () {
  'use strict';
  var index = window.UNPRESS_SEARCH;
  var form = document.querySelector('form.search');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('results');
  if (!index || !form || !input || !results) return;
  var MAX = 100;
  var lowered = index.units.map(function (u) { return u[2].toLowerCase(); });

  function run(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!words.length) { status.textContent = 'Type words to find.'; return; }
    var found = 0;
    for (var i = 0; i < index.units.length && found < MAX; i++) {
      var text = lowered[i];
      if (!words.every(function (w) { return text.indexOf(w) >= 0; })) continue;
      var unit = index.units[i], doc = index.docs[unit[0]];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = encodeURIComponent(doc[0]) + '.html#' + encodeURIComponent(unit[1]);
      a.textContent = (doc[1] || doc[2]) + ' ' + unit[1];
      var snippet = document.createElement('p');
      snippet.textContent = unit[2];
      li.appendChild(a);
      li.appendChild(snippet);
      results.appendChild(li);
      found++;
    }
    status.textContent = found === 0 ? 'Nothing found.' :
      found + (found === MAX ? '+' : '') + ' place' + (found === 1 ? '' : 's') + ' found.';
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    run(input.value);
  });
  input.addEventListener('input', function () { run(input.value); });
  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; run(q); } else { status.textContent = 'Type words to find.'; }
})();
