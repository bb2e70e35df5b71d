#!/usr/bin/python3
"""Compares two workbooks cell by cell with openpyxl (values only): the same
sheets in the same order, the same values. Prints the first differences;
exit 1 when they differ.
usage: compare.py A.xlsx B.xlsx [--skip-sheet NAME]...
(--skip-sheet: a sheet whose cells are not compared, e.g. split's `_itawb`
identity, which records the time of the split.)"""
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
    args = sys.argv[1:]
    skip = {args[i + 1] for i, a in enumerate(args) if a == "--skip-sheet"}
    names_a, a = cells(args[0])
    names_b, b = cells(args[1])
    for name in skip:
        a.pop(name, None)
        b.pop(name, None)
    diffs = []
    if names_a != names_b:
        diffs.append(f"sheets: {names_a} != {names_b}")
    for name in names_a:
        if name in skip:
            continue
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
