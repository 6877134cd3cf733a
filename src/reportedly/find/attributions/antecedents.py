"""What a pronoun or a description source stands for: an earlier entity of a fitting kind, or nothing.

``antecedent(parsed, entities, before, phrase, head)`` resolves a source
phrase that names nobody by itself ("he", "they", "the spokesman", "the
committee's chairman", "the agency") to the closest earlier entity that
fits it, and returns ``None`` rather than a guess when none does:

- *kind*: "he"/"she" and person descriptions only take people (never a
  place, a country or an organisation); "they" and "it" take
  organisations, outlets, governments and groups; "the agency", "the
  paper", "the broadcaster" take a news outlet of that kind ("the South
  Korean agency" one of that country when the registry knows it);
- *gender*: "he" skips a person the text marks as a woman ("Ms.", "Mrs.",
  "spokeswoman", "his wife ..." is not evidence), "she" one marked as a man;
  unmarked people fit both;
- *roles*: a description ("the chairman", "the committee's chairman") takes
  only a person whose roles, as the entity finder read them, hold its title
  word ("leader": any head of state or government), of the country the
  description names if it names one ("the US leader"); without such a person
  it stays unresolved (the caller may still name it after an earlier
  indefinite mention, "a foreign ministry spokesman", or after the one
  person named later in that office, ``offices.later_holder``: "his lawyer says" in
  a lede);
- *the writer*: "I", "me", "my" outside quotes are the writer: the
  article's sole author when it names one, else unresolved (never the last
  politician named); in an interview transcript, the speaker whose label
  opens the turn ("CRUZ: ...", ``transcripts``).

Limits: little syntax (the closest fitting mention wins, except that a
subject of its sentence or the one before goes first, a main clause's before
another's, a possessor last; "they" / "it" name nobody after a closer plural /
singular common noun, "it" after an indefinite subject of its sentence, "they" after a
quantifier subject, "it" after a country subject, and neither after a law or a treaty;
"they" and "it" follow the "they" / "it" subject of the sentence before); gender only from honorifics and gendered role words next to the
mentions; the spaCy PERSON / ORG mentions stand in when the entity finder
found no entity of the kind.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from spacy.tokens import Token

from ...model import Attribution, Entity, Span
from ...nlp import Parsed, Segment, Tok
from ..entities import entity_by_id, mentions_within
from ..entities.lexicon import first_names, lexicon
from ..entities.name_words import (
    NUMBER_LABELS,
    capitalised_adjective,
    lowered_word,
    names_a_doctrine,
    names_a_text,
    time_zone,
)
from .body_refs import BODY_DESCRIPTION, NO_SPEAKER, fits_body, in_a_list, named_body
from .offices import PARTISAN, holds_office, known_party, office_terms, party_fit, party_in, state_in
from .outlet_refs import outlet_description
from .quotes import quote_index
from .transcripts import speaker_at

T = TypeVar("T")

FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself", "which"})
PRONOUNS = MALE | FEMALE | PLURAL | NEUTER
BODY_KINDS = frozenset({"organization", "outlet", "government", "group"})
# Gender marks written next to a person's mention (hand-made, English news usage).
_FEMALE_MARKS = re.compile(
    r"\b(?:Ms|Mrs|Miss|Madam|Madame|Mme|Lady|Dame|Queen|Princess|Duchess|Countess|Baroness|Sister|"
    r"spokeswoman|chairwoman|congresswoman|councilwoman|assemblywoman|businesswoman|stateswoman|"
    r"actress|wife|widow|mother|daughter|sister|grandmother|aunt|niece|girlfriend|first\s+lady)\b\.?",
    re.IGNORECASE,
)
_MALE_MARKS = re.compile(
    r"\b(?:Mr|Sir|Lord|King|Prince|Duke|Count|Baron|Brother|Father|"
    r"spokesman|congressman|councilman|assemblyman|businessman|statesman|"
    r"husband|widower|son|grandfather|uncle|nephew|boyfriend)\b\.?",
    re.IGNORECASE,
)
# Honorifics are capitalised; the role words above count in any case.
_HONORIFIC_F = frozenset({"ms", "mrs", "miss", "madam", "madame", "mme", "lady", "dame", "queen", "princess"})
_HONORIFIC_M = frozenset({"mr", "sir", "lord", "king", "prince"})


def antecedent(
    parsed: Parsed,
    entities: Sequence[Entity],
    before: int,
    phrase: str,
    head: str,
    title: str | None = None,
    registry: tuple[str, ...] = (),
    skip: Sequence[tuple[int, int]] = (),
    depth: int = 0,
    content: Sequence[tuple[int, int]] = (),
) -> tuple[str, str | None] | None:
    """(name, entity id) of what a pronoun or description before offset ``before`` stands for, or None.

    ``head`` is the phrase's head word; ``title`` the person title a description holds ("chairman");
    mentions inside ``skip`` (the quoted words of the attribution's own content: "“... against the DPRK,” it
    added") are no antecedents; ``content`` is the attribution's content (a name in it is no closer evidence for
    "he" than the subject "he" of the sentence before, ``_subject_before``).
    """
    low_head = head.lower()
    low = " ".join(phrase.lower().split())
    if low_head in FIRST_SINGULAR or low in FIRST_SINGULAR:
        speaker = speaker_at(parsed.text, entities, before)
        if speaker is not None:
            return speaker  # "CRUZ: ... I" in an interview transcript: the labelled speaker
        authors = parsed.article.authors
        return (authors[0], None) if len(authors) == 1 else None
    if low_head in FIRST_PLURAL:
        return None
    outlet = outlet_description(parsed, entities, before, phrase, registry)
    if outlet is not None:
        return outlet
    if depth == 0 and low_head in PRONOUNS:  # nobody named only in a caption, a media title or a quoted title is "she"
        titles = quote_index(parsed.text).titles(before - 2000, before) if low_head in MALE or low_head in FEMALE else []
        skip = (*skip, *(a for a in asides(parsed) if not a[0] <= before <= a[1]), *titles)
    if low_head in PLURAL:
        # "they" is no outlet: a paper or an agency is "it" ("so they will claim" after Fox News is its viewers,
        # "They didn't say" after The Verge a university); when an outlet is the closest body, nobody is named.  Nor is
        # a body named only in the words "they" said before it ("... the WPK under the leadership of Kim Jong Il will
        # always emerge victorious, they stressed": not the party); a plural noun in those words still counts below
        said = (*skip, *(c for c in content if c[1] <= before))
        got = _closest_at(parsed, entities, before, lambda e: e.kind in BODY_KINDS, ("ORG", "NORP", "GPE"), said)
        if (p := _same_pronoun_before(parsed, before, got, PLURAL, said, depth)) is not None:
            # "They accused the U.S. of trying to make FTA ... . They called for ...": the "they" subject of the
            # sentence before, not a name it mentioned since, is who this "they" is (as for "he"); nobody if it is nobody
            return antecedent(parsed, entities, p[0], p[1], p[2], None, registry, skip, depth + 1)
        ent = entity_by_id(entities, got[2]) if got is not None else None
        if got is None or (ent is not None and ent.kind == "outlet") or NO_SPEAKER.search(got[1]):
            return None
        if got[0] < _previous_paragraph(parsed, before):
            # nor a body last named paragraphs before ("the Russian government" five paragraphs up, "They
            # expressed firm belief" after "The two top leaders were unanimous"): nobody rather than a guess
            return None
        # nor a body named before a plural noun closer to the pronoun ("students campaigned at Georgetown
        # University. They wanted ...": the students, whom no entity names)
        return None if _noun_first(parsed, ent, got, before, skip, "NNS") else (got[1], got[2])
    body = BODY_DESCRIPTION.fullmatch(" ".join(phrase.split()))
    if body is not None:
        # "the organization said" after "Blue H.E.L.P., a nonprofit that tracks ...": the closest body named in this
        # paragraph or the one before that fits: any organisation for a generic word (not a country or a law), one
        # whose name holds the word for the others ("the committee": a "... Committee"), else nobody
        got = _closest_at(parsed, entities, before, lambda e: fits_body(e, body.group("head")), (), skip)
        since = _previous_paragraph(parsed, before, past_asides=False)
        if got is not None and not named_body(parsed.text, entities, body.group("head"), (got[0], got[2]), since, before):
            return None
        return None if got is None or got[0] < since else _named(got)
    if low_head in NEUTER:
        # (not a nationality: "its" after "the south Korean newspaper" is no "south Korean")
        got = _closest_at(parsed, entities, before, lambda e: e.kind in BODY_KINDS, ("ORG", "GPE"), skip)
        if (p := _same_pronoun_before(parsed, before, got, _IT, skip, depth)) is not None:
            # "The press can work even harder ... . Or it can play to type. The past week is more evidence that it
            # prefers ...": the "it" subject of the sentence before, as for "they"
            return antecedent(parsed, entities, p[0], p[1], p[2], None, registry, skip, depth + 1)
        if got is not None and (
            NO_SPEAKER.search(got[1])  # "... to make FTA with south Korea more favorable to it"
            or _place_subject_between(parsed, got[0], before, skip)  # "The US is expelling ... at the UN. It will"
            or _indefinite_subject_between(parsed, got[0], before, skip)  # "If a country truly wants ..., it should"
            or got[0] < _previous_paragraph(parsed, before)  # a body last named paragraphs before, as for "they"
            # a singular noun closer ("a report by experts monitoring U.N. sanctions ... It also said": the report)
            or _noun_first(parsed, entity_by_id(entities, got[2]), got, before, skip, "NN")
        ):
            return None
        return _named(got)
    if low_head in MALE or low_head in FEMALE:
        want = "f" if low_head in FEMALE else "m"
        # nobody the content after the pronoun names (``named_after``)
        named = named_after(entities, before, content, skip)
        got = _closest_at(
            parsed, entities, before,
            lambda e: e.kind == "person" and e.id not in named and gender_of(parsed, e) in (want, None), ("PERSON",), skip
        )
        same = FEMALE if want == "f" else MALE
        p = _subject_before(parsed, before, same, skip) if depth < CHAIN_DEPTH else None
        in_sentence = got is not None and got[0] >= sentence_start(parsed, before)
        own = in_sentence and got is not None and not any(a <= got[0] < b for a, b in content)
        if in_sentence and got is not None and depth < CHAIN_DEPTH and (q := _pronoun_first(parsed, before, got[0], same, skip)):
            # "In lieu of his typical tirades against what he called the Mueller “witch hunt,” he dashed off ...": the
            # "he" whose words name Mueller is who this "he" is, not the name in those words
            via = antecedent(parsed, entities, q[0], q[1], q[1], None, registry, skip, depth + 1)
            if via is not None and via[1] not in named:
                return via
        if p is not None and (got is None or got[0] < p[0] or (not own and _salience(parsed, got[0]) < 3)):
            # "He exchanged greetings with ..., Pavel Shtein ... . He visited the plant. ..., he said": the subject
            # "he" of the sentence before, not a name it mentioned since, is who this "he" is (a name in this
            # sentence outside its content still wins: "In Mr Giuliani's statement, he said"); so is the person a
            # subject description names ("The Russian president extended ... . He expressed support")
            if p[1].split()[0].lower() in ("a", "an"):
                return None  # "A high ranking official of south Korea cried out ... He went ...": someone unnamed
            via = antecedent(parsed, entities, p[0], p[1], p[2], p[3], registry, skip, depth + 1)
            if via is not None and via[1] not in named:
                return via
        return _named(got)
    if (partisan := PARTISAN.fullmatch(" ".join(phrase.split()))) is not None:
        # "“...,” the Kentucky Republican said": the closest person of that party and state, else nobody
        member, home, text = party_in(partisan.group("party")) or "", state_in(phrase), parsed.text
        got = _closest_at(parsed, entities, before, lambda e: e.kind == "person" and party_fit(text, e, member, home) is not False, ())
        found = entity_by_id(entities, got[2]) if got is not None else None
        return _named(got) if found is not None and party_fit(text, found, member, home) else None
    if title:
        # a description: a person who holds the title, else (for an office of a body) nobody
        t = title.lower().rstrip(".")
        terms, text = office_terms(phrase, t), parsed.text
        us_party = terms[4] if terms[4] in ("republican", "democratic") else None  # ("the Republican leader" no Reid, D-Nev.)
        fit = _named(_closest_at(parsed, entities, before, lambda e: e.kind == "person" and holds_office(e, t, *terms) and (
            us_party is None or known_party(text, e) in (None, us_party)
        ), ()))
        return fit  # else nobody: the closest person need not hold the office ("the committee's chairman")
    return None


def named_after(
    entities: Sequence[Entity],
    before: int,
    content: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]] = (),
) -> set[str]:
    """The ids of the entities named in ``content`` after offset ``before`` (a pronoun source's), outside its
    ``quoted`` words: "he said Clinton's behavior was disgraceful" is not Clinton (a name in the clause the subject
    governs is not the subject), while a speaker may name himself in his own words ("“... what Herman is up to,” he
    said": Herman Cain)."""
    if not content:
        return set()
    return {
        e.id for e in entities for a, b in content for m, _ in mentions_within(e, (max(a, before + 1), b))
        if not any(qa <= m < qb for qa, qb in quoted)
    }


def speakers_words(parsed: Parsed, entities: Sequence[Entity], before: Sequence[Attribution], span: Span, pronoun: str) -> list[Span]:
    """The contents of the attributions just before a "he"/"she" (the last 20 within ``SPEAKERS_BACK`` characters)
    whose speaker is a person that pronoun may stand for: the names they say are no antecedents of it (KCNA: "...
    a shining victory of the idea of President Kim Il Sung ..., he said. ... He dropped in at ...": Kim Jong Il, who
    spoke, not Kim Il Sung, named in what he said).  A speaker of the other gender leaves them ("Obama said Clinton
    was right. She ...")."""
    want = "f" if pronoun == "she" else "m"
    out: list[Span] = []
    for prev in reversed(before[-20:]):
        if not prev.cue or prev.cue[0][0] < span[0] - SPEAKERS_BACK:
            break
        if prev.source and prev.source[0][0] == span[0]:
            continue  # the same "he" with another cue (the tagger's "echoed" beside the rules' "said")
        ent = entity_by_id(entities, prev.source_entity) if prev.source_type == "person" else None
        if ent is not None and ent.kind == "person" and gender_of(parsed, ent) in (want, None):
            for a, b in prev.content:  # (the speaker's own mentions stay antecedents)
                for ms, me in mentions_within(ent, (a, b)):
                    out.append((a, ms))
                    a = max(a, me)
                out.append((a, b))
    return out


SPEAKERS_BACK = 1500
"""How far back (characters) ``speakers_words`` looks."""

ASIDE_KINDS = frozenset({"caption", "media_title"})
"""Blocks outside the story's thread: their names are no antecedents ("PHOTO: ... sits during her meeting with
Ukrainian President Petro Poroshenko ... (Mikhail Palinchak/AP) More" then "She learned ...")."""


def asides(parsed: Parsed) -> tuple[tuple[int, int], ...]:
    """The spans of the article's ``ASIDE_KINDS`` blocks (once per article)."""
    return parsed.memoised(
        ("aside blocks",), lambda: tuple((b.start, b.end) for b in parsed.article.blocks if b.kind in ASIDE_KINDS)
    )


_COMPANY_STAFF = re.compile(
    r"^the\s+(?:company|firm|group|organi[sz]ation|corporation|carrier|airline|bank|manufacturer|retailer|"
    r"startup|maker|insurer)['’]s?\s+(?:(?!(?-i:[A-Z][a-z]))[\w-]+\s+){0,2}(?!(?-i:[A-Z][a-z]))[\w-]+$",
    re.IGNORECASE,
)
"""Unnamed staff of a company: lowercase words after its possessive (not "the group's president Michael Beckerman")."""


def company_staff(parsed: Parsed, entities: Sequence[Entity], before: int, phrase: str) -> tuple[str, str | None] | None:
    """ "The company's researchers", "the firm's spokesman": the company named before (its closest
    organisation), whose unnamed staff speak for it (chain guideline 5: an organisation), else None."""
    if not _COMPANY_STAFF.match(" ".join(phrase.split())):
        return None
    got = _closest_at(parsed, entities, before, lambda e: e.kind == "organization", ())
    if got is not None and in_a_list(parsed.text, entities, got[0]):
        return None  # ("sold at Zappos, Amazon and other sites. ... The company's website": not Amazon)
    return _named(got)


def _read_off(parsed: Parsed, what: tuple[object, ...], owner: object, build: Callable[[], T]) -> T:
    """``Parsed.memoised`` for a value read off ``owner`` (an entity, the article's entities), keyed by ``what`` and
    the owner's id: the owner is kept beside the value, so that its id stays its own while the parse lives."""
    return parsed.memoised((*what, id(owner)), lambda: (owner, build()))[1]


def gender_of(parsed: Parsed, e: Entity) -> str | None:
    """``gender`` of an entity of the article, read once per article."""
    return _read_off(parsed, ("gender",), e, lambda: gender(parsed.text, e))


def gender(text: str, e: Entity) -> str | None:
    """ "f", "m" or None: the honorifics right before an entity's mentions, its roles and its given name."""
    f = m = 0
    first = e.name.split()[0].lower().strip(".,") if e.name.split() else ""
    g = first_names().get(first)
    f += g == "f"
    m += g == "m"
    for s, _ in e.mentions:
        before = text[max(0, s - 14) : s]
        words = re.findall(r"[A-Za-z]+", before)
        if words:
            w = words[-1]
            if w[0].isupper():
                f += w.lower() in _HONORIFIC_F
                m += w.lower() in _HONORIFIC_M
    for r in e.roles:
        f += bool(_FEMALE_MARKS.search(r))
        m += bool(_MALE_MARKS.search(r))
    if f and not m:
        return "f"
    if m and not f:
        return "m"
    return None


def _named(got: tuple[int, str, str | None] | None) -> tuple[str, str | None] | None:
    """The name and entity id of a ``_closest_at`` result."""
    return (got[1], got[2]) if got else None


def _closest_at(
    parsed: Parsed,
    entities: Sequence[Entity],
    before: int,
    fits: Callable[[Entity], bool],
    labels: tuple[str, ...],
    skip: Sequence[tuple[int, int]] = (),
) -> tuple[int, str, str | None] | None:
    """The closest earlier mention of an entity that ``fits``; else of a spaCy entity with one of ``labels``;
    none inside ``skip``."""

    def skipped(s: int) -> bool:
        return any(a <= s < b for a, b in skip)

    best: tuple[int, str, str | None] | None = None
    fitting = [(e, _starts_of(parsed, e)) for e in entities if fits(e)]
    for e, starts in fitting:  # each entity's last mention before ``before`` (by bisection)
        k = bisect.bisect_left(starts, before)
        while k > 0:
            k -= 1
            if not skipped(starts[k]):
                best = max(best, (starts[k], e.name, e.id)) if best is not None else (starts[k], e.name, e.id)
                break
    if best is not None:
        # a subject of this or the previous sentence before a closer object ("The Kremlin accused
        # NATO of ..., and on Monday it accused ...": it is the Kremlin)
        # (``_salience``: the pronoun's own sentence first, "While Obama did make a statement, he refused"; then a
        # main clause's before a closer subordinate one's, "Tom Perez said Trump's order remained ...": Perez), and
        # else a name before a closer possessor ("... for Stephen Bannon, who has fueled Trump's firefight," he
        # explained: Bannon)
        lo = sentence_start(parsed, best[0], back=1)
        own = sentence_start(parsed, before)

        def rank(c: tuple[int, str, str | None]) -> tuple[bool, int, int]:
            salience = _salience(parsed, c[0])
            return (salience >= 2 and c[0] >= own, salience, c[0])

        near = sorted(
            ((starts[k], e.name, e.id) for e, starts in fitting
             for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, before)) if not skipped(starts[k])),
            reverse=True,
        )
        best = max(near, key=rank)
    if best is None and labels:
        # else the closest spaCy entity of those labels that no entity holds
        named = _unheld_ents(parsed, entities, labels)
        k = bisect.bisect_left(named, (before,))
        while k > 0:
            k -= 1
            if not skipped(named[k][0]):
                return named[k]
    return best


