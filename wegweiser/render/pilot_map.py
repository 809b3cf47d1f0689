"""An SVG map of the border region with the pilot partnerships, drawn at build time.

The outline comes from data/map/border-region.geojson (Natural Earth, public domain). Each region
with partners is one marker, sized by its number of pilots; lines join the regions of a pilot's
partners, and a pilot of three or more regions meets in a hub. A few towns help orientation.

The SVG scales with the page, so its text and markers would shrink on phones: it carries two
layouts of markers and names, one for wide and one for narrow screens (the stylesheet shows one),
each placed so that no name covers a marker or another name. Names are drawn last, so nothing is
drawn over them. The text alternative after the map says the same in words. Selecting a marker
filters the pilot cards (docs/assets/javascripts/pilot-filter.js).
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..models import GuideData, Region
from ..text import escape_html as e

WIDTH = 720
COUNTRY_FILL = {"DE": "#e9eef0", "NL": "#f5efe1"}
OUTLINE = Path("data") / "map" / "border-region.geojson"


@dataclass(frozen=True)
class Layout:
    """Sizes in SVG units. At the narrowest width a layout is shown, one unit is `scale` pixels:
    text of `font` units is then at least 12 px, a marker at least 24 px across."""
    name: str
    scale: float  # pixels per unit at the narrowest page this layout serves
    font: float
    radius: float  # marker radius for a region with one pilot
    radius_step: float  # added per further pilot
    hub: float
    town: float  # half the side of a town's square


# Wide: the map is at least about 580 px wide (pages from 600 px); narrow: at least 288 px (320 px phones).
WIDE = Layout("wide", 0.8, 16, 15, 4, 6, 3)
NARROW = Layout("narrow", 0.4, 30, 30, 6, 10, 6)
LAYOUTS = (WIDE, NARROW)
# Conservative widths of a character in em (bold sans-serif; DejaVu Sans is among the widest).
CHAR_WIDTH = {"bold": 0.66, "normal": 0.6, "caps": 0.8}
GAP = 4  # units kept free around every name


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


Box = tuple[float, float, float, float]  # left, top, right, bottom


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def hits_circle(box: Box, x: float, y: float, r: float) -> bool:
    """Does the box cover any point of the circle?"""
    nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < r * r


def text_width(text: str, font: float, style: str = "bold") -> float:
    return len(text) * font * CHAR_WIDTH[style]


@dataclass(frozen=True)
class Label:
    """A name placed on the map: its lines, where they are anchored, and the box they cover."""
    lines: tuple[str, ...]
    x: float
    y: float  # baseline of the first line
    anchor: str  # 'start', 'middle' or 'end'
    box: Box
    kind: str  # 'region', 'town', 'country'


def _candidates(cx: float, cy: float, r: float, lines: tuple[str, ...], font: float, style: str):
    """Places for a name around a point (right first, then left, below, above, the diagonals)."""
    width = max(text_width(line, font, style) for line in lines)
    height = font * 1.15 * len(lines)
    ascent = font * 0.8  # from the top of a line to its baseline
    d = r + GAP
    diagonal = r * 0.75 + GAP  # the box's corner then stays clear of the circle
    for dx, dy, anchor in ((d, 0, "start"), (-d, 0, "end"), (0, d, "middle"), (0, -d, "middle"),
                           (diagonal, -diagonal, "start"), (diagonal, diagonal, "start"),
                           (-diagonal, -diagonal, "end"), (-diagonal, diagonal, "end")):
        x = cx + dx
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        top = cy - height / 2 if dy == 0 else cy + dy if dy > 0 else cy + dy - height
        yield Label(lines, round(x, 1), round(top + ascent, 1), anchor, (left, top, left + width, top + height), "")


def _wrapped(text: str) -> list[tuple[str, ...]]:
    """The name on one line, and on two lines at its middle space (for long names)."""
    options: list[tuple[str, ...]] = [(text,)]
    words = text.split(" ")
    if len(words) > 1:
        split = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(text) / 2))
        options.append((" ".join(words[:split]), " ".join(words[split:])))
    return options


@dataclass(frozen=True)
class Marker:
    key: str
    x: float
    y: float
    r: float
    count: int


@dataclass
class Placement:
    layout: Layout
    markers: list[Marker]
    labels: dict[str, Label]  # region key -> its name
    towns: list[tuple[Region, float, float, Label]]  # towns that fit, with their point and name
    countries: list[Label]


def place(project: Projection, data: GuideData, lang: str, counts: dict[str, int],
          countries: list[tuple[str, float, str]], layout: Layout) -> Placement:
    """Markers, region names, towns and country names of one layout, none covering another."""
    labels = data.labels
    bounds = (0.0, 0.0, float(WIDTH), float(project.height))
    markers = []
    for key, count in counts.items():
        x, y = project(labels.regions[key].longitude, labels.regions[key].latitude)
        markers.append(Marker(key, x, y, layout.radius + layout.radius_step * (count - 1), count))
    taken: list[Box] = []  # names and town squares placed so far
    country_labels = []
    for name, x, anchor in countries:
        width = text_width(name, layout.font, "caps")
        left = x if anchor == "start" else x - width
        top = GAP * 2
        label = Label((name,), x, round(top + layout.font * 0.8, 1), anchor,
                      (left, top, left + width, top + layout.font * 1.15), "country")
        country_labels.append(label)
        taken.append(label.box)

    def inside(box: Box) -> bool:
        return box[0] >= bounds[0] + GAP and box[1] >= bounds[1] and box[2] <= bounds[2] - GAP \
            and box[3] <= bounds[3] - GAP

    def free(box: Box) -> bool:
        return inside(box) and not any(overlaps(box, other) for other in taken) \
            and not any(hits_circle(box, m.x, m.y, m.r + GAP) for m in markers)

    placed: dict[str, Label] = {}
    # The most crowded markers choose first.
    def crowding(marker: Marker) -> float:
        return -sum(1 for other in markers if math.hypot(other.x - marker.x, other.y - marker.y) < 260)
    for marker in sorted(markers, key=crowding):
        name = labels.regions[marker.key].label[lang]
        options = [label for lines in _wrapped(name)
                   for label in _candidates(marker.x, marker.y, marker.r, lines, layout.font, "bold")]
        fitting = [label for label in options if free(label.box)]
        # No free place: the one that covers least (the core tests insist that there always is one).
        chosen = fitting[0] if fitting else min(options, key=lambda label: sum(
            1 for other in taken if overlaps(label.box, other)))
        placed[marker.key] = Label(chosen.lines, chosen.x, chosen.y, chosen.anchor, chosen.box, "region")
        taken.append(chosen.box)
    towns = []
    for town in labels.towns.values():
        x, y = project(town.longitude, town.latitude)
        square = (x - layout.town - GAP, y - layout.town - GAP, x + layout.town + GAP, y + layout.town + GAP)
        if not free(square):
            continue
        fitting = [label for label in _candidates(x, y, layout.town, (town.label[lang],), layout.font, "normal")
                   if free(label.box)]
        if fitting:
            label = Label(fitting[0].lines, fitting[0].x, fitting[0].y, fitting[0].anchor, fitting[0].box, "town")
            towns.append((town, x, y, label))
            taken += [square, label.box]
    return Placement(layout, markers, placed, towns, country_labels)


def load_outline(root: Path) -> dict:
    return json.loads((root / OUTLINE).read_text(encoding="utf-8"))


def _text(label: Label, css: str, font: float) -> str:
    if len(label.lines) == 1:
        return (f'<text x="{label.x}" y="{label.y}" text-anchor="{label.anchor}" class="{css}">'
                f'{e(label.lines[0])}</text>')
    spans = "".join(f'<tspan x="{label.x}" dy="{0 if n == 0 else round(font * 1.15, 1)}">{e(line)}</tspan>'
                    for n, line in enumerate(label.lines))
    return f'<text x="{label.x}" y="{label.y}" text-anchor="{label.anchor}" class="{css}">{spans}</text>'


def _connections(data: GuideData) -> list[tuple[tuple[str, ...], list[str]]]:
    """(regions, pilot ids): one entry per distinct set of regions, in the order of the pilots."""
    joined: dict[tuple[str, ...], list[str]] = {}
    for pilot in data.pilots.pilots:
        regions = tuple(sorted(pilot.regions))
        if len(regions) > 1:
            joined.setdefault(regions, []).append(pilot.id)
    return list(joined.items())


def region_counts(data: GuideData) -> dict[str, int]:
    """How many pilots have a partner in each region, regions in the order of data/labels.yaml."""
    counts = {key: sum(key in pilot.regions for pilot in data.pilots.pilots) for key in data.labels.regions}
    return {key: count for key, count in counts.items() if count}


def placements(outline: dict, data: GuideData, lang: str) -> list[Placement]:
    project = Projection(outline["bbox"])
    return [place(project, data, lang, region_counts(data), _country_names(outline, project, data, lang), layout)
            for layout in LAYOUTS]


def _country_names(outline: dict, project: Projection, data: GuideData, lang: str) -> list[tuple[str, float, str]]:
    """Each country's name near the outer edge of its part of the map, away from the border."""
    names = []
    for feature in outline["features"]:
        country = feature["properties"]["country"]
        xs = [project(*point)[0] for polygon in feature["geometry"]["coordinates"] for point in polygon[0]]
        name = data.labels.label("countries", country, lang).upper()
        names.append((name, min(xs) + 12 if country == "NL" else max(xs) - 12, "start" if country == "NL" else "end"))
    return names


