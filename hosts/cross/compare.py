#!/usr/bin/python3
"""Compares two workbooks cell by cell with openpyxl (values only): the same
sheets in the same order, the same values. Prints the first differences;
exit 1 when they differ.
usage: compare.py A.xlsx B.xlsx [--skip-sheet NAME]... [--split]
--skip-sheet: a sheet whose cells are not compared.
--split: department workbooks written by `itawb split`: the two values of the
  veryHidden `_itawb` identity sheet that depend on when the split ran
  (split_time, and the checksum sealing it) must be present and well formed
  on both sides but are not compared (`itawb merge` then checks each seal)."""
import re
import sys
import warnings

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402

TIMED = {"split_time": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "checksum": r"[0-9a-f]{64}"}


def cells(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value not in (None, "")}
    return [ws.title for ws in wb.worksheets], out


def without_split_time(path, sheets):
    ident = sheets.get("_itawb")
    if ident is None:
        sys.exit(f"{path}: no _itawb identity sheet")
    for ref, key in list(ident.items()):
        if ref.startswith("A") and key in TIMED:
            value_ref = "B" + ref[1:]
            value = ident.pop(value_ref, None)
            if not isinstance(value, str) or not re.fullmatch(TIMED[key], value):
                sys.exit(f"{path}: _itawb!{value_ref} ({key}) is {value!r}")


def main():
    args = sys.argv[1:]
    skip = {args[i + 1] for i, a in enumerate(args) if a == "--skip-sheet"}
    files = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--skip-sheet")]
    if len(files) != 2:
        sys.exit(__doc__)
    names_a, a = cells(files[0])
    names_b, b = cells(files[1])
    if "--split" in args:
        without_split_time(files[0], a)
        without_split_time(files[1], b)
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
