#!/usr/bin/python3
"""Builds the reader fixtures in tests/fixtures/xlsx/ (committed; CI does not
run this). Real producers where one exists (openpyxl here, LibreOffice and
Gnumeric when --producers is given), hand-built zips (zipfile) for the traps
no producer writes on demand.

usage: /usr/bin/python3 tests/tools/make_xlsx_fixtures.py [--producers]
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "xlsx")

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
T_DOC = REL_NS + "/officeDocument"
T_SHEET = REL_NS + "/worksheet"
T_SST = REL_NS + "/sharedStrings"
T_STYLES = REL_NS + "/styles"


def out(name):
    return os.path.join(OUT, name)


# --- real producers -------------------------------------------------------

def make_basic():
    """basic.xlsx (openpyxl): the everyday cell kinds, a merge, hidden sheets."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ข้อมูล"
    ws["A1"] = "ชื่อหน่วยงาน"
    ws["B1"] = "คะแนน"
    ws["C1"] = "อัตรา"
    ws["D1"] = "ผ่าน"
    ws["E1"] = "วันที่"
    ws["F1"] = "เวลา"
    ws["G1"] = "สูตร"
    ws["H1"] = "ผิดพลาด"
    ws["A2"] = "เทศบาลตำบลหนองบัว"
    ws["B2"] = 42
    ws["C2"] = 0.875
    ws["C2"].number_format = "0.00%"
    ws["D2"] = True
    ws["E2"] = datetime.date(2024, 10, 1)
    ws["E2"].number_format = "d/m/yyyy"
    ws["F2"] = datetime.datetime(2024, 10, 1, 8, 30)
    ws["F2"].number_format = "yyyy-mm-dd hh:mm"
    ws["G2"] = "=B2*2"
    ws["H2"] = "#N/A"
    ws["A3"] = "  มีช่องว่างนำหน้า"
    ws["B3"] = -1.5e-7
    ws["D3"] = False
    ws["A5"] = "หัวตารางผสาน"
    ws["A5"].font = Font(bold=True)
    ws.merge_cells("A5:C5")
    hidden = wb.create_sheet("ซ่อน")
    hidden["A1"] = "hidden sheet"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("VeryHidden")
    very["B2"] = 7
    very.sheet_state = "veryHidden"
    wb.save(out("basic.xlsx"))


def convert(tool_args, src, dest_name, ext="xlsx"):
    tmp = tempfile.mkdtemp()
    try:
        if tool_args == "soffice":
            subprocess.run(["soffice", "--headless", "--convert-to", ext, "--outdir", tmp, src],
                           check=True, capture_output=True)
            produced = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + "." + ext)
        else:
            produced = os.path.join(tmp, "out." + ext)
            subprocess.run(["ssconvert", src, produced], check=True, capture_output=True)
        shutil.copy(produced, out(dest_name))
    finally:
        shutil.rmtree(tmp)


def make_producer_copies():
    """basic.xlsx re-saved by LibreOffice and Gnumeric (formula values cached)."""
    convert("soffice", out("basic.xlsx"), "basic-libreoffice.xlsx")
    convert("ssconvert", out("basic.xlsx"), "basic-gnumeric.xlsx")
    convert("soffice", out("basic.xlsx"), "legacy.xls", ext="xls")


# --- hand-built packages --------------------------------------------------

def content_types(sheets, extra=""):
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
        f'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheets)))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + overrides + extra + '</Types>')


