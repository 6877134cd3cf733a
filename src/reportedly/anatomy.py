"""Anatomy of an article: typed blocks (headline, dek, byline, caption, credit, body, bio ...).

``anatomy(article, settings)`` splits the article text into exact,
non-overlapping ``Block``s.  It is written for text copied from a news page,
where everything runs together one element per line: a topic tag, the
headline, the dek, the byline ("Jasmine Baehr By Jasmine Baehr Fox News",
"Published ..."), video and image titles, captions ending in a credit
("... flag. (Credit: Reuters)"), body paragraphs, "Advertisement" lines and
the author's bio.  It uses only the shape of the text, no parse:

- credit patterns ("(Credit: X)", "(Reuters)", "Name/Getty Images",
  "Photo: X", "(AP Photo/X)") make captions and credit blocks; a caption's
  trailing credit is its own ``credit`` block;
- position: a tag, headline and dek come before the byline; date lines
  follow it; bios, contribution lines and boilerplate close the article;
- length and sentence shape: headlines and media titles are short lines
  with no final period; captions are short present-tense descriptions
  ("... is seen weeping ...", "..., left, ...") next to a credit;
- repeated text: a line repeating the headline later on is a media title;
- a dateline or wire tag opening the first paragraph ("SEOUL (Reuters) -")
  is a ``dateline`` block before the body block.

Articles whose blocks came from HTML ingest keep them; their body blocks are
refined (dateline split off, bylines, captions, credits, bios and
boilerplate marked).  Blocks given any other way are kept as they are.

``article.authors`` and ``article.outlet`` are filled from the byline only
when the metadata lacks them.  Names are matched against the outlet registry
(``reportedly.registry``) to tell an outlet ("Fox News") from a person and a
news agency ("AP", "Reuters") from the publisher.

Limits: English only; one article per text; a headline is found without
metadata only when it is the first headline-like line near the top (a short
first paragraph can pass for one); captions with no credit nearby and no
caption wording stay body; subheadings stay body.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Article, Block
from .registry import Outlet, Registry, load_registry
from .settings import Settings

PRODUCED_BY = "anatomy.rules/1"

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs, trimmed of surrounding whitespace."""
    out = []
    for m in _PARA.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            out.append((s, e))
    return out


# Invisible characters pages leave in pasted text (zero-width spaces and joiners, BOM).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
        e -= 1
    return s, e


# --- lexical patterns -----------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,3}"
_REGION = r"(?:, [A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2}){0,2}"
_DATE = rf"(?:,? {_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
_DASH = r"(?:--|[-—–])"

DATELINE = re.compile(
    # "SEOUL (Reuters) -", "NEW YORK, Nov. 19 (UPI) —", "Dec 29 (Reuters) -", "(CNN) —", "Cleveland (AFP) –"
    rf"^(?:(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_REGION}{_DATE}? |{_MONTH} \d{{1,2}} )?"
    r"\((?P<agency>[A-Z][A-Za-z.&'’\-]*(?: [A-Za-z.&'’\-]+){0,4})\) ?"
    rf"{_DASH}(?= |$)"
    # "SEOUL, South Korea —", "WASHINGTON --": an all-capitals place with no agency
    rf"|^{_CAPS_PLACE}{_REGION}{_DATE}? ?{_DASH}(?= [A-Z“\"'‘])"
)
"""A dateline or wire tag at the start of a paragraph; group ``agency`` names the wire, if any."""

# Words that, followed by ":" or "by", label a credit.
_CREDIT_LABEL = (
    r"(?:(?:Photo|Photos|Photograph|Photography|Picture|Pictures|Image|Images|Video|Footage|Graphic|"
    r"Illustration|Map|Credit|Credits|Image credit|Photo credit|Video credit|Image copyright|"
    r"Image source|Photo illustration|Screenshot|Screengrab|Still)(?:\s*:|\s+by\b|\s+courtesy\b)|"
    r"Image copyright\b|Courtesy(?: of)?\b|©|\(c\)|Copyright\b)"
)
_CREDIT_LABEL_RE = re.compile(_CREDIT_LABEL, re.I)

# Picture agencies and wires that appear alone as credits (the registry knows the news agencies).
PICTURE_SOURCES = frozenset(
    """getty images|getty|shutterstock|istock|istockphoto|alamy|ap|afp|epa|reuters|pool|ap photo|
    associated press|the associated press|afp via getty images|getty images/istockphoto|unsplash|
    pexels|handout|file photo|ap images|bloomberg|nasa|wikimedia commons|courtesy|corbis|
    sipa|sipa usa|sopa images|nurphoto|zuma|zuma press|rex|rex features|pa|pa images|pa wire|
    anadolu|anadolu agency|xinhua|kyodo|yonhap|tass|sputnik|efe|dpa|ansa|upi|kcna|kctv|
    newscom|imago|abaca|mediapunch|wireimage|filmmagic|ap file|reuters file""".replace("\n", "").split("|")
)
PICTURE_SOURCES = frozenset(s.strip() for s in PICTURE_SOURCES if s.strip())

# A trailing parenthesised credit: "(Credit: Reuters)", "(Reuters)", "(Reed Saxon / Associated Press)".
_PAREN_TAIL = re.compile(r"(?:\((?P<inner>[^()]{1,120})\)|\[(?P<inner2>[^\[\]]{1,120})\])\s*\.?$")
# NYT-style "... it.Credit...Doug Mills/The New York Times": a label glued to the caption.
_GLUED_TAIL = re.compile(r"(?<=[.!?”\"’)])\s*(?P<credit>(?:Credit|Photo|Image|Photograph)(?:\.{2,}|…|:)\s*[A-Z].{0,100})$")
# A trailing unbracketed credit after a caption sentence: ". Andrew Burton/Getty Images",
# ". Photo: Damian Dovarganes, AP".
_SLASH_CREDIT = r"[A-Z][\w.'’&\-]*(?: [A-Za-z][\w.'’&\-]*){0,4}(?: ?/ ?[A-Z][\w.'’&\-]*(?: [A-Za-z][\w.'’&\-]*){0,4})+"
_PIPE_CREDIT = re.compile(r"^(?P<who>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}) ?[|/] ?(?P<src>[A-Z][\w.'’&\- ]{1,40})$")
_BARE_TAIL = re.compile(
    rf"(?<=[.!?”\"’)])\s+(?P<credit>{_CREDIT_LABEL}\s*[^.]{{1,100}}|{_SLASH_CREDIT}|"
    r"[A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,3})\s*$"
)
CONTRIBUTION = re.compile(
    r"(?:\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|coverage)"
    r"|^\(?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|Research|Compiled|Produced|Additional reporting)"
    r"\s+by\b"
    r"|^Information\s+from\b.{1,160}\b(?:was|were)\s+used\s+in\s+this\s+(?:report|story|article)"
    r"|^With\s+(?:[\w.]+\s+){0,2}(?:wires?|wire\s+reports|wire\s+services|agencies|news\s+services)\b"
    r"|^(?:This|The)\s+(?:article|story|report)\s+(?:was\s+)?(?:originally|first)\s+"
    r"(?:appeared|published|ran)\b"
    r"|\bhas\s+supplemented\s+this\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+(?:article|report|story)"
    r"|^(?:Wire|Staff\s+and\s+wire)\s+reports?\s+contributed)",
    re.I,
)
"""A contribution or syndication line: "The Associated Press contributed to this report." ..."""

