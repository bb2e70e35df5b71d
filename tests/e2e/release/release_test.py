#!/usr/bin/env python3
"""The release command end to end, on this machine: scripts/release.sh into a
temporary folder, then its output checked here, independently of the
script's own self-check: the folder is named by the version this test reads
from CMakeLists.txt; the files the machine can always build are there
(the Linux tarball, the .oxt, the guide, the release note, SHA256SUMS); each
cross-built form is there or named on a "skipped: NAME because ..." line and
in the release note; every SHA256SUMS line verifies (hashlib) and lists
every file; the .oxt's description.xml and the tarball's itawb carry the
version; the guide holds its pictures.

    release_test.py --source REPO
Exit 0 passed, 1 failed, 77 skipped (a tool the release needs is missing).
"""
import argparse
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
import zipfile

from checks import check, failures, project_versions


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    src = pathlib.Path(a.source).resolve()
    for tool in ("bash", "tar", "sha256sum", "unzip", "git", "cmake"):
        if not shutil.which(tool):
            print(f"skipped: {tool} is not installed")
            return 77
    version = ".".join(project_versions(src)[0])
    with tempfile.TemporaryDirectory(prefix="itawb-release-test-") as tmp:
        out = pathlib.Path(tmp) / "dist"
        r = subprocess.run(["bash", str(src / "scripts/release.sh"), "--out", str(out),
                            "--addin-base", "https://example.org/itawb"],
                           cwd=src, capture_output=True, text=True, timeout=1500)
        print(r.stdout[-3000:])
        if r.returncode != 0:
            print(r.stderr[-2000:])
            log = out / f"release-{version}.log"
            if log.is_file():
                print("--- the end of", log.name)
                print(log.read_text(encoding="utf-8", errors="replace")[-4000:])
        check(r.returncode == 0, f"release.sh exits 0 (got {r.returncode})")
        d = out / f"itawb-{version}"
        check(d.is_dir(), f"dist folder itawb-{version}")
        if not d.is_dir():
            return 1
        linux = f"itawb-{version}-linux-x86_64.tar.gz"
        for name in (linux, "itawb.oxt", "itawb-guide-th.html", "อ่านก่อน-RELEASE.md", "SHA256SUMS"):
            check((d / name).is_file() and (d / name).stat().st_size > 0, f"{name} is there")
        note = (d / "อ่านก่อน-RELEASE.md").read_text(encoding="utf-8")
        for name, path in (("itawb-windows.zip", d / "itawb-windows.zip"), ("itawb.html", d / "itawb.html"),
                           ("excel-addin/", d / "excel-addin")):
            if path.exists():
                check(True, f"{name} built")
            else:
                check(re.search(rf"^skipped: {re.escape(name)} because \S", r.stdout, re.M) is not None,
                      f"{name} not built and said so: 'skipped: {name} because ...'")
                check(f"- {name}: " in note, f"{name} listed as not built in the release note")
        # SHA256SUMS: every file, every hash
        sums = {}
        for line in (d / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
            h, name = line.split("  ", 1)
            sums[name] = h
        files = sorted(str(p.relative_to(d)) for p in d.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
        check(sorted(sums) == files, f"SHA256SUMS lists every file ({len(files)})")
        bad = [n for n, h in sums.items() if hashlib.sha256((d / n).read_bytes()).hexdigest() != h]
        check(not bad, f"every checksum verifies {bad}")
        # the version in the .oxt and in the tarball's itawb
        with zipfile.ZipFile(d / "itawb.oxt") as z:
            desc = ET.fromstring(z.read("description.xml"))
            names = z.namelist()
        v = desc.find("{http://openoffice.org/extensions/description/2006}version")
        check(v is not None and v.get("value") == version, f"the .oxt's description.xml carries {version}")
        check("bin/itawb" in names, "the .oxt carries the Linux itawb")
        if (d / "itawb-windows.zip").exists():
            check("bin/itawb.exe" in names, "the .oxt carries itawb.exe as itawb-windows.zip was built")
        x = pathlib.Path(tmp) / "x"
        with tarfile.open(d / linux) as t:
            members = t.getnames()
            t.extractall(x)
        top = f"itawb-{version}-linux-x86_64"
        for want in ("bin/itawb", "lib/itawb/itawb", "share/itawb/schemas", "share/itawb/workbooks/catalog", "examples/thungthong-2567.xlsx"):
            check(f"{top}/{want}" in members, f"the tarball holds {want}")
        # Every library the program names is one every Debian 12 with
        # LibreOffice has, or is in the tarball beside it (libxlsxwriter and
        # libzip are linked in statically today; a shared one must travel).
        dyn = subprocess.run(["readelf", "-d", str(x / top / "lib/itawb/itawb")], capture_output=True, text=True).stdout
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dyn)
        debian = ("libc.so", "libm.so", "ld-linux", "libstdc++.so", "libgcc_s.so", "libicu", "libz.so", "libexpat.so",
                  "libbz2.so", "liblzma.so", "libzstd.so", "libcrypto.so", "libnettle.so")
        missing = [n for n in needed if not n.startswith(debian) and f"{top}/lib/itawb/{n}" not in members]
        check(needed and not missing, f"the tarball's itawb needs {len(needed)} libraries, none missing {missing}")
        got = subprocess.run([str(x / top / "bin/itawb"), "--version"], capture_output=True, text=True).stdout.strip()
        check(got == f"itawb {version}", f"the tarball's itawb --version: {got!r}")
        res = subprocess.run([str(x / top / "bin/itawb"), "analyze", str(x / top / "examples/thungthong-2567.xlsx"),
                              "-o", str(x / "out.xlsx"), "-q"], capture_output=True, text=True)
        check(res.returncode in (0, 1) and (x / "out.xlsx").is_file(), "the tarball's itawb analyses its example from its own resources")
        guide = (d / "itawb-guide-th.html").read_text(encoding="utf-8")
        check(guide.count('<img src="data:image/png;base64,') >= 8, "the guide holds its 8 pictures")
        for name in (linux, "itawb.oxt", "itawb-windows.zip", "itawb.html", "excel-addin/manifest.xml"):
            if (d / name).exists():
                check(f'href="{name}"' in guide, f"the guide links {name}")
        check(note.startswith(f"# itawb {version}") and re.search(r"^## การเปลี่ยนแปลง.*\n\n- \S", note, re.M) is not None,
              "the release note: Thai first, with the changes")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
