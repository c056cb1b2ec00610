#!/usr/bin/python3
"""The workbook at its edges (docs/WORKBOOK.md, "Winner"): lots with 1, 2 and many bids, a tie at
rank 1 (of two and of three bids), a lot whose only ranked bid is one of two, lots where no bid can
be ranked (one inadmissible bid; all inadmissible), and a tie of 60 long names (the list stops past
1 000 characters). Written twice: as 9 lots (each lot its own sheets) and as 56 lots (the combined
layout, more than io::kCombineLotsAbove); and the every-construct test tender with only its first 1
and 2 bids. All recalculated by LibreOffice (headless) and Gnumeric (ssconvert --recalc), and
 - no cell of any sheet may be an error (#REF!, #VALUE!, #N/A, #NAME?, #DIV/0!, #NUM!, #NULL!,
   Err:...) in either engine; in every-construct only where TenderLoop stored #N/A itself (its
   rules divide by zero and read missing answers on purpose: undefined in the engine too);
 - every formula cell gives the value TenderLoop stored in it (verify_workbook.compare_engines);
 - each lot's Winner cell, recalculated by both engines, says what `tenderloop evaluate` says: the
   winner's name, "none yet, tie at rank 1 between A, B" when rank 1 is shared, "none" when
   nothing is ranked; and the winning total is the rank-1 total.
usage: verify_edge_lots.py --tenderloop BIN --work DIR"""
import argparse, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import verify_workbook as vw  # noqa: E402
from make_lots import RULES  # noqa: E402
from xlsx_cells import column_letters, read_book  # noqa: E402

ERRORS = ('#REF!', '#VALUE!', '#N/A', '#NAME?', '#DIV/0!', '#NUM!', '#NULL!', 'Err:')

# Each kind of lot: its bids as (price, retreaded %, warranty years, submitted). 20 % retreaded
# fails the requirement (inadmissible); equal bids submitted at the same time stay tied.
SAME = '2026-03-10T09:00:00'
KINDS = [
    ('one bid', [(100000, 60, 4, '2026-03-10T10:00:00')]),
    ('two bids', [(100000, 60, 4, '2026-03-10T10:00:00'), (90000, 40, 2, '2026-03-11T10:00:00')]),
    ('many bids', [(100000 + 7000 * b, 30 + 9 * b, 1 + b % 6, '2026-03-1%dT10:00:00' % b) for b in range(7)]),
    ('tie of two at rank 1', [(120000, 60, 4, SAME), (120000, 60, 4, SAME), (150000, 50, 2, SAME)]),
    ('tie of three at rank 1', [(120000, 60, 4, SAME)] * 3),
    ('one of two ranked', [(100000, 20, 4, '2026-03-10T10:00:00'), (110000, 60, 4, '2026-03-11T10:00:00')]),
    ('one bid, inadmissible', [(100000, 20, 4, '2026-03-10T10:00:00')]),
    ('no bid admissible', [(100000, 20, 4, '2026-03-10T10:00:00'), (90000, 10, 5, '2026-03-11T10:00:00')]),
]
# Only in the per-lot tender: a tie of 60 bids with long names, whose list stops past 1 000
# characters with ", ..." (docs/WORKBOOK.md, "Winner").
LONG_TIE = ('tie of sixty at rank 1', [(120000, 60, 4, SAME)] * 60)
LIST_CHARS = 1000


def bidder_name(kind, b):
    if kind == LONG_TIE[0]:
        return 'Regional Tyre Retreading Cooperative No. %02d' % (b + 1)
    return 'Bidder %s' % chr(65 + b)


def write_tender(folder, kinds):
    os.makedirs(folder, exist_ok=True)
    lots = len(kinds)
    lot_lines = ''.join('  lot E%02d: "%s"\n' % (i + 1, kinds[i][0]) for i in range(lots))
    with open(os.path.join(folder, 'rules.crit'), 'w', encoding='utf-8') as f:
        f.write(RULES % {'lots': lots, 'lot_lines': lot_lines})
    with open(os.path.join(folder, 'bids.csv'), 'w', encoding='utf-8') as f:
        f.write('bidder,lot,submitted,price,retreaded,warranty\n')
        for i in range(lots):
            for b, (price, retreaded, warranty, submitted) in enumerate(kinds[i][1]):
                f.write('%s,E%02d,%s,%d,%d,%d\n' % (bidder_name(kinds[i][0], b), i + 1, submitted, price, retreaded, warranty))


