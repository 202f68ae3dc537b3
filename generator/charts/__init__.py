"""Charts drawn at build time: numbers (pandas) → specs (Altair) → SVG (vl-convert), cached.

`figures` turns data into `Figure`s: the frame of numbers, the Vega-Lite spec drawn from exactly
that frame, a caption and a one-sentence summary. It does no I/O, so the specs can be snapshot in
tests. `svg` draws a spec once and keeps the result by the hash of its spec; `reuse` keeps each
figure by the hash of its inputs and code, so an unchanged one is not even built again.
"""
