"""Reads the cells of an .xlsx straight from its XML (standard library only): for each sheet, in
workbook order, every cell with its formula (if any), type and stored value. Independent of the
writer and of the spreadsheet engines, so the tests can see exactly what the file holds."""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'rel': 'http://schemas.openxmlformats.org/package/2006/relationships'}


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def column_letters(col):
    """0 -> A, 27 -> AB: the inverse of col_index."""
    s = ''
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    m = re.fullmatch(r'([A-Z]+)(\d+)', ref)
    return col_index(m.group(1)), int(m.group(2)) - 1


class Cell:
    def __init__(self, ref, t, formula, value):
        self.ref, self.t, self.formula, self.value = ref, t, formula, value
        self.col, self.row = split_ref(ref)

    def cached(self):
        """The stored result: a float, or a str for text results."""
        if self.t in ('s', 'str', 'inlineStr', 'e'):
            return self.value if self.value is not None else ''
        if self.t == 'b':
            return float(self.value)
        return float(self.value) if self.value not in (None, '') else ''


def _text(el):
    return ''.join(t.text or '' for t in el.iter('{%s}t' % NS['m']))


def read_book(path):
    """[(sheet name, xml text, {ref: Cell})] in workbook order."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read('xl/workbook.xml'))
        rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
        target = {r.get('Id'): r.get('Target') for r in rels.findall('rel:Relationship', NS)}
        shared = []
        if 'xl/sharedStrings.xml' in z.namelist():
            sst = ET.fromstring(z.read('xl/sharedStrings.xml'))
            shared = [_text(si) for si in sst.findall('m:si', NS)]
        out = []
        for s in wb.find('m:sheets', NS).findall('m:sheet', NS):
            part = 'xl/' + target[s.get('{%s}id' % NS['r'])].lstrip('/').replace('xl/', '', 1)
            xml = z.read(part).decode('utf-8')
            cells = {}
            for c in ET.fromstring(xml).iter('{%s}c' % NS['m']):
                t = c.get('t', 'n')
                f = c.find('m:f', NS)
                v = c.find('m:v', NS)
                if t == 'inlineStr':
                    value = _text(c.find('m:is', NS))
                elif t == 's':
                    value = shared[int(v.text)]
                else:
                    value = v.text if v is not None else None
                cells[c.get('r')] = Cell(c.get('r'), t, f.text if f is not None else None, value)
            out.append((s.get('name'), xml, cells))
        return out
