#!/usr/bin/python3
"""The peer of the export benchmark: Python XlsxWriter (Debian's python3-xlsxwriter) writes the
Bids and Scores cells that tl_bench_export dumped to cells.tsv (the same cells its raw
libxlsxwriter baseline writes), in constant_memory mode. Prints the write time (reading the TSV
is not counted).  usage: peer_xlsxwriter.py CELLS.tsv OUT.xlsx"""
import sys, time
import xlsxwriter

cells_path, out = sys.argv[1], sys.argv[2]
rows = []
with open(cells_path, encoding='utf-8') as fh:
    for line in fh:
        sheet, r, c, kind, value, formula = line.rstrip('\n').split('\t')
        rows.append((sheet, int(r), int(c), kind, value, formula))
start = time.perf_counter()
wb = xlsxwriter.Workbook(out, {'constant_memory': True})
sheets = {}
for sheet, r, c, kind, value, formula in rows:
    ws = sheets.get(sheet)
    if ws is None:
        ws = sheets[sheet] = wb.add_worksheet(sheet)
    if kind == 'n':
        ws.write_number(r, c, float(value))
    elif kind == 's':
        ws.write_string(r, c, value)
    elif kind == 'f':
        ws.write_formula(r, c, formula, None, float(value))
    else:
        ws.write_formula(r, c, formula, None, value)
wb.close()
print('python XlsxWriter         %8.3f s  (the same Bids and Scores cells, constant_memory)' % (time.perf_counter() - start))
