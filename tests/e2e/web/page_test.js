// The offline page in a real browser: Debian's Chromium, driven by
// Playwright, opens build-wasm/itawb.html from disk (file://) and uses it as
// an officer would: pick the example, analyse it (and its .xls and .ods
// copies, picked and dropped), check it, make the blank form, split it by
// department, merge the returns, and try a broken file.
// Every figure, finding and downloaded workbook is compared with what the
// native command line (build/itawb) gives for the same input.
//
//   node tests/e2e/web/page_test.js   (NODE_PATH=hosts/web/node_modules; run by tests/e2e/web/run.sh)
'use strict';

const assert = require('assert');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../../..');
const PAGE = process.env.ITAWB_PAGE || path.join(ROOT, 'build-wasm/itawb.html');
const NATIVE = process.env.ITAWB_NATIVE || path.join(ROOT, 'build/itawb');
const CHROMIUM = process.env.ITAWB_CHROMIUM || '/usr/bin/chromium';
const EXAMPLES = path.join(ROOT, 'workbooks/examples');
const AS_OF = '2025-10-21';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'itawb-page-'));

function native(args) {
  const r = spawnSync(NATIVE, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sameWorkbook(a, b, ...skip) {
  const args = [path.join(ROOT, 'hosts/cross/compare.py'), a, b].concat(...skip.map((s) => ['--skip-sheet', s]));
  const r = spawnSync('/usr/bin/python3', args, { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `${path.basename(b)} differs from the native output:\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

function zipNames(file) {
  const code = 'import sys, zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))';
  return execFileSync('/usr/bin/python3', ['-c', code, file], { encoding: 'utf8' }).trim().split('\n');
}

// Runs `action` (a click, files given to a picker) and waits for the run it
// starts to end. The status line is emptied first: while the next run reads
// its files the page still shows the last run's "เสร็จแล้ว", which was taken
// for the end of the new one (merge then downloaded split's zip).
async function whenDone(page, action) {
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await action();
  await page.waitForFunction(() => {
    const s = document.getElementById('status').textContent;
    return /เสร็จแล้ว|ไม่สำเร็จ/.test(s);
  }, null, { timeout: 180000 });
  return page.textContent('#status');
}

async function download(page, index, name) {
  const links = page.locator('#download-list a');
  const [dl] = await Promise.all([page.waitForEvent('download'), links.nth(index).click()]);
  const file = path.join(tmp, name || dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, suggested: dl.suggestedFilename() };
}

async function findingRows(page) {
  return page.$$eval('#findings-body tr', (rows) => rows.map((r) => Array.from(r.cells, (c) => c.textContent)));
}

const checks = [];
function check(name, fn) { checks.push({ name, fn }); }

check('the page says no data leaves the PC, and needs no network', async (page, requests) => {
  const text = await page.textContent('#privacy');
  assert.match(text, /ไม่มีข้อมูลใดถูกส่งออกจากเครื่อง/);
  assert.match(text, /no data leaves it/);
  assert.deepStrictEqual(requests.filter((u) => !/^(file|data|blob):/.test(u)), []);
});

check('analyze: figures, findings and the workbook equal the native CLI', async (page) => {
  const input = path.join(EXAMPLES, 'thungthong-2567.xlsx');
  const out = path.join(tmp, 'native-analysis.xlsx');
  const ref = native(['analyze', input, '-o', out, '--json', '-q', '--as-of', AS_OF]);
  const summary = JSON.parse(ref.stdout);
  await page.setInputFiles('#file', input);
  await page.fill('#as-of', AS_OF);
  const status = await whenDone(page, () => page.click('#analyze'));
  assert.match(status, /วิเคราะห์เสร็จแล้ว/);
  assert.strictEqual(await page.textContent('#score'), summary.overall.score.toFixed(2));
  assert.strictEqual(await page.textContent('#level'), `${summary.overall.level} (${summary.overall.level_en})`);
  assert.strictEqual(await page.textContent('#tool-OIT'), summary.tools.OIT.score.toFixed(2));
  const rows = await findingRows(page);
  assert.strictEqual(rows.length, summary.findings.length);
  summary.findings.forEach((f, i) => {
    assert.strictEqual(rows[i][1], f.cell ? `${f.sheet}!${f.cell}` : f.sheet);
    assert.strictEqual(rows[i][2], f.message_th);
  });
  const { file, suggested } = await download(page, 0);
  assert.strictEqual(suggested, 'thungthong-2567-ผลวิเคราะห์.xlsx');
  return sameWorkbook(out, file);
});

check('validate: the same findings as the native CLI', async (page) => {
  const input = path.join(EXAMPLES, 'thungthong-2567-indicators.xlsx');
  const ref = JSON.parse(native(['validate', input, '--json']).stdout).files[0].findings;
  await page.setInputFiles('#file', input);
  await whenDone(page, () => page.click('#validate'));
  const rows = await findingRows(page);
  assert.strictEqual(rows.length, ref.length);
  ref.forEach((f, i) => assert.strictEqual(rows[i][3], f.message_en));
  return `${rows.length} findings`;
});

check('a broken file: refused with the native message, in Thai and English', async (page) => {
  const broken = path.join(tmp, 'เสีย.xlsx');
  fs.writeFileSync(broken, 'this is not a workbook');
  const ref = native(['analyze', broken, '-o', path.join(tmp, 'x.xlsx')]);
  assert.strictEqual(ref.code, 2);
  await page.setInputFiles('#file', broken);
  const status = await whenDone(page, () => page.click('#analyze'));
  assert.match(status, /ไม่สำเร็จ/);
  const rows = await findingRows(page);
  assert.strictEqual(rows.length, 1);
  const [th, en] = ref.stderr.trim().split('\n').map((l) => l.replace(/^[^:]*:\s*/, ''));
  assert.strictEqual(rows[0][2], th);
  assert.strictEqual(rows[0][3], en);
  assert.strictEqual(await page.locator('#download-list a').count(), 0);
  return rows[0][2];
});

check('template: the blank form equals the native one', async (page) => {
  const out = path.join(tmp, 'native-template.xlsx');
  native(['template', '-o', out, '-q']);
  await page.fill('#year', '');
  await whenDone(page, () => page.click('#template'));
  const { file } = await download(page, 0, 'page-template.xlsx');
  return sameWorkbook(out, file);
});

check('split and merge: the department workbooks (zip) and the merged master equal the native ones', async (page) => {
  const input = path.join(EXAMPLES, 'patueng-2569-plan.xlsx');
  const dir = path.join(tmp, 'native-split');
  native(['split', input, '--by', 'owner', '-o', dir, '-q', '--as-of', AS_OF]);
  const expected = fs.readdirSync(dir).sort();
  assert.ok(expected.length >= 2, `native split wrote ${expected.length} files`);
  await page.setInputFiles('#file', input);
  await page.fill('#as-of', AS_OF);
  await whenDone(page, () => page.click('#split'));
  const { file } = await download(page, 0);
  assert.deepStrictEqual(zipNames(file), expected);
  const unpacked = path.join(tmp, 'page-split');
  execFileSync('/usr/bin/python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', file, unpacked]);
  // The identity sheet records the time of each split: every other cell is equal.
  // (Beside the workbooks, split writes its record .itawb-split.json.)
  const workbooks = expected.filter((n) => n.endsWith('.xlsx'));
  for (const name of workbooks) sameWorkbook(path.join(dir, name), path.join(unpacked, name), '_itawb');

  // The returns: the native split's files, merged natively and in the page.
  const returns = workbooks.map((n) => path.join(dir, n));
  const merged = path.join(tmp, 'native-merged.xlsx');
  native(['merge', input, ...returns, '-o', merged]);
  await whenDone(page, () => page.setInputFiles('#returns', returns));
  const got = await download(page, 0);
  assert.strictEqual(got.suggested, 'patueng-2569-plan-รวมผล.xlsx');
  assert.match(await page.textContent('#report-text'), /รวมแล้ว/);
  return `${expected.length} departments; merged: ${sameWorkbook(merged, got.file)}`;
});

check('the picker and the drop zone take .xlsx, .xls and .ods', async (page) => {
  for (const id of ['#file', '#returns']) {
    const accept = (await page.getAttribute(id, 'accept')).split(',');
    for (const ext of ['.xlsx', '.xls', '.ods']) assert.ok(accept.includes(ext), `${id} accept="${accept}" lacks ${ext}`);
  }
  assert.match(await page.textContent('#drop'), /\.xls\b.*\.ods/);
  return 'accept lists .xlsx, .xls, .ods';
});

// The example as LibreOffice saves it in Excel 97-2003 and OpenDocument form,
// each given once through the file picker and once dropped on the drop zone:
// the figures of the .xlsx, the findings the native CLI gives for that file.
async function dropFile(page, file) {
  const b64 = fs.readFileSync(file).toString('base64');
  const dt = await page.evaluateHandle(({ b64, name }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const d = new DataTransfer();
    d.items.add(new File([bytes], name));
    return d;
  }, { b64, name: path.basename(file) });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
}

const FIXTURES = path.join(ROOT, 'tests/fixtures');
for (const [kind, file] of [['.xls', 'xls/thungthong-2567.libreoffice.xls'], ['.ods', 'ods/thungthong-2567.libreoffice.ods']]) {
  for (const how of ['picker', 'drop zone']) {
    check(`analyze an ${kind} given by the ${how}: the figures of the .xlsx`, async (page) => {
      const input = path.join(FIXTURES, file);
      const xlsx = JSON.parse(native(['analyze', path.join(EXAMPLES, 'thungthong-2567.xlsx'), '-o', path.join(tmp, 'x.xlsx'),
        '--json', '-q', '--as-of', AS_OF]).stdout);
      const out = path.join(tmp, `native${kind}.xlsx`);
      const ref = JSON.parse(native(['analyze', input, '-o', out, '--json', '-q', '--as-of', AS_OF]).stdout);
      if (how === 'picker') await page.setInputFiles('#file', input);
      else await dropFile(page, input);
      // The label follows the file once the page has taken it (an event
      // later, not at once): waited for up to 10 s, then asserted.
      const label = `แบบฟอร์ม: ${path.basename(file)}`;
      await page.waitForFunction((want) => document.getElementById('file-label').textContent === want, label,
        { timeout: 10000 }).catch(() => {});
      assert.strictEqual(await page.textContent('#file-label'), label);
      await page.fill('#as-of', AS_OF);
      const status = await whenDone(page, () => page.click('#analyze'));
      assert.match(status, /วิเคราะห์เสร็จแล้ว/);
      assert.strictEqual(await page.textContent('#score'), xlsx.overall.score.toFixed(2));
      assert.strictEqual(await page.textContent('#level'), `${xlsx.overall.level} (${xlsx.overall.level_en})`);
      for (const tool of Object.keys(xlsx.tools)) {
        const shown = await page.locator(`#tool-${tool}`).count() ? await page.textContent(`#tool-${tool}`) : null;
        if (shown !== null) assert.strictEqual(shown, xlsx.tools[tool].score.toFixed(2), tool);
      }
      const rows = await findingRows(page);
      assert.strictEqual(rows.length, ref.findings.length);
      ref.findings.forEach((f, i) => assert.strictEqual(rows[i][2], f.message_th));
      const { file: got } = await download(page, 0);
      return `score ${xlsx.overall.score.toFixed(2)}, ${rows.length} findings; ${sameWorkbook(out, got)}`;
    });
  }
}

(async () => {
  for (const f of [PAGE, NATIVE, CHROMIUM]) assert.ok(fs.existsSync(f), `missing ${f}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const t0 = Date.now();
  await page.goto(`file://${PAGE}`);
  let failed = 0;
  for (const { name, fn } of checks) {
    const start = Date.now();
    try {
      const said = await fn(page, requests);
      console.log(`ok   ${name} (${Date.now() - start} ms)${said ? `: ${said}` : ''}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  if (errors.length) { failed++; console.log(`FAIL page errors: ${errors.join('; ')}`); }
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${checks.length - failed}/${checks.length} page checks passed in ${Date.now() - t0} ms`);
  process.exit(failed ? 1 : 0);
})();
