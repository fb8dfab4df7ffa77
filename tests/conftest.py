from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus-dev"
CORPUS = ROOT / "corpus"


def needs_dev() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not present")


# Hypothesis profiles: "ci" (default, 2,000 examples a property) and "long" (10,000), chosen with
# HYPOTHESIS_PROFILE=long. No deadline: one Extractor is shared and the first call builds it.
import os as _os

from hypothesis import HealthCheck as _HealthCheck
from hypothesis import settings as _settings

_PROFILE_OPTIONS = dict(deadline=None, suppress_health_check=[_HealthCheck.too_slow, _HealthCheck.data_too_large])
_settings.register_profile("ci", max_examples=2000, **_PROFILE_OPTIONS)
_settings.register_profile("long", max_examples=10000, **_PROFILE_OPTIONS)
_settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "ci"))
