#!/usr/bin/env python3
"""The officer's guide as one HTML file that opens offline: docs/guide/guide.md
with its pictures (docs/guide/img/*.png, made by make_pictures.sh) inside as
data: URLs, and the version in the title.

    build_guide.py -o OUT.html [--version X.Y.Z] [--link FILE]...

--link FILE (the release: each form it built beside the guide) makes every
`FILE` the guide names a link to it, so the guide opens the forms.

The Markdown is the small part of it the guide uses (headings, paragraphs,
lists, tables, pictures, block quotes, **bold**, *italic*, `code`, links);
no dependency beyond Python. A picture the guide names but that is missing
fails the build.
"""
import argparse
import base64
import html
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]

STYLE = """
body { font: 17px/1.6 "TH Sarabun New", "Sarabun", "Leelawadee UI", Tahoma, sans-serif; color: #1f2933;
       max-width: 900px; margin: 0 auto; padding: 16px 24px; }
h1 { color: #1d4e89; font-size: 1.8em; margin-bottom: 0; }
h2 { color: #1d4e89; border-bottom: 2px solid #1d4e89; margin-top: 1.8em; }
h3 { margin-top: 1.3em; }
em { color: #52606d; }
code { font-family: Consolas, monospace; background: #f0f4f8; padding: 0 3px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #cbd2d9; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #e6f0fb; }
blockquote { border-left: 4px solid #b7791f; background: #fffaf0; margin: 10px 0; padding: 6px 12px; }
img { max-width: 100%; border: 1px solid #cbd2d9; box-shadow: 0 1px 3px #0002; }
figure { margin: 10px 0; } figcaption { color: #52606d; font-size: 0.9em; }
.version { color: #52606d; }
@media print { @page { size: A4; margin: 15mm; } body { max-width: none; } h2 { break-after: avoid; } img, table { break-inside: avoid; } }
"""


LINKS: set = set()


def inline(text: str, pictures: dict) -> str:
    out = []
    pos = 0
    # Pictures and links first (their text is not escaped twice), then the rest.
    pattern = re.compile(r"!\[([^\]]*)\]\(([^)]+)\)|\[([^\]]+)\]\(([^)]+)\)")
    for m in pattern.finditer(text):
        out.append(_plain(text[pos:m.start()]))
        if m.group(1) is not None:
            out.append(picture(m.group(2), m.group(1), pictures))
        else:
            out.append(f'<a href="{html.escape(m.group(4))}">{_plain(m.group(3))}</a>')
        pos = m.end()
    out.append(_plain(text[pos:]))
    return "".join(out)


def _plain(text: str) -> str:
    parts = re.split(r"(`[^`]+`)", text)
    out = []
    for p in parts:
        if p.startswith("`") and p.endswith("`") and len(p) > 1:
            code = f"<code>{html.escape(p[1:-1])}</code>"
            out.append(f'<a href="{html.escape(p[1:-1])}">{code}</a>' if p[1:-1] in LINKS else code)
            continue
        p = html.escape(p, quote=False)
        p = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", p)
        p = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", p)
        out.append(p)
    return "".join(out)


def picture(src: str, alt: str, pictures: dict) -> str:
    path = (HERE / src).resolve()
    if not path.is_file():
        raise SystemExit(f"build_guide.py: the picture {src} is missing (bash docs/guide/make_pictures.sh)")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    pictures[src] = path.stat().st_size
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" title="{html.escape(alt)}">'


def convert(md: str, pictures: dict) -> str:
    lines = md.splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            level = len(m.group(1))
            out.append(f"<h{level}>{inline(m.group(2), pictures)}</h{level}>")
            i += 1
            continue
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            head, body = rows[0], [r for r in rows[1:] if not all(re.fullmatch(r":?-+:?", c) for c in r)]
            t = ["<table><thead><tr>" + "".join(f"<th>{inline(c, pictures)}</th>" for c in head) + "</tr></thead><tbody>"]
            for r in body:
                t.append("<tr>" + "".join(f"<td>{inline(c, pictures)}</td>" for c in r) + "</tr>")
            out.append("".join(t) + "</tbody></table>")
            continue
        if line.startswith(">"):
            quote = []
            while i < len(lines) and lines[i].startswith(">"):
                quote.append(lines[i][1:].strip())
                i += 1
            out.append(f"<blockquote><p>{inline(' '.join(quote), pictures)}</p></blockquote>")
            continue
        m = re.match(r"^(\s*)(-|\d+\.) ", line)
        if m:
            ordered = m.group(2) != "-"
            items = []
            while i < len(lines) and lines[i].strip():
                mm = re.match(r"^\s*(-|\d+\.) (.*)$", lines[i])
                if mm:
                    items.append(mm.group(2))
                elif items:
                    items[-1] += " " + lines[i].strip()
                i += 1
            tag = "ol" if ordered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{inline(x, pictures)}</li>" for x in items) + f"</{tag}>")
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not re.match(r"^(#{1,3} |\||>|\s*(-|\d+\.) )", lines[i]):
            para.append(lines[i].strip())
            i += 1
        text = " ".join(para)
        m = re.fullmatch(r"!\[([^\]]*)\]\(([^)]+)\)", text)
        if m:
            out.append(f"<figure>{picture(m.group(2), m.group(1), pictures)}<figcaption>{_plain(m.group(1))}</figcaption></figure>")
        else:
            out.append(f"<p>{inline(text, pictures)}</p>")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--version", default=None)
    ap.add_argument("--link", action="append", default=[], help="a file beside the guide to link where named")
    a = ap.parse_args()
    LINKS.update(a.link)
    version = a.version
    if not version:
        m = re.search(r"^project\(itawb VERSION ([0-9][0-9.]*)", (ROOT / "CMakeLists.txt").read_text(encoding="utf-8"), re.M)
        version = m.group(1) if m else "?"
    pictures: dict = {}
    # "<รุ่น>" (the version) in file names becomes this one: itawb-<รุ่น>-linux-x86_64.tar.gz.
    body = convert((HERE / "guide.md").read_text(encoding="utf-8").replace("<รุ่น>", version), pictures)
    page = (f'<!doctype html>\n<html lang="th"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>คู่มือเจ้าหน้าที่ itawb {version}</title><style>{STYLE}</style></head>\n<body>\n"
            f'<p class="version">itawb {version}</p>\n{body}\n</body></html>\n')
    out = pathlib.Path(a.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    linked = sorted(x for x in LINKS if f'href="{html.escape(x)}"' in page)
    missing = sorted(LINKS - set(linked))
    if missing:
        print(f"build_guide.py: the guide never names {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"{out}: {out.stat().st_size} bytes, {len(pictures)} pictures inside, links to {', '.join(linked) or 'no file'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
