#!/usr/bin/python3
"""The evaluation workbook, checked as a committee's auditor would: for each tender folder
(rules.crit + bids.csv) `tenderloop export` writes the workbook (also under LANG=ru_RU.UTF-8), and
 - its structure is read back from the XML and with openpyxl: the sheets of each lot, formulas in
   every computed cell of the Scores sheet, bidder names stored as text (never formulas, even when
   they look like one), protection, frozen panes, the chart, the SHA-256 of the inputs;
 - Gnumeric (ssconvert --recalc) and LibreOffice (headless, calculateAll over UNO) recalculate it,
   and every formula cell must give the value TenderLoop stored in it, to 1e-9 relative;
 - the recalculated totals and ranks must equal `tenderloop evaluate --format json` and, where the
   folder is a sample, the independent figures of tests/expected/<sample>.json.
Run with Debian's /usr/bin/python3 (python3-uno, python3-openpyxl); needs gnumeric and
libreoffice-calc-nogui. Exits 1 with a list of every mismatch.
usage: verify_workbook.py --tenderloop BIN --work DIR [--expected-dir DIR] TENDER_DIR..."""
import argparse, csv, hashlib, io, json, math, os, subprocess, sys, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_cells import column_letters, read_book  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def fail(msg):
    problems.append(msg)


def run(cmd, env=None, cwd=None):
    p = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise SystemExit('command failed (%d): %s\n%s%s' % (p.returncode, ' '.join(cmd), p.stdout, p.stderr))
    return p.stdout


def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-6)


def number(x):
    if isinstance(x, bool):
        return float(x)
    if isinstance(x, (int, float)):
        return float(x)
    if x in ('TRUE', 'FALSE'):
        return 1.0 if x == 'TRUE' else 0.0
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def agrees(cached, got, is_error):
    """cached: TenderLoop's stored result; got: an engine's result."""
    if cached == '#N/A':
        return is_error
    if is_error:
        return False
    if isinstance(cached, float):
        g = number(got)
        return g is not None and close(cached, g)
    return (got if got is not None else '') == cached


def gnumeric_results(book, out_dir):
    run(['ssconvert', '-I', 'Gnumeric_Excel:xlsx', '--recalc', '-S', book, os.path.join(out_dir, 'g.%n.csv')],
        env=dict(os.environ, LC_ALL='C.UTF-8'))
    sheets = []
    for i in range(1000):
        path = os.path.join(out_dir, 'g.%d.csv' % i)
        if not os.path.exists(path):
            break
        with open(path, encoding='utf-8', newline='') as fh:
            sheets.append(list(csv.reader(fh)))
    return sheets