def _starts_of(parsed: Parsed, e: Entity) -> list[int]:
    """The starts of an entity's mentions, sorted (once per article)."""
    return _read_off(parsed, ("mention starts",), e, lambda: sorted(s for s, _ in e.mentions))


def _unheld_ents(parsed: Parsed, entities: Sequence[Entity], labels: tuple[str, ...]) -> list[tuple[int, str, None]]:
    """(start, text, None) of the parse's named entities with one of ``labels`` at no entity's mention, that name no
    text, no doctrine or emblem, no time zone and are no capitalised adjective or word, in text order (once per article and label set)."""

    def build() -> list[tuple[int, str, None]]:
        taken = {s for e in entities for s, _ in e.mentions}
        return [
            (seg.start + ent.start_char, ent.text, None)
            for seg in parsed.segments
            for ent in seg.doc.ents
            if ent.label_ in labels and seg.start + ent.start_char not in taken and not names_a_text(ent[-1].text)
            and not capitalised_adjective(seg.doc, ent.start, ent.end) and not names_a_doctrine([t.text for t in ent])
            and not lowered_word(parsed, seg.doc, ent.start, ent.end)
            and not time_zone(seg.doc, ent.start, ent.end)
            and not (ent.text in NUMBER_LABELS and seg.doc[ent.end : ent.end + 1].text == ".")  # "Vol. 1"
        ]

    return _read_off(parsed, ("unheld ents", labels), entities, build)


