"""Attributions: who (source) said (cue) what (content), in every form news uses.

``find_attributions(parsed, found, settings)`` returns one ``Attribution``
per reported claim, with exact character spans into ``Article.text``:

1. *Cue candidates* (``candidates``, with the span conventions of ``spans``; a cue
   verb's subject and clausal complement by ``clauses``, the punctuation-led forms by ``marks``): every verb, noun or adjective
   of the cue lexicon with its source, cue, content and addressee read off
   the dependency parse ("X said (that) ...", "..., X said", "The plan, he
   said, was dead", "X told Y (that) ...", "X was quoted by Y as saying ...",
   passives, "according to X", nominal cues ("his concern is that ...",
   "is raising questions about"), footage with an agent ("as seen in footage
   aired by X"), documents ("a message that read, “...”"), colon lead-ins
   "X: “...”", dash attributions "“...” ― X", and a quote right before or
   after a cue with no content of its own ("“...,” said X.", "X said: “...”").
2. *Scoring* (``model``): a logistic regression trained on
   PolNeAR train keeps the candidates that really attribute (reporting,
   belief, intention and perception cues, as PolNeAR defines attribution);
   a second small model (``content``) chooses each content's edges among
   alternatives read off the parse.
3. *Quotes* (``quotes``): a content that opens a quote runs to
   its closing mark, across sentences and paragraphs (news re-opens the mark
   on every paragraph); a quote that follows an attribution's sentence with
   no cue of its own continues that attribution ("“A,” she said. “B.”"),
   also in the next paragraph.
4. *Nesting*: PolNeAR annotates only the outermost of nested attributions;
   by default we do too (an attribution whose cue lies inside another's
   content is dropped, see eval/attribution.md for the measured cost),
   except when either source is a news outlet ("Yonhap reported that KCNA
   said ..." gives both, for relay chains); ``extract.NESTED = True`` keeps all.
5. *Who* (``resolve`` with ``heads``, ``governments``, ``antecedents``, ``speakers``, ``appositions``, ``body_refs``,
   ``shares``, ``relatives``, in ``finder``): sources and addressees are
   named, typed (``reportedly.model.SOURCE_TYPES``, outlets through the registry, the
   user's registry files included; a union or the staff of a news company is not the
   outlet) and resolved to entities; "he", "they", "the spokesman", "the agency"
   resolve to the closest earlier entity of a fitting kind, gender and role (a
   subject before a closer object), or stay unresolved; the writer's own "I" is the
   article's sole author, never a politician named before.

Also by rule (``extract``, ``colons``): "X added:" closing a paragraph takes the paragraph
after it (as does "X says in a bylined commentary:"); "X said Y, according to state
media" gives one attribution whose chain has the outlet as a hop.  ``vetoes``: plain
actions ("Rebels attacked the convoy", "recorded the album", "made a field survey")
and link titles after "Read more:" are no attributions; appearance verbs with no one
it appears to ("appears to be slowing") keep PolNeAR's reading as sourceless
attributions, of kind ``appearance``.  Cue words beyond the learnt
lexicon come from ``lexicons/cue_words.txt``.

Steps 1-4 are ``extract.extract``, step 5 is ``finder.find_attributions``.  In the
default profile (``Settings.profile``) a learned tagger (``tagger``: MiniLM, int8 ONNX)
reads the paragraphs that hold candidates, and ``linking`` keeps, snaps and adds
attributions with its tags; ``--profile fast`` is the rules alone.
Without a dependency parse (``doc.has_annotation("DEP")`` False) only
quote-adjacent "said/says/told" patterns are found, at lower confidence.

Limits: a content is found within its sentence unless quote marks carry it
further; a bare quote paragraph is attributed only to the directly quoted
speaker just before it; no cross-sentence source for cues without a subject;
cues outside the lexicon learnt from PolNeAR train (and the hand-made
``cue_words.txt``) are not found by the rules.  PolNeAR dev exact F1 (source / cue /
content / relation): default 80.4 / 74.3 / 65.3 / 58.1 (the tagger's float kernels differ a little by CPU),
fast 75.6 / 70.7 / 61.4 / 53.6 (eval/attribution.md).

Training the two models is not part of the finder: ``reportedly.training.attributions``.
"""

from __future__ import annotations

from .extract import NESTED, extract
from .finder import PRODUCED_BY, find_attributions

__all__ = ["NESTED", "PRODUCED_BY", "extract", "find_attributions"]
