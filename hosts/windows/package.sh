#!/usr/bin/env bash
# The zip for users: BUILD/itawb-windows.zip holding one folder, itawb/, with
# itawb.exe, the resources it loads from its own folder (schemas/,
# workbooks/catalog/), the examples as ตัวอย่าง/, อ่านก่อน.txt (the Thai-first
# readme, UTF-8 with a BOM and CRLF so that Notepad shows it) and
# วิเคราะห์.bat (drop workbooks on it). Written with Python's zipfile, which
# marks the Thai names as UTF-8 (flag bit 11) for Windows' own zip folders.
#   bash hosts/windows/package.sh [BUILD]     (default build-win, after hosts/windows/build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
B=${1:-build-win}
[ -f "$B/itawb.exe" ] || { echo "package.sh: no $B/itawb.exe (run hosts/windows/build.sh)" >&2; exit 1; }
/usr/bin/python3 - "$B" <<'PY'
import os, sys, zipfile
b = sys.argv[1]
out = os.path.join(b, "itawb-windows.zip")
def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
entries = [("itawb.exe", open(os.path.join(b, "itawb.exe"), "rb").read())]
entries.append(("อ่านก่อน.txt", b"\xef\xbb\xbf" + crlf(open("hosts/windows/readme-th.txt", encoding="utf-8").read())))
entries.append(("วิเคราะห์.bat", crlf(open("hosts/windows/analyze.bat", encoding="utf-8").read())))
for top in ("schemas", "workbooks/catalog"):
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            entries.append((p, open(p, "rb").read()))
for f in sorted(os.listdir("workbooks/examples")):
    if f.endswith(".xlsx"):
        entries.append(("ตัวอย่าง/" + f, open(os.path.join("workbooks/examples", f), "rb").read()))
tmp = out + ".tmp"
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name, data in entries:
        info = zipfile.ZipInfo("itawb/" + name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
os.replace(tmp, out)
print(f"{out}: {os.path.getsize(out)} bytes, {len(entries)} files")
PY