def check_structure(name, book, sheets, evaluation, rules_path, bids_path):
    names = [s[0] for s in sheets]
    lots = evaluation['lots']
    want = []
    for lot in lots:
        suffix = (' ' + lot['lot']) if lot['lot'] else ''
        want += [k + suffix for k in ('Summary', 'Bids', 'Scores', 'Method')]
    if 'Committee' in names:
        want.append('Committee')
    want.append('Audit')
    if [n[:31] for n in want] != names:
        fail('%s: sheets %s, expected %s' % (name, names, want))
        return
    by_name = {s[0]: s for s in sheets}
    for sheet_name, xml, cells in sheets:
        if '<sheetProtection' not in xml:
            fail('%s: sheet %s is not protected' % (name, sheet_name))
    for lot in lots:
        suffix = (' ' + lot['lot']) if lot['lot'] else ''
        bidders = {b['bidder'] for b in lot['ranking']}
        for kind in ('Bids', 'Scores'):
            sheet_name, xml, cells = by_name[kind + suffix]
            if 'state="frozen"' not in xml:
                fail('%s: %s has no frozen header' % (name, sheet_name))
            names_in_a = set()
            for c in cells.values():
                if c.col == 0 and c.row > 0:
                    if c.formula is not None or c.t not in ('s', 'inlineStr'):
                        fail('%s: %s!%s (a bidder name) is not stored as text' % (name, sheet_name, c.ref))
                    names_in_a.add(c.value)
            if not bidders <= names_in_a:
                fail('%s: %s lacks bidders %s' % (name, sheet_name, sorted(bidders - names_in_a)))
        # Every computed Scores cell is a live formula (a value only where Method says why).
        _, _, scores = by_name['Scores' + suffix]
        _, _, method = by_name['Method' + suffix]
        value_only = any(isinstance(c.value, str) and c.value.startswith('VALUE ONLY') for c in method.values())
        constants = [c.ref for c in scores.values() if c.row > 0 and c.col > 0 and c.formula is None and c.value not in (None, '')]
        if constants and not value_only:
            fail('%s: Scores%s cells without formulas: %s' % (name, suffix, constants[:5]))
        formulas = [c for c in scores.values() if c.formula]
        if len(formulas) < len(bidders) * 3:
            fail('%s: Scores%s has only %d formulas' % (name, suffix, len(formulas)))
        # The Method sheet shows formulas as text, never as live formulas.
        if any(c.formula for c in method.values()):
            fail('%s: Method%s holds live formulas' % (name, suffix))
    _, _, audit = by_name['Audit']
    texts = {c.value for c in audit.values()}
    for path in (rules_path, bids_path):
        if path is None:
            continue  # a project: its inputs are inside it
        digest = hashlib.sha256(open(path, 'rb').read()).hexdigest()
        if digest not in texts:
            fail('%s: the Audit sheet lacks the SHA-256 of %s' % (name, os.path.basename(path)))
    with zipfile.ZipFile(book) as z:
        charts = [n for n in z.namelist() if n.startswith('xl/charts/chart')]
    ranked_lots = sum(1 for lot in lots if lot['ranking'])
    if len(charts) != ranked_lots:
        fail('%s: %d charts for %d lots with ranked bids' % (name, len(charts), ranked_lots))
    # An independent reader: openpyxl sees formulas as 'f' and names as plain strings.
    import openpyxl
    wb = openpyxl.load_workbook(book)
    for lot in lots:
        suffix = (' ' + lot['lot']) if lot['lot'] else ''
        ws = wb['Scores' + suffix]
        for row in ws.iter_rows(min_row=2):
            if row[0].value is not None and row[0].data_type != 's':
                fail('%s: openpyxl reads %s!%s as %s' % (name, ws.title, row[0].coordinate, row[0].data_type))
            if row[0].value is not None and all(c.data_type != 'f' for c in row[1:]):
                fail('%s: openpyxl finds no formula in %s row %d' % (name, ws.title, row[0].row))
        if not ws.protection.sheet:
            fail('%s: openpyxl: %s not protected' % (name, ws.title))


def compare_engines(name, sheets, gnumeric, libreoffice):
    counts = {'gnumeric': 0, 'libreoffice': 0}
    for index, (sheet_name, _, cells) in enumerate(sheets):
        g_rows = gnumeric[index] if index < len(gnumeric) else []
        lo = libreoffice.get(sheet_name, {})
        for c in cells.values():
            if c.formula is None:
                continue
            cached = c.cached()
            g = g_rows[c.row][c.col] if c.row < len(g_rows) and c.col < len(g_rows[c.row]) else ''
            if not agrees(cached, g, g.startswith('#')):
                fail('%s: Gnumeric: %s!%s =%s gives %r, TenderLoop stored %r' % (name, sheet_name, c.ref, c.formula[:120], g, cached))
            counts['gnumeric'] += 1
            v = lo.get(c.ref)
            is_error = isinstance(v, dict)
            if not agrees(cached, v if not is_error else None, is_error):
                fail('%s: LibreOffice: %s!%s =%s gives %r, TenderLoop stored %r' % (name, sheet_name, c.ref, c.formula[:120], v, cached))
            counts['libreoffice'] += 1
    return counts


