from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus-dev"
CORPUS = ROOT / "corpus"


def needs_dev() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not present")