def package(path, sheets, shared=None, styles=None, workbook_pr="", main_ns=MAIN_NS,
            rel_ns=REL_NS, absolute=False, names=None, states=None, extra_parts=None,
            compression=zipfile.ZIP_DEFLATED):
    """sheets: list of sheet XML bodies (inside <worksheet>), or full documents
    when they start with '<?xml'."""
    names = names or [f"Sheet{i + 1}" for i in range(len(sheets))]
    states = states or [None] * len(sheets)
    prefix = "/xl/" if absolute else ""
    rels = [f'<Relationship Id="rId{i + 1}" Type="{rel_ns}/worksheet" '
            f'Target="{prefix}worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets))]
    n = len(sheets)
    if shared is not None:
        rels.append(f'<Relationship Id="rId{n + 1}" Type="{rel_ns}/sharedStrings" '
                    f'Target="{prefix}sharedStrings.xml"/>')
    if styles is not None:
        rels.append(f'<Relationship Id="rId{n + 2}" Type="{rel_ns}/styles" '
                    f'Target="{prefix}styles.xml"/>')
    sheet_entries = "".join(
        f'<sheet name="{names[i]}" sheetId="{i + 1}" r:id="rId{i + 1}"'
        + (f' state="{states[i]}"' if states[i] else "") + "/>" for i in range(n))
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}">{workbook_pr}'
                f'<sheets>{sheet_entries}</sheets></workbook>')
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", content_types(sheets))
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
                   f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" '
                   f'Target="{"/" if absolute else ""}xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
                   + "".join(rels) + "</Relationships>")
        for i, body in enumerate(sheets):
            doc = body if body.startswith("<?xml") else (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<worksheet xmlns="{main_ns}" xmlns:r="{rel_ns}">{body}</worksheet>')
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", doc)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main_ns}">{shared}</sst>')
        if styles is not None:
            z.writestr("xl/styles.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main_ns}">{styles}</styleSheet>')
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)


def sheet_data(rows, extra_after=""):
    return "<sheetData>" + rows + "</sheetData>" + extra_after


def make_strings():
    """Shared strings (plain, rich runs, phonetic run, preserved spaces,
    _xHHHH_ escapes, empty) and inline strings."""
    shared = ("<si><t>plain</t></si>"
              "<si><r><rPr><b/></rPr><t>ตัว</t></r><r><t xml:space=\"preserve\"> หนา</t></r></si>"
              "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh><phoneticPr fontId=\"1\"/></si>"
              "<si><t xml:space=\"preserve\">  lead and trail  </t></si>"
              "<si><t>a_x000D_b_x005F_x000D_c_xD83D__xDE00_</t></si>"
              "<si><t></t></si>")
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>'
            '<c r="F1" t="s"><v>5</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c>'
            '<c r="B2" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t xml:space="preserve">line rich</t></r>'
            '<rPh sb="0" eb="1"><t>よみ</t></rPh></is></c>'
            '<c r="C2" t="str"><f>"from"&amp;" formula"</f><v>from formula</v></c>'
            '<c r="D2" t="inlineStr"><is><t>tab_x0009_here</t></is></c>'
            '<c r="E2" t="inlineStr"><is><t></t></is></c></row>')
    package(out("strings.xlsx"), [sheet_data(rows)], shared=shared)


def make_no_r():
    """Rows and cells without r= (Power BI, SpreadJS style)."""
    rows = ('<row><c><v>1</v></c><c><v>2</v></c></row>'
            '<row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row>'
            '<row><c t="inlineStr"><is><t>six</t></is></c></row>')
    package(out("no-r.xlsx"), [sheet_data(rows)])


def make_values():
    """Numbers, xsd booleans (and garbage), errors, cached formula values."""
    rows = ('<row r="1"><c r="A1"><v>1.5</v></c><c r="B1"><v>-2E3</v></c><c r="C1"><v> 7 </v></c>'
            '<c r="D1"><v>abc</v></c></row>'
            '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>'
            '<c r="C2" t="b"><v>true</v></c><c r="D2" t="b"><v> false </v></c>'
            '<c r="E2" t="b"><v>yes</v></c></row>'
            '<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="e"><v>#N/A</v></c></row>'
            '<row r="4"><c r="A4"><f>1+1</f><v>2</v></c>'
            '<c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
            '<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
            '<c r="D4" t="b"><f>TRUE()</f><v>1</v></c>'
            '<c r="E4"><f>A1*2</f><v/></c>'
            '<c r="F4"><f>A1*3</f></c>'
            '<c r="G4" t="str"><f>""</f><v></v></c>'
            '<c r="H4"><f>SUM(A1:A2)</f><v>0</v></c>'
            '<c r="I4" t="str"><f>B4</f></c>'
            '<c r="J4" t="inlineStr"><f>B4</f></c></row>'
            '<row r="5"><c r="A5"><f t="shared" ref="A5:C5" si="0">A1+1</f><v>2.5</v></c>'
            '<c r="B5"><f t="shared" si="0"/><v>-1999</v></c>'
            '<c r="C5"><f t="shared" si="0"/><v>8</v></c></row>'
            '<row r="6"><c r="A6" s="0"/><c r="B6"><v></v></c>'
            '<c r="C6" t="d"><v>2024-10-01T08:30:00</v></c></row>')
    package(out("values.xlsx"), [sheet_data(rows)])


