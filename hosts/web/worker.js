// The page's worker: loads the WebAssembly module (itawb_web.js, with the
// wasm inside) once and runs one command per message, so the page never
// freezes. The command line is the same as the native one; files live in the
// module's memory only, one folder per job, removed when the job is done.
//
// In:  {id, args: ["analyze", "{in}/a.xlsx", "-o", "{out}/b.xlsx", ...],
//       files: [{name, bytes}], zip: "name.zip" (optional: pack {out} into one zip)}
// Out: {id, code, stdout, stderr, files: [{name, bytes}]} or {id, error}
// "{in}" and "{out}" in the arguments are the job's input and output folders.
/* global createItawb */
'use strict';

let current = null; // the running job's printed lines
let modulePromise = null;
let jobs = 0;

function loadModule() {
  if (!modulePromise) {
    modulePromise = createItawb({
      noExitRuntime: true,
      print: (line) => current && current.stdout.push(line),
      printErr: (line) => current && current.stderr.push(line),
    });
  }
  return modulePromise;
}

function listFiles(FS, dir, prefix) {
  const found = [];
  for (const name of FS.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (FS.isDir(FS.stat(path).mode)) found.push(...listFiles(FS, path, rel));
    else found.push({ name: rel, path });
  }
  return found;
}

function removeTree(FS, dir) {
  for (const name of FS.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (FS.isDir(FS.stat(path).mode)) removeTree(FS, path);
    else FS.unlink(path);
  }
  FS.rmdir(dir);
}

async function runJob({ args, files, zip }) {
  const M = await loadModule();
  const dir = `/job${++jobs}`;
  const input = `${dir}/in`;
  const output = `${dir}/out`;
  M.FS.mkdirTree(input);
  M.FS.mkdirTree(output);
  try {
    for (const f of files || []) {
      const path = `${input}/${f.name}`;
      M.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')));
      M.FS.writeFile(path, new Uint8Array(f.bytes));
    }
    const argv = args.map((a) => a.split('{in}').join(input).split('{out}').join(output));
    current = { stdout: [], stderr: [] };
    const code = M.callMain(argv);
    let outputs = listFiles(M.FS, output, '');
    if (zip && outputs.length > 0) {
      const zipPath = `${dir}/${zip}`;
      const packed = M.ccall('itawb_zip_dir', 'number', ['string', 'string'], [output, zipPath]);
      if (packed < 0) throw new Error(`cannot write ${zip}`);
      outputs = [{ name: zip, path: zipPath }];
    }
    const result = outputs.map((f) => ({ name: f.name, bytes: M.FS.readFile(f.path) }));
    // The job's folders are no one's business: messages name the files as given.
    const plain = (lines) => lines.join('\n').split(`${input}/`).join('').split(`${output}/`).join('');
    return { code, stdout: plain(current.stdout), stderr: plain(current.stderr), files: result };
  } finally {
    current = null;
    removeTree(M.FS, dir);
  }
}

self.onmessage = async (event) => {
  const { id } = event.data;
  try {
    const result = await runJob(event.data);
    self.postMessage({ id, ...result }, result.files.map((f) => f.bytes.buffer));
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
};