def map_html(outline: dict, data: GuideData, lang: str) -> str:
    """The map and its text alternative."""
    labels, ui = data.labels, data.labels.ui_strings(lang)
    project = Projection(outline["bbox"])
    parts = [f'<figure class="pilot-map"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
             f'{project.height}" role="group" aria-labelledby="pilot-map-title" aria-describedby="pilot-map-text">',
             f'<title id="pilot-map-title">{e(ui["map_title"])}</title>', '<g aria-hidden="true">']
    for feature in outline["features"]:
        country = feature["properties"]["country"]
        for polygon in feature["geometry"]["coordinates"]:
            points = [project(*point) for point in polygon[0]]
            parts.append(f'<polygon points="{" ".join(f"{x},{y}" for x, y in points)}" '
                         f'fill="{COUNTRY_FILL[country]}" stroke="#6b777c" stroke-width="1"/>')
    point = {key: project(region.longitude, region.latitude) for key, region in labels.regions.items()}
    hubs = []
    for regions, pilot_ids in _connections(data):
        ends = [point[key] for key in regions]
        ids = e(" ".join(pilot_ids))
        if len(ends) == 2:
            (x1, y1), (x2, y2) = ends
            parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="pilot-map__link" data-pilots="{ids}"/>')
            continue
        hub = (round(sum(x for x, _ in ends) / len(ends), 1), round(sum(y for _, y in ends) / len(ends), 1))
        hubs.append((hub, ids))
        parts.append(f'<g class="pilot-map__link" data-pilots="{ids}">' + "".join(
            f'<line x1="{hub[0]}" y1="{hub[1]}" x2="{x}" y2="{y}"/>' for x, y in ends) + "</g>")
    parts.append("</g>")
    counts = region_counts(data)
    for placement in placements(outline, data, lang):
        layout = placement.layout
        parts.append(f'<g class="pilot-map__layout pilot-map__layout--{layout.name}">')
        parts.append('<g aria-hidden="true">' + "".join(
            f'<circle cx="{x}" cy="{y}" r="{layout.hub}" class="pilot-map__hub" data-pilots="{ids}"/>'
            for (x, y), ids in hubs))
        for _, x, y, _ in placement.towns:
            parts.append(f'<rect x="{x - layout.town}" y="{y - layout.town}" width="{layout.town * 2}" '
                         f'height="{layout.town * 2}" class="pilot-map__town"/>')
        parts.append("</g>")
        for marker in placement.markers:
            name = labels.regions[marker.key].label[lang]
            parts.append(f'<g class="pilot-map__marker" data-region="{e(marker.key)}">'
                         f'<title>{e(ui["map_marker"].format(region=name))}</title>'
                         f'<circle cx="{marker.x}" cy="{marker.y}" r="{marker.r}"/>'
                         f'<text x="{marker.x}" y="{round(marker.y + layout.font * 0.36, 1)}" text-anchor="middle" '
                         f'class="pilot-map__count" aria-hidden="true">{counts[marker.key]}</text></g>')
        # Names last: nothing is drawn over them.
        parts.append('<g aria-hidden="true">')
        parts += [_text(label, "pilot-map__country", layout.font) for label in placement.countries]
        parts += [_text(label, "pilot-map__town-name", layout.font) for _, _, _, label in placement.towns]
        parts += [_text(placement.labels[marker.key], "pilot-map__region", layout.font) for marker in placement.markers]
        parts.append("</g></g>")
    parts.append("</svg>")
    parts.append(f'<figcaption>{e(ui["map_caption"])}</figcaption></figure>')
    parts.append(f'<div id="pilot-map-text" class="pilot-map__text"><p><strong>{e(ui["map_text_heading"])}</strong></p>'
                 f'<ul>{"".join(_region_lines(data, lang, counts))}</ul></div>')
    return "\n".join(parts)


def _and(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _region_lines(data: GuideData, lang: str, counts: dict[str, int]) -> Iterable[str]:
    labels, ui = data.labels, data.labels.ui_strings(lang)
    for key, count in counts.items():
        region = labels.regions[key]
        partners = [other for other in labels.regions if other != key and any(
            key in pilot.regions and other in pilot.regions for pilot in data.pilots.pilots)]
        text = ui["map_region_one" if count == 1 else "map_region_many"].format(
            region=region.label[lang], country=labels.label("countries", region.country, lang), count=count,
            partners=_and([labels.regions[other].label[lang] for other in partners], ui["map_and"]))
        yield f'<li data-region="{e(key)}">{e(text)}</li>'
