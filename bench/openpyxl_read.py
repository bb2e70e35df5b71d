#!/usr/bin/python3
"""Reads every sheet of a workbook with openpyxl's read-only mode, like
read_bench does with itawb, and prints the same figures.

    /usr/bin/python3 bench/openpyxl_read.py FILE

(Debian's python3 has openpyxl; the pyenv python3 on PATH does not.)
"""
import datetime
import resource
import sys
import time

from openpyxl import load_workbook


def type_letter(value):
    """The letter read_bench uses: n, s, b, e or d."""
    if isinstance(value, bool):  # before int: bool is an int in Python
        return "b"
    if isinstance(value, (int, float)):
        return "n"
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return "d"
    if isinstance(value, str) and value.startswith("#") and value in ERRORS:
        return "e"
    return "s"


ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}


def cpu_seconds():
    """User + system CPU time: steadier than wall time on a loaded machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) != 2:
        print("usage: openpyxl_read.py FILE", file=sys.stderr)
        return 2
    counts = {letter: 0 for letter in "nsbed"}
    start = time.perf_counter()
    cpu_start = cpu_seconds()
    book = load_workbook(sys.argv[1], read_only=True, data_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    counts[type_letter(value)] += 1
    book.close()
    seconds = time.perf_counter() - start
    cells = sum(counts.values())
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    cpu = cpu_seconds() - cpu_start
    print("types " + " ".join(f"{k}={v}" for k, v in counts.items()))
    print(f"openpyxl-read cells={cells} seconds={seconds:.3f} cpu_seconds={cpu:.3f} "
          f"cells_per_s={cells / seconds if seconds else 0:.0f} peak_rss_mib={peak_mib:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
