"""A source phrase as a hop: a person, a body, an anonymous source, or coordinated parties.

The entity the attribution finder or the entity finder gives, else the
phrase cut to its head and typed by its words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ...model import SOURCE_TYPES, Attribution, Entity
from ...registry import country_of
from ...registry.countries import is_country_word
from ..attributions.heads import outlet_body
from ..attributions.resolve import TITLE_OPENER
from ..entities import entity_by_id, possessive_after
from ..entities.lexicon import lexicon
from .nodes import Ctx, Node, outlet_node
from .vocabulary import DOCUMENT_NOUNS, ENTITY_TYPE, FOOTAGE_NOUNS, party_type

_PREVIOUS_SPEAKER_REACH = 1500
"""Characters back to the speaker a bare "he" / "she" before an outlet's credit may stand for."""


def party_at(ctx: Ctx, s: int, e: int) -> Node:
    """A speaker named by a phrase the text gives: its entity, an outlet, or the phrase typed by its words."""
    lead = re.match(r"(?:and|but|while|as)\s+", ctx.text[s:e], re.IGNORECASE)
    if lead:
        s += lead.end()
    held = ctx.source_at(s, e)
    if held is not None:
        # "“...,” he added, according to US media reports": the speaker as its attribution resolved it
        return source_node(held, ctx, s, e)
    if ctx.text[s:e].strip().casefold() in ("he", "she"):
        # "..., he added, according to US media reports" where no attribution holds "he": the person who spoke last
        last = ctx.person_before(s)
        if last is not None and s - last.source[-1][1] <= _PREVIOUS_SPEAKER_REACH:
            return source_node(last, ctx, s, e)
    ms = ctx.reg.match_all(ctx.text[s:e])
    if len(ms) == 1 and ms[0].outlet.is_news:
        return outlet_node(ms[0].outlet, (s + ms[0].start, s + ms[0].end))
    ent = ctx.entity_at((s, e))
    if ent is not None and ent.kind in ENTITY_TYPE:
        return Node(ent.name, ENTITY_TYPE[ent.kind], span=(s, e), entity=ent.id)
    name = short(ctx.text[s:e])
    return Node(name, guess_type(name), span=(s, e))


def source_node(at: Attribution, ctx: Ctx, s: int, e: int) -> Node:
    """A person, organisation or anonymous source as a hop."""
    text = ctx.text[s:e]
    ent = entity_by_id(ctx.found.entities, at.source_entity)
    if ent is None:
        ent = ctx.entity_at((s, e))
    name = at.source_name or (ent.name if ent is not None else None) or short(text)
    typ = at.source_type if at.source_type in SOURCE_TYPES else None
    if name.casefold() in _RELATIVES:
        # "a message that read ...": the relative pronoun stands for the noun before it
        antecedent = _antecedent(ctx, s)
        if antecedent is not None:
            return replace(antecedent, confidence=at.confidence)
    if typ is None and ent is not None:
        typ = ENTITY_TYPE.get(ent.kind)
    if typ is None:
        typ = guess_type(text)
    o = ctx.reg.match(name)
    if o is not None and ctx.reg.rules_out(text):
        o = None  # "The south Korean CBS" is not CBS News
    if o is not None and o.is_news and outlet_body(text, "") is not None:
        o = None  # "The union at Reuters": a body of the outlet's staff, typed by the finder
    if o is not None and o.is_news:
        staff = _staff_of_outlet(ctx, s, e)
        if staff is None:
            # a source the registry knows by name, typed otherwise by the finder, keeps its registry facts
            return outlet_node(o, (s, e), at.confidence)
        # "NPR's Louisa Lim": the person speaks, the outlet is only where she works
        ent, name, typ = staff
    if typ == "person" and is_country_word(_strip_article(name)):
        typ = "government"  # "North Korea said": a country speaks through its government
    return Node(
        name=name,
        type=typ,
        span=(s, e),
        entity=ent.id if ent is not None else at.source_entity,
        country=country_of(_strip_article(name)) if typ == "government" else None,
        confidence=at.confidence,
    )


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def _antecedent(ctx: Ctx, s: int) -> Node | None:
    """The noun a relative pronoun at ``s`` stands for: a footage/document noun, or an entity."""
    before = ctx.text[max(0, s - 60) : s]
    m = re.search(r"([\w'’-]+)[\s,]*$", before)
    if m is None:
        return None
    word = m.group(1).casefold()
    a = s - len(before) + m.start(1)
    if word in FOOTAGE_NOUNS or word in DOCUMENT_NOUNS:
        return Node(word, "footage" if word in FOOTAGE_NOUNS else "document", span=(a, a + len(word)))
    ent = ctx.entity_at((a, a + len(word)))
    if ent is not None and ent.kind in ENTITY_TYPE:
        return Node(ent.name, ENTITY_TYPE[ent.kind], span=(a, a + len(word)), entity=ent.id)
    return None


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def _staff_of_outlet(ctx: Ctx, s: int, e: int) -> tuple[Entity | None, str, str] | None:
    """The person in "NPR's Louisa Lim" / "a Reuters reporter": (entity, name, type), else None."""
    text = ctx.text[s:e]
    if ctx.reg.match(text) is not None:
        return None
    for ent in ctx.found.entities:
        if ent.kind == "person" and any(s <= ms and me <= e for ms, me in ent.mentions):
            return ent, ent.name, "person"
    m = re.match(r"(?P<o>.+?)['’]s\s+(?P<p>.+)$", text)
    if m and ctx.reg.match(m.group("o")) is not None:
        rest = short(m.group("p"))
        return None, rest, "person" if rest[:1].isupper() else guess_type(rest)
    return None


