#!/usr/bin/python3
"""Edits a department's returned workbook as staff would in Excel, through
openpyxl (which ignores sheet protection, like a copy-paste would).

usage: edit_return.py FILE EDITS.json
EDITS: {"set": [{"id": "2", "quarter": 3, "status": "...", "result": "..."}],
        "add": [{"id": "4", "quarter": 3, "status": "...", "result": "..."}],
        "identity": {"department": "กองช่าง"}}      (tamper with the identity sheet)
  set: fills the row of that measure and quarter (it must exist); a key
       that is not one of COLUMNS is a header title on row 4 (a schema column);
  add: writes a new row in the first empty row below the data;
  a value {"date": "2025-06-27"} is written as a date cell (as Excel does
  when staff type a date), any other value as it is.
"""
import datetime
import json
import sys

import openpyxl

COLUMNS = {"id": 1, "quarter": 3, "status": 4, "result": 5, "obstacles": 6, "suggestions": 7,
           "evidence": 8, "reporter": 9, "date": 10}
FIRST_DATA_ROW = 5  # 1-based; header on row 4


def arabic(value):
    """A measure's number as text in Arabic digits: the workbook writes it in
    its own digits (Thai by default)."""
    return str(value).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def column_of(ws, key):
    if key in COLUMNS:
        return COLUMNS[key]
    for c in ws[FIRST_DATA_ROW - 1]:
        if c.value == key:
            return c.column
    sys.exit("no column %s" % key)


def fill(ws, r, values):
    for key, value in values.items():
        if key in ("id", "quarter") and ws.cell(row=r, column=COLUMNS[key]).value not in (None, ""):
            continue
        if isinstance(value, dict) and "date" in value:
            cell = ws.cell(row=r, column=column_of(ws, key), value=datetime.date.fromisoformat(value["date"]))
            cell.number_format = "d/m/yyyy"
        else:
            ws.cell(row=r, column=column_of(ws, key), value=value)


def main():
    path, edits = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    wb = openpyxl.load_workbook(path)
    ws = wb["ความก้าวหน้า"]
    for e in edits.get("set", []):
        for r in range(FIRST_DATA_ROW, ws.max_row + 1):
            if arabic(ws.cell(row=r, column=1).value) == arabic(e["id"]) and ws.cell(row=r, column=3).value == e["quarter"]:
                fill(ws, r, e)
                break
        else:
            sys.exit("no row for measure %s quarter %s" % (e["id"], e["quarter"]))
    for e in edits.get("add", []):
        r = FIRST_DATA_ROW
        while ws.cell(row=r, column=1).value not in (None, ""):
            r += 1
        fill(ws, r, e)
    if "identity" in edits:
        ident = wb["_itawb"]
        for row in ident.iter_rows(min_row=1):
            key = row[0].value
            if key in edits["identity"]:
                row[1].value = edits["identity"][key]
    wb.save(path)


if __name__ == "__main__":
    main()
