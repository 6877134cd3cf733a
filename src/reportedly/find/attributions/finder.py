"""``find_attributions``: the accepted attributions as ``Attribution`` records, named, typed and resolved.

Each accepted attribution (``extract``) gets its kind (direct, indirect,
mixed, according_to, document, footage, image for a still picture, appearance
for "appears to be ..." with no one it appears to), its content without a half
pair of quote marks at an edge, and its source and addressee named and typed
(``resolve.describe``); pronouns and descriptions resolve to an earlier entity
of a fitting kind (``antecedents``), else a definite description ("the
official") is named after an earlier indefinite mention ("a senior White House
official"), else it stays as written.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from ...model import Attribution, Entity, Span, strip_space
from ...nlp import DocView, Parsed, Tok
from ...settings import Settings
from .. import Found
from ..entities import mentions_near
from ..entities.lexicon import lexicon
from .antecedents import (
    antecedent,
    company_staff,
    document_subject_before,
    named_after,
    sentence_start,
    speakers_words,
    token_at,
)
from .body_refs import BODY_DESCRIPTION
from .extract import Accepted, extract
from .heads import (
    ANONYMOUS_ASIDE,
    DOCUMENT_HEADS,
    MEMBERS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    RELATIVE_TAIL,
)
from .offices import PARTISAN, later_holder
from .outlet_refs import outlet_closing, outlet_reference
from .owners import PARTITIVE
from .quotes import MARKS, QuoteIndex, quote_index
from .relatives import relative_antecedent
from .resolve import DESCRIPTION_OPENERS, Described, describe
from .spans import Candidate, TokRange, closed_parens, fitted_source
from .speakers import about_people, in_quote, named_since, previous_speaker, speakers_together
from .transcripts import label_speaker, labels
from .vetoes import appearance, asked_who, lets_say, turn_of_phrase

PRODUCED_BY = "attribution.rules/1"
"""The label of an attribution the rules found (in the accurate profile: kept and sharpened by the tagger)."""
PRODUCED_BY_PATTERN = {"fallback": "attribution.noparse/1", "tagger": "attribution.tagger/1"}
"""Other labels by candidate pattern: the quote-adjacent fallback of a segment without a parse, and an
attribution the learned tagger added where the rules found none (``linking.add_tagged``)."""


def find_attributions(parsed: Parsed, found: Found, settings: Settings) -> tuple[Attribution, ...]:
    """All attributions of a parsed article, in text order (ids A1, A2, ...)."""
    # --- profile hook (tagger.py): "accurate" links the rules' attributions with the learned tagger ---
    if settings.profile == "accurate":
        from .linking import accepted

        items = accepted(parsed, settings)
    else:
        items = extract(parsed, settings=settings)
    # --- end of the profile hook ---
    return tuple(_records(parsed, found, items, settings))


def _records(parsed: Parsed, found: Found, items: list[Accepted], settings: Settings) -> list[Attribution]:
    text = parsed.text
    entities = found.entities
    quotes = quote_index(parsed.read_text)
    out: list[Attribution] = []
    turns = labels(text, entities)  # an interview transcript's speaker labels, read once per article
    items = [
        f for f in items if not lets_say(text, f.source) and not turn_of_phrase(text, f.source, f.cue) and not asked_who(text, f.source)
    ]
    if parsed.masked:
        items = [g for g in (_outside(text, f, parsed.masked) for f in items) if g.cue]
    items = _before_next_reports(text, items)
    registry = tuple(settings.registry)
    items = [
        f if (own := _whole_name(text, entities, outlet_closing(text, fitted_source(text, f.source, f.content), registry)))
        == f.source else dataclasses.replace(f, source=own)
        for f in items
    ]
    said: list[Span] = []  # the quoted words of the contents so far, sorted
    named: dict[tuple[Span, ...], Attribution] = {}  # the first attribution of each source span
    for n, f in enumerate(items, 1):
        c = f.cand
        kind = _kind(f, text, quotes)
        content = _past_kicker(c, _tidy_marks(sorted(f.content), quotes), text)
        src_head = _source_head(c, f.source)
        if f.source and src_head is not None and _a_time(c, f.source, src_head, entities):
            # "voters struggling in the wake of the worst recession since the 1930s wanted": a time is no one
            f, src_head = dataclasses.replace(f, source=()), None
        name = stype = ent = None
        own_quoted = _quoted_parts(quotes, content)  # this content's quoted words
        twin = named.get(tuple(f.source)) if f.source else None
        if twin is not None and twin.source_entity in named_after(entities, f.source[0][0], content, own_quoted):
            twin = None  # not whom this content names ("he" both "echoed ..." and "said Clinton's behavior ...")
        if twin is not None:
            # "..., he stressed, and went on:": one "he" for both cues, named once (the first content's names are no
            # antecedents of it, and the second's cue sees them)
            name, stype, ent = twin.source_name, twin.source_type, twin.source_entity
        elif f.source:
            span = (f.source[0][0], f.source[-1][1])
            rel_ante = relative_antecedent(c, src_head)
            if rel_ante is not None:
                # "a message that read ...": PolNeAR's source span is "that"; the name is the antecedent
                span, src_head = (c.seg.start + rel_ante[0].idx, c.seg.start + rel_ante[1].idx + len(rel_ante[1].text)), rel_ante[2]
                if (members := list(MEMBERS.finditer(text, span[0], span[1]))) and (last := text[members[-1].end() : span[1]]).strip():
                    # "figures in his own party, including Condoleezza Rice (who asked ...)": the last one named
                    span, src_head = (span[1] - len(last.lstrip()), span[1]), None
            expletive = _expletive(text, span, f.cue) or _extraposed(src_head, c.head)
            needs = _needs_antecedent(text, span, src_head) and not expletive
            # no antecedent in what is quoted: this content's words, nor another speaker's before ("“... beat Donald
            # Trump ...,” he said. ... “The question is ...,” he said": not Trump)
            back = said[bisect.bisect_left(said, (span[0] - QUOTED_BACK,)) : bisect.bisect_left(said, (span[0],))]
            quoted = [*own_quoted, *back]
            if src_head is not None and src_head.text.lower() in ("he", "she"):
                quoted += speakers_words(parsed, entities, out, span, src_head.text.lower())
                # and the speaker's own words opening in the first person before the pronoun: "I express deep condolences
                # over the sudden demise of Kim Jong Il, ..., he said" (KCNA's unquoted speech) is not Kim Jong Il
                quoted += [(a, b) for a, b in content if b <= span[0] and _FIRST_PERSON.match(text, a, b)]
            ante = _antecedent(parsed, entities, span, src_head, settings, quoted, content) if needs else None
            earlier = _earlier_mention(parsed, span) if ante is None and needs else None
            if ante is None and earlier is None and needs:
                ante = _later_holder(parsed, entities, span, src_head)
            # a pronoun may take the speaker just before it (``speakers.previous_speaker``): "it"/"they" when that
            # speaker is no entity or none was found, "he"/"she" unless another person was named since
            about = bool(out) and src_head is not None and about_people(parsed, out[-1], src_head)
            previous = previous_speaker(parsed, out, span, src_head, entities, about) if earlier is None else None
            if ante is not None and about and ante[1] == out[-1].source_entity:
                ante = None  # (nor is the reporting body's entity: "The Daily Ledger reported that voters ... They")
            together = speakers_together(parsed, out, span, src_head) if earlier is None else None
            personal = src_head is not None and src_head.text.lower() in ("he", "she")
            # the speaker before, when "it" resolved to its entity, keeps its type ("The Bangladeshi paper Natun Bangla
            # said ... It continued": an outlet, though the entity is an organisation)
            same = previous if previous is not None and ante is not None and ante[1] == previous.source_entity else None
            if previous is not None and not personal and previous.source_entity is not None and ante is not None and ante[1] is not None:
                previous = None  # "it": an entity speaker is the closest-subject rule's
            if previous is not None and personal and (
                named_since(entities, ante, previous, span, content)
                or previous.source_entity in named_after(entities, span[0], content, quoted)  # "he said Clinton's ..."
            ):
                previous = None  # "Mr. Obama vows ... . Mr. Romney ... about which he said": a person named since
            company = company_staff(parsed, entities, span[0], text[span[0] : span[1]])
            # "The report also includes ... . It also suggests ...": "it" opening a sentence after one whose subject is
            # a definite document, unless a speaker came after that subject
            report = (
                document_subject_before(parsed, span[0], DOCUMENT_HEADS)
                if text[span[0] : span[1]] in ("It", "it") and sentence_start(parsed, span[0]) == span[0] and not expletive
                else None
            )
            if report is not None and (
                (previous is not None and previous.cue and previous.cue[0][0] > report[0])
                or outlet_reference(text[report[0] : report[1]].lower())  # "The paper ... It said": the outlet's
            ):
                report = None
            labelled = label_speaker(text, turns, span)
            if labelled is not None:
                d = Described(labelled[0], "person", labelled[1])  # "LOPEZ: I have argued ...": the transcript's speaker
            elif expletive:
                d = Described(text[span[0] : span[1]].strip(), "unknown", None)  # "It is estimated": nobody named
            elif company is not None:
                # "The company's researchers tweeted" after "Dyn ...": the company speaks
                d = Described(company[0], "organization", company[1])
            elif together is not None:
                # "Martin Lotscher, chairman of ..., and other speakers said ... They praised": all of them
                d = together
            elif report is not None:
                d = Described(text[report[0] : report[1]], "document", None)
            elif previous is not None:
                # "“...,” North Korean state media said. “...,” it added.": the speaker before, named by no entity
                d = Described(previous.source_name, previous.source_type, previous.source_entity)
            elif earlier is not None:
                # "the spokesman" after "a foreign ministry spokesman": that phrase names and types it
                d = describe(text, earlier, None, entities, settings)
            else:
                d = describe(text, span, src_head, entities, settings, ante)
            name, stype, ent = d.name, d.type, d.entity
            if stype == "person" and name and (more := _PRONOUN_AND.fullmatch(text, *span) or _person_and(text, span)):
                # "as he and other officials vowed ...": the person and the others, several people (the phrase as
                # written when the name found is one of the others: "she and MSNBC anchor Brian Williams")
                rest = " ".join(more.group("rest").split())
                mine = name.split()[-1] not in rest.split()
                name, stype, ent = f"{name} and {rest}" if mine else " ".join(text[span[0] : span[1]].split()), "group", None
            elif stype == "group" and (more := _PERSON_AND.fullmatch(text, *span)) and (lead := _person_named(entities, more.group("lead"))):
                # "Trump and other Republicans" (spaCy reads "Trump" as an adjective of "Republicans"): the person too
                name = f"{lead} and {' '.join(more.group('rest').split())}"
            if ent is None and stype in ("government", "group", "person", "organization") and ANONYMOUS_ASIDE.match(text, span[1], f.cue[0][0]):
                stype = "anonymous"  # "Three U.S. intelligence officials, speaking on the condition of anonymity, said"
            if same is not None and ent == same.source_entity and stype != same.source_type and not personal:
                stype = same.source_type
        addr_name = addr_ent = None
        if f.addressee:
            a_span = f.addressee[0]
            a_head = _head_token(c.seg.view, c.addressee) if c.addressee else None
            ad = describe(text, a_span, a_head, entities, settings)
            addr_name, addr_ent = ad.name, ad.entity
        if kind in ("footage", "image") and stype not in ("state_media", "news_agency", "public_broadcaster", "outlet"):
            stype = stype or "footage"
        conf = round(min(1.0, max(0.05, f.score)), 3)
        for q in own_quoted:
            bisect.insort(said, q)
        out.append(
            attribution := Attribution(
                id=f"A{n}",
                source=closed_parens(text, f.source),
                cue=f.cue,
                content=closed_parens(text, content),
                kind=kind,
                source_name=name,
                source_type=stype,
                source_entity=ent,
                addressee=f.addressee,
                addressee_name=addr_name,
                addressee_entity=addr_ent,
                confidence=conf,
                produced_by=PRODUCED_BY_PATTERN.get(c.pattern, PRODUCED_BY),
            )
        )
        if f.source:
            named.setdefault(tuple(f.source), attribution)
    return out


_PRONOUN_AND = re.compile(r"(?:[Hh]e|[Ss]he)\s+and\s+(?P<rest>\S.*)", re.S)
"""A person's pronoun joined with others ("he and other officials", "she and her husband")."""
_PERSON_AND = re.compile(
    r"(?P<lead>\S.*?)\s+and\s+(?P<rest>(?:his|her|their|other|several|some|many|an?|one|two|three|four)\s+\S.*)", re.S
)
"""A person joined with people of theirs or others ("the president and his advisers", "Trump and other Republicans",
"Bordeleau and an official for the Royal Canadian Mounted Police")."""


