#!/usr/bin/python3
"""Prints each sheet's page header/footer (as openpyxl reads them) as JSON:
{"Sheet": {"header": "&L...&C...&R...", "footer": "...", "paper": 9, "landscape": true}}"""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402


def part(hf):
    out = ""
    for code, p in (("&L", hf.left), ("&C", hf.center), ("&R", hf.right)):
        if p.text:
            out += code + p.text
    return out


wb = openpyxl.load_workbook(sys.argv[1])
json.dump({ws.title: {"header": part(ws.oddHeader), "footer": part(ws.oddFooter),
                      "paper": int(ws.page_setup.paperSize or 0),
                      "landscape": ws.page_setup.orientation == "landscape"}
           for ws in wb.worksheets}, sys.stdout, ensure_ascii=False)
