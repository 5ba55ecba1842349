import os
from pathlib import Path

import pytest

from .browser import CHROMIUM


@pytest.fixture
def chromium() -> Path:
    """Debian's Chromium; skipped where it is missing, except under CI, where that fails."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (make browser)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM
