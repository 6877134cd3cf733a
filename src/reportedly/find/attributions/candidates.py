"""Cue candidates, read off the dependency parse: one per construction that could attribute.

``candidates(seg, lexicon)`` proposes, for every token of a parsed
segment that could head a cue (a verb, noun or adjective of the cue lexicon,
"according to", a colon lead-in), one ``Candidate`` with token spans for the
cue, source, content and addressee, the construction it came from
(``pattern``) and the structural facts a scorer needs.  Whether a candidate
really is an attribution is decided by the scorer (``model``).  The spans
follow the conventions of ``spans``.

Limits: one parse sentence at a time, except quotes (extended to their
closing mark, across sentences and paragraphs, by the caller).
"""

from __future__ import annotations

from ...nlp import DocView, Segment, Tok
from .clauses import (
    ACL_SOURCE,
    EXPLETIVES,
    SUBJ,
    TELL_LEMMAS,
    agent_of_participle,
    content_child,
    felt_by_object,
    fronted_clause,
    had_this_to_say,
    inverted_aside,
    predicate_adjective,
    publisher_of_document,
    quote_right_after,
    quote_under_subject,
    reduced_relative_subject,
    relative_then_speaker,
    report_aside_before,
    subject,
)
from .colons import noun_read_lead_in
from .marks import closing_tag, colon_lead_in, dash_name
from .spans import (
    CLOSE_QUOTES,
    DASHES,
    Candidate,
    TokRange,
    dateline,
    source_range,
    subtree_range,
    trim,
    trimmed_ranges,
    verb_group,
)

# Prepositions that stay with a content object ("endorsed X for president", "described X as ...").
# ("in", "on", "at" mostly give time and place: "announced his support on Thursday night", kept out.)
DOBJ_PREPS = frozenset({"for", "as", "of", "to", "about", "with", "against", "over", "from", "into"})
CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "EVENT"})
FOOTAGE_NOUNS = frozenset({"footage", "video", "image", "photo", "broadcast", "clip", "picture", "film", "recording"})
BROADCAST_VERBS = frozenset({"air", "broadcast", "release", "show", "publish", "post", "distribute", "televise", "carry", "report", "screen", "provide"})


def candidates(seg: Segment, lexicon: frozenset[str]) -> list[Candidate]:
    """Every cue candidate of one parsed segment (see the module docstring)."""
    out: list[Candidate] = []
    if not seg.doc.has_annotation("DEP"):
        return out
    doc = seg.view
    for t in doc:
        lem = t.lemma_.lower()
        if lem == "accord" and t.i + 1 < len(doc) and doc[t.i + 1].text.lower() == "to":
            c = _according(seg, t)
            if c:
                out.append(c)
            continue
        if t.text in DASHES and t.i > 0 and doc[t.i - 1].text in CLOSE_QUOTES | {".", "!", "?"}:
            # the tagger calls such a dash anything, VERB included
            c = dash_name(seg, t)
            if c:
                out.append(c)
        elif t.pos_ in ("VERB", "AUX") and lem in lexicon:
            if t.pos_ == "AUX" and t.dep_ in ("aux", "auxpass"):
                continue
            out.append(_verbal(seg, t))
        elif t.pos_ in ("NOUN", "PROPN") and lem in FOOTAGE_NOUNS and (c := _footage(seg, t)) is not None:
            out.append(c)
        elif t.pos_ in ("NOUN", "ADJ", "PROPN") and lem in lexicon:
            c = noun_read_lead_in(seg, t) or _nominal(seg, t) or closing_tag(seg, t)
            if c:
                out.append(c)
        elif t.text == ":" and t.i > 0:
            c = colon_lead_in(seg, t)
            if c:
                out.append(c)
    return out


