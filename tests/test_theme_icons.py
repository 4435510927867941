"""The header's icons come from one sprite (overrides/assets/images/icons.svg), drawn with Material's own paths."""

import re
from pathlib import Path

import material

from tests.conftest import ROOT

OVERRIDES = ROOT / "overrides" / ".icons"
SPRITE = ROOT / "overrides" / "assets" / "images" / "icons.svg"
THEME_ICONS = Path(material.__file__).parent / "templates" / ".icons"
SYMBOL = re.compile(r'<symbol id="([^"]+)" viewBox="0 0 24 24">(.*?)</symbol>', re.S)


def overridden() -> dict[str, Path]:
    return {path.stem: path for path in sorted(OVERRIDES.rglob("*.svg"))}


def test_every_overridden_icon_is_a_symbol_of_the_sprite_with_the_themes_own_drawing():
    symbols = dict(SYMBOL.findall(SPRITE.read_text(encoding="utf-8")))
    icons = overridden()
    assert {"magnify", "menu", "weather-night", "weather-sunny"} <= set(icons)
    assert set(symbols) == set(icons), "a symbol without its override, or an override without its symbol"
    for name, path in icons.items():
        theme = (THEME_ICONS / path.relative_to(OVERRIDES)).read_text(encoding="utf-8")
        drawing = re.fullmatch(r'\s*<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">(.*)</svg>\s*',
                               theme, re.S).group(1)
        assert symbols[name] == drawing, f"{name}: the sprite's drawing is not the installed theme's"


def test_each_override_draws_its_own_symbol_from_the_sites_sprite():
    for name, path in overridden().items():
        template = path.read_text(encoding="utf-8")
        assert re.search(r"""<use href="\{\{ 'assets/images/icons\.svg' \| url \}\}#""" + re.escape(name) + '"',
                         template), path.name


def test_built_pages_refer_to_the_sprite_instead_of_holding_the_drawings(built_site):
    magnify = dict(SYMBOL.findall(SPRITE.read_text(encoding="utf-8")))["magnify"]
    assert (built_site / "assets" / "images" / "icons.svg").read_bytes() == SPRITE.read_bytes()
    article = next((built_site / "articles").rglob("index.html")).read_text(encoding="utf-8")
    assert magnify not in article
    assert 'href="../../../assets/images/icons.svg#magnify"' in article
    assert 'src="../../../assets/javascripts/palette.js"' in article
    # the translations of Material's search and clipboard, which the site does not use, are not written
    assert '"translations": {}' in article
