"""Page furniture inside a paragraph: text a page puts in the middle of a sentence, which the sentence must be
read without.

``inline_furniture(text)`` gives the spans of ``text`` that are such furniture, and ``blank`` writes them as
spaces (every offset kept).  The parse reads a block blanked this way (``nlp.parse_many``), so no finding comes
from the furniture and the sentence around it parses whole, while every span still points into
``Article.text``.

Four kinds: links to other stories in brackets (``LINKED_HEADLINE``), the BBC's caption labels
(``PLAYER_LABEL``), CNN's "Story highlights" label (``HIGHLIGHTS_LABEL``), and The Hill's name cards (``HOVERCARD``):
"Rep. Ilhan Omar Ilhan OmarKrystal Ball: Billionaires panicking over Sanders candidacy Omar renews claim ... MORE
(D-Minn.) and the ..." is the name as written, then the person's full name glued to up to three headlines of other
stories, then "MORE".  In the 5,000 AllSides articles: 903 cards in 163 articles (159 from The Hill, 4 of its guest
columns; and 14 whose surname a space parts from the first headline), where they made entity names ("Trump Donald",
"Heller Dean"), attributions of the headlines ("Graham says Schiff should be a witness") and sources lost in the
sentence ("... MORE (R-Wis.) defended journalists Friday, saying ..."); none in the KCNA stories, 128 in the relay
articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Span

HOVERCARD = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]*[a-z])(?: [A-Z(][\w'’.()-]*){0,6}? (?P=name)(?=[A-Z0-9'‘“\"(])"
    r"[^\n]{5,600}? MORE(?=[\s’'.,;:)]|$)"
)
"""A name card: a surname, up to six more capitalised words (the given and middle names, "(Mitch)"), the
surname again glued to the first headline, the headlines, and " MORE".  The card runs from the end of the first
surname (the name as written stays) to the end of "MORE"."""


_SPACED_CARD = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]*[a-z])(?: [A-Z(][\w'’.()-]*){0,6}? (?P=name) (?=[A-Z][a-z]+ [a-z])[^\n]{5,600}? MORE(?=[\s’'.,;:)]|$)"
)
"""A name card whose surname and first headline a space parts ("Speaker Paul Ryan Paul Davis Ryan Retirees should say
'no thanks' to ... MORE"): taken where no glued card (``HOVERCARD``) overlaps it, which may start at a later word of the
name ("Shelley Moore Capito Shelley Wellons Moore CapitoShelley ...")."""


def _cards(text: str) -> list[Span]:
    glued = [(m.end("name"), m.end()) for m in HOVERCARD.finditer(text)]
    spaced = [(m.end("name"), m.end()) for m in _SPACED_CARD.finditer(text)]
    return glued + [(s, e) for s, e in spaced if not any(s < ge and gs < e for gs, ge in glued)]


_MISSPELT_CARD = re.compile(
    r"\b(?P<name>(?P<pre>[A-Z][a-z]{3})[\w'’.-]*[a-z])(?: [A-Z(][\w'’.()-]*){0,6}? (?P<glued>(?P=pre)[a-z]+)(?=[A-Z][a-z])"
    r"[^\n]{5,600}? MORE(?=[\s’'.,;:)]|$)"
)
"""A name card whose glued surname the page misspelt ("Rep. Ryan Costello Ryan Anthony CostellloFormer GOP Rep. Costello
launches ... MORE"): the glued word starts as the surname does (four letters), and is not it."""


def _misspelt_cards(text: str) -> list[Span]:
    return [
        (m.end("name"), m.end()) for m in _MISSPELT_CARD.finditer(text)
        if m.group("glued") != m.group("name")
    ]


LINKED_HEADLINE = re.compile(
    r"\((?:RELATED|MORE|PHOTOS?|VIDEO|WATCH|READ(?: MORE)?|SEE(?: ALSO)?|ALSO READ|ALSO SEE)\s*:[^()\n]{3,300}\)"
)
"""A link to another story in brackets, under a label in capitals: "(RELATED: Alyssa Milano Says Joe Biden Deserves
‘Due Process’ In Sexual Assault Allegation)", "(MORE: Former ambassador to Ukraine says Trump had her removed ...)",
"(PHOTOS: CPAC 2013)".  In the 5,000 AllSides articles: 44 (The Daily Caller 38, Politico 4, Yahoo! News 2), whose
headlines were read as the article's attributions; none in KCNA, 1 in the relay articles."""


PLAYER_LABEL = re.compile(r"(?:\bMedia playback is unsupported on your device\s+)?\b(?:Media|Image|Video) caption\b[ \t]*")
"""The BBC's labels of a picture's or a video's caption ("Media playback is unsupported on your device Media caption
Theresa May: ...", "Image caption Stormy Daniels says ..."), which the caption's first sentence was parsed with ("Media
caption The BBC's Gabriel Gatehouse" a source): 338 in 98 BBC News articles of AllSides, none in KCNA or the relay
articles."""


HIGHLIGHTS_LABEL = re.compile(r"(?m)^Story highlights[ \t]+(?=\S)")
"""CNN's label glued to the first of its story highlights ("Story highlights Die-hard conservatives blame Mitt Romney
..."), read as an attribution with the source "Story" and the cue "highlights": 142 AllSides articles (CNN 139)."""
DIRECTION_MARK = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
"""Invisible marks of writing direction (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and a byte order mark that
pages paste inside English text ("Laurence Tribe" and U+200F before ", a constitutional law professor": spaCy then found
no name): no word holds them."""


def inline_furniture(text: str) -> list[Span]:
    """Spans of ``text`` that are page furniture inside a sentence, in order, not overlapping."""
    spans = sorted(
        _cards(text)
        + _misspelt_cards(text)
        + [m.span() for m in LINKED_HEADLINE.finditer(text)]
        + [m.span() for m in PLAYER_LABEL.finditer(text)]
        + [m.span() for m in HIGHLIGHTS_LABEL.finditer(text)]
        + [m.span() for m in DIRECTION_MARK.finditer(text)]
    )
    out: list[Span] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def blank(text: str, spans: Sequence[Span]) -> str:
    """``text`` with every character of ``spans`` (in text order; overlaps and ends past the text are clipped) that
    is not a line break replaced by a space."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for s, e in spans:
        s, e = max(s, pos), min(e, len(text))
        if e > s:
            out += [text[pos:s], _NOT_BREAK.sub(" ", text[s:e])]
            pos = e
    out.append(text[pos:])
    return "".join(out)


_NOT_BREAK = re.compile(r"[^\n]")
