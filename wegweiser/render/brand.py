"""The publisher's colours (data/site.yaml brand.colours) as a stylesheet for every page: Material's
colour variables, set after the theme's own. A file, because the Content Security Policy allows
stylesheets from the site only, no inline styles."""
from __future__ import annotations

from ..models import Brand

BRAND_CSS = "assets/stylesheets/brand.css"  # below docs/ and the site root; listed in mkdocs.yml extra_css
_VARIABLES = {"--md-primary-fg-color": "primary", "--md-primary-fg-color--light": "primary_light",
              "--md-primary-fg-color--dark": "primary_dark", "--md-accent-fg-color": "accent",
              "--md-typeset-a-color": "primary", "--wegweiser-line": "primary"}


def brand_css(brand: Brand) -> str:
    lines = [f"  {variable}: {brand.colours[key]};" for variable, key in _VARIABLES.items()]
    return ("/* Made by the build from data/site.yaml (brand.colours): change the colours there. */\n"
            ":root {\n" + "\n".join(lines) + "\n}\n")


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two '#rrggbb' colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
