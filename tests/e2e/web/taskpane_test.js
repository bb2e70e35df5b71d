// The Excel task pane's host (hosts/excel/taskpane.js) against Microsoft's
// office-addin-mock: the Excel calls it makes, on a mock workbook that keeps
// what was done to it. A real Excel is not here (see README).
//
//   node tests/e2e/web/taskpane_test.js   (NODE_PATH=hosts/web/node_modules; run by tests/e2e/web/run.sh)
'use strict';

const assert = require('assert');
const path = require('path');
const { OfficeMockObject } = require('office-addin-mock');
const { createHost, unsupported, checkSupport, MARK, SETTING } = require(path.resolve(__dirname, '../../../hosts/excel/taskpane.js'));

global.btoa = global.btoa || ((s) => Buffer.from(s, 'binary').toString('base64'));

// A workbook with sheets and comments; `log` records every change.
function excelMock(sheetNames, comments) {
  const log = { deleted: [], inserted: [], commentsAdded: [], commentsDeleted: [], selected: [], created: [] };
  const sheetObject = (name) => ({ name, delete() { log.deleted.push(name); } });
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: sheetNames.map(sheetObject),
          getItem(name) {
            return {
              activate() { log.selected.push(`activate ${name}`); },
              getRange(address) { return { select() { log.selected.push(`${name}!${address}`); } }; },
            };
          },
        },
        comments: {
          items: comments.map((content) => ({ content, delete() { log.commentsDeleted.push(content); } })),
          add(address, content) { log.commentsAdded.push([address, content]); },
        },
        insertWorksheetsFromBase64(base64, options) { log.inserted.push({ base64, options }); },
      },
    },
    run: async function (callback) { await callback(this.context); },
  };
  const Excel = new OfficeMockObject(data);
  Excel.WorksheetPositionType = { end: 'End' };
  Excel.createWorkbook = async (base64) => { log.created.push(base64); };
  return { Excel, log };
}

// Office's common API: the document's file (in slices), its URL and settings.
function officeMock(slices, stored) {
  const settings = new Map(Object.entries(stored || {}));
  const closed = [];
  const ok = (value) => ({ status: 'succeeded', value });
  const Office = {
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: { isSetSupported: (set, version) => set === 'ExcelApi' && Number(version.split('.')[1]) <= (stored && stored.apiMinor !== undefined ? stored.apiMinor : 13) },
      document: {
        url: 'C:\\Users\\ita\\Documents\\แบบฟอร์ม ITA 2568.xlsx',
        settings: {
          get: (k) => (settings.has(k) ? settings.get(k) : null),
          set: (k, v) => settings.set(k, v),
          saveAsync: (cb) => cb(ok()),
        },
        getFileAsync(type, options, cb) {
          assert.strictEqual(type, 'compressed');
          cb(ok({
            sliceCount: slices.length,
            getSliceAsync: (i, done) => done(ok({ data: Array.from(slices[i]) })),
            closeAsync: () => closed.push(true),
          }));
        },
      },
    },
  };
  return { Office, settings, closed };
}

const OUTPUT = Buffer.from('PK\u0003\u0004 the analysis workbook');
const analyzed = {
  ok: true,
  files: [{ name: 'แบบฟอร์ม ITA 2568-ผลวิเคราะห์.xlsx', bytes: new Uint8Array(OUTPUT) }],
  summary: {
    sheets: [
      { name: 'สรุปผลการประเมิน', generated: true },
      { name: 'บันทึกข้อความ', generated: true },
      { name: 'คะแนนรายข้อ', generated: false },
      { name: 'มาตรการ', generated: true },
      { name: 'ตรวจสอบข้อมูล', generated: true },
    ],
  },
  findings: [
    { severity: 'error', sheet: 'คะแนนรายข้อ', cell: 'C7', message_th: 'คะแนนเกิน 100', message_en: 'score above 100' },
    { severity: 'warning', sheet: 'มาตรการ', cell: 'D4:D6', message_th: 'ไม่ระบุผู้รับผิดชอบ', message_en: 'no owner' },
    { severity: 'info', sheet: 'สรุปผลการประเมิน', cell: 'A1', message_th: 'ข้อมูล', message_en: 'info' },
    { severity: 'warning', sheet: '', cell: '', message_th: 'ทั้งไฟล์', message_en: 'whole file' },
  ],
};

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('reads the open workbook slice by slice, named after the document', async () => {
  const { Office, closed } = officeMock([[0x50, 0x4b], [3, 4], [9]]);
  const host = createHost(Office, excelMock([], []).Excel);
  const input = await host.readInput();
  assert.strictEqual(input.name, 'แบบฟอร์ม ITA 2568.xlsx');
  assert.deepStrictEqual(Array.from(input.bytes), [0x50, 0x4b, 3, 4, 9]);
  assert.strictEqual(closed.length, 1);
});

