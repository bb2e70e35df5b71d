#!/usr/bin/python3
"""Compares two department workbooks written by `itawb split` cell by cell,
as hosts/wasm/compare.py does, except for the two values of the veryHidden `_itawb`
identity sheet that depend on when the split ran: split_time, and the
checksum sealing it. Those must be present and well formed on both sides
(and `itawb merge` then checks each seal).  usage: compare_split.py A.xlsx B.xlsx"""
import importlib.util
import os
import re
import sys

spec = importlib.util.spec_from_file_location(
    "compare", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "wasm", "compare.py"))
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)

cells = compare.cells
TIMED = {"split_time": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "checksum": r"[0-9a-f]{64}"}


def without_time(path):
    names, sheets = cells(path)
    ident = sheets.get("_itawb")
    if ident is None:
        sys.exit(f"{path}: no _itawb identity sheet")
    for ref, key in list(ident.items()):
        if ref.startswith("A") and key in TIMED:
            value_ref = "B" + ref[1:]
            value = ident.pop(value_ref, None)
            if not isinstance(value, str) or not re.fullmatch(TIMED[key], value):
                sys.exit(f"{path}: _itawb!{value_ref} ({key}) is {value!r}")
    return names, sheets


def main():
    compare.cells = without_time  # compare.main() reads both workbooks through it
    return compare.main()


if __name__ == "__main__":
    sys.exit(main())
