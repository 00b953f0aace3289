"""scripts/extract_topojson.py: plotly.js geo assets (JS object literals) to JSON files."""
from __future__ import annotations

import importlib.util
import io
import json
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("extract_topojson",
                                              ROOT / "scripts" / "extract_topojson.py")
ex = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ex)

ASSETS = '''
var require_world_110m = __commonJS({
    "dist/topojson/world_110m.json"(exports, module) {
      module.exports = { type: "Topology", objects: { countries: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [[0]], id: "SGP", properties: { ct: [103.8, 1.35] } }, { type: "Polygon", arcs: [[1]], id: "X}Y", properties: { name: 'It\\'s {odd}' } }] } }, arcs: [[[0, 0], [1, 1]], [[2, 2], [-1, .5]]], transform: { scale: [36000036000036e-17, 1.5], translate: [-180, -85.5] } };
    }
});
'''


def test_js_literal_to_json_handles_keys_numbers_and_strings():
    out = ex.js_literal_to_json('{a: 1.5, b: -.5, c: 5., d: 1e-3, e: [true, null, "x: {y}", '
                                "'q'], f: 36000036000036e-17}")
    assert out == {"a": 1.5, "b": -0.5, "c": 5.0, "d": 0.001, "e": [True, None, "x: {y}", "q"],
                   "f": 36000036000036e-17}


def test_extract_from_assets_file_and_tarball(tmp_path):
    js = tmp_path / "plotly-geo-assets.js"
    js.write_text(ASSETS)
    counts = ex.extract(ex.read_assets(js), ("world_110m",), tmp_path / "out")
    assert counts == {"world_110m": 2}
    topo = json.loads((tmp_path / "out" / "world_110m.json").read_text())
    assert [g["id"] for g in topo["objects"]["countries"]["geometries"]] == ["SGP", "X}Y"]
    assert topo["arcs"][1][1] == [-1, 0.5]

    tgz = tmp_path / "plotly.js-0.0.0.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        data = ASSETS.encode()
        info = tarfile.TarInfo(ex.ASSETS_MEMBER)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    assert ex.main([str(tgz), "--out", str(tmp_path / "o2"), "--names", "world_110m"]) == 0
    assert (tmp_path / "o2" / "world_110m.json").read_text() == (
        tmp_path / "out" / "world_110m.json").read_text()
    with pytest.raises(KeyError):
        ex.extract(ASSETS, ("world_50m",), tmp_path / "o3")


def test_committed_shapes_have_small_states():
    for name, small in (("world_50m", {"SGP", "MLT", "BHR", "LIE", "AND"}),
                        ("world_110m", {"SGP", "MLT", "BHR", "LIE", "AND"})):
        topo = json.loads((ROOT / "static" / "topojson" / f"{name}.json").read_text())
        assert topo["type"] == "Topology"
        assert set(topo["objects"]) >= {"countries", "land", "coastlines", "ocean"}
        ids = {g.get("id") for g in topo["objects"]["countries"]["geometries"]}
        assert small <= ids and len(ids) > 150


# ---------------------------------------------------------------- scripts/simplify_topojson.py

spec_s = importlib.util.spec_from_file_location("simplify_topojson",
                                                ROOT / "scripts" / "simplify_topojson.py")
simp = importlib.util.module_from_spec(spec_s)
spec_s.loader.exec_module(simp)


def _decode(arc):
    x = y = 0
    out = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        out.append((x, y))
    return out


def test_simplify_thins_lines_keeps_ends_and_island_corners():
    line = [[0, 0]] + [[1, 0]] * 99 + [[0, 50]]          # a straight run, then a corner
    ring = [[500, 500], [1, 0], [0, 1], [-1, 0], [0, -1]]  # a tiny island: one closed arc
    topo = {"type": "Topology", "transform": {"scale": [0.01, 0.01], "translate": [0, 0]},
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[1]], "id": "XXX"}]}},
            "arcs": [line, ring]}
    out = simp.simplify(topo, tolerance=0.05)
    assert out["objects"] == topo["objects"] and len(out["arcs"]) == 2
    assert _decode(out["arcs"][0]) == [(0, 0), (99, 0), (99, 50)]
    island = _decode(out["arcs"][1])
    assert island[0] == island[-1] == (500, 500) and len(island) >= 4
    assert set(island) <= set(_decode(ring))


def test_committed_light_map_is_the_50m_topology_thinned():
    """world_110m.json (what the dashboard draws) keeps every 50m state and geometry."""
    full = json.loads((ROOT / "static" / "topojson" / "world_50m.json").read_text())
    light = json.loads((ROOT / "static" / "topojson" / "world_110m.json").read_text())
    assert light["objects"] == full["objects"] and light["transform"] == full["transform"]
    assert len(light["arcs"]) == len(full["arcs"])
    for a, b in zip(full["arcs"], light["arcs"]):  # same ends: shared borders still meet
        da, db = _decode(a), _decode(b)
        assert da[0] == db[0] and da[-1] == db[-1]
    assert simp.points(light) < simp.points(full) / 3
    assert light == simp.simplify(full)  # reproducible with the script's default
