#!/usr/bin/python3
"""The guide's pictures of the Calc extension, from a real LibreOffice window.

  /usr/bin/python3 docs/guide/calc_pictures.py --oxt build/itawb.oxt --out docs/guide/img

(docs/guide/make_pictures.sh runs it so.) A virtual display of its own
(Xvfb -displayfd: the server picks a free number, so runs beside other
Xvfbs do not race for one as xvfb-run -a does); on it, a LibreOffice Calc
with its X11 window (the libreoffice-calc package, not -nogui) and its Thai
interface (libreoffice-l10n-th), started with a throwaway profile;
build/itawb.oxt is installed into it as the Extension Manager does; the
bundled example is opened; then, as an officer would see them:

  calc-menu.png      the window with the ITA menu open (keyboard: F10, then
                     along the menu bar to ITA, then down);
  calc-validate.png  the dialog of ITA > ตรวจ (validate): findings, one per line,
                     the selected one whole below;
  calc-analyze.png   the dialog of ITA > วิเคราะห์ (analyze): the total, the
                     level and where the analysis workbook was written.

Each dialog is shown by the extension itself (dispatched through its
protocol handler, as the menu does), photographed with ImageMagick's
`import`, and closed with Escape. Exit 0 when every picture was made, 1
otherwise (naming the step), so no picture is kept from an earlier run
without saying so.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tests", "e2e", "calc"))
import test_oxt  # noqa: E402  (the office, the extension's installation, the example)
import uno  # noqa: E402

WIDTH, HEIGHT = 1280, 800
# The whole run takes 20-60 s; a call into the office that never returns (a
# dialog nobody sees, an office stuck on start) must not hold the test until
# ctest's limit: after this many seconds the step it was at is named, the
# office and the display are killed, and the run fails.
WATCHDOG_SECONDS = 240
step = "starting"
children = []  # what the watchdog kills: each Popen leads its own process group


def fail(what):
    print("calc_pictures.py: " + what, file=sys.stderr)
    sys.exit(1)


def at(what):
    global step
    step = what
    print("--", what, flush=True)


def watchdog():
    time.sleep(WATCHDOG_SECONDS)
    print("calc_pictures.py: not done after %d s, stuck at: %s" % (WATCHDOG_SECONDS, step), file=sys.stderr, flush=True)
    for proc in children:
        try:
            os.killpg(proc.pid, 9)
        except OSError:
            pass
    os._exit(1)


def xdotool(*args):
    # "windowfocus --sync" waits for the focus to arrive, which without a
    # window manager it may never do: no call waits more than 15 s.
    try:
        r = subprocess.run(["xdotool"] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=15)
    except subprocess.TimeoutExpired:
        print("xdotool %s: no answer in 15 s" % " ".join(args), file=sys.stderr)
        return []
    return r.stdout.split()


def windows():
    return set(xdotool("search", "--onlyvisible", "--name", "."))


def shoot(path, crop=None):
    """The virtual screen (or `crop`, WxH+X+Y of it) as a PNG."""
    args = ["import", "-window", "root"]
    if crop:
        args += ["-crop", crop, "+repage"]
    subprocess.run(args + [path], check=True, timeout=60)
    if not os.path.getsize(path):
        fail("import wrote an empty " + path)


def dialog_picture(office, frame, command, path):
    """Dispatches vnd.itawb:COMMAND, photographs the dialog it shows, closes it."""
    transformer = office.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", office.ctx)
    url = uno.createUnoStruct("com.sun.star.util.URL")
    url.Complete = "vnd.itawb:" + command
    _, url = transformer.parseStrict(url)
    dispatcher = frame.queryDispatch(url, "_self", 0)
    if dispatcher is None:
        fail("the extension does not answer vnd.itawb:" + command)
    at("the %s dialog" % command)
    listener = test_oxt.Listener()
    before = windows()
    # The dialog is modal: the call returns when it is closed.
    worker = threading.Thread(target=dispatcher.dispatchWithNotification, args=(url, (), listener), daemon=True)
    worker.start()
    deadline = time.monotonic() + 120
    new = set()
    while not new:
        if time.monotonic() > deadline:
            fail("%s showed no dialog within 120 s" % command)
        time.sleep(0.5)
        new = windows() - before
    time.sleep(2)  # drawn whole
    shoot(path, crop="940x480+0+0")  # the dialog, over the menu and the top of the sheet
    for window in new:  # no window manager gives the dialog the keyboard: give it
        xdotool("windowfocus", "--sync", window)
        xdotool("key", "--window", window, "Escape")
    worker.join(60)
    if worker.is_alive():
        fail("the %s dialog did not close on Escape" % command)
    if listener.event is None:
        fail("%s did not finish" % command)
    print("made", path)


def start_display():
    """An Xvfb on a free display number; returns the process."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT),
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    os.close(write)
    children.append(server)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number.isdigit():
        server.kill()
        fail("Xvfb did not start")
    os.environ["DISPLAY"] = ":" + number
    for _ in range(50):  # answering
        if subprocess.run(["xdotool", "getdisplaygeometry"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            return server
        time.sleep(0.2)
    server.kill()
    fail("Xvfb on :%s does not answer" % number)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    for tool in ("Xvfb", "xdotool", "import"):
        if not shutil.which(tool):
            fail("%s is not installed (apt-get install xvfb xdotool imagemagick)" % tool)
    soffice = shutil.which("soffice")
    if not soffice:
        fail("soffice is not installed")
    if not os.path.exists("/usr/lib/libreoffice/program/libvclplug_genlo.so"):
        fail("this LibreOffice has no window (libreoffice-core-nogui): apt-get install libreoffice-calc")
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="itawb-calc-pictures-")
    os.environ["LANG"] = "th_TH.UTF-8"  # LibreOffice's interface in Thai, as an officer has it
    threading.Thread(target=watchdog, daemon=True).start()
    # Once more on a new display if the office could not open the first
    # (seen once among parallel runs: "Can't open display").
    for attempt in (1, 2):
        at("the virtual display, attempt %d" % attempt)
        server = start_display()
        try:
            at("soffice on the display, attempt %d" % attempt)
            office = test_oxt.Office(soffice, work, visible=True)
            children.append(office.proc)
            break
        except RuntimeError as e:
            server.kill()
            server.wait()
            if attempt == 2:
                fail("soffice did not start on the virtual display: %s" % e)
            print("soffice did not start, once more: %s" % e, file=sys.stderr)
    try:
        at("installing the extension")
        office.install(a.oxt)
        at("opening the example")
        book = os.path.join(work, "thungthong-2567.xlsx")
        shutil.copyfile(test_oxt.EXAMPLE, book)
        before = windows()
        doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(book), "_blank", 0, ())
        frame = doc.getCurrentController().getFrame()
        deadline = time.monotonic() + 60
        while not (windows() - before) and time.monotonic() < deadline:
            time.sleep(0.5)
        for window in windows() - before:  # the document's window fills the screen
            xdotool("windowmove", window, "0", "0")
            xdotool("windowsize", window, str(WIDTH), str(HEIGHT))
        time.sleep(3)

        at("the ITA menu")
        # The ITA menu, open. LibreOffice puts an extension's menu before
        # Window and Help: F10 selects the first menu, three steps left
        # (wrapping round) reach ITA, Down opens it.
        xdotool("key", "F10")
        for _ in range(3):
            xdotool("key", "Left")
        xdotool("key", "Down")
        time.sleep(1.5)
        shoot(os.path.join(a.out, "calc-menu.png"), crop="900x420+0+0")
        xdotool("key", "Escape")
        xdotool("key", "Escape")
        time.sleep(0.5)
        print("made", os.path.join(a.out, "calc-menu.png"))

        dialog_picture(office, frame, "validate", os.path.join(a.out, "calc-validate.png"))
        dialog_picture(office, frame, "analyze", os.path.join(a.out, "calc-analyze.png"))
    finally:
        at("closing the office")
        office.close()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
