#!/usr/bin/python3
"""Independent reader for the charts of a workbook (openpyxl drops charts when
it reads): follows workbook -> sheet -> drawing -> chart relationships in the
zip with the standard library only, and prints one JSON document:

{"SHEET NAME": [{"title": "...", "type": "barChart", "fonts": ["TH SarabunPSK"],
                 "series": [{"name": "...", "categories": "'S'!$A$1:$A$3",
                             "values": "'S'!$B$1:$B$3", "labels": false}],
                 "value_min": 80.0, "value_max": 100.0}]}   (bounds only when set)

usage: charts_dump.py FILE.xlsx
"""
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def rels(z, part):
    path = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if path not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(path)).findall("pr:Relationship", NS):
        out[r.get("Id")] = (r.get("Type").rsplit("/", 1)[-1],
                            posixpath.normpath(posixpath.join(posixpath.dirname(part), r.get("Target"))))
    return out


def chart_of(z, part):
    root = ET.fromstring(z.read(part))
    plot = root.find("c:chart/c:plotArea", NS)
    kinds = [child.tag.split("}")[1] for child in plot if child.tag.endswith("Chart")]
    title = "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", NS))
    series = []
    for ser in plot.iter("{%s}ser" % NS["c"]):
        name = "".join(v.text or "" for v in ser.findall("c:tx//c:v", NS)) or "".join(
            v.text or "" for v in ser.findall("c:tx//a:t", NS))
        series.append({
            "name": name,
            "categories": (ser.find("c:cat//c:f", NS).text if ser.find("c:cat//c:f", NS) is not None else None),
            "values": (ser.find("c:val//c:f", NS).text if ser.find("c:val//c:f", NS) is not None else None),
            "labels": ser.find("c:dLbls/c:showVal", NS) is not None
                      and ser.find("c:dLbls/c:showVal", NS).get("val") in ("1", "true"),
        })
    fonts = sorted({e.get("typeface") for e in root.iter("{%s}latin" % NS["a"])})
    # The value axis' bounds (None: automatic).
    bounds = {}
    for ax in plot.findall("c:valAx", NS):
        for bound in ("min", "max"):
            e = ax.find("c:scaling/c:" + bound, NS)
            if e is not None:
                bounds["value_" + bound] = float(e.get("val"))
    chart = {"title": title, "type": kinds[0] if kinds else None, "fonts": fonts, "series": series}
    chart.update(bounds)
    return chart


def main():
    z = zipfile.ZipFile(sys.argv[1])
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    wb_rels = rels(z, "xl/workbook.xml")
    out = {}
    for sheet in wb.findall("m:sheets/m:sheet", NS):
        rid = sheet.get("{%s}id" % NS["r"])
        if rid not in wb_rels:
            continue
        part = wb_rels[rid][1]
        charts = []
        for kind, drawing in rels(z, part).values():
            if kind != "drawing":
                continue
            for ckind, chart in rels(z, drawing).values():
                if ckind == "chart":
                    charts.append(chart_of(z, chart))
        out[sheet.get("name")] = charts
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