def _verbal(seg: Segment, h: Tok) -> Candidate:
    doc = seg.view
    cue = verb_group(h)
    rel, cc = content_child(h)
    if cc is None and h.lemma_.lower() in REPORTS and (fronted := fronted_clause(h)) is not None:
        rel, cc = "ccomp", fronted  # "The army fired shells, the newspaper wrote.", the clause misparsed
    if rel == "dobj" and cc is not None and cc.lower_ == "it" and h.lemma_.lower() == "put":
        # "As the Babylon Bee put it, “...”", "as a memo put it.", "put it this way: “...”": "put it" is the cue (as
        # PolNeAR marks it), what was put the clause the aside governs or the quote after it, never "it"
        cue = (cue[0], max(cue[1], cc.i + 1))
        rel, cc = "none", None
        put_quote = quote_right_after(h, cue[1] - 1)
    else:
        put_quote = None
    quoted = quote_under_subject(h) if h.lemma_.lower() in REPORTS else None
    if quoted is not None:
        rel, cc = "ccomp", quoted  # "“...,” senators Thom Tillis and James Lankford said in a statement"
    # "went on to name", "is expected to say": a governing verb that is no cue joins the cue
    if h.dep_ == "xcomp" and h.head.pos_ in ("VERB", "AUX") and h.head.i < h.i:
        g = h.head
        gl = verb_group(g)
        between = range(gl[1], cue[0])
        if all(doc[k].dep_ in ("aux", "prt", "advmod", "neg") or k == g.i or doc[k].head.i in (g.i, h.i) for k in between) and not (
            g.lemma_.lower() in REPORTS and (any(doc[k].is_punct for k in between) or relative_then_speaker(g) is not None)
        ):  # not a report the participle continues ("the minister said, adding:") or that says it ("a letter that
            # he said emphasized ...")
            cue = (gl[0], cue[1])
    if h.lemma_.lower() == "quote" and any(c.dep_ == "auxpass" for c in h.children):
        qb = _quoted_as_saying(seg, h, cue)
        if qb is not None:
            return qb
    if cc is not None and rel == "ccomp" and reduced_relative_subject(doc, h, cc):
        # "Tan Zhuzhi working at the Electronics Institutes of Shaanxi Province said:" parsed as a clause that is
        # said: the phrase is who speaks, what follows the colon what is said (``extract.attach_quote``)
        cand = Candidate(seg, h, cue, pattern="verb", content_rel="none")
        cand.source = [(cc.left_edge.i, cc.right_edge.i + 1)]
        cand.source_rel = "nsubj"
        return cand
    cand = Candidate(seg, h, cue, pattern="verb", content_rel=rel)
    cand.passive = any(c.dep_ == "auxpass" for c in h.children)
    content_idx: set[int] = set()
    pred = predicate_adjective(h) if cc is None else None
    if pred is not None:
        # "are optimistic that ...", "was critical of X", "seem willing to ...": the adjective (and the
        # preposition after it) joins the cue, its complement is the content
        _adj, comp, end = pred
        cand.cue = (cand.cue[0], end)
        content_idx = set(range(comp.left_edge.i, comp.right_edge.i + 1))
        rel = cand.content_rel = "acomp"
    if cc is not None:
        if rel == "prep":
            pobj = next(g for g in cc.children if g.dep_ in ("pobj", "pcomp"))
            if cc.i == cand.cue[1]:
                cand.cue = (cand.cue[0], cc.i + 1)
            content_idx = set(range(pobj.left_edge.i, pobj.right_edge.i + 1))
        else:
            content_idx = set(range(cc.left_edge.i, cc.right_edge.i + 1))
            if rel in ("dobj", "oprd"):
                # "endorsed Jeb Bush for president", "criticized X on abortion": the rest of the verb phrase
                for k in h.children:
                    if k.i > cc.i and (k.dep_ in ("oprd", "xcomp") or (k.dep_ == "prep" and k.text.lower() in DOBJ_PREPS and not _circumstance(k))) and not _after_comma(doc, k):
                        content_idx |= set(range(k.left_edge.i, k.right_edge.i + 1))
            content_idx -= _trailing_aside(cc)
            if rel == "ccomp":
                if cc.i > h.i:  # after the cue only (better on dev; worse for xcomp)
                    content_idx |= _rest_of_sentence(h, cc)
                content_idx -= _trailing_report(cc)
            if rel == "ccomp" and cc.i < h.i:
                # "X was headed to the ER, but Y ..., sources said": all of the sentence before the cue
                content_idx = set(range(h.sent.start, cc.right_edge.i + 1))
            if rel in ("xcomp", "ccomp", "dobj") and (pair := relative_then_speaker(h)) is not None:
                content_idx.add(pair[0].i)  # "a letter that he said emphasized ...": "that" is what emphasized
            if rel == "xcomp" and h.lemma_.lower() not in TELL_LEMMAS:
                # "encouraged European nations to bolster ...", "hope one day to harness ...": what stands
                # between the cue and the infinitive belongs to the content
                for k in h.children:
                    if k.dep_ in XCOMP_LEAD and h.i < k.i < cc.i:
                        content_idx |= set(range(k.left_edge.i, k.right_edge.i + 1))
    elif h.dep_ == "advcl" and (than := next((k for k in h.children if k.dep_ == "mark" and k.lower_ == "than"), None)):
        # "would cost far more than the city says", "sooner than anyone had expected": what is said is elided; the
        # content is "than" (as PolNeAR marks it), never the governing clause, which may hold another attribution
        content_idx = {than.i}
        rel = cand.content_rel = "than"
    elif (h.dep_ == "parataxis" or (h.dep_ in ("ccomp", "advcl") and h.head.i < h.i) or (
        h.dep_ == "advcl" and any(k.dep_ == "mark" and k.text.lower() == "as" for k in h.children)
    )) and not _adding_to_a_report(h):
        # "..., The Post has learned", "As experts have pointed out, X is free to ..."
        # "Clinton was headed to the ER, The Post has learned": the content is the governing clause
        top = h.head
        content_idx = set(range(top.left_edge.i, top.right_edge.i + 1)) - set(range(h.left_edge.i, h.right_edge.i + 1))
        for k in top.children:
            if k.dep_ == "conj" and k.i > h.i and k.lemma_.lower() in _GOING_ON:
                content_idx -= set(range(h.right_edge.i + 1, k.right_edge.i + 1))  # "..., it said, and went on:"
        if top.i > h.i and top.lemma_.lower() in REPORTS:
            # "The figure fell, Mr. Holland said, CNN reported.": a report closing the sentence governs; its
            # subject and verb are no part of what Mr. Holland said
            outer = {top.i} | {k for c in top.children if c.dep_ in ("nsubj", "aux") for k in range(c.left_edge.i, c.right_edge.i + 1)}
            if min(outer) > h.right_edge.i and all(k in outer or doc[k].is_punct for k in range(min(outer), top.right_edge.i + 1)):
                content_idx -= outer
        rel = "head"
        cand.content_rel = rel
    if put_quote is not None:  # "as The New Yorker put it in a lengthy expose, “the operator.”": the quote, not the clause
        content_idx = set(range(*put_quote))
        rel = cand.content_rel = "ccomp"
    if not content_idx and cand.passive:
        # "The issue was first reported by The Washington Post", "The plan was approved": the passive
        # subject is the content (as PolNeAR train annotates such subjects of cues without an agent)
        for k in h.children:
            if k.dep_ == "nsubjpass":
                content_idx = set(range(k.left_edge.i, k.right_edge.i + 1))
                rel = cand.content_rel = "nsubjpass"
    srel, s = subject(h)
    if srel.startswith("up:") and h.tag_ == "VBG" and (h.lemma_.lower() in ("cite", "quote") or _adding_after_comma(h)):
        # "the Post reported that ... he plans to impose ..., citing three people": who cites is who reports;
        # "The paper said Kim Il Sung founded the WPK ..., adding the WPK has led ...": who adds is who said
        reporter = _reporter_above(h)
        if reporter is not None:
            s = reporter
    if s is not None and s.text.lower() in EXPLETIVES and s.dep_ == "nsubj" and rel in ("ccomp", "xcomp") and cand.passive:
        s = None
    if s is None and h.dep_ == "dep" and h.head.i < h.i and h.head.pos_ == "VERB":
        # a reduced relative misparsed as the main verb ("Footage aired on state media Monday
        # showed ..." with "aired" as root): the words before the cue are its subject
        idx = set(range(h.head.left_edge.i, h.left_edge.i))
        if any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in idx):
            cand.source = trimmed_ranges(doc, idx)[-1:]
            cand.source_rel = "dep"
            content_idx -= idx
    if s is None and ACL_SOURCE and h.lemma_.lower() in STRONG_CUES and agent_of_participle(h):
        # "The vice president saying the GOP wanted ...", "a spokesman saying ...": the noun the participle hangs
        # from, up to the participle
        cand.source = trimmed_ranges(doc, set(range(h.head.left_edge.i, h.left_edge.i)))[-1:]
        cand.source_rel = "acl"
        content_idx -= {k for r in cand.source for k in range(*r)}
    if h.lemma_.lower() in _GOING_ON and (aside := report_aside_before(h, GONE_ON_FROM)) is not None:
        # "..., the paper said, and went on:", "..., he stressed, adding:": the parser hangs the continuation on the
        # clause the aside reports, whose subject was taken for the source; who goes on is who said it
        srel, s = subject(aside)
    if (had := had_this_to_say(h)) is not None:
        # "The deputy mayor of the city had this to say:" (15 KCNA stories, 5 AllSides articles): one cue, the
        # subject of "had" its source ("this" was)
        cand.cue = (had.i, h.i + 1)
        srel, s = subject(had)
        content_idx -= set(range(had.i, h.i + 1))
    if s is None and (pub := publisher_of_document(h)) is not None:
        # "The White House issued a statement saying ...", "X carried an article criticizing ...": one cue from the
        # publishing verb to the participle (PolNeAR's "issued a statement saying"), whose subject is the source
        cand.cue = (pub.i, h.i + 1)
        srel, s = subject(pub)
        content_idx -= set(range(pub.i, h.i + 1))
    if s is not None and s.i > h.i and (subjects := [c for c in h.children if c.dep_ == "nsubj"]) and inverted_aside(h, subjects):
        # "This, said Smith, was a fact", "The economy, said the minister, would grow": the subject the parser hung on
        # the aside is the content's
        content_idx |= {k for c in subjects if c.i < h.i for k in range(c.left_edge.i, c.right_edge.i + 1)}
    if s is not None and not (cand.cue[0] <= s.i < cand.cue[1]):
        cand.source = source_range(doc, s, cand.cue, STRONG_CUES)
        if quoted is not None:  # (the quote the parser hung on the subject is no part of who speaks)
            cand.source = trimmed_ranges(doc, {k for r in cand.source for k in range(*r) if k > quoted.right_edge.i + 1})
        cand.source_rel = srel
        content_idx -= {k for r in cand.source for k in range(*r)}
    raising = h.lemma_.lower() in RAISING and cand.source_rel == "nsubj"
    if raising and RAISING_EXPLETIVE and s is not None and s.text.lower() in EXPLETIVES and not appears_to(h):
        # "It appears that ...", "It seems unlikely that ...": the expletive is neither source nor content
        cand.source = []
        cand.source_rel = "raised"
    elif raising and rel in RAISED_RELS:
        # "Clinton appeared to have the most to gain": the subject is part of what appears, not its
        # source (PolNeAR train mostly puts such subjects in the content)
        content_idx |= {k for r in cand.source for k in range(*r)}
        cand.source = []
        cand.source_rel = "raised"
    if cand.passive and rel in ("xcomp", "prep", "oprd", "dobj") and srel in ("none", "agent") and not (
        rel == "prep" and cc is not None and (cc.lower_ in _CIRCUMSTANCE_PREPS or (cc.lower_ == "with" and cc.i > h.i + 1))
    ):
        # "Trump is expected to win", "X is seen as Y", "X was named Y", "Sanders was announced the winner", "Pigs are
        # considered unclean by Muslims": the passive subject belongs to the content (PolNeAR train mostly puts such
        # subjects there), with an agent as its source or without
        for c in h.children:
            if c.dep_ == "nsubjpass" and not any(t.pos_ == "SPACE" for t in doc[c.left_edge.i : c.right_edge.i]):
                content_idx |= set(range(c.left_edge.i, c.right_edge.i + 1))
    # addressee: "told Yonhap", "said to reporters"
    for c in h.children:
        if c.dep_ in ("dobj", "dative") and h.lemma_.lower() in TELL_LEMMAS and c.i > h.i:
            cand.addressee = trim(doc, subtree_range(c))
            content_idx -= set(range(c.left_edge.i, c.right_edge.i + 1))
        elif c.dep_ == "prep" and c.text.lower() == "to" and h.lemma_.lower() in ("say", "write", "speak", "talk", "explain", "complain", "admit") and c.i > h.i and rel != "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                cand.addressee = trim(doc, subtree_range(objs[0]))
    if (felt := felt_by_object(h)) is not None:  # "The remark worried some analysts": they feel, about the remark
        cand.source, content_idx = source_range(doc, felt[0], cand.cue, STRONG_CUES), felt[2]
        cand.source = trimmed_ranges(doc, {k for r in cand.source for k in range(*r)} | felt[1])[:1]
    content_idx -= set(range(*cand.cue))
    content_idx -= dateline(doc)
    content_idx -= {c.i for c in h.children if c.dep_ == "punct"} & _edges(content_idx)
    content_idx -= _final_aside(doc, content_idx)
    cand.content = trimmed_ranges(doc, content_idx)
    if rel == "head":
        cand.content = _drop_preposed(doc, cand.content, cand.cue[0])
    return cand


