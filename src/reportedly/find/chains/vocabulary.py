"""The words relay chains are read from: trigger phrases, unnamed media, nouns and name lists.

``TRIGGERS`` maps each phrase that comes before a relay or an origin to what
the party after it is; the patterns and word sets below it are read by the
rules of the other modules of this package.
"""

from __future__ import annotations

import re

# Trigger phrases before a relay or origin, and what the named party is.
#   producer: made the footage/document ("released by KCTV") - the origin when
#             it modifies a footage/document source, else a relay
#   relay:    passed the claim on ("told Yonhap", "according to KCNA")
#   origin:   the source's own source ("citing sources familiar with the matter")
TRIGGERS: dict[str, str] = {
    "released by": "producer", "aired by": "producer", "aired on": "producer", "broadcast by": "producer",
    "broadcast on": "producer", "published by": "producer", "posted by": "producer", "posted on": "producer",
    "issued by": "producer", "distributed by": "producer", "provided by": "producer",
    "produced by": "producer", "shown on": "producer", "televised by": "producer", "televised on": "producer",
    "filmed by": "producer", "released on": "producer", "published in": "producer", "published on": "producer",
    "according to": "relay", "as quoted by": "relay", "quoted by": "relay", "cited by": "relay",
    "carried by": "relay", "reported by": "relay", "first reported by": "relay", "obtained by": "relay",
    "relayed by": "relay", "translated by": "relay", "shared by": "relay", "shared on": "relay",
    "told": "relay", "tells": "relay", "telling": "relay", "in an interview with": "relay",
    "in an interview on": "relay", "in an interview aired on": "relay", "in an interview published by": "relay",
    "interview with": "relay", "speaking to": "relay", "speaking with": "relay", "spoke to": "relay",
    "spoke with": "relay", "talking to": "relay", "said on": "relay", "wrote in": "relay",
    "writing in": "relay", "wrote on": "relay", "in a post on": "relay", "in a statement on": "relay",
    "via": "relay", "in a report by": "relay", "in remarks to": "relay", "in comments to": "relay",
    "delivered by": "relay", "sent by": "relay", "read on": "relay", "read out on": "relay",
    "speaking on": "relay", "appearing on": "relay", "in an appearance on": "relay", "interviewed by": "relay",
    "quoted in": "relay", "cited in": "relay", "in an interview to": "relay", "in an interview aired by": "relay",
    "told reporters from": "relay", "in comments published by": "relay", "in a letter to": "relay",
    "citing": "origin", "quoting": "origin", "quoted": "origin", "quotes": "origin", "cited": "origin",
    "cites": "origin",
}
# Active "X quoted/cited Y (as saying)": Y is the origin; passive "quoted by" is a relay (longer match wins).
TRIGGER_RE = re.compile(
    r"\b(?P<t>" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TRIGGERS, key=len, reverse=True))
    + r")\s+",
    re.IGNORECASE,
)
# What right after a trigger names no party ("was quoted as saying", "cited that").
NOT_A_PARTY = re.compile(r"(?:as|that|to|by|in|on|at|for|with|from|it|this|these|those)\b", re.IGNORECASE)
# Where the phrase after a trigger ends.
TARGET_END = re.compile(
    r"[,;:!?\n\"“”()]|(?<![A-Z])\.|\s(?:that|as\s+saying|as|who|which|where|when|while|because|after|before|on\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s"
)

# Unnamed media: "state media", "North Korean state TV", "local media reports".
_MEDIA_KIND = (
    r"(?:media(?:\s+outlets?)?|television|tv|broadcaster|news\s+agenc(?:y|ies)|newspapers?|radio|"
    r"press|outlets?|news\s+outlets?|channels?|mouthpiece|daily|news\s+site|websites?)"
)
GENERIC_RE = re.compile(
    rf"\b(?P<kind>(?:(?:state|government|party)(?:[- ](?:run|owned|controlled|affiliated|backed))?|official|"
    rf"semi-official)\s+{_MEDIA_KIND}|(?:local|foreign|domestic|western|international|news)\s+media"
    rf"(?:\s+reports?)?|media\s+reports?|news\s+reports?|press\s+reports?)\b",
    re.IGNORECASE,
)
STATE_WORDS = re.compile(r"\b(?:state|government|party|official|semi-official)\b", re.IGNORECASE)

# Nouns of footage and documents: sources whose producer, when named, is the origin.
FOOTAGE_NOUNS = frozenset(
    "footage video videos images image photos photo pictures picture broadcast clip clips recording "
    "recordings audio tape film documentary".split()
)
DOCUMENT_NOUNS = frozenset(
    "statement statements report reports dispatch commentary article editorial letter notebook document "
    "documents memo message book diary transcript post tweet leaflet poster announcement communique "
    "communiqué note data survey poll study record records filing brief".split()
)
DETERMINERS = frozenset("the a an this that these those its their his her our other new same".split())
# Anonymous-source heads for "citing sources familiar with the matter".
_ANON_HEADS = frozenset(
    "source sources official officials people person insider insiders aide aides diplomat diplomats "
    "someone individuals".split()
)
# Words after which a sentence leans on an earlier report for its source.
REPORT_ADVERBS = re.compile(
    r"\b(?:reportedly|was\s+reported|were\s+reported|is\s+reported|are\s+reported|according\s+to\s+(?:the\s+)?"
    r"reports?|it\s+was\s+reported|is\s+said\s+to|are\s+said\s+to|was\s+said\s+to|were\s+said\s+to)\b",
    re.IGNORECASE,
)
MEDIA_WORD_AFTER = re.compile(
    r"\s+(?:television|tv|newspaper|daily|radio|network|channel|broadcaster|news\s+agency|magazine|website)\b",
    re.IGNORECASE,
)
# News words that make an unregistered capitalised name an outlet ("the Daily Planet").
NEWS_WORDS = frozenset(
    "times post news journal herald daily tribune gazette telegraph chronicle press agency tv television "
    "radio magazine observer guardian star sun examiner inquirer courier dispatch review weekly monitor "
    "standard express mail mirror independent register bulletin wire network broadcasting".split()
)
ENTITY_TYPE = {
    "person": "person",
    "organization": "organization",
    "government": "government",
    "outlet": "outlet",
    "group": "group",
}


def party_type(kind: str) -> str:
    """The hop type of an entity already taken for a party of a chain: ``ENTITY_TYPE``'s, a place speaking or
    issuing is its government ("The United States recently made public a new ... strategy report"), else unknown."""
    return ENTITY_TYPE.get(kind, "government" if kind == "place" else "unknown")
