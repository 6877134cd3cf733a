"""Who speaks and what is said in a cue verb's clause: its subject (the source) and its clausal complement
(the content), read off the dependency parse, with the conventions measured on PolNeAR train
(eval/attribution.md): a passive's or an addressee's unexpressed agent is not borrowed, quoted words are not
the speaker, a relative pronoun that stands for what is said opens the content.
"""

from __future__ import annotations

from ...nlp import DocView, Tok
from ..entities.lexicon import lexicon, word_key
from ..entities.name_words import BODY_HEADS
from .spans import CLOSE_QUOTES, OPEN_QUOTES, Candidate, TokRange

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
# Prepositions that link a cue to its content ("pointed to X", "called for X").
LINK_PREPS = frozenset({"to", "for", "about", "on", "of", "at", "with", "against", "in", "into", "over", "as"})
# Verbs whose direct object is the addressee, not the content.
TELL_LEMMAS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "notify", "advise", "brief"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
EXPLETIVES = frozenset({"it", "there"})


def content_child(h: Tok) -> tuple[str, Tok | None]:
    """The child of ``h`` that carries the content, and its relation."""
    kids = list(h.children)
    ccomps = [c for c in kids if c.dep_ == "ccomp"]
    this = next((c for c in kids if c.dep_ == "dobj" and c.i == h.i + 1 and c.lower_ in ("this", "so")), None)
    if this is not None and ccomps and all(c.i > this.i for c in ccomps):
        # "says this in a bylined article carried on the day the U.S. ignited the war": what is said is "this"
        # (the parser hung the last clause on the cue)
        return "dobj", this
    if ccomps:
        after = [c for c in ccomps if c.i > h.i]
        if after and ccomps[0].i < h.i and (_semicolon_between(ccomps[0], h) or participle_aside(h) is not None):
            # "X said A; Y later said B": the clause before the semicolon is its own sentence (the parser
            # hangs it on the second cue), B is the content; so when the clause before is the speaker's aside
            return "ccomp", after[0]
        return "ccomp", ccomps[0]
    for c in kids:
        if c.dep_ == "xcomp":
            return "xcomp", c
    if h.lemma_.lower() not in TELL_LEMMAS:
        for c in kids:
            if c.dep_ == "dobj" and c.i > h.i:
                return "dobj", c
    for c in kids:
        if c.dep_ == "oprd":
            return "oprd", c
        if c.dep_ == "advmod" and c.lower_ == "so" and c.i == h.i + 1:
            return "dobj", c  # "I have said so for years", "he thinks so": what is said is "so"
    for c in kids:
        if c.dep_ == "prep" and c.i > h.i and c.text.lower() in LINK_PREPS:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj and not all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "det" for g in pobj for t in g.subtree):
                # not a time alone ("declined to comment on Monday", "told CNN on Wednesday")
                return "prep", c
    for c in kids:
        if c.dep_ == "advcl" and c.i > h.i and any(g.dep_ == "mark" and g.text.lower() in ("whether", "if", "how") for g in c.children):
            return "ccomp", c
    return "none", None


def participle_aside(h: Tok) -> Tok | None:
    """The noun before a participle aside the parser read as a clause of the cue ``h``, when ``h`` has no subject and
    a reported clause after it: "The aide, granted anonymity to discuss the talks, said the deal was close" parsed
    with "The aide granted anonymity ..." as a clause that is said.  A noun set off by a comma, a participle with no
    auxiliary, and a comma closing the aside right before the cue."""
    doc = h.doc
    if h.i < 2 or doc[h.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in h.children):
        return None
    before = [c for c in h.children if c.dep_ == "ccomp" and c.i < h.i]
    if len(before) != 1 or not any(c.dep_ == "ccomp" and c.i > h.i for c in h.children):
        return None
    v = before[0]
    if v.tag_ not in ("VBN", "VBD") or v.right_edge.i != h.i - 2 or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return None
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    if len(subj) != 1 or subj[0].pos_ not in ("NOUN", "PROPN") or subj[0].right_edge.i >= v.i or doc[v.i - 1].text != ",":
        return None
    return subj[0]


