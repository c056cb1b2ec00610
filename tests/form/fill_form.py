#!/usr/bin/python3
"""Fills in a TenderLoop bid form once per row of a bids CSV, as bidders would, for the round-trip
test (tests/cli/test_cli_form.cpp): form generated -> filled here -> re-saved by LibreOffice ->
`tenderloop import-form` -> the same bids.

    fill_form.py FORM.xlsx BIDS.csv OUT_DIR [PREFIX]

writes OUT_DIR/PREFIX-1.xlsx, PREFIX-2.xlsx, ... (PREFIX defaults to "bid") and prints how many. The answers are entered in the different ways people
and programs do, so that the reader sees every kind of cell: numbers as numbers and as text with
spaces ("10 500 000"), a percentage typed as 40 and one typed as 40 % into a percent-formatted
cell (stored 0.4), yes/no as text and as a boolean, the submission time as a date-time and as
text. Rows are found by the keys in the form's hidden column H, as the importer finds them.
"""
import csv
import datetime
import sys

import openpyxl

KEY_COL, ANSWER_COL = 8, 7  # H and G, 1-based


def rows_by_key(ws):
    keys = {}
    for r in range(1, ws.max_row + 1):
        v = ws.cell(row=r, column=KEY_COL).value
        if isinstance(v, str) and v:
            if v.startswith("field:"):
                v = v.split(":")[1]
            keys[v] = r
    return keys


def grouped(text):
    """12000000 -> '12 000 000' (the way people type large numbers as text)."""
    whole, _, frac = text.partition(".")
    out = ""
    while len(whole) > 3:
        out = " " + whole[-3:] + out
        whole = whole[:-3]
    return whole + out + ("," + frac if frac else "")


def fill(form, bid, index, out):
    wb = openpyxl.load_workbook(form)
    ws = wb["Bid"]
    keys = rows_by_key(ws)
    variant = index % 3
    for name, value in bid.items():
        if name not in keys or value == "":
            continue
        cell = ws.cell(row=keys[name], column=ANSWER_COL)
        if name == "submitted":
            when = datetime.datetime.fromisoformat(value)
            cell.value = when if variant != 1 else when.strftime("%Y-%m-%d %H:%M")
        elif name in ("bidder", "lot", "noise"):
            cell.value = value
        elif name == "take_back":
            cell.value = (value == "yes") if variant == 1 else value
        elif name == "retreaded" and variant == 2:
            cell.value = float(value) / 100  # typed as "40 %" into a percent-formatted cell
            cell.number_format = "0%"
        else:
            try:
                number = float(value)
            except ValueError:
                cell.value = value
                continue
            cell.value = grouped(value) if variant == 1 else number
    wb.save(out)


def main():
    form, bids_csv, out_dir = sys.argv[1:4]
    prefix = sys.argv[4] if len(sys.argv) > 4 else "bid"
    with open(bids_csv, newline="", encoding="utf-8") as f:
        bids = list(csv.DictReader(f))
    for i, bid in enumerate(bids):
        fill(form, bid, i, f"{out_dir}/{prefix}-{i + 1}.xlsx")
    print(len(bids))


if __name__ == "__main__":
    main()