_BOILER_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"continue reading(?: (?:below|the main story))?|read more|read the rest here\.?|"
    r"share(?: this)?(?: (?:story|article|post|page))?:?|share on \w+|tweet|e-?mail|print|"
    r"comments?|\d+ comments?|sign up|subscribe(?: now)?|related(?: articles| stories| coverage| content)?:?|"
    r"recommended(?: for you)?|trending(?: now)?|most popular(?: today)?|most read|you may also like|"
    r"see also|more on:?|more from [\w .'’]+|close|menu|skip to (?:main )?content|log ?in|sign in|register|"
    r"copy link.*|show more sharing options|share all sharing options.*|enlarge(?: (?:this )?image)?|"
    r"view (?:gallery|comments|author archive|slideshow)|back to gallery|image \d+ of \d+|\d+ of \d+|"
    r"\d+ ?/ ?\d+|caption|hide caption|toggle caption|less|more|next|previous|load more|"
    r"listen(?: to this (?:article|story))?|\d+ min(?:ute)?s? read|watch(?: video)?:?|play video|replay|"
    r"\d+ shares?|shares|save|bookmark|report an error|submit|get author rss feed|email the author|"
    r"top stories|latest news|editor'?s picks?|loading\.*|image|photo|video|gallery|"
    r"(?:name|e-?mail|comment|website)\s*\(required\)|"
    r"\((?:begin|end) (?:video|audio) clip\)\.?|"
    r"\([^()]{1,100}\bhere\)\.?|"
    r"\(\s*(?:photos?|video|watch|read|related|more|see|also read|listen)\s*:.*\)\.?|"
    r"(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|flipboard|pocket|messenger|telegram|"
    r"instagram|youtube|google\+?|x)(?: icon)?)\s*$",
    re.I,
)
_BOILER_START = re.compile(
    r"^(?:(?:read more|related|see also|also read|also see|more|watch|listen|photos|video|don'?t miss|"
    r"recommended|trending|sponsored|click here|sign up|subscribe|follow us|like us|download|get the|"
    r"support|advertisement)\b\s*[:|—-]"
    r"|(?:click here|sign up for|subscribe to|subscribe now|follow us|like us on|download the|"
    r"copyright|©|all rights reserved|the opinions expressed|this material may not be published|"
    r"please enable javascript|your browser does not support|we use cookies|"
    r"to continue reading|read the rest here|read more at|read the full|this content was originally|"
    r"we'?ve noticed you'?re|you have \d+ free|story continues below|manage newsletters)\b)",
    re.I,
)
# Words of share bars, galleries and menus: a short line made only of these is boilerplate.
_JUNK_WORDS = frozenset(
    """share sharing shares facebook twitter email e-mail print copy link url copied close options more
    show this story article on the for all extra reddit pocket flipboard whatsapp linkedin pinterest
    messenger telegram comments comment save saved image images enlarge gallery photo photos video videos
    back to of next previous prev tweet pin sms text menu search home subscribe newsletter login log in
    sign up follow us view slideshow play watch listen audio read min minute minutes via icon options
    gift give feedback report error an a post""".split()
)

_TAG_LINE = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords|related topics)\s*:", re.I)

_BIO_ROLE = (
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|journalist|author|fellow|"
    r"analyst|professor|host|anchor|intern|director|founder|commentator|critic|blogger|researcher|"
    r"economist|lawyer|attorney|consultant|strategist|expert|scholar|lecturer|president|chair|"
    r"photographer|videographer|freelancer|novelist|historian|adviser|advisor|emeritus|"
    r"senator|representative|governor|secretary|ambassador)"
)
_BIO = re.compile(
    rf"^(?P<name>[A-Z][\w.'’\-]+(?: (?:[A-Z][\w.'’\-]+|de|van|von|bin|al|la|le)){{0,4}}),? "
    rf"(?:is|has been|serves as)(?: (?:a|an|the))?(?: [\w’'\-]+){{0,6}}? {_BIO_ROLE}s?\b"
    r"|^(?:[Ff]ollow|[Cc]ontact|[Ee]mail|[Rr]each)\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\s+(?:on|at|via)\b"
    r"|^(?:[A-Z][\w.'’\-]+\s+){1,4}can be reached at\b"
    r"|^(?:You can )?[Ff]ollow (?:him|her|them) on\b"
    r"|^(?:[A-Z][\w'’\-]*\s+){1,4}is an? (?:\w+ ){0,3}column (?:by|from|written by)\b"
    r"|^About the author\b",
)

_DATE_WORDS = re.compile(
    rf"\b(?:{_MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|[ap]\.?m\.?|E[SD]T|ET|GMT|UTC|BST|CET|PT|"
    r"\d{1,2}(?:st|nd|rd|th)?|\d{4}|ago|hours?|minutes?|mins?|days?|weeks?|months?|years?|today|yesterday)\b",
    re.I,
)
_DATE_LABEL = re.compile(r"^(?:published|updated|posted|last updated|first published|modified)\b", re.I)

# Present-tense and pose wording typical of picture captions.
_CAPTION_VERBS = frozenset(
    """speaks talks walks arrives attends stands sits looks gestures waves poses holds listens delivers
    watches reacts leaves departs greets shakes smiles addresses testifies displays shows remains
    celebrates plays runs drives prepares visits enters exits points kneels hugs kisses signs reads
    takes rides carries wears participates marches protests rallies works inspects appears mourns weeps
    cries pays lays salutes meets gathers gather stand walk arrive attend sit look hold listen wait
    waits line lines crowd crowds pass passes fly flies flies burns burn rises rise sits prays pray
    mourn react wave pose speak display displays chants chant cheer cheers applauds applaud votes vote
    casts cast tours inspects flies sails lands launches""".split()
)
_CAPTION_PHRASE = re.compile(
    r"\bin this (?:undated |handout |file |\w+ )?(?:photo|image|picture|photograph|still|screengrab|"
    r"screenshot|video|frame|combination)\b"
    r"|,\s(?:left|right|center|centre|second (?:from )?(?:left|right)|top|bottom|front|rear)\b[,).]"
    r"|\((?:L-R|l-r|from left|left to right|R-L)\)"
    r"|\b(?:is|are) (?:seen|pictured|shown|depicted)\b|\bpictured\b|\bseen here\b"
    r"|\b(?:file|handout|pool) (?:photo|image|picture)\b"
    r"|^(?:This|The|A|An) (?:[\w-]+ ){0,2}(?:image|photo|photograph|picture|illustration|graphic|map|chart|"
    r"rendering|screenshot|still|handout)s? (?:of|from|shows?|taken|released|provided)\b",
)