def fronted_clause(h: Tok) -> Tok | None:
    """A child of the cue ``h`` the parser left unlabelled (``dep``) that opens the sentence and ends at a comma before
    the cue's subject: the reported clause, misparsed ("The army fired shells, the newspaper wrote." read with "army
    fired shells" as a noun phrase).  Not a quotation closed at that comma: its marks pair it with its speaker."""
    doc = h.doc
    subjects = [k.i for k in h.children if k.dep_ == "nsubj" and k.i < h.i]
    for c in h.children:
        if c.dep_ != "dep" or c.i > h.i or not subjects or c.left_edge.i != h.sent.start:
            continue
        end = c.right_edge.i + 1
        closed = doc[end - 1].text in CLOSE_QUOTES or (end + 1 < len(doc) and doc[end + 1].text in CLOSE_QUOTES)
        if end < min(subjects) and doc[end].text == "," and not closed:
            return c
    return None


def quote_under_subject(h: Tok) -> Tok | None:
    """A quoted clause the parser hung on the cue's subject before the subject's head ("“Our discussions ... are much
    further apart,” senators Thom Tillis and James Lankford said in a statement": the quote a ccomp of "senators"):
    what was said, opening the sentence with a quotation mark closed right before the subject's words."""
    doc = h.doc
    for s in h.children:
        if s.dep_ != "nsubj" or s.i > h.i:
            continue
        for c in s.children:
            if c.dep_ not in ("ccomp", "parataxis") or c.i > s.i or doc[h.sent.start].text not in OPEN_QUOTES:
                continue
            if c.left_edge.i not in (h.sent.start, h.sent.start + 1):
                continue
            end = c.right_edge.i + 1  # (the closing mark and comma after the clause hang on the subject too)
            while end < s.i and doc[end].is_punct and doc[end].text not in CLOSE_QUOTES:
                end += 1
            if end < s.i and doc[end].text in CLOSE_QUOTES:
                return c
    return None


def quote_right_after(h: Tok, after: int) -> tuple[int, int] | None:
    """The tokens inside a quotation that a comma or a colon opens after token ``after``, at the end of the clause of
    ``h`` (the parser may hang the quote on ``h``) and closing within 120 tokens: "as The New Yorker put it in a
    lengthy expose, “the operator.”", "put it this way: “...”"."""
    doc = h.doc
    for j in range(after + 1, min(len(doc), h.right_edge.i + 3)):
        if doc[j].text in (".", ";", "?", "!") or "\n" in doc[j].text:
            return None
        if doc[j].text in _OPENING and doc[j - 1].text in (",", ":"):
            for k in range(j + 1, min(len(doc), j + 120)):
                if doc[k].text in _CLOSING or "\n" in doc[k].text:
                    return (j + 1, k) if doc[k].text in _CLOSING and k > j + 1 else None
            return None
    return None


_OPENING = OPEN_QUOTES | {"''", "``"}
_CLOSING = CLOSE_QUOTES | {"''"}
"""Quotation marks as tokens, with the doubled apostrophes and backticks some papers write (``quote_right_after``)."""


FELT_BY_OBJECT = frozenset(
    {"anger", "outrage", "alarm", "upset", "frustrate", "shock", "worry", "disappoint", "surprise", "trouble",
     "bother", "infuriate", "irritate", "annoy", "delight", "scare", "frighten", "disturb", "dismay", "stun"}
)
"""Emotion verbs whose object feels ("The remark worried some analysts"): PolNeAR train makes the one who feels the
source and what they feel about the content (not "concern", which also means "be about"; not "encourage" or "please",
which also direct)."""


def felt_by_object(h: Tok) -> tuple[Tok, set[int], set[int]] | None:
    """``(who feels, the tokens of a phrase of theirs the parser hung on the verb, the tokens of what about)`` of an
    active emotion verb of ``FELT_BY_OBJECT`` with a subject before it and an object after it and no clause of its own
    ("The decision angered Democrats": Democrats, the decision; "X infuriated allies by providing the fifth vote": X and
    the "by" phrase; "... has angered some Democrats on the left": "on the left" theirs); not when a verb follows the
    object, which is then the subject of a clause the parser cut ("who worry the plan is failing")."""
    if h.lemma_.lower() not in FELT_BY_OBJECT:
        return None
    kids = list(h.children)
    if any(c.dep_ in ("auxpass", "nsubjpass", "ccomp", "xcomp") for c in kids):
        return None
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > h.i), None)
    subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < h.i), None)
    if obj is None or subj is None:
        return None
    after = obj.right_edge.i + 1
    if after < len(h.doc) and h.doc[after].pos_ in ("AUX", "VERB"):
        return None  # "allies, who worry the President's fixation is causing ...": a clause's subject read as the object
    theirs: set[int] = set()
    about = set(range(subj.left_edge.i, subj.right_edge.i + 1))
    for c in kids:
        if c.dep_ == "prep" and c.i == after and c.lower_ in ("on", "in", "at", "among", "of"):
            theirs = set(range(c.left_edge.i, c.right_edge.i + 1))
        elif c.dep_ == "prep" and c.lower_ == "by" and c.i > obj.i:
            about |= set(range(c.left_edge.i, c.right_edge.i + 1))
    return obj, theirs, about


