#!/usr/bin/python3
"""The LibreOffice extension (build/itawb.oxt) in a real, headless LibreOffice.

  /usr/bin/python3 tests/e2e/calc/test_oxt.py --oxt build/itawb.oxt --itawb build/itawb

One soffice for everything: a throwaway profile; the .oxt installed by the
office itself through the ExtensionManager API (unopkg refuses to run as
root without --shared, which would change the system's LibreOffice); the
example workbook copied to a temporary folder and opened; every ITA command
dispatched with dispatchWithNotification, its DispatchResultEvent checked,
and the files it wrote read back with openpyxl against what build/itawb
reports for the same file.

Exit 0 passed, 1 failed, 77 skipped (no soffice or no python3-uno: ctest's
SKIP_RETURN_CODE).
"""
import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
EXAMPLE = os.path.join(REPO, "workbooks", "examples", "thungthong-2567.xlsx")

try:
    import uno
    import unohelper
    from com.sun.star.frame import XDispatchResultListener, XStatusListener
    from com.sun.star.task import XInteractionHandler
    from com.sun.star.ucb import XCommandEnvironment, XProgressHandler
    from com.sun.star.connection import NoConnectException
except ImportError as e:
    print("skipped: python3-uno is not installed (apt-get install python3-uno; run with /usr/bin/python3): %s" % e)
    sys.exit(SKIP)
try:
    import openpyxl
except ImportError:
    print("skipped: python3-openpyxl is not installed")
    sys.exit(SKIP)

sys.path.insert(0, os.path.join(REPO, "hosts", "calc", "pythonpath"))
from itawb_calc import dialogs, runner  # noqa: E402

failures = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        failures.append(what)
    return cond


def props(**kw):
    out = []
    for k, v in kw.items():
        p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Listener(unohelper.Base, XDispatchResultListener):
    def __init__(self):
        self.event = None

    def dispatchFinished(self, event):
        self.event = event

    def disposing(self, event):
        pass


class Status(unohelper.Base, XStatusListener):
    def __init__(self):
        self.events = []

    def statusChanged(self, event):
        self.events.append(event)

    def disposing(self, event):
        pass


