"""Reading the claim layer of a traced store: where a claim appears, how it came, and where its certainty drifted.

``find_claims(store, text)`` finds the claim groups whose text or one of whose mentions holds
``text`` (after normalising case, punctuation and quotation marks: ``claimtext.normal_words``), or,
when none does, is the same claim as it (``claimtext.same_claim``); ``claim_group(store, id)``
reads one group.  Each ``ClaimRecord`` has the group's first article and origin and every mention
in time order (publication day, then ingest), each with its outlet, certainty level, passage
(``article.text[start:end]``), the relay it came through (``Via``) and its *chain*: the relay chain
of its attribution (``hops``) extended with the stored articles the claim passed through, from the
origin to the mention's article: ``DPRK → KCNA (kcna-0630) → Yonhap (yonhap-0630) → Fox News
(fox-seed)``.

How a mention came (``via``), in this order of preference, among the ``relays`` rows of its article:

1. a credit (``cites``) whose passage overlaps the mention ("..., according to Yonhap");
2. a credit elsewhere in the article to a stored article that carries the same claim (the article
   credits Yonhap, and Yonhap's article has the quote);
3. the mention's own match with an earlier mention of another article (``verbatim_quote``,
   ``partial_quote``, ``paraphrase``);
4. a wire copy of an article that carries the claim.

The chain follows ``via`` from article to article (never twice through one article).

``drift_cases(store)`` lists the drift rows, most recent first (by the downstream article's
publication day, then ingest), with both passages and the cues that differ.

Records are frozen dataclasses; ``as_dict`` gives their JSON shape (what ``reportedly claim`` and
``reportedly drift --format json`` print).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..registry import load_registry
from ..store import Store
from .claimtext import contains_run, normal_words, passage, same_claim
from .relays import outlet_key

__all__ = [
    "ChainHop",
    "ClaimMention",
    "ClaimRecord",
    "DriftRecord",
    "Passage",
    "Via",
    "as_dict",
    "claim_group",
    "drift_cases",
    "find_claims",
]

MAX_DEPTH = 12
"""Stored articles a chain passes through at most."""


@dataclass(frozen=True)
class Via:
    """The relay a mention came through: ``relation`` from ``article_id`` (the origin's passage ``start:end``)."""

    relation: str
    article_id: str
    outlet: str | None
    start: int
    end: int
    credit: str | None = None
    """cites: the credited outlet."""


@dataclass(frozen=True)
class ChainHop:
    """One hop of a chain: a source or outlet, and the stored article it is, when it is one."""

    name: str | None
    type: str | None = None
    article_id: str | None = None


@dataclass(frozen=True)
class ClaimMention:
    """One mention of a claim group: ``text[start:end]`` of ``article_id`` (a row of ``claim_group_mentions``)."""

    article_id: str
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    level: str
    attribution_id: str | None
    quote: bool
    origin_name: str | None
    origin_type: str | None
    via: Via | None
    chain: tuple[ChainHop, ...]


@dataclass(frozen=True)
class ClaimRecord:
    """A claim group (a row of ``claim_groups``) with its mentions in time order."""

    group_id: str
    text: str
    kind: str | None
    first_article_id: str
    first_seen: str | None
    first_outlet: str | None
    origin_name: str | None
    origin_type: str | None
    articles: int
    mentions: tuple[ClaimMention, ...]


@dataclass(frozen=True)
class Passage:
    """One side of a drift case."""

    article_id: str
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    level: str | None
    cues: tuple[str, ...]
    """The certainty cues this side has and the other lacks."""


@dataclass(frozen=True)
class DriftRecord:
    """The same claim with different certainty in two articles (a row of ``drift``)."""

    group_id: str
    direction: str
    upstream: Passage
    downstream: Passage


def as_dict(record: Any) -> dict[str, Any]:
    """The JSON shape of a record."""
    out: dict[str, Any] = dataclasses.asdict(record)
    return out


def find_claims(store: Store, text: str, limit: int = 10) -> list[ClaimRecord]:
    """The claim groups that hold ``text`` (module doc), those carried by the most articles first.

    A claim group id (``c12-3``) is also accepted.  Raises ``ValueError`` for a text with no words."""
    words = normal_words(text)
    if not words:
        raise ValueError("the text to look for has no words")
    with store.guard("read the claim groups"):
        if store.con.execute("SELECT 1 FROM claim_groups WHERE group_id = ?", [text.strip()]).fetchall():
            one = claim_group(store, text.strip())
            return [one] if one else []
        probes = sorted({w for w in words if len(w) > 2} or set(words), key=lambda w: (-len(w), w))[:3]
        cond = " AND ".join(
            'lower(substring(a.text, m."start" + 1, m."end" - m."start")) LIKE ?' for _ in probes
        )
        rows = store.con.execute(
            'SELECT m.group_id, substring(a.text, m."start" + 1, m."end" - m."start") '
            f"FROM claim_group_mentions m JOIN articles a ON a.id = m.article_id WHERE {cond}",
            [f"%{p}%" for p in probes],
        ).fetchall()
        hits = {g for g, t in rows if contains_run(normal_words(t), words)}
        if not hits:
            wanted = passage(text)
            hits = {g for g, t in rows if same_claim(wanted, passage(t)) > 0}
        if not hits:
            return []
        ranked = store.con.execute(
            "SELECT group_id FROM claim_groups WHERE group_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY articles DESC, mentions DESC, first_seen NULLS LAST, group_id LIMIT ?",
            [sorted(hits), limit],
        ).fetchall()
    out = []
    for (gid,) in ranked:
        rec = claim_group(store, gid)
        if rec is not None:
            out.append(rec)
    return out


def claim_group(store: Store, group_id: str) -> ClaimRecord | None:
    """One claim group with its mentions, their relays and chains (module doc); None when there is none."""
    with store.guard("read the claim groups"):
        head = store.con.execute(
            "SELECT g.group_id, g.text, g.kind, g.first_article_id, g.first_seen, f.outlet, g.origin_name, "
            "g.origin_type, g.articles FROM claim_groups g LEFT JOIN articles f ON f.id = g.first_article_id "
            "WHERE g.group_id = ?",
            [group_id],
        ).fetchall()
        if not head:
            return None
        mrows = store.con.execute(
            'SELECT m.article_id, a.outlet, a.published, m."start", m."end", '
            'substring(a.text, m."start" + 1, m."end" - m."start"), m.level, m.attribution_id, m.quote, '
            "m.origin_name, m.origin_type, a.seq FROM claim_group_mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.group_id = ? "
            "ORDER BY CASE WHEN regexp_matches(a.published, '^\\d{4}-\\d{2}-\\d{2}') THEN left(a.published, 10) END "
            'NULLS LAST, a.seq, m."start", m."end"',
            [group_id],
        ).fetchall()
        arts = sorted({r[0] for r in mrows})
        relays = store.con.execute(
            'SELECT r.article_id, r."start", r."end", r.origin_article_id, r.origin_start, r.origin_end, '
            "r.relation, r.credit, r.group_id, o.outlet FROM relays r JOIN articles o ON o.id = r.origin_article_id "
            "WHERE r.article_id IN (SELECT unnest(?::VARCHAR[])) "
            'ORDER BY r.article_id, r."start", r."end", r.origin_article_id, r.relation',
            [arts],
        ).fetchall()
        outlets = dict(
            store.con.execute(
                "SELECT id, outlet FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [sorted({r[3] for r in relays} | set(arts))],
            ).fetchall()
        )
        hops = _hops(store, [(r[0], r[7]) for r in mrows])
    by_article: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in mrows:
        by_article[r[0]].append(r)
    relays_of: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in relays:
        relays_of[r[0]].append(r)
    reg = load_registry()
    mentions = []
    for r in mrows:
        via = _via(r, relays_of.get(r[0], []), by_article, group_id)
        chain = _chain(r, relays_of, by_article, group_id, hops, outlets, reg, via)
        mentions.append(
            ClaimMention(
                r[0], r[1], r[2], int(r[3]), int(r[4]), r[5], r[6], r[7], bool(r[8]), r[9], r[10], via, chain
            )
        )
    g = head[0]
    return ClaimRecord(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], int(g[8] or 0), tuple(mentions))