def _whole_name(text: str, entities: Sequence[Entity], source: tuple[Span, ...]) -> tuple[Span, ...]:
    """A source that starts inside a person's mention after its quoted nickname starts where the mention does (the parse
    hung "Sean “Diddy”" apart from "Combs and former basketball star Magic Johnson")."""
    if not source:
        return source
    s = source[0][0]
    starts = [
        ms for e, ms, me in mentions_near(entities, s, s + 1)
        if e.kind == "person" and ms < s < me and any(q in text[ms:s] for q in "”\"")
    ]
    return ((min(starts), source[0][1]), *source[1:]) if starts else source


def _person_and(text: str, span: Span) -> re.Match[str] | None:
    """``_PERSON_AND`` over the phrase, when what comes before "and" is a name with at most an article and titles
    before it ("the president", "House Speaker John Boehner"; not "Rep. John Culberson, a Texas Republican who said
    his brother ...", "Holmes‘ professors")."""
    more = _PERSON_AND.fullmatch(text, *span)
    if more is None:
        return None
    titles = lexicon()
    words = more.group("lead").split()
    return more if all(w[:1].isupper() or w in ("the", "a", "an") or titles.is_title_word(w) for w in words) and "," not in more.group("lead") else None


def _person_named(entities: Sequence[Entity], words: str) -> str | None:
    """The name of the one person of the article whose name or surname ``words`` is, else None."""
    words = " ".join(words.split())
    found = {e.name for e in entities if e.kind == "person" and e.name and (e.name == words or e.name.split()[-1] == words)}
    return found.pop() if len(found) == 1 else None


