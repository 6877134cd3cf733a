"""Candidates that are no attributions, whatever their score: plain actions done with a speech verb ("Rebels
attacked the convoy"), a link's title after "Read more:", the "said" of "above-said", a question the writer asks
("Who cares ...?"), and appearances ("The economy appears to be slowing", kept as sourceless attributions of their
own kind)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ...lexicons import load_table
from ...model import Span
from ...nlp import Tok
from .candidates import RAISING, appears_to
from .spans import Candidate


@functools.cache
def _action_words() -> dict[str, frozenset[str]]:
    table = load_table("action_words.tsv")
    out: dict[str, set[str]] = {}
    for words, role in table.entries.items():
        out.setdefault(role, set()).add(" ".join(words))
    return {k: frozenset(v) for k, v in out.items()}


def plain_action(c: Candidate) -> bool:
    """ "Rebels attacked the convoy", "The band recorded the album": a verb that reports speech in
    other sentences ("X attacked Clinton over ...") done by armed people or to a physical target, or
    "record"/"film" making a recording (``lexicons/action_words.tsv``); "refer" with an object (a
    referral: "referred the case to prosecutors", never a cue in PolNeAR); "Here are" / "Here's" presenting what
    follows; "make" an outing ("made a field survey of the complex", KCNA's leaders' visits); "argue" a case
    (pleading in court); a message of greeting or sympathy (the courtesy sent, not what the message says); "concerned"
    right after its noun (KCNA's "an official concerned": the one in charge); "anonymity" asked for or granted."""
    words = _action_words()
    h = c.head
    if c.pattern == "noun" and h.lemma_.lower() in ("message", "letter", "telegram", "card") and any(
        k.dep_ == "prep" and k.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in _COURTESIES for g in k.children)
        for k in h.children
    ):
        return True  # KCNA's "sent a message of greeting to X" (some 430 places in KCNA): a courtesy sent, what it says follows
    if h.lower_ == "concerned" and h.dep_ in ("amod", "acl") and h.head.i == h.i - 1 and h.head.pos_ == "NOUN":
        return True  # KCNA's "a man concerned of the military", "officials concerned": the ones in charge, no worry
    if c.pattern == "noun" and h.lemma_.lower() == "issue" and _an_edition(h):
        return True  # "A recent issue of the German paper Frankfurter Allgemeine carried an article": an edition
    if c.pattern not in ("verb", "tagger"):  # a verb the rules or the learned tagger read as a cue
        return False
    if any(k.dep_ == "dobj" and k.lower_ == "anonymity" for k in h.children):
        return True  # "Another Sanders ally, requesting anonymity to speak candidly, said": the interview's terms, no claim
    if _unsanctioned(h):
        return True  # "granted anonymity to discuss the talks", "not authorized to discuss the investigation": ditto
    if h.lemma_.lower() == "regard" and h.i > 0 and h.doc[h.i - 1].lower_ == "as":
        return True  # "as regards the fact that ...": a preposition, nobody regards anything
    if h.lemma_.lower() == "refer" and any(k.dep_ == "dobj" for k in h.children):
        return True  # "referred the findings to prosecutors": a referral ("referred to X as Y" has no object)
    if h.lemma_.lower() == "be" and any(k.lower_ in ("here", "there") and k.i < h.i for k in h.children):
        return True  # "Here are three suggestions:", "Here's a look at ...": the outlet presenting (never in PolNeAR)
    if h.lemma_.lower() == "argue" and any(
        k.dep_ in ("dobj", "nsubjpass") and k.lemma_.lower() in ("case", "appeal", "motion") for k in h.children
    ):
        return True  # "when the case was being argued in front of the Supreme Court": pleading, not a claim
    if h.lemma_.lower() == "appear" and any(k.dep_ == "prep" and k.lower_ in ("in", "on", "at") for k in h.children) and not any(
        k.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for k in h.children
    ):
        return True  # "none of the work product appears in the Steele dossier", "appeared on Fox News": being there
    if h.lemma_.lower() == "make" and any(k.dep_ == "dobj" and k.lemma_.lower() in _OUTINGS for k in h.children):
        return True  # "made a field survey of the steel complex", "made a visit to": an outing, not a statement
    if h.lemma_.lower() not in words["verb"]:
        return False
    objs = [k for k in h.children if k.dep_ in ("dobj", "nsubjpass")]
    objs += [g for k in h.children if k.dep_ == "prep" and k.text.lower() in ("on", "upon", "at") for g in k.children if g.dep_ == "pobj"]
    subs = [k for k in h.children if k.dep_ in ("nsubj", "agent")]
    subs += [g for k in subs if k.dep_ == "agent" for g in k.children if g.dep_ == "pobj"]
    if h.lemma_.lower() in ("record", "film", "tape"):
        return any(o.lower_ in words["made"] or o.lemma_.lower() in words["made"] for o in objs)
    if any(s.lower_ in words["armed"] or s.lemma_.lower() in words["armed"] for s in subs):
        return True
    return any(o.lower_ in words["target"] or o.lemma_.lower() in words["target"] or o.ent_type_ in ("FAC", "LOC") for o in objs)


def _unsanctioned(h: Tok) -> bool:
    """The infinitive of the terms an anonymous source speaks on: "(granted | on condition of) anonymity to discuss X",
    "(was) not authorized to speak publicly" (PolNeAR train: 3 of 14 such infinitives annotated; what follows is the
    topic, not a claim)."""
    doc = h.doc
    if h.tag_ != "VB" or h.i < 2 or doc[h.i - 1].lower_ != "to":
        return False
    if doc[h.i - 2].lower_ == "anonymity":
        return True
    g = h.head
    return g.i < h.i and g.lemma_.lower() in _SANCTIONS and any(k.dep_ == "neg" for k in (*g.children, *g.head.children))