_TERMINAL = re.compile(r"[.!?…]['\"”’)\]]*$")
_ASK_END = re.compile(r"[?!]['\"”’)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)

# Role words in bylines: "Staff Writer", "AP Auto Writer", "Special to CNN".
_ROLE_WORDS = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors contributor
    contributors columnist columnists senior chief special to national political white house washington
    bureau photographer producer auto business science sports health tech technology economics
    investigative digital associate assistant managing deputy executive contributing global foreign
    international diplomatic legal affairs culture entertainment news desk team and for by of the""".split()
)
_OUTLET_WORDS = frozenset(
    """news times post press journal tribune herald daily wire magazine review gazette telegraph guardian
    observer chronicle today network media radio tv television agency service digital online weekly
    monthly insider report standard sun mail star globe examiner beacon caller beast hill channel
    broadcasting corporation bulletin dispatch register courier inquirer record""".split()
)
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "la", "le", "da", "di", "del", "du", "st."})


# --- lines ----------------------------------------------------------------------


@dataclass
class _Line:
    start: int
    end: int
    text: str
    para: int
    """Index of the blank-line separated paragraph the line is in."""
    kind: str | None = None
    fixed: bool = False
    """Kind given by HTML ingest (only refined, never retyped)."""
    pieces: tuple[tuple[str, int, int], ...] = ()
    """Sub-blocks when the line is split (caption + credit, dateline + body)."""

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    para = 0
    pos = 0
    blank = False
    last_len = 0
    for raw in text.splitlines(keepends=True):
        s, e = _trim(text, pos, pos + len(raw))
        pos += len(raw)
        if e <= s:
            blank = True
            continue
        if blank and out:
            para += 1
        prev = out[-1] if out else None
        if (
            prev is not None
            and not blank
            and prev.para == para
            and last_len >= 40
            and text[s].islower()
            and not _TERMINAL.search(prev.text)
            and not prev.text.endswith((":", ";"))
            and not _is_boiler(text[s:e])
        ):
            # A hard-wrapped paragraph ("...talks with the union had\nfailed after ..."): one line.
            prev.end = e
            prev.text = text[prev.start : e]
        else:
            out.append(_Line(s, e, text[s:e], para))
        last_len = e - s
        blank = False
    return out


# --- credits in captions ----------------------------------------------------------


# Per registry (by identity: hashing a registry hashes all its rows), the answers so far.
_MATCHES: dict[int, tuple[Registry, dict[str, Outlet | None]]] = {}


def outlet_named(reg: Registry, name: str) -> Outlet | None:
    """``reg.match(name)`` for short names (an outlet's name is at most 8 words), cached.

    Anatomy asks about the same lines ("Advertisement", "Reuters") again and
    again; the registry's matcher tokenises every time.
    """
    if len(name) > 80 or len(name.split()) > 8:
        return None
    entry = _MATCHES.get(id(reg))
    if entry is None or entry[0] is not reg:
        entry = _MATCHES[id(reg)] = (reg, {})
    cache = entry[1]
    if name not in cache:
        if len(cache) > 100_000:
            cache.clear()
        cache[name] = reg.match(name)
    return cache[name]


def _registry_agency(reg: Registry, name: str) -> Outlet | None:
    o = outlet_named(reg, name)
    if o is not None and o.type in {"news_agency", "state_media"}:
        return o
    return None


def _looks_like_credit(inner: str, reg: Registry) -> bool:
    """Whether the text inside a trailing "( )" or a whole line reads as a picture credit."""
    s = inner.strip().rstrip(".").strip()
    if not s or len(s) > 120 or _date_line(s):
        return False
    if _CREDIT_LABEL_RE.match(s) or re.match(r"^[A-Z][\w.&]*(?: [A-Z][\w.&]*)? (?:photo|image|video)s?\s*:", s, re.I):
        return True
    low = s.lower()
    if low in PICTURE_SOURCES or outlet_named(reg, s) is not None:
        return True
    parts = [p.strip() for p in re.split(r"\s?/\s?|\s+via\s+", s) if p.strip()]
    if len(parts) >= 2 and all(_capitalised(p) and len(p.split()) <= 5 for p in parts):
        return True
    return any(p.lower() in PICTURE_SOURCES for p in parts)


def _capitalised(s: str) -> bool:
    words = [w for w in s.split() if w.lower() not in _NAME_PARTICLES]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w[0] in "©(" for w in words)


def split_credit(line: str, reg: Registry | None = None) -> int | None:
    """Where a caption's trailing credit starts in ``line``, or None.

    Recognises "(Credit: Reuters)", "(Reuters)", "(AP Photo/Evan Vucci)",
    ". Andrew Burton/Getty Images", ". Photo: Damian Dovarganes, AP".
    """
    reg = reg or load_registry()
    m = _PAREN_TAIL.search(line)
    if m and m.start() > 0 and _looks_like_credit(m.group("inner") or m.group("inner2"), reg):
        return m.start()
    g = _GLUED_TAIL.search(line)
    if g and g.start("credit") > 0:
        return g.start("credit")
    m2 = _BARE_TAIL.search(line)
    if m2 and m2.start("credit") > 0:
        cred = m2.group("credit")
        if _CREDIT_LABEL_RE.match(cred) or _looks_like_credit(cred, reg):
            return m2.start("credit")
    return None


def is_credit_line(line: str, reg: Registry | None = None) -> bool:
    """Whether a whole line is a picture credit ("Getty Images", "Photo: X", "(Walt Disney Co.)")."""
    reg = reg or load_registry()
    s = line.strip()
    if len(s) > 140 or (_TERMINAL.search(s) and not s.endswith(")") and not s.endswith(".")):
        return False
    if _BY.match(s) or _BY_ALONE.match(s):
        return False
    if s.startswith("[") and s.endswith("]"):
        return _looks_like_credit(s[1:-1], reg)
    pipe = _PIPE_CREDIT.match(s.rstrip("."))
    if pipe and "|" in s:
        src = pipe.group("src").strip()
        return src.lower() in PICTURE_SOURCES or bool(_is_agency(src, reg))
    if s.startswith("(") and s.endswith(")"):
        inner = s[1:-1]
        if _looks_like_credit(inner, reg):
            return True
        # "(Walt Disney Co.)": a short capitalised name in brackets on its own line
        return _capitalised(inner) and len(inner.split()) <= 6 and not _date_line(inner)
    if _CREDIT_LABEL_RE.match(s):
        rest = _CREDIT_LABEL_RE.sub("", s, count=1).strip()
        return 0 < len(rest.split()) <= 12
    if re.fullmatch(_SLASH_CREDIT, s.rstrip(".")):
        return True
    bare = s.strip(" .—-")
    return bare.lower() in PICTURE_SOURCES or _registry_agency(reg, bare) is not None


def _spelled_out(before: str, acronym: str) -> bool:
    """Whether ``acronym`` ("NPR") abbreviates the words just before it ("National Public Radio")."""
    if not acronym.isupper() or not 2 <= len(acronym) <= 6:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", before) if w.lower() not in {"of", "the", "and", "for", "&"}]
    initials = "".join(w[0].upper() for w in words[-len(acronym) :])
    return initials == acronym


def _caption_score(text: str) -> int:
    """How much a line reads like a picture caption (present-tense description), roughly -3..5."""
    score = 0
    words = [w.lower() for w in _WORD.findall(text)]
    if _CAPTION_PHRASE.search(text):
        score += 2
    if any(w in _CAPTION_VERBS for w in words[1:12]):
        score += 1
    n = len(words)
    if n <= 40:
        score += 1
    if n > 55:
        score -= 2
    if re.search(r"\b(?:said|says|told|asked)\b", text):
        score -= 2
    if words and words[0] in {"he", "she", "they", "it", "but", "and", "that", "we", "i", "you", "so"}:
        score -= 1
    return score


# --- bylines ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BylineName:
    """A name in a byline: ``start``/``end`` are offsets in the byline text."""

    text: str
    start: int
    end: int
    role: str
    """author, outlet or agency."""
    canonical: str
    """The registry name of an outlet or agency, else the text."""


_BY = re.compile(r"(?:^|(?<=\s))(?:By|BY|by|Written by|Posted by|Story by|Words by)\s*:?\s+(?=[A-Z])")
_BY_ALONE = re.compile(r"^(?:By|BY|by)\s*:?$")
_BYLINE_CUT = re.compile(
    rf"\s*(?:\b(?:Updated|Published|Posted|Last updated|Modified|on)\b|\b{_MONTH} \d|\d{{1,2}}:\d{{2}}|"
    r"\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}/\d{2,4}|\||•|·|\s-\s\d)"
)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\s[-—–|/]\s|\bfor\b|\bwith\b)\s*")
AGENCY_NAMES = frozenset(
    """ap|associated press|the associated press|reuters|thomson reuters|afp|agence france-presse|
    agence france presse|upi|united press international|bloomberg|bloomberg news|xinhua|kyodo|
    kyodo news|yonhap|yonhap news agency|tass|ria novosti|efe|dpa|ansa|pti|ani|ians|pa|pa media|
    cnn wire|tribune news service|tribune content agency|mcclatchy|mcclatchy washington bureau|
    dow jones|dow jones newswires|anadolu|anadolu agency|aap|cp|the canadian press|canadian press|
    kcna|korean central news agency|wires|wire services|staff and wire reports""".replace("\n", "").split("|")
)
AGENCY_NAMES = frozenset(a.strip() for a in AGENCY_NAMES if a.strip())


def _is_agency(name: str, reg: Registry) -> Outlet | bool:
    o = _registry_agency(reg, name)
    if o is not None:
        return o
    n = " ".join(name.lower().split())
    return n in AGENCY_NAMES or n.removeprefix("the ") in AGENCY_NAMES


_NOT_NAME_WORDS = frozenset(
    """from with by in on at for the a an and or but to of according via about after before this that
    these those here there more most read watch see follow share""".split()
)


def person_like(words: Sequence[str]) -> bool:
    """Whether words read as a person's name: 1-4 capitalised words, no role, outlet or function words."""
    if any(w.lower().strip(".,:;") in _NOT_NAME_WORDS for w in words):
        return False
    core = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not 1 <= len(core) <= 4 or len(words) > 6:
        return False
    for w in core:
        if not (w[0].isupper() and any(c.isalpha() for c in w)):
            return False
        if any(c.isdigit() for c in w) or w.lower() in _ROLE_WORDS or w.lower() in _OUTLET_WORDS:
            return False
    return True


def _classify_chunk(chunk: str, start: int, reg: Registry) -> list[BylineName]:
    """Names in one comma/and-separated piece of a byline."""
    toks: list[tuple[str, int, int]] = []
    raw = list(re.finditer(r"\S+", chunk))
    for k, m in enumerate(raw):
        word = m.group().strip(",;:")
        # a final stop ends the byline; the stop of an initial ("E.") or "Jr." is part of the name
        if k == len(raw) - 1 and word.endswith(".") and len(word) > 3:
            word = word[:-1]
        if word:
            s = start + m.start() + m.group().find(word)
            toks.append((word, s, s + len(word)))
    if not toks:
        return []
    words = [t for t, _, _ in toks]

    def span_text(i: int, j: int) -> str:
        return chunk[toks[i][1] - start : toks[j - 1][2] - start]

    def outlet_at(i: int, j: int) -> BylineName | None:
        text = span_text(i, j)
        o = outlet_named(reg, text)
        agency = _is_agency(text, reg)
        if o is None and not agency:
            return None
        role = "agency" if agency else "outlet"
        if o is None and agency is True and len(text) <= 5:
            o = outlet_named(reg, text.upper())  # "Ap Auto Writer": the registry knows "AP"
        canonical = o.name if o is not None else (agency.name if isinstance(agency, Outlet) else text)
        return BylineName(text, toks[i][1], toks[j - 1][2], role, canonical)

    # the whole chunk an outlet or agency: "Fox News", "The Associated Press", "USA TODAY"
    whole = outlet_at(0, len(words))
    if whole is not None:
        return [whole]
    # a person followed by an outlet: "Jasmine Baehr Fox News"
    for i in range(1, len(words)):
        tail = outlet_at(i, len(words))
        if tail is not None and person_like(words[:i]):
            return [BylineName(span_text(0, i), toks[0][1], toks[i - 1][2], "author", span_text(0, i)), tail]
    # an outlet followed by role words: "Ap Auto Writer", "Reuters Staff"
    for j in range(len(words) - 1, 0, -1):
        head = outlet_at(0, j)
        if head is not None and all(w.lower() in _ROLE_WORDS for w in words[j:]):
            return [head]
    # "Special to CNN": role words then an outlet
    for i in range(1, len(words)):
        if all(w.lower() in _ROLE_WORDS for w in words[:i]):
            tail = outlet_at(i, len(words))
            if tail is not None:
                return [tail]
    # a person followed by role words: "Meg James Staff Writer"
    k = len(words)
    while k > 0 and words[k - 1].lower() in _ROLE_WORDS:
        k -= 1
    if k and person_like(words[:k]):
        return [BylineName(span_text(0, k), toks[0][1], toks[k - 1][2], "author", span_text(0, k))]
    # an unknown outlet, as written, when its words say so: "Live Science"
    if k and all(w[0].isupper() for w in words[:k]) and any(w.lower() in _OUTLET_WORDS for w in words[:k]):
        text = span_text(0, k)
        return [BylineName(text, toks[0][1], toks[k - 1][2], "outlet", text)]
    return []


def read_byline(text: str, registry: Registry | None = None) -> list[BylineName] | None:
    """The names in a byline ("By Jasmine Baehr, Fox News", "Jasmine Baehr By Jasmine Baehr Fox News").

    Returns None when ``text`` does not read as a byline.  Offsets are into ``text``.
    """
    reg = registry or load_registry()
    if len(text) > 200:
        return None
    m = _BY.search(text)
    if m is not None:
        pre = text[: m.start()].strip()
        rest_start = m.end()
        if pre:
            # "Jasmine Baehr By Jasmine Baehr ...": a name shown twice (avatar, then byline);
            # "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a date first.
            rest = text[rest_start:]
            if not (rest.startswith(pre) or _date_line(pre)):
                return None
    else:
        rest_start = 0
    rest = text[rest_start:]
    cut = _BYLINE_CUT.search(rest)
    region = rest[: cut.start()] if cut else rest
    if not region.strip() or len(region.split()) > 16:
        return None
    names: list[BylineName] = []
    pos = 0
    for piece in _BYLINE_SPLIT.split(region):
        if not piece:
            continue
        at = region.find(piece, pos)
        pos = at + len(piece)
        names.extend(_classify_chunk(piece, rest_start + at, reg))
    if m is None:
        # Without "By", every piece must be a name, an outlet or role words.
        pieces = [p for p in _BYLINE_SPLIT.split(region) if p.strip()]
        ok = all(_classify_chunk(p, 0, reg) or all(w.lower() in _ROLE_WORDS for w in p.split()) for p in pieces)
        if not ok or not names:
            return None
    elif not names:
        return None
    return names


def _byline_names(lines: Iterable[str], reg: Registry) -> tuple[list[str], str | None]:
    authors: list[str] = []
    outlet: str | None = None
    for t in lines:
        for n in read_byline(t, reg) or ():
            if n.role == "author" and n.text not in authors:
                authors.append(n.text)
            elif n.role == "outlet" and outlet is None:
                outlet = n.canonical
    return authors, outlet


# --- classification ------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _norm_tokens(s: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(s))


def _same_title(line: str, title: str) -> bool:
    a, b = _norm_tokens(line), _norm_tokens(title)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and long_[: len(short)] == short and len(long_) - len(short) <= 6:
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) >= 0.8


def _similar(a: str, b: str) -> bool:
    sa, sb = set(_norm_tokens(a)), set(_norm_tokens(b))
    if len(sa) < 3 or len(sb) < 3:
        return False
    return len(sa & sb) / len(sa | sb) >= 0.6


def _is_boiler(t: str) -> bool:
    if _BOILER_LINE.match(t):
        return True
    if _BOILER_START.match(t) and len(t.split()) <= 30:
        return True
    words = _norm_tokens(t)
    if words and len(words) <= 14 and not _TERMINAL.search(t):
        return all(w in _JUNK_WORDS or w.isdigit() for w in words)
    return False


def _headline_like(t: str) -> bool:
    n = len(_WORD.findall(t))
    if n < 2 or n > 30 or t.endswith((":", ",")):
        return False
    if _TERMINAL.search(t) and not bool(_ASK_END.search(t)):
        # A final period is rare in headlines (PolNeAR adds one): allow it on short one-sentence lines.
        return n <= 16 and not re.search(r"[.!?]\s+[A-Z]", t)
    return True


_NOT_HEADLINESE = frozenset(
    """i we you he she it they me us him them my our your his its their was were had been this that is are
    has have""".split()
)


def _headline_guess(t: str) -> bool:
    """A first line that reads as a headline even with no title to compare it with.

    Pasted headlines rarely end in a period; one that does must be in Title Case
    ("Getting Some 'Me' Time: Why Millennials Are So Individualistic.") or end in
    ";" (archive exports), or read as headlinese: no personal pronoun and no
    past-tense "was/were/had" ("O'Malley campaign to shift staff, resources to
    Iowa.").  Sentence-case lines like "This time it was personal." are more
    often a short first paragraph.  (Checked on PolNeAR train, whose first
    lines are headlines, and on AllSides, whose texts start with the body.)
    """
    if not _headline_like(t) and not t.endswith(";"):
        return False
    if not (t[:1].isupper() or t[:1].isdigit() or t[:1] in "\"'“‘"):
        return False  # "independence, peaceful reunification ...": a wrapped sentence, not a headline
    if t.endswith(";") or not _TERMINAL.search(t) or bool(_ASK_END.search(t)):
        return True
    words = _WORD.findall(t)
    long_words = [w for w in words if len(w) >= 4]
    if long_words and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6:
        return True
    low = [w.lower() for w in words]
    articles = sum(w in {"the", "a", "an"} for w in low)
    return len(words) <= 14 and not set(low) & _NOT_HEADLINESE and articles <= 1


def _date_line(t: str) -> bool:
    if len(t) > 90:
        return False
    if _DATE_LABEL.match(t):
        return True
    words = _WORD.findall(t)
    if not words:
        return False
    dated = sum(1 for w in words if _DATE_WORDS.fullmatch(w) or w.lower() in {"at", "on", "and", "of"})
    return dated == len(words) and bool(re.search(r"\d|" + _MONTH, t))


def _prose(t: str) -> bool:
    return len(_WORD.findall(t)) >= 20 and bool(_TERMINAL.search(t))


def _classify(lines: list[_Line], title: str | None, reg: Registry, has_headline: bool) -> None:
    """Assign a kind to every line (in place)."""
    free = [ln for ln in lines if not ln.fixed]

    # 1. Lines that say what they are.
    for n, ln in enumerate(free):
        t = ln.text
        if _split_glued(ln, reg, title, n):
            continue
        if CONTRIBUTION.search(t) and len(t.split()) <= 80:
            ln.kind = "credit"
        elif _TAG_LINE.match(t):
            ln.kind = "tag"
        elif _is_boiler(t):
            ln.kind = "boilerplate"
        elif is_credit_line(t, reg) and not DATELINE.match(t):
            ln.kind = "credit"
        elif re.match(r"^(?:Image caption|Media caption|Caption|Photo caption)\b", t):
            ln.kind = "caption"
        elif t.startswith("Story highlights"):
            ln.kind = "dek"
        else:
            at = split_credit(t, reg)
            if at is not None:
                head = t[:at].rstrip()
                inner = t[at:]
                name = inner.strip("()[] .")
                labelled = bool(_CREDIT_LABEL_RE.search(inner) or "/" in inner or " via " in inner)
                # "(Reuters)" after a caption; but not "National Public Radio (NPR)." in a
                # sentence that is prose, nor an acronym spelled out just before it.
                known = (
                    _registry_agency(reg, name) is not None or name.lower() in PICTURE_SOURCES
                ) and _caption_score(head) >= 0 and not _spelled_out(head, name)
                words = len(_WORD.findall(head))
                if (words >= 2 and labelled) or (words >= 3 and (known or (_caption_score(head) >= 2
                                                               and not _spelled_out(head, name)))):
                    s, e = ln.start, ln.start + len(head)
                    ln.kind = "caption"
                    ln.pieces = (("caption", s, e), ("credit", ln.start + at, ln.end))

    # 2. The header: tag, headline, dek, byline, date lines.
    body_from = _header(lines, title, reg, has_headline)

    # 2b. The footer: bios and tag lists after the last paragraph.
    authors = [a for ln in lines if ln.kind == "byline" for a in _byline_names([ln.text], reg)[0]]
    tail = [ln for ln in lines[body_from:] if (ln.kind in {None, "body"}) and (not ln.fixed or ln.kind == "body")]
    for ln in tail[-4:]:
        if _is_bio(ln.text, authors):
            ln.kind = "bio"

    # 3. Credits standing alone make the line before them a caption, and the line
    #    before a caption a media title.  "Michael Conroy, AP" after a caption-shaped
    #    line in the body is a credit (in the header it would be a byline).
    for i, ln in enumerate(lines):
        if ln.fixed and ln.kind != "body":
            continue
        if i >= body_from and ln.kind is None and _name_source_line(ln.text, reg):
            prev = _prev_free(lines, i)
            if prev is not None and prev.kind is None and _caption_candidate(prev.text):
                ln.kind = "credit"
        if ln.kind == "credit" and not CONTRIBUTION.search(ln.text):
            # The caption is usually just before its credit, sometimes just after it.
            prev = _prev_free(lines, i)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            # BBC-style "Image copyright X" then "Image caption ...": the caption follows.
            follows = (nxt is not None and nxt.kind == "caption") or ln.text.lower().startswith("image copyright")
            p_ok = (
                prev is not None
                and prev.kind is None
                and not follows
                and _caption_candidate(prev.text, picture_label(ln.text))
            )
            n_ok = (
                nxt is not None
                and nxt.kind is None
                and not nxt.fixed
                and len(_WORD.findall(nxt.text)) <= 60
                and _caption_score(nxt.text) >= 2
                and bool(_CAPTION_PHRASE.search(nxt.text))
            )
            if p_ok and prev is not None and (not n_ok or nxt is None or _caption_score(prev.text) >= _caption_score(nxt.text)):
                prev.kind = "caption"
            elif n_ok and nxt is not None:
                nxt.kind = "caption"
        if ln.kind == "caption":
            prev = _prev_free(lines, i)
            if prev is not None and prev.kind is None and _headline_like(prev.text) and not _TERMINAL.search(prev.text):
                prev.kind = "media_title"
    # A video player: "Video" then the video's title and its description.
    for i, ln in enumerate(lines):
        if ln.kind == "boilerplate" and _PLAYER.match(ln.text) and i + 1 < len(lines):
            j = i + 1
            while j < len(lines) and lines[j].kind == "boilerplate":
                j += 1
            if j < len(lines) and lines[j].kind is None and _headline_like(lines[j].text):
                lines[j].kind = "media_title"
                k = j + 1
                if k < len(lines) and lines[k].kind is None and len(_WORD.findall(lines[k].text)) <= 45 \
                        and _caption_score(lines[k].text) >= 0:
                    lines[k].kind = "caption"
    # The same caption again (galleries, "less"/"more" toggles): a caption too.
    captions = [ln.text for ln in lines if ln.kind == "caption"]
    for ln in lines:
        if ln.kind is None and not ln.fixed and len(_WORD.findall(ln.text)) >= 6 and any(
            _similar(ln.text, c) for c in captions
        ):
            ln.kind = "caption"
    # "Air pollution in Delhi remains unhealthy.\n\nBerkeley Earth": an unknown credit after a
    # caption-shaped line, set apart from the prose around it.
    for i, ln in enumerate(lines):
        if ln.kind is not None or ln.fixed or i < body_from:
            continue
        n_words = len(_WORD.findall(ln.text))
        prev = _prev_free(lines, i)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            1 <= n_words <= 5
            and not _TERMINAL.search(ln.text)
            and _capitalised(ln.text)
            and not ln.text.isupper()
            and prev is not None
            and prev.kind is None
            and _TERMINAL.search(prev.text)
            and _caption_score(prev.text) >= 2
            and len(_WORD.findall(prev.text)) <= 40
            and (nxt is None or nxt.kind is not None or _prose(nxt.text))
        ):
            ln.kind = "credit"
            prev.kind = "caption"

    # 4. A line repeating the headline further down is a video or image title.
    heads = [ln.text for ln in lines if ln.kind == "headline"]
    for ln in lines[body_from:]:
        if ln.kind is None and not ln.fixed and any(_similar(ln.text, h) for h in heads) and _headline_like(ln.text):
            ln.kind = "media_title"

    # 6. Everything else is body.
    for ln in lines:
        if ln.kind is None:
            ln.kind = "body"


