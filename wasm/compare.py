#!/usr/bin/python3
"""Compares two workbooks cell by cell with openpyxl (values only): the same
sheets in the same order, the same values. Prints the first differences;
exit 1 when they differ.  usage: compare.py A.xlsx B.xlsx"""
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402


def cells(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value not in (None, "")}
    return [ws.title for ws in wb.worksheets], out


def main():
    names_a, a = cells(sys.argv[1])
    names_b, b = cells(sys.argv[2])
    diffs = []
    if names_a != names_b:
        diffs.append(f"sheets: {names_a} != {names_b}")
    for name in names_a:
        for ref in sorted(set(a.get(name, {})) | set(b.get(name, {}))):
            va, vb = a.get(name, {}).get(ref), b.get(name, {}).get(ref)
            if va != vb and not (isinstance(va, float) and isinstance(vb, float) and abs(va - vb) < 1e-9):
                diffs.append(f"{name}!{ref}: {va!r} != {vb!r}")
    n = sum(len(v) for v in a.values())
    if diffs:
        print(f"DIFFERENT ({len(diffs)} of {n} cells):", *diffs[:20], sep="\n  ")
        return 1
    print(f"same: {len(names_a)} sheets, {n} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
