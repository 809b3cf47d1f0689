"""An SVG map of the border region with the pilot partnerships, drawn at build time.

The outline comes from data/map/border-region.geojson (Natural Earth, public domain); each pilot is
a numbered line between its partners' regions, linked to its page. The same information follows as
a text list for readers who cannot see the map.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from ..models import GuideData, Pilot
from ..text import escape_html as e

WIDTH = 720
COUNTRY_FILL = {"DE": "#e9eef0", "NL": "#f5efe1"}
OUTLINE = Path("data") / "map" / "border-region.geojson"


class Projection:
    """Longitude/latitude to SVG pixels (equirectangular, true to scale at the region's middle)."""

    def __init__(self, box):
        self.west, self.south, self.east, self.north = box
        self.stretch = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = WIDTH / ((self.east - self.west) * self.stretch)
        self.height = round((self.north - self.south) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - self.west) * self.stretch * self.scale, 1),
                round((self.north - lat) * self.scale, 1))


def load_outline(root: Path) -> dict:
    return json.loads((root / OUTLINE).read_text(encoding="utf-8"))


def map_html(outline: dict, data: GuideData, lang: str, url_of: Callable[[Pilot], str]) -> str:
    """The map and its text list; url_of(pilot) gives the link to the pilot's page."""
    labels, ui = data.labels, data.labels.ui_strings(lang)
    project = Projection(outline["bbox"])
    parts = [f'<figure class="pilot-map"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
             f'{project.height}" aria-labelledby="pilot-map-title" role="group">',
             f'<title id="pilot-map-title">{e(ui["map_title"])}</title>']
    for feature in outline["features"]:
        country = feature["properties"]["country"]
        corners: list[tuple[float, float]] = []
        for polygon in feature["geometry"]["coordinates"]:
            points = [project(*point) for point in polygon[0]]
            corners += points
            parts.append(f'<polygon points="{" ".join(f"{x},{y}" for x, y in points)}" '
                         f'fill="{COUNTRY_FILL[country]}" stroke="#6b777c" stroke-width="1"/>')
        # The country's name near the outer edge of its part of the map, away from the border.
        x = min(x for x, _ in corners) + 12 if country == "NL" else max(x for x, _ in corners) - 12
        parts.append(f'<text x="{x}" y="28" text-anchor="{"start" if country == "NL" else "end"}" '
                     f'class="pilot-map__country">{e(labels.label("countries", country, lang))}</text>')
    pilots = data.pilots.pilots
    for key in dict.fromkeys(region for pilot in pilots for region in pilot.regions):
        region = labels.regions[key]
        x, y = project(region.longitude, region.latitude)
        near_edge = x > WIDTH - 150  # write the name to the left of the dot, inside the map
        parts.append(f'<circle cx="{x}" cy="{y}" r="5" fill="#0b5a6b"/>'
                     f'<text x="{x - 8 if near_edge else x + 8}" y="{y - 8}" '
                     f'text-anchor="{"end" if near_edge else "start"}" class="pilot-map__region">'
                     f'{e(region.label[lang])}</text>')
    items = []
    for number, pilot in enumerate(pilots, start=1):
        points = [project(labels.regions[key].longitude, labels.regions[key].latitude) for key in pilot.regions]
        # Pilots sharing regions would overlap: bend each line a little differently.
        bend = (number % 5 - 2) * 9
        path = f"M{points[0][0]},{points[0][1]}"
        for (x1, y1), (x2, y2) in pairwise(points):
            path += f" Q{(x1 + x2) / 2 + bend},{(y1 + y2) / 2 - bend} {x2},{y2}"
        middle = (sum(x for x, _ in points) / len(points) + bend / 2,
                  sum(y for _, y in points) / len(points) - bend / 2)
        title, href = e(pilot.title[lang]), e(url_of(pilot))
        parts.append(f'<a href="{href}" class="pilot-map__pilot"><title>{number}. {title}</title>'
                     f'<path d="{path}" fill="none" stroke="#a3400f" stroke-width="2.5"/>'
                     f'<circle cx="{middle[0]:.1f}" cy="{middle[1]:.1f}" r="11" fill="#ffffff" stroke="#a3400f" '
                     f'stroke-width="2"/>'
                     f'<text x="{middle[0]:.1f}" y="{middle[1] + 4:.1f}" text-anchor="middle">{number}</text></a>')
        names = ", ".join(e(labels.regions[key].label[lang]) for key in pilot.regions)
        items.append(f'<li value="{number}"><a href="{href}">{title}</a> – {names}</li>')
    parts.append("</svg>")
    parts.append(f'<figcaption>{e(ui["map_caption"])}</figcaption></figure>')
    parts.append(f'<ol class="pilot-map__list" aria-label="{e(ui["map_list"])}">' + "".join(items) + "</ol>")
    return "\n".join(parts)