def _semicolon_between(before: Tok, h: Tok) -> bool:
    """Whether a semicolon stands between the subtree of ``before`` and the cue ``h``."""
    doc = h.doc
    return any(doc[k].text == ";" for k in range(before.right_edge.i + 1, h.i))


ADDRESSED_PARTICIPLE = True
""""Asked whether ..., Ryan said": a bare participle of an addressee verb (``addressed_participle``) takes
no source from the clause it hangs from, whose subject is the one asked (PolNeAR train: 42 such "asked"
sources where the gold has none; train source +0.08 fast, +0.10 default; eval/attribution.md)."""
ADDRESSEE_VERBS = TELL_LEMMAS | {"press", "question", "quiz"}


def addressed_participle(h: Tok) -> bool:
    """A bare past participle of a verb whose object is the one addressed, hanging from another clause
    ("Asked about the vote, Ryan said ...", "Christie said when asked whether ..."): the clause's subject is
    the one asked, and the asker is unexpressed."""
    return (
        h.tag_ == "VBN"
        and h.dep_ in ("advcl", "acl", "conj")
        and h.lemma_.lower() in ADDRESSEE_VERBS
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in h.children)
    )


PASSIVE_OWN_SUBJECT = True
"""A passive verb with a subject of its own ("aides cheered as she was announced the winner") takes no
source from the clause it hangs from: its agent is unexpressed, and PolNeAR leaves the source empty
(train, both profiles: source +0.10, relation +0.10-0.11; eval/attribution.md)."""


RELATIVE_CONTENT = True
"""A relative pronoun that is the cue's object, or the subject of its clausal content, opens the content
("the war, which she has repeatedly said was a mistake": content "which" + "was a mistake"; "Rubio, who
he dubbed 'the little senator'"), as PolNeAR marks it (``relative_object``)."""


def relative_object(c: Candidate) -> TokRange | None:
    """The relative pronoun opening the cue's relative clause when it stands for what is said: the cue's
    direct object or object complement, or the subject of its that-less clausal complement; None when it
    is the source ("who said ...") or anything else."""
    h = c.head
    if not RELATIVE_CONTENT or c.pattern != "verb":
        return None
    rel = h.doc[h.left_edge.i]
    if rel.lower_ == "what" and rel.i < h.i and c.content and c.content[0][0] > h.i and c.content_rel in ("oprd", "ccomp"):
        # "ending what he calls corruption in politics", "displaying what many analysts said was a sign of ...":
        # PolNeAR opens the content with "what", as with a relative pronoun
        h_ok = rel.head.i == h.i and rel.dep_ in ("dobj", "oprd", "attr")
        if h_ok or (rel.head.head.i == h.i and rel.head.dep_ in ("ccomp", "xcomp") and rel.dep_ in ("nsubj", "nsubjpass")):
            return (rel.i, rel.i + 1)
        return None
    if h.dep_ != "relcl":
        return None
    if rel.text.lower() not in RELATIVE and rel.tag_ not in ("WDT", "WP", "WP$", "WRB"):
        return bare_antecedent(c, rel.i)
    if rel.text.lower() not in RELATIVE or rel.i >= h.i or any(i <= rel.i < j for i, j in c.source):
        return None
    if rel.head.i == h.i and rel.dep_ in ("dobj", "oprd", "attr"):
        return (rel.i, rel.i + 1)
    if rel.head.head.i == h.i and rel.head.dep_ in ("ccomp", "xcomp") and rel.dep_ in ("nsubj", "nsubjpass"):
        return (rel.i, rel.i + 1)
    return None


BARE_ANTECEDENT_WORDS = 10


def bare_antecedent(c: Candidate, first: int) -> TokRange | None:
    """The noun phrase a relative clause without a pronoun hangs from, when the cue's source opens that clause and
    what is said follows the cue: "a probe the agency said was ongoing" (content "a probe" + "was ongoing"), "a gift
    he knew would lift me", "the best friend Trump always hoped to have", as PolNeAR marks them; None otherwise."""
    h = c.head
    n = h.head
    doc = h.doc
    if n.i >= first or n.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or not c.source or c.content_rel not in ("ccomp", "xcomp"):
        return None
    if c.source[0][0] != first or c.source[-1][1] > h.i or c.content[0][0] <= h.i:
        return None
    start = n.left_edge.i
    if first - start > BARE_ANTECEDENT_WORDS or any(doc[k].is_punct for k in range(start, first)):
        return None
    return (start, first)


