"""Who issued "the statement": the party that an earlier sentence says issued the document a source names.

KCNA retells statements, letters and appeals of other bodies this way: "The South Headquarters of Pomminryon
released a statement on June 10. ... , the statement noted, and went on: ..." (55 chains in 300 stories of
2012 named only "document:statement").  ``issuer_before(ctx, s, noun)`` finds, for a definite source phrase
headed by a document noun at offset ``s``, the subject of the closest earlier "X issued / released / made
public / sent / published ... a <noun>", "X says / observes in a <noun>", "X in a <noun> condemned" or "received a
<noun> (of condolences) from X" in the same paragraph or the four before it, and returns X as a node (for "from X",
the person named among X's titles: "from Nepali President Ram Baran Yadav");
None when no such sentence is near or another document of that kind was issued closer.
"""

from __future__ import annotations

from ...nlp import Tok
from ...registry import country_of
from ..attributions.candidates import REPORTS
from ..attributions.clauses import dated_name
from ..entities import mentions_near
from ..entities.clusters import org_words
from .nodes import Ctx, Node
from .triggers import np_node

ISSUE_VERBS = frozenset(
    "issue release publish send adopt announce make put deliver sign post circulate distribute present".split()
)
"""Verbs whose subject issues the document that is their object ("made public a statement")."""
_SAID_IN = REPORTS | frozenset(
    "observe conclude stress find write comment assert allege detail underscore emphasize emphasise point".split()
)
"""Verbs whose subject issued the document they are said "in" ("says in a bylined article"; not "appeared in a
report")."""
_PARAGRAPHS_BACK = 4
_MAX_CHARS = 2500


def _sender(t: Tok) -> tuple[Tok, Tok] | None:
    """(first, last) tokens of who the document ``t`` came "from" ("received a message of condolences from X", "a
    letter from X"): the name up to the comma of its apposition."""
    places = list(t.children)
    places += [w for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children for w in g.children]
    if t.dep_ == "dobj" and t.head.lemma_.lower() in _RECEIVE_VERBS:
        places += [c for c in t.head.children if c.i > t.i]
    for c in places:
        if c.dep_ == "prep" and c.lower_ == "from":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None or pobj.pos_ not in ("PROPN", "NOUN"):
                return None
            words = [
                w for w in pobj.subtree if not w.is_punct and (w.i <= pobj.i or not any(p.is_punct for p in t.doc[pobj.i : w.i]))
            ]
            return min(words, key=lambda w: w.i), max(words, key=lambda w: w.i)
    return None


_RECEIVE_VERBS = frozenset({"receive", "get", "obtain"})


def _said_in(t: Tok) -> Tok | None:
    """The verb whose subject speaks in the document ``t`` ("in a <noun>"): a report verb it follows ("Rodong Sinmun
    says in a bylined article", "observes in a commentary"), or any verb it comes before, the "in" hung on the verb
    or on its subject ("The Solidarity for Democracy ... in a commentary on Oct. 12 condemned the moves")."""
    h = t.head.head
    if h.lemma_.lower() in _SAID_IN:
        return h
    if h.dep_ == "nsubj" and h.i < t.i:
        h = h.head
    return h if h.i > t.i and h.pos_ == "VERB" else None


def issuer_before(ctx: Ctx, s: int, noun: str) -> Node | None:
    """The issuer of the document ``noun`` a source at ``s`` refers to (see the module doc), or None."""
    lo, k = max(0, s - _MAX_CHARS), s
    for _ in range(_PARAGRAPHS_BACK + 1):  # back to the paragraph break before the second paragraph before
        k = ctx.text.rfind("\n\n", lo, k)
        if k < 0:
            k = lo
            break
    best: tuple[int, int, int, bool] | None = None  # (offset of the noun, start, end of the issuer, whether it sent it)
    introduced: list[int] = []  # "a similar March 13 data report": another document of that kind brought in
    for seg in ctx.parsed.segments:
        if seg.end <= k or seg.start >= s:
            continue
        for t in seg.view.tokens:
            at = seg.start + t.idx
            if not (k <= at < s) or t.lemma_.lower() != noun:
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
                introduced.append(at)
            sender = _sender(t)
            if sender is not None:
                # "Kim Jong Un received a message of condolences from Joseph Kabila Kabange, president of ...": the
                # sender, without his title
                if best is None or at > best[0]:
                    best = (at, seg.start + sender[0].idx, seg.start + sender[1].idx + len(sender[1].text), True)
                continue
            verb: Tok | None = None
            if t.dep_ == "dobj" and t.head.lemma_.lower() in ISSUE_VERBS:
                verb = t.head
            elif t.dep_ == "pobj" and t.head.lower_ == "in":
                verb = _said_in(t)
            if verb is None:
                continue
            subj = [c for c in verb.children if c.dep_ == "nsubj"] or [d for d in (dated_name(verb),) if d is not None]
            if not subj:
                continue
            first, last = subj[0].left_edge, subj[0].right_edge
            if best is None or at > best[0]:
                best = (at, seg.start + first.idx, seg.start + last.idx + len(last.text), False)
    if best is None or any(at > best[0] for at in introduced):
        return None  # none, or another document of that kind came in closer than the one whose issuer is named
    if best[3]:
        # a person named among the sender's titles ("from Nepali President Ram Baran Yadav", "from President of Ethiopia
        # Girma Wolde-Giorgis"): that person
        for ent, ms, me in mentions_near(ctx.found.entities, best[1], best[2]):
            if ent.kind == "person" and best[1] <= ms < me <= best[2]:
                return Node(ent.name, "person", span=(ms, me), entity=ent.id)
        words = ctx.text[best[1] : best[2]].split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not org_words(words) and not any(
            country_of(w) for w in words
        ):
            # a name spaCy read as a place ("Choummaly Sayasone", "Choummaly" to spaCy): a person
            return Node(" ".join(words), "person", span=(best[1], best[2]))
    return np_node(ctx, best[1], best[2])