RAISING = frozenset({"seem", "appear"})
RAISED_RELS = frozenset({"xcomp", "oprd", "acomp", "attr"})
"""Complements of "seem" / "appear" whose subject is part of what appears, not its source ("appeared to
gain", "appears closer", "seemed a reminder"; acomp and attr added in the twelfth session: train source
+0.04 in both profiles, dev unchanged or better; eval/attribution.md)."""
RAISING_EXPLETIVE = True
""""It appears that ...": the expletive subject is no source either (an appearance, ``vetoes.appearance``)."""


_CIRCUMSTANCE_PREPS = frozenset({"in", "at", "during", "after", "before", "since", "until", "amid"})
"""Prepositions of a passive's circumstance, not its complement ("was passed in 2016"; "with" too unless it follows
the verb: "was passed by Congress with wide support", not "was charged with")."""


def appears_to(h: Tok) -> bool:
    """Whether an appearance verb names the one it appears to ("seems to me", "appeared to investigators")."""
    return any(k.dep_ == "prep" and k.text.lower() == "to" for k in h.children)


_GOING_ON = frozenset({"go", "add"})
"""Verbs that continue a report after an aside ("..., the paper said, and went on:", "..., he stressed, adding:")."""


def _reporter_above(h: Tok) -> Tok | None:
    """The subject of the nearest report verb ``h`` hangs under, through clauses, when it is not the first verb up."""
    t = h.head
    seen = 0
    while t.head.i != t.i and seen < 6:
        t = t.head
        seen += 1
        if t.lemma_.lower() in REPORTS:
            return next((c for c in t.children if c.dep_ == "nsubj"), None)
    return None


