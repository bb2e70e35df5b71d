#!/usr/bin/python3
"""Dumps openpyxl's view of every .xlsx/.xlsm in the shared corpus into one
compact, committed file: tests/fixtures/corpus-expected.json.

usage: /usr/bin/python3 tests/tools/make_corpus_expectations.py [CORPUS_DIR]
       /usr/bin/python3 tests/tools/make_corpus_expectations.py --xls [CORPUS_DIR]

With --xls, every .xls of the corpus is converted to .xlsx by LibreOffice
(soffice --headless --convert-to xlsx, a throwaway profile) and openpyxl's
view of that conversion goes to tests/fixtures/corpus-xls-expected.json
(with "via": LibreOffice's version): an independent reading of the .xls,
since neither openpyxl nor the test reads BIFF itself.

One entry per file:
  {"file": "excel-made/a.xlsx", "sheets": [{"name", "state",
    "cells": [[ref, type, value], ...]}]}
  or {"file": ..., "error": "ExceptionType: message"} when openpyxl fails.
type: n number, s string, b boolean, e error, d date/time (ISO text as
openpyxl's datetime/time isoformat()), t duration (value: seconds, from a
timedelta). Empty strings and None (uncached formulas) are left out, as
tests/support/openpyxl_dump.py does. Strings are as openpyxl returns them
(it does not decode _xHHHH_ escapes).
"""
import datetime
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "..", "shared", "corpus")
OUT = os.path.join(HERE, "..", "fixtures", "corpus-expected.json")


def cell_entry(c):
    v = c.value
    if v is None or v == "":
        return None
    if isinstance(v, datetime.timedelta):
        return [c.coordinate, "t", v.total_seconds()]
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return [c.coordinate, "d", v.isoformat()]
    if isinstance(v, bool):
        return [c.coordinate, "b", v]
    if isinstance(v, (int, float)):
        return [c.coordinate, "n", v]
    return [c.coordinate, "e" if c.data_type == "e" else "s", str(v)]


def dump(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        cells = []
        # ws._cells holds only the cells present in the file; iter_rows() would
        # walk the whole bounding box (a stray cell at XFD1048576 makes that
        # billions of cells).
        for key in sorted(ws._cells):
            e = cell_entry(ws._cells[key])
            if e:
                cells.append(e)
        sheets.append({"name": ws.title, "state": ws.sheet_state, "cells": cells})
    return {"sheets": sheets}


def write(out, entries):
    with open(out, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries))
        f.write("\n]\n")


def main_xls(corpus):
    soffice = shutil.which("soffice") or sys.exit("make_corpus_expectations: --xls needs LibreOffice (soffice)")
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        for folder in sorted(os.listdir(corpus)):
            full = os.path.join(corpus, folder)
            if not os.path.isdir(full):
                continue
            for name in sorted(os.listdir(full)):
                if not name.lower().endswith(".xls"):
                    continue
                rel = f"{folder}/{name}"
                out_dir = os.path.join(tmp, folder)
                subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                                "--outdir", out_dir, os.path.join(full, name)], capture_output=True, timeout=300)
                converted = os.path.join(out_dir, name[:-4] + ".xlsx")
                try:
                    entry = dump(converted)
                except Exception as exc:
                    entry = {"error": f"{type(exc).__name__}: {exc}"}
                entries.append({"file": rel, "via": version, **entry})
    write(os.path.join(HERE, "..", "fixtures", "corpus-xls-expected.json"), entries)
    failed = [e["file"] for e in entries if "error" in e]
    print(f"{len(entries)} .xls files, {len(failed)} not converted: {failed}", file=sys.stderr)


def main():
    # openpyxl builds a DOM: cap its memory so one odd file cannot take the machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    args = sys.argv[1:]
    xls = "--xls" in args
    args = [a for a in args if a != "--xls"]
    corpus = os.path.abspath(args[0] if args else DEFAULT_CORPUS)
    if xls:
        return main_xls(corpus)
    entries = []
    for folder in sorted(os.listdir(corpus)):
        full = os.path.join(corpus, folder)
        if not os.path.isdir(full):
            continue
        for name in sorted(os.listdir(full)):
            if not name.lower().endswith((".xlsx", ".xlsm")):
                continue
            rel = f"{folder}/{name}"
            try:
                entry = dump(os.path.join(full, name))
            except Exception as exc:  # openpyxl's own failures are recorded, not fatal
                entry = {"error": f"{type(exc).__name__}: {exc}"}
            entries.append({"file": rel, **entry})
    write(OUT, entries)
    failed = [e["file"] for e in entries if "error" in e]
    print(f"{len(entries)} files, {len(failed)} openpyxl failures: {failed}", file=sys.stderr)


if __name__ == "__main__":
    main()