_PLAYER = re.compile(r"^(?:video|watch|play|play video|now playing|up next)$", re.I)


def _name_source_line(t: str, reg: Registry) -> bool:
    """ "Michael Conroy, AP", "Al Goldis, Associated Press": a person and a picture source."""
    if len(t) > 80 or "," not in t:
        return False
    who, _, src = t.rstrip(".").rpartition(",")
    src = src.strip()
    return person_like(who.split()) and (src.lower() in PICTURE_SOURCES or bool(_is_agency(src, reg)))


_BBC_GLUE = re.compile(r"^(?P<credit>Image copyright .+?) (?P<caption>Image caption .+)$")
_PLAYBACK = re.compile(r"^(?P<boiler>Media playback is (?:unsupported|not supported) on your device) ?(?P<rest>.*)$")
_CLOSE_GLUE = re.compile(r"^(?P<boiler>CLOSE) (?P<rest>\S.+)$")
_TOGGLE_GLUE = re.compile(
    r"^(?P<boiler>(?:Enlarge this image|toggle caption|hide caption)(?:\s+(?:toggle|hide) caption)?)\s*(?P<rest>.*)$"
)


def _glued_credit(tail: str, reg: Registry) -> int | None:
    """Length of the picture credit opening ``tail`` ("AP Photo", "Chip Somodevilla/Getty Images", "REUTERS")."""
    toks = list(re.finditer(r"\S+", tail))
    slash = [k for k, m in enumerate(toks[:8]) if "/" in m.group()]
    if slash:
        k = slash[-1]
        after = toks[k].group().rsplit("/", 1)[1]
        end = toks[k].end()
        # the name after the last slash may go on: "Getty Images", "J. David Ake, File"
        for extra in (3, 2, 1):
            if k + extra < len(toks):
                cand = " ".join([after] + [m.group() for m in toks[k + 1 : k + 1 + extra]]).rstrip(",")
                if cand.lower() in PICTURE_SOURCES or outlet_named(reg, cand) is not None:
                    return toks[k + extra].end()
        if k + 1 < len(toks) and toks[k + 1].group() in {"File", "File,", "Pool"}:
            return toks[k + 1].end()
        return end
    for n in (3, 2, 1):
        if n <= len(toks):
            cand = " ".join(m.group() for m in toks[:n]).rstrip(",.")
            low = cand.lower()
            if low in PICTURE_SOURCES or low in {"ap photos", "ap photo", "getty images"} or _registry_agency(reg, cand):
                return toks[n - 1].end()
    return None


