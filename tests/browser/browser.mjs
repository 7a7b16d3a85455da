// browser.mjs SITE_DIR — drives Debian's chromium through playwright-core
// against a static server on 127.0.0.1 serving SITE_DIR.  Prints one
// "ok - NAME" / "not ok - NAME" line per check.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

// The ink of a PNG screenshot (8-bit RGB or RGBA, as Chromium writes
// them): the leftmost and rightmost columns holding a dark pixel, and the
// width.  Enough of a PNG decoder to read what the page looked like.
function inkColumns(png) {
  let pos = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos), kind = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); type = data[9]; }
    if (kind === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : f === 4 ? (pa <= pb && pa <= pc ? a : pb <= pc ? b : c) : 0;
      line[i] = (line[i] + pred) & 255;
    }
    rows.push(line);
    prev = line;
  }
  let left = width, right = -1;
  for (const line of rows)
    for (let x = 0; x < width; x++) {
      const lum = 0.3 * line[x * bpp] + 0.59 * line[x * bpp + 1] + 0.11 * line[x * bpp + 2];
      if (lum < 100) { left = Math.min(left, x); right = Math.max(right, x); }
    }
  return { left, right, width };
}

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

  // ---- the UN's own files in the six languages (un/: tests/corpus/ga78)
  const ar = 'un/A_RES_78_256-2326250A.html', en = 'un/A_RES_78_256-2326250E.html';
  // Right to left, read from the layout: where the paragraph numbers, the
  // cover's symbol and organization and the title's text sit, in the
  // Arabic page and in the same resolution's English one.
  const layout = async (file) => {
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(base + file);
    return page.evaluate(() => {
      const r = e => e.getBoundingClientRect();
      const nums = [...document.querySelectorAll('div.paragraph > span.num')].map(n => {
        const text = n.parentElement.querySelector(':scope > div.text');
        return { num: r(n), text: r(text) };
      });
      const h1 = document.querySelector('header.preface h1'), range = document.createRange();
      range.selectNodeContents(h1);
      return {
        direction: getComputedStyle(document.body).direction,
        numbers: nums.map(x => ({ numLeft: x.num.left, numRight: x.num.right, textLeft: x.text.left, textRight: x.text.right })),
        organization: r(document.querySelector('.cover-organization')).left,
        symbol: r(document.querySelector('.cover-symbol')).left,
        h1: { left: r(h1).left, right: r(h1).right }, title: { left: range.getBoundingClientRect().left, right: range.getBoundingClientRect().right },
      };
    });
  };
  const rtl = await layout(ar), ltr = await layout(en);
  report('Arabic page: direction rtl', rtl.direction === 'rtl' && ltr.direction === 'ltr', `${rtl.direction} ${ltr.direction}`);
  report('Arabic page: every paragraph number hangs right of its text', rtl.numbers.length > 0 &&
    rtl.numbers.every(n => n.numLeft >= n.textRight - 1), JSON.stringify(rtl.numbers.slice(0, 2)));
  report('English page: every paragraph number hangs left of its text', ltr.numbers.length > 0 &&
    ltr.numbers.every(n => n.numRight <= n.textLeft + 1), JSON.stringify(ltr.numbers.slice(0, 2)));
  report('Arabic cover: symbol on the left, organization on the right', rtl.symbol < rtl.organization &&
    ltr.symbol > ltr.organization, JSON.stringify([rtl.symbol, rtl.organization, ltr.symbol, ltr.organization]));
  report('Arabic title flush right, English flush left',
    Math.abs(rtl.title.right - rtl.h1.right) < 2 && rtl.title.left > rtl.h1.left + 50 &&
    Math.abs(ltr.title.left - ltr.h1.left) < 2 && ltr.title.right < ltr.h1.right - 50,
    JSON.stringify([rtl.h1, rtl.title, ltr.h1, ltr.title]));
  {
    // the same from the pixels: the title's ink in a screenshot of it
    await page.goto(base + ar);
    if (process.env.SHOTS) {
      fs.mkdirSync(process.env.SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(process.env.SHOTS, 'arabic.png') });
    }
    const inkAr = inkColumns(await page.locator('header.preface h1').screenshot());
    await page.goto(base + en);
    const inkEn = inkColumns(await page.locator('header.preface h1').screenshot());
    report('screenshot: the Arabic title\'s ink ends at the right edge and starts far from the left',
      inkAr.right > inkAr.width * 0.97 && inkAr.left > inkAr.width * 0.3, JSON.stringify(inkAr));
    report('screenshot: the English title\'s ink starts at the left edge', inkEn.left < inkEn.width * 0.03 &&
      inkEn.right < inkEn.width * 0.7, JSON.stringify(inkEn));
  }
  // the language switch leads to the same resolution in Chinese
  await page.goto(base + ar);
  await page.click('ul.languages a[hreflang="zh"]');
  await page.waitForLoadState('load');
  report('the language switch opens the Chinese version', page.url().endsWith('un/A_RES_78_256-2326250C.html') &&
    await page.evaluate(() => document.documentElement.lang) === 'zh', page.url());
  // a cross-reference in Chinese lands on the Chinese page it cites
  await page.click('a.xref >> nth=0');
  await page.waitForLoadState('load');
  report('a cross-reference in Chinese opens the cited Chinese page', page.url().endsWith('un/A_RES_78_255-2326245C.html'),
    page.url());
  // search: Arabic whatever the letter forms and diacritics; Chinese
  // without spaces (bigrams)
  const unShards = lang => {
    const read = f => JSON.parse(fs.readFileSync(path.join(root, 'un', f), 'utf8'));
    return read(`search-index-${lang}.json`).shards.map(read);
  };
  const holding = (lang, test) => {
    const out = [];
    for (const s of unShards(lang))
      for (const u of s.units)
        if (test(u[2])) out.push(encodeURIComponent(s.docs[u[0]][0]) + '.html#' + encodeURIComponent(u[1]));
    return out;
  };
  const searchFor = async (file, query) => {
    await page.goto(base + 'un/' + file + '?q=' + encodeURIComponent(query));
    await page.waitForFunction(() => !/…/.test(document.getElementById('search-status').textContent));
    return page.$$eval('#results li a', as => as.map(a => a.getAttribute('href')));
  };
  {
    // an Arabic word written with hamza on its alef, searched for bare,
    // with a diacritic, and its teh marbuta as heh
    const word = 'الأعضاء';
    const expected = holding('ar', t => t.includes(word));
    const asked = 'الاعضَاء';
    const got = await searchFor('search-ar.html', asked);
    report(`Arabic search: ${asked} finds every place of ${word}`, expected.length > 0 && expected.every(h => got.includes(h)),
      `${got.length} found, ${expected.length} expected`);
    const ta = holding('ar', t => t.includes('الجمعية العامة'));
    const gotTa = await searchFor('search-ar.html', 'الجمعيه العامه');
    report('Arabic search: teh marbuta typed as heh', ta.length > 0 && ta.every(h => gotTa.includes(h)),
      `${gotTa.length} found, ${ta.length} expected`);
    const none = await searchFor('search-ar.html', 'كلمةغيرموجودة');
    report('Arabic search: says nothing is found, in Arabic', none.length === 0 &&
      await page.textContent('#search-status') === 'لم يُعثر على شيء.');
  }
  {
    const phrase = '社会发展';
    const expected = holding('zh', t => t.includes(phrase));
    const got = await searchFor('search-zh.html', phrase);
    report(`Chinese search: ${phrase}, no spaces, finds every place of it`, expected.length > 0 &&
      expected.every(h => got.includes(h)), `${got.length} found, ${expected.length} expected`);
    const both = holding('zh', t => t.includes('首脑会议') && t.includes('社会发展'));
    const gotBoth = await searchFor('search-zh.html', '首脑会议 社会发展');
    report('Chinese search: two words, every place holding both', both.length > 0 &&
      JSON.stringify(both) === JSON.stringify(gotBoth), `${gotBoth.length} found, ${both.length} expected`);
  }

  // accessibility: axe on every kind of page
  for (const p of ['alpha.html', 'contract-report.html', 'contract-resolution.html', 'index.html',
    'search.html', 'cited-A_RES_99_1.html', ar, 'un/A_RES_78_318-2413498C.html', 'un/index-ar.html',
    'un/search-zh.html']) {
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
