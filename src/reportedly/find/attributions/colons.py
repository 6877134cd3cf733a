"""Contents a cue takes from beside it: the quote before or after it, the paragraph after a colon ("X told KCNA:",
"Rodong Sinmun says in a bylined commentary in this regard:"), and the medium something was said in ("said in a joint
statement that ...", "says this in a bylined article").  ``extract`` runs the medium rules, then ``attach_quote``
for each candidate that has no content of its own (step 1 of the package docstring: "X said: “...”")."""

from __future__ import annotations

import re

from ...nlp import Segment, Tok
from .quotes import MARKS, QuoteIndex, QuoteRegion
from .spans import Candidate

_AND_QUOTE = re.compile(r"[ ,]*(?:and|or|then)[ ,]+(?=[“\"])")

_MEDIUM_NOUNS = ("commentary|article|editorial|statement|report|letter|message|speech|bulletin|interview|lecture|preface|tone|voice"
                 "|email|e-mail|tweet|post|op-ed|column|memo|note|essay|podcast|video|book|filing|blog")
_BEFORE_COLON = re.compile(
    r"\s+(?:(?:from|in)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|that|on|in\s+this\s+(?:regard|connection|respect)"
    r"|as\s+follows"
    rf"|in\s+(?:a|an|its|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}(?:{_MEDIUM_NOUNS})\b[^:\n]{{0,60}}?)(?=\s*:)"
)
"""Words between a cue and the colon of its quote: a place ("reports from Pyongyang:", "said in Seoul:"), a
lone "that" ("adds that:"), the "on" of "goes on:" the parse left out of the cue, the medium ("observes in a
bylined commentary in this regard:", 331 KCNA stories).  ``_MEDIUM_THEN_COLON``: a medium or "in this regard"
right after the cue's "in" ("says in this regard:", 31 KCNA stories)."""
_TO_COLON = re.compile(r"[ \t]*:")
_MEDIUM_THEN_COLON = re.compile(
    rf"\s+in\s+(?:\S+(?:\s+[\w-]+){{0,3}}?\s+(?:{_MEDIUM_NOUNS})\b[^:\n]{{0,60}}|this\s+(?:regard|connection|respect)\s*)"
    r":\s*(?:$|[“\"])"
)


def medium_then_that(c: Candidate) -> None:
    """"said in a joint statement that Kim Il Sung founded ...": the parser hung the that-clause on the medium, and the
    cue "said in" took "a joint statement that ..." for its content; the cue runs to the medium, "said in a joint
    statement", as PolNeAR marks it, and the content is the clause."""
    doc = c.seg.view
    if not _cue_ends_with_in(c) or len(c.content) != 1:
        return
    medium = _medium_noun(doc[c.cue[1] - 1])
    said = next((k for k in medium.children if k.dep_ in ("acl", "ccomp", "relcl") and k.i > medium.i and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in k.children)), None) if medium is not None else None
    if said is None:
        return
    c.cue = (c.cue[0], said.left_edge.i)
    c.content = [(said.left_edge.i, min(said.right_edge.i + 1, c.content[0][1]))]
    c.content_rel = "ccomp"


def _cue_ends_with_in(c: Candidate) -> bool:
    """Whether a cue of more than one word ends with the "in" its prepositional content hangs on ("said in")."""
    return c.content_rel == "prep" and c.cue[1] - c.cue[0] >= 2 and c.seg.view[c.cue[1] - 1].lower_ == "in"


def medium_of(c: Candidate) -> int | None:
    """The token index of the "in" that brings in the medium of a verbal cue whose content is "this" ("says this in
    a bylined article"), when it follows the cue, else None."""
    if c.pattern != "verb" or c.content_rel != "dobj" or c.seg.view[c.content[0][0]].lower_ not in ("this", "so"):
        return None  # only after "says this": PolNeAR's annotators keep "in a statement" in a content as often as not
    return next((k.i for k in c.head.children if k.dep_ == "prep" and k.i > c.head.i and _medium_noun(k) is not None), None)


_MEDIUM_SET = frozenset(_MEDIUM_NOUNS.split("|"))