class Approve(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """The command environment of addExtension: says yes where the Extension
    Manager would ask (as a user pressing OK), and records what it was asked."""

    def __init__(self):
        self.asked = []

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        try:
            self.asked.append(str(request.getRequest()))
        except Exception as e:  # some requests' Any do not convert to Python
            self.asked.append("(%s)" % type(e).__name__)
        for c in request.getContinuations():
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                c.select()
                return

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class Office:
    """One soffice in its own process group and profile: headless for the
    tests; with `visible`, a real Calc window on $DISPLAY (the guide's
    pictures, docs/guide/calc_pictures.py), its dialogs shown."""

    def __init__(self, soffice, work, visible=False):
        self.profile = os.path.join(work, "profile")
        self.pipe = "itawb_oxt_test_%d" % os.getpid()
        if visible:
            env, mode = dict(os.environ), ["--calc"]  # a window: without a document soffice would quit
        else:
            env, mode = dict(os.environ, ITAWB_HEADLESS="1"), ["--headless", "--invisible", "--nodefault"]
        self.proc = subprocess.Popen(
            [soffice] + mode + ["--norestore", "--nologo",
             "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "soffice.log"), "wb"),
            start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    if self.proc.poll() is None:
                        os.killpg(self.proc.pid, signal.SIGKILL)
                        self.proc.wait()
                    with open(os.path.join(work, "soffice.log"), errors="replace") as log:
                        raise RuntimeError("soffice did not answer on its pipe (exit %s): %s"
                                           % (self.proc.poll(), log.read()[-2000:]))
                time.sleep(0.3)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def install(self, oxt):
        """Adds the .oxt to this profile as the office's Extension Manager does."""
        mgr = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        abort = mgr.createAbortChannel()
        env = Approve()
        try:
            return mgr.addExtension(uno.systemPathToFileUrl(os.path.abspath(oxt)), (), "user", abort, env)
        except Exception as e:
            raise RuntimeError("addExtension: %s; cause: %s; asked: %s"
                               % (e, getattr(e, "Cause", None), env.asked)) from e

    def close(self):
        # terminate() is a call into the office that does not return while a
        # modal dialog is open or the office is stuck: asked from a thread,
        # waited for 20 s, then the office is killed.
        def terminate():
            try:
                self.desktop.terminate()
            except Exception:
                pass
        asking = threading.Thread(target=terminate, daemon=True)
        asking.start()
        asking.join(20)
        try:
            self.proc.wait(timeout=10 if asking.is_alive() else 30)
        except subprocess.TimeoutExpired:
            pass
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--itawb", required=True)
    a = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("skipped: soffice not found (apt-get install libreoffice-calc)")
        return SKIP
    if not check(os.path.isfile(a.oxt), "the extension is built: " + a.oxt):
        return 1
    sources = [os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(REPO, "hosts", "calc")) for f in fs
               if not dp.endswith("__pycache__") and f.endswith((".py", ".xcu", ".xml", ".in", ".txt"))]
    newer = [p for p in sources if os.path.getmtime(p) > os.path.getmtime(a.oxt)]
    if not check(not newer, "the extension is newer than hosts/calc/ (else: cmake --build build --target "
                            "itawb_oxt): %s" % [os.path.relpath(p, REPO) for p in newer]):
        return 1
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="itawb-oxt-test-")
    try:
        test_runner_time_limit(work)
        run_office(a, soffice, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("run time: %.1f s (one soffice start)" % (time.monotonic() - started))
    if failures:
        print("%d check(s) failed:" % len(failures))
        for f in failures:
            print("  " + f)
        return 1
    return 0


def test_runner_time_limit(work):
    """runner.run ends the whole process group at its time limit: the
    grandchild too, not only the shell it started."""
    script = "sleep 60 & echo $!; wait"
    r = runner.run(["sh", "-c", script], timeout=1)
    check(r.timed_out and r.code is None, "time limit: the run is reported as timed out")
    pid = int(r.stdout.split()[0])
    alive = True
    for _ in range(40):
        try:
            os.kill(pid, 0)
            with open("/proc/%d/stat" % pid) as f:  # a zombie waiting for init is dead
                if f.read().split(")")[-1].split()[0] == "Z":
                    alive = False
                    break
        except (ProcessLookupError, FileNotFoundError):
            alive = False
            break
        time.sleep(0.05)
    check(not alive, "time limit: the grandchild (sleep) was ended with its group")


def cli(itawb, *args):
    r = subprocess.run([itawb] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def run_office(a, soffice, work):
    docs = os.path.join(work, "docs")
    os.makedirs(docs)
    book = os.path.join(docs, "thungthong-2567.xlsx")
    shutil.copyfile(EXAMPLE, book)
    book_sha = sha256(book)

    # What the command line says of the same file: the reference.
    _, out, _ = cli(a.itawb, "validate", book, "--json", "-q")
    ref_validate = json.loads(out)
    ref_findings = runner.findings_of(ref_validate)
    _, out, _ = cli(a.itawb, "analyze", book, "-o", os.path.join(work, "ref.xlsx"), "--json", "-q")
    ref_analyze = json.loads(out)
    ref_split_dir = os.path.join(work, "ref-split")
    cli(a.itawb, "split", book, "--by", "owner", "-o", ref_split_dir, "-q")
    ref_split = sorted(f for f in os.listdir(ref_split_dir) if f.endswith(".xlsx"))
    check(sha256(book) == book_sha, "reference runs left the input as it was")

    t0 = time.monotonic()
    office = Office(soffice, work)
    print("soffice started in %.1f s" % (time.monotonic() - t0))
    try:
        run_commands(office, a, work, docs, book, book_sha, ref_findings, ref_analyze, ref_split)
    finally:
        office.close()


def run_commands(office, a, work, docs, book, book_sha, ref_findings, ref_analyze, ref_split):
    t0 = time.monotonic()
    office.install(a.oxt)
    mgr = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    ids = [e.getIdentifier().Value for e in mgr.getDeployedExtensions("user", mgr.createAbortChannel(), None)]
    check("org.itawb.calc" in ids, "the .oxt is installed in the throwaway profile (%.1f s)" % (time.monotonic() - t0))

    # The ITA menu: Addons.xcu is merged into the configuration.
    cp = office.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", office.ctx)
    menu = cp.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        props(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.itawb.calc.menu/Submenu"))
    urls = sorted(menu.getByName(n).URL for n in menu.getElementNames())
    check(urls == sorted("vnd.itawb:" + c for c in
                         ["validate", "analyze", "template", "split", "merge", "asof", "log"]),
          "the ITA menu has the seven commands: %s" % urls)
    bar = cp.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        props(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeToolBar/org.itawb.calc.toolbar"))
    check(len(bar.getElementNames()) == 6, "the ITA toolbar has six buttons")
    titles = [bar.getByName(n).Title for n in sorted(bar.getElementNames())]
    # In the profile's language (Thai, or English in an en-US LibreOffice).
    check(titles in (["ตรวจ", "วิเคราะห์", "ฟอร์มเปล่า", "แยกส่งกอง", "รวมผล", "ณ วันที่…"],
                     ["Check", "Analyse", "Blank form", "Split", "Merge", "As of…"]),
          "the toolbar's labels are one short word each, not the menu's bilingual names: %s" % titles)

    unpacked = [os.path.join(dp, "itawb") for dp, _, fs in os.walk(os.path.join(office.profile, "user", "uno_packages"))
                if "itawb" in fs and dp.endswith(os.sep + "bin")]
    print("info  unpacked %s, executable before the first run: %s"
          % (unpacked, [os.access(p, os.X_OK) for p in unpacked]))

    doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(book), "_blank", 0, props(Hidden=True))
    frame = doc.getCurrentController().getFrame()
    transformer = office.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", office.ctx)

    def dispatch(command, **options):
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = "vnd.itawb:" + command
        _, url = transformer.parseStrict(url)
        d = frame.queryDispatch(url, "_self", 0)
        if not check(d is not None, "%s: the protocol handler answers vnd.itawb:%s" % (command, command)):
            return None, {}
        listener = Listener()
        t = time.monotonic()
        d.dispatchWithNotification(url, props(**options), listener)
        ev = listener.event
        if not check(ev is not None, "%s: dispatchFinished was called" % command):
            return None, {}
        result = json.loads(ev.Result)
        state = {1: "SUCCESS", 0: "FAILURE"}.get(ev.State, ev.State)
        print("      %s: %s in %.1f s" % (command, state, time.monotonic() - t))
        if state != result.get("state"):
            check(False, "%s: the event's state and the result's agree" % command)
        if result.get("traceback"):
            print(result["traceback"])
        return state, result

    # validate: the unmodified .xlsx is read as it is, no export.
    state, r = dispatch("validate")
    check(state == "SUCCESS", "validate: SUCCESS")
    check(r.get("exported") is False, "validate: a saved, unmodified .xlsx is read in place")
    check(r.get("findings_count") == len(ref_findings),
          "validate: %s findings, as itawb validate --json (%d)" % (r.get("findings_count"), len(ref_findings)))
    if ref_findings and r.get("findings"):
        f0, g0 = r["findings"][0], ref_findings[0]
        check((f0["sheet"], f0["cell"], f0["code"]) == (g0["sheet"], g0["cell"], g0["code"]),
              "validate: the first finding is %s!%s %s" % (f0["sheet"], f0["cell"], f0["code"]))
        check(bool(f0.get("message_th")) and bool(f0.get("message_en")), "validate: findings in Thai and English")

    # analyze: the analysis workbook beside the document, opened.
    state, r = dispatch("analyze")
    out = os.path.join(docs, "thungthong-2567-itawb.xlsx")
    check(state == "SUCCESS" and r.get("output") == out, "analyze: SUCCESS, written to %s" % r.get("output"))
    score = (r.get("itawb") or {}).get("overall", {}).get("score")
    check(score is not None and score == ref_analyze["overall"]["score"],
          "analyze: the result's total %s = itawb analyze --json %s" % (score, ref_analyze["overall"]["score"]))
    if os.path.isfile(out):
        wb = openpyxl.load_workbook(out)
        names = wb.sheetnames
        check(names[:2] == ["บันทึกข้อความ", "สรุปผลการประเมิน"] and "มาตรการ" in names
              and "ตรวจสอบข้อมูล" in names and "คะแนนตัวชี้วัด" in names,
              "analyze: the workbook's sheets: %s" % names)
        memo = wb["บันทึกข้อความ"]
        figures = {memo.cell(row=i, column=10).value: memo.cell(row=i, column=11).value
                   for i in range(1, memo.max_row + 1) if memo.cell(row=i, column=10).value}
        check(figures.get("คะแนนรวม") == ref_analyze["overall"]["score"],
              "analyze: บันทึกข้อความ's คะแนนรวม cell %s = itawb analyze --json %s"
              % (figures.get("คะแนนรวม"), ref_analyze["overall"]["score"]))
    check(r.get("opened") is True and is_open(office, out), "analyze: the analysis workbook is open in the office")
    check(r.get("findings_count") == len(ref_analyze.get("findings", [])), "analyze: the findings of --json")

    # asof: --as-of a Buddhist date; a date that is none fails.
    state, r = dispatch("asof", AsOf="31/3/2568")
    progress = (r.get("itawb") or {}).get("progress") or {}
    check(state == "SUCCESS" and progress.get("as_of") == "2025-03-31",
          "asof 31/3/2568: SUCCESS, progress as of %s" % progress.get("as_of"))
    check(os.path.isfile(r.get("output") or "") and r["output"] != out,
          "asof: its own workbook %s" % r.get("output"))
    state, r = dispatch("asof", AsOf="32/13/2568")
    check(state == "FAILURE" and "--as-of" in (r.get("message_en") or "") and "32/13/2568" in r.get("message_en", "")
          and "วันที่" in (r.get("message_th") or ""),
          "asof 32/13/2568: FAILURE, saying why: %s" % (r.get("message_en") or "")[:120])
    state, r = dispatch("asof")
    check(state == "FAILURE", "asof without a date (no dialog when headless): FAILURE")

    # template: a blank standard workbook beside the document.
    state, r = dispatch("template")
    tpl = r.get("output") or ""
    check(state == "SUCCESS" and tpl == os.path.join(docs, "แบบฟอร์ม-ITA.xlsx") and os.path.isfile(tpl),
          "template: SUCCESS, %s" % tpl)
    if os.path.isfile(tpl):
        names = openpyxl.load_workbook(tpl).sheetnames
        check({"หน่วยงาน", "คะแนนตัวชี้วัด", "คะแนนรายข้อ", "มาตรการ", "ความก้าวหน้า", "คำอธิบาย"} <= set(names),
              "template: the standard sheets: %s" % names)

    # split: one workbook per department, as itawb split.
    state, r = dispatch("split")
    files = r.get("files") or []
    check(state == "SUCCESS" and sorted(os.path.basename(f) for f in files) == ref_split and len(files) >= 2,
          "split: SUCCESS, %d workbooks as itawb split: %s" % (len(files), [os.path.basename(f) for f in files]))
    for f in files:
        wb = openpyxl.load_workbook(f)
        if not check("ความก้าวหน้า" in wb.sheetnames and "_itawb" in wb.sheetnames
                     and wb["_itawb"].sheet_state == "veryHidden",
                     "split: %s has ความก้าวหน้า and the hidden identity" % os.path.basename(f)):
            break

    # merge: the returns as the departments send them back, one of them with
    # a row filled in (in copies: split's own files stay as written).
    returned = os.path.join(work, "returned")
    os.makedirs(returned)
    filled = None
    returns = []
    for f in files:
        copy = os.path.join(returned, os.path.basename(f))
        shutil.copyfile(f, copy)
        returns.append(copy)
        if filled is None and "_itawb" in openpyxl.load_workbook(f).sheetnames:
            wb = openpyxl.load_workbook(copy)
            ws = wb["ความก้าวหน้า"]
            row = next(i for i in range(1, ws.max_row + 1) if str(ws.cell(row=i, column=1).value or "").strip()
                       and ws.cell(row=i, column=3).value in (1, "1"))
            ws.cell(row=row, column=4).value = "ดำเนินการแล้ว"
            ws.cell(row=row, column=5).value = "เผยแพร่ทางเว็บไซต์และเพจแล้ว"
            ws.cell(row=row, column=9).value = "นางสาวทดสอบ"
            wb.save(copy)
            dept = os.path.splitext(os.path.basename(f))[0].split("-", 1)[-1]
            # The department workbook writes the measure's number in Thai digits;
            # the merged master keeps it as its measures sheet has it (Arabic).
            number = str(ws.cell(row=row, column=1).value).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            filled = (number, dept)
    state, r = dispatch("merge", Returns=tuple(returns))
    merged = r.get("output") or ""
    check(state == "SUCCESS" and r.get("clean") is True and merged == os.path.join(docs, "thungthong-2567-รวม.xlsx"),
          "merge: SUCCESS, every row merged, %s (exit %s)" % (merged, r.get("exit_code")))
    if os.path.isfile(merged) and filled:
        ws = openpyxl.load_workbook(merged)["ความก้าวหน้า"]
        rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        head = rows[0]
        got = [dict(zip(head, row)) for row in rows[1:]]
        check(len(got) == 1 and str(got[0]["ลำดับมาตรการ"]) == filled[0] and got[0]["สถานะ"] == "ดำเนินการแล้ว"
              and got[0]["หน่วยงานที่รายงาน"] == filled[1],
              "merge: the filled row is in the merged ความก้าวหน้า, reported by %s: %s" % (filled[1], got))
    check(is_open(office, merged), "merge: the merged workbook is open in the office")
    state, r = dispatch("merge")
    check(state == "FAILURE", "merge without files (no dialog when headless): FAILURE")

    # goto: the findings dialog's action, selecting a finding's cell.
    target = ref_findings[0] if ref_findings else {"sheet": "คะแนนรายข้อ", "cell": "C7"}
    state, r = dispatch("goto", Sheet=target["sheet"], Cell=target["cell"])
    ctrl = doc.getCurrentController()
    sel = ctrl.getSelection()
    sel_name = sel.AbsoluteName if hasattr(sel, "AbsoluteName") else ""
    check(state == "SUCCESS" and ctrl.getActiveSheet().getName() == target["sheet"]
          and sel_name.endswith("$" + target["cell"][:1] + "$" + target["cell"][1:]),
          "goto %s!%s: the cell is selected (%s)" % (target["sheet"], target["cell"], sel_name))
    state, r = dispatch("goto", Sheet="ไม่มีแผ่นนี้", Cell="A1")
    check(state == "FAILURE", "goto a sheet that does not exist: FAILURE")

    # The dialogs' models, built in the office (no window: no peer), as a
    # desktop office shows them: property names LibreOffice knows, Thai first.
    model = dialogs.findings_model(office.smgr, office.ctx, "ตรวจแบบฟอร์ม / Check", "สรุป", ref_findings)
    items = model.getByName("list").StringItemList
    check(len(items) == len(ref_findings) and ref_findings
          and items[0].startswith("[คำเตือน] %s!%s  " % (ref_findings[0]["sheet"], ref_findings[0]["cell"]))
          and ref_findings[0]["message_th"] in items[0] and items[0].index(ref_findings[0]["message_th"])
          < items[0].index(ref_findings[0]["message_en"]),
          "findings dialog: one line a finding, SHEET!CELL then Thai then English: %s" % (items[:1],))
    check(model.getByName("goto").Label.startswith("ไปที่เซลล์"), "findings dialog: the go-to-cell button")
    detail = model.getByName("detail")
    check(detail.MultiLine and detail.NoLabel and model.getByName("summary").NoLabel and detail.Label == items[0] and tuple(model.getByName("list").SelectedItems) == (0,),
          "findings dialog: the selected finding shown whole and wrapped below the list")
    model = dialogs.date_model(office.smgr, office.ctx, "31/3/2568")
    check(model.getByName("date").Text == "31/3/2568" and model.getByName("ok").PushButtonType == 1,
          "date dialog: the date field and OK")

    # A modified document is exported (the user's file is not touched).
    doc.getSheets().getByName("คะแนนตัวชี้วัด").getCellRangeByName("D4").setValue(120)
    state, r = dispatch("validate")
    hit = [f for f in r.get("findings", []) if f.get("sheet") == "คะแนนตัวชี้วัด" and f.get("cell") == "D4"
           and f.get("severity") == "error"]
    check(state == "SUCCESS" and r.get("exported") is True and r.get("valid") is False and hit,
          "validate after typing 120 in D4: exported, invalid, an error on คะแนนตัวชี้วัด!D4")
    check(sha256(book) == book_sha and doc.isModified() and doc.getLocation() == uno.systemPathToFileUrl(book),
          "the user's file is unchanged; the document keeps its place and its edit")

    # The menu's entries are enabled: the handler says so to status listeners.
    url = uno.createUnoStruct("com.sun.star.util.URL")
    url.Complete = "vnd.itawb:analyze"
    _, url = transformer.parseStrict(url)
    status = Status()
    frame.queryDispatch(url, "_self", 0).addStatusListener(status, url)
    check(status.events and status.events[0].IsEnabled, "the menu entry vnd.itawb:analyze is enabled")

    state, r = dispatch("log")
    check(state == "SUCCESS" and "merge" in r.get("tail", "") and r.get("log", "").startswith(office.profile),
          "log: SUCCESS, the log's end from the profile")
    state, r = dispatch("nonsense")
    check(state == "FAILURE", "an unknown command: FAILURE")

    # The log, in the profile.
    log = os.path.join(office.profile, "user", "itawb", "itawb.log")
    text = open(log, encoding="utf-8").read() if os.path.isfile(log) else ""
    check(all(w in text for w in ("validate", "analyze", "template", "split", "merge", "--as-of")),
          "the log %s records every run" % log)
    # The binary that ran (the log's argv[0]): the one unpacked in the
    # profile, made executable at the first run (unpacking drops the bit).
    ran = [json.loads(line.split("argv: ", 1)[1])[0] for line in text.splitlines() if "  argv: " in line]
    check(ran and len(set(ran)) == 1 and ran[0].startswith(office.profile) and os.access(ran[0], os.X_OK),
          "the binary run is the profile's unpacked bin/itawb, now executable: %s" % sorted(set(ran)))
    if ran:
        # The libraries it links that Debian's LibreOffice does not bring
        # come from the extension's bin/lib, as the extension runs it.
        home = os.path.join(os.path.dirname(os.path.dirname(ran[0])), "share", "itawb")
        env = dict(os.environ, **runner.env_for(home))
        ldd = subprocess.run(["ldd", ran[0]], env=env, stdout=subprocess.PIPE).stdout.decode()
        where = {l.split()[0]: l.split()[2] for l in ldd.splitlines() if " => /" in l}
        bundled = [k for k in where if k.startswith(("libxlsxwriter", "libzip", "libspdlog", "libfmt", "libnettle"))]
        # Built from Debian's sources (cmake/zip-writer-deps.cmake), itawb links
        # libzip and libxlsxwriter static and loads only libc and libm; where it
        # links any of these shared (Debian's fallback, ITAWB_STATIC_DEPS off),
        # they must be the extension's. Nothing it needs may be missing.
        check("not found" not in ldd and all(where[k].startswith(office.profile) for k in bundled),
              "every library itawb loads is found, the bundled ones from the extension: %s"
              % {k: where[k][len(office.profile):] for k in bundled})
    doc.close(True)


def is_open(office, path):
    if not path:
        return False
    url = uno.systemPathToFileUrl(path)
    comps = office.desktop.getComponents().createEnumeration()
    while comps.hasMoreElements():
        c = comps.nextElement()
        if hasattr(c, "getLocation") and c.getLocation() == url:
            return True
    return False


if __name__ == "__main__":
    sys.exit(main())
