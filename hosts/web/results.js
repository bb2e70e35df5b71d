// The analysis on the page: from the `analyze --json` document (the same one
// the workbook is written from; fields as in src/app/analyze_json.cpp and
// src/output/plan_json.cpp), the three tools and ten indicators against last
// year as bar charts (inline SVG), the lowest questions of each issue, the
// deficiencies by class, the measures due / overdue / done and each
// department's completion against the target. Thai first, English beside.
//
//   ItawbResults.render(element, json)   fills element, returns it
//
// No Office, no WebAssembly: a test renders the native JSON in Chromium.
// Every bar carries data-label / data-value (the JSON's figure) and every
// table row data-* keys, so that a test reads back what is shown.
'use strict';

(function (root) {
  const SVG = 'http://www.w3.org/2000/svg';
  const fixed = (n) => (n === null || n === undefined ? '-' : Number(n).toFixed(2));
  const signed = (n) => (n === null || n === undefined ? '-' : (n > 0 ? '+' : '') + Number(n).toFixed(2));
  // The deficiency classes, most urgent first (ita::category_th's names).
  const CLASSES = ['urgent', 'develop', 'maintain'];
  const CLASS_EN = { urgent: 'Urgent', develop: 'To improve', maintain: 'Maintain' };
  const STATUS = [
    ['done', 'ดำเนินการแล้ว', 'done'],
    ['in_progress', 'อยู่ระหว่างดำเนินการ', 'in progress'],
    ['not_started', 'ยังไม่ดำเนินการ', 'not started'],
    ['not_reported', 'ยังไม่รายงาน', 'not reported'],
  ];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  const en = (text) => el('span', { class: 'en' }, text);
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function section(key, th, english, ...body) {
    return el('section', { class: 'panel result', 'data-section': key }, el('h2', {}, th, en(english)), ...body);
  }
  function table(head, rows) {
    const t = el('table', {});
    const hr = t.createTHead().insertRow();
    for (const h of head) hr.appendChild(el('th', {}, ...(Array.isArray(h) ? [h[0], en(h[1])] : [h])));
    const body = t.createTBody();
    for (const r of rows) body.appendChild(r);
    return t;
  }

  // Horizontal bars, two per row (last year, this year), on a 0-100 scale;
  // a vertical target line when given. rows: [{label, key, values:[{series, value}]}]
  function barChart(name, rows, series, target) {
    const labelW = 230, barW = 360, valueW = 60, rowH = 14 * series.length + 10, top = 22;
    const width = labelW + barW + valueW, height = top + rows.length * rowH + 6;
    const s = svg('svg', { class: 'chart', 'data-chart': name, viewBox: `0 0 ${width} ${height}`, width: '100%',
                           role: 'img', preserveAspectRatio: 'xMinYMin meet' });
    // legend
    let x = labelW;
    for (const ser of series) {
      s.appendChild(svg('rect', { x, y: 4, width: 12, height: 10, class: `bar ${ser.key}` }));
      s.appendChild(svg('text', { x: x + 16, y: 13, class: 'legend' }, ser.label));
      x += 16 + 9 * ser.label.length + 20;
    }
    for (const tick of [0, 50, 100]) {
      const tx = labelW + (barW * tick) / 100;
      s.appendChild(svg('line', { x1: tx, x2: tx, y1: top - 4, y2: height - 4, class: 'grid' }));
    }
    rows.forEach((row, i) => {
      const y = top + i * rowH;
      const label = row.label.length > 34 ? row.label.slice(0, 33) + '…' : row.label;
      const t = svg('text', { x: labelW - 6, y: y + rowH / 2 + 4, class: 'label', 'text-anchor': 'end' }, label);
      t.appendChild(svg('title', {}, row.label));
      s.appendChild(t);
      row.values.forEach((v, j) => {
        const by = y + 4 + j * 14;
        const value = v.value === null || v.value === undefined ? null : Number(v.value);
        const w = value === null ? 0 : (barW * Math.max(0, Math.min(100, value))) / 100;
        const bar = svg('rect', { x: labelW, y: by, width: w.toFixed(1), height: 12, class: `bar ${v.series}`,
                                  'data-key': row.key, 'data-series': v.series,
                                  'data-value': value === null ? '' : String(value) });
        bar.appendChild(svg('title', {}, `${row.label}: ${fixed(value)}`));
        s.appendChild(bar);
        s.appendChild(svg('text', { x: labelW + w + 4, y: by + 10, class: `value ${v.series}` }, fixed(value)));
      });
    });
    if (target !== null && target !== undefined) {
      const tx = labelW + (barW * target) / 100;
      s.appendChild(svg('line', { x1: tx, x2: tx, y1: top - 4, y2: height - 4, class: 'target', 'data-target': String(target) }));
    }
    return s;
  }

  const YEARS = [{ key: 'previous', label: 'ปีก่อน last year' }, { key: 'score', label: 'ปีนี้ this year' }];
  const pairRows = (items) => items.map((it) => ({
    label: it.label, key: it.key,
    values: [{ series: 'previous', value: it.pair.previous }, { series: 'score', value: it.pair.score }],
  }));

  // A section with no figure at all (a plan-only workbook has no scores) is left out.
  const anyScore = (pairs) => pairs.some((p) => p && ((p.score ?? null) !== null || (p.previous ?? null) !== null));

  function tools(doc) {
    if (!doc.tools || !anyScore(Object.values(doc.tools))) return null;
    const names = { IIT: 'IIT การรับรู้ของบุคลากรภายใน', EIT: 'EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', OIT: 'OIT การเปิดเผยข้อมูลสาธารณะ' };
    const items = ['IIT', 'EIT', 'OIT'].filter((t) => doc.tools[t]).map((t) => ({ label: names[t], key: t, pair: doc.tools[t] }));
    const rows = items.map((it) => el('tr', { 'data-key': it.key }, el('td', {}, it.label), el('td', { class: 'num' }, fixed(it.pair.previous)),
      el('td', { class: 'num' }, fixed(it.pair.score)), el('td', { class: 'num' }, signed(it.pair.change))));
    return section('tools', 'คะแนนรายเครื่องมือเทียบกับปีก่อน', 'The three tools against last year',
      barChart('tools', pairRows(items), YEARS),
      table(['เครื่องมือ', ['ปีก่อน', 'last year'], ['ปีนี้', 'this year'], ['เปลี่ยนแปลง', 'change']], rows));
  }

  function indicators(doc) {
    if (!doc.indicators || !anyScore(doc.indicators)) return null;
    const items = doc.indicators.map((i) => ({ label: `${i.number}. ${i.name}`, key: String(i.number), pair: i }));
    const rows = doc.indicators.map((i) => el('tr', { 'data-key': String(i.number) },
      el('td', {}, `${i.number}. ${i.name}`), el('td', {}, i.tool), el('td', { class: 'num' }, fixed(i.previous)),
      el('td', { class: 'num' }, fixed(i.score)), el('td', { class: 'num' }, signed(i.change))));
    return section('indicators', 'คะแนนรายตัวชี้วัดเทียบกับปีก่อน', 'The ten indicators against last year',
      barChart('indicators', pairRows(items), YEARS),
      table(['ตัวชี้วัด', 'เครื่องมือ', ['ปีก่อน', 'last year'], ['ปีนี้', 'this year'], ['เปลี่ยนแปลง', 'change']], rows));
  }

  function issues(doc) {
    if (!doc.issues || !doc.issues.some((i) => (i.lowest || []).length > 0)) return null;
    const rows = [];
    for (const issue of doc.issues) {
      const items = issue.lowest || [];
      items.forEach((q, i) => {
        const r = el('tr', { 'data-issue': String(issue.number), 'data-code': q.code });
        if (i === 0) r.appendChild(el('td', { rowspan: String(items.length), class: 'issue' }, `${issue.number}. ${issue.name}`, en(issue.name_en || '')));
        r.appendChild(el('td', { class: 'code' }, q.code));
        r.appendChild(el('td', {}, q.text));
        r.appendChild(el('td', { class: 'num' }, fixed(q.score)));
        rows.push(r);
      });
    }
    return section('issues', 'ข้อคำถามที่ได้คะแนนต่ำสุดของแต่ละประเด็น', 'The lowest questions of each issue',
      table([['ประเด็น', 'issue'], ['ข้อ', 'code'], ['ข้อคำถาม', 'question'], ['คะแนน', 'score']], rows));
  }

  function deficiencies(doc) {
    const list = doc.deficiencies || [];
    if (list.length === 0) return null;
    const byClass = new Map();
    for (const d of list) {
      if (!byClass.has(d.category)) byClass.set(d.category, { th: d.category_th, items: [] });
      byClass.get(d.category).items.push(d);
    }
    const order = [...CLASSES.filter((c) => byClass.has(c)), ...[...byClass.keys()].filter((c) => !CLASSES.includes(c))];
    const rows = order.map((c) => {
      const g = byClass.get(c);
      return el('tr', { 'data-class': c, class: `class-${c}` }, el('td', {}, g.th, en(CLASS_EN[c] || c)),
        el('td', { class: 'num count' }, String(g.items.length)),
        el('td', { class: 'codes' }, g.items.map((d) => `${d.code} (${fixed(d.score)})`).join(', ')));
    });
    return section('deficiencies', 'ข้อบกพร่องแยกตามระดับ', 'Deficiencies by class',
      table([['ระดับ', 'class'], ['จำนวนข้อ', 'count'], ['ข้อ (คะแนน)', 'codes (score)']], rows));
  }

  function measures(doc) {
    const p = doc.progress;
    if (!p) return null;
    const overdueCount = p.overdue_count !== undefined ? p.overdue_count : (Array.isArray(p.overdue) ? p.overdue.length : p.overdue);
    const figures = [
      ['total', 'มาตรการทั้งหมด', 'measures', p.total],
      ['due', 'ถึงกำหนดแล้ว', 'due', p.due],
      ['not_yet_due', 'ยังไม่ถึงกำหนด', 'not yet due', p.not_yet_due],
      ['overdue', 'เลยกำหนด', 'overdue', overdueCount],
      ...STATUS.map(([k, th, e]) => [k, `${th} (ที่ถึงกำหนด)`, `${e} (of those due)`, p[k]]),
    ];
    const rows = figures.map(([k, th, e, v]) => el('tr', { 'data-key': k }, el('td', {}, th, en(e)), el('td', { class: 'num' }, String(v ?? '-'))));
    const late = (doc.measures || []).filter((m) => m.overdue);
    const parts = [
      el('p', { class: 'as-of' }, `ณ วันที่ ${p.as_of || '-'}: ดำเนินการแล้ว ${fixed(p.completion_due)} % ของที่ถึงกำหนด (เป้าหมาย ${fixed(p.target)} %)`,
        en(`as of ${p.as_of || '-'}: ${fixed(p.completion_due)} % of the measures due are done (target ${fixed(p.target)} %)`)),
      table([['รายการ', 'item'], ['จำนวน', 'count']], rows),
    ];
    if (late.length > 0) {
      parts.push(el('h3', {}, 'มาตรการที่เลยกำหนด', en('Overdue measures')));
      parts.push(table([['ที่', 'id'], ['มาตรการ', 'measure'], ['ผู้รับผิดชอบ', 'owners'], ['ไตรมาส', 'quarters']],
        late.map((m) => el('tr', { 'data-id': m.id, class: 'overdue' }, el('td', {}, m.id), el('td', {}, m.measure),
          el('td', {}, (m.owners || []).join(', ')), el('td', {}, (m.quarters || []).join(', '))))));
    }
    return section('measures', 'มาตรการ: ถึงกำหนด เลยกำหนด และดำเนินการแล้ว', 'Measures: due, overdue and done', ...parts);
  }

  function departments(doc) {
    const p = doc.progress;
    const owners = p && p.by_owner ? Object.entries(p.by_owner) : [];
    if (owners.length === 0) return null;
    const share = (t) => (t.completion_due === null || t.completion_due === undefined ? t.completion : t.completion_due);
    const chartRows = owners.map(([name, t]) => ({ label: name, key: name, values: [{ series: 'completion', value: share(t) }] }));
    const rows = owners.map(([name, t]) => el('tr', { 'data-key': name, class: t.meets_target === false ? 'below' : '' },
      el('td', {}, name), el('td', { class: 'num' }, `${t.done}/${t.due}`), el('td', { class: 'num' }, String(t.total)),
      el('td', { class: 'num' }, fixed(share(t))),
      el('td', {}, t.meets_target === null ? '-' : t.meets_target ? 'ถึงเป้าหมาย (meets)' : 'ต่ำกว่าเป้าหมาย (below)')));
    return section('departments', 'ความก้าวหน้าของแต่ละกองเทียบกับเป้าหมาย', "Each department's completion against the target",
      barChart('departments', chartRows, [{ key: 'completion', label: `ดำเนินการแล้ว % (เป้าหมาย ${fixed(p.target)} %)` }], p.target),
      table([['กอง', 'department'], ['แล้ว/ถึงกำหนด', 'done/due'], ['ทั้งปี', 'whole year'], ['ร้อยละ', '%'], ['เป้าหมาย', 'target']], rows));
  }

  function render(container, doc) {
    container.textContent = '';
    if (!doc) return container;
    for (const part of [tools, indicators, issues, deficiencies, measures, departments]) {
      const s = part(doc);
      if (s) container.appendChild(s);
    }
    container.hidden = container.childElementCount === 0;
    return container;
  }

  root.ItawbResults = { render };
})(typeof self !== 'undefined' ? self : this);
