// The page's analysis (hosts/web/results.js) in a real browser: Debian's
// Chromium, driven by Playwright, renders the native `itawb analyze --json`
// of the bundled examples, and every chart bar and table row is read back
// and compared with the JSON's figures, plus figures of the example's
// published document written here (as in tests/e2e/analyze_test.cpp). No
// WebAssembly needed: results.js takes the JSON as the page gets it.
//
//   node tests/e2e/web/results_test.js [--screenshot OUT.png]
//     NODE_PATH=hosts/web/node_modules; ITAWB_NATIVE (build/itawb), ITAWB_CHROMIUM
// Exit 77 (skipped) when Chromium or playwright-core is missing.
'use strict';

const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const NATIVE = process.env.ITAWB_NATIVE || path.join(ROOT, 'build/itawb');
const CHROMIUM = process.env.ITAWB_CHROMIUM || '/usr/bin/chromium';
const EXAMPLES = path.join(ROOT, 'workbooks/examples');
const shotAt = process.argv.indexOf('--screenshot');
// --screenshot DIR: the guide's pictures, DIR/results-<part>.png
const SHOT = shotAt > 0 ? process.argv[shotAt + 1] : null;

let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.log('skipped: playwright-core is not installed (cd hosts/web && npm ci)');
  process.exit(77);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  process.exit(77);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'itawb-results-'));

