"""Typed models of the guide's data. Everything here has been validated (wegweiser.data) before it
is built; a `Text` holds one string per language."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Text = Mapping[str, str]  # language -> text
FACTOR_GROUPS = ("success_factors", "risk_factors")
# Which labels group a key field of a pilot record refers to.
FIELD_GROUPS = {"sector": "sectors", "form": "forms", "step_reached": "steps", "benefits": "benefits",
                "success_factors": "success_factors", "risk_factors": "risk_factors", "trade": "trades",
                "size": "size_bands", "region": "regions", "country": "countries"}
LABEL_GROUPS = ("benefits", "success_factors", "risk_factors", "countries", "sectors", "trades",
                "size_bands", "forms")


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: Text
    summary: Text


@dataclass(frozen=True)
class Region:
    key: str
    country: str
    latitude: float
    longitude: float
    label: Text


@dataclass(frozen=True)
class FooterLink:
    label: Text
    page: str | None = None  # a page id
    mail: str | None = None  # 'contact.email'


@dataclass(frozen=True)
class Labels:
    steps: tuple[Step, ...]
    groups: Mapping[str, Mapping[str, Text]]  # group -> key -> text
    regions: Mapping[str, Region]
    ui: Mapping[str, Text]
    footer: tuple[FooterLink, ...]
    towns: Mapping[str, Region] = field(default_factory=dict)  # for orientation on the pilot map

    def step(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    def keys(self, group: str) -> list[str]:
        """The keys of a group in the order of data/labels.yaml."""
        if group == "steps":
            return [s.key for s in self.steps]
        if group == "regions":
            return list(self.regions)
        return list(self.groups[group])

    def label(self, group: str, key: str, lang: str) -> str:
        if group == "steps":
            return self.steps[self.keys("steps").index(key)].title[lang]
        if group == "regions":
            return self.regions[key].label[lang]
        return self.groups[group][key][lang]

    def ui_strings(self, lang: str) -> dict[str, str]:
        return {key: text[lang] for key, text in self.ui.items()}


@dataclass(frozen=True)
class Placeholder:
    """A fact still to be filled in by the publisher; pages show it visibly marked."""
    text: str

    def __str__(self) -> str:
        return self.text


SiteValue = str | Mapping[str, str] | Placeholder  # one text, one per language, or a placeholder per language


CONTACT_GROUPS = ("contact", "contact_nl")  # the contact of each side, in the order of LANGUAGES
CONTACT_FIELDS = ("organisation", "role", "person", "phone", "email", "web")


@dataclass(frozen=True)
class Brand:
    """The publisher's look: its logo (a file below docs/, or a Placeholder), a neutral text mark
    shown instead while there is no logo, and the colours of the pages."""
    logo: str | Placeholder
    mark: str
    colours: Mapping[str, str]  # primary, primary_light, primary_dark, accent -> '#rrggbb'


@dataclass(frozen=True)
class SiteFacts:
    name: Text
    short_name: Text
    description: Text
    copyright: Text
    groups: Mapping[str, Mapping[str, object]]  # 'contact'/'contact_nl'/'legal'/'brand' -> key -> raw value
    lines: Mapping[str, int]  # 'legal.address' -> its line in data/site.yaml
    brand: Brand

    def value(self, group: str, key: str, lang: str) -> str | Placeholder | None:
        raw = self.groups.get(group, {}).get(key)
        if isinstance(raw, dict) and "placeholder" in raw:
            return Placeholder(raw["placeholder"][lang])
        if isinstance(raw, dict):
            return raw[lang]
        return raw if isinstance(raw, str) else None

    def placeholders(self) -> list[str]:
        return [f"{group}.{key}" for group, values in self.groups.items() for key, raw in values.items()
                if isinstance(raw, dict) and "placeholder" in raw]


@dataclass(frozen=True)
class Partner:
    country: str
    trade: str
    size: str
    region: str


@dataclass(frozen=True)
class Pilot:
    id: str
    sector: str
    form: str
    step_reached: str
    partners: tuple[Partner, ...]
    benefits: tuple[str, ...]
    success_factors: tuple[str, ...]
    risk_factors: tuple[str, ...]
    title: Text
    summary: Text
    story: Text
    lessons: Mapping[str, tuple[str, ...]]

    @property
    def regions(self) -> list[str]:
        """The partners' regions, each once, in the order of the partners."""
        return list(dict.fromkeys(p.region for p in self.partners))

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(p.country for p in self.partners))

    def factors(self, group: str) -> tuple[str, ...]:
        return self.success_factors if group == "success_factors" else self.risk_factors


@dataclass(frozen=True)
class Pilots:
    notice: Text | None
    pilots: tuple[Pilot, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    de: str
    nl: str
    forms: Mapping[str, tuple[str, ...]]
    flag: str
    explanation: Text
    source: str

    def name(self, lang: str) -> str:
        return self.de if lang == "de" else self.nl


@dataclass(frozen=True)
class Glossary:
    names: tuple[str, ...]  # proper names: terms are never marked inside them
    terms: tuple[GlossaryTerm, ...]


@dataclass(frozen=True)
class Answer:
    value: int
    label: Text


@dataclass(frozen=True)
class Question:
    id: str
    factor: str
    step: str
    text: Text
    action: Text  # what to do when the statement does not hold yet


@dataclass(frozen=True)
class Scoring:
    """How the result reads the averages of the answers ('not yet relevant' is left out)."""
    step_done: float  # a step whose statements average at least this counts as done
    strong: float  # a factor at or above this is 'well placed' / 'well covered'
    weak: float  # below this 'still weak' / 'hardly covered'


@dataclass(frozen=True)
class SelfCheck:
    scale: tuple[Answer, ...]
    not_relevant: Text
    scoring: Scoring
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class PageSpec:
    """One entry of data/pages.yaml."""
    id: str
    slug: Text
    file: str | None = None
    generated: str | None = None
    nav_title: Text | None = None
    in_nav: bool = True
    search: bool = True
    step: str | None = None
    sections: str | None = None
    legal: bool = False
    pdf: bool = True
    children: tuple[PageSpec, ...] = field(default=())


@dataclass(frozen=True)
class GuideData:
    """All data files of the guide, validated together."""
    labels: Labels
    site: SiteFacts
    pilots: Pilots
    glossary: Glossary
    selfcheck: SelfCheck
    pages: tuple[PageSpec, ...]
