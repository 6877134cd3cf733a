"""Picture credits: credit lines, a caption's trailing credit, credits glued to captions.

"(Credit: Reuters)", "(AP Photo/Evan Vucci)", ". Andrew Burton/Getty Images",
"Michael Conroy, AP" ..., and whether the line next to a credit reads as its caption.
"""

from __future__ import annotations

import re

from ..registry import Registry, load_registry
from .lines import Line, trim
from .names import is_agency, outlet_named, person_like, registry_agency
from .patterns import (
    BARE_TAIL,
    BY,
    BY_ALONE,
    CAPTION_PHRASE,
    CAPTION_VERBS,
    CREDIT_LABEL_RE,
    GLUED_TAIL,
    NAME_PARTICLES,
    PAREN_TAIL,
    PICTURE_SOURCES,
    PIPE_CREDIT,
    SLASH_CREDIT,
    TERMINAL,
    WORD,
    WORD_GLUED_CREDIT,
)
from .shape import date_line, headline_like, same_title

_CITED_ON = re.compile(r",\s*\d{1,2}/\d{1,2}/\d{2,4}$")
"""A source cited with its date ("[CNN, 6/23/15]", Media Matters): no picture's credit."""


def _looks_like_credit(inner: str, reg: Registry) -> bool:
    """Whether the text inside a trailing "( )" or a whole line reads as a picture credit."""
    s = inner.strip().rstrip(".").strip()
    if not s or len(s) > 120 or date_line(s) or _CITED_ON.search(s):
        return False
    if CREDIT_LABEL_RE.match(s) or re.match(r"^[A-Z][\w.&]*(?: [A-Z][\w.&]*)? (?:photo|image|video)s?\s*:", s, re.I):
        return True
    filed = re.match(r"^(?:File|File photo|Archive|Archives)\s*:\s*(?P<rest>.+)$", s, re.I)
    if filed is not None:
        # "[File: Reuters]", "(File photo: AP)": an archive picture and whose it is
        return capitalised(filed.group("rest")) and len(filed.group("rest").split()) <= 6
    low = s.lower()
    if low in PICTURE_SOURCES or outlet_named(reg, s) is not None:
        return True
    parts = [p.strip() for p in re.split(r"\s?/\s?|\s+via\s+", s) if p.strip()]
    if len(parts) >= 2 and all(capitalised(p) and len(p.split()) <= 5 for p in parts):
        return True
    return any(p.lower() in PICTURE_SOURCES for p in parts)


def capitalised(s: str) -> bool:
    words = [w for w in s.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w[0] in "©(" for w in words)


def split_credit(line: str, reg: Registry | None = None) -> int | None:
    """Where a caption's trailing credit starts in ``line``, or None.

    Recognises "(Credit: Reuters)", "(Reuters)", "(AP Photo/Evan Vucci)",
    ". Andrew Burton/Getty Images", ". Photo: Damian Dovarganes, AP".
    """
    reg = reg or load_registry()
    m = PAREN_TAIL.search(line)
    if m and m.start() > 0 and _looks_like_credit(m.group("inner") or m.group("inner2"), reg):
        return m.start()
    g = GLUED_TAIL.search(line)
    if g and g.start("credit") > 0:
        return g.start("credit")
    w = _glued_label(line)
    if w and len(line) - w.end() <= 100:
        return w.start()
    m2 = BARE_TAIL.search(line)
    if m2 and m2.start("credit") > 0:
        cred = m2.group("credit")
        if CREDIT_LABEL_RE.match(cred) or _looks_like_credit(cred, reg):
            return m2.start("credit")
    return None


# A name and a reporting verb before a colon: "The Associated Press reports:", "Reuters wrote:".
REPORTS_COLON = re.compile(
    r"\b(?:reports|reported|writes|wrote|says|said|notes|noted|adds|added|explains|explained|tells|told|"
    r"quotes|quoted|states|stated)\s*:\s*$",
    re.I,
)


