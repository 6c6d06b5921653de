#!/usr/bin/env python3
"""Recomputes the canonical fingerprint of a workbook's Funds, Holdings and Holders tables
independently of Fund Quota Monitor (docs/evidence.md), with openpyxl.

    python3 scripts/fingerprint.py book.xlsx          # prints the SHA-256
    python3 scripts/fingerprint.py book.xlsx --text   # prints the canonical text
"""
import datetime
import hashlib
import struct
import sys

import openpyxl

TABLES = ["Funds", "Holdings", "Holders"]
ERRORS = {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!",
          "#CALC!", "#GETTING_DATA", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"}


def text_token(kind, text):
    return "%s%d:%s" % (kind, len(text.encode("utf-8", "surrogatepass")), text)


def token(value, epoch):
    if value is None or value == "":
        return "_"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.datetime):
        value = (value - epoch).total_seconds() / 86400
    elif isinstance(value, datetime.date):
        value = (datetime.datetime.combine(value, datetime.time()) - epoch).days
    if isinstance(value, (int, float)):
        return "n" + struct.pack(">d", float(value) + 0.0).hex()
    text = str(value)
    if text.startswith("#") or text.lstrip().startswith("#"):
        if text.strip().upper() in ERRORS:
            return text_token("e", text.strip().upper())
    return text_token("s", text)


def grid_of(wb, name):
    """The table named `name`, else the sheet named `name` from its first non-empty row."""
    for ws in wb.worksheets:
        for table in ws.tables.values():
            if table.name.lower() == name.lower():
                cells = ws[table.ref]
                rows = [[c.value for c in r] for r in cells]
                if table.totalsRowCount:
                    rows = rows[:-1]
                return rows
    for ws in wb.worksheets:
        if ws.title.strip().lower() == name.lower():
            rows = [[c.value for c in r] for r in ws.iter_rows()]
            while rows and all(v is None or (isinstance(v, str) and v.strip() == "") for v in rows[0]):
                rows.pop(0)
            return rows
    return None


def canonical(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    epoch = datetime.datetime(1904, 1, 1) if wb.epoch.year == 1904 else datetime.datetime(1899, 12, 30)
    out = ["FQM-CANONICAL-TABLES 1\n", "DATE-SYSTEM %d\n" % (1904 if wb.epoch.year == 1904 else 1900)]
    for name in TABLES:
        rows = grid_of(wb, name)
        if rows is None:
            continue
        width = max((len(r) for r in rows), default=0)
        tokens = [[token(r[c] if c < len(r) else None, epoch) for c in range(width)] for r in rows]
        header, body = (tokens[0], tokens[1:]) if tokens else ([], [])
        body = [r for r in body if any(t != "_" for t in r)]
        used = [c for c in range(width) if header[c] != "_" or any(r[c] != "_" for r in body)]

        def tie(c):
            return hashlib.sha256("".join(r[c] + "\n" for r in body).encode("utf-8", "surrogatepass")).hexdigest()

        used.sort(key=lambda c: (header[c].encode("utf-8", "surrogatepass"), tie(c)))
        out.append("TABLE %s %d %d\n" % (name, len(used), len(body)))
        out.append("H" + "".join("\t" + header[c] for c in used) + "\n")
        for r in body:
            out.append("R" + "".join("\t" + r[c] for c in used) + "\n")
    return "".join(out)


if __name__ == "__main__":
    text = canonical(sys.argv[1])
    if "--text" in sys.argv:
        sys.stdout.write(text)
    else:
        print(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
