"""Per-article finders, chosen by versioned name from one explicit table.

A finder is ``(parsed, found, settings) -> tuple[record, ...]``: it reads the
parsed article and what earlier stages found, and returns its records.  Stages
run in the order of ``STAGES``.  Third parties may add finders through the
``reportedly.finders`` entry-point group (name ``"stage:family.kind/N"``,
value ``module:function``) and select them in the settings:
``[reportedly.finders] attributions = "attribution.mine/1"``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from ..model import Attribution, Chain, Claim, Credit, Entity, Hedge, TimeExpr, Voice
from ..nlp import Parsed
from ..settings import Settings


@dataclass(frozen=True)
class Found:
    """What the stages have found so far; each stage adds its field."""

    entities: tuple[Entity, ...] = ()
    credits: tuple[Credit, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    chains: tuple[Chain, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    claims: tuple[Claim, ...] = ()
    voice: tuple[Voice, ...] = ()


Finder = Callable[[Parsed, Found, Settings], tuple[Any, ...]]

# stage -> (default name, {name: "module:function"}).  Order matters: a stage
# may read the fields of the stages before it.
STAGES: dict[str, tuple[str, dict[str, str]]] = {
    "entities": ("entities.rules/1", {"entities.rules/1": "reportedly.find.entities:find_entities"}),
    "credits": ("credits.rules/1", {"credits.rules/1": "reportedly.find.credits:find_credits"}),
    "attributions": (
        "attribution.rules/1",
        {"attribution.rules/1": "reportedly.find.attributions:find_attributions"},
    ),
    "times": ("times.rules/1", {"times.rules/1": "reportedly.find.times:find_times"}),
    "chains": ("chains.rules/1", {"chains.rules/1": "reportedly.find.chains:find_chains"}),
    "hedges": ("hedges.rules/1", {"hedges.rules/1": "reportedly.find.hedges:find_hedges"}),
    "claims": ("certainty.rules/1", {"certainty.rules/1": "reportedly.find.certainty:find_claims"}),
    "voice": ("voice.rules/1", {"voice.rules/1": "reportedly.find.voice:find_voice"}),
}

_resolved: dict[str, Finder] = {}


def _plugin_targets(stage: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for ep in entry_points(group="reportedly.finders"):
        st, _, name = ep.name.partition(":")
        if st == stage and name:
            out[name] = ep.value
    return out


def finder(stage: str, settings: Settings) -> Finder:
    """The finder function a stage uses under these settings."""
    default, table = STAGES[stage]
    name = settings.finder(stage, default)
    key = f"{stage}:{name}"
    if key in _resolved:
        return _resolved[key]
    target = table.get(name) or _plugin_targets(stage).get(name)
    if target is None:
        known = sorted(set(table) | set(_plugin_targets(stage)))
        raise ValueError(f"unknown finder {name!r} for stage {stage!r} (known: {', '.join(known)})")
    mod, _, fn = target.partition(":")
    func: Finder = getattr(importlib.import_module(mod), fn)
    _resolved[key] = func
    return func