def is_credit_line(line: str, reg: Registry | None = None) -> bool:
    """Whether a whole line is a picture credit ("Getty Images", "Photo: X", "(Walt Disney Co.)")."""
    reg = reg or load_registry()
    s = line.strip()
    if len(s) > 140 or (TERMINAL.search(s) and not s.endswith(")") and not s.endswith(".")):
        return False
    if REPORTS_COLON.search(s):
        return False  # "The Associated Press reports:": an attribution leading into a quote, not a credit
    if BY.match(s) or BY_ALONE.match(s):
        return False
    if s.startswith("[") and s.endswith("]"):
        return _looks_like_credit(s[1:-1], reg)
    pipe = PIPE_CREDIT.match(s.rstrip("."))
    if pipe and "|" in s:
        src = pipe.group("src").strip()
        return src.lower() in PICTURE_SOURCES or bool(is_agency(src, reg))
    if s.startswith("(") and s.endswith(")"):
        inner = s[1:-1]
        if _looks_like_credit(inner, reg):
            return True
        # "(Walt Disney Co.)": a short capitalised name in brackets on its own line
        return capitalised(inner) and len(inner.split()) <= 6 and not date_line(inner)
    if CREDIT_LABEL_RE.match(s):
        rest = CREDIT_LABEL_RE.sub("", s, count=1).strip()
        return 0 < len(rest.split()) <= 12
    if re.fullmatch(SLASH_CREDIT, s.rstrip(".")):
        # not a subhead such as "Medicare/Medicaid buy-ins": lower-case words only of names and picture labels
        if not all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in CREDIT_LOWER for w in re.split(r"[\s/]+", s)):
            return False
        # nor "More Race/Ethnicity": a photographer's name before the slash or a picture source after it
        parts = [x.strip() for x in s.rstrip(".").split("/")]
        return all(person_like(who.split()) for who in re.split(r" and |, ", parts[0])) or any(
            x.lower() in PICTURE_SOURCES or x.lower() == "staff" or bool(is_agency(x, reg)) or bool(reg.find(x, strict=False))
            for x in parts[1:]
        )
    bare = s.strip(" .—-")
    return bare.lower() in PICTURE_SOURCES or registry_agency(reg, bare) is not None


CREDIT_LOWER = NAME_PARTICLES | frozenset(
    "via for of the and by courtesy et istock istockphoto photo photos image images file pool staff handout "
    "contributor".split()
)
"""The lower-case words a credit's names may hold ("Susan Walsh/AP Photo via Getty", "courtesy of the family")."""


def spelled_out(before: str, acronym: str) -> bool:
    """Whether ``acronym`` ("NPR") abbreviates the words just before it ("National Public Radio")."""
    if not acronym.isupper() or not 2 <= len(acronym) <= 6:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", before) if w.lower() not in {"of", "the", "and", "for", "&"}]
    initials = "".join(w[0].upper() for w in words[-len(acronym) :])
    return initials == acronym


def caption_score(text: str) -> int:
    """How much a line reads like a picture caption (present-tense description).

    Points for caption wording, a caption verb ("speaks", "poses") among the
    first words and a short line; points off for a long line, a speech verb ("said", "told", "added" ...), and a
    pronoun or conjunction first.
    """
    score = 0
    words = [w.lower() for w in WORD.findall(text)]
    if CAPTION_PHRASE.search(text):
        score += 2
    if any(w in CAPTION_VERBS for w in words[1:12]):
        score += 1
    n = len(words)
    if n <= 40:
        score += 1
    if n > 55:
        score -= 2
    if re.search(r"\b(?:said|says|told|asked|added|adds|continued|explained|insisted|declared|argued)\b", text):
        score -= 2  # (a speaker's words: "Ryan added: “...”" before a picture credit is prose, not its caption)
    if words and words[0] in {"he", "she", "they", "it", "but", "and", "that", "we", "i", "you", "so"}:
        score -= 1
    return score


def name_source_line(t: str, reg: Registry) -> bool:
    """ "Michael Conroy, AP", "Al Goldis, Associated Press": a person and a picture source."""
    if len(t) > 80 or "," not in t:
        return False
    who, _, src = t.rstrip(".").rpartition(",")
    src = src.strip()
    return person_like(who.split()) and (src.lower() in PICTURE_SOURCES or bool(is_agency(src, reg)))


_BBC_GLUE = re.compile(r"^(?P<credit>Image copyright .+?) (?P<caption>Image caption .+)$")
_PLAYBACK = re.compile(r"^(?P<boiler>Media playback is (?:unsupported|not supported) on your device) ?(?P<rest>.*)$")
_CLOSE_GLUE = re.compile(r"^(?P<boiler>CLOSE) (?P<rest>\S.+)$")
_TOGGLE_GLUE = re.compile(
    r"^(?P<boiler>(?:Enlarge this image|toggle caption|hide caption)(?:\s+(?:toggle|hide) caption)?)\s*(?P<rest>.*)$"
)


MAX_GLUED_CAPTION = 60
"""Words at most before a credit glued to a word ("...ShowCredit: X"): a caption, not a paragraph."""


def _glued_label(line: str) -> re.Match[str] | None:
    """A credit label glued to the last word of a caption of 3 to ``MAX_GLUED_CAPTION`` words ("... at San Jose
    ShowCredit: Twitter/RaptorJesuss"), or None."""
    m = WORD_GLUED_CREDIT.search(line)
    return m if m and 3 <= len(WORD.findall(line[: m.start()])) <= MAX_GLUED_CAPTION else None


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
            if low in PICTURE_SOURCES or low in {"ap photos", "ap photo", "getty images"} or registry_agency(reg, cand):
                return toks[n - 1].end()
    return None


