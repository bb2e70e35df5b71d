#!/usr/bin/python3
"""Adds a column to a table sheet of a workbook, as an officer would in Excel:
a header after the last header cell and values on the rows whose key column
holds the given ids.

usage: add_column.py IN.xlsx OUT.xlsx SHEET KEY_HEADER TITLE VALUES.json
  KEY_HEADER: the header text of the key column (e.g. ลำดับ); its row is the
  header row. VALUES: {"1": "text", ...} by key value.
"""
import json
import sys

import openpyxl


def main():
    src, out, sheet, key_header, title, values_file = sys.argv[1:7]
    values = json.load(open(values_file, encoding="utf-8"))
    wb = openpyxl.load_workbook(src)
    ws = wb[sheet]
    for row in ws.iter_rows(min_row=1, max_row=10):
        key = next((c for c in row if c.value == key_header), None)
        if key is not None:
            break
    else:
        sys.exit("no header %s on sheet %s" % (key_header, sheet))
    header = key.row
    last = max(c.column for c in ws[header] if c.value not in (None, ""))
    ws.cell(row=header, column=last + 1, value=title)
    for r in range(header + 1, ws.max_row + 1):
        k = ws.cell(row=r, column=key.column).value
        if k is not None and str(k) in values:
            ws.cell(row=r, column=last + 1, value=values[str(k)])
    wb.save(out)


if __name__ == "__main__":
    main()
