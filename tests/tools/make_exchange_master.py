#!/usr/bin/python3
"""Writes a small master workbook for the split/merge tests: an อบต. with
three departments (สำนักปลัด, กองคลัง, กองช่าง), five measures (one shared
by สำนักปลัด and กองคลัง, one for every department) and a few progress rows.

usage: make_exchange_master.py OUT.xlsx [--change-measure ID TEXT] [--owner ID TEXT]... [--agency NAME]
  --change-measure: write the same workbook with measure ID's text changed
  (the master edited after the split);
  --owner: measure ID's owner written as TEXT (a typo, a name no one knows);
  --agency: another agency's name (a plan of another agency).
"""
import sys

import openpyxl

MEASURES = [
    # id, issue, deficiency, measure, steps, timeframe, owner
    ["1", 1, "i1", "จัดทำคู่มือการปฏิบัติงาน", "ประชุมจัดทำคู่มือ", "ไตรมาส 1-2", "สำนักปลัด"],
    ["2", 4, "i9", "ควบคุมการยืมทรัพย์สินของราชการ", "จัดทำทะเบียนยืมคืน", "ไตรมาส 2-4", "กองคลัง"],
    ["3", 2, "o10", "ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน", "อัปเดตข้อมูลทุกเดือน", "ทุกไตรมาส", "สำนักปลัด, กองคลัง"],
    ["4", 3, "e5", "ลดขั้นตอนการขออนุญาตก่อสร้าง", "จัดทำผังขั้นตอน", "ไตรมาส 3", "กองช่าง"],
    ["5", 6, "", "ประกาศเจตนารมณ์ต่อต้านการทุจริต", "ทุกส่วนงานร่วมลงนาม", "ไตรมาส 1", "ทุกส่วนงาน"],
]
PROGRESS = [
    # measure id, quarter, status, result, reporter, date
    ["1", 1, "ดำเนินการแล้ว", "จัดทำคู่มือฉบับร่างแล้ว", "นางสาว ก", "2025-12-20"],
    ["2", 2, "อยู่ระหว่างดำเนินการ", "เริ่มจัดทำทะเบียน", "นาย ข", "2026-03-25"],
]


def main():
    out = sys.argv[1]
    measures = [list(m) for m in MEASURES]
    if "--change-measure" in sys.argv:
        i = sys.argv.index("--change-measure")
        mid, text = sys.argv[i + 1], sys.argv[i + 2]
        for m in measures:
            if m[0] == mid:
                m[3] = text
    args = sys.argv
    for i, a in enumerate(args):
        if a == "--owner":
            for m in measures:
                if m[0] == args[i + 1]:
                    m[6] = args[i + 2]
    agency = args[args.index("--agency") + 1] if "--agency" in args else "องค์การบริหารส่วนตำบลทดสอบ"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "หน่วยงาน"
    for row in [["ชื่อหน่วยงาน", agency], ["อำเภอ", "เมือง"], ["จังหวัด", "เชียงราย"],
                ["ปีที่ประเมิน", 2568], ["ปีของมาตรการ", 2569],
                ["ส่วนราชการ", "สำนักปลัด"], ["ส่วนราชการ", "กองคลัง"], ["ส่วนราชการ", "กองช่าง"]]:
        ws.append(row)
    ms = wb.create_sheet("มาตรการ")
    ms.append(["ลำดับ", "ประเด็น", "ข้อบกพร่อง", "มาตรการ", "ขั้นตอน", "ระยะเวลา", "ผู้รับผิดชอบ",
               "งบประมาณ", "ตัวชี้วัดความสำเร็จ"])
    for m in measures:
        ms.append(m + ["", ""])
    ps = wb.create_sheet("ความก้าวหน้า")
    ps.append(["ลำดับมาตรการ", "ไตรมาส", "สถานะ", "ผลการดำเนินการ", "ปัญหาอุปสรรค", "ข้อเสนอแนะ",
               "หลักฐาน", "ผู้รายงาน", "วันที่รายงาน"])
    for p in PROGRESS:
        ps.append([p[0], p[1], p[2], p[3], "", "", "", p[4], p[5]])
    wb.save(out)


if __name__ == "__main__":
    main()