def _noun_first(
    parsed: Parsed, ent: Entity | None, got: tuple[int, str, str | None], before: int, skip: Sequence[tuple[int, int]], tag: str
) -> bool:
    """Whether a common noun of ``tag`` (plural ``NNS`` for "they", singular ``NN`` for "it") outside ``skip``, in the
    sentence of ``before`` or the one before (across a paragraph break), stands closer to the pronoun at ``before``
    than the name ``got`` (``_salience``): an argument of a verb between the name and the pronoun, at least as salient
    ("Trump praised United Technologies. Most economists hate it. They call it ...", "... for millions of families like
    Victorino's. ..., they say"), or any such argument (for "it", subject) when the name lies before those two sentences
    ("... Congress ... . If you listen to right-wing media ..., it's understandable. They were told that they won a
    huge mandate"; "... the White House was confident ... . Not only does the Obama plan not have ..., it doesn't"), or a more
    salient one before the name ("Protesters marched to the Chinese government's office. They said ..."); for "it",
    not a word of the name ("The court usually takes ... It has issued": the Supreme Court)."""
    start, exempt = got[0], frozenset(w.lower() for w in re.findall(r"\w+", got[1])) if tag == "NN" else frozenset()
    end = next((e for s, e in ent.mentions if s == start), start) if ent is not None else start + len(got[1])
    lo = previous_sentence(parsed, before, across=True)  # (a pronoun opening its paragraph: the one before's last)
    name, named_far = _salience(parsed, start), start < lo
    for s, t in tokens_in(parsed, lo, before):
        if any(a <= s < b for a, b in skip) or not (
            (t.tag_ == tag and not t.ent_type_ and t.lower_ not in exempt)
            or (tag == "NNS" and t.lower_ in _PLURAL_WORDS and t.dep_ in SUBJECTS and not _part_of_before(t))
        ):
            continue
        far = named_far and (tag == "NNS" or t.dep_ in SUBJECTS)  # (singular objects are everywhere: "takes less time")
        if (s >= end and t.dep_ in _ARGUMENTS and (far or _salience(parsed, s) >= name)) or (
            s < start and _salience(parsed, s) > name
        ):
            return True
    return False


