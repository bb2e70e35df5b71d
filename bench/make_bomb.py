#!/usr/bin/python3
"""make_bomb.py AGENCY.xlsx OUT.xlsx MIB [--lie]

Writes a deflate bomb for the benchmark (never committed): AGENCY.xlsx with
its first worksheet replaced by MIB mebibytes of plausible sheet XML (the same row
of ten numbers over and over, deflated at level 9: about 900 to one, below
the 1,000:1 ratio itawb refused before 2026-12). With --lie the
zip headers (local and central) declare 2,048 bytes inflated for that part, so
only the count while inflating can stop it.
"""
import re
import sys
import zipfile


def sheet_chunks(mib):
    yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    total, block = 0, 0
    target = mib << 20
    while total < target:
        # Rows without their r attributes (the format allows it), the same
        # row 1,000 times, another value in each block.
        row = "<row>" + "".join(f"<c><v>{(block * 7 + k) % 1000}</v></c>" for k in range(10)) + "</row>"
        chunk = (row * 1000).encode()
        total += len(chunk)
        block += 1
        yield chunk
    yield b"</sheetData></worksheet>"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.splitlines()[0])
    src, dst, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lie = "--lie" in sys.argv[4:]
    with zipfile.ZipFile(src) as zin:
        names = zin.namelist()
        sheets = sorted(n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
        victim = sheets[0]
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
            for n in names:
                if n == victim:
                    info = zipfile.ZipInfo(n, date_time=zin.getinfo(n).date_time)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info._compresslevel = 9  # ZipInfo has no public field for it (3.11)
                    with zout.open(info, "w", force_zip64=False) as w:
                        for chunk in sheet_chunks(mib):
                            w.write(chunk)
                else:
                    zout.writestr(zin.getinfo(n), zin.read(n))
    if lie:
        data = bytearray(open(dst, "rb").read())
        with zipfile.ZipFile(dst) as z:
            info = z.getinfo(victim)
        fake = (2048).to_bytes(4, "little")
        data[info.header_offset + 22:info.header_offset + 26] = fake
        cd = data.rfind(b"PK\x01\x02")
        while cd != -1:
            name_len = int.from_bytes(data[cd + 28:cd + 30], "little")
            if data[cd + 46:cd + 46 + name_len] == victim.encode():
                data[cd + 24:cd + 28] = fake
                break
            cd = data.rfind(b"PK\x01\x02", 0, cd)
        open(dst, "wb").write(bytes(data))


if __name__ == "__main__":
    main()