COPULAS = frozenset({"be", "seem", "appear", "become", "remain", "feel", "sound", "look", "grow", "get", "stay"})


def predicate_adjective(h: Tok) -> tuple[Tok, Tok, int] | None:
    """(adjective, complement, cue end) of a copula with a predicate adjective that takes a complement:
    "are optimistic that ...", "was critical of X", "seem willing to ..."."""
    if h.lemma_.lower() not in COPULAS:
        return None
    for a in h.children:
        if a.dep_ != "acomp" or a.i <= h.i:
            continue
        # the words between the copula and the adjective must belong to either ("is not very critical")
        if any(t.head.i not in (h.i, a.i) and not (a.left_edge.i <= t.i <= a.i) for t in h.doc[h.i + 1 : a.i]):
            return None
        for g in a.children:
            if g.i <= a.i:
                continue
            if g.dep_ == "prep" and g.text.lower() in LINK_PREPS:
                obj = [k for k in g.children if k.dep_ in ("pobj", "pcomp")]
                if obj and g.i == a.i + 1:
                    return a, obj[0], g.i + 1
            if g.dep_ in ("ccomp", "xcomp"):
                return a, g, a.i + 1
    return None


QUOTED_SUBJECT = True
"""Of two subjects the parser gives a cue, one inside a quote closed before the cue ("“..., it will at some
point,” said James Acton") and one after it, the one after is the source (before: the quoted words were the
source, and the quote, which the cue no longer followed, was lost with its attribution)."""


def _quote_closes_between(a: Tok, h: Tok) -> bool:
    """Whether a closing quote mark lies between token ``a``'s phrase and the later token ``h``."""
    return any(t.text in CLOSE_QUOTES or t.text == "''" for t in h.doc[a.right_edge.i + 1 : h.i])


ACL_SOURCE = True
"""A participle cue hanging from a noun that names who speaks ("The vice president saying ...") takes that noun as its
source (``agent_of_participle``)."""
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def agent_of_participle(h: Tok) -> bool:
    """Whether ``h`` is an -ing participle right after the noun it hangs from, a name or a person's title ("The
    vice president saying", "Mr. Sanders saying", not "a statement saying" or "groups supporting")."""
    n = h.head
    return (
        h.dep_ == "acl"
        and h.tag_ == "VBG"
        and n.i == h.left_edge.i - 1
        and (n.pos_ == "PROPN" or n.ent_type_ in _AGENT_ENTS or word_key(n.text) in lexicon().heads)
    )


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def dated_name(h: Tok) -> Tok | None:
    """"Rodong Sinmun Tuesday observes ...": a weekday the parser took for the verb's adverbial, with the name
    before it as its compound, stands where the subject does (the name is the subject; its source phrase holds
    the day, as "Rodong Sinmun Tuesday" does when the parse gets it right)."""
    for c in h.children:
        if c.i > h.i:
            break
        if c.dep_ == "npadvmod" and c.lower_ in _WEEKDAYS and any(g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children):
            # only adverbials between the day and the verb: "Monday editorially calls", "Saturday in a bylined
            # commentary observes"
            inner = {t.i for k in h.children if k.dep_ in ("advmod", "prep") and c.i < k.i < h.i for t in k.subtree}
            if all(i in inner for i in range(c.i + 1, h.i)):
                return c
    return None


_MORE_BODIES = frozenset({"party", "organization", "organisation", "headquarters", "secretariat", "front", "government", "ministry"})


def relative_then_speaker(h: Tok) -> tuple[Tok, Tok] | None:
    """"a letter that he said emphasized ...": the parser gives "said" two subjects, the relative pronoun (the
    subject of what is said) and the speaker after it; (relative pronoun, speaker), else None."""
    subjects = [c for c in h.children if c.dep_ == "nsubj" and c.i < h.i]
    if len(subjects) >= 2 and subjects[0].lower_ in RELATIVE and subjects[0].tag_ in ("WDT", "WP"):
        return subjects[0], subjects[1]
    return None