def _before_next_reports(text: str, items: list[Accepted]) -> list[Accepted]:
    """Contents cut at a semicolon after which another report with its own source begins ("Forty-two percent
    say that the law will make it worse; 22 percent say it will make it better"): the second is no part of the
    first (nor relayed by it).  Not when another report stands between the cue and the semicolon: that one's
    speaker holds both ("Gallup reported: ... ; ...").  Binary searches over the sources and cues, so the cost
    stays about linear in the attributions."""
    sources = sorted((g.source[0][0], k) for k, g in enumerate(items) if g.source and g.cue)
    source_starts = [a for a, _ in sources]
    cue_starts = sorted(g.cue[0][0] for g in items if g.cue)
    out: list[Accepted] = []
    for f in items:
        if not f.content or not f.cue or ";" not in text[f.content[0][0] : f.content[-1][1]]:
            out.append(f)
            continue
        start, end = f.content[0][0], f.content[-1][1]
        cut = end
        lo, hi = bisect.bisect_right(source_starts, start), bisect.bisect_left(source_starts, end)
        for gs, k in sources[lo:hi]:
            g = items[k]
            if g is f or not (f.cue[-1][1] <= start < gs < g.cue[0][0] < end):
                continue
            semi = text.rfind(";", start, gs)
            if semi < 0 or text[semi + 1 : gs].strip():
                continue
            between = bisect.bisect_left(cue_starts, semi) - bisect.bisect_left(cue_starts, f.cue[-1][1])
            if not between:
                cut = min(cut, semi)
        content = [t for t in (strip_space(text, a, min(b, cut)) for a, b in f.content if a < cut) if t[0] < t[1]]
        out.append(dataclasses.replace(f, content=content) if cut < end and content else f)
    return out