def _adding_after_comma(h: Tok) -> bool:
    """ "..., adding", "...,” explaining" hung by the parser on a verb of the content before it, not on the report."""
    doc = h.doc
    if h.i < 2 or h.head.lemma_.lower() in GONE_ON_FROM:
        return False
    if h.lemma_.lower() == "add":
        return doc[h.i - 1].text == ","
    # any report verb right after a quotation closed by a comma (,” or ”,): the quoted speaker's ("..., saying" after a
    # clause of the author's is that clause subject's: "Four former staffers signed affidavits, saying ...")
    return h.lemma_.lower() in REPORTS and "," in (w := (doc[h.i - 2].text, doc[h.i - 1].text)) and bool(CLOSE_QUOTES.intersection(w))


def _adding_to_a_report(h: Tok) -> bool:
    """A participle after the report it continues, with nothing of its own yet ("..., the article says, adding:" and a
    block quote): what it adds follows; the report's own content is not its."""
    return h.tag_ == "VBG" and h.dep_ == "advcl" and h.head.i < h.i and h.head.lemma_.lower() in GONE_ON_FROM


def _circumstance(prep: Tok) -> bool:
    """A prepositional phrase of time or place ("for decades", "from Iowa")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and objs[0].ent_type_ in CIRCUMSTANCE_ENTS


def _after_comma(doc: DocView, t: Tok) -> bool:
    return t.left_edge.i > 0 and doc[t.left_edge.i - 1].text in (",", "—", "–", ";")


def _trailing_aside(top: Tok) -> set[int]:
    """A comma-led relative clause or apposition closing the content (background the author adds)."""
    doc = top.doc
    end = top.right_edge.i
    for t in doc[top.i : end + 1]:
        if t.dep_ in ("relcl", "appos") and t.right_edge.i >= end - 1 and _after_comma(doc, t) and t.head.i != top.i:
            if t.dep_ == "relcl" and doc[t.left_edge.i].text.lower() not in ("who", "which", "whose", "where"):
                continue
            return set(range(t.left_edge.i - 1, end + 1))
    return set()


# Verbs that start an attribution of their own when coordinated with a content clause ("it was
# opposed to the test and warned North Korea ..."): PolNeAR keeps them out of the first content.
STRONG_CUES = frozenset(
    {"say", "tell", "warn", "add", "predict", "claim", "argue", "note", "insist", "urge", "ask", "call", "promise",
     "vow", "deny", "accuse", "suggest", "announce", "explain", "refuse", "decline", "cite", "acknowledge", "admit",
     "write", "tweet", "praise", "criticize", "blame", "describe", "dismiss", "reject", "express", "point"}
)
REPORTS = STRONG_CUES | {"report", "state", "reveal", "confirm", "quote"}
"""Report verbs: a clause governing a parenthetical report and headed by one is another report."""
GONE_ON_FROM = REPORTS | {"stress", "emphasize", "emphasise", "underline", "recall", "declare", "observe", "continue",
                          "conclude", "assert", "affirm", "remark", "reiterate"}
"""Reports that "adding" or "and went on" may continue ("..., he stressed, adding:", "..., it declared, and went on:")."""
CONCESSIVE = frozenset({"although", "though", "while", "whereas", "even"})




XCOMP_LEAD = frozenset({"dobj", "npadvmod", "nsubj"})


def _rest_of_sentence(h: Tok, cc: Tok) -> set[int]:
    """What follows the content clause to the end of the sentence, when the parser hung it on the cue
    ("said that claim smacked of hypocrisy, because Democrats ..."): up to the first piece that is
    the author's (a coordinated reporting verb, a comma-led participle, concessive or source)."""
    doc = h.doc
    out: set[int] = set()
    end = h.sent.end
    for k in sorted((k for k in h.children if k.i > cc.right_edge.i), key=lambda k: k.i):
        if k.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or (k.dep_ == "punct" and k.i == end - 1):
            break
        if k.dep_ == "conj" and (k.lemma_.lower() in STRONG_CUES or any(g.dep_ in ("ccomp", "xcomp") for g in k.children)):
            break
        if k.dep_ == "advcl" and (k.tag_ == "VBG" or doc[k.left_edge.i].text.lower() in CONCESSIVE):
            break
        if k.dep_ in ("cc", "punct"):
            continue
        lo = min([k.left_edge.i] + [g.i for g in h.children if g.dep_ in ("cc", "punct") and cc.right_edge.i < g.i < k.i])
        out |= set(range(lo, k.right_edge.i + 1))
    return out


