"""A person written with a nickname in quotation marks between the given name and the surname ("Sean “Diddy” Combs",
"Lewis “Scooter” Libby"): spaCy tags none of it or a piece ("Libby"), and a list of sources holding it lost its first
person ("Sean “Diddy” Combs and former basketball star Magic Johnson" was Magic Johnson alone).  One person's mention
over the whole, named as written; the mentions spaCy made inside it give way."""

from __future__ import annotations

from ...nlp import Parsed, texts
from .clusters import FUNCTION_WORDS
from .edges import char_span
from .lexicon import Lexicon, first_names
from .mentions import Mention

_OPEN = frozenset({"“", '"'})
_CLOSE = frozenset({"”", '"'})


def _name_word(w: str, lex: Lexicon) -> bool:
    return (
        len(w) > 1 and w[0].isupper() and w[1:].replace("-", "").isalpha() and not w[1:].isupper()
        and w.lower() not in FUNCTION_WORDS and not lex.is_title_word(w)
    )


def nicknamed(parsed: Parsed, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``mentions`` with each given name, quoted nickname (one or two capitalised words) and surname one person's
    mention, when the given name is one the lexicon knows or spaCy tagged the given name or the surname a person
    ("Will “Autocratic” Trump", a headline's verb, is neither)."""
    found: list[Mention] = []
    given = first_names()
    for si, seg in enumerate(parsed.segments):
        doc = seg.doc
        words = texts(doc)
        for i in range(len(doc) - 4):
            if words[i + 1] not in _OPEN or not _name_word(words[i], lex):
                continue
            close = next((k for k in (i + 3, i + 4) if k < len(doc) - 1 and words[k] in _CLOSE), None)
            if close is None or not all(_name_word(w, lex) for w in words[i + 2 : close]):
                continue
            last = doc[close + 1]
            if not _name_word(last.text, lex) or not (
                words[i].lower() in given or "PERSON" in (doc[i].ent_type_, last.ent_type_)
            ) or doc[i].tag_ == "MD":
                continue
            a, b = char_span(parsed, si, doc, i, close + 2)
            found.append(Mention(si, i, close + 2, a, b, "FOUND", "person", person=True))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.seg == f.seg and m.tok_start < f.tok_end and f.tok_start < m.tok_end for f in found)]
    return sorted([*kept, *found], key=lambda m: (m.start, m.end))
