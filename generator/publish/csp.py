"""The Content-Security-Policy the built site needs, with hashes of the theme's inline scripts.

The theme (Material for MkDocs) writes a few small inline scripts whose text depends on the
page's depth, so their hashes are only known after the build. We collect them, then:

- write `_headers` (Netlify, Cloudflare Pages and others read this format) with the policy and
  the other security headers;
- write `csp.txt` with the bare policy, for servers configured by hand (nginx, Apache);
- put the same policy in a `<meta http-equiv>` at the top of every page, for hosts that cannot
  send headers (GitHub Pages). `frame-ancestors` only works as a header, so it is left out there.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from generator.publish.checks import PageScan

_META_ANCHOR = '<meta charset="utf-8">'


def script_hashes(pages: dict[str, PageScan]) -> list[str]:
    """The distinct sha256 sources of every inline script, sorted for stable output."""
    found = {_sha256(code) for scan in pages.values() for _, code in scan.inline_scripts}
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


HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def write_policy(site: Path, pages: dict[str, PageScan]) -> str:
    """Write `_headers` and `csp.txt` and add the meta policy to every page; returns the policy."""
    hashes = script_hashes(pages)
    header_policy = policy(hashes)
    lines = ["/*", f"  Content-Security-Policy: {header_policy}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (site / "csp.txt").write_text(header_policy + "\n", encoding="utf-8")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, for_meta=True)}">'
    for page in pages:
        path = site / page
        html = path.read_text(encoding="utf-8")
        if _META_ANCHOR in html:
            html = html.replace(_META_ANCHOR, f"{_META_ANCHOR}\n    {meta}", 1)
            path.write_text(html, encoding="utf-8")
    return header_policy


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
