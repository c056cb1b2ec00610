#!/usr/bin/env python3
"""Fails when a message of the sources has no Russian text, or a Russian text is fuzzy or drops a
placeholder. Extracts every marked message (xgettext: _(), TL_MSG, TL_MSG_PLURAL, wxPLURAL,
wxTRANSLATE) from src/, compares with po/ru.po and reports each problem with its source place.

usage: check_catalog.py SOURCE_DIR [WORK_DIR]"""
import os
import re
import subprocess
import sys
import tempfile

import polib

KEYWORDS = ["_", "tr", "TL_MSG", "TL_MSG_PLURAL:1,2", "wxPLURAL:1,2", "wxTRANSLATE", "N_"]
PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


def extract(src_root, out_pot):
    files = []
    for base, _dirs, names in os.walk(os.path.join(src_root, "src")):
        files += [os.path.join(base, n) for n in names if n.endswith((".cpp", ".hpp"))]
    files.sort()
    cmd = ["xgettext", "--from-code=UTF-8", "--language=C++", "--no-wrap", "--sort-by-file",
           "--package-name=tenderloop", "-o", out_pot]
    cmd += ["--keyword=" + k for k in KEYWORDS] + files
    subprocess.run(cmd, check=True)


def main():
    src_root = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    # Duplicates and malformed entries first: msgfmt refuses them when building the catalog.
    po_path = os.path.join(src_root, "po", "ru.po")
    if subprocess.run(["msgfmt", "--check", "-o", os.devnull, po_path]).returncode != 0:
        print("po/ru.po does not compile (see msgfmt's messages above)")
        return 1
    pot_path = os.path.join(work, "tenderloop.pot")
    extract(src_root, pot_path)
    pot = polib.pofile(pot_path)
    ru = polib.pofile(os.path.join(src_root, "po", "ru.po"))
    have = {(e.msgctxt, e.msgid): e for e in ru if not e.obsolete}
    problems = []
    for e in pot:
        where = ", ".join(f"{f}:{l}" for f, l in e.occurrences[:2])
        t = have.get((e.msgctxt, e.msgid))
        if t is None or not t.translated():
            problems.append(f"{where}: no Russian text for {e.msgid!r}")
            continue
        if "fuzzy" in t.flags:
            problems.append(f"{where}: the Russian text of {e.msgid!r} is fuzzy")
            continue
        wanted = set(PLACEHOLDER.findall(e.msgid + (e.msgid_plural or "")))
        texts = [t.msgstr] if not t.msgid_plural else list(t.msgstr_plural.values())
        for text in texts:
            missing = wanted - set(PLACEHOLDER.findall(text))
            extra = set(PLACEHOLDER.findall(text)) - wanted
            if missing or extra:
                problems.append(f"{where}: the Russian text of {e.msgid!r} has placeholders "
                                f"{sorted(extra)} not in the English, lacks {sorted(missing)}")
    for p in problems:
        print(p)
    print(f"{len(pot)} messages in the sources, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
