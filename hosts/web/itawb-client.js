// itawb in a page: the worker's client and the five commands as the page and
// the Excel task pane call them. No DOM and no Office here, so node tests can
// load it too. Every command returns
//   {ok, code, findings[{severity, sheet, cell, message_th, message_en}],
//    summary (analyze's JSON or null), files[{name, bytes}], text}
// where `text` is what the command printed for people (merge, errors).
'use strict';

(function (root) {
  // The worker from the source embedded in the page (a page opened from disk
  // may not load a worker from a file): `source` is the module + worker text.
  function ItawbClient(source) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.pending = new Map();
    this.nextId = 0;
    this.worker.onmessage = (event) => {
      const job = this.pending.get(event.data.id);
      if (!job) return;
      this.pending.delete(event.data.id);
      if (event.data.error) job.reject(new Error(event.data.error));
      else job.resolve(event.data);
    };
  }

  ItawbClient.prototype.run = function (args, files, zip) {
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, args, files, zip });
    });
  };

  function stem(name) {
    const base = name.replace(/^.*[\\/]/, '');
    return base.replace(/\.[^.]+$/, '');
  }

  // The findings of a failed command: its printed error lines ("file: message"),
  // Thai and English in turn, as one finding without a cell.
  function errorFindings(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) return [];
    // "where: message": the file's name may be Thai, so look at the message.
    const messages = lines.map((l) => l.replace(/^[^:]*:\s*/, ''));
    const thai = (m) => /[\u0E00-\u0E7F]/.test(m);
    const th = messages.find(thai) || messages[0];
    const en = messages.find((m) => !thai(m)) || '';
    return [{ severity: 'error', sheet: '', cell: '', code: 'unreadable', message_th: th, message_en: en }];
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  function result(job, extra) {
    return Object.assign(
      { ok: job.code === 0, code: job.code, findings: [], summary: null, files: job.files, text: job.stderr },
      extra
    );
  }

  // input: {name, bytes}; options.asOf: "YYYY-MM-DD" or "" (today).
  const commands = {
    async validate(client, input) {
      const job = await client.run(['validate', `{in}/${input.name}`, '--json'], [input]);
      const doc = parseJson(job.stdout);
      const file = doc && doc.files && doc.files[0];
      const findings = file ? file.findings : errorFindings(job.stderr);
      return result(job, { findings, valid: Boolean(doc && doc.valid) });
    },

    async analyze(client, input, options) {
      const out = `${stem(input.name)}-ผลวิเคราะห์.xlsx`;
      const args = ['analyze', `{in}/${input.name}`, '-o', `{out}/${out}`, '--json', '-q'];
      if (options && options.asOf) args.push('--as-of', options.asOf);
      const job = await client.run(args, [input]);
      const summary = job.code === 2 ? null : parseJson(job.stdout);
      const findings = summary ? summary.findings : errorFindings(job.stderr);
      return result(job, { summary, findings, ok: job.code !== 2 && job.files.length > 0 });
    },

    async template(client, options) {
      const args = ['template', '-o', '{out}/แบบฟอร์ม-ITA.xlsx', '-q'];
      if (options && options.year) args.push('--year', String(options.year));
      const job = await client.run(args, []);
      return result(job, { findings: job.code === 0 ? [] : errorFindings(job.stderr) });
    },

    async split(client, input, options) {
      const args = ['split', `{in}/${input.name}`, '--by', 'owner', '-o', '{out}', '-q'];
      if (options && options.asOf) args.push('--as-of', options.asOf);
      const job = await client.run(args, [input], `ส่งกอง-${stem(input.name)}.zip`);
      return result(job, { findings: job.code === 0 ? [] : errorFindings(job.stderr) });
    },

    // returns: the department workbooks sent back, each in its own folder so
    // that two with the same name do not meet.
    async merge(client, master, returns) {
      const files = [master].concat(returns.map((r, i) => ({ name: `r${i + 1}/${r.name}`, bytes: r.bytes })));
      const args = ['merge', `{in}/${master.name}`]
        .concat(files.slice(1).map((f) => `{in}/${f.name}`))
        .concat(['-o', `{out}/${stem(master.name)}-รวมผล.xlsx`]);
      const job = await client.run(args, files);
      return result(job, {
        ok: job.files.length > 0,
        text: [job.stdout, job.stderr].filter(Boolean).join('\n'),
        findings: job.files.length > 0 ? [] : errorFindings(job.stderr),
      });
    },
  };

  const api = { ItawbClient, commands, stem, errorFindings };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.Itawb = api;
})(typeof self !== 'undefined' ? self : this);
