# The ITA menu of LibreOffice Calc: a Python-UNO protocol handler for the
# URLs vnd.itawb:COMMAND (Addons.xcu), which runs the itawb bundled in the
# extension on the open document.
#
# Commands: validate, analyze, template, split, merge, asof (analyze
# --as-of), log (the log's end), goto (select SHEET!CELL: the findings
# dialog's action, also a URL so it can be dispatched and tested).
#
# Every command reports through its dispatch result (XNotifyingDispatch):
# DispatchResultEvent.State SUCCESS when the command did its work (a
# workbook checked, written or opened; a workbook with errors is still a
# success, "valid": false), FAILURE when it could not (no binary, time limit,
# a bad date, nothing chosen), and Result a JSON text (see result()). Dialogs
# are shown only when the office has a display: a headless office cancels
# them silently, and a window in it can crash it. Options for callers without
# dialogs, as dispatch arguments (PropertyValue): AsOf (date text), Returns
# (paths or file URLs), Output (file, or folder for split), Year, Open
# (bool, default true), Sheet and Cell (goto), Document (the target model of
# goto, default the frame's).
import json
import os
import shutil
import tempfile
import traceback

import uno
import unohelper
from com.sun.star.frame import XDispatchProvider, XNotifyingDispatch
from com.sun.star.lang import XInitialization, XServiceInfo
from com.sun.star.awt import XActionListener, XItemListener

from itawb_calc import dialogs, runner

IMPL_NAME = "org.itawb.calc.ProtocolHandler"
EXT_ID = "org.itawb.calc"
PROTOCOL = "vnd.itawb:"
XLSX_FILTER = "Calc MS Excel 2007 XML"
SUCCESS, FAILURE = 1, 0  # com.sun.star.frame.DispatchResultState


def _props(**kw):
    out = []
    for k, v in kw.items():
        p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def _to_path(text):
    return uno.fileUrlToSystemPath(text) if text.startswith("file:") else text


def _th_en(text):
    """itawb's messages as (Thai, English): it prints a Thai line, then the
    English one; a line with Thai letters is Thai."""
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()][-12:]
    th = [l for l in lines if any("\u0e00" <= c <= "\u0e7f" for c in l)]
    en = [l for l in lines if l not in th]
    return ("\n".join(th) or "\n".join(en)), ("\n".join(en) or "\n".join(th))


class CommandFailed(Exception):
    """A command that could not do its work: Thai and English sentences."""

    def __init__(self, th, en, **extra):
        super().__init__(en)
        self.th, self.en, self.extra = th, en, extra


class Handler(unohelper.Base, XInitialization, XDispatchProvider, XNotifyingDispatch, XServiceInfo):
    def __init__(self, ctx, *args):
        self.ctx = ctx
        self.frame = None

    # XInitialization: the frame the handler serves.
    def initialize(self, args):
        if args:
            self.frame = args[0]

    # XServiceInfo
    def getImplementationName(self):
        return IMPL_NAME

    def supportsService(self, name):
        return name == "com.sun.star.frame.ProtocolHandler"

    def getSupportedServiceNames(self):
        return ("com.sun.star.frame.ProtocolHandler",)

    # XDispatchProvider
    def queryDispatch(self, url, target, flags):
        return self if url.Complete.startswith(PROTOCOL) else None

    def queryDispatches(self, requests):
        return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags) for r in requests)

    # XDispatch / XNotifyingDispatch
    def dispatch(self, url, args):
        self.dispatchWithNotification(url, args, None)

    def addStatusListener(self, listener, url):
        """Menu entries and toolbar buttons ask whether they are enabled:
        always, for a Calc document (the menu is Calc's only)."""
        try:
            event = uno.createUnoStruct("com.sun.star.frame.FeatureStateEvent")
            event.Source, event.FeatureURL, event.IsEnabled, event.Requery = self, url, True, False
            listener.statusChanged(event)
        except Exception:
            pass

    def removeStatusListener(self, listener, url):
        pass

    def dispatchWithNotification(self, url, args, listener):
        command = url.Complete[len(PROTOCOL):].split("?")[0].strip("/")
        options = {a.Name: a.Value for a in (args or ())}
        session = Session(self.ctx, self.frame, options)
        state, result = session.execute(command)
        if listener is not None:
            event = uno.createUnoStruct("com.sun.star.frame.DispatchResultEvent")
            event.Source = self
            event.State = state
            event.Result = json.dumps(result, ensure_ascii=False)
            listener.dispatchFinished(event)


