"""Per-article summary: counts and shares a reader takes in at a glance.

``summarise(article, found)`` returns a JSON-ready dict (ints, floats in
[0, 1] for shares, strings, and flat dicts of counts), in the order the
terminal report prints it:

- ``publisher``: the last hop of the chains (else ``article.outlet``).
- ``attributions``, ``attributions_by_source_type``.
- ``primary_sources`` (origin hop -> number of attributions) and
  ``distinct_primary_sources``; ``anonymous_sources`` (attributions whose
  source or chain origin is anonymous).
- ``relayed_attributions``: attributions whose chain has a hop between the
  origin and the publisher; ``state_media_attributions``: those whose chain
  has a state-media hop before the publisher.
- ``state_media_share``: characters of body text inside the content of
  state-media-relayed attributions, over the body's characters (spaces not
  counted; the whole text when there are no body blocks).
- ``unsourced_claims``: claims in the outlet's own voice with no source
  (``found.claims`` with no attribution when the certainty stage ran; else
  body sentences no attribution touches, split on punctuation), with
  ``unsourced_claims_by_level`` and ``unsourced_claims_method``.
- ``credits_by_kind``; ``longest_chain`` (hops); counts of entities,
  credits, hedges and loaded words.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .find import Found
from .model import Article, Chain, Span, union_spans


def summarise(article: Article, found: Found) -> dict[str, Any]:
    """The summary dict of one article (see the module docstring for the keys)."""
    text = article.text
    by_type = Counter(a.source_type or "unknown" for a in found.attributions)
    att_chains: dict[str, list[Chain]] = {}
    for c in found.chains:
        if c.attribution is not None:
            att_chains.setdefault(c.attribution, []).append(c)

    primary: Counter[str] = Counter()
    anonymous: set[str] = set()
    relayed: set[str] = set()
    state: set[str] = set()
    for a in found.attributions:
        chains = att_chains.get(a.id, [])
        origins = {c.hops[0].name for c in chains if len(c.hops) > 1}
        if not origins and a.source_name:
            origins = {a.source_name}
        for o in sorted(origins):
            primary[o] += 1
        if a.source_type == "anonymous" or any(c.hops and c.hops[0].type == "anonymous" for c in chains):
            anonymous.add(a.id)
        if any(len(c.hops) > 2 for c in chains):
            relayed.add(a.id)
        if any(h.type == "state_media" or h.state_controlled for c in chains for h in c.hops[:-1]):
            state.add(a.id)

    body = [(b.start, b.end) for b in article.blocks if b.kind == "body"] or [(0, len(text))]
    body_chars = _chars(text, body)
    state_spans = [s for a in found.attributions if a.id in state for s in a.content]
    state_chars = _chars(text, _intersect(union_spans(state_spans), union_spans(body)))

    unsourced, by_level, method = _unsourced(text, body, found)
    publisher = next((c.hops[-1].name for c in found.chains if c.hops), None) or article.outlet

    return {
        "publisher": publisher or "unknown",
        "attributions": len(found.attributions),
        "attributions_by_source_type": dict(sorted(by_type.items())),
        "distinct_primary_sources": len(primary),
        # most cited first, ties by name, so the output does not depend on hash order
        "primary_sources": dict(sorted(primary.items(), key=lambda kv: (-kv[1], kv[0]))),
        "anonymous_sources": len(anonymous),
        "relayed_attributions": len(relayed),
        "state_media_attributions": len(state),
        "state_media_share": round(state_chars / body_chars, 4) if body_chars else 0.0,
        "unsourced_claims": unsourced,
        "unsourced_claims_by_level": by_level,
        "unsourced_claims_method": method,
        "credits_by_kind": dict(sorted(Counter(c.kind for c in found.credits).items())),
        "longest_chain": max((len(c.hops) for c in found.chains), default=0),
        "entities": len(found.entities),
        "credits": len(found.credits),
        "hedges": len(found.hedges),
        "voice": len(found.voice),
    }


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|$)")


def _unsourced(text: str, body: list[Span], found: Found) -> tuple[int, dict[str, int], str]:
    if found.claims:
        own = [c for c in found.claims if c.attribution is None]
        return len(own), dict(sorted(Counter(c.level for c in own).items())), "claims"
    spans = [s for a in found.attributions for s in (*a.source, *a.cue, *a.content)]
    n = 0
    for bs, be in body:
        for m in _SENTENCE.finditer(text, bs, be):
            s, e = m.start(), m.end()
            if not text[s:e].strip() or not re.search(r"[A-Za-z]{2}", text[s:e]):
                continue
            if not any(a < e and s < b for a, b in spans):
                n += 1
    return n, {}, "sentences"


def _intersect(a: list[Span], b: list[Span]) -> list[Span]:
    return [(max(s1, s2), min(e1, e2)) for s1, e1 in a for s2, e2 in b if max(s1, s2) < min(e1, e2)]


def _chars(text: str, spans: list[Span]) -> int:
    return sum(len(text[s:e]) - sum(ch.isspace() for ch in text[s:e]) for s, e in spans)