function analyze(name, asOf) {
  const args = ['analyze', path.join(EXAMPLES, name), '-o', path.join(tmp, name), '--json', '-q', '--as-of', asOf];
  const r = spawnSync(NATIVE, args, { encoding: 'utf8' });
  assert.notStrictEqual(r.status, 2, `itawb analyze ${name}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// The page's frame around results.js, as build_page.py puts it together.
function frame() {
  const css = fs.readFileSync(path.join(ROOT, 'hosts/web/page.css'), 'utf8');
  const js = fs.readFileSync(path.join(ROOT, 'hosts/web/results.js'), 'utf8');
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${css}</style></head>
<body><header><h1>ประมวลผลแบบฟอร์ม ITA <span class="en">ITA workbook processor (itawb)</span></h1></header>
<main><section id="pick" class="panel">pick</section><h2 id="agency"></h2><div id="results" hidden></div></main>
<script>${js}</script></body></html>`;
}

async function render(page, doc) {
  await page.setContent(frame());
  await page.evaluate((d) => {
    document.getElementById('agency').textContent = `${d.agency.name} — ITA ${d.agency.assessment_year || ''}`;
    ItawbResults.render(document.getElementById('results'), d);
  }, doc);
}

const bars = (page, chart) => page.$$eval(`svg[data-chart="${chart}"] rect.bar[data-key]`, (rs) =>
  rs.map((r) => ({ key: r.dataset.key, series: r.dataset.series, value: r.dataset.value === '' ? null : Number(r.dataset.value),
                   width: Number(r.getAttribute('width')), text: r.nextSibling ? r.nextSibling.textContent : '' })));
const rows = (page, section, attr) => page.$$eval(`section[data-section="${section}"] tbody tr`, (trs, a) =>
  trs.map((tr) => ({ key: tr.getAttribute(a), cells: Array.from(tr.cells, (c) => c.textContent) })), attr);

const two = (n) => (n === null || n === undefined ? '-' : Number(n).toFixed(2));
let checks = 0;
function eq(actual, expected, what) {
  assert.deepStrictEqual(actual, expected, what);
  checks++;
}

// Bars: one per (key, series), its value the JSON's, its length value/100 of 360 and its label the value.
function checkBars(got, expected, what) {
  eq(got.map((b) => `${b.key}/${b.series}`), expected.map((e) => `${e.key}/${e.series}`), `${what}: the bars`);
  got.forEach((b, i) => {
    eq(b.value, expected[i].value, `${what}: ${b.key} ${b.series}`);
    if (b.value !== null) assert.ok(Math.abs(b.width - (360 * b.value) / 100) < 0.11, `${what}: ${b.key} ${b.series} bar ${b.width}`);
    eq(b.text, two(expected[i].value), `${what}: ${b.key} ${b.series} label`);
  });
}

async function checkDoc(page, name, doc) {
  await render(page, doc);
  const sections = await page.$$eval('#results section', (ss) => ss.map((s) => s.dataset.section));
  const want = [];
  const scored = (pairs) => pairs.some((p) => p.score !== null || p.previous !== null);
  if (doc.tools && scored(Object.values(doc.tools))) want.push('tools');
  if (scored(doc.indicators)) want.push('indicators');
  if (doc.issues.some((i) => i.lowest.length > 0)) want.push('issues');
  if (doc.deficiencies.length) want.push('deficiencies');
  if (doc.progress) want.push('measures');
  if (doc.progress && Object.keys(doc.progress.by_owner).length) want.push('departments');
  eq(sections, want, `${name}: the sections shown`);

  if (want.includes('tools')) {
    const tools = ['IIT', 'EIT', 'OIT'];
    checkBars(await bars(page, 'tools'), tools.flatMap((t) => [
      { key: t, series: 'previous', value: doc.tools[t].previous }, { key: t, series: 'score', value: doc.tools[t].score }]), `${name} tools`);
    const r = await rows(page, 'tools', 'data-key');
    eq(r.map((x) => [x.key, x.cells[1], x.cells[2], x.cells[3]]),
      tools.map((t) => [t, two(doc.tools[t].previous), two(doc.tools[t].score),
        (doc.tools[t].change > 0 ? '+' : '') + two(doc.tools[t].change)]), `${name}: the tools' table`);
  }
  if (want.includes('indicators')) {
    checkBars(await bars(page, 'indicators'), doc.indicators.flatMap((i) => [
      { key: String(i.number), series: 'previous', value: i.previous }, { key: String(i.number), series: 'score', value: i.score }]),
    `${name} indicators`);
  }
  if (want.includes('issues')) {
    const r = await rows(page, 'issues', 'data-code');
    const expected = doc.issues.flatMap((i) => i.lowest.map((q) => [q.code, two(q.score)]));
    eq(r.map((x) => [x.key, x.cells[x.cells.length - 1]]), expected, `${name}: the lowest questions`);
  }
  if (doc.deficiencies.length) {
    const r = await rows(page, 'deficiencies', 'data-class');
    const count = {};
    for (const d of doc.deficiencies) count[d.category] = (count[d.category] || 0) + 1;
    eq(Object.fromEntries(r.map((x) => [x.key, Number(x.cells[1])])), count, `${name}: deficiencies by class`);
    const order = ['urgent', 'develop', 'maintain'].filter((c) => count[c]);
    eq(r.map((x) => x.key), order, `${name}: the most urgent class first`);
  }
  if (doc.progress) {
    const p = doc.progress;
    const r = Object.fromEntries((await rows(page, 'measures', 'data-key')).filter((x) => x.key).map((x) => [x.key, x.cells[1]]));
    eq(r, { total: String(p.total), due: String(p.due), not_yet_due: String(p.not_yet_due), overdue: String(p.overdue_count),
            done: String(p.done), in_progress: String(p.in_progress), not_started: String(p.not_started),
            not_reported: String(p.not_reported) }, `${name}: the measures' figures`);
    const late = await page.$$eval('section[data-section="measures"] tr.overdue', (trs) => trs.map((t) => t.dataset.id));
    eq(late, doc.measures.filter((m) => m.overdue).map((m) => m.id), `${name}: the overdue measures`);
    const owners = Object.entries(p.by_owner);
    if (owners.length) {
      checkBars(await bars(page, 'departments'), owners.map(([d, t]) => ({ key: d, series: 'completion',
        value: t.completion_due === null ? t.completion : t.completion_due })), `${name} departments`);
      const target = await page.$eval('svg[data-chart="departments"] line.target', (l) => Number(l.dataset.target));
      eq(target, p.target, `${name}: the target line`);
      const dr = await rows(page, 'departments', 'data-key');
      eq(dr.map((x) => [x.key, x.cells[1]]), owners.map(([d, t]) => [d, `${t.done}/${t.due}`]), `${name}: departments' rows`);
    }
  }
}

(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  try {
    // The example as its published document gives it (tests/e2e/analyze_test.cpp).
    const tt = analyze('thungthong-2567.xlsx', '2025-03-31');
    await checkDoc(page, 'thungthong-2567', tt);
    const iit = (await bars(page, 'tools')).filter((b) => b.key === 'IIT');
    eq(iit.map((b) => b.value), [94.01, 99.64], 'thungthong: IIT last year and this year as published');
    const ind4 = (await bars(page, 'indicators')).filter((b) => b.key === '4' && b.series === 'score');
    eq(ind4.map((b) => b.value), [98.59], 'thungthong: indicator 4 as published (the typed figure, not 98.99)');
    eq((await bars(page, 'indicators')).length, 20, 'thungthong: ten indicators, two bars each');
    const issue2 = (await rows(page, 'issues', 'data-code')).filter((x) => x.cells.length >= 3).slice(3, 6);
    eq(issue2.map((x) => [x.key, x.cells[x.cells.length - 1]]), [['e9', '82.49'], ['e8', '96.59'], ['e1', '96.93']],
      "thungthong: issue 2's lowest three questions");
    const urgent = (await rows(page, 'deficiencies', 'data-class')).find((x) => x.key === 'urgent');
    assert.ok(urgent && urgent.cells[0].startsWith('ข้อบกพร่องที่ต้องแก้ไขโดยเร่งด่วน') && urgent.cells[2].includes('e9 (82.49)'),
      `thungthong: e9 is the urgent deficiency: ${JSON.stringify(urgent)}`);
    checks++;

    // Printed on A4: the results only (no file picker), and it fits in pages.
    await page.emulateMedia({ media: 'print' });
    eq(await page.$eval('#pick', (e) => getComputedStyle(e).display), 'none', 'print: the file picker is not printed');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 6, `print: ${pages} A4 pages`);
    checks++;
    await page.emulateMedia({ media: 'screen' });

    for (const [name, asOf] of [['thungkraphanghom-2567-progress.xlsx', '2025-06-30'], ['patueng-2568-progress.xlsx', '2025-10-21'],
                                ['patueng-2569-plan.xlsx', '2026-03-31']]) {
      const doc = analyze(name, asOf);
      await checkDoc(page, name, doc);
    }
    if (SHOT) {
      // The guide's pictures (docs/guide/make_pictures.sh): each part of the
      // analysis as the officer sees it, from the example and a plan's progress.
      await page.setViewportSize({ width: 760, height: 700 });
      const shots = [['thungthong-2567.xlsx', '2025-10-21', ['tools', 'indicators', 'deficiencies', 'measures']],
                     ['thungkraphanghom-2567-progress.xlsx', '2025-06-30', ['departments']]];
      for (const [name, asOf, parts] of shots) {
        await render(page, analyze(name, asOf));
        for (const part of parts) {
          const file = path.join(SHOT, `results-${part}.png`);
          await page.locator(`section[data-section="${part}"]`).screenshot({ path: file });
          console.log(`screenshot: ${file}`);
        }
      }
    }
    console.log(`results.js: ${checks} checks passed on 4 examples`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