def scan_errors(tag, sheets, gnumeric, lo, undefined_allowed=False):
    """Every cell of every sheet: Gnumeric's CSV of each sheet, LibreOffice's formula results.
    undefined_allowed: a cell may be an error where TenderLoop itself stored #N/A (a value the
    engine calls undefined, such as a division by zero in the rules; docs/WORKBOOK.md)."""
    for index, (sheet_name, _, cells) in enumerate(sheets):
        def allowed(ref):
            return undefined_allowed and ref in cells and cells[ref].formula is not None and cells[ref].cached() == '#N/A'
        for r, row in enumerate(gnumeric[index] if index < len(gnumeric) else []):
            for c, text in enumerate(row):
                ref = '%s%d' % (column_letters(c), r + 1)
                if text.startswith(ERRORS) and not allowed(ref):
                    vw.fail('%s: Gnumeric: %s!%s is %s' % (tag, sheet_name, ref, text))
        for ref, v in lo.get(sheet_name, {}).items():
            if (isinstance(v, dict) or (isinstance(v, str) and v.startswith(ERRORS))) and not allowed(ref):
                vw.fail('%s: LibreOffice: %s!%s is %r' % (tag, sheet_name, ref, v))


def want_winner(lot):
    first = [b for b in lot['ranking'] if b.get('rank') == 1]
    if not first:
        return 'none', None
    if len(first) == 1:
        return first[0]['bidder'], first[0]['total']
    names = first[0]['bidder']
    for b in first[1:]:  # the list stops growing past LIST_CHARS characters
        if len(names) < LIST_CHARS:
            names += ', ' + b['bidder']
        elif not names.endswith(', ...'):
            names += ', ...'
    return 'none yet, tie at rank 1 between ' + names, first[0]['total']


def winner_cells(sheets, evaluation):
    """(lot, Summary sheet index, winner cell ref, winning total cell ref or None) per lot."""
    names = [s[0] for s in sheets]
    out = []
    combined = 'Summary' in names and 'Scores' in names and sheets[names.index('Scores')][2]['A1'].value == 'Lot'
    if combined:  # one row per lot, Winner in E, Winning total in F
        _, _, cells = sheets[names.index('Summary')]
        head = next(c.row for c in cells.values() if c.col == 4 and c.value == 'Winner')
        for i, lot in enumerate(evaluation['lots']):
            r = head + 2 + i
            out.append((lot, names.index('Summary'), 'E%d' % r, 'F%d' % r))
        return out
    for lot in evaluation['lots']:
        index = names.index('Summary' + (' ' + lot['lot'] if lot['lot'] else ''))
        _, _, cells = sheets[index]
        label = next(c for c in cells.values() if c.col == 0 and c.value == 'Winner')
        out.append((lot, index, 'C%d' % (label.row + 1), None))
    return out


def check_winners(tag, sheets, evaluation, gnumeric, lo):
    for lot, index, ref, total_ref in winner_cells(sheets, evaluation):
        sheet_name, _, cells = sheets[index]
        want, total = want_winner(lot)
        c, r = ref[0], int(ref[1:]) - 1
        g_row = gnumeric[index][r] if r < len(gnumeric[index]) else []
        got = {'stored': cells[ref].value if ref in cells else None,
               'Gnumeric': g_row[ord(c) - 65] if ord(c) - 65 < len(g_row) else None,
               'LibreOffice': lo.get(sheet_name, {}).get(ref, cells[ref].value if ref in cells else None)}
        for engine, value in got.items():
            if value != want:
                vw.fail('%s: lot %s: Winner %s %r, tenderloop evaluate %r' % (tag, lot['lot'], engine, value, want))
        if ranked_formula(cells, ref) is False and want != 'none':
            vw.fail('%s: lot %s: the Winner cell %s!%s is not a formula' % (tag, lot['lot'], sheet_name, ref))
        if total_ref and total is not None:
            for engine, value in (('LibreOffice', lo.get(sheet_name, {}).get(total_ref)),
                                  ('Gnumeric', vw.number(gnumeric[index][r][5]))):
                if not isinstance(value, (int, float)) or not vw.close(float(value), float(total)):
                    vw.fail('%s: lot %s: winning total %s %r, tenderloop evaluate %r' % (tag, lot['lot'], engine, value, total))