def coordinated(at: Attribution, ctx: Ctx, s: int, e: int) -> list[Node]:
    """One hop per party of a coordinated source ("Kim Jong-un and South Korean President Moon
    Jae-in vowed"): two or more people or bodies the entity finder knows, joined by "and"."""
    text = ctx.text
    if not re.search(r"\s(?:and|&)\s", text[s:e]):
        return []
    found: list[tuple[int, int, Entity]] = []  # each party's first mention in the phrase: start, end, entity
    for ent in ctx.found.entities:
        if ent.kind not in {"person", "organization", "government"}:
            continue
        starts = [ms for ms, me in ent.mentions if s <= ms and me <= e]
        if starts:
            a = min(starts)
            found.append((a, max(me for ms, me in ent.mentions if ms == a), ent))
    quoted = [(s + m.start(), s + m.end()) for m in _QUOTED.finditer(text[s:e])]
    # a name inside a quoted title is no party ("The travelogue titled “Beautiful Kim Il Sung and Kim Jong Il's Korea”")
    found = sorted((f for f in found if not any(a <= f[0] < b for a, b in quoted)), key=lambda x: x[0])
    if len(found) < 2:
        return []
    if _ONE_NAME.fullmatch(text[s:e].rstrip(" ,.")) and all(f[2].kind != "person" for f in found):
        return []  # "the Centers for Medicare and Medicaid Services": the words of one body's name
    if _LIST_MODIFIES.search(text, s, e):
        return []  # "chairmen of the Tokyo Metropolitan and Hokkaido, Osaka, ... and Hiroshima prefectural headquarters"
    # a name before a lowercase noun modifies it ("Catholic and Lutheran groups", "former Rick Perry financier",
    # "three other House committee chairmen"): no party
    found = [f for f in found if not _MODIFIED.match(text, f[1], e)]
    titles = lexicon()
    found = [  # a body in the next person's title is no party ("state House Speaker Tim Moore")
        f for f, g in itertools.zip_longest(found, found[1:])
        if g is None or g[2].kind != "person" or not (between := text[f[1] : g[0]].split())
        or not all(titles.is_title_word(w) for w in between)
    ]
    if len(found) < 2:
        return []
    # every pair of neighbours must be joined by "and" or a comma right after the first, or by ", and" ("Friendship and
    # Solidarity" in "the Canar Provincial Institute of Ecuador for the Friendship and Solidarity with DPRK" are
    # words of one name, not a second party)
    for (_, end_a, _), (b, _, _) in itertools.pairwise(found):
        if not _SEPARATED.match(text, end_a, b) and not re.search(r",\s+(?:and|&)\s", text[end_a:b]):
            return []  # (", and" closes a described party: "Arthur Laffer, a Reagan economic adviser, and ...")
    if found[0][2].kind != "person" and _DESCRIPTION_AFTER.match(text, found[0][1], e):
        # a body's name and its description ("The Internet Association, the industry's major trade group representing
        # Facebook, Google and ..."): only a party joined by "and" after it is one ("..., a rights group, and ...")
        found = found[:1] + [f for f in found[1:] if _JOINED.search(text, s, f[0]) and not possessive_after(text, f[1])]
        if len(found) < 2:
            return []
    if _HEADED.fullmatch(text, s, found[0][0]):
        # in a phrase a name heads, an affiliation is no party: "Joseph Ross, an associate professor of medicine at
        # Yale and a member of the Collaboration for Research Integrity" is one source ("Officials at the
        # Pentagon and the State Department" stay two); after a person's name and a comma, a body is the
        # person's ("Mike Madrid, a Latino GOP consultant and expert ..."), and only another person joined by
        # "and" may be a party ("..., and South Korean President Moon Jae-in"; not "Arthur Laffer, a Reagan
        # economic adviser, ...", nor a possessor: "Bernie Sanders, the democratic socialist and Clinton's chief
        # tormentor"); "Apple, Procter & Gamble, Walmart and other U.S. companies" stay three
        _, end, head = found[0]
        described = head.kind == "person" and text[end:e].lstrip().startswith(",") and not _a_list(text, found, e)
        kept = found[:1]
        dropped = False  # an affiliation since the last party: "who served in the administrations of Clinton and Obama"
        for a, me, ent in found[1:]:
            if _AFFILIATION.search(text, s, a):
                dropped = True
                continue
            if described:
                joined = _JOINED.search(text, s, a)
                if ent.kind != "person" or possessive_after(text, me) or joined is None:
                    continue
                if dropped and not joined.group(0).startswith(","):
                    continue  # "of Presidents Clinton and Obama" (", and Robert Menendez, D-N.J." is a party)
            kept.append((a, me, ent))
            dropped = False
        found = kept
        if len(found) < 2:
            return []
    return [
        Node(ent.name, party_type(ent.kind), span=(a, me), entity=ent.id, confidence=at.confidence)
        for a, me, ent in found
    ]


