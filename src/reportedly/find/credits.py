"""Photo, video, wire and contribution credits, read from the article's typed blocks.

``find_credits`` (registered as ``credits.rules/1``) reads the blocks that
``anatomy`` typed and the text they cover; it needs no parse, so it also runs
on a ``Parsed`` with no segments.  It finds

- picture credits in ``credit`` blocks and at the end of captions:
  "(Credit: Reuters)", "(Reuters)", "Getty Images", "(AP Photo/Evan Vucci)",
  "Photo: Damian Dovarganes, AP", "Sanjeev Verma/Hindustan Times/Getty
  Images" -> one ``photo`` credit per name (``video`` when labelled so:
  "(Video: KCTV)");
- datelines and wire tags: "SEOUL (Reuters) -", "WASHINGTON (AP) —",
  "(CNN) —" -> ``wire``;
- syndication in bylines: "By AP", "Associated Press", "CNN Wire",
  "Tom Krisher, AP Auto Writer" -> ``wire``; an agency named alone on a
  line after the text ("PTI") -> ``wire``; "this Reuters article",
  "originally published by X" -> ``wire``;
- contribution lines: "The Associated Press contributed to this report",
  "Information from The Associated Press and Reuters was used in this
  report", "(Reporting by X; Editing by Y)" -> ``contribution``, one per
  organisation or person named.

A name is the registry's canonical name when the outlet registry knows it
("AP" -> "Associated Press"), else as written; its span is the name as
written.  Limits: credits are only read where anatomy (or ingest) put them,
and in the first body paragraphs and short body paragraphs for datelines and
contribution lines; a credit naming something that is neither a person nor a
known outlet ("[CNET]" beside a quoted review) is left out; the agency behind
an unlabelled "(Reporting by ...; Editing by ...)" line (Reuters house style)
is not inferred.
"""

from __future__ import annotations

import re

from ..anatomy.bylines import read_byline
from ..anatomy.credits import CREDIT_LOWER, picture_label, split_credit
from ..anatomy.lines import paragraphs
from ..anatomy.names import AGENCY_NAMES, outlet_named, person_like
from ..anatomy.patterns import CONTRIBUTION, DATELINE
from ..model import Block, Credit
from ..nlp import Parsed
from ..registry import Registry, load_registry
from ..registry.countries import US_STATES, country_of
from ..settings import Settings
from . import Found
from .entities.lexicon import lexicon
from .entities.name_words import PARTY_TAG

PRODUCED_BY = "credits.rules/1"

# Labels before the names of a picture credit: "Photo:", "(Photo by", "Credit...", "© ", "Image copyright".
_LABEL = re.compile(
    r"^(?:(?:(?:[A-Z][\w.&]*\s)?(?:Photo illustration|Photos?|Photograph(?:y|s)?|Pictures?|Images?|"
    r"Videos?|Footage|Graphics?|Illustrations?|Maps?|Stills?|Screenshots?|Screengrabs?|File photo|File)"
    r"(?:\s+(?:credit|courtesy|source|copyright))?|Credits?|Courtesy(?:\s+of)?|Source|Copyright|Image copyright)"
    r"\s*(?:by\b|of\b|:|\.{2,}|…)?\s*|©\s*|\(c\)\s*|(?<=:\s)[Bb]y\s+|(?<=:)[Bb]y\s+|Previous\s+Next\s+)+",
    re.I,
)
_VIDEO_LABEL = re.compile(r"^\W*(?:[A-Z][\w.&]*\s)?(?:Video|Footage)\b", re.I)
_SPLIT = re.compile(r"\s*(?:/|,|;|\||\s-\s|\s–\s|\bvia\b|\band\b|&|\bfor\b)\s*")
# Words of a credit that are not names: "File", "Pool", "Handout", "AP Photo" -> "AP".
_NOT_NAMES = frozenset(
    """file pool handout staff photo photos photograph photographer image images picture pictures
    screenshot screengrab still courtesy illustration graphic here source contributor contributors
    archive archives provided supplied""".split()
) | {"all rights reserved"}
_FROM_PLACE = re.compile(r"\bfrom\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*$")
_HEADLINE_START = re.compile(r"(?:The|A|An|It['’]s|This|That|How|Why|What|Who)|\S+['’]s")
"""A credit piece that opens the headline glued after it ("| AP Photos The immigration bill goes local")."""
_SHOUTED_FUNCTION_WORDS = frozenset("FOR OF THE AND IN ON TO WITH AT FROM IS ARE".split())
_RESERVED = re.compile(r"[.,]?\s*All rights reserved$", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])")
_CONTRIBUTING = re.compile(r"^Contributing\s*:\s*(?P<names>.{2,300})$", re.S)
_GRAPHIC_LABEL = re.compile(r"^(?:GRAPHICS?|MAPS?|PICTURES|PHOTOS|VIDEO|Graphics?|Maps?)\s*:", re.I)
"""A label that may open the title of a graphic or a gallery rather than a credit."""


