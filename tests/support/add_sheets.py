#!/usr/bin/python3
"""Adds worksheets to a copy of a workbook by editing its package, for tests
of what Excel accepts and openpyxl would refuse or rename: sheet names that
differ only in letter case, names with an apostrophe at either end, copies
like "บันทึกข้อความ (2)", inline texts of any length, and sheets formatted down
to row 1,048,576.

usage: add_sheets.py IN.xlsx OUT.xlsx SPEC.json

SPEC: {"sheets": [{"name": "...",
                   "cells": [["A1", "text"], ["B2", 5], ...],   inline strings / numbers
                                                                 (or {"A1": "text", ...})
                   "styled_rows": [first, last, style, cols]}]} optional: rows first..last
                                                                 (1-based) each with row format
                                                                 `style` and `cols` empty cells
                                                                 of that style (A, B, ...)
Texts are XML-escaped only: "_x0041_" in a text is written as is, as a
reader that does not escape would have it (use "_x005F_x0041_" for the
literal as Excel writes it).
"""
import json
import re
import sys
import zipfile
from xml.sax.saxutils import escape

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WS_TYPE = REL_NS + "/worksheet"
WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def column_letters(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    return m.group(1), int(m.group(2))


def sheet_xml(spec, out):
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    rows = {}
    cells = spec.get("cells", [])
    if isinstance(cells, dict):  # {"A1": "text"} as nlohmann writes a list of pairs
        cells = list(cells.items())
    for ref, value in cells:
        rows.setdefault(split_ref(ref)[1], []).append((ref, value))
    styled = spec.get("styled_rows")
    first, last = (styled[0], styled[1]) if styled else (0, -1)
    for r in sorted(set(rows) | set()):
        if first <= r <= last:
            continue
        write_row(out, r, rows[r], None)
    if styled:
        style, cols = styled[2], styled[3]
        for r in range(first, last + 1):
            write_row(out, r, rows.get(r, []), (style, cols))
    out.write("</sheetData></worksheet>")


def write_row(out, r, cells, styled):
    if styled:
        style, cols = styled
        out.write('<row r="%d" s="%d" customFormat="1">' % (r, style))
        for c in range(cols):
            out.write('<c r="%s%d" s="%d"/>' % (column_letters(c), r, style))
    else:
        out.write('<row r="%d">' % r)
    for ref, value in cells:
        if isinstance(value, str):
            out.write('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(value)))
        else:
            out.write('<c r="%s"><v>%s</v></c>' % (ref, value))
    out.write("</row>")


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def value(self):
        return "".join(self.parts).encode("utf-8")


def main():
    src, dst, spec_file = sys.argv[1:4]
    with open(spec_file, encoding="utf-8") as f:
        spec = json.load(f)
    zin = zipfile.ZipFile(src)
    names = zin.namelist()
    workbook = zin.read("xl/workbook.xml").decode("utf-8")
    rels = zin.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    types = zin.read("[Content_Types].xml").decode("utf-8")
    next_id = max(int(x) for x in re.findall(r'sheetId="(\d+)"', workbook)) + 1
    added = {}
    new_sheets = ""
    for i, sheet in enumerate(spec["sheets"]):
        part = "xl/worksheets/added%d.xml" % (i + 1)
        rid = "rIdAdded%d" % (i + 1)
        sink = Sink()
        sheet_xml(sheet, sink)
        added[part] = sink.value()
        new_sheets += '<sheet xmlns:r="%s" name="%s" sheetId="%d" r:id="%s"/>' % (
            REL_NS, escape(sheet["name"], {'"': "&quot;"}), next_id + i, rid)
        rels = rels.replace("</Relationships>",
                            '<Relationship Type="%s" Target="/%s" Id="%s"/></Relationships>' % (WS_TYPE, part, rid))
        types = types.replace("</Types>", '<Override PartName="/%s" ContentType="%s"/></Types>' % (part, WS_CT))
    workbook = workbook.replace("</sheets>", new_sheets + "</sheets>")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for name in names:
            data = zin.read(name)
            if name == "xl/workbook.xml":
                data = workbook.encode("utf-8")
            elif name == "xl/_rels/workbook.xml.rels":
                data = rels.encode("utf-8")
            elif name == "[Content_Types].xml":
                data = types.encode("utf-8")
            zout.writestr(name, data)
        for part, data in added.items():
            zout.writestr(part, data)


if __name__ == "__main__":
    main()