def _trailing_report(top: Tok) -> set[int]:
    """Comma-led trailing clauses that are the author's, not the source's: ", citing ...", ", though ...",
    "... and warned ..." (a coordinated reporting verb)."""
    doc = top.doc
    out: set[int] = set()
    for c in top.children:
        if c.i < top.i:
            continue
        lead = doc[c.left_edge.i]
        if c.dep_ == "advcl" and _after_comma(doc, c) and ((c.tag_ == "VBG" and lead.i == c.i) or lead.text.lower() in CONCESSIVE):
            out |= set(range(c.left_edge.i - 1, c.right_edge.i + 1))
        elif c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in STRONG_CUES and not any(k.dep_ in SUBJ for k in c.children):
            start = c.left_edge.i
            for k in top.children:
                if k.dep_ in ("cc", "punct") and k.i < c.i and k.i > top.i and k.i >= start - 2:
                    start = min(start, k.i)
            out |= set(range(start, c.right_edge.i + 1))
    return out


def _final_aside(doc: DocView, idx: set[int]) -> set[int]:
    """A comma-led ", which/who ..." clause that ends the content: the author's background."""
    if not idx:
        return set()
    end = max(idx)
    for k in sorted(idx):
        t = doc[k]
        if (
            t.dep_ == "relcl"
            and t.right_edge.i >= end - 1
            and _after_comma(doc, t)
            and t.left_edge.i - 1 > min(idx)
            and doc[t.left_edge.i].text.lower() in ("who", "which", "whose", "where")
        ):
            return set(range(t.left_edge.i - 1, end + 1))
    return set()