def split_glued(ln: Line, reg: Registry, title: str | None, n: int) -> bool:
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
    # "Kanye West Says He is Preparing for 2020 Run at San Jose ShowCredit: Twitter/RaptorJesuss Kanye West
    # aggravated fans ...": a video's title, its credit glued to the last word, and the body going on
    m = _glued_label(t)
    if m:
        k = _glued_credit(t[m.end() :], reg)
        if k is not None:
            rs, re_ = trim(t, m.end() + k, len(t))
            if len(WORD.findall(t[rs:re_])) >= 4:
                ln.kind = "caption"
                ln.pieces = (("caption", s, s + m.start()), ("credit", s + m.start(), s + m.end() + k),
                             ("body", s + rs, s + re_))
                return True
    # POLITICO-style "Caption text. | AP Photo Headline text"
    bar = t.find(" | ")
    if bar > 0 and len(WORD.findall(t[:bar])) >= 3:
        tail = t[bar + 3 :]
        k = _glued_credit(tail, reg)
        if k is not None:
            cap_end = s + bar
            cred_s = s + bar + 3
            cred_e = cred_s + k
            pieces: list[tuple[str, int, int]] = [("caption", s, cap_end), ("credit", cred_s, cred_e)]
            rs, re_ = trim(ln.text, bar + 3 + k, len(t))
            if re_ > rs:
                rest = t[rs:re_]
                kind = "body"
                if (title and same_title(rest, title)) or (not title and n <= 2 and headline_like(rest)):
                    kind = "headline"
                pieces.append((kind, s + rs, s + re_))
            ln.kind = "caption"
            ln.pieces = tuple(pieces)
            return True
    return False


_COUNTER = re.compile(r"\bHide Caption \d{1,3} of \d{1,3}\b")
_GALLERY_LABEL = re.compile(r"(?:^|(?<=\s))(?:Photos?|Gallery|Pictures|Images): ")


def gallery_pieces(ln: Line) -> tuple[tuple[str, int, int], ...]:
    """A gallery pasted as one line (``patterns.GALLERY``) cut into its pictures' captions, with the counters ("Hide
    Caption 3 of 10") and the gallery's label said before each picture ("Photos: New York prison escape") as
    boilerplate: one caption no longer runs into the next.  The label is the words every "Photos: " starts with
    (none when it is said once); () when the line has no counter."""
    t, s = ln.text, ln.start
    if not _COUNTER.search(t):
        return ()
    marks = list(_GALLERY_LABEL.finditer(t))
    label = ""
    if len(marks) >= 2:
        rests = [t[m.end() :] for m in marks]
        common = rests[0]
        for r in rests[1:]:
            n = 0
            while n < min(len(common), len(r)) and common[n] == r[n]:
                n += 1
            common = common[:n]
        common = common[: hit.start()] if (hit := _COUNTER.search(common)) else common
        whole = common.endswith(" ") or all(r[len(common) : len(common) + 1] in ("", " ") for r in rests)
        label = (common if whole else common.rpartition(" ")[0]).rstrip()
    furniture = [(m.start(), m.end() + (len(label) if t.startswith(label, m.end()) else 0)) for m in marks]
    furniture += [(m.start(), m.end()) for m in _COUNTER.finditer(t)]
    pieces: list[tuple[str, int, int]] = []
    at = 0
    for a, b in sorted(furniture):
        if a < at:
            continue
        cs, ce = trim(t, at, a)
        if WORD.search(t[cs:ce]):
            pieces.append(("caption", s + cs, s + ce))
        if pieces and pieces[-1][0] == "boilerplate" and not WORD.search(t[pieces[-1][2] - s : a]):
            pieces[-1] = ("boilerplate", pieces[-1][1], s + b)  # (the counter and the next label: one piece)
        else:
            pieces.append(("boilerplate", s + a, s + b))
        at = b
    cs, ce = trim(t, at, len(t))
    if WORD.search(t[cs:ce]):
        pieces.append(("caption", s + cs, s + ce))
    return tuple(pieces)


def caption_candidate(t: str, labelled: bool = True) -> bool:
    """Whether a line next to a credit reads as its caption.

    After a picture credit ("Photo: X", "X/Getty Images", "(AP Photo/X)") any
    short description will do; after a bare name ("PTI", "[The Verge]") the line
    must look like a caption: caption wording, or short with no final period.
    """
    n = len(WORD.findall(t))
    if date_line(t) or BY.match(t) or t.endswith(":"):
        return False
    if 3 <= n <= 25 and not TERMINAL.search(t):
        return True
    return 3 <= n <= 60 and caption_score(t) >= (0 if labelled else 2)


def picture_label(credit: str) -> bool:
    """Whether a credit says it is for a picture: a label, a slash, "©", "Getty Images" ..."""
    c = credit.strip("()[] .")
    who, comma, _ = c.rpartition(",")
    return bool(
        (comma and person_like(who.split()))  # "Michael Conroy, AP": a photographer and agency
        or CREDIT_LABEL_RE.match(c)
        or "/" in c
        or re.search(r"\b(?:photo|image|picture|video|footage)s?\b", c, re.I)
        or c.lower() in PICTURE_SOURCES - {"reuters", "ap", "afp", "upi", "bloomberg", "xinhua", "kyodo",
                                            "yonhap", "tass", "efe", "dpa", "ansa", "kcna", "kctv", "pa"}
    )
