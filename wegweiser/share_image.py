"""A share image per language, drawn at build time without network.

Link previews (LinkedIn, messengers) show og:image; overrides/main.html links the image of the
page's language. The font ships with the project (fonts/), so no system font or download is needed.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
BACKGROUND, FOREGROUND, ACCENT = "#0b5a6b", "#ffffff", "#f2c14e"
MARGIN = 80
FONTS = Path(__file__).resolve().parents[1] / "fonts"
IMAGE_PATH = "assets/share-{lang}.png"  # below the site root


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def draw_share_image(title: str, subtitle: str, target: Path) -> None:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, SIZE[1] - 24, SIZE[0], SIZE[1]], fill=ACCENT)
    title_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 60)
    subtitle_font = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 32)
    y = MARGIN
    for line in _wrap(draw, title, title_font, SIZE[0] - 2 * MARGIN):
        draw.text((MARGIN, y), line, font=title_font, fill=FOREGROUND)
        y += 80
    y += 30
    for line in _wrap(draw, subtitle, subtitle_font, SIZE[0] - 2 * MARGIN)[:4]:
        draw.text((MARGIN, y), line, font=subtitle_font, fill=FOREGROUND)
        y += 46
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, format="PNG")