def _split_glued(ln: _Line, reg: Registry, title: str | None, n: int) -> bool:
    """Split lines where a page glued a caption, its credit and more together; True when split."""
    t, s = ln.text, ln.start
    m = _BBC_GLUE.match(t)
    if m:
        ln.kind = "caption"
        ln.pieces = (("credit", s, s + m.end("credit")), ("caption", s + m.start("caption"), ln.end))
        return True
    for rx, kind in ((_PLAYBACK, "caption"), (_CLOSE_GLUE, "caption")):
        m = rx.match(t)
        if m and (not m.group("rest") or len(m.group("rest").split()) >= 4):
            ln.kind = "boilerplate"
            if m.group("rest"):
                rest = m.group("rest")
                if rest.startswith("Media caption") or kind == "caption":
                    ln.pieces = (("boilerplate", s, s + m.end("boiler")), ("caption", s + m.start("rest"), ln.end))
            return True
    # NPR-style "Enlarge this image toggle caption Susan Walsh/AP Susan Walsh/AP"
    m = _TOGGLE_GLUE.match(t)
    if m:
        rest = m.group("rest")
        if not rest:
            ln.kind = "boilerplate"
        else:
            ln.kind = "credit"
            ln.pieces = (("boilerplate", s, s + m.end("boiler")), ("credit", s + m.start("rest"), ln.end))
        return True
    # POLITICO-style "Caption text. | AP Photo Headline text"
    bar = t.find(" | ")
    if bar > 0 and len(_WORD.findall(t[:bar])) >= 3:
        tail = t[bar + 3 :]
        k = _glued_credit(tail, reg)
        if k is not None:
            cap_end = s + bar
            cred_s = s + bar + 3
            cred_e = cred_s + k
            pieces: list[tuple[str, int, int]] = [("caption", s, cap_end), ("credit", cred_s, cred_e)]
            rs, re_ = _trim(ln.text, bar + 3 + k, len(t))
            if re_ > rs:
                rest = t[rs:re_]
                kind = "body"
                if (title and _same_title(rest, title)) or (not title and n <= 2 and _headline_like(rest)):
                    kind = "headline"
                pieces.append((kind, s + rs, s + re_))
            ln.kind = "caption"
            ln.pieces = tuple(pieces)
            return True
    return False


