"""The speaker just before a pronoun source: "it", "they", "he" or "she" may take the attribution before it
(``previous_speaker``), unless another person was named since (``named_since``) or "they" follows a body's report on
people (``about_people``); "they" after a person and others is all of them (``speakers_together``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Attribution, Entity, Span
from ...nlp import Parsed, Tok
from ...registry import NEWS_TYPES
from ..entities import entity_by_id, mentions_within
from .antecedents import SUBJECTS, gender_of, previous_sentence, tokens_in
from .heads import people_noun, plural_of_document
from .quotes import quote_index
from .resolve import Described


def in_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation of ``text``."""
    return quote_index(text).inside(offset, offset + 1)


# The source types a pronoun may take from the attribution before it (``previous_speaker``).
# "he" / "she" take only a speaker who is a person entity of a fitting gender ("Mr. Walker said ... . “...,” he
# said": Walker, not Obama of "the Obama administration", a closer subject): read on 250 AllSides articles,
# taking any speaker before gave "I", "you", "judge and jury" and descriptions for names.
_PRONOUN_TYPES = {
    "it": frozenset({"state_media", "news_agency", "outlet", "public_broadcaster", "government", "organization", "document"}),
    "they": frozenset({"group", "government", "organization", "state_media", "outlet"}),
    "he": frozenset({"person"}),
    "she": frozenset({"person"}),
}
_IT_BODIES = NEWS_TYPES | {"organization"}
"""Sources called "it" more than "they": after their report on people, "they" are those people as likely."""


def about_people(parsed: Parsed, prev: Attribution, head: Tok) -> bool:
    """Whether "they" (``head``) follows a report by a body called "it" more than "they" whose content holds people
    (``people_reported``): neither the body nor its entity is who "they" are then."""
    if head.text.lower() != "they" or prev.source_type not in _IT_BODIES or not prev.source:
        return False
    last = parsed.text[prev.source[-1][0] : prev.source[-1][1]].split()[-1:]
    if last and last[0].endswith("s") and people_noun(last[0].lower()):
        return False  # ("KFF's analysts wrote ... They added": the analysts, as the body's name says)
    return people_reported(parsed, prev.content)


def people_reported(parsed: Parsed, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the top clause of the words in ``spans`` (a report's content: its words whose head lies outside it, and
    their subjects) holds people a later "they" may be: a plural noun for people as a subject ("that voters surveyed
    ... were skeptical", "investigators believe they have identified") or two people joined ("correspondent Ansgar
    Graw and reporter Frank Herrmann"); not people inside a quote's deeper clause ("We learned ... that the Ayatollah
    and Putin both intend ...") nor documents ("Documents on Mr Trump's sacking ... show")."""
    for lo, hi in spans:
        toks = [t for _, t in tokens_in(parsed, lo, hi)]
        inside = {t.i for t in toks}
        tops = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        subjects = [c for r in tops for c in r.children if c.dep_ in SUBJECTS or c.dep_ == "csubj"]
        subjects += [c for r in subjects for c in r.children if c.dep_ in SUBJECTS]  # (a subject the parse hung lower)
        for t in [*tops, *subjects]:
            if (t.tag_ == "NNS" and t.dep_ in SUBJECTS and not t.ent_type_ and _people_word(t.lower_)) or (
                t.ent_type_ == "PERSON" and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in t.children)
            ):
                return True
    return False


def _people_word(word: str) -> bool:
    """A plural noun for people, or one that reads as people by its ending ("investigators"), not a document's."""
    return people_noun(word) or (
        word.endswith(("ors", "ers", "ists", "ians", "ants", "ents")) and not plural_of_document(word)
    )


_OFFICE_OF = re.compile(r"[Tt]he (?:[\w-]+ ){0,2}?(?:chairman|chairwoman|chair|president|secretary|general secretary|"
                        r"secretary general|leader|head|chief|director|spokesman|spokeswoman|spokesperson) of\b")
"""A person described by an office in a body ("The chairman of the Kampala City Committee ..."), whom the finder names
by the body: "he" or "she" just after may take that speaker."""
_ONE_OFFICIAL = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w.'’-]+\s+){0,5}?(?:spokesman|spokeswoman|spokesperson|official|aide|adviser|advisor|"
    r"officer|diplomat|envoy)(?:\s+(?:of|for|at|in|with|from)\s+.+)?",
    re.S,
)
"""One unnamed official ("A White House spokesman", "A high ranking official of south Korea"), whom the finder names
by the body (type guideline 5): "he" or "she" just after may take that speaker."""
_NO_SPEAKER = frozenset({"it", "its", "they", "them", "that", "which", "who", "this", "these", "those"})