def _hops(
    store: Store, keys: Sequence[tuple[str, str | None]]
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The per-article relay chain (hop name and type, origin first) of each (article, attribution)."""
    wanted = sorted({(a, t) for a, t in keys if t})
    if not wanted:
        return {}
    rows = store.con.execute(
        "SELECT h.article_id, h.attribution, h.chain_idx, h.name, h.type FROM hops h "
        "WHERE h.article_id IN (SELECT unnest(?::VARCHAR[])) AND h.attribution IS NOT NULL "
        "ORDER BY h.article_id, h.chain_idx, h.idx",
        [sorted({a for a, _ in wanted})],
    ).fetchall()
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    first: dict[tuple[str, str], int] = {}
    for a, att, chain, name, kind in rows:
        k = (a, att)
        if first.setdefault(k, chain) == chain:  # the attribution's first chain only
            out.setdefault(k, []).append((name, kind))
    return out


def _overlaps(a: tuple[Any, ...], s: int, e: int) -> bool:
    return int(a[1]) < e and s < int(a[2])


def _via(
    m: tuple[Any, ...],
    relays: Sequence[tuple[Any, ...]],
    by_article: dict[str, list[tuple[Any, ...]]],
    group_id: str,
) -> Via | None:
    s, e = int(m[3]), int(m[4])
    ranked: list[tuple[int, int, tuple[Any, ...]]] = []
    for n, r in enumerate(relays):
        origin, relation = r[3], r[6]
        if origin == m[0]:
            continue
        carries = origin in by_article
        if relation == "cites" and _overlaps(r, s, e):
            rank = 0
        elif relation == "cites" and carries:
            rank = 1
        elif (
            relation in ("verbatim_quote", "partial_quote", "paraphrase")
            and r[8] == group_id
            and _overlaps(r, s, e)
        ):
            rank = 2
        elif relation == "wire_copy" and carries:
            rank = 3
        else:
            continue
        ranked.append((rank, n, r))
    if not ranked:
        return None
    r = min(ranked)[2]
    return Via(r[6], r[3], r[9], int(r[4]), int(r[5]), r[7])


def _chain(
    m: tuple[Any, ...],
    relays_of: dict[str, list[tuple[Any, ...]]],
    by_article: dict[str, list[tuple[Any, ...]]],
    group_id: str,
    hops: dict[tuple[str, str], list[tuple[str, str]]],
    outlets: dict[str, str | None],
    reg: Any,
    via: Via | None,
) -> tuple[ChainHop, ...]:
    """The mention's chain through the stored articles (module doc)."""
    path: list[tuple[str, tuple[Any, ...] | None]] = [(m[0], m)]
    seen = {m[0]}
    step = via
    while step is not None and step.article_id not in seen and len(path) < MAX_DEPTH:
        seen.add(step.article_id)
        theirs = by_article.get(step.article_id, [])
        at = next((x for x in theirs if int(x[3]) < step.end and step.start < int(x[4])), None)
        mention = at or (theirs[0] if theirs else None)
        path.append((step.article_id, mention))
        step = _via(mention, relays_of.get(step.article_id, []), by_article, group_id) if mention else None
    path.reverse()

    def own_hops(article: str, mention: tuple[Any, ...] | None) -> list[tuple[str, str]]:
        if mention is None or not mention[7]:
            return []
        return hops.get((article, mention[7]), [])

    def key(name: str | None) -> str | None:
        return outlet_key(name, reg)

    out: list[ChainHop] = []
    for i, (article, mention) in enumerate(path):
        outlet = outlets.get(article)
        mine = own_hops(article, mention)
        own = key(outlet)
        upstream = [h for h in mine if key(h[0]) != own]
        if i == 0:
            out.extend(ChainHop(n, t) for n, t in upstream)
        else:
            before = key(outlets.get(path[i - 1][0]))
            found = next((j for j, h in enumerate(upstream) if key(h[0]) == before), None)
            if found is not None:
                out.extend(ChainHop(n, t) for n, t in upstream[found + 1 :])
        out.append(ChainHop(outlet, "outlet", article))
    return tuple(out)


def drift_cases(store: Store, limit: int = 50, outlet: str | None = None) -> list[DriftRecord]:
    """The drift cases, most recent first (module doc); ``outlet``: only those whose downstream article is its."""
    with store.guard("read the drift"):
        rows = store.con.execute(
            "SELECT d.group_id, d.direction, "
            "u.id, u.outlet, u.published, d.upstream_start, d.upstream_end, "
            "substring(u.text, d.upstream_start + 1, d.upstream_end - d.upstream_start), d.upstream_level, "
            "d.upstream_cues, "
            "w.id, w.outlet, w.published, d.downstream_start, d.downstream_end, "
            "substring(w.text, d.downstream_start + 1, d.downstream_end - d.downstream_start), d.downstream_level, "
            "d.downstream_cues "
            "FROM drift d JOIN articles u ON u.id = d.upstream_article_id "
            "JOIN articles w ON w.id = d.downstream_article_id "
            "WHERE ?::VARCHAR IS NULL OR w.outlet = ? "
            "ORDER BY CASE WHEN regexp_matches(w.published, '^\\d{4}-\\d{2}-\\d{2}') THEN left(w.published, 10) END "
            "DESC NULLS LAST, w.seq DESC, d.downstream_start, d.group_id, u.seq LIMIT ?",
            [outlet, outlet, limit],
        ).fetchall()
    return [
        DriftRecord(
            r[0],
            r[1],
            Passage(r[2], r[3], r[4], int(r[5]), int(r[6]), r[7], r[8], tuple(r[9] or ())),
            Passage(r[10], r[11], r[12], int(r[13]), int(r[14]), r[15], r[16], tuple(r[17] or ())),
        )
        for r in rows
    ]