def _outside(text: str, f: Accepted, masked: Sequence[Span]) -> Accepted:
    """The attribution's spans without the page furniture the parse read as spaces (``Segment.masked``): the
    rules never take it, but a span running over it ("Paul Ryan [a name card] (R-Wis.)") is cut in two."""

    def cut(spans: Sequence[Span]) -> list[Span]:
        out: list[Span] = []
        for s, e in spans:
            for ms, me in masked:
                if ms < e and s < me:
                    if s < ms:
                        out.append((s, ms))
                    s = max(s, me)
            if s < e:
                out.append((s, e))
        return [t for t in (strip_space(text, s, e) for s, e in out) if t[0] < t[1]]

    return dataclasses.replace(f, source=tuple(cut(f.source)), cue=tuple(cut(f.cue)), content=cut(f.content))


_FOOTAGE = re.compile(r"\b(footage|video|broadcast|aired|images?|photos?|pictures?|televised|screened)\b", re.I)
_STILL = re.compile(r"\b(images?|photos?|photographs?|pictures?|stills?|snapshots?)\b", re.I)
_MOVING = re.compile(r"\b(footage|video|broadcast|aired|televised|screened|clip|film)\b", re.I)
_DOCUMENT = re.compile(r"\b(read|reads|contained|contains|stated|states|wrote|writes)\b", re.I)


