#!/usr/bin/python3
"""Builds or fills workbooks for the schema tests with openpyxl (an
independent writer, as a clerk's Excel would be).

usage: workbook_tool.py new  SPEC.json OUT.xlsx
       workbook_tool.py fill IN.xlsx SPEC.json OUT.xlsx

new:  {"sheets": [{"name": "...", "rows": [[cell, ...], ...]}]}
fill: {"Sheet name": {"B3": value, ...}}
A cell is null, a number, a string, or {"date": "2025-10-21"}.
"""
import datetime
import json
import sys

import openpyxl


def value(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    return v


def new(spec_path, out):
    spec = json.load(open(spec_path, encoding="utf-8"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    cell = ws.cell(row=r, column=c, value=value(v))
                    if isinstance(v, dict):
                        cell.number_format = "d/m/yyyy"
    wb.save(out)


def fill(src, spec_path, out):
    spec = json.load(open(spec_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(src)
    for name, cells in spec.items():
        ws = wb[name]
        for ref, v in cells.items():
            ws[ref] = value(v)
            if isinstance(v, dict):
                ws[ref].number_format = "d/m/yyyy"
    wb.save(out)


if __name__ == "__main__":
    if sys.argv[1] == "new":
        new(sys.argv[2], sys.argv[3])
    else:
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
