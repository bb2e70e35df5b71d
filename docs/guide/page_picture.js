// The guide's picture of the real page after an analysis: the offline page
// (itawb.html, the WebAssembly build) opened from disk in Debian's Chromium,
// the bundled example picked and analysed as an officer would, the whole
// page photographed.
//
//   NODE_PATH=hosts/web/node_modules node docs/guide/page_picture.js ITAWB_HTML OUT.png
//
// Exit 0 when the picture was made, 1 otherwise (saying why).
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const [page_html, out] = process.argv.slice(2);

async function main() {
  if (!page_html || !out) throw new Error('usage: page_picture.js ITAWB_HTML OUT.png');
  if (!fs.existsSync(page_html)) throw new Error(`no ${page_html}`);
  const browser = await chromium.launch({ executablePath: process.env.ITAWB_CHROMIUM || '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 }, locale: 'th-TH' });
    await page.goto('file://' + path.resolve(page_html));
    await page.setInputFiles('#file', path.join(ROOT, 'workbooks/examples/thungthong-2567.xlsx'));
    await page.fill('#as-of', '2025-10-21');
    await page.click('#analyze');
    await page.waitForFunction(() => /เสร็จแล้ว|ไม่สำเร็จ/.test(document.getElementById('status').textContent),
                               null, { timeout: 180000 });
    const status = await page.textContent('#status');
    if (!/เสร็จแล้ว/.test(status)) throw new Error(`the analysis did not finish: ${status}`);
    await page.waitForTimeout(500);  // the charts drawn
    // The top of the page after the analysis: the file, the total, the level
    // and the first of the results.
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 900, height: 1100 }, fullPage: true });
  } finally {
    await browser.close();
  }
}

main().then(() => console.log('made', out), (e) => { console.error('page_picture.js: ' + e.message); process.exit(1); });
