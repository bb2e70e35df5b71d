"""The page of an example workbook, as itawb gives its own sheets (see
src/output/style.cpp, RowFit and FittedSheet): every row as tall as its font
and the lines its wrapped text takes, A4 fitted to the width (columns of
wrapped text narrowed when the sheet would print below 75 %), the header row
repeated on every page. Excel and LibreOffice neither grow a row for wrapped
text nor for a large font when they open a file, so the generators set them.
"""
import math
import unicodedata

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

DEFAULT_WIDTH = 8.43  # Excel's default column width


def _advance(ch):
    """As text::display_width: Thai marks take no room, wide characters two."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if ord(ch) < 0x80:
        if ch in "ilj.,:;'|! tfr":
            return 0.6
        if ch in "mwMW@":
            return 1.5
        return 1.2 if "A" <= ch <= "Z" else 1.0
    return 2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.0


def _lines(text, width, font_pt, wrap):
    """Lines a text takes in a column `width` characters wide (RowFit::count_lines)."""
    n = 0
    for line in text.split("\n"):
        needed = sum(_advance(c) for c in line) * font_pt / 16 * 0.95 * 1.7
        usable = width - 2 if width > 3 else 0
        n += max(1, math.ceil(needed / usable)) if wrap and usable > 0 else 1
    return n


def _printed_points(width):
    return (width * 7 + 5) * 0.75


def fit_page(ws, header_row, min_scale=0.75, min_width=10):
    """A4, fitted to the width, the header row (1-based) repeated; widths and heights fitted."""
    last_col = ws.max_column
    widths = {c: ws.column_dimensions[get_column_letter(c)].width or DEFAULT_WIDTH for c in range(1, last_col + 1)}
    # A column gives up width down to its floor: the page's minimum, or its
    # widest text that does not wrap (a header typed on one line).
    floor = {c: min_width for c in widths}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None or (c.alignment is not None and c.alignment.wrap_text and isinstance(c.value, str)):
                continue
            font_pt = c.font.sz if c.font is not None and c.font.sz else 11
            text = str(c.value)
            need = max(sum(_advance(ch) for ch in line) for line in text.split("\n")) * font_pt / 16 * 0.95 + 2
            if c.font is not None and c.font.b:
                need *= 1.05
            floor[c.column] = max(floor[c.column], need)
    natural = sum(widths.values())
    landscape = natural > 95
    budget = ((842 if landscape else 595) - 72) / min_scale
    for _ in range(4):
        gives = [c for c in widths if widths[c] > floor[c]]
        fixed = sum(_printed_points(floor[c] if c in gives else w) for c, w in widths.items())
        spare = sum(_printed_points(widths[c]) - _printed_points(floor[c]) for c in gives)
        over = fixed + spare - budget
        if over <= 0.5 or spare <= 0:
            break
        keep = max(0.0, 1 - over / spare)
        for c in gives:
            widths[c] = round(floor[c] + (widths[c] - floor[c]) * keep, 2)
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    for row in ws.iter_rows():
        height = 0
        for c in row:
            if c.value is None or c.value == "":
                continue
            font_pt = (c.font.sz if c.font is not None and c.font.sz else 11)
            wrap = c.alignment is not None and bool(c.alignment.wrap_text)
            n = _lines(str(c.value), widths[c.column], font_pt, wrap) if isinstance(c.value, str) else 1
            height = max(height, n * font_pt * 1.6 + 3)
        if height:
            ws.row_dimensions[row[0].row].height = round(min(height, 409), 2)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
