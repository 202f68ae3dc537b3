"""The Content-Security-Policy the built site needs, with hashes of the theme's inline scripts.

The theme (Material for MkDocs) writes a few small inline scripts whose text depends on the
page's depth. Every page is a frame of the host's or a hand-written page of the host's, so the
hashes are known as soon as the host has rendered, before any page is written. Then:

- `Policy.add_to` puts the policy in a `<meta http-equiv>` at the top of every page, for hosts
  that cannot send headers (GitHub Pages). `frame-ancestors` only works as a header, so it is
  left out there;
- `write_headers` writes `_headers` (Netlify, Cloudflare Pages and others read this format) with
  the policy and the other security headers, and `csp.txt` with the bare policy, for servers
  configured by hand (nginx, Apache).

The output checks then prove it: no page holds an inline script the policy does not allow.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.publish.checks import PageScan, scan_page

if TYPE_CHECKING:
    from generator.publish.target import Target

_META_ANCHOR = '<meta charset="utf-8">'

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def script_hashes(pages: Iterable[PageScan] | dict[str, PageScan]) -> list[str]:
    """The distinct sha256 sources of every inline script, sorted for stable output."""
    scans = pages.values() if isinstance(pages, dict) else pages
    found = {_sha256(code) for scan in scans for _, code in scan.inline_scripts}
    return sorted(found)


def policy(hashes: list[str], *, for_meta: bool = False) -> str:
    # 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly from the site; it
    # allows no eval() of script text.
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    directives = [
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self'",
        "img-src 'self' data:",  # the theme's icons are data: SVGs in its style sheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",  # the search (Pagefind) runs in a web worker from the site itself
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not for_meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


@dataclass(frozen=True)
class Policy:
    """The policy for pages whose inline scripts have these hashes."""

    hashes: tuple[str, ...]

    @classmethod
    def for_pages(cls, pages: Iterable[str]) -> Policy:
        """The policy for these pages (HTML): every inline script of theirs allowed."""
        return cls(tuple(script_hashes(scan_page(html) for html in pages)))

    @property
    def header(self) -> str:
        return policy(list(self.hashes))

    def add_to(self, html: str) -> str:
        """`html` with the policy as its first meta element (pages without one are left)."""
        content = policy(list(self.hashes), for_meta=True)
        meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
        return html.replace(_META_ANCHOR, f"{_META_ANCHOR}\n    {meta}", 1)


def write_headers(target: Target, chosen: Policy) -> str:
    """Put `_headers` and `csp.txt` in the site; returns the policy."""
    lines = ["/*", f"  Content-Security-Policy: {chosen.header}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    for path, text in (("_headers", "\n".join(lines) + "\n"), ("csp.txt", chosen.header + "\n")):
        content = text.encode("utf-8")
        # mypy cannot type a lambda with a default argument (python/mypy#15459)
        target.put(path, hashlib.sha256(content).hexdigest(), lambda c=content: c)  # type: ignore[misc]
    return chosen.header


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def read_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` in `site` asks for every path, as `write_headers` wrote them
    (the format Netlify and Cloudflare read): what `serve` sends with each file."""
    headers: dict[str, str] = {}
    path = site / "_headers"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and ":" in line:
                name, _, value = line.strip().partition(":")
                headers[name.strip()] = value.strip()
    return headers