def _drop_preposed(doc: DocView, ranges: list[TokRange], cue_start: int) -> list[TokRange]:
    """Leave out a conjunction opening the content ("And ..., according to X"), as PolNeAR does for
    parenthetical and "according to" cues (dropping a preposed adverbial too measured worse on dev)."""
    if not ranges:
        return ranges
    i, j = ranges[0]
    while i < j and doc[i].dep_ == "cc" and doc[i].head.i != i:
        i += 1
    out = ([(i, j)] if j > i else []) + ranges[1:]
    return [r for r in (trim(doc, r) for r in out) if r]


def _edges(idx: set[int]) -> set[int]:
    if not idx:
        return set()
    return {min(idx), max(idx)}


def _according(seg: Segment, t: Tok) -> Candidate | None:
    doc = seg.view
    to = doc[t.i + 1]
    pobj = [g for g in to.children if g.dep_ == "pobj"] or [g for g in t.children if g.dep_ == "pobj"]
    cue = (t.i, t.i + 2)
    cand = Candidate(seg, t, cue, pattern="according_to", content_rel="head")
    if pobj:
        p = pobj[0]
        idx = set(range(p.left_edge.i, p.right_edge.i + 1))
        for c in p.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in REPORTS and _after_comma(doc, c):
                # "according to RT.com, which also reported that ...": the clause is a report of its own
                idx -= set(range(c.left_edge.i - 1, c.right_edge.i + 1))
        apposed = _apposed_subject(doc, t, p)
        if apposed is not None:
            idx |= set(range(p.right_edge.i + 1, apposed + 1))
        cand.source = trimmed_ranges(doc, idx)
        cand.source_rel = "pobj"
        end = apposed + 1 if apposed is not None else p.right_edge.i + 1
    else:
        end = t.i + 2
    # the content is the clause the phrase modifies, within the sentence
    phrase = set(range(t.i, end))
    sent = t.sent
    idx = set(range(sent.start, sent.end)) - phrase
    cand.content = _drop_preposed(doc, trimmed_ranges(doc, idx), t.i)
    return cand


