"""The only reader of the ``taxonomy/`` data files; validates them on load.

Files are TOML (read with the standard library's ``tomllib``). A checkout reads ``taxonomy/`` at
the top of the repository; an installed package reads the copy shipped as
``analyzer.taxonomy_data``. Any inconsistency raises :class:`~analyzer.errors.TaxonomyError`
naming the file and the entry at fault.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.errors import TaxonomyError


@dataclass(frozen=True, slots=True)
class SectionKind:
    kind: str
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Area:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    root: str
    sections: tuple[SectionKind, ...]
    areas: tuple[Area, ...]

    def section_kind(self, heading: str) -> str | None:
        """The canonical kind whose phrase list holds this heading, or None.

        A short heading that ends in a known phrase counts too: 'Clinical Experience' is experience.
        """
        index = _phrase_index(self.sections)
        words = normalise_heading(heading).split()
        if " ".join(words) in index:
            return index[" ".join(words)]
        if len(words) <= 4:
            for start in range(1, len(words)):
                tail = " ".join(words[start:])
                if tail in index and index[tail] != "other":
                    return index[tail]
        return None

    def area_name(self, area_id: int) -> str:
        for area in self.areas:
            if area.id == area_id:
                return area.name
        raise KeyError(area_id)


def normalise_heading(text: str) -> str:
    """Lower-case, '&' as 'and', punctuation and extra spaces removed: 'Skills & Tools:' -> 'skills and tools'."""
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=8)
def _phrase_index(sections: tuple[SectionKind, ...]) -> dict[str, str]:
    return {normalise_heading(phrase): s.kind for s in sections for phrase in s.phrases}


def taxonomy_root() -> Path:
    """``taxonomy/`` beside the package in a checkout, else the copy inside the installed package."""
    checkout = Path(__file__).resolve().parent.parent / "taxonomy"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("analyzer.taxonomy_data")))


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise TaxonomyError(f"Taxonomy file {path} is missing.") from None
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"Taxonomy file {path} is not valid TOML: {error}") from None


def _require(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    if not isinstance(value, kind):
        raise TaxonomyError(f"{where}: field '{key}' must be a {kind.__name__}, got {value!r}.")
    return value


def _load_sections(root: Path) -> tuple[SectionKind, ...]:
    path = root / "sections.toml"
    kinds: list[SectionKind] = []
    seen_phrases: dict[str, str] = {}
    for record in read_toml(path).get("section", []):
        where = f"{path.name} section {record.get('kind')!r}"
        kind = _require(record, "kind", str, where)
        phrases = tuple(_require(record, "phrases", list, where))
        for phrase in phrases:
            key = normalise_heading(phrase)
            if key in seen_phrases and seen_phrases[key] != kind:
                raise TaxonomyError(f"{where}: phrase {phrase!r} is also claimed by {seen_phrases[key]!r}.")
            seen_phrases[key] = kind
        kinds.append(SectionKind(kind, phrases))
    if len({k.kind for k in kinds}) != len(kinds):
        raise TaxonomyError(f"{path.name}: a section kind is declared twice.")
    if "other" not in {k.kind for k in kinds}:
        raise TaxonomyError(f"{path.name}: the kind 'other' is required for unrecognised headings.")
    return tuple(kinds)


def _load_areas(root: Path) -> tuple[Area, ...]:
    path = root / "areas.toml"
    areas = tuple(
        Area(_require(r, "id", int, path.name), _require(r, "name", str, path.name))
        for r in read_toml(path).get("area", [])
    )
    if [a.id for a in areas] != list(range(1, len(areas) + 1)):
        raise TaxonomyError(f"{path.name}: areas must be numbered 1, 2, 3... in order.")
    return areas


@lru_cache(maxsize=4)
def load_taxonomy(root: str | None = None) -> Taxonomy:
    """Load and validate every taxonomy file. Cached: the data never changes while running."""
    base = Path(root) if root else taxonomy_root()
    return Taxonomy(root=str(base), sections=_load_sections(base), areas=_load_areas(base))
