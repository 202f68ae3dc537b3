"""Where a build keeps what the next build may reuse (drawn charts, figures, the search index).

`$MVI_CACHE_DIR`, or `.cache/` in the working directory (ignored by Git). Everything kept there
is keyed by all that determines it, so a stale entry is never used: deleting the folder only
makes the next build slower.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    return Path(os.environ.get("MVI_CACHE_DIR") or ".cache")
