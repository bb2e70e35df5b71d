#!/usr/bin/python3
"""Checks the Excel add-in's manifest as written by hosts/excel/build.py,
here, without Microsoft's validation service (`office-addin-manifest
validate` posts the XML to validationgateway.omex.office.net, which this
machine cannot reach): well-formed XML, the elements Office requires in the
order its schema (MS-OWEMXML) requires, a GUID id, a four-part version, every
address HTTPS and under one base, every resid defined, the Excel host and
ExcelApi 1.13, ReadWriteDocument. Also checks that the files the manifest
names are beside it. Exit 1 with every problem listed.

    manifest_check.py OUTDIR/manifest.xml"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
}
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"
ORDER = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
         "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
         "Permissions", "VersionOverrides"]
REQUIRED = {"Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
            "SupportUrl", "DefaultSettings", "Permissions"}


def main() -> int:
    path = pathlib.Path(sys.argv[1])
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != f"{{{NS['o']}}}OfficeApp" or root.get(XSI) != "TaskPaneApp":
        problems.append(f"root is {root.tag} {root.get(XSI)}, not a TaskPaneApp OfficeApp")
    names = [child.tag.split("}")[1] for child in root]
    missing = REQUIRED - set(names)
    if missing:
        problems.append(f"missing elements: {sorted(missing)}")
    positions = [ORDER.index(n) for n in names if n in ORDER]
    if positions != sorted(positions):
        problems.append(f"elements out of the schema's order: {names}")
    unknown = [n for n in names if n not in ORDER]
    if unknown:
        problems.append(f"unknown elements: {unknown}")
    text = lambda tag: root.find(f"o:{tag}", NS).text if root.find(f"o:{tag}", NS) is not None else ""
    if not re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text("Id")):
        problems.append(f"Id {text('Id')!r} is not a GUID")
    if not re.fullmatch(r"\d+(\.\d+){3}", text("Version")):
        problems.append(f"Version {text('Version')!r} is not n.n.n.n")
    if text("Permissions") != "ReadWriteDocument":
        problems.append("Permissions must be ReadWriteDocument (it inserts sheets)")
    hosts = [h.get("Name") for h in root.iterfind("o:Hosts/o:Host", NS)]
    if hosts != ["Workbook"]:
        problems.append(f"Hosts {hosts}, expected Workbook")
    sets = {s.get("Name"): s.get("MinVersion") for s in root.iterfind("o:Requirements/o:Sets/o:Set", NS)}
    if sets.get("ExcelApi") != "1.13":
        problems.append(f"requirement sets {sets}: ExcelApi 1.13 expected (insertWorksheetsFromBase64)")
    for label in ("DisplayName", "Description"):
        value = root.find(f"o:{label}", NS).get("DefaultValue", "")
        limit = 125 if label == "DisplayName" else 250
        if not value or len(value) > limit:
            problems.append(f"{label} empty or longer than {limit}: {len(value)}")

    urls = [e.get("DefaultValue") for e in root.iter() if e.tag.split("}")[1] in
            ("IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url")
            and e.get("DefaultValue")]
    bases = {u.rsplit("/", 1)[0] for u in urls}
    for u in urls:
        if not u.startswith("https://"):
            problems.append(f"not HTTPS: {u}")
    if len(bases) != 1:
        problems.append(f"addresses under more than one base: {sorted(bases)}")
    for name in sorted({u.rsplit("/", 1)[1] for u in urls}):
        if not (path.parent / name).is_file():
            problems.append(f"{name} is named by the manifest but not beside it")

    overrides = root.find("ov:VersionOverrides", NS)
    if overrides is None:
        problems.append("no VersionOverrides: no ribbon button")
    else:
        defined = {e.get("id") for e in overrides.iterfind("ov:Resources//*[@id]", NS)}
        used = {e.get("resid") for e in overrides.iter() if e.get("resid")}
        for resid in sorted(used - defined):
            problems.append(f"resid {resid} is used but not defined")
        for short in overrides.iterfind("ov:Resources/bt:ShortStrings/bt:String", NS):
            if len(short.get("DefaultValue", "")) > 125:
                problems.append(f"short string {short.get('id')} longer than 125")
        if overrides.find(".//ov:Action[@{http://www.w3.org/2001/XMLSchema-instance}type='ShowTaskpane']", NS) is None:
            problems.append("no ShowTaskpane action")

    for p in problems:
        print(f"manifest: {p}")
    print(f"manifest {path}: {'OK' if not problems else f'{len(problems)} problems'} "
          f"({len(urls)} addresses under {sorted(bases)})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
