"""The shape of one line: boilerplate, a date line, a headline, prose, the words of the title.

Predicates on the text of a single line, with no registry and no neighbouring lines.
"""

from __future__ import annotations

import functools
import re

from .patterns import (
    ASK_END,
    BOILER_LINE,
    BOILER_START,
    DATE_LABEL,
    DATE_WORDS,
    FORM_MENU,
    FURNITURE_ANYWHERE,
    JUNK_WORDS,
    LINK_LABEL,
    LINK_TRAILER,
    MONTH,
    TERMINAL,
    WORD,
)


@functools.lru_cache(maxsize=4096)
def _norm_tokens(s: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD.findall(s))


def same_title(line: str, title: str) -> bool:
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


def similar(a: str, b: str) -> bool:
    sa, sb = set(_norm_tokens(a)), set(_norm_tokens(b))
    if len(sa) < 3 or len(sb) < 3:
        return False
    return len(sa & sb) / len(sa | sb) >= 0.6


def is_boiler(t: str) -> bool:
    if BOILER_LINE.match(t):
        return True
    if BOILER_START.match(t) and len(t.split()) <= 30:
        return True
    if FURNITURE_ANYWHERE.search(t) and len(t.split()) <= 40:
        return True
    if FORM_MENU.search(t):
        return True
    if (LINK_LABEL.match(t) or LINK_TRAILER.match(t)) and len(t.split()) <= 30:
        return True
    words = _norm_tokens(t)
    if words and len(words) <= 14 and not TERMINAL.search(t):
        return all(w in JUNK_WORDS or w.isdigit() for w in words)
    return False


def headline_like(t: str) -> bool:
    n = len(WORD.findall(t))
    if n < 2 or n > 30 or t.endswith((":", ",")):
        return False
    if TERMINAL.search(t) and not bool(ASK_END.search(t)):
        # A final period is rare in headlines (PolNeAR adds one): allow it on short one-sentence lines.
        return n <= 16 and not re.search(r"[.!?]\s+[A-Z]", t)
    return True


_NOT_HEADLINESE = frozenset(
    """i we you he she it they me us him them my our your his its their was were had been this that is are
    has have""".split()
)


def headline_guess(t: str) -> bool:
    """A first line that reads as a headline even with no title to compare it with.

    Pasted headlines rarely end in a period; one that does must be in Title Case
    ("Getting Some 'Me' Time: Why Millennials Are So Individualistic.") or end in
    ";" (archive exports), or read as headlinese: no personal pronoun and no
    past-tense "was/were/had" ("O'Malley campaign to shift staff, resources to
    Iowa.").  Sentence-case lines like "This time it was personal." are more
    often a short first paragraph.  (Checked on PolNeAR train, whose first
    lines are headlines, and on AllSides, whose texts start with the body.)
    """
    if not headline_like(t) and not t.endswith(";"):
        return False
    if not (t[:1].isupper() or t[:1].isdigit() or t[:1] in "\"'“‘"):
        return False  # "independence, peaceful reunification ...": a wrapped sentence, not a headline
    if t.endswith(";") or not TERMINAL.search(t) or bool(ASK_END.search(t)):
        return True
    words = WORD.findall(t)
    long_words = [w for w in words if len(w) >= 4]
    if long_words and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6:
        return True
    low = [w.lower() for w in words]
    articles = sum(w in {"the", "a", "an"} for w in low)
    return len(words) <= 14 and not set(low) & _NOT_HEADLINESE and articles <= 1


def date_line(t: str) -> bool:
    if len(t) > 90:
        return False
    if DATE_LABEL.match(t):
        return True
    words = WORD.findall(t)
    if not words:
        return False
    dated = sum(1 for w in words if DATE_WORDS.fullmatch(w) or w.lower() in {"at", "on", "and", "of"})
    return dated == len(words) and bool(re.search(r"\d|" + MONTH, t))


def is_prose(t: str) -> bool:
    return len(WORD.findall(t)) >= 20 and bool(TERMINAL.search(t))
