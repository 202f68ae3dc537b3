"""Where builds keep what the next may reuse (outputs, drawn charts, the chrome, the search index).

`.cache/` in the working directory (ignored by Git) unless the command line is given another
(`$MVI_CACHE_DIR`). Everything kept there is keyed by all that determines it, so a stale entry
is never used: deleting the folder only makes the next build slower.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT = Path(".cache")


def cache_root() -> Path:
    return DEFAULT