def _apposed_subject(doc: DocView, t: Tok, p: Tok) -> int | None:
    """The last token of an indefinite description set off by commas after the object of "according to", when the
    clause has its subject after it ("According to Tyzhden, a Ukrainian weekly, one such officer was captured": the
    parser made "weekly" a second subject of "captured", or hung it on the comma): the source's apposition, not the
    content's ("According to police, a man, 23, was arrested" keeps its subject)."""
    k = p.right_edge.i + 1
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an"):
        return None
    m = next((j for j in range(k + 2, min(k + 10, len(doc))) if doc[j].is_punct), None)
    if m is None or doc[m].text != "," or any(doc[j].pos_ in ("VERB", "AUX") for j in range(k + 1, m)):
        return None
    return m - 1 if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > m for c in t.head.children) else None


# Nouns of speech acts that commit or direct ("his promise to ...", "a call to ..."), whose infinitive
# is their content; plans, decisions and willingness are not attributions (PolNeAR dev, measured).
COMMITMENT_NOUNS = frozenset(
    {"promise", "pledge", "vow", "commitment", "threat", "call", "appeal", "plea", "demand", "request", "aim", "urging"}
)
NOUN_CONTENT_PREPS = frozenset({"of", "for", "on", "about", "to", "that", "against", "with", "over"})


_TIME_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight", "week", "month", "year", "day", "night"})


def _nominal(seg: Segment, n: Tok) -> Candidate | None:
    """Nominal cues: "his assessment of X", "her support for X", "a statement that ...", "in his view"."""
    doc = seg.view
    # a time's possessive is nobody's ("today's oral arguments on", "Monday's statement")
    poss = [c for c in n.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") and c.lower_ not in _TIME_WORDS]
    content_idx: set[int] = set()
    rel = "none"
    cue_end = n.i + 1
    for c in n.children:
        if c.dep_ in ("acl", "ccomp") and c.i > n.i and any(g.dep_ == "mark" and g.text.lower() == "that" for g in c.children):
            content_idx = set(range(c.left_edge.i, c.right_edge.i + 1))
            rel = "ccomp"
            break
        if (
            n.lemma_.lower() in COMMITMENT_NOUNS
            and c.dep_ in ("acl", "relcl")
            and c.i == n.i + 2
            and doc[n.i + 1].text.lower() == "to"
            and doc[n.i + 1].head.i == c.i
        ):
            # "his promise to build a wall", "their commitment to cut emissions": the infinitive
            content_idx = set(range(n.i + 1, c.right_edge.i + 1))
            rel = "xcomp"
            break
        if c.dep_ == "prep" and c.i == n.i + 1 and c.text.lower() in NOUN_CONTENT_PREPS:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                content_idx = set(range(pobj[0].left_edge.i, pobj[0].right_edge.i + 1))
                rel = "prep"
                cue_end = c.i + 1
                break
    if n.dep_ in ("nsubj", "nsubjpass") and rel == "none":
        # "His concern is that ...": the content is the attribute/complement of the copula
        for c in n.head.children:
            if c.dep_ in ("ccomp", "attr", "xcomp") and c.i > n.head.i:
                content_idx = set(range(c.left_edge.i, c.right_edge.i + 1))
                rel = "copula"
                break
    if rel == "none":
        return None
    left = n.i
    for c in sorted(n.children, key=lambda x: -x.i):
        if c.dep_ in ("amod", "compound") and c.i == left - 1:
            left = c.i
    gov = n.head if n.dep_ in ("dobj", "attr", "acomp", "oprd") and n.head.pos_ in ("VERB", "AUX") and n.head.i < n.i else None
    if gov is not None:
        # "is raising questions about", "has been an outspoken supporter of", "weren't too concerned
        # about": the verb group joins the cue and its subject is the source
        left = verb_group(gov)[0]
    cand = Candidate(seg, n, (left, cue_end), pattern="noun", content_rel=rel)
    if gov is not None and not poss:
        srel, subj = subject(gov)
        if subj is not None and subj.i < left:
            cand.source = source_range(doc, subj, cand.cue, STRONG_CUES)
            cand.source_rel = srel
    if poss:
        p = poss[0]
        cand.source = trimmed_ranges(doc, set(range(p.left_edge.i, p.right_edge.i + 1)) - {k for k in range(p.left_edge.i, p.right_edge.i + 1) if doc[k].dep_ == "case"})
        cand.source_rel = "poss"
    elif not cand.source:
        among = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "among" and c.i > n.i), None)
        holders = [g for g in among.children if g.dep_ == "pobj"] if among is not None else []
        if among is not None and holders:
            # "there's a fear among conservatives that ...": whose fear it is
            cand.source = trimmed_ranges(doc, set(range(holders[0].left_edge.i, holders[0].right_edge.i + 1)))
            cand.source_rel = "among"
            content_idx -= set(range(among.i, among.right_edge.i + 1))
    cand.content = trimmed_ranges(doc, content_idx - set(range(left, cue_end)))
    return cand