def _prev_free(lines: list[_Line], i: int) -> _Line | None:
    """The nearest earlier line that is not boilerplate (share bars sit between captions and credits)."""
    j = i - 1
    while j >= 0 and lines[j].kind == "boilerplate":
        j -= 1
    return lines[j] if j >= 0 else None


def _caption_candidate(t: str, labelled: bool = True) -> bool:
    """Whether a line next to a credit reads as its caption.

    After a picture credit ("Photo: X", "X/Getty Images", "(AP Photo/X)") any
    short description will do; after a bare name ("PTI", "[The Verge]") the line
    must look like a caption: caption wording, or short with no final period.
    """
    n = len(_WORD.findall(t))
    if _date_line(t) or _BY.match(t) or t.endswith(":"):
        return False
    if 3 <= n <= 25 and not _TERMINAL.search(t):
        return True
    return 3 <= n <= 60 and _caption_score(t) >= (0 if labelled else 2)


def picture_label(credit: str) -> bool:
    """Whether a credit says it is for a picture: a label, a slash, "©", "Getty Images" ..."""
    c = credit.strip("()[] .")
    who, comma, _ = c.rpartition(",")
    return bool(
        (comma and person_like(who.split()))  # "Michael Conroy, AP": a photographer and agency
        or _CREDIT_LABEL_RE.match(c)
        or "/" in c
        or re.search(r"\b(?:photo|image|picture|video|footage)s?\b", c, re.I)
        or c.lower() in PICTURE_SOURCES - {"reuters", "ap", "afp", "upi", "bloomberg", "xinhua", "kyodo",
                                            "yonhap", "tass", "efe", "dpa", "ansa", "kcna", "kctv", "pa"}
    )


