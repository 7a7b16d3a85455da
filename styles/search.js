/* search.js — the site's static search.  search-index.js names the index's
 * shards (window.UNPRESS_SEARCH = {"shards": ["search/00.js", …]}); each
 * shard is a script that registers itself under its own name in
 * window.UNPRESS_SEARCH_SHARDS (scripts, not fetch(), so the search works
 * from file:// too; the format: src/site/search_index.c).  Every shard is
 * loaded before anything is searched: a search over part of the index
 * would miss documents without saying so.  Results come in shard order,
 * then in each shard's order, whatever order the scripts arrived in.
 * Results are built with textContent only. */
(function () {
  'use strict';
  var directory = window.UNPRESS_SEARCH;
  var form = document.querySelector('form.search');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('results');
  if (!form || !input || !results) return;
  var MAX = 100;
  var units = null;     // [doc, eId, text] of every shard, once all are loaded
  var lowered = null;   // their texts in lower case
  var failed = null;    // why the index cannot be searched, once known

  function clear() {
    while (results.firstChild) results.removeChild(results.firstChild);
  }

  function run(query) {
    clear();
    if (failed) { status.textContent = failed; return; }
    if (!units) { status.textContent = 'Loading the index…'; return; }
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = 'Type words to find.'; return; }
    var found = 0;
    for (var i = 0; i < units.length && found < MAX; i++) {
      var text = lowered[i];
      if (!words.every(function (w) { return text.indexOf(w) >= 0; })) continue;
      var unit = units[i], doc = unit[0];
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

  // Every shard arrived: one list of units, in the directory's order.
  function gather(names) {
    var parts = window.UNPRESS_SEARCH_SHARDS;
    var all = [];
    names.forEach(function (name) {
      var shard = parts[name];
      shard.units.forEach(function (u) { all.push([shard.docs[u[0]], u[1], u[2]]); });
    });
    lowered = all.map(function (u) { return u[2].toLowerCase(); });
    units = all;
  }

  // Load every shard's script; run the search asked for once all are in.
  function load(names, then) {
    var pending = names.length, missing = 0;
    window.UNPRESS_SEARCH_SHARDS = window.UNPRESS_SEARCH_SHARDS || {};
    function settled(name, ok) {
      // a script that loaded but registered nothing is a failure too
      if (!ok || !window.UNPRESS_SEARCH_SHARDS[name]) missing++;
      if (--pending > 0) return;
      if (missing) {
        failed = 'The search index could not be loaded (' + missing + ' of ' + names.length +
          ' parts missing): rebuild the site, or use the index of all documents.';
      } else {
        gather(names);
      }
      then();
    }
    if (!pending) { gather(names); then(); return; }
    names.forEach(function (name) {
      var script = document.createElement('script');
      script.src = name;
      script.onload = function () { settled(name, true); };
      script.onerror = function () { settled(name, false); };
      document.head.appendChild(script);
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    run(input.value);
  });
  input.addEventListener('input', function () { run(input.value); });
  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;
  if (!directory || !Array.isArray(directory.shards)) {
    failed = 'The search index could not be loaded: rebuild the site, or use the index of all documents.';
  }
  run(input.value);
  if (!failed) load(directory.shards, function () { run(input.value); });
})();
