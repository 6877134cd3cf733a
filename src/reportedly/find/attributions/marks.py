"""Attributions marked by punctuation: a name and a colon before a quotation ("Darrell Scott: “...”"), a
dash and a name after one ("“...” ― Sonya Herridge"), and a speech verb the parser took for a plural noun closing
its sentence ("..., Mueller charges.").  Each returns the candidate of one token, or None (``candidates`` calls them).
"""

from __future__ import annotations

import re

from ...nlp import Segment, Tok
from .spans import OPEN_QUOTES, Candidate, trimmed_ranges


def closing_tag(seg: Segment, n: Tok) -> Candidate | None:
    """A speech verb closing its sentence that the parser took for a plural noun: "..., Mueller
    charges.", "..., O'Keefe notes." (a comma, a name of one to four words, the verb, the sentence's
    end): the name is the source, the sentence before the comma the content."""
    doc = seg.view
    if n.tag_ != "NNS" or n.i + 1 >= len(doc) or doc[n.i + 1].text not in (".", "!", "?"):
        return None
    start = n.sent.start
    k = n.i - 1
    while k > start and n.i - k <= 4 and doc[k].pos_ == "PROPN":
        k -= 1
    if k == n.i - 1 or doc[k].text != "," or k - start < 3:
        return None
    cand = Candidate(seg, n, (n.i, n.i + 1), pattern="closing_tag", content_rel="head")
    cand.source = [(k + 1, n.i)]
    cand.source_rel = "nsubj"
    cand.content = trimmed_ranges(doc, set(range(start, k)))
    return cand


def colon_lead_in(seg: Segment, colon: Tok) -> Candidate | None:
    """Colon lead-ins: "Darrell Scott: “...”", "He said: “...”" is handled by the verb."""
    doc = seg.view
    sent = colon.sent
    before = [t for t in doc[sent.start : colon.i]]
    after = doc[colon.i + 1 : sent.end]
    if not before or not len(after):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    # the speaker is a short name before the colon
    if len(before) > 6 or not any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in before):
        return None
    first = after[0]
    if first.text not in OPEN_QUOTES:
        return None
    cand = Candidate(seg, colon, (colon.i, colon.i + 1), pattern="colon", content_rel="colon")
    cand.source = trimmed_ranges(doc, {t.i for t in before})
    cand.source_rel = "colon"
    cand.content = trimmed_ranges(doc, set(range(colon.i + 1, sent.end)))
    return cand


DASH_INITIALS = True
_INITIAL = re.compile(r"[A-Z]\.")


def dash_name(seg: Segment, dash: Tok) -> Candidate | None:
    """Dash attributions after a quote: "“...” ― Sonya Herridge"; the quote is attached by the caller."""
    doc = seg.view
    name: list[Tok] = []
    for t in doc[dash.i + 1 : dash.i + 8]:
        if not name and not t.text.strip():
            continue  # "” ―\xa0Julie Diaz": a no-break space after the dash is a token of its own
        if t.pos_ == "PROPN" or (t.text.istitle() and t.text.isalpha()) or (DASH_INITIALS and name and _INITIAL.fullmatch(t.text)):
            name.append(t)  # "― Julie A. Diaz Martinez": a middle initial is part of the name
        else:
            break
    if not name:
        return None
    cand = Candidate(seg, dash, (dash.i, dash.i + 1), pattern="dash", content_rel="quote_before")
    cand.source = [(name[0].i, name[-1].i + 1)]
    cand.source_rel = "dash"
    return cand