_LIST_MODIFIES = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s+){2,}(?:[A-Z][\w.'’-]*\s+)*(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+[a-z][\w-]*+(?!\s+[A-Z])"
)
"""A list of three names or more whose last is followed by a lowercase word: the names only modify that noun, as "Apple
and Google executives" ("... Kyoto, Hyogo, ... and Hiroshima prefectural headquarters"); no parties.  Not a title before
a name ("Twitter, Blogger, and Medium co-founder Ev Williams")."""
_QUOTED = re.compile(TITLE_OPENER + r"(?:“[^”]*”?|\"[^\"]*\"?)")
"""A quoted title ("titled “Beautiful Kim Il Sung and Kim Jong Il's Korea”"); not scare quotes or a nickname."""
_SEPARATED = re.compile(
    r"(?:['’]s?)?[\"”’)\]]*(?:\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?(?:\s*\([^()]{1,20}\))?\s*(?:,|(?:and|&)\s)"
)
"""A comma or "and" right after a party's name (a possessive, closing quote marks, "of Vermont", "(R-Calif.)"
allowed between): another party may follow."""
_MODIFIED = re.compile(
    r"\s+(?!(?:and|or|but|of|in|at|for|from|with|under|over|about|against|between|during|since|after|before|into|"
    r"through|including|near|among|across|like|than|per|via|amid|who|whom|whose|which|that|on|to|by|as|is|was|are|"
    r"were|has|have|had|said|says)\b)[a-z][\w-]*"
)
"""A lowercase word, no function word, right after a party: the name modifies the noun heading its phrase
("Catholic and Lutheran groups", "former Rick Perry financier", "a former Bush administration official")."""
_CAPS = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_ONE_NAME = re.compile(rf"(?:[Tt]he\s+)?{_CAPS}\s+(?:for|of)\s+(?:the\s+)?{_CAPS}\s+(?:and|&)\s+{_CAPS}")
"""A body's name with "and" in it, the whole source phrase: "the Centers for Medicare and Medicaid Services" (spaCy
makes it two organisations); not "the Pentagon and the State Department"."""
_HEADED = re.compile(r"(?:(?!(?:at|of|for|with|from|in|on|by|to|and|or|the|an?)\s)[\w.'’-]+\s+){0,3}", re.IGNORECASE)
"""What may stand before the name heading a source phrase: up to three title words ("Vermont Sen.", "former")."""
_DESCRIPTION_AFTER = re.compile(r"\s*,\s+(?:the|an?)\s+[a-z]")
"""A description set off after a name: ", the industry's ...", ", a rights group"."""
_LIST_SEP = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
"""What separates the names of a bare list: "Rubio, Cruz and Kasich", "Apple & Google"."""
_JOINED = re.compile(r",?\s+and\s+(?:[\w.'’-]+\s+){0,4}$")
"""A party joined to the phrase's head: "..., and South Korean President " before its name."""
_AFFILIATION = re.compile(
    r"\b(?:at|of|for|with|from|in|on|by|to)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
"""The words before an entity that make it an affiliation in a source phrase ("... at Yale", "... of the",
"... with New Jersey Gov.", "... of Presidents")."""


def _a_list(text: str, found: list[tuple[int, int, Entity]], e: int) -> bool:
    """Whether the parties are a bare list of names ending the phrase ("Rubio, Cruz and Kasich"), not a name
    and its description ("Heather Zichal, Obama's senior energy adviser")."""
    gaps = itertools.pairwise(found)
    return all(_LIST_SEP.fullmatch(text, end_a, b) for (_, end_a, _), (b, _, _) in gaps) and not text[found[-1][1] : e].strip(" ,.")


def short(phrase: str) -> str:
    """A source phrase cut to its head part: "Hong Min, a senior analyst at ..." -> "Hong Min"."""
    p = " ".join(phrase.split())
    p = re.split(r",|\s\(|\s[–—-]\s", p)[0].strip()
    if len(p) > 60:
        p = p[:60].rsplit(" ", 1)[0]
    return p or phrase.strip()


def guess_type(phrase: str) -> str:
    """A source type from the words of a phrase the attribution finder left untyped.

    Anonymity markers ("a government source", "unnamed officials") make it
    anonymous; state bodies and their officials ("the South Korean military",
    "a foreign ministry spokesman") government; unnamed people ("analysts")
    anonymous; footage and documents their own types; else unknown.
    """
    words = [w.casefold().strip(".,'’") for w in re.findall(r"[\w.'’-]+", phrase)]
    wset = set(words)
    if wset & _ANON_MARKERS:
        return "anonymous"
    if wset & _GOV_HEADS or " ".join(words).find("white house") >= 0:
        return "government"
    if wset & _PEOPLE_HEADS:
        return "anonymous"
    if wset & DOCUMENT_NOUNS:
        return "document"
    if wset & FOOTAGE_NOUNS:
        return "footage"
    return "unknown"


# Hand-made word lists for ``guess_type`` (not tuned on data).
_ANON_MARKERS = frozenset(
    "source sources unnamed anonymous anonymity insider insiders familiar unidentified".split()
)
_GOV_HEADS = frozenset(
    "government ministry ministry's military army navy police authorities administration department pentagon "
    "kremlin embassy prosecutor prosecutors prosecutor's court officials official spokesman spokeswoman "
    "spokesperson cabinet presidency regime governor governor's mayor mayor's".split()
)
_PEOPLE_HEADS = frozenset(
    "analysts analyst experts expert observers researchers witnesses residents people diplomats critics".split()
)
