"""rules/organizations.py: head-anchored mentions, with and without the article's word index."""
from __future__ import annotations

from pathlib import Path

import pytest

from umkm_extract.rules.organizations import find_organizations
from umkm_extract.rules.text import WordIndex

DEV = Path(__file__).parents[1].parent / "shared" / "corpus-dev"

TEXTS = [
    "Dinas Koperasi dan UKM Kabupaten Jember bersama Pemkab Jember dan PT Bank Rakyat Indonesia (BRI).",
    "Kepala Diskopukm, BPJS Ketenagakerjaan dan Kemenkop UKM; ADinas, Dinas2, pt kecil, Pemerintah Kabupaten Batang.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_mentions(text: str) -> None:
    found = find_organizations(text, index=WordIndex(text))
    assert found and all(text[o.start:o.end] == o.text for o in found)


def test_index_gives_what_the_full_scan_gives() -> None:
    """Trying the pattern only where a head's first word starts loses nothing."""
    texts = TEXTS + [p.read_text("utf-8") for p in sorted(DEV.glob("*.txt"))]
    for text in texts:
        spans = [(0, len(text)), (len(text) // 2, len(text))]
        exclude = [(10, 20)]
        for sp in ([spans[0]], [spans[1]]):
            assert find_organizations(text, spans=sp, exclude=exclude, index=WordIndex(text)) == \
                find_organizations(text, spans=sp, exclude=exclude)
