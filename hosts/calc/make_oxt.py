#!/usr/bin/env python3
"""Packs the LibreOffice extension: hosts/calc/ + the built itawb + its
resources (schemas/, workbooks/catalog/) into one .oxt, written atomically.

  make_oxt.py --source REPO --itawb build/itawb [--itawb-exe build-win/itawb.exe]
              [--version X.Y.Z] -o build/itawb.oxt

The version defaults to the project version in CMakeLists.txt (CMake passes
the same one).

Layout inside: bin/itawb, bin/lib/ (the libraries it links that a Debian 12
with LibreOffice may not have: SYSTEM_LIBS), (and bin/itawb.exe with any DLLs beside it, when
given), share/itawb/{schemas,
workbooks/catalog} (the CLI's data home: ITAWB_HOME, or ../share/itawb beside
bin/), the Python component, its pythonpath/ and the .xcu files. The Linux
binary is stripped of debug information (objcopy) when objcopy is present.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

EXT_FILES = ["itawb_dispatch.py", "Addons.xcu", "ProtocolHandler.xcu", "CalcWindowState.xcu",
             "META-INF/manifest.xml", "description/th.txt", "description/en.txt"]
RESOURCE_DIRS = ["schemas", "workbooks/catalog"]
# Shared libraries a Debian 12 with LibreOffice has anyway (LibreOffice or
# the base system depends on them): not bundled. Every other library itawb
# links (libxlsxwriter, libzip, spdlog, fmt, nettle, minizip) goes into
# bin/lib/, which the extension puts on LD_LIBRARY_PATH.
SYSTEM_LIBS = ("linux-vdso", "ld-linux", "libc.so", "libm.so", "libgcc_s", "libstdc++", "libpthread",
               "libdl.so", "librt.so", "libicu", "libz.so", "libexpat", "libbz2", "libcrypto", "libssl")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--itawb", required=True)
    ap.add_argument("--itawb-exe", default="")
    ap.add_argument("--version", default=None)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    if not a.version:
        with open(os.path.join(a.source, "CMakeLists.txt"), encoding="utf-8") as f:
            m = re.search(r"^project\(itawb VERSION ([0-9][0-9.]*)", f.read(), re.M)
        if not m:
            sys.exit("make_oxt.py: no project(itawb VERSION ...) in CMakeLists.txt")
        a.version = m.group(1)
    lo = os.path.join(a.source, "hosts", "calc")
    platforms = ["linux_x86_64"]
    has_exe = bool(a.itawb_exe) and os.path.isfile(a.itawb_exe)
    if has_exe:
        platforms += ["windows_x86", "windows_x86_64"]
    with open(os.path.join(lo, "description.xml.in"), encoding="utf-8") as f:
        description = f.read().replace("@VERSION@", a.version).replace("@PLATFORMS@", ",".join(platforms))

    work = tempfile.mkdtemp(prefix="itawb-oxt-")
    try:
        linux_bin = os.path.join(work, "itawb")
        if shutil.which("objcopy"):
            subprocess.run(["objcopy", "--strip-debug", a.itawb, linux_bin], check=True)
        else:
            shutil.copyfile(a.itawb, linux_bin)
        out_dir = os.path.dirname(os.path.abspath(a.output))
        os.makedirs(out_dir, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".itawb-oxt-", suffix=".tmp", dir=out_dir)
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
                # A stable order, so that two builds of one tree give one .oxt.
                z.writestr("description.xml", description)
                for rel in EXT_FILES:
                    z.write(os.path.join(lo, rel), rel)
                package = os.path.join(lo, "pythonpath", "itawb_calc")
                for name in sorted(os.listdir(package)):
                    if name.endswith(".py"):
                        z.write(os.path.join(package, name), "pythonpath/itawb_calc/" + name)
                _add_exec(z, linux_bin, "bin/itawb")
                for soname, path in _bundled_libs(a.itawb):
                    z.write(path, "bin/lib/" + soname)
                if has_exe:  # with the DLLs beside it, if it needs any
                    z.write(a.itawb_exe, "bin/itawb.exe")
                    win_dir = os.path.dirname(os.path.abspath(a.itawb_exe))
                    for name in sorted(os.listdir(win_dir)):
                        if name.lower().endswith(".dll"):
                            z.write(os.path.join(win_dir, name), "bin/" + name)
                for d in RESOURCE_DIRS:
                    root = os.path.join(a.source, d)
                    for dirpath, dirnames, filenames in os.walk(root):
                        dirnames.sort()
                        for name in sorted(filenames):
                            full = os.path.join(dirpath, name)
                            rel = os.path.relpath(full, a.source).replace(os.sep, "/")
                            z.write(full, "share/itawb/" + rel)
            os.chmod(tmp, 0o644)
            os.replace(tmp, a.output)
        except BaseException:
            os.unlink(tmp)
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%s: %d bytes (%s)" % (a.output, os.path.getsize(a.output), ", ".join(platforms)))


def _bundled_libs(binary):
    """(soname, resolved file) of the libraries to bundle, from ldd."""
    out = subprocess.run(["ldd", binary], stdout=subprocess.PIPE, check=True).stdout.decode()
    libs = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "=>" and parts[2].startswith("/"):
            soname = parts[0]
            if not soname.startswith(SYSTEM_LIBS):
                libs.append((soname, os.path.realpath(parts[2])))
    return sorted(libs)


def _add_exec(z, path, arcname):
    info = zipfile.ZipInfo.from_file(path, arcname)
    info.external_attr = (0o100755 << 16)  # rwxr-xr-x (LibreOffice drops it: see runner.locate)
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(path, "rb") as f:
        z.writestr(info, f.read(), compresslevel=9)


if __name__ == "__main__":
    sys.exit(main())
