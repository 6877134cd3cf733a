"""People, organisations, outlets, governments, places and groups, with their mentions and roles.

``find_entities`` is the first stage.  It starts from spaCy's named entities
on every parsed segment, fixes their usual errors (``mentions``; their
edges, ``edges``: no leading "the", trailing possessive or unclosed
"(NHC"; kinds fixed by the words around a name, ``retype``: "Allen,
Texas" a place, "the charity Refuge" a body; a quoted nickname inside a
name, ``nicknames``: "Sean “Diddy” Combs" one person), reads
the roles the article gives each name (``roles``), and joins the
mentions of one real-world referent into one ``Entity`` (``clusters``):

- the same name, with or without "the", a possessive or a line break;
- a person's surname or first name alone ("Kim" -> "Kim Jong Un",
  "Lyubimova" -> "Olga Lyubimova"), and a shorter form of a longer name
  ("George Bush" -> "George W. Bush"), when exactly one person's full name in
  the article fits;
- an organisation's first word alone ("Lockheed" -> "Lockheed Martin") when
  exactly one fits;
- an acronym and its expansion, by initials ("KCNA" = "Korean Central News
  Agency") or written in brackets after the name, and names of the same
  registry outlet ("Yonhap" = "Yonhap News Agency");
- the bare compass word of a two-word country the article names ("the
  North" -> "North Korea"), when exactly one such country fits;
- one person under two forms of a given name ("Joe Biden" = "Joseph R.
  Biden", ``find/data/nicknames.txt``; not across a suffix, "Donald Trump
  Jr."); a registry outlet's one-word name after an honorific is a person
  ("Mr. Bloomberg"), not the outlet.

Then every further occurrence of a name the entity already has is added
where spaCy missed it, and of the surname of a person named in full
("Sessions" of "Jeff Sessions") inside a sentence, unless two people share
it.  Byline and credit blocks, which are not parsed, are read for the
article's authors and publisher and for registry outlets ("By Jasmine Baehr
Fox News", "(Credit: Reuters)").  ``finder`` runs these
steps; the word lists are ``lexicon``'s.

``entity_at(entities, span, text)`` gives the attribution stage the entity a
source span refers to (not the possessor of a person named by title after
it: "Trump's adviser H.R. McMaster"); ``possessive_after`` tells a possessor.

Limits: no pronouns or descriptions ("the minister") are resolved here (the
attribution stage resolves sources with ``entity_at``); an ambiguous short
name ("Kim" in an article about Kim Jong Un and Kim Yo Jong) stays an entity
of its own; names the small spaCy model does not see at all are missed
unless they are in the outlet registry or the government list.
"""

from __future__ import annotations

from .finder import (
    PRODUCED_BY,
    entity_at,
    entity_by_id,
    find_entities,
    first_mention,
    mentions_near,
    mentions_within,
    possessive_after,
)

__all__ = ["PRODUCED_BY", "entity_at", "entity_by_id", "find_entities", "first_mention", "mentions_near", "mentions_within", "possessive_after"]
