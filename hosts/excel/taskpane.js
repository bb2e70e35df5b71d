// The Excel host of the page (hosts/web/page.js reads it as self.ItawbHost): the
// open workbook is the input, analyze's sheets go into it (replacing the ones
// inserted before; the officer's own sheets are never touched), each finding
// becomes a comment on its cell, a finding's cell can be selected, and the
// blank form opens as a new workbook. Office.js calls only (ExcelApi 1.13,
// checked at start: checkSupport).
'use strict';

(function (root) {
  const SETTING = 'itawbResultSheets'; // the sheet names inserted last time
  const MARK = 'itawb: ';              // the start of the comments it adds

  function toBase64(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }

  function fileName(Office) {
    const url = (Office.context.document && Office.context.document.url) || '';
    const name = url.replace(/^.*[\\/]/, '');
    return /\.xlsx$/i.test(name) ? name : 'workbook.xlsx';
  }

  // The API sets the task pane uses. An Excel without them (Office 2016 and
  // 2019 bought outright) is told in Thai which Excel it needs and where else
  // the same work is done: the offline page or itawb.exe.
  const REQUIRED = [['ExcelApi', '1.13']];
  const UNSUPPORTED =
    'Add-in ITA ต้องใช้ Excel ที่รองรับ ExcelApi 1.13: Microsoft 365 (Windows, Mac, Excel บนเว็บ) หรือ Office 2021 ขึ้นไป ' +
    'Excel รุ่นนี้ (เช่น Office 2016 หรือ 2019) ใช้ Add-in นี้ไม่ได้ — โปรดใช้หน้าเว็บ itawb.html หรือ itawb.exe ' +
    'ซึ่งให้ผลเหมือนกันทุกตัวเลข / This add-in needs ExcelApi 1.13 (Microsoft 365, or Office 2021 and later); ' +
    'on this Excel use the offline page itawb.html or itawb.exe instead: the results are the same.';

  // null when this Excel has every API set needed, else the message.
  function unsupported(Office) {
    const req = Office && Office.context && Office.context.requirements;
    const ok = Boolean(req && req.isSetSupported) && REQUIRED.every(([set, v]) => req.isSetSupported(set, v));
    return ok ? null : UNSUPPORTED;
  }

  // At start (Office.onReady): on an Excel without the API sets, the message
  // in the status line and every button and file input switched off.
  function checkSupport(Office, doc) {
    const message = unsupported(Office);
    if (!message || !doc) return message;
    const status = doc.getElementById('status');
    if (status) {
      status.textContent = message;
      status.className = 'error';
    }
    for (const el of doc.querySelectorAll('button, input, .button')) {
      el.disabled = true;
      if (el.classList) el.classList.add('disabled');
    }
    return message;
  }

  function createHost(Office, Excel) {
    const settings = () => Office.context.document.settings;

    // The open workbook as saved bytes (.xlsx), slice by slice.
    function readInput() {
      const message = unsupported(Office);
      if (message) return Promise.reject(new Error(message));
      return new Promise((resolve, reject) => {
        Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4194304 }, (opened) => {
          if (opened.status !== Office.AsyncResultStatus.Succeeded) {
            reject(new Error(opened.error ? opened.error.message : 'getFileAsync failed'));
            return;
          }
          const file = opened.value;
          const slices = [];
          const next = (index) => {
            if (index === file.sliceCount) {
              file.closeAsync();
              const size = slices.reduce((n, s) => n + s.length, 0);
              const bytes = new Uint8Array(size);
              let at = 0;
              for (const s of slices) { bytes.set(s, at); at += s.length; }
              resolve({ name: fileName(Office), bytes });
              return;
            }
            file.getSliceAsync(index, (got) => {
              if (got.status !== Office.AsyncResultStatus.Succeeded) {
                file.closeAsync();
                reject(new Error(got.error ? got.error.message : 'getSliceAsync failed'));
                return;
              }
              slices.push(new Uint8Array(got.value.data));
              next(index + 1);
            });
          };
          next(0);
        });
      });
    }

    function saveSettings() {
      return new Promise((resolve) => settings().saveAsync(() => resolve()));
    }

    // Finding cells: one comment each on the officer's sheets, the comments of
    // the previous run removed first.
    async function markFindings(context, findings, ownSheets) {
      const comments = context.workbook.comments;
      comments.load('items');
      await context.sync();
      for (const c of comments.items) if (String(c.content).startsWith(MARK)) c.delete();
      for (const f of findings) {
        if (!f.sheet || !f.cell || !ownSheets.includes(f.sheet)) continue;
        const address = `'${f.sheet.replace(/'/g, "''")}'!${f.cell.replace(/:.*/, '')}`;
        comments.add(address, `${MARK}${f.message_th}${f.message_en ? `\n${f.message_en}` : ''}`);
      }
      await context.sync();
    }

    // analyze's result: its generated sheets (summary.sheets) go in at the
    // end, replacing those this host inserted before; a generated sheet whose
    // name is one of the officer's own sheets (มาตรการ) stays the officer's.
    async function afterAnalyze(result) {
      const generated = ((result.summary && result.summary.sheets) || []).filter((s) => s.generated).map((s) => s.name);
      const previous = settings().get(SETTING) || [];
      const output = result.files[0];
      if (!output) return;
      await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items');
        await context.sync();
        const names = sheets.items.map((s) => s.name);
        const own = names.filter((n) => !previous.includes(n));
        const insert = generated.filter((n) => !own.includes(n));
        for (const s of sheets.items) if (previous.includes(s.name)) s.delete();
        await context.sync();
        context.workbook.insertWorksheetsFromBase64(toBase64(output.bytes), {
          sheetNamesToInsert: insert,
          positionType: Excel.WorksheetPositionType.end,
        });
        await context.sync();
        settings().set(SETTING, insert);
        await markFindings(context, result.findings || [], own);
      });
      await saveSettings();
    }

    async function afterValidate(result) {
      await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items');
        await context.sync();
        const previous = settings().get(SETTING) || [];
        await markFindings(context, result.findings || [], sheets.items.map((s) => s.name).filter((n) => !previous.includes(n)));
      });
    }

    function selectCell(sheet, cell) {
      return Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    }

    // The blank form as a new workbook in Excel.
    async function afterTemplate(result) {
      if (result.files[0]) await Excel.createWorkbook(toBase64(result.files[0].bytes));
    }

    return {
      readInput, afterAnalyze, afterValidate, afterTemplate, selectCell, markFindings,
      describe: () => 'ใช้สมุดงานที่เปิดอยู่ใน Excel / working on the open workbook',
    };
  }

  const api = { createHost, toBase64, unsupported, checkSupport, SETTING, MARK };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else if (root.Office && root.Excel) {
    root.Office.onReady(() => checkSupport(root.Office, root.document));
    root.ItawbHost = createHost(root.Office, root.Excel);
  }
})(typeof self !== 'undefined' ? self : this);