test('first analysis: inserts the generated sheets at the end, keeps the officer\'s sheets, comments finding cells', async () => {
  const { Office, settings } = officeMock([]);
  const { Excel, log } = excelMock(['คะแนนรายข้อ', 'มาตรการ'], ['a note of the officer']);
  await createHost(Office, Excel).afterAnalyze(analyzed);
  assert.deepStrictEqual(log.deleted, []);
  assert.strictEqual(log.inserted.length, 1);
  assert.strictEqual(Buffer.from(log.inserted[0].base64, 'base64').toString('latin1'), OUTPUT.toString('latin1'));
  assert.deepStrictEqual(log.inserted[0].options, {
    sheetNamesToInsert: ['สรุปผลการประเมิน', 'บันทึกข้อความ', 'ตรวจสอบข้อมูล'],
    positionType: 'End',
  });
  assert.deepStrictEqual(settings.get(SETTING), ['สรุปผลการประเมิน', 'บันทึกข้อความ', 'ตรวจสอบข้อมูล']);
  assert.deepStrictEqual(log.commentsAdded, [
    ["'คะแนนรายข้อ'!C7", `${MARK}คะแนนเกิน 100\nscore above 100`],
    ["'มาตรการ'!D4", `${MARK}ไม่ระบุผู้รับผิดชอบ\nno owner`],
  ]);
  assert.deepStrictEqual(log.commentsDeleted, []);
});

test('analysing again replaces the sheets and comments it made before, and nothing else', async () => {
  const previous = ['สรุปผลการประเมิน', 'บันทึกข้อความ', 'ตรวจสอบข้อมูล'];
  const { Office, settings } = officeMock([], { [SETTING]: previous });
  const { Excel, log } = excelMock(['คะแนนรายข้อ', 'มาตรการ', ...previous, 'ของฉัน'],
    ['a note of the officer', `${MARK}old finding`]);
  await createHost(Office, Excel).afterAnalyze(analyzed);
  assert.deepStrictEqual(log.deleted, previous);
  assert.deepStrictEqual(log.inserted[0].options.sheetNamesToInsert, previous);
  assert.deepStrictEqual(log.commentsDeleted, [`${MARK}old finding`]);
  assert.strictEqual(log.commentsAdded.length, 2);
  assert.deepStrictEqual(settings.get(SETTING), previous);
});

test('a generated sheet the officer made first (มาตรการ) is not inserted over', async () => {
  const { Office } = officeMock([]);
  const { Excel, log } = excelMock(['มาตรการ', 'สรุปผลการประเมิน'], []);
  await createHost(Office, Excel).afterAnalyze(analyzed);
  assert.deepStrictEqual(log.inserted[0].options.sheetNamesToInsert, ['บันทึกข้อความ', 'ตรวจสอบข้อมูล']);
  assert.deepStrictEqual(log.deleted, []);
});

test('a finding\'s cell is selected on its sheet', async () => {
  const { Office } = officeMock([]);
  const { Excel, log } = excelMock(['คะแนนรายข้อ'], []);
  await createHost(Office, Excel).selectCell('คะแนนรายข้อ', 'C7');
  assert.deepStrictEqual(log.selected, ['activate คะแนนรายข้อ', 'คะแนนรายข้อ!C7']);
});

test('the blank form opens as a new workbook', async () => {
  const { Office } = officeMock([]);
  const { Excel, log } = excelMock([], []);
  await createHost(Office, Excel).afterTemplate({ files: [{ name: 'แบบฟอร์ม-ITA.xlsx', bytes: new Uint8Array([1, 2, 3]) }] });
  assert.deepStrictEqual(log.created, [Buffer.from([1, 2, 3]).toString('base64')]);
});

// An Excel reporting ExcelApi up to 1.minor (Office 2016: 1.2, 2019: 1.8 or so).
const officeWithApi = (minor) => officeMock([], { apiMinor: minor }).Office;

test('ExcelApi 1.13 and later: no message, the pane works', async () => {
  assert.strictEqual(unsupported(officeWithApi(13)), null);
  assert.strictEqual(unsupported(officeWithApi(17)), null);
});

test('an Excel without ExcelApi 1.13: told in Thai which Excel it needs, pointed to the page, buttons off', async () => {
  for (const minor of [8, 12]) {
    const message = unsupported(officeWithApi(minor));
    assert.ok(message, `ExcelApi 1.${minor} must be refused`);
    for (const words of ['ต้องใช้ Excel ที่รองรับ ExcelApi 1.13', 'Microsoft 365', 'Office 2021', 'Office 2016 หรือ 2019', 'itawb.html', 'itawb.exe'])
      assert.ok(message.includes(words), `the message names ${words}: ${message}`);
    assert.ok(message.indexOf('ExcelApi 1.13') < message.indexOf(' / This add-in'), 'Thai first');
  }
  // No requirements API at all (very old Office): refused the same way.
  assert.ok(unsupported({ context: {} }));
  const status = { textContent: '', className: '' };
  const controls = [{ disabled: false }, { disabled: false, classList: { added: [], add(c) { this.added.push(c); } } }];
  const doc = { getElementById: (id) => (id === 'status' ? status : null), querySelectorAll: () => controls };
  const message = checkSupport(officeWithApi(8), doc);
  assert.strictEqual(status.textContent, message);
  assert.strictEqual(status.className, 'error');
  assert.ok(controls.every((c) => c.disabled));
  assert.deepStrictEqual(controls[1].classList.added, ['disabled']);
  assert.strictEqual(checkSupport(officeWithApi(13), doc), null);
  await assert.rejects(createHost(officeWithApi(8), excelMock([], []).Excel).readInput(), /ExcelApi 1.13/);
});

(async () => {
  let failed = 0;
  for (const { name, fn } of tests) {
    try {
      await fn();
      console.log(`ok   ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').slice(0, 8).join('\n     ')}`);
    }
  }
  console.log(`${tests.length - failed}/${tests.length} task pane checks passed`);
  process.exit(failed ? 1 : 0);
})();
