#!/usr/bin/env python3
"""Writes the hand-made OpenDocument fixtures of tests/fixtures/ods/.

    /usr/bin/python3 tests/tools/make_ods_fixtures.py tests/fixtures/ods

Each file is a minimal .ods written with zipfile (no office suite), holding
one case of what real .ods files carry: repeated rows and columns, merged
and covered cells, every value type, comments and spaces inside a cell, a
hidden sheet and row, and the hostile ones (a million repeated rows of a
value, an encrypted document, an OpenDocument text). The .ods that
LibreOffice and Gnumeric save are made from .xlsx fixtures by
tests/tools/convert_ods.sh.
"""
import sys
import zipfile
from pathlib import Path

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')
MIME = "application/vnd.oasis.opendocument.spreadsheet"


def manifest(mime, encrypted=False):
    enc = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
           '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/>'
           '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" '
           'manifest:salt="x"/></manifest:encryption-data>') if encrypted else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.3">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
            f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{enc}'
            '</manifest:file-entry></manifest:manifest>')


def write(path, body, styles="", mime=MIME, encrypted=False, content=None):
    if content is None:
        content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
                   f'<office:automatic-styles>{styles}</office:automatic-styles>'
                   f'<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>'
                   '</office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mime)  # first and stored, as ODF asks
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest(mime, encrypted), compress_type=zipfile.ZIP_DEFLATED)


def cell(inner="", **attrs):
    a = " ".join(f'{k.replace("__", ":").replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f"<table:table-cell {a}>{inner}</table:table-cell>"


def p(s):
    return f"<text:p>{s}</text:p>"


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    styles = ('<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>'
              '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
              '<style:style style:name="co1" style:family="table-column">'
              '<style:table-column-properties style:column-width="2.54cm"/></style:style>'
              '<style:style style:name="ro1" style:family="table-row">'
              '<style:table-row-properties style:row-height="0.8cm" style:use-optimal-row-height="false"/></style:style>')
    values = (
        '<table:table table:name="ค่า" table:style-name="ta1">'
        '<table:table-column table:style-name="co1" table:number-columns-repeated="2"/>'
        '<table:table-column table:number-columns-repeated="1022"/>'
        '<table:table-row table:style-name="ro1">'
        + cell(p("ข้อความ"), office__value_type="string")
        + cell(p("84.5"), office__value_type="float", office__value="84.5")
        + cell(p("85%"), office__value_type="percentage", office__value="0.85")
        + cell(p("1/10/2567"), office__value_type="date", office__date_value="2024-10-01")
        + cell(p("08:30"), office__value_type="time", office__time_value="PT08H30M00S")
        + cell(p("TRUE"), office__value_type="boolean", office__boolean_value="true")
        + cell(p("#DIV/0!"), table__formula="of:=1/0", office__value_type="float", office__value="0",
               calcext__value_type="error")
        + cell(p("฿1,234.50"), office__value_type="currency", office__currency="THB", office__value="1234.5")
        + '</table:table-row>'
        # Two paragraphs, three spaces, a tab, a comment that is not the value.
        '<table:table-row>'
        + cell('<office:annotation><dc:creator>ครู</dc:creator><text:p>หมายเหตุ ไม่ใช่ค่า</text:p></office:annotation>'
               + p('บรรทัด<text:s text:c="3"/>หนึ่ง') + p('สอง<text:tab/>สาม'), office__value_type="string")
        + cell(table__number_columns_repeated="2")
        + cell(p("ซ้ำ"), office__value_type="string", table__number_columns_repeated="3")
        + '</table:table-row>'
        # A merged cell (2 x 2) and the covered cells under it.
        '<table:table-row>'
        + cell(p("รวม"), office__value_type="string", table__number_columns_spanned="2", table__number_rows_spanned="2")
        + '<table:covered-table-cell/>'
        + cell(p("7"), office__value_type="float", office__value="7")
        + '</table:table-row>'
        '<table:table-row table:visibility="collapse">'
        '<table:covered-table-cell table:number-columns-repeated="2"/>'
        + cell(p("8"), office__value_type="float", office__value="8")
        + '</table:table-row>'
        # A million repeated empty rows, then a last value: they cost nothing.
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        '<table:table-row>' + cell(p("ท้าย"), office__value_type="string") + '</table:table-row>'
        '</table:table>'
        '<table:table table:name="ซ่อน" table:style-name="ta2"><table:table-row>'
        + cell(p("1"), office__value_type="float", office__value="1")
        + '</table:table-row></table:table>')
    write(out / "values.ods", values, styles)

    # A value repeated over a million rows and 16 columns: past any agency's
    # workbook, refused by the cell limit and not built in memory.
    bomb = ('<table:table table:name="bomb"><table:table-row table:number-rows-repeated="1048576">'
            + cell(p("1"), office__value_type="float", office__value="1", table__number_columns_repeated="16384")
            + '</table:table-row></table:table>')
    write(out / "repeated-bomb.ods", bomb)

    # A long text repeated over every column of a row: refused before it is
    # copied 16,384 times.
    wide = ('<table:table table:name="wide"><table:table-row>'
            + cell(p("ก" * 8000), office__value_type="string", table__number_columns_repeated="16384")
            + '</table:table-row></table:table>')
    write(out / "repeated-wide-text.ods", wide)

    write(out / "encrypted.ods", "", encrypted=True,
          content="\x9b\x13 not xml: encrypted bytes")
    write(out / "text-document.odt", "", mime="application/vnd.oasis.opendocument.text",
          content=f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
                  '<office:body><office:text><text:p>จดหมาย</text:p></office:text></office:body>'
                  '</office:document-content>')
    write(out / "malformed.ods", "", content='<?xml version="1.0"?><office:document-content><unclosed>')


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/ods")