def _kind(f: Accepted, text: str, quotes: QuoteIndex) -> str:
    c = f.cand
    if appearance(c):
        return "appearance"
    if c.pattern == "according_to":
        return "according_to"
    if c.pattern == "document":
        return "document"
    cue_txt = " ".join(text[a:b] for a, b in f.cue)
    src_txt = " ".join(text[a:b] for a, b in f.source)
    if _FOOTAGE.search(cue_txt) or _FOOTAGE.search(src_txt):
        # a still picture ("in this image released by KCNA", "the photo shows") is not footage
        moving = _MOVING.search(cue_txt) or _MOVING.search(src_txt)
        return "image" if not moving and (_STILL.search(cue_txt) or _STILL.search(src_txt)) else "footage"
    # quoted characters by the article's quote regions (a quote may open paragraphs before the content
    # and its marks may fall outside the content's edges), words only
    quoted = total = 0
    for a, b in f.content:
        for m in _WORD.finditer(text, a, b):
            n = m.end() - m.start()
            total += n
            quoted += n if quotes.inside(m.start(), m.end()) else 0
    if total and quoted >= 0.9 * total:
        return "direct"
    if quoted > 0:
        return "mixed"
    if c.head.lemma_.lower() in ("read", "contain", "state") and c.source and _DOCUMENT.search(cue_txt):
        # "the notebook contained a message that read ...", "the letter stated that ...": a document
        # speaks; "the chief of staff stated that ..." is a person
        head = _head_token(c.seg.view, c.source[0])
        ante = relative_antecedent(c, head)
        if (ante[2] if ante else head).lemma_.lower() in DOCUMENT_HEADS:
            return "document"
    return "indirect"


_WORD = re.compile(r"\w+")