_SANCTIONS = frozenset({"authorize", "authorise", "authorized", "authorised", "permit", "allow", "clear", "empower"})


def _an_edition(h: Tok) -> bool:
    """ "a recent issue of X", "the latest issue", "this week's issue", "the May 5 issue": an edition of a
    publication, not a matter raised ("the issue of Taiwan", "his issue with the press")."""
    return any(
        (k.dep_ == "amod" and k.lower_ in _EDITION_WORDS) or k.dep_ == "nummod" or k.ent_type_ == "DATE"
        for k in h.children if k.i < h.i
    )


_EDITION_WORDS = frozenset({"recent", "latest", "current", "last", "special", "new", "upcoming", "next", "weekend"})
_COURTESIES = frozenset({"greeting", "greetings", "sympathy", "condolence", "condolences", "thanks", "congratulation",
                         "congratulations"})
_OUTINGS = frozenset({"survey", "visit", "tour", "trip", "inspection", "round", "rounds"})
_LINK_LABEL = re.compile(r"\b(?:read\s+more|also\s+read|read\s+also|see\s+also|related|must\s+read|don'?t\s+miss)\s*[:|]", re.I)


def after_link_label(c: Candidate) -> bool:
    """A cue after "Read more:" / "RELATED |" in its sentence: the title of a link to another story."""
    words = c.seg.view.texts
    start = c.head.sent.start
    end = min([c.cue[0], *(r[0] for r in c.source)])
    return end > start and _LINK_LABEL.search(" ".join(words[start:end])) is not None


def above_said(c: Candidate) -> bool:
    """A verb that is the end of "above-said" ("The above-said sexual slavery", KCNA's adjective, tokenised "above -
    said"; 844 places in KCNA): no report ("so-called", "self-described", "live-tweeted" are cues in PolNeAR)."""
    h = c.head
    word, dash = (h.doc[h.i - 2], h.doc[h.i - 1]) if h.i >= 2 else (h, h)
    return dash.text in ("-", "‐") and word.lower_ in ("above", "afore") and word.idx + len(word.text) + 1 == h.idx


def appearance(c: Candidate) -> bool:
    """ "The economy appears to be slowing", "The plan seems unlikely": an appearance verb with no one
    it appears to, the outlet's own hedged statement.  PolNeAR counts these as sourceless attributions
    (194 such cues in train), so they stay attributions, of kind "appearance" (``finder``); chains
    and the outlet-voice finder treat them as the outlet's words."""
    if c.head.lemma_.lower() not in RAISING or c.source:
        return False
    return not appears_to(c.head)


# --- the writer's turns of phrase (``finder`` drops such attributions) ---


_LETS = re.compile(r"\blet\s*$", re.I)


def lets_say(text: str, source: Sequence[Span]) -> bool:
    """ "Let's say this was ...", "Let's wage a more vigorous ... movement": an exhortation, no attribution (its source
    was "'s" or "Let's", a person)."""
    said = text[source[0][0] : source[0][1]].strip() if len(source) == 1 else ""
    return said.lower() in ("let's", "let’s") or (
        said in ("'s", "’s") and bool(_LETS.search(text, max(0, source[0][0] - 6), source[0][0]))
    )


_ASKING = re.compile(r"(?:^|(?<=[.?!:;]\s)|(?<=[.?!:;][\"”’)]\s)|(?<=\n))[(\"“‘']?$")
"""What may stand before a question word that opens a sentence: the start of a line or of a sentence, an opening
bracket or quotation mark ("(Who would have thought, by the way, that ...?)")."""

_QUESTION_END = re.compile(r"[.?!\n]")


def asked_who(text: str, source: Sequence[Span]) -> bool:
    """ "Who cares if most of his staff donated to Hillary?", "Who Will Call the Democrats Bluff ...?": a question the
    writer asks names nobody (its source was "Who", a person, relayed by the publisher).  Only a lone "Who" or "What"
    opening a sentence that ends with a question mark; the relative "who" is its antecedent's (``finder``)."""
    if len(source) != 1 or text[source[0][0] : source[0][1]].strip() not in ("Who", "What"):
        return False
    s, e = source[0]
    if not _ASKING.search(text[max(0, s - 4) : s]):
        return False
    m = _QUESTION_END.search(text, e)
    return m is not None and text[m.start()] == "?"


_TURNS = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:(?-i:That|This)\s+(?:being\s+)?said\s*,|having\s+said\s+(?:that|this)\b|what\s+(?:does|did|do|"
    r"would|will)\s+(?:that|this|it)\s+(?:say|tell)\b|(?:that|this)\s+(?:is|was|['’]s)\s+(?:itself\s+|very\s+|quite\s+)?telling\b)",
    re.I,
)
"""Turns of phrase with a speech verb that report no speech: "That said, ...", "Having said that", "What does that
say about ...", "That is itself telling" (their source was "That", typed an organisation; AllSides).  "That said,"
only capitalised: "a message that said, “Sorry ...”" is a relative clause and an attribution (PolNeAR train)."""


def turn_of_phrase(text: str, source: Sequence[Span], cue_spans: Sequence[Span]) -> bool:
    """Whether an attribution's source and cue are one of the ``_TURNS`` (no attribution)."""
    if not cue_spans:
        return False
    lo, cue = min(s for s, _ in (*source, *cue_spans)), cue_spans[0][0]
    m = _TURNS.search(text, max(0, lo - 12), min(len(text), cue + 40))
    return m is not None and m.start() <= lo and m.end() > cue
