"""The part of the extension that needs no UNO: which bundled itawb to run,
running it within a time limit, the log, and output names.

Importable by a plain Python (the tests do: tests/e2e/calc/test_oxt.py).
"""
import datetime
import json
import os
import platform
import shutil
import signal
import stat
import subprocess
import sys
import time

DEFAULT_TIMEOUT = 300  # seconds; ITAWB_LO_TIMEOUT overrides
LOG_LIMIT = 1 << 20    # the log is rotated (one old copy, .1) past 1 MiB


class RunResult:
    def __init__(self, argv, code, stdout, stderr, seconds, timed_out):
        self.argv, self.code, self.stdout, self.stderr = argv, code, stdout, stderr
        self.seconds, self.timed_out = seconds, timed_out

    def json(self):
        """stdout as JSON, or None when it is not a JSON document."""
        try:
            return json.loads(self.stdout)
        except ValueError:
            return None


def is_windows():
    return sys.platform.startswith("win")


def binary_name():
    """The bundled binary for this platform, or None where none is bundled."""
    if is_windows():
        return "itawb.exe"
    if sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64", "amd64"):
        return "itawb"
    return None


def locate(ext_root, private_dir):
    """(executable, data home) inside the unpacked extension.

    LibreOffice unpacks an .oxt without the executable bit: it is set here at
    the first run. Where the extension folder is read-only (installed for all
    users), the binary is copied to private_dir (the user's) and made
    executable there. Raises RuntimeError with a Thai / English sentence."""
    name = binary_name()
    if name is None:
        raise RuntimeError("ส่วนเสริมนี้ไม่มีโปรแกรม itawb สำหรับระบบนี้ (%s %s) / "
                           "this extension has no itawb for this system" % (sys.platform, platform.machine()))
    exe = os.path.join(ext_root, "bin", name)
    home = os.path.join(ext_root, "share", "itawb")
    if not os.path.isfile(exe):
        raise RuntimeError("ไม่พบโปรแกรม %s ในส่วนเสริม / the extension has no %s" % (exe, name))
    if not is_windows() and not os.access(exe, os.X_OK):
        try:
            os.chmod(exe, os.stat(exe).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            pass
        if not os.access(exe, os.X_OK):
            os.makedirs(private_dir, exist_ok=True)
            copy = os.path.join(private_dir, name)
            if not (os.path.isfile(copy) and os.path.getsize(copy) == os.path.getsize(exe)
                    and os.access(copy, os.X_OK)):
                tmp = copy + ".tmp%d" % os.getpid()
                shutil.copyfile(exe, tmp)
                os.chmod(tmp, 0o755)
                os.replace(tmp, copy)
            exe = copy
    return exe, home


def env_for(home):
    """The environment of a run: the data home and, on Linux, the libraries
    bundled beside the binary (bin/lib) before the system's."""
    env = {"ITAWB_HOME": home}
    lib = os.path.normpath(os.path.join(home, "..", "..", "bin", "lib"))
    if not is_windows() and os.path.isdir(lib):
        old = os.environ.get("LD_LIBRARY_PATH", "")
        env["LD_LIBRARY_PATH"] = lib + (os.pathsep + old if old else "")
    return env


def run(argv, env_extra=None, timeout=None):
    """Runs argv in a process group of its own; past the time limit the whole
    group is ended (SIGKILL to the group; on Windows taskkill /T). Never raises
    for the program's own failure: see RunResult.code (None when not started
    or killed) and timed_out."""
    if timeout is None:
        try:
            timeout = float(os.environ.get("ITAWB_LO_TIMEOUT", DEFAULT_TIMEOUT))
        except ValueError:
            timeout = DEFAULT_TIMEOUT
    env = dict(os.environ)
    env.update(env_extra or {})
    kw = {}
    if is_windows():
        kw["creationflags"] = (getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200)
                               | getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000))
    else:
        kw["start_new_session"] = True
    start = time.monotonic()
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, **kw)
    except OSError as e:
        return RunResult(argv, None, "", "cannot start: %s" % e, 0.0, False)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc)
        out, err = proc.communicate()
    code = None if timed_out else proc.returncode
    return RunResult(argv, code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                     time.monotonic() - start, timed_out)


def _kill_group(proc):
    if is_windows():
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000))
        proc.kill()
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # start_new_session: pgid == pid
    except ProcessLookupError:
        pass


def log(path, command, result=None, note=None):
    """Appends one record to the log (rotated past LOG_LIMIT). Never raises."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.exists(path) and os.path.getsize(path) > LOG_LIMIT:
            os.replace(path, path + ".1")
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        lines = ["%s %s" % (stamp, command)]
        if note:
            lines.append("  " + note)
        if result is not None:
            lines.append("  argv: %s" % json.dumps(result.argv, ensure_ascii=False))
            lines.append("  exit: %s%s, %.2f s" % (result.code, " (time limit: process group ended)"
                                                   if result.timed_out else "", result.seconds))
            if result.stderr.strip():
                lines.append("  stderr: " + result.stderr.strip()[:4000].replace("\n", "\n          "))
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    except OSError:
        pass


def unique_path(path, taken=()):
    """path, or 'stem (2).ext', 'stem (3).ext', … : the first that does not
    exist and is not in taken."""
    stem, ext = os.path.splitext(path)
    candidate, n = path, 1
    while os.path.exists(candidate) or candidate in taken:
        n += 1
        candidate = "%s (%d)%s" % (stem, n, ext)
    return candidate


def safe_name(text):
    """A date or title as a piece of a file name."""
    out = "".join("-" if c in '/\\:*?"<>|' else c for c in text.strip())
    return out.strip(" .") or "x"


def findings_of(doc):
    """The findings of an itawb --json document (analyze: top level;
    validate: per file)."""
    if not isinstance(doc, dict):
        return []
    if isinstance(doc.get("findings"), list):
        return doc["findings"]
    found = []
    for f in doc.get("files", []) or []:
        found.extend(f.get("findings", []) or [])
    return found


def finding_line(f):
    """One finding as the dialog lists it: Thai first, then English."""
    sev = {"error": "ผิดพลาด", "warning": "คำเตือน"}.get(f.get("severity"), f.get("severity") or "")
    where = "%s!%s" % (f.get("sheet") or "", f.get("cell") or "") if f.get("sheet") else (f.get("cell") or "")
    msg = f.get("message_th") or ""
    if f.get("message_en"):
        msg += " / " + f["message_en"]
    return "[%s] %s  %s" % (sev, where, msg)