_KICKER = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,4}:[ \t]+(?=[A-Z“\"‘'(\d])")
"""A label opening a paragraph: Axios's "The big picture:", "Driving the news:", a transcript's "CRUZ:"."""


def _past_kicker(c: Candidate, content: tuple[Span, ...], text: str) -> tuple[Span, ...]:
    """The content without the label that opens its paragraph ("The big picture: A majority of Americans (73%) say
    ...": the outlet's section label, or a speaker's name, is no part of what is said).  A label holding a finite
    verb ("Trump said: ...") is kept: it is an attribution of its own."""
    if not content:
        return content
    s, e = content[0]
    if s > 0 and text[s - 1] != "\n":
        return content
    m = _KICKER.match(text, s)
    if m is None or m.end() >= e or m.end() - s > 40:
        return content
    if any(s <= c.seg.start + t.idx < m.end() and t.tag_ in _FINITE for t in c.seg.view.tokens):
        return content
    return ((m.end(), e), *content[1:])


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _tidy_marks(content: list[Span], quotes: QuoteIndex) -> tuple[Span, ...]:
    """The content without a quote mark at its edge whose partner lies outside it.

    ``“We will win this contract.”`` keeps both marks when the content takes both; a content that
    stops before the closing mark (``“We will win this contract``) loses the opening one, so no
    finding carries half a pair.  Inner marks ("... a “victory narrative” ...") are untouched.
    """
    if not content:
        return ()
    text = quotes.text
    out = list(content)
    s, e0 = out[0]
    end = out[-1][1]
    if text[s] in MARKS:
        r = quotes.region_at(s)
        if r is not None and r.start == s and r.end > end:
            s += 1
            while s < e0 and text[s].isspace():
                s += 1
            if s < e0:
                out[0] = (s, e0)
    s1, e = out[-1]
    if text[e - 1] in MARKS:
        r = quotes.region_at(e - 1)
        if r is not None and r.end == e and r.start < out[0][0]:
            e -= 1
            while e > s1 and text[e - 1].isspace():
                e -= 1
            if e > s1:
                out[-1] = (s1, e)
    return tuple(out)


def _source_head(c: Candidate, source: Sequence[Span]) -> Tok | None:
    """The head token of the source as accepted: the rules' source phrase, or the tokens of the tagger's span
    where it took another ("the Gaziantep governor's office" of "A brief statement from the Gaziantep
    governor's office": the office, not the statement, is the source's head)."""
    if not c.source:
        return None
    view = c.seg.view
    if source:
        s, e = source[0][0] - c.seg.start, source[-1][1] - c.seg.start
        i, j = c.source[0]
        if not (view[i].idx == s and view[j - 1].idx + len(view[j - 1].text) == e):
            a, b = bisect.bisect_left(view.idx, s), bisect.bisect_left(view.idx, e)
            head = _head_token(view, (a, b)) if a < b else None
            if head is not None and head.pos_ in ("NOUN", "PROPN", "PRON"):
                return head  # (a cut clause, "Independents who watched ... counted", keeps the rules' head)
    return _head_token(view, c.source[0])


_FIRST_PERSON = re.compile(r"[“\"‘']?(?:I|We)\s")
"""Words opening in the first person ("I express ...", "We will ...")."""


def _a_time(c: Candidate, source: Sequence[Span], head: Tok, entities: Sequence[Entity]) -> bool:
    """Whether a source is only a time, every word of it in a date or time of spaCy's, its head no name and no entity's
    mention in it ("the 1930s"; not "the 29-year-old", "Decades of studies", "Rodong Sinmun Wednesday", "May" for
    Theresa May)."""
    if head.ent_type_ not in ("DATE", "TIME") or head.pos_ == "PROPN" or head.text.endswith("old"):
        return False
    s, e = source[0][0], source[-1][1]
    if any(ms < e and s < me for _, ms, me in mentions_near(entities, s, e)):
        return False
    view, base = c.seg.view, c.seg.start
    a, b = bisect.bisect_left(view.idx, source[0][0] - base), bisect.bisect_left(view.idx, source[-1][1] - base)
    return a < b and all(view[k].ent_type_ in ("DATE", "TIME") for k in range(a, b))


def _head_token(doc: DocView, r: TokRange) -> Tok:
    """The token of ``r`` whose head lies outside it; the noun before a participle the parse made the phrase's verb
    ("Officials accompanying him" with "accompanying" its root and "Officials" its subject: the officials)."""
    i, j = r
    for t in doc[i:j]:
        if t.head.i < i or t.head.i >= j or t.head.i == t.i:
            if t.tag_ in ("VBG", "VBN") and (
                subj := next((c for c in t.children if c.dep_ == "nsubj" and i <= c.i < t.i and c.pos_ in ("NOUN", "PROPN")), None)
            ):
                return subj
            return t
    return doc[i]


_IMPERSONAL = re.compile(
    r"(?:is|was|['’]?s|has been|had been|will be|would be)\s+(?:widely\s+|generally\s+|now\s+|very\s+|so\s+)?"
    r"(?:\w+ed|(?:hard|difficult|easy|impossible|tough)\s+to\s+\w+(?:\s+(?:how|why|whether|what|if))?)$",
    re.I,
)


def _expletive(text: str, span: Span, cue: Sequence[Span]) -> bool:
    """ "It is estimated that ...", "It’s believed that ...", "It is hard to envision ...": the "it" stands for
    nothing (no antecedent)."""
    return text[span[0] : span[1]].strip().lower() == "it" and bool(cue) and bool(
        _IMPERSONAL.fullmatch(" ".join(text[a:b] for a, b in cue).strip())
    )


_EXTRAPOSING = frozenset({"be", "seem", "appear", "remain", "become", "make"})
"""Verbs whose "it" subject may stand for a clause after their predicate ("It is needless to say ...", "it makes
sense to ..."); not ``candidates.RAISING``, the appearance verbs whose own subject is raised ("It appears that")."""
_CONTROL = frozenset(
    "ready willing prepared determined eager able unable reluctant keen happy glad anxious afraid careful proud sorry "
    "quick slow free set due about likely unlikely certain sure bound going supposed poised intent resolute firm".split()
)
"""Adjectives whose subject is the infinitive's own ("It is ready to declare ...": "it" is someone)."""


def _extraposed(source: Tok | None, cue: Tok) -> bool:
    """ "It is needless to say that ...", "It's important to point out ...", "it makes sense to investigate ...": an
    "it" subject of a copula (or "make sense") with a predicate, the cue in the clause after it that the "it" stands
    in for; no one is named (an adjective of ``_CONTROL`` takes a subject that is someone)."""
    if source is None or source.lower_ != "it" or source.dep_ != "nsubj" or source.head.lemma_ not in _EXTRAPOSING:
        return False
    verb = source.head
    preds = [k for k in verb.children if k.dep_ in ("acomp", "attr", "oprd") or (k.dep_ == "dobj" and k.lower_ == "sense")]
    if not preds or any(p.lower_ in _CONTROL for p in preds) or (verb.lemma_ == "make" and preds[0].lower_ != "sense"):
        return False
    t, clause = cue, False
    for _ in range(8):  # up from the cue to the verb, through a clause
        if t.i == verb.i:
            return clause
        clause = clause or t.dep_ in ("xcomp", "ccomp", "csubj", "advcl")
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _needs_antecedent(text: str, span: Span, head: Tok | None) -> bool:
    written = " ".join(text[span[0] : span[1]].split())
    phrase = RELATIVE_TAIL.split(written.lower(), maxsplit=1)[0]
    if head is not None and head.pos_ == "PRON":
        # not "Some of the president's fellow Republicans" (its "president" no antecedent of the phrase); "Most of them"
        return not ((part := PARTITIVE.match(phrase)) is not None and not _OF_PRONOUN.match(phrase, part.end() - 1))
    if outlet_reference(phrase) or BODY_DESCRIPTION.fullmatch(written) or PARTISAN.fullmatch(written):
        return True  # ("the Kentucky Republican": ``offices.PARTISAN``)
    return phrase.startswith(DESCRIPTION_OPENERS) and bool(PERSON_TITLES.search(phrase)) and len(phrase.split()) <= 6


_OF_PRONOUN = re.compile(r"(?:them|us|you|those|these|whom)\b")


def _antecedent(
    parsed: Parsed, entities: tuple[Entity, ...], span: Span, head: Tok | None, settings: Settings,
    quoted: Sequence[Span] = (), content: Sequence[Span] = (),
) -> tuple[str, str | None] | None:
    """What a pronoun or description source stands for (``antecedents.antecedent``; never a mention in
    ``quoted``, the quoted words of contents; ``content`` the attribution's own), or None."""
    phrase = RELATIVE_TAIL.split(parsed.text[span[0] : span[1]], maxsplit=1)[0]
    title = PERSON_TITLES.search(phrase)
    head_word = head.text if head is not None else (phrase.split() or [""])[-1]
    if head is not None and head.pos_ == "PRON" and in_quote(parsed.text, span[0]):
        return None  # "I" inside a quote is the quoted speaker, whom the outer attribution names
    return antecedent(
        parsed, entities, span[0], phrase, head_word, title.group(0) if title and head_word.lower() not in PERSON_PRONOUNS else None,
        tuple(settings.registry), quoted, content=content,
    )


QUOTED_BACK = 3000
"""How far back (characters) the quoted words of earlier contents are kept from being a pronoun's antecedent."""


def _quoted_parts(quotes: QuoteIndex, content: Sequence[Span]) -> list[Span]:
    """The quote regions inside a content: "“... against the DPRK ...,” it added" names no antecedent of "it"
    (the speaker's own words about others), while "Trump will meet Kim, he said" may (Trump)."""
    return [(r.start, r.end) for s, e in content for r in quotes.overlapping(s, e)]


# How far back (characters) "the spokesman" looks for "a foreign ministry spokesman".
EARLIER_WINDOW = 1500
_DEFINITE = re.compile(r"^the\s+(?:\w+\s+)?(?P<head>[a-z]+)$", re.IGNORECASE)


def _earlier_mention(parsed: Parsed, span: Span) -> Span | None:
    """The span of an earlier indefinite phrase with the same head noun as a definite description
    ("a senior White House official" for "the official"; "a spokesman for North Korea's Foreign Ministry" for
    "the spokesman", its prepositional phrase read off the parse), within ``EARLIER_WINDOW`` characters."""
    text = parsed.text
    m = _DEFINITE.match(" ".join(text[span[0] : span[1]].split()))
    if m is None or not PERSON_TITLES.fullmatch(m.group("head")):
        return None
    head = m.group("head")
    lo = max(0, span[0] - EARLIER_WINDOW)
    rx = re.compile(rf"\b(?:an?|one)[ \t]+((?:[\w.’'-]+[ \t]+){{0,4}}?{re.escape(head)})\b", re.IGNORECASE)
    # within one sentence: "... by a judge.\n\nThe governor" is no "a ... governor"
    hits = [h for h in rx.finditer(text, lo, span[0]) if not re.search(r"[a-z]\.[ \t]", h.group(0))]
    if not hits:
        return None
    h = hits[-1]
    end = h.end(1)
    tok = token_at(parsed, end - 1)
    seg = parsed.segment_at(end - 1)
    if tok is not None and seg is not None and tok.lower_ == head.lower():
        for c in tok.children:
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("for", "of", "at", "with"):
                last = c.right_edge
                end = max(end, seg.start + last.idx + len(last.text))
    if end == h.end(1) and h.group(1).lower() == head.lower():
        return None  # "an aide" says no more than "the aide"
    return (h.start(1), end)


def _later_holder(parsed: Parsed, entities: tuple[Entity, ...], span: Span, head: Tok | None) -> tuple[str, str | None] | None:
    """The one person the article names after a description of an office, holding it (``offices.later_holder``)."""
    phrase = parsed.text[span[0] : span[1]]
    title = PERSON_TITLES.search(phrase)
    if title is None or (head is not None and head.pos_ == "PRON"):
        return None
    return later_holder(entities, span[1], phrase, title.group(0))
