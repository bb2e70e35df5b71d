#!/usr/bin/env python3
"""The Excel add-in's files, for one HTTPS folder that serves them:

    build.py MODULE.js OUTDIR [--base https://host/path]

writes OUTDIR/taskpane.html (the offline page with Office.js and the Excel
host, excel-addin/taskpane.js), OUTDIR/manifest.xml and manifest.json (BASE
replaced by --base; default https://localhost:3000, for trying it on one PC)
and the icons (ribbon 16/32/80, app 192 colour and 32 outline). Copy OUTDIR to the web
server as it is and give users manifest.xml (README: "The Excel add-in")."""
import argparse
import pathlib
import re
import struct
import subprocess
import sys
import zlib

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "web"))
from build_page import project_version  # noqa: E402  (the one version: CMakeLists.txt)
OFFICE_JS = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>'


def png(size: int) -> bytes:
    """A blue square with a white tick: the ribbon's icon, drawn without PIL."""
    blue, white = (29, 78, 137), (255, 255, 255)
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u, v = x / size, y / size
            # the tick: two strokes, (0.22,0.52)->(0.42,0.72)->(0.80,0.30)
            d1 = abs((v - 0.52) - (u - 0.22)) if 0.22 <= u <= 0.42 else 9
            d2 = abs((v - 0.72) + (u - 0.42) * (0.42 / 0.38)) if 0.42 <= u <= 0.80 else 9
            row += bytes(white if min(d1, d2) < 0.07 else blue)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("module")
    parser.add_argument("out")
    parser.add_argument("--base", default="https://localhost:3000")
    parser.add_argument("--version", default=None, help="default: the project version in CMakeLists.txt")
    args = parser.parse_args()
    version = args.version or project_version()
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit(f"build.py: version {version!r} is not x.y.z")
    base = args.base.rstrip("/")
    if not base.startswith("https://"):
        sys.exit("build.py: --base must be an https:// address (Office loads add-ins only over HTTPS)")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE.parent / "web/build_page.py"), args.module, str(out / "taskpane.html"),
                    "--host", str(HERE / "taskpane.js"), "--head", OFFICE_JS, "--version", version], check=True)
    # manifest.xml: the add-in only manifest, for a shared-folder catalogue and
    # the admin centre; manifest.json: the unified manifest (Excel: preview).
    for name in ("manifest.xml", "manifest.json"):
        manifest = (HERE / name).read_text(encoding="utf-8").replace("BASE/", base + "/").replace("@VERSION@", version)
        (out / name).write_text(manifest, encoding="utf-8")
    for size in (16, 32, 80):
        (out / f"icon-{size}.png").write_bytes(png(size))
    (out / "icon-color.png").write_bytes(png(192))
    (out / "icon-outline.png").write_bytes(png(32))
    print(f"{out}: manifest.xml and manifest.json for {base}/, taskpane.html, icons")


if __name__ == "__main__":
    main()