def _is_bio(t: str, authors: Sequence[str]) -> bool:
    m = _BIO.search(t)
    if m is None or len(t.split()) > 80:
        return False
    name = m.groupdict().get("name")
    if name is None:
        return True
    if authors:
        known = {a.split()[0] for a in authors} | {a.split()[-1] for a in authors} | set(authors)
        if name in known or name.split()[0] in known:
            return True
    # Without a byline to compare with, a full name (two words or more) introducing a role.
    return len(name.split()) >= 2 and person_like(name.split())


def _header(lines: list[_Line], title: str | None, reg: Registry, has_headline: bool) -> int:
    """Type the header lines (tag, headline, dek, byline); return the index where the body starts."""
    top = min(len(lines), 15)
    free = [i for i in range(top) if lines[i].kind is None and not lines[i].fixed]
    if has_headline or any(k == "headline" for ln in lines for k, _, _ in ln.pieces):
        # The headline is known: look for a byline in the first lines only.
        last = -1
        for i in free[:3]:
            ln = lines[i]
            if (_BY.match(ln.text) and read_byline(ln.text, reg) is not None) or (last >= 0 and i == last + 1 and _date_line(ln.text)):
                ln.kind = "byline"
                last = i
        return last + 1 if last >= 0 else 0

    byl = _find_byline(lines, free, reg)
    head: int | None = None
    if title:
        head = next((i for i in free if _same_title(lines[i].text, title)), None)
    cands: list[int]
    if byl is not None:
        cands = [i for i in free if i < byl]
    else:
        cands = []
        for i in free:
            if _prose(lines[i].text) or DATELINE.match(lines[i].text):
                break
            cands.append(i)
        cands = cands[:4]
    last = -1
    if head is not None:
        for i in cands:
            if i < head:
                if _date_line(lines[i].text):
                    lines[i].kind = "byline"
                else:
                    lines[i].kind = "tag" if len(_WORD.findall(lines[i].text)) <= 6 else None
        lines[head].kind = "headline"
        last = head
        after = [i for i in cands if i > head]
    elif title is None and cands:
        # Tags are short lines before a longer headline-like line.
        k = 0
        while (
            k + 1 < len(cands)
            and len(_WORD.findall(lines[cands[k]].text)) <= 4
            and not _TERMINAL.search(lines[cands[k]].text)
            and any(len(_WORD.findall(lines[j].text)) > len(_WORD.findall(lines[cands[k]].text))
                    and _headline_like(lines[j].text) for j in cands[k + 1 :])
        ):
            k += 1
        h = cands[k]
        nxt = next((i for i in range(h + 1, len(lines)) if lines[i].kind is None), None)
        plausible = _headline_guess(lines[h].text) and (
            byl is not None
            or nxt is None
            or _prose(lines[nxt].text)
            or bool(DATELINE.match(lines[nxt].text))
            or _date_line(lines[nxt].text)
            or len(lines[nxt].text) > len(lines[h].text)
            # a headline, then a dek, then prose
            or (nxt + 1 < len(lines) and not _prose(lines[nxt].text) and _prose(lines[nxt + 1].text))
        )
        if plausible:
            for i in cands[:k]:
                lines[i].kind = "tag"
            lines[h].kind = "headline"
            last = h
            after = [i for i in cands if i > h]
        else:
            after = []
    else:
        after = [i for i in cands]
    # Between the headline and the byline: the dek (one or two sentence-like lines).
    deks = 0
    for i in after:
        t = lines[i].text
        if _date_line(t):
            lines[i].kind = "byline"
            last = i
            continue
        if byl is None and (_TERMINAL.search(t) or deks):
            break
        if len(_WORD.findall(t)) >= 6 and deks < 2:
            lines[i].kind = "dek"
            deks += 1
            last = i
        elif byl is not None:
            lines[i].kind = "tag" if len(_WORD.findall(t)) <= 6 else "dek"
            last = i
    # The byline and the lines that belong to it: names, outlet, dates.
    if byl is None:
        # Date lines right after the headline or dek.
        i = last + 1
        while i < top and lines[i].kind is None and _date_line(lines[i].text):
            lines[i].kind = "byline"
            last = i
            i += 1
        return last + 1
    lines[byl].kind = "byline"
    last = max(last, byl)
    i = byl + 1
    while i < top and i <= last + 3:
        ln = lines[i]
        if ln.kind == "boilerplate":
            i += 1
            continue
        if ((ln.kind is None or (ln.kind == "credit" and not ln.pieces)) and (
            _date_line(ln.text) or _outlet_line(ln.text, reg)
        )) or (ln.kind is None and _BY.match(ln.text) and read_byline(ln.text, reg) is not None) or (ln.kind is None and _BY_ALONE.match(lines[i - 1].text) and read_byline("By " + ln.text, reg)):
            ln.kind = "byline"
            last = i
        elif ln.kind is None and len(ln.text) <= 60 and read_byline("By " + ln.text, reg) and any(
            n.role == "author" and n.text in ln.text for n in read_byline("By " + lines[i - 1].text, reg) or ()
        ):
            # the name shown again (avatar, then name)
            ln.kind = "byline"
            last = i
        else:
            break
        i += 1
    return last + 1


