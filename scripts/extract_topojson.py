"""Extract plotly.js world map shapes (topojson) so the dashboard map draws offline.

Why: plotly.js fetches its geo shapes from https://cdn.plot.ly/un/ at draw time; with no internet
the map stays empty. The npm package ``plotly.js`` ships every shape inside
``dist/plotly-geo-assets.js`` as a JavaScript object literal. This script reads that file (or the
``npm pack`` tarball holding it), turns the chosen objects into JSON and writes them to
``static/topojson/<name>.json``, where Streamlit's static serving hands them to the browser.

Source and licence: plotly.js (MIT licence, Copyright Plotly Technologies Inc.); the shapes derive
from Natural Earth (public domain, https://www.naturalearthdata.com/).

Usage (no node needed, only the npm client to fetch the package):
    cd /tmp/x && npm pack plotly.js@4.1.1
    python scripts/extract_topojson.py /tmp/x/plotly.js-4.1.1.tgz --out static/topojson
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
from pathlib import Path

DEFAULT_NAMES = ("world_110m", "world_50m")
ASSETS_MEMBER = "package/dist/plotly-geo-assets.js"

# One token at a time: a string literal, a number, an identifier, or anything else (one char).
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"'                       # double-quoted string
    r"|'(?:[^'\\]|\\.)*'"                      # single-quoted string
    r"|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"  # number
    r"|[A-Za-z_$][\w$]*"                       # identifier
    r"|\s+|.",
    re.S,
)
_BARE_NUMBER = re.compile(r"^(-?)(\.\d+|\d+\.)(?=[eE]|$)")


def _module_literal(source: str, name: str) -> str:
    """Return the object literal assigned to module.exports for dist/topojson/<name>.json."""
    marker = f'"dist/topojson/{name}.json"(exports, module)'
    at = source.find(marker)
    if at < 0:
        raise KeyError(f"{name}: not found in plotly-geo-assets.js")
    start = source.find("module.exports =", at)
    if start < 0:
        raise ValueError(f"{name}: no module.exports after its marker")
    start = source.index("{", start)
    depth, i, n = 0, start, len(source)
    while i < n:  # brace matching that skips string literals
        ch = source[i]
        if ch in "\"'":
            m = _TOKEN.match(source, i)
            i = m.end()
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return source[start:i + 1]
        i += 1
    raise ValueError(f"{name}: unbalanced braces")


def js_literal_to_json(literal: str) -> object:
    """Parse a JavaScript object literal (bare keys, JSON-like values) into Python objects."""
    out: list[str] = []
    tokens = [m.group(0) for m in _TOKEN.finditer(literal)]
    for k, tok in enumerate(tokens):
        first = tok[0]
        if first == "'":
            out.append(json.dumps(tok[1:-1].replace("\\'", "'")))
        elif first.isalpha() or first in "_$":
            nxt = next((t for t in tokens[k + 1:k + 3] if not t.isspace()), "")
            out.append(json.dumps(tok) if nxt == ":" else tok)
        elif first.isdigit() or (first in "-." and len(tok) > 1):
            out.append(_BARE_NUMBER.sub(lambda m: m.group(1) + _fix_decimal(m.group(2)), tok))
        else:
            out.append(tok)
    return json.loads("".join(out))


def _fix_decimal(text: str) -> str:
    """JSON wants a digit on both sides of the point: .5 -> 0.5, 5. -> 5.0."""
    if text.startswith("."):
        return "0" + text
    return text + "0"


def read_assets(path: Path) -> str:
    """Text of plotly-geo-assets.js, from the file itself or from an npm pack tarball."""
    if path.suffix in (".tgz", ".gz") or tarfile.is_tarfile(path):
        with tarfile.open(path) as tar:
            member = tar.extractfile(ASSETS_MEMBER)
            if member is None:
                raise FileNotFoundError(f"{ASSETS_MEMBER} missing in {path}")
            return member.read().decode("utf-8")
    return path.read_text(encoding="utf-8")


def extract(source: str, names: tuple[str, ...], out_dir: Path) -> dict[str, int]:
    """Write each named topology as compact JSON; return the number of countries in each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name in names:
        topo = js_literal_to_json(_module_literal(source, name))
        if not isinstance(topo, dict) or topo.get("type") != "Topology":
            raise ValueError(f"{name}: not a topojson Topology")
        countries = topo["objects"]["countries"]["geometries"]
        counts[name] = len(countries)
        target = out_dir / f"{name}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(topo, separators=(",", ":")), encoding="utf-8")
        tmp.replace(target)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assets", type=Path, help="plotly-geo-assets.js or plotly.js-*.tgz")
    parser.add_argument("--out", type=Path, default=Path("static/topojson"))
    parser.add_argument("--names", nargs="+", default=list(DEFAULT_NAMES))
    args = parser.parse_args(argv)
    counts = extract(read_assets(args.assets), tuple(args.names), args.out)
    for name, count in counts.items():
        print(f"{args.out / (name + '.json')}: {count} country shapes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