class Session:
    """One command on one document."""

    def __init__(self, ctx, frame, options):
        self.ctx, self.frame, self.options = ctx, frame, options
        self.smgr = ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.headless = self._headless()
        self.user_dir = self._user_dir()
        self.log_path = os.path.join(self.user_dir, "itawb.log")
        self.tmp = None

    # -- environment ---------------------------------------------------------
    def _headless(self):
        """No dialog may be shown: a headless office (--headless on its
        command line, the svp plugin, or ITAWB_HEADLESS=1 as the tests set)."""
        if os.environ.get("ITAWB_HEADLESS") == "1" or os.environ.get("SAL_USE_VCLPLUGIN") == "svp":
            return True
        try:
            with open("/proc/self/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
            if b"--headless" in argv or b"-headless" in argv:
                return True
        except OSError:
            pass
        return False

    def _user_dir(self):
        try:
            subst = self.smgr.createInstanceWithContext("com.sun.star.util.PathSubstitution", self.ctx)
            return os.path.join(uno.fileUrlToSystemPath(subst.substituteVariables("$(user)", True)), "itawb")
        except Exception:
            return os.path.join(tempfile.gettempdir(), "itawb-lo")

    def _ext_root(self):
        try:
            pip = self.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
            url = pip.getPackageLocation(EXT_ID)
            if url:
                return uno.fileUrlToSystemPath(url)
        except Exception:
            pass
        return os.path.dirname(os.path.abspath(__file__))

    def itawb(self, args, command):
        try:
            exe, home = runner.locate(self._ext_root(), os.path.join(self.user_dir, "bin"))
        except RuntimeError as e:
            runner.log(self.log_path, command, note=str(e))
            raise CommandFailed(str(e), str(e))
        result = runner.run([exe] + args, runner.env_for(home))
        runner.log(self.log_path, command, result)
        if result.timed_out:
            raise CommandFailed("itawb ทำงานเกินเวลาที่กำหนด จึงถูกหยุด", "itawb ran past its time limit and was stopped",
                                stderr=result.stderr[-2000:])
        if result.code is None:
            raise CommandFailed("เรียกโปรแกรม itawb ไม่ได้: " + result.stderr, "cannot run itawb: " + result.stderr)
        return result

    # -- the document --------------------------------------------------------
    def document(self):
        doc = self.options.get("Document")
        if doc is None and self.frame is not None:
            doc = self.frame.getController().getModel()
        if doc is None:
            doc = self.desktop.getCurrentComponent()
        if doc is None or not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            raise CommandFailed("ไม่มีสมุดงาน Calc ที่เปิดอยู่", "no Calc document is open")
        return doc

    def doc_stem(self, doc):
        url = doc.getLocation()
        if url:
            return os.path.splitext(os.path.basename(_to_path(url)))[0]
        title = doc.getTitle() if hasattr(doc, "getTitle") else ""
        return runner.safe_name(os.path.splitext(title)[0] or "ITA")

    def input_file(self, doc):
        """The document as an .xlsx itawb can read: the file itself when it
        is a saved, unmodified .xlsx; else a copy exported to a temporary
        folder (storeToURL: the document, its file and its location are left
        as they are)."""
        url = doc.getLocation()
        if url.startswith("file:") and url.lower().endswith(".xlsx") and not doc.isModified():
            path = uno.fileUrlToSystemPath(url)
            if os.path.isfile(path):
                return path, False
        self.tmp = self.tmp or tempfile.mkdtemp(prefix="itawb-lo-")
        path = os.path.join(self.tmp, self.doc_stem(doc) + ".xlsx")
        doc.storeToURL(uno.systemPathToFileUrl(path), _props(FilterName=XLSX_FILTER, Overwrite=True))
        return path, True

    def out_dir(self, doc):
        """Where results go: beside the document when it has a folder we may
        write, else the user's Documents (or home)."""
        url = doc.getLocation() if doc is not None else ""
        if url.startswith("file:"):
            folder = os.path.dirname(uno.fileUrlToSystemPath(url))
            if os.access(folder, os.W_OK):
                return folder
        home = os.path.expanduser("~")
        docs = os.path.join(home, "Documents")
        return docs if os.path.isdir(docs) else home

    def open_paths(self):
        out = set()
        comps = self.desktop.getComponents().createEnumeration()
        while comps.hasMoreElements():
            c = comps.nextElement()
            try:
                if c.getLocation().startswith("file:"):
                    out.add(os.path.normcase(uno.fileUrlToSystemPath(c.getLocation())))
            except Exception:
                pass
        return out

    def output_path(self, doc, name):
        """The result file: the Output option, else name in out_dir; never a
        file that is open in this office (it would be shown stale)."""
        if self.options.get("Output"):
            return _to_path(self.options["Output"])
        path = os.path.join(self.out_dir(doc), name)
        if os.path.normcase(path) in self.open_paths():
            path = runner.unique_path(path)  # a new name: exists() holds for the open one
        return path

    def open_result(self, path):
        if not self.options.get("Open", True):
            return False
        props = _props(Hidden=True) if self.headless else ()
        comp = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, props)
        return comp is not None

    # -- user interface (only with a display) --------------------------------
    def parent_window(self, doc=None):
        """The window a dialog belongs to: doc's when given (the dialog then
        comes up in front of that document, not behind it), else the
        window the command was started from."""
        try:
            if doc is not None:
                return doc.getCurrentController().getFrame().getContainerWindow()
        except Exception:
            pass
        try:
            return self.frame.getContainerWindow()
        except Exception:
            return None

    def message(self, th, en, error=False, doc=None):
        if self.headless:
            return
        try:  # a dialog that fails is logged; the command's result stands
            from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX
            tk = self.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
            box = tk.createMessageBox(self.parent_window(doc), ERRORBOX if error else INFOBOX, 1, "ITA",
                                      th + "\n\n" + en)
            box.execute()
            box.dispose()
        except Exception:
            runner.log(self.log_path, "message", note="dialog failed: " + traceback.format_exc())

    def _run_dialog(self, model, listeners=(), doc=None):
        dlg = self.smgr.createInstanceWithContext("com.sun.star.awt.UnoControlDialog", self.ctx)
        dlg.setModel(model)
        for name, listener in listeners:
            dlg.getControl(name).addActionListener(listener)
        tk = self.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
        dlg.createPeer(tk, self.parent_window(doc))
        return dlg

    def ask_date(self):
        """The as-of date typed by the user, or None (cancelled)."""
        if self.headless:
            return None
        import datetime
        today = datetime.date.today()
        model = dialogs.date_model(self.smgr, self.ctx, "%d/%d/%d" % (today.day, today.month, today.year + 543))
        dlg = self._run_dialog(model)
        ok = dlg.execute() == 1
        text = dlg.getControl("date").getText().strip()
        dlg.dispose()
        return text if ok and text else None

    def pick_files(self, start_dir):
        if self.headless:
            return []
        fp = self.smgr.createInstanceWithContext("com.sun.star.ui.dialogs.FilePicker", self.ctx)
        fp.initialize((0,))  # FILEOPEN_SIMPLE
        fp.setTitle("เลือกไฟล์ที่กองส่งคืน / Choose the returned department files")
        fp.setMultiSelectionMode(True)
        fp.appendFilter("Excel (*.xlsx)", "*.xlsx")
        try:
            fp.setDisplayDirectory(uno.systemPathToFileUrl(start_dir))
        except Exception:  # a folder the picker cannot show: its default
            pass
        if fp.execute() != 1:
            return []
        urls = fp.getSelectedFiles() if hasattr(fp, "getSelectedFiles") else fp.getFiles()
        return [uno.fileUrlToSystemPath(u) for u in urls]

    def pick_save(self, default_path):
        if self.headless:
            return default_path
        fp = self.smgr.createInstanceWithContext("com.sun.star.ui.dialogs.FilePicker", self.ctx)
        fp.initialize((10,))  # FILESAVE_AUTOEXTENSION
        fp.appendFilter("Excel (*.xlsx)", "*.xlsx")
        try:
            fp.setDisplayDirectory(uno.systemPathToFileUrl(os.path.dirname(default_path)))
        except Exception:  # a folder the picker cannot show: its default
            pass
        fp.setDefaultName(os.path.basename(default_path))
        if fp.execute() != 1:
            return None
        return uno.fileUrlToSystemPath(fp.getFiles()[0])

    def show_findings(self, title, summary, findings, doc):
        """The findings, Thai first, each with its SHEET!CELL; "go to cell"
        (or a double click) selects the cell in doc. Modal."""
        if self.headless:
            return
        try:
            self._findings_dialog(title, summary, findings, doc)
        except Exception:
            runner.log(self.log_path, "findings", note="dialog failed: " + traceback.format_exc())

    def _findings_dialog(self, title, summary, findings, doc):
        model = dialogs.findings_model(self.smgr, self.ctx, title, summary, findings)
        session = self
        holder = []

        def selected():
            pos = holder[0].getControl("list").getSelectedItemPos()
            return pos if 0 <= pos < len(findings) else -1

        class GoTo(unohelper.Base, XActionListener):
            def actionPerformed(self, event):
                pos = selected()
                if pos >= 0:
                    f = findings[pos]
                    session.goto(doc, f.get("sheet") or "", f.get("cell") or "")
                    session.move_aside(holder[0], doc)

            def disposing(self, event):
                pass

        class Detail(unohelper.Base, XItemListener):
            """The selected finding whole, wrapped (a list line is cut)."""
            def itemStateChanged(self, event):
                pos = selected()
                if pos >= 0:
                    holder[0].getControl("detail").setText(runner.finding_line(findings[pos]))

            def disposing(self, event):
                pass

        dlg = self._run_dialog(model, [("goto", GoTo()), ("list", GoTo())], doc)
        holder.append(dlg)
        dlg.getControl("list").addItemListener(Detail())
        dlg.execute()
        dlg.dispose()

    def move_aside(self, dlg, doc):
        """The dialog to the window's lower right corner, off the cells near
        the top left that "go to cell" has just selected and scrolled to."""
        try:
            from com.sun.star.awt.PosSize import POS
            parent = self.parent_window(doc).getPosSize()
            own = dlg.getPosSize()
            dlg.setPosSize(max(0, parent.Width - own.Width - 16), max(0, parent.Height - own.Height - 16), 0, 0, POS)
        except Exception:
            runner.log(self.log_path, "findings", note="could not move the dialog: " + traceback.format_exc())

    # -- commands ------------------------------------------------------------
    def execute(self, command):
        handlers = {
            "validate": self.cmd_validate, "analyze": self.cmd_analyze, "asof": self.cmd_asof,
            "template": self.cmd_template, "split": self.cmd_split, "merge": self.cmd_merge,
            "goto": self.cmd_goto, "log": self.cmd_log,
        }
        result = {"command": command, "log": self.log_path, "headless": self.headless}
        try:
            if command not in handlers:
                raise CommandFailed("ไม่รู้จักคำสั่ง " + command, "unknown command " + command)
            result.update(handlers[command]())
            result["state"] = "SUCCESS"
            return SUCCESS, result
        except CommandFailed as e:
            result.update(e.extra)
            result.update(state="FAILURE", message_th=e.th, message_en=e.en)
            runner.log(self.log_path, command, note="failed: " + e.en)
            self.message(e.th, e.en, error=True)
            return FAILURE, result
        except Exception as e:  # a bug: reported, never a crash of the office
            detail = traceback.format_exc()
            runner.log(self.log_path, command, note="error: " + detail)
            result.update(state="FAILURE", message_th="เกิดข้อผิดพลาดภายใน: %s" % e,
                          message_en="internal error: %s" % e, traceback=detail)
            self.message(result["message_th"], result["message_en"], error=True)
            return FAILURE, result
        finally:
            if self.tmp:
                shutil.rmtree(self.tmp, ignore_errors=True)

    @staticmethod
    def _counts(findings):
        # As analyze's own summary counts them: an "info" finding is neither.
        errors = sum(1 for f in findings if f.get("severity") == "error")
        warnings = sum(1 for f in findings if f.get("severity") == "warning")
        return {"findings_count": len(findings), "errors": errors, "warnings": warnings}

    @staticmethod
    def _summary_th_en(counts):
        return ("ข้อผิดพลาด %d รายการ คำเตือน %d รายการ" % (counts["errors"], counts["warnings"]),
                "%d errors, %d warnings" % (counts["errors"], counts["warnings"]))

    def cmd_validate(self):
        doc = self.document()
        path, exported = self.input_file(doc)
        run = self.itawb(["validate", path, "--json", "-q"] + self._year_args(), "validate")
        data = run.json()
        if data is None:
            raise CommandFailed("itawb ไม่ได้ตอบเป็น JSON: " + run.stderr[-500:],
                                "itawb gave no JSON: " + run.stderr[-500:], exit_code=run.code)
        findings = runner.findings_of(data)
        counts = self._counts(findings)
        th, en = self._summary_th_en(counts)
        valid = bool(data.get("valid"))
        th = ("แบบฟอร์มถูกต้องตามรูปแบบ: " if valid else "แบบฟอร์มมีข้อผิดพลาด: ") + th
        en = ("the workbook is valid: " if valid else "the workbook has errors: ") + en
        self.show_findings("ตรวจแบบฟอร์ม / Check", th + "\n" + en, findings, doc)
        return dict(counts, exit_code=run.code, valid=valid, exported=exported, findings=findings,
                    message_th=th, message_en=en)

    def _year_args(self):
        year = self.options.get("Year")
        return ["--year", str(year)] if year else []

    def _analyze(self, as_of):
        doc = self.document()
        stem = self.doc_stem(doc)
        name = stem + "-itawb" + ("-ณ-" + runner.safe_name(as_of) if as_of else "") + ".xlsx"
        out = self.output_path(doc, name)
        path, exported = self.input_file(doc)
        args = ["analyze", path, "-o", out, "--json", "-q"] + self._year_args()
        if as_of:
            args += ["--as-of", as_of]
        run = self.itawb(args, "asof" if as_of else "analyze")
        data = run.json()
        if run.code == 2 or data is None or not os.path.isfile(out):
            th, en = _th_en(run.stderr or run.stdout)
            raise CommandFailed("วิเคราะห์ไม่สำเร็จ: " + th, "analysis failed: " + en, exit_code=run.code)
        findings = runner.findings_of(data)
        counts = self._counts(findings)
        th, en = self._summary_th_en(counts)
        overall = data.get("overall") or {}
        if overall.get("score") is not None:
            th = "คะแนนรวม %.2f (%s) · %s" % (overall["score"], overall.get("level") or "", th)
            en = "total %.2f (%s) · %s" % (overall["score"], overall.get("level_en") or "", en)
        th, en = th + "\nบันทึกผลที่ " + out, en + "\nwritten to " + out
        # The summary first, modal over the input's window, and the result
        # after it: opened first, the result's window covered the dialog and
        # Calc looked frozen.
        if findings:
            self.show_findings("วิเคราะห์ / Analysis", th + "\n" + en, findings, doc)
        else:
            self.message(th, en)
        opened = self.open_result(out)
        return dict(counts, exit_code=run.code, valid=bool(data.get("valid")), exported=exported,
                    output=out, opened=opened, findings=findings, itawb=data, as_of=as_of or None,
                    message_th=th, message_en=en)

    def cmd_analyze(self):
        return self._analyze(None)

    def cmd_asof(self):
        as_of = self.options.get("AsOf") or self.ask_date()
        if not as_of:
            raise CommandFailed("ไม่ได้ระบุวันที่", "no date given")
        return self._analyze(str(as_of).strip())

    def cmd_template(self):
        doc = None
        try:
            doc = self.document()
        except CommandFailed:
            pass
        year = self.options.get("Year")
        name = "แบบฟอร์ม-ITA%s.xlsx" % ("-%s" % year if year else "")
        if self.options.get("Output"):
            out = _to_path(self.options["Output"])
        else:
            out = self.pick_save(runner.unique_path(os.path.join(self.out_dir(doc), name)))
            if not out:
                raise CommandFailed("ยกเลิก", "cancelled")
        run = self.itawb(["template", "-o", out, "-q"] + self._year_args(), "template")
        if run.code != 0 or not os.path.isfile(out):
            th, en = _th_en(run.stderr or run.stdout)
            raise CommandFailed("สร้างแบบฟอร์มไม่สำเร็จ: " + th, "template failed: " + en, exit_code=run.code)
        opened = self.open_result(out)
        return dict(exit_code=run.code, output=out, opened=opened,
                    message_th="สร้างแบบฟอร์มเปล่าที่ " + out, message_en="blank workbook written to " + out)

    def _check(self, path):
        """The findings of validate on path (split and merge print only some)."""
        run = self.itawb(["validate", path, "--json", "-q"], "validate (findings)")
        return runner.findings_of(run.json())

    def cmd_split(self):
        doc = self.document()
        stem = self.doc_stem(doc)
        out_dir = (_to_path(self.options["Output"]) if self.options.get("Output")
                   else os.path.join(self.out_dir(doc), "ส่งกอง-" + stem))
        if os.path.isdir(out_dir) and os.listdir(out_dir) and not self.options.get("Output"):
            out_dir = runner.unique_path(out_dir)  # never over an earlier split's returns
        path, exported = self.input_file(doc)
        args = ["split", path, "--by", "owner", "-o", out_dir]
        if self.options.get("AsOf"):
            args += ["--as-of", str(self.options["AsOf"])]
        run = self.itawb(args, "split")
        files = sorted(os.path.join(out_dir, f) for f in os.listdir(out_dir)
                       if f.lower().endswith(".xlsx")) if os.path.isdir(out_dir) else []
        if run.code not in (0, 1) or not files:
            th, en = _th_en(run.stderr or run.stdout)
            raise CommandFailed("แยกไฟล์ไม่สำเร็จ: " + th, "split failed: " + en, exit_code=run.code)
        findings = self._check(path) if run.code == 1 else []
        th = "แยกเป็น %d ไฟล์ ในโฟลเดอร์ %s" % (len(files), out_dir)
        en = "split into %d workbooks in %s" % (len(files), out_dir)
        if findings:
            self.show_findings("แยกส่งกอง / Split", th + "\n" + en, findings, doc)
        else:
            self.message(th + "\n" + run.stdout.strip(), en)
        return dict(self._counts(findings), exit_code=run.code, exported=exported, output=out_dir,
                    files=files, findings=findings, report=run.stdout, message_th=th, message_en=en)

    def cmd_merge(self):
        doc = self.document()
        returns = self.options.get("Returns")
        if isinstance(returns, str):
            returns = [returns]
        returns = [_to_path(r) for r in (returns or ())] or self.pick_files(self.out_dir(doc))
        if not returns:
            raise CommandFailed("ไม่ได้เลือกไฟล์ที่ส่งคืน", "no returned files chosen")
        out = self.output_path(doc, self.doc_stem(doc) + "-รวม.xlsx")
        path, exported = self.input_file(doc)
        run = self.itawb(["merge", path] + list(returns) + ["-o", out], "merge")
        if run.code not in (0, 1) or not os.path.isfile(out):
            th, en = _th_en(run.stderr or run.stdout)
            raise CommandFailed("รวมไฟล์ไม่สำเร็จ: " + th, "merge failed: " + en, exit_code=run.code)
        findings = self._check(out)
        clean = run.code == 0
        th = ("รวมผลครบทุกแถว" if clean else "มีแถวที่ไม่ได้รวมหรือข้อผิดพลาด (ดูแผ่นงาน รายการที่ไม่ได้รวม)") + \
            "\nบันทึกผลที่ " + out
        en = ("every returned row merged" if clean else "some rows were not merged or have errors") + \
            "\nwritten to " + out
        opened = self.open_result(out)
        merged_doc = self._find_open(out) or doc
        if findings:
            self.show_findings("รวมผลที่ส่งคืน / Merge", th + "\n" + en + "\n" + run.stdout.strip(),
                               findings, merged_doc)
        else:
            self.message(th + "\n\n" + run.stdout.strip(), en, doc=merged_doc)
        return dict(self._counts(findings), exit_code=run.code, clean=clean, exported=exported, output=out,
                    returns=list(returns), opened=opened, findings=findings, report=run.stdout,
                    message_th=th, message_en=en)

    def _find_open(self, path):
        comps = self.desktop.getComponents().createEnumeration()
        while comps.hasMoreElements():
            c = comps.nextElement()
            try:
                if c.getLocation() == uno.systemPathToFileUrl(path):
                    return c
            except Exception:
                pass
        return None

    def goto(self, doc, sheet, cell):
        sheets = doc.getSheets()
        if not sheet or not sheets.hasByName(sheet):
            return False
        target = sheets.getByName(sheet)
        try:
            rng = target.getCellRangeByName(cell) if cell else target.getCellByPosition(0, 0)
        except Exception:
            return False
        ctrl = doc.getCurrentController()
        ctrl.setActiveSheet(target)
        ctrl.select(rng)
        return True

    def cmd_goto(self):
        doc = self.document()
        sheet, cell = self.options.get("Sheet", ""), self.options.get("Cell", "")
        if not self.goto(doc, sheet, cell):
            raise CommandFailed("ไม่พบเซลล์ %s!%s" % (sheet, cell), "no cell %s!%s" % (sheet, cell))
        return dict(sheet=sheet, cell=cell, message_th="เลือกเซลล์ %s!%s" % (sheet, cell),
                    message_en="selected %s!%s" % (sheet, cell))

    def cmd_log(self):
        try:
            with open(self.log_path, encoding="utf-8") as f:
                tail = f.read()[-3000:]
        except OSError:
            tail = ""
        self.message("บันทึกการทำงาน: " + self.log_path + "\n\n" + tail, "log: " + self.log_path)
        return dict(tail=tail, message_th="บันทึกการทำงานอยู่ที่ " + self.log_path,
                    message_en="the log is " + self.log_path)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(Handler, IMPL_NAME, ("com.sun.star.frame.ProtocolHandler",))
