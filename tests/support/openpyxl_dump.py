#!/usr/bin/python3
"""Independent reader for tests: dumps what openpyxl (Debian python3-openpyxl)
sees in a workbook as one JSON document on stdout.

usage: openpyxl_dump.py FILE [--values-only]

{"sheets": [{"name", "state", "cells": {"A1": {"v": value, "t": type,
  "fmt": number_format, "font": name, "size": pt, "bold": bool,
  "fill": "FFRRGGBB"|null, "wrap": bool, "color", "italic", "border": {side: style},
  "bottom_color", "halign", "valign", "comment"}} "blanks": {"D6": {... as cells}} (empty cells with a style),
  "hidden_rows": [4], "merged": ["A1:C1"],
  "freeze": "A3"|null, "print_title_rows": "1:2"|null,
  "paper": 9|null, "landscape": bool, "orientation": "portrait"|"landscape"|null, "col_widths": {"A": 12.5}, "row_heights": {"3": 24.75}, "hidden_cols": ["H"], "hidden": bool,
  "validations": [{"sqref", "type", "formula1"}],
  "protected": bool, "header": {"left"|"center"|"right": text},
  "footer": {...}}]}
Dates come out as ISO strings with t = "d".
"""
import datetime
import json
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402


def cell_value(c):
    v = c.value
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat(), "d"
    if isinstance(v, bool):
        return v, "b"
    if isinstance(v, (int, float)):
        return v, "n"
    if v is None:
        return None, "z"
    return str(v), ("e" if c.data_type == "e" else "s")


def header_footer(hf):
    """The odd-page header or footer as its non-empty sections' text."""
    parts = {"left": hf.left, "center": hf.center, "right": hf.right}
    return {k: p.text for k, p in parts.items() if p is not None and p.text}


def styled(c, entry):
    """Font colour, italic, borders, alignment and comment of a cell."""
    color = c.font.color.rgb if c.font and c.font.color is not None else None
    entry["color"] = color if isinstance(color, str) else None
    entry["italic"] = bool(c.font.i) if c.font else False
    entry["border"] = {side: getattr(c.border, side).style for side in ("left", "right", "top", "bottom")}
    bottom = c.border.bottom.color.rgb if c.border.bottom.color is not None else None
    entry["bottom_color"] = bottom if isinstance(bottom, str) else None
    entry["halign"] = c.alignment.horizontal
    entry["valign"] = c.alignment.vertical
    entry["comment"] = c.comment.text if c.comment else None


def dump(path, values_only):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {"sheets": []}
    for ws in wb.worksheets:
        sheet = {"name": ws.title, "state": ws.sheet_state, "cells": {}}
        for row in ws.iter_rows():
            for c in row:
                v, t = cell_value(c)
                if v is None or v == "":
                    continue
                entry = {"v": v, "t": t}
                if not values_only:
                    entry["fmt"] = c.number_format
                    entry["font"] = c.font.name if c.font else None
                    entry["size"] = c.font.sz if c.font else None
                    entry["bold"] = bool(c.font.b) if c.font else False
                    rgb = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
                    entry["fill"] = rgb if isinstance(rgb, str) else None
                    entry["wrap"] = bool(c.alignment.wrap_text) if c.alignment else False
                    entry["locked"] = bool(c.protection.locked) if c.protection else True
                    styled(c, entry)
                sheet["cells"][c.coordinate] = entry
        if not values_only:
            # Empty cells with a format of their own (a border, a fill).
            sheet["blanks"] = {}
            for row in ws.iter_rows():
                for c in row:
                    if c.value is None and c.has_style:
                        entry = {"v": None, "t": "z"}
                        styled(c, entry)
                        rgb = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
                        entry["fill"] = rgb if isinstance(rgb, str) else None
                        entry["locked"] = bool(c.protection.locked) if c.protection else True
                        sheet["blanks"][c.coordinate] = entry
            sheet["hidden_rows"] = sorted(k for k, d in ws.row_dimensions.items() if d.hidden)
            sheet["merged"] = [str(r) for r in ws.merged_cells.ranges]
            sheet["freeze"] = ws.freeze_panes
            sheet["print_title_rows"] = ws.print_title_rows
            sheet["paper"] = int(ws.page_setup.paperSize) if ws.page_setup.paperSize else None
            sheet["landscape"] = ws.page_setup.orientation == "landscape"
            sheet["orientation"] = ws.page_setup.orientation  # None when the file sets none
            # openpyxl keeps a <col min max> range under its first letter:
            # every column of the range is listed.
            def letters(d, k):
                lo, hi = (d.min or 0), (d.max or 0)
                if lo < 1 or hi < lo:
                    return [k]
                return [get_column_letter(i) for i in range(lo, min(hi, lo + 200) + 1)]
            sheet["col_widths"] = {c: d.width for k, d in ws.column_dimensions.items() if d.width for c in letters(d, k)}
            sheet["row_heights"] = {str(k): d.height for k, d in ws.row_dimensions.items() if d.height}
            sheet["hidden_cols"] = sorted(c for k, d in ws.column_dimensions.items() if d.hidden for c in letters(d, k))
            sheet["hidden"] = ws.sheet_state != "visible"
            sheet["validations"] = [
                {"sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1}
                for dv in ws.data_validations.dataValidation
            ]
            sheet["protected"] = bool(ws.protection.sheet)
            sheet["header"] = header_footer(ws.oddHeader)
            sheet["footer"] = header_footer(ws.oddFooter)
            # On load openpyxl binds links to cells (ws._hyperlinks stays empty).
            links = {h.ref: (h.target or h.location) for h in ws._hyperlinks}
            for row in ws.iter_rows():
                for c in row:
                    if c.hyperlink is not None:
                        links[c.coordinate] = c.hyperlink.target or c.hyperlink.location
            sheet["hyperlinks"] = links
        out["sheets"].append(sheet)
    return out


if __name__ == "__main__":
    json.dump(dump(sys.argv[1], "--values-only" in sys.argv), sys.stdout, ensure_ascii=False)