def compare_ranking(name, sheets, lo_results, evaluation, expected):
    by_name = {s[0]: s for s in sheets}
    for i, lot in enumerate(evaluation['lots']):
        suffix = (' ' + lot['lot']) if lot['lot'] else ''
        _, _, cells = by_name['Scores' + suffix]
        header = {c.value: c.col for c in cells.values() if c.row == 0}
        lo = lo_results.get('Scores' + suffix, {})
        rows = {c.value: c.row for c in cells.values() if c.col == 0 and c.row > 0}
        sources = [('tenderloop evaluate', lot)]
        if expected is not None:
            sources.append(('tests/expected', expected['lots'][i]))
        for label, want_lot in sources:
            for b in want_lot['ranking']:
                if not b.get('rank'):
                    continue  # not ranked: its Total and Rank cells are empty
                r = rows.get(b['bidder'])
                if r is None:
                    fail('%s: %s bidder %s missing in Scores' % (name, label, b['bidder']))
                    continue
                for key, col_title in (('total', 'Total'), ('rank', 'Rank')):
                    ref = column_letters(header[col_title]) + str(r + 1)
                    got = lo.get(ref)
                    if not isinstance(got, (int, float)) or not close(float(got), float(b[key])):
                        fail('%s: %s %s of %s: LibreOffice %r, %s %r' % (name, ref, key, b['bidder'], got, label, b[key]))



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tenderloop', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--expected-dir')
    ap.add_argument('tenders', nargs='+')
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    jobs = []
    for tender in a.tenders:
        # A folder with rules.crit and bids.csv, a project file (.tender), or a sample's build.sh
        # that makes a project with the CLI (OUT_DIR/<sample>.tender).
        if tender.endswith('build.sh'):
            sample = os.path.basename(os.path.dirname(os.path.abspath(tender)))
            out = os.path.join(a.work, 'project-' + sample)
            run(['bash', tender, out], env=dict(os.environ, TENDERLOOP=a.tenderloop))
            tender = os.path.join(out, sample + '.tender')
        project = tender.endswith('.tender')
        base = os.path.splitext(os.path.basename(os.path.normpath(tender)))[0]
        if project:
            rules = bids = None
            inputs = [tender]
        else:
            rules, bids = os.path.join(tender, 'rules.crit'), os.path.join(tender, 'bids.csv')
            inputs = [rules, '--bids', bids]
        evaluation = json.loads(run([a.tenderloop, 'evaluate'] + inputs + ['--format', 'json']))
        expected = None
        if a.expected_dir and os.path.exists(os.path.join(a.expected_dir, base + '.json')):
            expected = json.load(open(os.path.join(a.expected_dir, base + '.json'), encoding='utf-8'))
        for locale in ('C.UTF-8', 'ru_RU.UTF-8'):
            tag = base + ('-ru' if locale.startswith('ru') else '')
            book = os.path.join(a.work, tag + '.xlsx')
            env = dict(os.environ, LANG=locale, LC_ALL=locale, SOURCE_DATE_EPOCH='1790000000')
            run([a.tenderloop, 'export'] + inputs + ['-o', book], env=env)
            jobs.append((tag, book, rules, bids, evaluation, expected))
    # The Russian export must be the same file: a comma as decimal separator would read as zeros.
    import locale
    try:
        locale.setlocale(locale.LC_NUMERIC, 'ru_RU.UTF-8')
        locale.setlocale(locale.LC_NUMERIC, 'C')
    except locale.Error:
        fail('the ru_RU.UTF-8 locale is missing (scripts/setup generates it): the Russian export test would prove nothing')
    for i in range(0, len(jobs), 2):
        with zipfile.ZipFile(jobs[i][1]) as c, zipfile.ZipFile(jobs[i + 1][1]) as ru:
            for part in c.namelist():
                # A project records each export in its audit log, so the second export shows a
                # later log head on its Audit sheet: that sheet differs by design.
                if b'Project audit log head' in c.read(part):
                    continue
                if part.startswith('xl/') and c.read(part) != ru.read(part):
                    fail('%s: %s differs when exported under ru_RU.UTF-8' % (jobs[i][0], part))
    lo_dir = os.path.join(a.work, 'lo')
    run(['/usr/bin/python3', os.path.join(HERE, 'lo_recalc.py'), lo_dir] + [j[1] for j in jobs])
    total = {'gnumeric': 0, 'libreoffice': 0}
    for tag, book, rules, bids, evaluation, expected in jobs:
        sheets = read_book(book)
        check_structure(tag, book, sheets, evaluation, rules, bids)
        g_dir = os.path.join(a.work, 'g-' + tag)
        os.makedirs(g_dir, exist_ok=True)
        gnumeric = gnumeric_results(book, g_dir)
        lo = json.load(open(os.path.join(lo_dir, tag + '.json'), encoding='utf-8'))
        counts = compare_engines(tag, sheets, gnumeric, lo)
        compare_ranking(tag, sheets, lo, evaluation, expected)
        for k in total:
            total[k] += counts[k]
        print('%-28s %5d formula cells checked by Gnumeric, %5d by LibreOffice' % (tag, counts['gnumeric'], counts['libreoffice']))
    if problems:
        print('\n'.join(problems[:200]))
        print('%d problems' % len(problems))
        return 1
    print('all agree: %d formula cells (Gnumeric), %d (LibreOffice)' % (total['gnumeric'], total['libreoffice']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
