"""Charts drawn at build time: rows of numbers → Vega-Lite specs (plain dicts) → SVG (vl-convert).

`figures` turns data into `Figure`s: the rows of numbers, the Vega-Lite spec drawn from exactly
those rows (written with `vegalite`, no chart library), a caption and a one-sentence summary. It
does no I/O, so the specs can be snapshot in tests. `svg` draws a spec once and keeps the result
by the hash of its spec; `reuse` keeps each figure by the hash of its inputs and code, so an
unchanged one is not even built again.
"""
