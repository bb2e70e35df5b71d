#!/usr/bin/python3
"""Dumps openpyxl's view of every .xlsx/.xlsm in the shared corpus into one
compact, committed file: tests/fixtures/corpus-expected.json.

usage: /usr/bin/python3 tests/tools/make_corpus_expectations.py [CORPUS_DIR]

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
import sys
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


def main():
    # openpyxl builds a DOM: cap its memory so one odd file cannot take the machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS)
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
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries))
        f.write("\n]\n")
    failed = [e["file"] for e in entries if "error" in e]
    print(f"{len(entries)} files, {len(failed)} openpyxl failures: {failed}", file=sys.stderr)


if __name__ == "__main__":
    main()
