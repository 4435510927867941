"""The field registry and the Metadata type name the same fields."""

from dataclasses import fields
from pathlib import Path

from builder.fields import FIELDS
from builder.model import Article, Metadata


def test_every_metadata_field_is_registered_and_every_registered_one_has_its_place():
    metadata = {f.name for f in fields(Metadata)} - {"overridden"}   # bookkeeping, not a field of its own
    assert metadata == {f.name for f in FIELDS if f.on == "meta"}
    article = {f.name for f in fields(Article)}
    missing = [f.name for f in FIELDS if f.on == "article" and f.name not in article]
    # captions, credits, source, part, lines and edition are Article's under other shapes or names
    assert set(missing) <= {"credits", "lines"}


def test_metadata_is_never_changed_in_place():
    meta = Metadata(date="2024-05-01")
    try:
        meta.date = "2024-05-02"
    except AttributeError:
        pass
    else:
        raise AssertionError("Metadata must be frozen: a stage that corrects it makes a new one")
    assert meta.date == "2024-05-01"



def test_only_the_knowledge_layer_reads_the_data_files():
    """builder/data/*.yaml is read by builder.knowledge.files alone; every other module asks it by name.

    (Overrides and contributed front matter are YAML too, but an editor's or a contributor's, read from seeds/
    by overrides.py.)
    """
    package = Path(__file__).resolve().parent.parent / "builder"
    sources = {path.relative_to(package).as_posix(): path.read_text(encoding="utf-8") for path in package.rglob("*.py")}
    assert [name for name, text in sources.items() if '/ "data"' in text] == ["knowledge/files.py"]
    parsers = sorted(name for name, text in sources.items() if "yaml.safe_load(" in text or "yaml.load(" in text)
    assert parsers == ["knowledge/files.py", "overrides.py"]


def test_the_han_character_class_is_written_once():
    """Every pattern names Han characters as builder.text.HAN (textfix's wider class counts for conservation)."""
    package = Path(__file__).resolve().parent.parent / "builder"
    writers = sorted(path.relative_to(package).as_posix() for path in package.rglob("*.py")
                     if "\\u4e00-\\u9fff" in path.read_text(encoding="utf-8")
                     or '"\\u4e00" <=' in path.read_text(encoding="utf-8"))
    assert writers == ["text/__init__.py", "textfix.py"]
