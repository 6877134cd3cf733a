"""The outlet registry: news outlets and agencies with aliases, country, type and state control.

Data lives in ``outlets.csv`` beside this module (each row says where its
facts come from); users extend or override it with their own CSV files of the
same columns (``Settings.registry``).

(placeholder loader: filled by the registry work)
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    type: str
    """state_media, news_agency, public_broadcaster, outlet, ..."""
    state_controlled: bool | None
    source: str


@dataclass(frozen=True)
class Registry:
    outlets: tuple[Outlet, ...]

    @functools.cached_property
    def _index(self) -> dict[str, Outlet]:
        idx: dict[str, Outlet] = {}
        for o in self.outlets:
            for n in (o.name, *o.aliases):
                idx[normalise(n)] = o
        return idx

    def match(self, name: str) -> Outlet | None:
        """The outlet a name refers to ("Yonhap", "state media KCNA" ...), or None."""
        return self._index.get(normalise(name))


def normalise(name: str) -> str:
    n = " ".join(name.replace("’", "'").split()).lower()
    if n.startswith("the "):
        n = n[4:]
    return n.removesuffix("'s")


def _read(path: Path | str, text: str | None = None) -> list[Outlet]:
    lines = (text if text is not None else Path(path).read_text(encoding="utf-8")).splitlines()
    out = []
    for row in csv.DictReader(lines):
        sc = (row.get("state_controlled") or "").strip().lower()
        out.append(
            Outlet(
                name=row["name"].strip(),
                aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
                country=(row.get("country") or "").strip() or None,
                type=(row.get("type") or "outlet").strip(),
                state_controlled=True if sc in {"yes", "true", "1"} else False if sc in {"no", "false", "0"} else None,
                source=(row.get("source") or "").strip(),
            )
        )
    return out


@functools.lru_cache(maxsize=8)
def load_registry(extra: tuple[str, ...] = ()) -> Registry:
    """The bundled registry, extended (and overridden by name) by the extra CSV files."""
    bundled = resources.files(__package__).joinpath("outlets.csv").read_text(encoding="utf-8")
    outlets = {o.name: o for o in _read("outlets.csv", bundled)}
    for p in extra:
        for o in _read(p):
            outlets[o.name] = o
    return Registry(tuple(outlets.values()))