def ranked_formula(cells, ref):
    return ref in cells and cells[ref].formula is not None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tenderloop', required=True)
    ap.add_argument('--work', required=True)
    a = ap.parse_args()
    jobs = []
    tenders = []
    for tag, kinds in (('edge-lots', KINDS + [LONG_TIE]), ('edge-lots-combined', [KINDS[i % len(KINDS)] for i in range(56)])):
        tender = os.path.join(a.work, tag)
        write_tender(tender, kinds)
        tenders.append((tag, os.path.join(tender, 'rules.crit'), os.path.join(tender, 'bids.csv')))
    # Every construct of the language (tests/workbook/tenders/every-construct) with its first 1
    # and 2 bids: aggregates, ranks and keys over ranges of one and two rows.
    every = os.path.join(HERE, 'tenders', 'every-construct')
    with open(os.path.join(every, 'bids.csv'), encoding='utf-8') as fh:
        lines = fh.read().splitlines(True)
    for n in (1, 2):
        tag = 'every-construct-%d' % n
        os.makedirs(os.path.join(a.work, tag), exist_ok=True)
        with open(os.path.join(a.work, tag, 'bids.csv'), 'w', encoding='utf-8') as fh:
            fh.write(''.join(lines[:1 + n]))
        tenders.append((tag, os.path.join(every, 'rules.crit'), os.path.join(a.work, tag, 'bids.csv')))
    for tag, rules, bids in tenders:
        inputs = [rules, '--bids', bids]
        evaluation = json.loads(vw.run([a.tenderloop, 'evaluate'] + inputs + ['--format', 'json']))
        book = os.path.join(a.work, tag + '.xlsx')
        vw.run([a.tenderloop, 'export'] + inputs + ['-o', book], env=dict(os.environ, SOURCE_DATE_EPOCH='1790000000'))
        jobs.append((tag, book, evaluation))
    # Sanity: the tender shows what it is for (a tie at rank 1, a lot with nothing ranked).
    kinds = {want_winner(lot)[0].split(',')[0] for lot in jobs[0][2]['lots']}
    if 'none' not in kinds or 'none yet' not in kinds:
        vw.fail('the edge tender lacks a tie at rank 1 or a lot without a ranked bid: %s' % sorted(kinds))
    lo_dir = os.path.join(a.work, 'lo')
    vw.run(['/usr/bin/python3', os.path.join(HERE, 'lo_recalc.py'), lo_dir] + [j[1] for j in jobs])
    for tag, book, evaluation in jobs:
        sheets = read_book(book)
        g_dir = os.path.join(a.work, 'g-' + tag)
        os.makedirs(g_dir, exist_ok=True)
        gnumeric = vw.gnumeric_results(book, g_dir)
        lo = json.load(open(os.path.join(lo_dir, tag + '.json'), encoding='utf-8'))
        scan_errors(tag, sheets, gnumeric, lo, undefined_allowed=tag.startswith('every-construct'))
        counts = vw.compare_engines(tag, sheets, gnumeric, lo)
        check_winners(tag, sheets, evaluation, gnumeric, lo)
        print('%-20s %5d formula cells checked by Gnumeric, %5d by LibreOffice' % (tag, counts['gnumeric'], counts['libreoffice']))
    if vw.problems:
        print('\n'.join(vw.problems[:200]))
        print('%d problems' % len(vw.problems))
        return 1
    print('no error cell; every Winner cell agrees with tenderloop evaluate in both engines')
    return 0


if __name__ == '__main__':
    sys.exit(main())
