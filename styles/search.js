/* search.js — the site's static search.  search-index.js names the index's
 * shards (window.UNPRESS_SEARCH = {"shards": ["search/00.js", …]}); each
 * shard is a script that registers itself under its own name in
 * window.UNPRESS_SEARCH_SHARDS (scripts, not fetch(), so the search works
 * from file:// too; the format: src/site/search_index.c).  Every shard is
 * loaded before anything is searched: a search over part of the index
 * would miss documents without saying so.  Results come in shard order,
 * then in each shard's order, whatever order the scripts arrived in.
 * Results are built with textContent only.
 *
 * Matching is on a folded form of both the query and the texts (fold()):
 * lower case, compatibility forms (full-width letters and digits),
 * accents and the Arabic diacritics (harakat, shadda, sukun, the dagger
 * alef) and tatweel dropped, the Arabic letters written several ways made
 * one (alef with hamza or madda and alef wasla as alef, teh marbuta as
 * heh, alef maksura and Farsi yeh as yeh, keheh as kaf, hamza on waw or
 * yeh as the bare letter), and
 * Arabic-Indic digits as ASCII.  A query is cut into words at spaces and
 * punctuation; a word in a script written without spaces (Chinese,
 * Japanese) is cut into overlapping pairs of characters (bigrams), so
 * that 社会发展 finds 社会发展问题 and 发展社会 does not need spaces to
 * be found: a text matches when it holds every word and every bigram.
 * The page's language sets the messages (data- attributes of the status
 * line, in English when there are none). */
(function () {
  'use strict';
  var directory = window.UNPRESS_SEARCH;
  var form = document.querySelector('form.search');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('results');
  if (!form || !input || !results) return;
  var MAX = 100;
  var said = status ? status.dataset : {};
  // a message in the page's language, {n} and {m} filled in
  function msg(key, english, n, m) {
    var text = said[key] || english;
    return text.replace('{n}', n).replace('{m}', m);
  }

  var ARABIC_FORMS = { '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
    '\u0629': '\u0647', '\u0649': '\u064a', '\u0624': '\u0648', '\u0626': '\u064a',
    '\u06cc': '\u064a', '\u06a9': '\u0643' };
  // the folded form matching is done on (see the top)
  function fold(text) {
    return text.toLowerCase().normalize('NFKD')
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
      .normalize('NFC')
      .replace(/[\u0622\u0623\u0625\u0671\u0629\u0649\u0624\u0626\u06cc\u06a9]/g, function (c) { return ARABIC_FORMS[c]; })
      .replace(/[\u0660-\u0669]/g, function (c) { return String(c.charCodeAt(0) - 0x660); })
      .replace(/[\u06f0-\u06f9]/g, function (c) { return String(c.charCodeAt(0) - 0x6f0); });
  }
  // characters of scripts written without spaces between words
  var UNSPACED = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  // the folded query as the pieces a text must hold: words, and for a run
  // of unspaced script its bigrams (a single character stands alone)
  function pieces(query) {
    var out = [];
    fold(query).split(/[\s.,;:!?()\[\]{}"'“”‘’«»„、，。；：！？（）《》〈〉「」『』【】]+/).forEach(function (word) {
      if (!word) return;
      var run = '';
      function flush() {
        if (run.length === 1) out.push(run);
        for (var i = 0; i + 1 < run.length; i++) out.push(run.substr(i, 2));
        run = '';
      }
      var rest = '';
      for (var i = 0; i < word.length; i++) {
        var c = word.charAt(i);
        if (UNSPACED.test(c)) {
          if (rest) { out.push(rest); rest = ''; }
          run += c;
        } else {
          if (run) flush();
          rest += c;
        }
      }
      if (run) flush();
      if (rest) out.push(rest);
    });
    return out;
  }
  var units = null;     // [doc, eId, text] of every shard, once all are loaded
  var lowered = null;   // their texts, folded
  var failed = null;    // why the index cannot be searched, once known

  function clear() {
    while (results.firstChild) results.removeChild(results.firstChild);
  }

  function run(query) {
    clear();
    if (failed) { status.textContent = failed; return; }
    if (!units) { status.textContent = msg('loading', 'Loading the index…'); return; }
    var words = pieces(query);
    if (!words.length) { status.textContent = msg('type', 'Type words to find.'); return; }
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
    status.textContent = found === 0 ? msg('none', 'Nothing found.') :
      found === 1 ? msg('one', '1 place found.') :
      msg('many', '{n} places found.', found + (found === MAX ? '+' : ''));
  }

  // Every shard arrived: one list of units, in the directory's order.
  function gather(names) {
    var parts = window.UNPRESS_SEARCH_SHARDS;
    var all = [];
    names.forEach(function (name) {
      var shard = parts[name];
      shard.units.forEach(function (u) { all.push([shard.docs[u[0]], u[1], u[2]]); });
    });
    lowered = all.map(function (u) { return fold(u[2]); });
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
        failed = msg('missing', 'The search index could not be loaded ({n} of {m} parts missing): ' +
          'rebuild the site, or use the index of all documents.', missing, names.length);
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
    failed = msg('failed', 'The search index could not be loaded: rebuild the site, or use the index of all documents.');
  }
  run(input.value);
  if (!failed) load(directory.shards, function () { run(input.value); });
})();
