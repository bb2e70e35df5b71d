"""The dialogs' models (no window): the findings list and the date prompt.

Building a model creates no window, so the tests build both in a headless
office and check them; only Session (itawb_dispatch.py) gives them a peer
and shows them, and only when the office has a display."""
from itawb_calc import runner


def _dialog(smgr, ctx, title, width, height):
    model = smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", ctx)
    model.Title, model.Width, model.Height = title, width, height
    model.PositionX, model.PositionY = 60, 40
    return model


def _add(model, kind, name, x, y, w, h, **props):
    c = model.createInstance("com.sun.star.awt.UnoControl%sModel" % kind)
    c.PositionX, c.PositionY, c.Width, c.Height = x, y, w, h
    for k, v in props.items():
        setattr(c, k, v)
    model.insertByName(name, c)
    return c


def findings_model(smgr, ctx, title, summary, findings):
    """A summary line, the findings (Thai first, SHEET!CELL), the selected
    finding whole (the list cannot wrap a line), "go to cell" and "close"
    (controls: summary, list, detail, goto, close)."""
    model = _dialog(smgr, ctx, title, 420, 250)
    lines = tuple(runner.finding_line(f) for f in findings) or ("ไม่พบปัญหา / no findings",)
    # NoLabel: no automatic mnemonic (LibreOffice underlined a digit of the total).
    _add(model, "FixedText", "summary", 8, 6, 404, 26, MultiLine=True, NoLabel=True, Label=summary)
    _add(model, "ListBox", "list", 8, 34, 404, 132, Border=1, StringItemList=lines,
         SelectedItems=(0,))
    _add(model, "FixedText", "detail", 8, 170, 404, 54, MultiLine=True, NoLabel=True, Border=1, Label=lines[0])
    _add(model, "Button", "goto", 8, 230, 120, 14, Label="ไปที่เซลล์ / Go to cell")
    _add(model, "Button", "close", 352, 230, 60, 14, Label="ปิด / Close", PushButtonType=2)
    return model


def date_model(smgr, ctx, default_text):
    """The as-of date prompt (controls: label, date, ok, cancel)."""
    model = _dialog(smgr, ctx, "ความก้าวหน้า ณ วันที่ / Progress as of", 220, 80)
    _add(model, "FixedText", "label", 8, 8, 204, 24, MultiLine=True,
         Label="วันที่ (พ.ศ. เช่น 31/3/2568 หรือ ค.ศ. เช่น 2025-03-31)\n"
               "Date (Buddhist 31/3/2568 or ISO 2025-03-31)")
    _add(model, "Edit", "date", 8, 36, 204, 14, Text=default_text)
    _add(model, "Button", "ok", 100, 58, 54, 14, Label="ตกลง / OK", PushButtonType=1, DefaultButton=True)
    _add(model, "Button", "cancel", 158, 58, 54, 14, Label="ยกเลิก / Cancel", PushButtonType=2)
    return model
