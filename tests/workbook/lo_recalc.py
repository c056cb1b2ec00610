#!/usr/bin/python3
"""Recalculates workbooks in headless LibreOffice (over UNO: load, calculateAll) and prints, as
JSON, every formula cell's result per sheet: {"sheet": {"B2": value, ...}}, where a value is a
number (TRUE/FALSE are 1/0 in LibreOffice), a string, or {"error": "#N/A"}.
Needs Debian's libreoffice-calc-nogui and python3-uno; run with /usr/bin/python3.
usage: lo_recalc.py OUT_DIR BOOK.xlsx [BOOK2.xlsx ...]  (one soffice for all; OUT_DIR/BOOK.json)"""
import json, os, shutil, signal, subprocess, sys, tempfile, time
import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_cells import column_letters  # noqa: E402
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.CellFlags import FORMULA
from com.sun.star.sheet.FormulaResult import ERROR


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p



def formula_results(doc):
    out = {}
    for sheet in doc.Sheets:
        cells = {}
        errors = set()
        for a in sheet.queryFormulaCells(ERROR).getRangeAddresses():
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    errors.add((c, r))
        for a in sheet.queryContentCells(FORMULA).getRangeAddresses():
            data = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow).getDataArray()
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    ref = column_letters(c) + str(r + 1)
                    if (c, r) in errors:
                        cells[ref] = {'error': sheet.getCellByPosition(c, r).getString()}
                    else:
                        cells[ref] = data[r - a.StartRow][c - a.StartColumn]
        out[sheet.Name] = cells
    return out


def main():
    out_dir, books = sys.argv[1], sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix='tl_lo_profile_')
    pipe = 'tl_lo_%d' % os.getpid()
    proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--nologo',
                             '-env:UserInstallation=file://' + profile,
                             '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(600):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit('lo_recalc: could not connect to soffice')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        for book in books:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(book)), '_blank', 0,
                                               (prop('Hidden', True), prop('ReadOnly', True)))
            if doc is None or not hasattr(doc, 'calculateAll'):
                raise SystemExit('lo_recalc: LibreOffice could not load %s as a spreadsheet' % book)
            doc.calculateAll()
            result = formula_results(doc)
            doc.close(True)
            name = os.path.splitext(os.path.basename(book))[0] + '.json'
            with open(os.path.join(out_dir, name), 'w', encoding='utf-8') as fh:
                json.dump(result, fh, ensure_ascii=False)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge drops when soffice exits
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:  # soffice -> oosplash -> soffice.bin: end the whole group
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    main()