def _footage(seg: Segment, n: Tok) -> Candidate | None:
    """Footage as a source: "as seen in footage aired by KCTV", "in this image broadcast by KCNA".

    The footage noun must have a participle ("aired", "released", "broadcast") with an agent; the
    agent is the source, the cue runs from the perception verb or preposition before the noun
    ("seen in", "shown in", "in") to "by", and the content is the rest of the sentence.
    """
    doc = seg.view
    agent = None
    for acl in n.children:
        if acl.dep_ in ("acl", "relcl", "amod") and acl.lemma_.lower() in BROADCAST_VERBS:
            for a in acl.children:
                if a.dep_ == "agent":
                    pobj = [g for g in a.children if g.dep_ == "pobj"]
                    if pobj:
                        agent = (a, pobj[0])
                        break
        if agent:
            break
    if agent is None:
        return None
    by, src = agent
    # the cue starts at the preposition governing the footage noun, or the verb above it ("seen in")
    start = n.left_edge.i
    phrase_top = n
    if n.dep_ == "pobj" and n.head.pos_ == "ADP":
        prep = n.head
        start = min(start, prep.i)
        phrase_top = prep
        if prep.head.pos_ == "VERB" and prep.head.i == prep.i - 1 and prep.head.lemma_.lower() in ("see", "show", "depict", "feature", "capture"):
            v = prep.head
            start = v.i
            phrase_top = v
            for m in v.children:
                if m.dep_ in ("mark", "auxpass", "aux") and m.i < v.i:
                    start = min(start, m.i)
    elif n.dep_ in ("nsubj", "nsubjpass"):
        return None  # "The footage, released by X, showed ...": the verb "show" is the cue
    cand = Candidate(seg, n, (start, by.i + 1), pattern="footage", content_rel="head")
    cand.source = trimmed_ranges(doc, set(range(src.left_edge.i, src.right_edge.i + 1)))
    cand.source_rel = "agent"
    sent = n.sent
    phrase = set(range(phrase_top.left_edge.i, phrase_top.right_edge.i + 1)) | set(range(start, by.i + 1))
    phrase |= set(range(src.left_edge.i, src.right_edge.i + 1))
    cand.content = trimmed_ranges(doc, set(range(sent.start, sent.end)) - phrase)[:1]
    return cand


def _quoted_as_saying(seg: Segment, h: Tok, cue: TokRange) -> Candidate | None:
    """"X was quoted by Y as saying ...": source X, addressee Y (the relay), content of "saying"."""
    doc = seg.view
    say = None
    for c in h.subtree:
        if c.lemma_.lower() in ("say", "tell", "state", "describe", "call") and c.i > h.i and c.pos_ == "VERB":
            say = c
            break
    if say is None:
        return None
    rel, cc = content_child(say)
    if cc is None and not (say.i + 1 >= len(doc) or doc[say.i + 1].is_punct):
        return None
    # (no content after "saying": "“...,” the leader was quoted as saying." takes the quote before it)
    cand = Candidate(seg, h, (cue[0], say.i + 1), pattern="quoted_by", content_rel=rel)
    # the last subject (not one inside a quotation before it); without one, that of the verb a conjunct joins ("Smith
    # was arrested ... and was later quoted as saying")
    subjects = [c for c in h.children if c.dep_ == "nsubjpass"]
    if not subjects and h.dep_ == "conj":
        subjects = [k for k in h.head.children if k.dep_ in SUBJ and k.i < h.i]
    if subjects:
        cand.source = source_range(doc, subjects[-1], cand.cue, STRONG_CUES)
        cand.source_rel = "nsubjpass"
    for c in h.children:
        if c.dep_ == "agent":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                cand.addressee = trim(doc, subtree_range(pobj[0]))
    cand.passive = True
    if cc is not None:
        cand.content = trimmed_ranges(doc, set(range(cc.left_edge.i, cc.right_edge.i + 1)))
    return cand