def said_in_relative(h: Tok) -> bool:
    """Whether ``h`` reports inside a relative clause whose pronoun belongs to what is said: "a letter that he said
    emphasized ...", "the debate, which he said defied expectations" (however the parser hangs the pronoun)."""
    if relative_then_speaker(h) is not None:
        return True
    if h.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.i < h.i and c.lower_ not in RELATIVE for c in h.children):
        return False
    return any(
        c.dep_ in ("ccomp", "xcomp") and any(g.dep_ in ("nsubj", "dobj") and g.i < h.i and g.lower_ in RELATIVE for g in c.children)
        for c in h.children
    )


def inverted_aside(h: Tok, subjects: list[Tok]) -> bool:
    """Whether the cue ``h`` opens an aside after a comma with its subject after it, set off by punctuation ("The plan,
    said Jones, would fail"), while another of ``subjects``, a phrase without punctuation, stands before it (not
    "Greg Barton of Monash University, who studies ..., said the hostage taker's use of a flag, suggests ...": the
    speaker before, described between commas)."""
    doc = h.doc
    after = [c for c in subjects if c.i > h.i]
    before = [c for c in subjects if c.i < h.i]
    return (
        h.i > 0 and doc[h.i - 1].text == "," and bool(after) and bool(before)
        and (after[0].right_edge.i + 1 >= len(doc) or doc[after[0].right_edge.i + 1].is_punct)
        and not any(k.is_punct for k in doc[before[-1].left_edge.i : before[-1].right_edge.i])  # (its comma after it)
    )


def subject(h: Tok) -> tuple[str, Tok | None]:
    """The source token of a verbal cue: its agent or subject, or the subject of the verb it hangs from
    (not for a passive with a subject of its own, ``PASSIVE_OWN_SUBJECT``)."""
    for c in h.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME"):  # (not "are expected by June")
                    return "agent", g
    subjects = [c for c in h.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1 and (pair := relative_then_speaker(h)) is not None:
        return "nsubj", pair[1]
    if QUOTED_SUBJECT and len(subjects) > 1:
        # "“... in panic mode. Full panic mode,” said Leslie Wimes": the parser gives "said" two subjects,
        # one inside the quote before it; the speaker is the one after the cue
        after = [c for c in subjects if c.i > h.i]
        if after and any(_quote_closes_between(c, h) for c in subjects if c.i < h.i):
            return "nsubj", after[0]
    if len(subjects) > 1 and inverted_aside(h, subjects):
        # "This, said Smith, was a fact": the parser gives the inverted aside the clause's subject too; the speaker
        # follows the cue
        return "nsubj", next(c for c in subjects if c.i > h.i)
    before = [c for c in subjects if c.i < h.i]
    if (
        len(before) > 1
        and before[-1].left_edge.i > 0 and h.doc[before[-1].left_edge.i - 1].text == ","
        and not any(h.doc[k].text == "," for k in range(before[-1].right_edge.i + 1, h.i))
        and not any(c.dep_ in ("cc", "conj") for c in before[-1].children)
        and before[-1].pos_ in ("NOUN", "PROPN") and before[-1].text[:1].isalpha()
        and before[-1].lower_.rstrip(".") not in ("jr", "sr", "ii", "iii", "iv")  # "Paul L. Howard, Jr."
        and before[-1].lower_ not in BODY_HEADS | _MORE_BODIES  # KCNA's "secretary of the C.C., the Communist Party of
        # ...": whose C.C. that is
    ):
        # "Speaking to the National Action Network, the civil rights group founded by ..., Holder suggested": the
        # parser gave the verb the apposition of the phrase before as a subject too; the subject is the last (a noun
        # or a name, not "they" resuming the phrase before: "The bright lights of the party, though, they thought")
        return "nsubj", before[-1]
    if subjects:
        return "nsubj", subjects[0]
    if (aside := participle_aside(h)) is not None:
        return "nsubj", aside  # "The aide, granted anonymity to discuss the talks, said": the aside's "subject"
    dated = dated_name(h)
    if dated is not None:
        return "nsubj", dated
    if PASSIVE_OWN_SUBJECT and any(c.dep_ == "nsubjpass" for c in h.children):
        return "none", None
    if ADDRESSED_PARTICIPLE and addressed_participle(h):
        return "none", None
    if h.dep_ == "advcl" and h.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in h.children) and not any(
        c.dep_ in ("aux", "auxpass") for c in h.children
    ):
        return "none", None  # "this conversation occurred as reported": reported by nobody named, not by the conversation
    if (
        h.dep_ == "conj" and h.tag_ in ("VBN", "VBD") and any(c.dep_ == "auxpass" for c in h.head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent", "dobj", "ccomp") for c in h.children)
    ):
        return "none", None  # "Carlson is to be praised and admired for her courage": passive as the verb it joins
    if h.dep_ == "conj" and h.lemma_.lower() != "quote" and any(c.dep_ == "auxpass" for c in h.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "agent") for c in h.children
    ):
        return "none", None  # "Cotton is up for reelection but is not considered to be in a competitive race": the subject
        # it shares with the verb it joins is what is considered, not who considers
    t = h
    for _ in range(3):
        if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and t.head.i != t.i:
            up = t.head
            if (
                t is h and t.dep_ == "conj" and t.tag_ == "VBG" and up.tag_ in ("VBD", "VBN", "VBZ", "VBP")
                and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
                and up.dep_ == "ccomp" and up.head.tag_ == "VBG" and up.head.i < up.i
            ):
                # "saying she's experienced “on paper” but suggesting ...", "by stating that Snowden had not made up his
                # mind ..., and reminding readers that ...": a participle the parse joined to the finite verb of the
                # participle's content before it is that participle's partner: its subject, not the content's
                return subject(up.head)
            if t.dep_ == "pcomp" or (up.pos_ == "ADP"):
                up = up.head
            for c in up.children:
                if c.dep_ in ("nsubj", "csubj") and c.i != t.i:
                    return f"up:{t.dep_}", c
            if t.dep_ == "xcomp":
                # "The Mission is authorized to raise the following demands": the passive's subject is the infinitive's
                passive = next((c for c in up.children if c.dep_ == "nsubjpass" and c.i < t.i), None)
                if passive is not None:
                    return "up:xcomp", passive
            t = up
        else:
            break
    return "none", None