def _find_byline(lines: list[_Line], free: list[int], reg: Registry) -> int | None:
    """Index of the byline among the first lines: "By ...", "By" alone before the names, or
    a name line that names an outlet, agency or role ("Tom Krisher, AP Auto Writer") or is
    followed by a date line."""
    prose = 0
    for n, i in enumerate(free):
        t = lines[i].text
        if _prose(t) or len(t) > 200:
            # A dek may be prose; the body's second paragraph means the header is over.
            prose += 1
            if prose >= 2:
                return None
            continue
        if _BY.search(t) and read_byline(t, reg) is not None:
            return i
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _BY_ALONE.match(t) and nxt is not None and read_byline("By " + nxt.text, reg) is not None:
            return i
        if len(t) > 80:
            continue
        names = read_byline(t, reg)
        if not names or not any(x.role == "author" for x in names):
            continue
        if n == 0:
            # The first line is a byline only when an outlet or a date line follows it
            # ("Paul Singer" then "USA TODAY"); else it is more likely the headline.
            if nxt is not None and (_date_line(nxt.text) or _outlet_line(nxt.text, reg)):
                return i
            continue
        evidence = any(x.role in {"outlet", "agency"} for x in names) or any(
            w.lower() in _ROLE_WORDS and w[0].isupper() for w in t.split()
        )
        if evidence or (nxt is not None and (_date_line(nxt.text) or _outlet_line(nxt.text, reg))):
            return i
    return None


def _outlet_line(t: str, reg: Registry) -> bool:
    return len(t) <= 60 and (outlet_named(reg, t) is not None or bool(_is_agency(t, reg)))


# --- blocks ------------------------------------------------------------------------


def _spans(lines: list[_Line]) -> list[tuple[str, int, int]]:
    """Typed spans of the lines, split lines giving their pieces."""
    out: list[tuple[str, int, int]] = []
    for ln in lines:
        out.extend(ln.pieces or ((ln.kind or "body", ln.start, ln.end),))
    return out


def _split_dateline(text: str, blocks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Split a dateline or wire tag off the first body block that opens with one (of the first three)."""
    seen = 0
    for k, (kind, s, e) in enumerate(blocks):
        if kind != "body":
            continue
        seen += 1
        if seen > 3:
            return blocks
        m = DATELINE.match(text[s:e])
        if m is None:
            continue
        ds, de = _trim(text, s, s + m.end())
        bs, be = _trim(text, s + m.end(), e)
        if be <= bs:
            return blocks
        return [*blocks[:k], ("dateline", ds, de), ("body", bs, be), *blocks[k + 1 :]]
    return blocks


def _from_html(article: Article) -> bool:
    return article.format == "html" or (bool(article.blocks) and all(
        b.produced_by.startswith("ingest.html") for b in article.blocks
    ))


def anatomy(article: Article, settings: Settings | None = None) -> Article:
    """The article with typed blocks, and authors/outlet from the byline when the metadata lacks them.

    Plain text is split into lines and each line typed; blocks from HTML
    ingest are kept and their body blocks refined.  Blocks given any other
    way are returned unchanged.  Every block is an exact, trimmed,
    non-overlapping span of ``article.text``, in text order.
    """
    settings = settings or Settings()
    reg = load_registry(tuple(settings.registry))
    text = article.text
    if article.blocks and not _from_html(article):
        return article
    if article.blocks:
        # Ingest typed the headline; its body blocks (one paragraph each) are typed again here.
        lines = [
            _Line(b.start, b.end, text[b.start : b.end], n, None if b.kind == "body" else b.kind,
                  fixed=b.kind != "body")
            for n, b in enumerate(sorted(article.blocks, key=lambda b: b.start))
            if b.end > b.start
        ]
        has_headline = any(b.kind == "headline" for b in article.blocks)
    else:
        lines = _lines(text)
        has_headline = False
    _classify(lines, article.title, reg, has_headline)
    spans = _split_dateline(text, _spans(lines))
    old = {(b.start, b.end): b for b in article.blocks}
    blocks: list[Block] = []
    for kind, s, e in spans:
        prior = old.get((s, e))
        if prior is not None and prior.kind == kind:
            blocks.append(prior)
        else:
            blocks.append(Block(kind, s, e, PRODUCED_BY))
    byline_texts = [text[b.start : b.end] for b in blocks if b.kind == "byline"]
    authors, outlet = _byline_names(byline_texts, reg)
    changes: dict[str, object] = {"blocks": tuple(blocks)}
    if not article.authors and authors:
        changes["authors"] = tuple(authors)
    if article.outlet is None and outlet is not None:
        changes["outlet"] = outlet
    if article.published is None:
        published = _byline_date(byline_texts)
        if published is not None:
            changes["published"] = published
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]


_FULL_DATE = re.compile(
    rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}}),? (?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _byline_date(byline_texts: list[str]) -> str | None:
    """The first complete date (month, day and year) in the byline or date lines, as ISO.

    Only a full date counts: "Published" alone or "June 30" leaves the date unknown.
    """
    import datetime as dt

    for t in byline_texts:
        for m in _FULL_DATE.finditer(t):
            try:
                if m.group("iso"):
                    return dt.date.fromisoformat(m.group("iso")).isoformat()
                month = _MONTHS.index(m.group("month")[:3].lower()) + 1
                return dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None
