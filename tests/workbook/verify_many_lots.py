#!/usr/bin/python3
"""The combined workbook layout (more lots than the threshold, docs/WORKBOOK.md "Many lots"),
checked as verify_workbook.py checks the per-lot layout: make_lots.py writes a tender with LOTS
lots, `tenderloop export` writes its workbook, and
 - the sheets are one Summary, Bids, Scores, Method and the Audit; Bids and Scores start with a
   Lot column; the Summary has one row per lot with TenderLoop's winner and winning total;
 - Gnumeric (ssconvert --recalc) and LibreOffice (headless) recalculate it: every formula cell
   must give the value TenderLoop stored in it (1e-9 relative), and per lot the recalculated
   Total and Rank of every ranked bid, and the Summary's winner (or tie at rank 1), must equal
   `tenderloop evaluate --format json`.
usage: verify_many_lots.py --tenderloop BIN --work DIR [--lots N (default 60)]"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import verify_workbook as vw  # noqa: E402
from xlsx_cells import column_letters, read_book  # noqa: E402


def check_combined(sheets, evaluation, lo, gnumeric):
    names = [s[0] for s in sheets]
    if names != ['Summary', 'Bids', 'Scores', 'Method', 'Audit']:
        vw.fail('sheets %s, expected Summary, Bids, Scores, Method, Audit' % names)
        return
    index = {s[0]: i for i, s in enumerate(sheets)}
    by_name = {s[0]: s for s in sheets}
    for kind in ('Bids', 'Scores'):
        _, xml, cells = by_name[kind]
        if '<sheetProtection' not in xml or 'state="frozen"' not in xml:
            vw.fail('%s is not protected with a frozen header' % kind)
        if cells['A1'].value != 'Lot':
            vw.fail('%s!A1 is %r, expected the Lot column' % (kind, cells['A1'].value))
    # Scores: (lot, bidder) -> row; the Total and Rank columns by header.
    _, _, scores = by_name['Scores']
    header = {c.value: c.col for c in scores.values() if c.row == 0}
    rows = {}
    for c in scores.values():
        if c.col == 1 and c.row > 0:
            rows[(scores['A%d' % (c.row + 1)].value, c.value)] = c.row
    g_scores = gnumeric[index['Scores']]
    lo_scores = lo.get('Scores', {})
    for lot in evaluation['lots']:
        for b in lot['ranking']:
            r = rows.get((lot['lot'], b['bidder']))
            if r is None:
                vw.fail('lot %s: bidder %s missing on Scores' % (lot['lot'], b['bidder']))
                continue
            if not b.get('rank'):
                continue
            for key, title in (('total', 'Total'), ('rank', 'Rank')):
                ref = column_letters(header[title]) + str(r + 1)
                for engine, got in (('LibreOffice', lo_scores.get(ref)), ('Gnumeric', vw.number(g_scores[r][header[title]]))):
                    if not isinstance(got, (int, float)) or not vw.close(float(got), float(b[key])):
                        vw.fail('lot %s, %s %s of %s: %s %r, tenderloop evaluate %r' % (lot['lot'], ref, key, b['bidder'], engine, got, b[key]))
    # Summary: one row per lot, in the evaluation's order, with the winner recalculated.
    _, _, summary = by_name['Summary']
    first = next(c.row for c in summary.values() if c.col == 0 and c.value == 'Lot' and summary.get('B%d' % (c.row + 1)) and
                 summary['B%d' % (c.row + 1)].value == 'Lot name') + 1
    lo_summary = lo.get('Summary', {})
    for i, lot in enumerate(evaluation['lots']):
        r = first + i + 1  # 1-based
        got_lot = summary.get('A%d' % r)
        if got_lot is None or got_lot.value != lot['lot']:
            vw.fail('Summary row %d: lot %r, expected %s' % (r, got_lot and got_lot.value, lot['lot']))
            continue
        winners = [b for b in lot['ranking'] if b.get('rank') == 1]
        # A tie at rank 1 is said as the CLI says it (docs/WORKBOOK.md, "Winner").
        want = ('none' if not winners else winners[0]['bidder'] if len(winners) == 1 else
                'none yet, tie at rank 1 between ' + ', '.join(b['bidder'] for b in winners))
        for engine, got in (('stored', summary['E%d' % r].value), ('LibreOffice', lo_summary.get('E%d' % r, summary['E%d' % r].value)),
                            ('Gnumeric', gnumeric[index['Summary']][r - 1][4])):
            if got != want:
                vw.fail('Summary lot %s: winner %s %r, tenderloop evaluate %r' % (lot['lot'], engine, got, want))
        if winners:
            got = lo_summary.get('F%d' % r)
            if not isinstance(got, (int, float)) or not vw.close(float(got), float(winners[0]['total'])):
                vw.fail('Summary lot %s: winning total LibreOffice %r, tenderloop evaluate %r' % (lot['lot'], got, winners[0]['total']))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tenderloop', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--lots', type=int, default=60)
    a = ap.parse_args()
    tender = os.path.join(a.work, 'tender')
    os.makedirs(tender, exist_ok=True)
    vw.run(['/usr/bin/python3', os.path.join(HERE, 'make_lots.py'), tender, str(a.lots)])
    inputs = [os.path.join(tender, 'rules.crit'), '--bids', os.path.join(tender, 'bids.csv')]
    evaluation = json.loads(vw.run([a.tenderloop, 'evaluate'] + inputs + ['--format', 'json']))
    book = os.path.join(a.work, 'lots.xlsx')
    vw.run([a.tenderloop, 'export'] + inputs + ['-o', book], env=dict(os.environ, SOURCE_DATE_EPOCH='1790000000'))
    lo_dir = os.path.join(a.work, 'lo')
    vw.run(['/usr/bin/python3', os.path.join(HERE, 'lo_recalc.py'), lo_dir, book])
    lo = json.load(open(os.path.join(lo_dir, 'lots.json'), encoding='utf-8'))
    g_dir = os.path.join(a.work, 'g')
    os.makedirs(g_dir, exist_ok=True)
    gnumeric = vw.gnumeric_results(book, g_dir)
    sheets = read_book(book)
    counts = vw.compare_engines('lots', sheets, gnumeric, lo)
    check_combined(sheets, evaluation, lo, gnumeric)
    if vw.problems:
        print('\n'.join(vw.problems[:200]))
        print('%d problems' % len(vw.problems))
        return 1
    print('%d lots: all agree: %d formula cells (Gnumeric), %d (LibreOffice)' % (a.lots, counts['gnumeric'], counts['libreoffice']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
