"""Derive data/map/border-region.geojson (the outline behind the pilot map) from Natural Earth.

The source is Natural Earth's 1:10m countries (public domain) as redistributed in the npm package
world-atlas (ISC licence): `npm pack world-atlas@2.0.2`, unpack, then run
    python tools/make_map_outline.py package/countries-10m.json
Germany and the Netherlands are clipped to the border region and rounded to 3 decimals.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "data" / "map" / "border-region.geojson"
COUNTRIES = {"276": "DE", "528": "NL"}  # ISO 3166 numeric codes
BOX = (5.75, 51.7, 8.45, 53.05)  # west, south, east, north


def decode_arcs(topology):
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    points: list = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def clip(points, box):
    """Sutherland–Hodgman: the part of a ring inside the box."""
    west, south, east, north = box
    edges = [(lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north))]
    for inside, cross in edges:
        result = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
        if not points:
            break
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features: list[dict] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = COUNTRIES.get(str(geometry.get("id")))
        if not code:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            outer = clip(ring(arcs, polygon[0]), BOX)
            if len(outer) >= 3:
                rings.append([[[round(x, 3), round(y, 3)] for x, y in outer]])
        features.append({"type": "Feature", "properties": {"country": code},
                         "geometry": {"type": "MultiPolygon", "coordinates": rings}})
    TARGET.write_text(json.dumps({"type": "FeatureCollection", "bbox": list(BOX), "features": features},
                                 separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {sum(len(f['geometry']['coordinates']) for f in features)} polygons")


if __name__ == "__main__":
    main(sys.argv[1])
