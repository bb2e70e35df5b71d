#!/usr/bin/env python3
"""Puts the page together as one HTML file with everything inside: the
WebAssembly module (itawb_web.js, the wasm in it as base64), the worker, the
client, the page's script and style. With --host, the Excel task pane: the
same page with Office.js and the host script (hosts/excel/taskpane.js).

    build_page.py MODULE.js OUT.html [--host HOST.js --head '<script src=...>'] [--version X.Y.Z]

The version shown in the footer is the project version in CMakeLists.txt
(the one place it is set) unless --version gives it.
"""
import argparse
import pathlib
import re

WEB = pathlib.Path(__file__).resolve().parent
# The page opened from disk may run scripts inline and the wasm (eval) and
# make workers from blobs, and may fetch nothing: no data can leave the PC.
# The task pane goes without: Office.js loads itself from Microsoft's site.
CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; "
       "style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:")


def project_version(root: pathlib.Path = WEB.parents[1]) -> str:
    """The project version in CMakeLists.txt: `project(itawb VERSION x.y.z ...)`."""
    text = (root / "CMakeLists.txt").read_text(encoding="utf-8")
    m = re.search(r"^project\(itawb VERSION ([0-9][0-9.]*)", text, re.M)
    if not m:
        raise SystemExit(f"build_page.py: no 'project(itawb VERSION ...)' in {root / 'CMakeLists.txt'}")
    return m.group(1)


def script_text(text: str) -> str:
    # Inside <script>, only "</script" ends the element; in JS "<\/" is "</".
    return text.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("module")
    parser.add_argument("out")
    parser.add_argument("--host", help="the host's script (the Excel task pane)")
    parser.add_argument("--head", default="", help="extra HTML for <head> (Office.js)")
    parser.add_argument("--version", default=None, help="the version in the footer (default: CMakeLists.txt's)")
    args = parser.parse_args()
    version = args.version or project_version()

    page = (WEB / "page.html").read_text(encoding="utf-8").replace("@VERSION@", version)
    worker = pathlib.Path(args.module).read_text(encoding="utf-8") + "\n" + (WEB / "worker.js").read_text(encoding="utf-8")
    host = ""
    if args.host:
        host = "<script>" + script_text(pathlib.Path(args.host).read_text(encoding="utf-8")) + "</script>"
    parts = {
        "<!--@CSP@-->": "" if args.host else f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        "/*@STYLE@*/": (WEB / "page.css").read_text(encoding="utf-8"),
        "<!--@HEAD@-->": args.head,
        "/*@WORKER@*/": script_text(worker),
        "/*@CLIENT@*/": script_text((WEB / "itawb-client.js").read_text(encoding="utf-8")),
        "<!--@HOST@-->": host,
        "/*@RESULTS@*/": script_text((WEB / "results.js").read_text(encoding="utf-8")),
        "/*@PAGE@*/": script_text((WEB / "page.js").read_text(encoding="utf-8")),
    }
    for mark, text in parts.items():
        if mark not in page:
            raise SystemExit(f"build_page.py: {mark} missing from page.html")
        page = page.replace(mark, text, 1)
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    print(f"{out}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