def _medium_noun(prep: Tok) -> Tok | None:
    """The medium an "in" brings in ("in a joint statement", "in a bylined article"): its object, or None."""
    if prep.lower_ != "in":
        return None
    return next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _MEDIUM_SET), None)


def medium_before_colon(c: Candidate) -> bool:
    """Whether the cue's last word is the "in" of the medium it was said in, and a colon after that medium closes
    the paragraph or opens a quote ("Rodong Sinmun observes in a bylined commentary:" and a block): the cue is the
    verb alone and the block or quote what is said (``attach_quote``), not "a bylined commentary"."""
    doc = c.seg.view
    if not _cue_ends_with_in(c):
        return False
    text = c.seg.doc.text
    at = doc[c.cue[1] - 2].idx + len(doc[c.cue[1] - 2].text)
    if _MEDIUM_THEN_COLON.match(text, at) is None:
        return False
    c.cue = (c.cue[0], c.cue[1] - 1)
    return True


_LEAD_IN_VERBS = frozenset(
    """say respond reply answer counter email tweet text post write add explain note report claim comment remark state
    warn argue insist retort quip recall conclude observe declare tell ask announce""".split()
)
"""Report verbs whose third person a tagger may read as a plural noun before a colon ("Trump responds:")."""


def noun_read_lead_in(seg: Segment, t: Tok) -> Candidate | None:
    """A paragraph that is only "<speaker> <report verb>s:" ("A Fox News spokesperson emails:", "Trump responds:",
    AllSides), the verb tagged a plural noun and made the root of a sentence with no verb: a cue with that
    phrase as its source, and no content of its own (``attach_quote`` gives it the quote or paragraph after the
    colon; scored by rule, ``extract.RULE_SCORES``).  The phrase is a name or noun phrase of at most eight words that
    opens the paragraph, or follows a short upper-case label ("UPDATE (6:11 p.m.):")."""
    doc = seg.view
    if t.tag_ != "NNS" or t.dep_ not in ("ROOT", "appos") or not t.lower_.endswith("s") or t.lemma_.lower() not in _LEAD_IN_VERBS:
        return None
    if t.i + 1 >= len(doc) or doc[t.i + 1].text != ":" or any(k.text.strip() for k in doc[t.i + 2 :]):
        return None  # (the colon closes the paragraph)
    # after a label ("UPDATE (6:11 p.m.): A Fox News spokesperson emails:"), else from the paragraph's start
    label = next((k.i for k in reversed(doc[0 : t.i]) if k.text.endswith(":")), -1)
    if label >= 0 and (label > 6 or not doc[0].text.isupper()):
        return None
    before = doc[label + 1 : t.i]
    if not 1 <= len(before) <= 8 or not before[0].text[:1].isupper():
        return None
    if any(k.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ", "SCONJ") and k.text not in ("'s", "’s") for k in before):
        return None
    if before[-1].pos_ not in ("PROPN", "NOUN", "PRON") or before[-1].text.lower() in ("'s", "’s"):
        return None  # ("Important documents:", "Editor's notes:" label what follows)
    if not any(k.pos_ in ("PROPN", "PRON") or k.ent_type_ or k.text[:1].isupper() for k in before):
        return None
    cand = Candidate(seg, t, (t.i, t.i + 1), pattern="lead_in", content_rel="none")
    cand.source = [(label + 1, t.i)]
    cand.source_rel = "nsubj"
    return cand


def dangling_that(c: Candidate) -> bool:
    """Whether the content is a lone "that" before a colon ("The wire service adds that:"), the quote or
    paragraph after the colon being what is said."""
    if len(c.content) != 1 or c.content[0][1] - c.content[0][0] != 1:
        return False
    doc = c.seg.view
    i = c.content[0][0]
    return doc[i].lower_ == "that" and i + 1 < len(doc) and doc[i + 1].text == ":"


def attach_quote(c: Candidate, quotes: QuoteIndex) -> None:
    """A cue with no content in its clause takes the quote right before or after its source and cue.

    "“We're done,” said Kim." (spaCy often splits the quote off into a sentence of its own),
    "He said:" followed by a quote (also in the next paragraph), "“...” ― Name".
    """
    seg, doc, text = c.seg, c.seg.view, quotes.text
    starts = [c.cue[0]] + [r[0] for r in c.source]
    ends = [c.cue[1]] + [r[1] for r in c.source]
    left = seg.start + doc[min(starts)].idx
    last = doc[max(ends) - 1]
    right = seg.start + last.idx + len(last.text)
    if c.addressee and c.addressee[0] >= c.cue[1]:
        # "Kim Jong Guk, section chief of the Company, told KCNA:" and the block after it (389 KCNA stories)
        addr = doc[c.addressee[1] - 1]
        addr_end = seg.start + addr.idx + len(addr.text)
        if _TO_COLON.match(text, addr_end) and not any(ch in MARKS for ch in text[right:addr_end]):
            right = addr_end
    before = quote_ending_before(text, left, quotes, " ,\t")
    if before is not None:
        c.extra_content = [(before.start, before.end)]
        c.content_rel = "quote_before"
        return
    if c.pattern == "dash":
        return  # a dash attribution names the speaker of the quote before it, never after
    m = _BEFORE_COLON.match(text, right)
    if m is not None and m.group(0).endswith("follows") and c.head.lemma_.lower() == "be":
        return  # "The plan is as follows:" presents a list; "the head said as follows:" reports
    if m is not None:
        right = m.end()
    j = right
    while j < len(text) and text[j] in " :,\t\n" and text[j:j + 3] != "\n\n\n":
        j += 1
    after = quotes.starting_at(j)
    gap = text[right:j].strip()
    if after is None and gap == ":" and "\n" in text[right:j] and c.pattern in ("verb", "lead_in"):
        # "The Associated Press reports:" or "The governor added:" closing a paragraph, then the
        # paragraph it introduces, quoted or not (a block quote)
        end = _paragraph_end(text, j)
        if end > j:
            c.extra_content = [(j, end)]
            c.content_rel = "colon_block"
        return
    if after is not None and (gap == ":" or (gap in (",", "") and j - right < 4)):
        c.extra_content = [(after.start, after.end)]
        c.content_rel = "quote_after"
        if c.head.lemma_.lower() in ("read", "say", "state") and c.head.dep_ == "relcl":
            # "a message/sign/note that read, “...”": a document quoted word for word
            c.pattern = "document"
        # "read, “A,” and, “B,”": quotes joined by "and" belong together
        while True:
            m = _AND_QUOTE.match(text, c.extra_content[-1][1])
            nxt = quotes.starting_at(m.end()) if m else None
            if nxt is None:
                break
            c.extra_content.append((nxt.start, nxt.end))


def quote_ending_before(text: str, pos: int, quotes: QuoteIndex, skip: str) -> QuoteRegion | None:
    """The quote region that closes right before ``pos``, with only ``skip`` characters between."""
    i = pos
    while i > 0 and text[i - 1] in skip:
        i -= 1
    before = quotes.region_at(i - 1) if i > 0 else None
    return before if before is not None and before.end == i else None


def _paragraph_end(text: str, j: int) -> int:
    """Where the paragraph starting at ``j`` ends, trailing spaces left out (``j`` when it is empty)."""
    end = text.find("\n", j)
    end = len(text) if end < 0 else end
    while end > j and text[end - 1].isspace():
        end -= 1
    return end


_BREAK = re.compile(r"[ \t]*\n\s*")


def following_before_colon(c: Candidate, text: str) -> bool:
    """ "A spokesman for the DPRK Foreign Ministry Sunday gave the following answer to the question put by KCNA as
    regards ...:" (KCNA's spokesmen's answers) and "made public the following joint press release:": a noun cue
    with "the following" whose sentence ends with a colon closing its paragraph takes the paragraph after it; the
    cue ends at the noun."""
    h = c.head
    if c.pattern != "noun" or not any(k.lower_ == "following" and k.i < h.i for k in h.children):
        return False
    last = c.seg.view[h.sent.end - 1]
    if last.text != ":":
        return False
    at = c.seg.start + last.idx + 1
    gap = _BREAK.match(text, at)
    if gap is None or gap.end() >= len(text):
        return False
    end = _paragraph_end(text, gap.end())
    c.cue = (c.cue[0], h.i + 1)
    c.content = []
    c.extra_content = [(gap.end(), end)]
    c.content_rel = "colon_block"
    return True

