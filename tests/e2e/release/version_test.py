#!/usr/bin/env python3
"""One version everywhere: the project version in CMakeLists.txt, read here
with this test's own pattern, against what each form shows:
`itawb --version`, the .oxt's description.xml, the page's footer, the
add-in's manifest.xml (four parts) and manifest.json, and the exe's
resource script (which may hold no version of its own: it takes the
generated header's macros).

    version_test.py --source REPO --itawb build/itawb --oxt build/itawb.oxt [--generated build/generated]

Where mingw's windres is installed, itawb.rc is also compiled with the
build's generated itawb_version.h (winver.h's three names stubbed, since
the host's cpp cannot read mingw's headers) and the version resource read
back.
"""
import argparse
import json
import pathlib
import shutil
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

from checks import check, failures, project_versions


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--itawb", required=True)
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--generated", default=None, help="the build's generated/ folder (itawb_version.h)")
    a = ap.parse_args()
    src = pathlib.Path(a.source)
    found = project_versions(src)
    check(len(found) == 1, f"CMakeLists.txt sets the version once: {found}")
    version = ".".join(found[0])

    out = subprocess.run([a.itawb, "--version"], capture_output=True, text=True)
    check(out.returncode == 0 and out.stdout.strip() == f"itawb {version}",
          f"itawb --version says 'itawb {version}': {out.stdout.strip()!r}")

    with zipfile.ZipFile(a.oxt) as z:
        desc = ET.fromstring(z.read("description.xml"))
    ns = {"d": "http://openoffice.org/extensions/description/2006"}
    v = desc.find("d:version", ns)
    check(v is not None and v.get("value") == version, f"the .oxt's description.xml: {v.get('value') if v is not None else None}")

    with tempfile.TemporaryDirectory(prefix="itawb-version-") as tmp:
        t = pathlib.Path(tmp)
        module = t / "module.js"  # a stand-in for the wasm module: the page's frame is what is checked
        module.write_text("var createItawb = null;\n", encoding="utf-8")
        subprocess.run([sys.executable, str(src / "hosts/web/build_page.py"), str(module), str(t / "itawb.html")],
                       check=True, capture_output=True)
        page = (t / "itawb.html").read_text(encoding="utf-8")
        m = re.search(r'<span id="version">([^<]*)</span>', page)
        check(m is not None and m.group(1) == version, f"the page's footer: {m.group(1) if m else None}")
        check("@VERSION@" not in page, "no @VERSION@ left in the page")

        subprocess.run([sys.executable, str(src / "hosts/excel/build.py"), str(module), str(t / "addin"),
                        "--base", "https://example.org/itawb"], check=True, capture_output=True)
        xml = ET.parse(t / "addin/manifest.xml").getroot()
        mv = xml.find("{http://schemas.microsoft.com/office/appforoffice/1.1}Version")
        check(mv is not None and mv.text == version + ".0", f"manifest.xml <Version>: {mv.text if mv is not None else None}")
        mj = json.loads((t / "addin/manifest.json").read_text(encoding="utf-8"))
        check(mj.get("version") == version, f"manifest.json version: {mj.get('version')}")
        pane = (t / "addin/taskpane.html").read_text(encoding="utf-8")
        m = re.search(r'<span id="version">([^<]*)</span>', pane)
        check(m is not None and m.group(1) == version, f"the task pane's footer: {m.group(1) if m else None}")

    rc = (src / "hosts/windows/itawb.rc").read_text(encoding="utf-8")
    check(re.search(r"\d+[.,]\d+[.,]\d+", rc) is None and "ITAWB_VERSION_RC" in rc and "ITAWB_VERSION" in rc,
          "itawb.rc takes its version from the generated header, none written in it")
    manifest = (src / "hosts/windows/itawb.exe.manifest").read_text(encoding="utf-8")
    check('version="@PROJECT_VERSION@.0"' in manifest, "itawb.exe.manifest is configured from the project version")

    windres = shutil.which("x86_64-w64-mingw32-windres")
    if windres and a.generated:
        with tempfile.TemporaryDirectory(prefix="itawb-rc-") as tmp:
            t = pathlib.Path(tmp)
            (t / "itawb.exe.manifest").write_text(manifest.replace("@PROJECT_VERSION@", version), encoding="utf-8")
            header = (pathlib.Path(a.generated) / "itawb_version.h").read_text(encoding="utf-8")
            header = re.sub(r'#define ITAWB_MANIFEST_FILE "[^"]*"', f'#define ITAWB_MANIFEST_FILE "{t / "itawb.exe.manifest"}"', header)
            (t / "itawb_version.h").write_text(header, encoding="utf-8")
            (t / "itawb.rc").write_text(rc.replace("#include <winver.h>", "#define VS_VERSION_INFO 1\n#define VOS_NT_WINDOWS32 0x40004L\n#define VFT_APP 1L"),
                                        encoding="utf-8")
            out = subprocess.run([windres, "--preprocessor=cpp", "-I", str(t), str(t / "itawb.rc"), "-O", "rc"],
                                 capture_output=True, text=True)
            check(out.returncode == 0, f"windres compiles itawb.rc {out.stderr.strip()[:300]}")
            parts = ", ".join(version.split(".")) + ", 0"
            check(f"FILEVERSION {parts}" in out.stdout and f"PRODUCTVERSION {parts}" in out.stdout,
                  f"the exe's FILEVERSION/PRODUCTVERSION are {parts}")
            check(f'VALUE "FileVersion", "{version}"' in out.stdout and f'VALUE "ProductVersion", "{version}"' in out.stdout,
                  f"the exe's FileVersion/ProductVersion strings are {version}")
            check(f'version=""{version}.0""' in out.stdout, "the exe's embedded manifest carries the version")
    else:
        print("(itawb.rc not compiled: no x86_64-w64-mingw32-windres)")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