# Formats tested in dates.xlsx, one per cellXfs index: (numFmtId, code or None, kind)
DATE_FORMATS = [
    (0, None, "n"), (14, None, "d"), (15, None, "d"), (16, None, "d"), (17, None, "d"),
    (18, None, "d"), (19, None, "d"), (20, None, "d"), (21, None, "d"), (22, None, "d"),
    (45, None, "d"), (46, None, "n"), (47, None, "d"), (11, None, "n"), (49, None, "n"),
    (2, None, "n"), (10, None, "n"),
    (164, '"Date: "0.00', "n"),
    (165, "[$-1070000]d/mm/yyyy;@", "d"),
    (166, "#,##0_M_M_M", "n"),
    (167, "0.0E+0", "n"),
    (168, "[h]:mm", "n"),
    (169, "\\d0", "n"),
    (170, "[Red]0.00;[Blue]-0.00", "n"),
    (171, "yyyy-mm-dd", "d"),
    (172, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "d"),
    (173, "mm:ss.0", "d"),
    (174, "[mm]:ss", "n"),
    (175, "General", "n"),
    (176, "d/m/bbbb", "d"),
    (177, '"ปี "0', "n"),
    (178, "0.00_);[Red](0.00)", "n"),
    (179, "[$-409]mmmm d, yyyy;@", "d"),
]


def styles_xml():
    custom = [(i, c) for i, c, _ in DATE_FORMATS if c is not None]
    numfmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{escape_attr(c)}"/>' for i, c in custom)
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"'
                  + (' applyNumberFormat="1"' if i else "") + "/>" for i, _, _ in DATE_FORMATS)
    return (f'<numFmts count="{len(custom)}">{numfmts}</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(DATE_FORMATS)}">{xfs}</cellXfs>')


def escape_attr(s):
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def make_dates():
    """Row 1: 45566.5 (2024-10-01 12:00) under every format of DATE_FORMATS.
    Row 2: the 1900 leap-year bug around serial 60, and a time of day."""
    row1 = "".join(f'<c r="{col_name(i)}1" s="{i}"><v>45566.5</v></c>' for i in range(len(DATE_FORMATS)))
    row2 = ('<c r="A2" s="1"><v>59</v></c><c r="B2" s="1"><v>60</v></c><c r="C2" s="1"><v>61</v></c>'
            '<c r="D2" s="1"><v>1</v></c><c r="E2" s="8"><v>0.5</v></c>'
            '<c r="F2" s="9"><v>45566.999999</v></c><c r="G2" s="99"><v>3</v></c>')
    package(out("dates.xlsx"), [sheet_data(f'<row r="1">{row1}</row><row r="2">{row2}</row>')],
            styles=styles_xml())


def make_1904():
    """date1904 as "1" and as "true": serial 0 is 1904-01-01."""
    styles = ('<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>')
    rows = ('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44104</v></c>'
            '<c r="C1"><v>5</v></c></row>')
    for name, flag in (("date1904-1.xlsx", "1"), ("date1904-true.xlsx", "true")):
        package(out(name), [sheet_data(rows)], styles=styles,
                workbook_pr=f'<workbookPr date1904="{flag}"/>')


def make_strict():
    """Strict OOXML namespaces (purl.oclc.org) with shared strings and styles."""
    main = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    rel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45566</v></c></row>')
    package(out("strict.xlsx"), [sheet_data(rows)], shared="<si><t>strict</t></si>",
            styles='<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
            main_ns=main, rel_ns=rel)