def _names_only(rest: str) -> bool:
    """Whether the words after a label read as names (capitalised, or particles), not as a title."""
    words = [w for w in re.split(r"[\s/,;]+", rest.strip(" .()")) if w]
    lower = [w for w in words if w[:1].isalpha() and not w[:1].isupper() and w.lower() not in CREDIT_LOWER
             and w.lower() not in _NOT_NAMES and not re.match(r"[dl]['’]", w)]
    shouted = rest.isupper() and any(w in _SHOUTED_FUNCTION_WORDS for w in words)  # "PREPARATIONS FOR HURRICANE ..."
    return bool(words) and len(lower) < 2 and not shouted


_HAT_TIP = re.compile(r"^(?:H/T|h/t|HT|Hat tip)\s*:?\s+(?P<rest>\S.*)$")
_NO_PARTY = frozenset("inc llc ltd co corp plc gmbh ag sa et pt est edt pst pdt ct cst cdt mt gmt utc bst".split())
"""Pieces of a credit split off a name that name no party: company suffixes and time zones."""
_TRAILING_WORDS = re.compile(r"\s+(?:Photos?|Images?|Pictures?|File|Pool|Handout|Staff)$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# Contribution and syndication lines: where the names are.
_CONTRIB_SUBJECT = re.compile(
    r"^(?P<names>.{2,200}?)\s+(?:also\s+)?(?:contributed|contributing)\b", re.S
)
_INFO_FROM = re.compile(r"\bInformation\s+from\s+(?P<names>.{2,200}?)\s+(?:was|were)\s+used\b", re.I | re.S)
_BY_PARTS = re.compile(
    r"(?:Additional\s+)?(?:Reporting|Writing|Editing|Research|Compiled|Produced|reporting|writing|editing)"
    r"\s+by\s+(?P<names>[^;()]{2,300})"
)
_WITH_WIRES = re.compile(
    r"^With\s+(?P<names>(?:[\w.]+\s+){0,2}(?:wires?|wire reports|wire services|agencies|news services))\b", re.I
)
_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:appeared|published|ran)\s+(?:(?:in|on|at|by)\s+)+"
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun)[a-z]*\.?\s+\d"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"  # a date is no outlet ("... on February 4, 2019")
    r"(?P<names>[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,5})"
)
_THIS_ARTICLE = re.compile(
    r"\bthis\s+(?P<names>[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3})\s+(?:article|report|story|dispatch)\b"
)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*(?:,\s+[A-Z][\w.'’\-]*)*$")
_ROLE_PREFIX = re.compile(
    r"^(?:(?:the|staff|special|senior|chief|national|political|white\s+house|contributing|freelance|"
    r"correspondents?|reporters?|writers?|writer|editors?|photographers?|researchers?|producers?)\s+)+",
    re.I,
)


def _canonical(name: str, reg: Registry) -> str | None:
    """The registry's name for an outlet, else None."""
    o = outlet_named(reg, name)
    return o.name if o is not None else None


def _is_agency(name: str, reg: Registry) -> bool:
    o = outlet_named(reg, name)
    if o is not None:
        return o.type in {"news_agency", "state_media"}
    n = " ".join(name.lower().split())
    return n in AGENCY_NAMES or n.removeprefix("the ") in AGENCY_NAMES


_TWICE = re.compile(r"(\S.{2,}?)\s+\1")
_LOWER_NAME = re.compile(r"[a-z]{2,}(?:[ '-][a-z]{2,}){1,2}")
"""A photographer's name set in lower case ("leah millis"), taken only right after a label and before a slash."""
_STATION = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?")
"""A US broadcaster's call sign ("KSDK-TV"): the piece after it is its city ("KSDK-TV, St. Louis")."""
_FOR_HEAD = re.compile(
    r"\b(?:Institute|Center|Centre|Council|Committee|Foundation|Society|Association|Alliance|Coalition|Campaign|Fund|"
    r"Network|Project|League|Union|Federation|Americans|Citizens|Students|Doctors|Physicians|Office|Department|"
    r"Ministry|Agency|Commission|Bureau|Museum|Organi[sz]ation|Partnership|Trust|Initiative)$"
)
"""The last word of a name that goes on with "for" ("Institute for Justice"): that "for" parts no credit."""


def _pieces(text: str, start: int) -> list[tuple[str, int, int]]:
    """Separated pieces of ``text`` with their absolute spans, trimmed."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        if m.group().strip() == "for" and _FOR_HEAD.search(text, pos, m.start()):
            continue  # "Institute for Justice", "Center for American Progress": one name
        out.append((text[pos : m.start()], start + pos, start + m.start()))
        pos = m.end()
    out.append((text[pos:], start + pos, start + len(text)))
    trimmed = []
    for t, s, _e in out:
        lead = len(t) - len(t.lstrip(" .()[]\"'“”‘’"))
        t2 = t.strip(" .()[]\"'“”‘’")
        if t2:
            trimmed.append((t2, s + lead, s + lead + len(t2)))
    return trimmed


def picture_credits(text: str, start: int, reg: Registry, kind: str | None = None) -> list[Credit]:
    """Credits in the text of a picture credit ("(AP Photo/Evan Vucci, File)"), one per name.

    ``start`` is the offset of ``text`` in the article.  ``kind`` defaults to
    ``video`` when the credit is labelled as video, else ``photo``.
    """
    inner = text.strip()
    lead = len(text) - len(text.lstrip())
    while inner[:1] in "([" and inner[-1:] in ")]":
        inner = inner[1:-1]
        lead += 1
    inner = _RESERVED.sub("", inner.rstrip(" .")).rstrip(" .,")
    tip = _HAT_TIP.match(inner)
    if tip is not None:
        # "(H/T The Hill)": whose story the outlet had it from, no picture
        return _named(tip.group("rest"), start + lead + tip.start("rest"), "contribution", reg)
    kind = kind or ("video" if _VIDEO_LABEL.match(inner) else "photo")
    out: list[Credit] = []
    twice = _TWICE.fullmatch(inner)
    if twice is not None:
        inner = twice.group(1)  # "Photo courtesy X Photo courtesy X": the credit printed twice, label and all
    label = _LABEL.match(inner)
    # after the label a title, no names: "GRAPHIC: IRS scandal timeline", "| AP Photos CPAC's big winners — and losers"
    # (a related story's headline after Politico's credit); the name before the label still counts
    titled = label is not None and "/" not in inner[label.end():] and not _names_only(inner[label.end():])
    if titled and _GRAPHIC_LABEL.match(inner):
        return []
    body_at = label.end() if label else 0
    # "Reuters photo: Jonathan Ernst": the word before the label is a name too.
    if label:
        head = re.match(r"^([A-Z][\w.&]*(?:\s[A-Z][\w.&]*)?)\s(?:file\s)?(?:photo|image|video)s?\b", inner, re.I)
        if head and head.group(1).lower() not in _NOT_NAMES and head.group(1)[:1].isupper():
            out.extend(_credit_of(re.sub(r"\s+file$", "", head.group(1), flags=re.I), start + lead, kind, reg))
    rest = inner[body_at:]
    rest_at = start + lead + body_at
    twice = _TWICE.fullmatch(rest)
    if twice is not None:
        rest = twice.group(1)  # "Evan Vucci/AP Evan Vucci/AP": NPR's pages print the credit twice
    for piece, s, _e in [] if titled else _pieces(rest, rest_at):
        piece = _YEAR.sub("", piece).strip(" ©")
        glued = list(_SENTENCE_END.finditer(piece))
        if glued:
            # "... at the U.S. Capitol on Thursday. Alex Edelman/Getty Images": the caption's last words glued
            s += glued[-1].end()
            piece = piece[glued[-1].end() :]
        if not piece:
            continue
        offset = text.find(piece, s - start) if piece in text else -1
        s2 = start + offset if offset >= 0 else s
        if label is not None and _LOWER_NAME.fullmatch(piece) and text[s2 + len(piece) - start :].lstrip().startswith("/"):
            out.append(Credit(piece, kind, (s2, s2 + len(piece)), PRODUCED_BY))  # "Photo: leah millis/Reuters" (WSJ)
            continue
        out.extend(_credit_of(piece, s2, kind, reg))
    return out


def _credit_of(piece: str, s: int, kind: str, reg: Registry) -> list[Credit]:
    """One credit for a name ("AP Photo" -> "Associated Press"), or none for a non-name."""
    name = piece.strip() if _canonical(piece.strip(), reg) else _TRAILING_WORDS.sub("", piece).strip()
    if not name or name.lower() in _NOT_NAMES or (not name[0].isupper() and not name[0].isdigit()):
        return []
    if name.lower().rstrip(".") in _NO_PARTY or lexicon().is_title_word(name) or _HEADLINE_START.fullmatch(name):
        return []  # "Tribune Content Agency, LLC", "9 p.m. ET/PT", "(Bernie Sanders for President via AP)"
    if not any(c.isalpha() for c in name) or len(name.split()) > 6:
        return []
    canon = _canonical(name, reg)
    if canon is None and not (person_like(name.split()) or name[0].isupper()):
        return []
    return [Credit(canon or name, kind, (s, s + len(name)), PRODUCED_BY)]


def contribution_credits(text: str, start: int, reg: Registry) -> list[Credit]:
    """Credits of a contribution or syndication line; ``start`` is its offset in the article."""
    out: list[Credit] = []
    for m in _BY_PARTS.finditer(text):
        names = _IN_PLACE.sub("", m.group("names").rstrip(" .)"))
        out.extend(_named(names, start + m.start("names"), "contribution", reg, people=True))
    m1 = _CONTRIBUTING.match(text.strip())
    if m1:  # "Contributing: Maeve McDermott, The Associated Press" (USA Today)
        lead = len(text) - len(text.lstrip())
        out.extend(_named(m1.group("names").rstrip(" ."), start + lead + m1.start("names"), "contribution", reg))
    m2 = _INFO_FROM.search(text)
    if m2:
        out.extend(_named(m2.group("names"), start + m2.start("names"), "contribution", reg))
    m3 = _CONTRIB_SUBJECT.match(text)
    if m3 and not out:
        names = m3.group("names")
        out.extend(_named(names, start + m3.start("names"), "contribution", reg, people=True))
    m4 = _WITH_WIRES.match(text)
    if m4:
        n = m4.group("names")
        canon = _canonical(n.split()[0], reg) if n.split() else None
        out.append(Credit(canon or n, "wire", (start + m4.start("names"), start + m4.end("names")), PRODUCED_BY))
    for rx in (_ORIGINALLY, _THIS_ARTICLE):
        m5 = rx.search(text)
        if m5:
            n = m5.group("names").rstrip(".")
            canon = _canonical(n, reg)
            if canon is not None or rx is _ORIGINALLY:
                s = start + m5.start("names")
                out.append(Credit(canon or n, "wire", (s, s + len(n)), PRODUCED_BY))
    return out


def _named(names: str, start: int, kind: str, reg: Registry, people: bool = True) -> list[Credit]:
    """Credits for "The Associated Press and Reuters", "Jill Colvin, Zeke Miller and AP writer X"."""
    out: list[Credit] = []
    placed = station = False
    for piece, s, _e in _pieces(names, start):
        if placed and (len(piece.split()) == 1 or piece.lower() in US_STATES or country_of(piece)):
            continue  # "Mike Kunzelman in College Park, Maryland, and ...", "in Sofia, Bulgaria,": the place goes on
        if station and len(piece.split()) <= 3 and _canonical(piece, reg) is None:
            station = False
            continue  # "KSDK-TV, St. Louis": the station's city
        placed = _IN_PLACE.search(piece) is not None or _FROM_PLACE.search(piece) is not None
        station = bool(_STATION.fullmatch(piece))
        piece = _IN_PLACE.sub("", piece)
        canon = _canonical(piece, reg)
        if canon is not None:
            out.append(Credit(canon, kind, (s, s + len(piece)), PRODUCED_BY))
            continue
        # "Associated Press writer Jill Colvin": an outlet, role words, then a person.
        words = piece.split()
        done = False
        for k in range(len(words) - 1, 0, -1):
            head = " ".join(words[:k])
            canon = _canonical(head, reg)
            if canon is not None:
                out.append(Credit(canon, kind, (s, s + len(head)), PRODUCED_BY))
                rest = " ".join(words[k:])
                person = _ROLE_PREFIX.sub("", rest)
                if people and person and person_like(person.split()):
                    ps = s + piece.rfind(person)
                    out.append(Credit(person, kind, (ps, ps + len(person)), PRODUCED_BY))
                done = True
                break
        if done:
            continue
        person = _ROLE_PREFIX.sub("", piece)
        if people and person and person_like(person.split()):
            ps = s + piece.rfind(person)
            out.append(Credit(person, kind, (ps, ps + len(person)), PRODUCED_BY))
    return out


def _wire_tag(text: str, start: int, reg: Registry) -> list[Credit]:
    m = DATELINE.match(text)
    if m is None or m.group("agency") is None:
        return []
    name = m.group("agency")
    s = start + m.start("agency")
    canon = _canonical(name, reg)
    if canon is None and (not _AGENCY_SHAPED.search(name) or PARTY_TAG.match(name)):
        return []  # "(London) – The government ...": a place opening a press release; "(D-N.Y.)"
    return [Credit(canon or name, "wire", (s, s + len(name)), PRODUCED_BY)]


_AGENCY_SHAPED = re.compile(
    r"^[A-Z][A-Z.&-]+$|\b(?:News|Press|Agency|Wire|Service|Times|Post|TV|Radio|Television|Network)\b"
)
"""A wire tag the registry does not know must look like an agency: an acronym ("KUNA") or a news word."""


def _byline_wire(text: str, start: int, reg: Registry) -> list[Credit]:
    names = read_byline(text, reg) or read_byline("By " + text, reg)
    if not names:
        return []
    shift = 0 if read_byline(text, reg) else -3
    out: list[Credit] = []
    for n in names:
        wire = n.role == "agency" or (n.role == "outlet" and re.search(r"\bWire\b", n.text, re.I))
        if wire:
            s = start + n.start + shift
            out.append(Credit(n.canonical, "wire", (s, s + len(n.text)), PRODUCED_BY))
    if not out:
        # "CNN Wire": the registry knows CNN as an outlet, "Wire" says it is syndicated copy.
        m = re.search(r"\b(?P<name>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})\s+Wire\b", text)
        if m:
            s = start + m.start()
            out.append(Credit(_canonical(m.group("name"), reg) or m.group(), "wire", (s, start + m.end()), PRODUCED_BY))
    return out


def credits_of(article_text: str, blocks: tuple[Block, ...], reg: Registry) -> tuple[Credit, ...]:
    """Every credit in the typed blocks of an article, in text order, without repeats."""
    if not blocks:
        blocks = tuple(Block("body", s, e) for s, e in paragraphs(article_text))
    out: list[Credit] = []
    body_seen = 0
    wire_tag_seen = False
    blocks = tuple(sorted(blocks, key=lambda b: b.start))
    for i, b in enumerate(blocks):
        t = article_text[b.start : b.end]
        prev = blocks[i - 1].kind if i else None
        nxt = blocks[i + 1].kind if i + 1 < len(blocks) else None
        if b.kind == "dateline":
            found = _wire_tag(t, b.start, reg)
            out.extend(found)
            wire_tag_seen = wire_tag_seen or bool(found)
        elif b.kind == "byline":
            out.extend(_byline_wire(t, b.start, reg))
        elif b.kind == "caption":
            at = split_credit(t, reg)
            if at is not None:
                out.extend(picture_credits(t[at:], b.start + at, reg))
        elif b.kind == "credit":
            if CONTRIBUTION.search(t):
                out.extend(contribution_credits(t, b.start, reg))
            elif prev in {"caption", "media_title"} or nxt == "caption" or picture_label(t):
                out.extend(picture_credits(t, b.start, reg))
            elif _is_agency(t.strip("()[] .—-"), reg):
                # An agency named alone after the text ("PTI"): the story's wire.
                name = t.strip("()[] .—-")
                s = b.start + t.find(name)
                out.append(Credit(_canonical(name, reg) or name, "wire", (s, s + len(name)), PRODUCED_BY))
        elif b.kind in {"body", "bio"}:
            body_seen += b.kind == "body"
            if b.kind == "body" and body_seen <= 3 and not wire_tag_seen:
                found = _wire_tag(t, b.start, reg)
                out.extend(found)
                wire_tag_seen = wire_tag_seen or bool(found)
            if len(t.split()) <= 80 and CONTRIBUTION.search(t):
                out.extend(contribution_credits(t, b.start, reg))
    seen: set[tuple[str, str, tuple[int, int] | None]] = set()
    unique: list[Credit] = []
    for c in sorted(out, key=lambda c: (c.span or (0, 0), c.kind, c.name)):
        key = (c.name, c.kind, c.span)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return tuple(unique)


def find_credits(parsed: Parsed, found: Found, settings: Settings) -> tuple[Credit, ...]:
    """Photo, video, wire and contribution credits of the parsed article (see the module docstring)."""
    reg = load_registry(tuple(settings.registry))
    return credits_of(parsed.article.text, parsed.article.blocks, reg)
