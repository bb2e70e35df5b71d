#!/usr/bin/python3
"""Writes the same shape of workbook as gen_workbook, with openpyxl's
write-only mode, and prints the same figures.

    /usr/bin/python3 bench/openpyxl_write.py OUT.xlsx ROWS COLS [--strings-ratio R]

A header row, then ROWS rows of COLS cells: strings with probability R
(from a pool of 1000 Thai and ASCII texts), otherwise numbers (60%), dates
with a d/m/yyyy format (25%) and booleans (15%).
"""
import argparse
import datetime
import random
import resource
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

THAI = ["โครงการพัฒนาระบบสารสนเทศ", "งบประมาณรายจ่ายประจำปี", "สำนักงานเขตพื้นที่การศึกษา",
        "ตัวชี้วัดความโปร่งใส", "การเปิดเผยข้อมูลสาธารณะ", "แผนปฏิบัติราชการ", "กองคลัง",
        "ฝ่ายบริหารทั่วไป", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"]
ASCII = ["ITA-", "PLAN-", "Budget item ", "Unit ", "OIT "]


def string_pool(rng):
    pool = []
    for i in range(1000):
        if i % 2 == 0:
            pool.append(f"{rng.choice(THAI)} {i}")
        else:
            pool.append(f"{rng.choice(ASCII)}{1000 + i}")
    return pool


def data_row(sheet, cols, ratio, rng, pool):
    epoch = datetime.date(2020, 1, 1)
    row = []
    for _ in range(cols):
        u = rng.random()
        if u < ratio:
            row.append(rng.choice(pool))
            continue
        v = (u - ratio) / (1.0 - ratio)
        if v < 0.60:
            row.append(rng.randrange(10_000_000) / 100.0)
        elif v < 0.85:
            cell = WriteOnlyCell(sheet, value=epoch + datetime.timedelta(days=rng.randrange(3650)))
            cell.number_format = "d/m/yyyy"
            row.append(cell)
        else:
            row.append(rng.randrange(2) == 1)
    return row


def cpu_seconds():
    """User + system CPU time: steadier than wall time on a loaded machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("rows", type=int)
    parser.add_argument("cols", type=int)
    parser.add_argument("--strings-ratio", type=float, default=0.3)
    args = parser.parse_args()

    start = time.perf_counter()
    cpu_start = cpu_seconds()
    rng = random.Random(20240501)
    pool = string_pool(rng)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("ข้อมูล")
    header = []
    for col in range(args.cols):
        cell = WriteOnlyCell(sheet, value=f"คอลัมน์ {col + 1}")
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for _ in range(args.rows):
        sheet.append(data_row(sheet, args.cols, args.strings_ratio, rng, pool))
    book.save(args.out)
    seconds = time.perf_counter() - start
    cells = (args.rows + 1) * args.cols
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    cpu = cpu_seconds() - cpu_start
    print(f"openpyxl-write cells={cells} seconds={seconds:.3f} cpu_seconds={cpu:.3f} "
          f"cells_per_s={cells / seconds if seconds else 0:.0f} peak_rss_mib={peak_mib:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