def make_prefixed():
    """Every element prefixed (x:), as some .NET writers do."""
    doc = ('<?xml version="1.0" encoding="UTF-8"?>'
           f'<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData><x:row r="1">'
           '<x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c>'
           '<x:c r="B1"><x:v>12</x:v></x:c></x:row></x:sheetData>'
           '<x:mergeCells count="1"><x:mergeCell ref="A3:B4"/></x:mergeCells></x:worksheet>')
    package(out("prefixed.xlsx"), [doc])


def make_absolute():
    """Relationship targets written as absolute part names (/xl/...)."""
    package(out("absolute-targets.xlsx"),
            [sheet_data('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1</v></c></row>')],
            shared="<si><t>absolute</t></si>",
            styles='<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
            absolute=True)


def make_minimal():
    """No sharedStrings, styles or docProps parts at all."""
    package(out("minimal.xlsx"),
            [sheet_data('<row r="1"><c r="A1" t="inlineStr"><is><t>only</t></is></c>'
                        '<c r="B1" s="3"><v>45566</v></c></row>')])


def make_xlsm():
    """A macro-enabled workbook (.xlsm): accepted, the macros ignored."""
    path = out("macro.xlsm")
    package(path, [sheet_data('<row r="1"><c r="A1"><v>1</v></c></row>')],
            extra_parts={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0not really vba"})
    # Swap the main content type for the macro-enabled one.
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml",
                                    b"ms-excel.sheet.macroEnabled.main+xml")
            dst.writestr(item.filename, data)
    os.replace(tmp, path)


def make_huge_dimension():
    """<dimension> claims the whole grid; only three cells exist."""
    package(out("huge-dimension.xlsx"),
            ['<dimension ref="A1:XFD1048576"/>' +
             sheet_data('<row r="1"><c r="A1"><v>1</v></c></row>'
                        '<row r="1048576"><c r="XFD1048576"><v>3</v></c><c r="A1048576"><v>2</v></c></row>')])


def make_hostile():
    """Files that must be refused with a FileError."""
    package(out("out-of-grid-col.xlsx"), [sheet_data('<row r="1"><c r="XFE1"><v>1</v></c></row>')],
            names=["Data"])
    package(out("out-of-grid-row.xlsx"),
            [sheet_data('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')], names=["Data"])
    package(out("doctype-entity.xlsx"),
            ['<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
             '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
             f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
             '<is><t>&lol2;</t></is></c></row></sheetData></worksheet>'])
    package(out("doctype-external.xlsx"),
            ['<?xml version="1.0"?><!DOCTYPE worksheet SYSTEM "file:///etc/passwd">'
             f'<worksheet xmlns="{MAIN_NS}"><sheetData/></worksheet>'])
    package(out("malformed.xlsx"),
            ['<?xml version="1.0"?>'
             f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></row>'])
    with zipfile.ZipFile(out("missing-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types([]))
        z.writestr("docProps/app.xml", "<Properties/>")
    with zipfile.ZipFile(out("fake.xlsb"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types([]).replace(
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
            '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'))
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                   f'Type="{T_DOC}" Target="xl/workbook.bin"/></Relationships>')
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    open(out("empty.xlsx"), "wb").close()
    with open(out("csv-renamed.xlsx"), "w", encoding="utf-8") as f:
        f.write("หน่วยงาน,คะแนน\nเทศบาล,90\n")
    with open(out("pdf-renamed.xlsx"), "wb") as f:
        f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    data = open(out("basic.xlsx"), "rb").read()
    with open(out("truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    make_corrupt_entry()
    make_encrypted_cfb()
    make_bombs()


def make_corrupt_entry():
    """Central directory intact, but the sheet's deflate stream damaged."""
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r * 7919 % 1000}</v></c></row>' for r in range(1, 400))
    path = out("corrupt-entry.xlsx")
    package(path, [sheet_data(rows)])
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 20, start + min(info.compress_size, 200), 3):
        data[k] ^= 0x5A
    open(path, "wb").write(bytes(data))


def make_encrypted_cfb():
    """A minimal but valid CFB (OLE2) file holding the two streams of an
    encrypted OOXML package (ECMA-376 Agile encryption container). Stream
    contents are empty: the reader must decide from the directory alone."""
    sector = 512
    ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")   # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")      # major version 3
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little") # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")      # 512-byte sectors
    header[0x20:0x22] = (6).to_bytes(2, "little")      # 64-byte mini sectors
    header[0x2C:0x30] = (1).to_bytes(4, "little")      # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")      # directory starts at sector 1
    header[0x38:0x3C] = (4096).to_bytes(4, "little")   # mini stream cutoff
    header[0x3C:0x40] = ENDOFCHAIN.to_bytes(4, "little")  # no mini FAT
    header[0x44:0x48] = ENDOFCHAIN.to_bytes(4, "little")  # no DIFAT sectors
    difat = [0] + [FREESECT] * 108                     # FAT lives in sector 0
    for i, v in enumerate(difat):
        header[0x4C + 4 * i:0x50 + 4 * i] = v.to_bytes(4, "little")
    fat = [FATSECT, ENDOFCHAIN] + [FREESECT] * 126
    fat_sector = b"".join(v.to_bytes(4, "little") for v in fat)

    def entry(name, kind, left=FREESECT, right=FREESECT, child=FREESECT):
        raw = name.encode("utf-16-le") + b"\0\0"
        e = bytearray(128)
        e[0:len(raw)] = raw
        e[0x40:0x42] = len(raw).to_bytes(2, "little")
        e[0x42] = kind        # 5 root, 2 stream
        e[0x43] = 1           # black
        e[0x44:0x48] = left.to_bytes(4, "little")
        e[0x48:0x4C] = right.to_bytes(4, "little")
        e[0x4C:0x50] = child.to_bytes(4, "little")
        e[0x74:0x78] = ENDOFCHAIN.to_bytes(4, "little")  # start sector (empty stream)
        return bytes(e)

    directory = (entry("Root Entry", 5, child=1) + entry("EncryptionInfo", 2, right=2)
                 + entry("EncryptedPackage", 2) + bytes(128))
    with open(out("encrypted.xlsx"), "wb") as f:
        f.write(bytes(header) + fat_sector + directory)


def make_bombs():
    """Small files that exceed the limits tests pass in (and one that exceeds
    the default ratio limit): repetitive XML, a lying declared size, many cells."""
    body = "<sheetData>" + " " * (24 << 20) + "</sheetData>"  # 24 MiB of spaces
    package(out("bomb-ratio.xlsx"), [body])
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{col_name(c)}{r}"><v>{c}</v></c>' for c in range(10))
                   + "</row>" for r in range(1, 101))
    package(out("many-cells.xlsx"), [sheet_data(rows)])
    make_lying_size()


def make_lying_size():
    """A 1.5 MiB sheet whose zip headers declare 2 KiB inflated."""
    path = out("bomb-lying-size.xlsx")
    rows = "<row><c><v>1</v></c></row>" * 60000
    package(path, [sheet_data(rows)])
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (2048).to_bytes(4, "little")
    # Local header: uncompressed size at +22. Central directory: find by the same value.
    data[info.header_offset + 22:info.header_offset + 26] = fake
    cd = data.rfind(b"PK\x01\x02")
    while cd != -1:
        name_len = int.from_bytes(data[cd + 28:cd + 30], "little")
        if data[cd + 46:cd + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            assert data[cd + 24:cd + 28] == real
            data[cd + 24:cd + 28] = fake
            break
        cd = data.rfind(b"PK\x01\x02", 0, cd)
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    make_basic()
    if "--producers" in sys.argv:
        make_producer_copies()
    make_strings()
    make_no_r()
    make_values()
    make_dates()
    make_1904()
    make_strict()
    make_prefixed()
    make_absolute()
    make_minimal()
    make_xlsm()
    make_huge_dimension()
    make_hostile()