_PLURAL_WORDS = frozenset({"those", "these", "some", "many", "most", "others", "several", "both", "few"})
"""Words that stand for people as a plural noun does, as a subject ("some on the US right charged ...", "Many of
those who met ...")."""


def _part_of_before(t: Token) -> bool:
    """Whether a quantifier counts off what was named before: "many of whom", "some of them"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("whom", "which", "them") for g in c.children)
        for c in t.children
    )


_IT = frozenset({"it"})


def _same_pronoun_before(
    parsed: Parsed, before: int, got: tuple[int, str, str | None] | None, words: frozenset[str],
    skip: Sequence[tuple[int, int]], depth: int,
) -> tuple[int, str, str, str | None] | None:
    """The "they" / "it" (``words``) subject of the sentence before (``_subject_before``), when the closest body
    ``got`` is not named after it, or only weakly (no main clause's subject) in an earlier sentence; else None (and
    None past ``CHAIN_DEPTH`` pronouns followed back)."""
    p = _subject_before(parsed, before, words, skip) if depth < CHAIN_DEPTH else None
    if p is not None and p[2].lower() in words and (
        got is None or got[0] < p[0] or (got[0] < sentence_start(parsed, before) and _salience(parsed, got[0]) < 3)
    ):
        return p
    return None


def _place_subject_between(parsed: Parsed, start: int, before: int, skip: Sequence[tuple[int, int]]) -> bool:
    """Whether a place (a country, a city: spaCy's GPE) is a subject after the name at ``start``, or a more salient one
    before it, in the sentence of ``before`` or the one before: what "it" then stands for ("The US is expelling 48 envoys ... at
    the UN in New York. It will also order ..."), which names no body."""
    name = _salience(parsed, start)
    return any(
        t.ent_type_ == "GPE" and t.dep_ in SUBJECTS and not any(a <= s < b for a, b in skip)
        and (s > start or _salience(parsed, s) > name)
        for s, t in tokens_in(parsed, previous_sentence(parsed, before, across=True), before)
    )


def tokens_in(parsed: Parsed, lo: int, hi: int) -> Iterator[tuple[int, Token]]:
    """(offset, token) of every parsed token starting at or after ``lo`` and before ``hi``, in text order."""
    segments = parsed.segments
    for k in range(max(0, parsed.segment_index(lo)), len(segments)):
        seg = segments[k]
        if seg.end <= lo:
            continue
        if seg.start >= hi:
            break
        for t in seg.doc:
            s = seg.start + t.idx
            if lo <= s < hi:
                yield s, t


INDEFINITE = frozenset({"a", "an", "any", "another", "each", "every", "no"})


def _indefinite_subject_between(parsed: Parsed, start: int, before: int, skip: Sequence[tuple[int, int]]) -> bool:
    """Whether the sentence of ``before`` holds, before it and after the name at ``start``, a subject that is a
    singular common noun with an indefinite determiner ("If a country truly wants peace, it should ...", "When a
    company misses a filing, it pays"): what "it" then stands for, and no entity."""
    for s, t in tokens_in(parsed, max(start + 1, sentence_start(parsed, before)), before):
        if (
            t.dep_ in SUBJECTS and t.tag_ == "NN" and not t.ent_type_ and not any(a <= s < b for a, b in skip)
            and any(k.dep_ == "det" and k.lower_ in INDEFINITE for k in t.children)
        ):
            return True
    return False


def _pronoun_first(parsed: Parsed, before: int, name: int, words: frozenset[str], skip: Sequence[tuple[int, int]]) -> tuple[int, str] | None:
    """(offset, word) of the first pronoun in ``words`` of the sentence of ``before``, before the name at ``name``
    (outside ``skip``), that is the subject of a verb whose phrase holds the name ("he called the Mueller “witch
    hunt”", "he doesn't think Mueller will find anything"; not "... when he says ... but that David Duke is a racist"),
    else None."""
    for s, t in tokens_in(parsed, sentence_start(parsed, before), name):
        if t.lower_ in words and t.dep_ in SUBJECTS and not any(a <= s < b for a, b in skip):
            at = s - t.idx  # (the segment's start)
            verb = t.head
            if at + verb.left_edge.idx <= name < at + verb.right_edge.idx + len(verb.right_edge.text):
                return s, t.text
    return None


CHAIN_DEPTH = 4
"""How many subject pronouns back a "he" / "she" follows its chain (``_subject_before``)."""


def _subject_before(
    parsed: Parsed, before: int, words: frozenset[str], skip: Sequence[tuple[int, int]]
) -> tuple[int, str, str, str | None] | None:
    """(offset, phrase, head, title) of the nearest main clause's subject (``_salience`` 3) that is a pronoun in
    ``words`` or a description headed by a person's title ("The Russian president", "A high ranking official"; its
    title), in the
    sentence of ``before`` (before it) or the one before (across a paragraph break), outside ``skip``; else None."""
    lo = previous_sentence(parsed, before, across=True)
    best: tuple[int, str, str, str | None] | None = None
    for s, t in tokens_in(parsed, lo, before):  # (an unparsed segment's tokens have no dependency: never a subject)
        if t.dep_ not in SUBJECTS or any(a <= s < b for a, b in skip) or (best and s <= best[0]):
            continue
        if t.lower_ in words and _salience(parsed, s) >= 3:
            best = (s, t.text, t.text, None)
        elif (
            t.pos_ == "NOUN" and t.ent_type_ == "" and lexicon().is_title_word(t.text)
            and any(k.dep_ == "det" and k.lower_ in ("the", "a", "an") for k in t.children) and _salience(parsed, s) >= 3
        ):
            start = s - t.idx + t.left_edge.idx  # (the holder is named before the whole description)
            best = (start, parsed.text[start : s + len(t.text)], t.text, t.lemma_.lower())
    return best


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ARGUMENTS = SUBJECTS | {"dobj", "pobj", "conj", "appos", "attr"}


def token_at(parsed: Parsed, offset: int) -> Tok | None:
    seg = parsed.segment_at(offset)
    if seg is None or not seg.doc.has_annotation("DEP"):
        return None
    view = seg.view
    k = bisect.bisect_right(view.idx, offset - seg.start) - 1
    return view[k] if k >= 0 else None


def _salience(parsed: Parsed, offset: int) -> int:
    """How likely the mention at ``offset`` is what a later pronoun stands for: 3 the subject of a main clause, 2 of
    another clause, 1 a subject's possessor ("Browder's testimony skewered ..."), 0 anything else, -1 another
    possessor ("... who has fueled Trump's firefight")."""
    t = token_at(parsed, offset)
    possessor = False
    name = True  # (only the name's own words walked so far)
    for _ in range(4):
        if t is None:
            return 0
        if t.dep_ in ("nsubj", "nsubjpass"):
            if possessor:
                return 1
            h = t.head
            return 3 if h.dep_ == "ROOT" or (h.dep_ == "conj" and h.head.dep_ == "ROOT") else 2
        if t.dep_ == "poss":
            possessor = True
        elif t.dep_ == "ROOT" and t.pos_ == "PROPN" and name and _opens_sentence(t):
            return 3  # a name opening the sentence, set off by an apposition the parse took for the root: its subject
        elif t.dep_ not in ("compound", "flat", "amod", "det", "appos", "nmod"):
            break
        name = name and t.dep_ in ("compound", "flat")
        if t.head.i == t.i:
            break
        t = t.head
    return -1 if possessor else 0


def _opens_sentence(t: Tok) -> bool:
    """Whether a name's word opens its sentence, with only its compound words before it and a comma after it."""
    toks = t.doc.tokens
    return (
        t.i + 1 < len(toks) and toks[t.i + 1].text == ","
        and all(w.dep_ == "compound" and w.head.i == t.i for w in toks[t.sent.start : t.i])
    )


def previous_block(parsed: Parsed, offset: int, past_asides: bool = True) -> Segment | None:
    """The parsed block (paragraph) before the one holding ``offset``, or None when that one is the first; a
    caption or media title between them is passed over (``ASIDE_KINDS``: the story goes on after it) unless
    ``past_asides`` is False."""
    k = parsed.segment_index(offset) - 1
    while past_asides and k >= 1 and parsed.segments[k].block.kind in ASIDE_KINDS:
        k -= 1
    return parsed.segments[k] if k >= 0 else None


def _previous_paragraph(parsed: Parsed, offset: int, past_asides: bool = True) -> int:
    """Start of the parsed block (paragraph) before the one holding ``offset`` (of that one when it is the first)."""
    prev = previous_block(parsed, offset, past_asides)
    if prev is not None:
        return prev.start
    return parsed.segments[0].start if parsed.segments and parsed.segments[0].start <= offset else offset


def sentence_start(parsed: Parsed, offset: int, back: int = 0) -> int:
    """Start of the sentence holding ``offset``, or of the ``back``-th sentence before it."""
    seg = parsed.segment_at(offset)
    if seg is None or not (seg.doc.has_annotation("DEP") or seg.doc.has_annotation("SENT_START")):
        return offset
    starts = [seg.start + s.start_char for s in seg.doc.sents]
    k = bisect.bisect_right(starts, offset) - 1
    return starts[max(0, k - back)] if k >= 0 else offset


def previous_sentence(parsed: Parsed, offset: int, across: bool) -> int:
    """Start of the sentence before the one holding ``offset``; with ``across``, the last sentence of the paragraph
    before when ``offset`` is in its paragraph's first sentence ("“...,” the speakers charged.\n\nThey said ...")."""
    lo = sentence_start(parsed, offset, back=1)
    if not across or lo != sentence_start(parsed, offset):
        return lo
    prev = previous_block(parsed, offset)
    return lo if prev is None else sentence_start(parsed, max(prev.start, prev.end - 1))


def document_subject_before(parsed: Parsed, offset: int, documents: frozenset[str]) -> tuple[int, int] | None:
    """The character span of "the report" when the sentence before the one opening at ``offset`` (in its paragraph
    or the one before) has a definite document noun for its subject, or one brought in by a passive: "The report also
    includes recommendations. It also suggests ..." ("it" was an organization named paragraphs before), "A written
    proposal ... was adopted at the meeting. It said ..." (KCNA); through up to two sentences whose subject is "it" in
    between ("The statement said ... It held that ... It said ..."); None otherwise."""
    for _ in range(3):
        lo = previous_sentence(parsed, offset, across=True)
        opening = token_at(parsed, lo) if lo < offset else None
        seg = parsed.segment_at(lo)
        if opening is None or seg is None:
            return None
        sent = opening.sent
        root = next((t for t in seg.view.tokens[sent.start : sent.end] if t.head.i == t.i), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subj is None or subj.lower_ != "it":
            break
        offset = lo  # "It held that ...": the "it" before stands for the same document, if any
    if seg is None or subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in documents:
        return None
    articles = ("the", "this", "that", "its", "a", "an") if subj.dep_ == "nsubjpass" else ("the", "this", "that", "its")
    if not any(c.dep_ in ("det", "poss") and c.lower_ in articles for c in subj.children):
        return None
    first = subj.left_edge
    return (seg.start + first.idx, seg.start + subj.idx + len(subj.text))
