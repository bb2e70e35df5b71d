// The page: picks the workbook, runs a command in the worker, shows the
// figures, the findings with their cells and the files to download. In the
// Excel task pane a host (hosts/excel/taskpane.js, as self.ItawbHost) gives the
// open workbook instead of a picked file and takes the results into it.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const client = new Itawb.ItawbClient($('itawb-worker').textContent);
  const host = self.ItawbHost || null;
  const SEVERITY = { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อมูล' };
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  let input = null; // {name, bytes}
  let busy = false;
  let urls = [];

  function setStatus(text, error) {
    $('status').textContent = text;
    $('status').className = error ? 'error' : '';
  }

  function enable() {
    const hasInput = Boolean(input) || Boolean(host);
    for (const el of document.querySelectorAll('button, .button')) {
      const off = busy || (el.dataset.needs === 'file' && !hasInput);
      if (el.tagName === 'BUTTON') el.disabled = off;
      else el.classList.toggle('disabled', off);
    }
    $('returns').disabled = busy || !hasInput;
  }

  async function readFile(file) {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }

  async function choose(file) {
    if (!file) return;
    input = await readFile(file);
    $('file-label').textContent = `แบบฟอร์ม: ${file.name}`;
    setStatus('');
    enable();
  }

  const fixed = (n) => (n === null || n === undefined ? '-' : Number(n).toFixed(2));
  const signed = (n) => (n === null || n === undefined ? '-' : (n > 0 ? '+' : '') + Number(n).toFixed(2));

  function showHeadline(summary) {
    const overall = summary && summary.overall;
    $('headline').hidden = !summary;
    if (!summary) return;
    const agency = summary.agency || {};
    $('agency').textContent = [agency.name, agency.district, agency.province].filter(Boolean).join(' ') +
      (agency.assessment_year ? ` — ITA ${agency.assessment_year}` : '');
    $('score').textContent = overall ? fixed(overall.score) : '-';
    $('level').textContent = overall && overall.level ? `${overall.level} (${overall.level_en})` : '-';
    $('previous').textContent = overall ? fixed(overall.previous) : '-';
    $('change').textContent = overall ? signed(overall.change) : '-';
    for (const tool of ['IIT', 'EIT', 'OIT']) {
      const t = summary.tools && summary.tools[tool];
      $(`tool-${tool}`).textContent = t ? fixed(t.score) : '-';
    }
    const completion = summary.progress && summary.progress.completion;
    $('completion').textContent = completion === null || completion === undefined ? '-' : `${fixed(completion)} %`;
  }

  function showFindings(findings) {
    const body = $('findings-body');
    body.textContent = '';
    $('findings').hidden = findings.length === 0;
    $('findings-count').textContent = `(${findings.length})`;
    for (const f of findings) {
      const row = body.insertRow();
      row.className = f.severity;
      row.insertCell().textContent = SEVERITY[f.severity] || f.severity;
      const where = f.sheet ? (f.cell ? `${f.sheet}!${f.cell}` : f.sheet) : '';
      const cell = row.insertCell();
      cell.className = 'cell';
      if (host && host.selectCell && f.sheet && f.cell) {
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = where;
        link.onclick = (e) => {
          e.preventDefault();
          host.selectCell(f.sheet, f.cell).catch((err) => setStatus(String(err.message || err), true));
        };
        cell.appendChild(link);
      } else {
        cell.textContent = where;
      }
      row.insertCell().textContent = f.message_th || '';
      const en = row.insertCell();
      en.className = 'en';
      en.textContent = f.message_en || '';
    }
  }

  function showDownloads(files) {
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    const list = $('download-list');
    list.textContent = '';
    $('downloads').hidden = files.length === 0;
    for (const f of files) {
      const type = f.name.endsWith('.zip') ? 'application/zip' : XLSX;
      const url = URL.createObjectURL(new Blob([f.bytes], { type }));
      urls.push(url);
      const a = document.createElement('a');
      a.href = url;
      a.download = f.name.replace(/^.*\//, '');
      a.textContent = `ดาวน์โหลด ${a.download}`;
      list.appendChild(document.createElement('li')).appendChild(a);
    }
  }

  function showReport(text) {
    $('report').hidden = !text;
    $('report-text').textContent = text || '';
  }

  function countOf(findings, severity) {
    return findings.filter((f) => f.severity === severity).length;
  }

  async function current() {
    return host ? host.readInput() : input;
  }

  // Runs one command: `work` returns the command's result; `after` lets the
  // host take it (the Excel task pane inserts sheets).
  async function act(label, work, after) {
    if (busy) return;
    busy = true;
    enable();
    setStatus(`กำลัง${label}… (processing)`);
    try {
      const r = await work();
      showHeadline(r.summary);
      // The analysis itself (hosts/web/results.js): charts and tables from the same JSON.
      if (self.ItawbResults) self.ItawbResults.render($('results'), label === 'วิเคราะห์' ? r.summary : null);
      showFindings(r.findings);
      showDownloads(host && after ? [] : r.files);
      showReport(r.text && (!r.ok || r.files.length === 0 || label === 'รวมผลที่ส่งคืน') ? r.text : '');
      if (after && r.ok) await after(r);
      const errors = countOf(r.findings, 'error');
      const warnings = countOf(r.findings, 'warning');
      if (!r.ok) setStatus(`${label}ไม่สำเร็จ: พบข้อผิดพลาด ${errors} รายการ / failed`, true);
      else setStatus(`${label}เสร็จแล้ว: ข้อผิดพลาด ${errors} คำเตือน ${warnings} / done`, errors > 0);
    } catch (e) {
      setStatus(`${label}ไม่สำเร็จ: ${e.message || e}`, true);
    } finally {
      busy = false;
      enable();
    }
  }

  const asOf = () => $('as-of').value;
  const C = Itawb.commands;

  $('validate').onclick = () => act('ตรวจแบบฟอร์ม', async () => C.validate(client, await current()),
    host && host.afterValidate);
  $('analyze').onclick = () => act('วิเคราะห์', async () => C.analyze(client, await current(), { asOf: asOf() }),
    host && host.afterAnalyze);
  $('template').onclick = () => act('สร้างแบบฟอร์มเปล่า', () => C.template(client, { year: $('year').value }),
    host && host.afterTemplate);
  $('split').onclick = () => act('แยกส่งกอง', async () => C.split(client, await current(), { asOf: asOf() }));
  $('returns').onchange = async (event) => {
    const picked = Array.from(event.target.files || []);
    event.target.value = '';
    if (picked.length === 0) return;
    const returns = await Promise.all(picked.map(readFile));
    await act('รวมผลที่ส่งคืน', async () => C.merge(client, await current(), returns));
  };

  $('file').onchange = (event) => choose(event.target.files[0]);
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    choose(e.dataTransfer.files[0]);
  });
  if (host) {
    drop.hidden = true;
    if (host.describe) setStatus(host.describe());
  }
  enable();
})();
