"""Make the dashboard's light world map: the 50m shapes (every state, small ones included)
simplified to about the detail of the 110m shapes.

Why: the map draws the whole world (land, borders, coastlines) on every first page load. Plotly's
own 110m shapes are light but lack about 55 states (Bahrain, Singapore, Malta, Andorra, most
small island states); its 50m shapes have them all but 143,000 points, which headless Chromium
takes about a second to draw. This script keeps the 50m topology (same objects, same arcs in the
same order, so every geometry and every shared border stays as it is) and thins each arc with
Douglas-Peucker on the quantized coordinates; a closed arc (an island drawn as one ring) keeps at
least four corners, so no state disappears. The result is written as ``world_110m.json``, the
file plotly.js asks for at ``resolution=110`` (dashboard.charts.GEO).

Usage:
    python scripts/simplify_topojson.py static/topojson/world_50m.json \
        --out static/topojson/world_110m.json [--tolerance 0.2]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

DEFAULT_TOLERANCE = 0.2  # degrees (of longitude and latitude, in the quantized grid)


def _keep(points: np.ndarray, eps: float) -> np.ndarray:
    """Douglas-Peucker: a mask of the points kept (both ends always)."""
    n = len(points)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 2:
            continue
        a, b = points[lo], points[hi]
        mid = points[lo + 1:hi]
        d = b - a
        norm = float(np.hypot(*d))
        if norm == 0.0:
            dist = np.hypot(*(mid - a).T)
        else:
            dist = np.abs(d[0] * (mid[:, 1] - a[1]) - d[1] * (mid[:, 0] - a[0])) / norm
        i = int(np.argmax(dist))
        if dist[i] > eps:
            k = lo + 1 + i
            keep[k] = True
            stack.append((lo, k))
            stack.append((k, hi))
    return keep


def simplify_arc(points: np.ndarray, eps: float) -> np.ndarray:
    """One arc (absolute quantized points) thinned; a closed arc keeps at least 4 corners."""
    if len(points) <= 2:
        return points
    closed = bool((points[0] == points[-1]).all())
    if not closed:
        return points[_keep(points, eps)]
    far = int(np.argmax(np.hypot(*(points - points[0]).T)))
    if far == 0 or len(points) < 5:
        return points
    first, second = points[:far + 1], points[far:]
    k1, k2 = _keep(first, eps), _keep(second, eps)
    for part, k in ((first, k1), (second, k2)):  # an interior corner on each side
        if k.sum() == 2 and len(part) > 2:
            a, b = part[0], part[-1]
            d = b - a
            inner = part[1:-1]
            dist = np.abs(d[0] * (inner[:, 1] - a[1]) - d[1] * (inner[:, 0] - a[0]))
            k[1 + int(np.argmax(dist))] = True
    return np.concatenate([first[k1], second[k2][1:]])


def simplify(topo: dict, tolerance: float = DEFAULT_TOLERANCE) -> dict:
    """The topology with every arc thinned to `tolerance` degrees (objects unchanged)."""
    scale = topo["transform"]["scale"]
    eps = tolerance / max(scale)  # in grid units (the finer axis decides)
    arcs = []
    for arc in topo["arcs"]:
        absolute = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        kept = simplify_arc(absolute, eps)
        delta = np.diff(kept, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
        arcs.append(delta.tolist())
    return {**topo, "arcs": arcs}


def points(topo: dict) -> int:
    return sum(len(a) for a in topo["arcs"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", type=Path, help="a quantized topojson (world_50m.json)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE,
                   help=f"degrees (default {DEFAULT_TOLERANCE})")
    args = p.parse_args(argv)
    topo = json.loads(args.source.read_text(encoding="utf-8"))
    if "transform" not in topo:
        raise SystemExit("expected a quantized topojson (with a transform)")
    out = simplify(topo, args.tolerance)
    args.out.write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(f"{args.source.name}: {points(topo):,} points -> {args.out.name}: {points(out):,} "
          f"points ({args.out.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
