// browser.mjs SITE_DIR — drives Debian's chromium through playwright-core
// against a static server on 127.0.0.1 serving SITE_DIR.  Prints one
// "ok - NAME" / "not ok - NAME" line per check.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const root = path.resolve(process.argv[2]);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end('not found'); return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

let failures = 0;
const report = (name, ok, detail) => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
  if (!ok) { failures++; if (detail) console.log('    ' + String(detail).slice(0, 500)); }
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', e => consoleErrors.push(String(e)));
  // no page may reach the network beyond the local server
  await page.route('**/*', route => route.request().url().startsWith(base) ? route.continue() : route.abort());

  // footnote marker → note → back
  await page.goto(base + 'alpha.html');
  await page.click('a#fnref_authorialNote_1');
  report('footnote marker lands on the note', new URL(page.url()).hash === '#authorialNote_1' &&
    await page.evaluate(() => document.querySelector(':target')?.id) === 'authorialNote_1');
  await page.click('#authorialNote_1 a.backref');
  report('note links back to its marker',
    await page.evaluate(() => document.querySelector(':target')?.id) === 'fnref_authorialNote_1');

  // cross-document pinpoint link
  await page.goto(base + 'alpha.html');
  await page.click('text=TEST/2024/2, para. 2');
  await page.waitForLoadState('load');
  report('cross-document link lands on the cited paragraph',
    page.url().endsWith('beta.html#para_2') &&
    await page.evaluate(() => document.querySelector(':target')?.id) === 'para_2', page.url());
  report('cited paragraph shows its backlink', await page.locator('#para_2 aside.citedby a').count() === 1);

  // contents link
  await page.goto(base + 'contract-report.html');
  await page.click('nav.toc a[href="#chp_II"]');
  report('contents link lands on its chapter',
    await page.evaluate(() => document.querySelector(':target')?.id) === 'chp_II');
  const selfHidden = await page.evaluate(() => getComputedStyle(document.querySelector('#para_3 > a.self')).opacity);
  await page.hover('#para_3');
  const selfShown = await page.evaluate(() => getComputedStyle(document.querySelector('#para_3 > a.self')).opacity);
  report('self-link appears on hover', selfHidden === '0' && selfShown === '1', `${selfHidden} → ${selfShown}`);

  // search
  await page.goto(base + 'search.html');
  await page.fill('#q', 'zebracorn');
  await page.press('#q', 'Enter');
  const hits = await page.locator('#results li a').count();
  report('search finds a word', hits === 1, `hits ${hits}`);
  if (hits) {
    await page.click('#results li a');
    await page.waitForLoadState('load');
    report('search result opens the paragraph', page.url().endsWith('gamma.html#para_1'), page.url());
  }
  await page.goto(base + 'search.html?q=nothing-matches-this');
  report('search from the query string', /Nothing found/.test(await page.textContent('#search-status')));

  // search across shards: many/ is a generated corpus big enough for
  // several shards (t_browser.sh); what a search must list is worked out
  // here from the shard files: every unit holding the words, in shard
  // order, then in each shard's order, up to 100
  const many = path.join(root, 'many');
  const readMany = f => JSON.parse(fs.readFileSync(path.join(many, f), 'utf8'));
  const shards = readMany('search-index.json').shards.map(readMany);
  report('the generated corpus is in several shards', shards.length >= 2, `${shards.length} shards`);
  const query = 'Smuggling of migrants';
  const words = query.toLowerCase().split(' ');
  const expected = [], shardOf = {};
  shards.forEach((s, k) => {
    s.docs.forEach(d => { shardOf[d[0]] = k; });
    for (const u of s.units)
      if (words.every(w => u[2].toLowerCase().includes(w)))
        expected.push(encodeURIComponent(s.docs[u[0]][0]) + '.html#' + encodeURIComponent(u[1]));
  });
  report('the query has fewer than 100 places to find', expected.length > 0 && expected.length < 100,
    `${expected.length} places`);
  const shown = () => page.$$eval('#results li a', as => as.map(a => a.getAttribute('href')));
  const settled = () => page.waitForFunction(() =>
    !/Loading/.test(document.getElementById('search-status').textContent));
  // the first shard arrives last: the index says so until it is in, and
  // the results keep the shards' order all the same
  const first = base + 'many/search/00.js';
  await page.route(first, async route => { await new Promise(r => setTimeout(r, 1000)); await route.continue(); });
  await page.goto(base + 'many/search.html?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' });
  const loading = await page.textContent('#search-status');
  report('the search says it is loading the index', /Loading the index/.test(loading), loading);
  await settled();
  await page.unroute(first);
  const got = await shown();
  report('search across shards lists every place in shard order', JSON.stringify(got) === JSON.stringify(expected),
    `got ${got.length}: ${got.slice(0, 3)}…; expected ${expected.length}: ${expected.slice(0, 3)}…`);
  const fromShards = new Set(got.map(h => shardOf[decodeURIComponent(h.split('.html#')[0])]));
  report('search results come from documents in different shards', fromShards.size >= 2, [...fromShards].join(' '));
  await page.fill('#q', 'nothing-matches-this');
  await page.press('#q', 'Enter');
  report('search across shards: nothing found', /Nothing found/.test(await page.textContent('#search-status')));
  {
    // a shard that does not load: the search says so and lists nothing
    // (a page of its own: its console error is the expected one)
    const broken = await browser.newPage();
    await broken.route('**/*', route => route.request().url().startsWith(base) &&
      !route.request().url().endsWith('many/search/01.js') ? route.continue() : route.abort());
    await broken.goto(base + 'many/search.html?q=' + encodeURIComponent(query));
    await broken.waitForFunction(() => !/Loading/.test(document.getElementById('search-status').textContent));
    const said = await broken.textContent('#search-status');
    report('a shard that fails to load is reported, not searched around',
      /could not be loaded \(1 of \d+ parts missing\)/.test(said) && await broken.locator('#results li').count() === 0,
      said);
    await broken.close();
  }
  {
    // from file://, where the shards are scripts and not fetched
    const local = await browser.newPage();
    await local.goto('file://' + many + '/search.html?q=' + encodeURIComponent(query));
    await local.waitForFunction(() => !/Loading/.test(document.getElementById('search-status').textContent));
    const found = await local.$$eval('#results li a', as => as.map(a => a.getAttribute('href')));
    report('search across shards works from file://', JSON.stringify(found) === JSON.stringify(expected),
      `${await local.textContent('#search-status')} (${found.length} places)`);
    await local.close();
  }

  // accessibility: axe on every kind of page
  for (const p of ['alpha.html', 'contract-report.html', 'contract-resolution.html', 'index.html',
    'search.html', 'cited-A_RES_99_1.html']) {
    await page.goto(base + p);
    // the CSP forbids inline script tags: axe is evaluated directly
    const result = await page.evaluate(async (src) => {
      if (!window.axe) (0, eval)(src);
      const r = await window.axe.run(document);
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id}: ${v.nodes.length} nodes (${v.nodes[0]?.target})`);
    }, axeSource);
    report(`axe: no serious or critical violations in ${p}`, result.length === 0, result.join('; '));
  }
  const relevant = consoleErrors.filter(e => !/Content Security Policy|axe/i.test(e));
  report('no console errors', relevant.length === 0, relevant.join('; '));
  const csp = consoleErrors.filter(e => /Content Security Policy/i.test(e) && !/eval/i.test(e));
  report('no CSP violations by our own pages', csp.length === 0, csp.join('; '));
} finally {
  await browser.close();
  server.close();
}
process.exit(failures ? 1 : 0);
