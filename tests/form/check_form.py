#!/usr/bin/python3
"""Describes a TenderLoop bid form as openpyxl (an independent reader) sees it, as JSON, for
tests/cli/test_cli_form.cpp to compare with the rules:

    check_form.py FORM.xlsx

{"sheets": [...], "protected": {sheet: bool}, "answers": {key: {"cell", "locked", "fill",
 "validation": {"type", "operator", "formula1", "formula2"} | null}}, "other_unlocked": [cells],
 "key_column_hidden": bool, "freeze": "A7", "landscape": bool, "paper": 9, "fit_width": 1,
 "text_cells_that_look_like_formulas": [cells whose data_type is 'f']}
"""
import json
import sys

import openpyxl

KEY_COL, ANSWER_COL = "H", "G"


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    ws = wb["Bid"]
    validation_of = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            validation_of[rng.coord] = {
                "type": dv.type,
                "operator": dv.operator,
                "formula1": dv.formula1,
                "formula2": dv.formula2,
            }
    answers, answer_cells = {}, set()
    for row in range(1, ws.max_row + 1):
        key = ws[f"{KEY_COL}{row}"].value
        if not isinstance(key, str) or row <= 3:
            continue
        if key.startswith("field:"):
            key = key.split(":")[1]
        cell = ws[f"{ANSWER_COL}{row}"]
        answer_cells.add(cell.coordinate)
        answers[key] = {
            "cell": cell.coordinate,
            "locked": bool(cell.protection.locked),
            "fill": cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None,
            "validation": validation_of.get(cell.coordinate),
        }
    other_unlocked, formulas = [], []
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(f"{sheet.title}!{cell.coordinate}")
                if sheet.title == "Bid" and cell.coordinate in answer_cells:
                    continue
                if cell.has_style and not cell.protection.locked:
                    other_unlocked.append(f"{sheet.title}!{cell.coordinate}")
    print(json.dumps({
        "sheets": wb.sheetnames,
        "protected": {s.title: bool(s.protection.sheet) for s in wb.worksheets},
        "passwords": [s.title for s in wb.worksheets if s.protection.password],
        "answers": answers,
        "other_unlocked": other_unlocked,
        "key_column_hidden": bool(ws.column_dimensions[KEY_COL].hidden),
        "freeze": ws.freeze_panes,
        "landscape": ws.page_setup.orientation == "landscape",
        "paper": int(ws.page_setup.paperSize or 0),
        "fit_width": int(ws.page_setup.fitToWidth if ws.page_setup.fitToWidth is not None else 1),
        "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "text_cells_that_look_like_formulas": formulas,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