def reduced_relative_subject(doc: DocView, h: Tok, cc: Tok) -> bool:
    """Whether the "clause" before a cue closed by a colon is a name and a participle phrase with no auxiliary."""
    return (
        cc.i < h.i and cc.tag_ in ("VBG", "VBN") and h.i + 1 < len(doc) and doc[h.i + 1].text == ":"
        and not any(k.dep_ in ("aux", "auxpass") for k in cc.children)
        and any(k.dep_ == "nsubj" and k.pos_ in ("PROPN", "NOUN") and k.i < cc.i for k in cc.children)
    )


def had_this_to_say(h: Tok) -> Tok | None:
    """The "had" of "had this to say" when ``h`` is its "say", else None."""
    if h.lemma_.lower() != "say" or not any(k.dep_ == "aux" and k.lower_ == "to" for k in h.children):
        return None
    up = h.head.head if h.head.dep_ == "dobj" else h.head
    if up.lemma_.lower() != "have" or not any(
        k.dep_ in ("dobj", "nsubj") and k.lower_ in ("this", "that") for k in (*up.children, *h.children)
    ):
        return None  # the parser hangs "this" on "had" or, as its subject, on "say"
    return up if up.i < h.i else None


_DOCUMENTS = frozenset("statement article report letter editorial commentary message note communique release".split())
_PUBLISHING = frozenset("issue carry publish release run send post put print".split())


def publisher_of_document(h: Tok) -> Tok | None:
    """The verb that put out the document an -ing cue hangs from ("issued a statement saying", "carried an article
    criticizing"), when the document is its object and only words of the two stand between."""
    n = h.head
    if not (h.dep_ == "acl" and h.tag_ == "VBG" and n.lemma_.lower() in _DOCUMENTS and n.dep_ == "dobj"):
        return None
    v = n.head
    if v.lemma_.lower() not in _PUBLISHING or not v.i < n.i < h.i:
        return None
    inner = {n.i} | {t.i for k in (*n.children, *v.children) if v.i < k.i < h.i and k.i != n.i for t in k.subtree}
    return v if all(i in inner for i in range(v.i + 1, h.i)) else None  # "issued a statement on Tuesday saying"


def report_aside_before(h: Tok, reports: frozenset[str]) -> Tok | None:
    """A report verb set off by commas right before ``h``, a sibling under the same clause ("..., the paper said, and
    went on", "..., he stressed, adding"), or None."""
    for k in h.head.children:
        if not (h.head.i < k.i < h.i and k.dep_ in ("parataxis", "ccomp", "advcl") and k.lemma_.lower() in reports):
            continue
        own = {t.i for t in k.subtree}
        if all(h.doc[j].is_punct or h.doc[j].lower_ in ("and", "then") or j in own for j in range(k.i + 1, h.i)):
            return k
    return None