def previous_speaker(
    parsed: Parsed,
    before: Sequence[Attribution],
    span: Span,
    head: Tok | None,
    entities: Sequence[Entity] = (),
    about_people: bool = False,
) -> Attribution | None:
    """The attribution just before a pronoun source, when its source fits the pronoun (``_PRONOUN_TYPES``) and
    its cue is in this or the previous sentence: "North Korean state media explained Tuesday. “...,” it
    added." (a speaker named by no entity); "Ted Cruz pointed to areas where Trump ... . He also noted" (a
    person entity of a fitting gender, never one the text called by the other pronoun).  The caller decides
    whether it wins over the entity the pronoun resolved to.  A pronoun in a quote is the quoted speaker's;
    ``about_people``, "they" after that attribution's report on people (``about_people``), takes no one.  "it
    continued: <a paragraph>. ..., it stressed", "“...,” he said in Spanish. “...” ... Mexico, he added": the
    speaker's words ending in this sentence or the one before count as its cue would, when the pronoun follows its own
    words after a comma (a sentence opening with "It" may be about a thing the block named; "-- he talks" about another)."""
    if not before or head is None or head.pos_ != "PRON" or in_quote(parsed.text, span[0]):
        return None
    types = _PRONOUN_TYPES.get(head.text.lower())
    prev = before[-1]
    if types is None or not prev.source_name or not prev.cue:
        return None
    phrase = " ".join(parsed.text[prev.source[0][0] : prev.source[-1][1]].split()) if prev.source else ""
    office = _OFFICE_OF.match(phrase) or _ONE_OFFICIAL.fullmatch(phrase)
    pronoun = head.text.lower()
    again = pronoun in ("he", "she") and phrase.lower() == pronoun  # ("A spokesman for ... . ..., he charged. ..., he said")
    plural_documents = head.text.lower() == "they" and prev.source_type == "document" and prev.source_name.endswith("s")
    if prev.source_type not in types and not ((office is not None or again) and head.text.lower() in ("he", "she")) and not plural_documents:
        return None  # ("The statements said ... They noted": documents in the plural are "they")
    if prev.source_name.lower() in _NO_SPEAKER or not prev.source_name[:1].isalpha():
        return None  # a pronoun the attribution before left unresolved names no one
    if about_people:
        return None  # "The New York Times reported that voters surveyed ... . They believed": the voters, not the paper
    near = previous_sentence(parsed, span[0], across=True)
    inverted = parsed.text[max(0, span[0] - 3) : span[0]].rstrip().endswith(",")  # ("..., it stressed")
    joined = bool(prev.content) and near <= prev.content[-1][1] <= span[0]
    if prev.cue[0][0] < near and not (inverted and joined):
        return None  # (its cue in this sentence or the one before, or its words when the pronoun follows its own)
    if prev.source_type == "person" and office is None:
        ent = entity_by_id(entities, prev.source_entity)
        want = "f" if head.text.lower() == "she" else "m"
        if ent is None or ent.kind != "person" or gender_of(parsed, ent) not in (want, None):
            return None
        said = " ".join(parsed.text[a:b] for a, b in prev.source).lower()
        if said in ("he", "she") and said != head.text.lower():
            return None  # "He once told her ... She tells her staff": not the "he" before
    return prev


_AND_OTHERS = re.compile(r"(?:,|\s)\s*(?:and|&)\s+(?:[\w-]+\s+){0,3}?(?:others|[a-z]+s)$")
"""A source phrase that ends with a plural joined by "and": "The chairman of ... and other speakers", "Martin
Lotscher, chairman of ..., and a reporter and speakers"."""


def speakers_together(parsed: Parsed, before: Sequence[Attribution], span: Span, head: Tok | None) -> Described | None:
    """ "they" just after an attribution whose source is a person or body and others joined by "and" (``_AND_OTHERS``;
    within ``previous_sentence``), which the finder named by the person or body: all of them, as a group named by
    that phrase."""
    if not before or head is None or head.text.lower() != "they" or in_quote(parsed.text, span[0]):
        return None
    prev = before[-1]
    if prev.source_type not in ("person", "organization") or not prev.source or not prev.cue:
        return None  # (a group, a government ... named by the phrase already: the speaker before as it is)
    if prev.cue[0][0] < previous_sentence(parsed, span[0], across=True):
        return None
    phrase = " ".join(parsed.text[prev.source[0][0] : prev.source[-1][1]].split())
    return Described(phrase, "group", None) if _AND_OTHERS.search(phrase) else None


def named_since(
    entities: Sequence[Entity], ante: tuple[str, str | None] | None, prev: Attribution, span: Span, content: Sequence[Span]
) -> bool:
    """Whether the person ``ante`` names was mentioned after the previous attribution's cue, outside its content
    and outside this attribution's content: then "he" is that person, not the previous speaker ("Sessions saw
    an opportunity. He was among the first ..." after "Trump seized momentum ... by attacking ...")."""
    if ante is None or ante[1] is None or ante[1] == prev.source_entity:
        return False
    ent = entity_by_id(entities, ante[1])
    if ent is None:
        return False
    after = prev.cue[-1][1]
    inside = [*prev.content, *content]
    return any(not any(a <= ms < b for a, b in inside) for ms, _ in mentions_within(ent, (after, span[0])))
