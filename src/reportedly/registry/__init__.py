"""The outlet registry: news outlets and agencies with aliases, country, type and state control.

Data lives in ``outlets.csv`` beside this module; ``README.md`` there
documents the columns, the type vocabulary and where each fact comes from.
Users extend or override it with their own CSV files of the same columns
(``Settings.registry``): a row whose ``name`` is already known replaces it.

Matching (``Registry.match`` for a whole name, ``Registry.find`` for outlet
mentions in running text) is case-aware: acronyms ("AP", "RT") match only in
capitals, capitalised aliases ("Reason", "Time") only when capitalised, and a
name that merely contains an outlet ("Fox News host Sean Hannity", "Vice
President Pence") is not that outlet.  Descriptors around a name are allowed:
"state media KCNA", "South Korea's Yonhap News Agency", "the official Korean
Central News Agency", "the Kyunghyang Shinmun newspaper".
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .countries import COUNTRY_WORDS, country_of, is_country_word

__all__ = [
    "NEWS_TYPES",
    "TYPES",
    "Mention",
    "Outlet",
    "Registry",
    "country_of",
    "load_registry",
    "normalise",
]

TYPES = (
    "state_media",
    "news_agency",
    "public_broadcaster",
    "outlet",
    "social_media",
    "organization",
    "government",
    "person",
    "unknown",
)
"""Registry ``type`` values (a subset of ``model.SOURCE_TYPES``; see README.md)."""

NEWS_TYPES = frozenset({"state_media", "news_agency", "public_broadcaster", "outlet"})
"""Types of rows that are news media (they can relay a claim as a hop)."""


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    type: str
    """state_media, news_agency, public_broadcaster, outlet, ... (``TYPES``)."""
    state_controlled: bool | None
    source: str
    medium: str | None = None
    """agency, photo_agency, newspaper, magazine, television, radio, broadcaster, website, ..."""
    domains: tuple[str, ...] = ()
    """Web domains of the outlet ("foxnews.com"), for publishers known only by URL."""

    @property
    def is_news(self) -> bool:
        """Whether the row is a news medium (state media, agency, broadcaster, outlet)."""
        return self.type in NEWS_TYPES


@dataclass(frozen=True, slots=True)
class Mention:
    """An outlet named in a text: ``text[start:end]`` names ``outlet``."""

    start: int
    end: int
    outlet: Outlet


# --- tokens -----------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w][\w.&!'’+-]*[\w!']|[\w]")
_FUNCTION = frozenset({"the", "of", "and", "for", "de", "del", "della", "la", "le", "el", "al", "&", "an", "a", "on"})
# Words that may stand around an outlet's name without changing what it names:
# "state media KCNA", "the Kyunghyang Shinmun newspaper", "Fox Online News".
DESCRIPTORS = frozenset(
    """the a an its their his her own official semi-official semiofficial state state-run state-owned
    state-controlled state-affiliated state-backed state-funded government-run government-owned
    government-controlled government-backed government-funded public national main flagship
    ruling party party's communist mouthpiece propaganda media news agency agency's agencies wire
    wires service newspaper paper daily weekly tabloid broadcaster broadcasting television tv
    channel network networks cable radio station outlet website site online web magazine journal
    publication editorial opinion section desk international english-language english english-edition
    pro-government pro-pyongyang pro-kremlin pro-beijing kremlin-backed kremlin-controlled
    kremlin-funded beijing-backed military army photo photos images image video videos pool
    footage report reports dispatch official's hardline conservative liberal independent
    privately-owned private leading major local regional financial business""".split()
)
_WEEKDAYS_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)
# Single-word aliases that are also ordinary English words: in running text they
# are taken as outlets only mid-sentence or beside a descriptor ("Time magazine").
COMMON_WORD_ALIASES = frozenset(
    """time reason insider independent atlantic guardian mirror telegraph economist salon slate heavy
    medium wired grist quartz welt fox pew drudge vice globo bild sputnik telegram gallup brookings
    yahoo corriere repubblica mehr spiegel insider chosun folha kabar antara deadline variety""".split()
)
# Words that open a sentence before an outlet's name: "Meanwhile Yonhap reported ..."
_OPENERS = frozenset(
    """meanwhile also but and earlier later separately yesterday today still however then now in on at
    as according when while after before since if although so""".split()
)
_POSSESSIVE_END = ("'s", "’s", "s'", "s’")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def core(self) -> str:
        """The token without a possessive ending."""
        t = self.text
        for suf in ("'s", "’s"):
            if t.endswith(suf) and len(t) > len(suf):
                return t[: -len(suf)]
        if t.endswith(("s'", "s’")) and len(t) > 2:
            return t[:-1]
        return t

    @property
    def possessive(self) -> bool:
        return self.text.endswith(_POSSESSIVE_END) and len(self.text) > 2

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        s, e = m.start(), m.end()
        out.append(_Tok(t, s, e))
    return out


def _key_word(t: str) -> str:
    w = t.replace("’", "'").casefold().rstrip("!")
    for suf in ("'s",):
        if w.endswith(suf) and len(w) > 2:
            w = w[: -len(suf)]
    if w.endswith("s'") and len(w) > 2:
        w = w[:-1]
    return w


def _key(toks: Sequence[_Tok]) -> str:
    return " ".join(_key_word(t.text) for t in toks)


def _is_acronym(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _compatible(alias: Sequence[str], query: Sequence[_Tok]) -> bool:
    """Whether the query tokens are written the way the alias needs (capitals where it has them)."""
    if len(alias) != len(query):
        return False
    for a, q in zip(alias, query, strict=True):
        qt = q.core
        if qt == a:
            continue
        if a.casefold() in _FUNCTION:
            continue
        if _is_acronym(a):
            # "AP" is not "Ap" or "ap"; an all-capitals query ("FOX NEWS") is fine elsewhere.
            if qt.replace("’", "'").rstrip("!") != a.rstrip("!"):
                return False
            continue
        if a[:1].isupper() and not (qt[:1].isupper() or qt[:1].isdigit()):
            return False
    return True


def normalise(name: str) -> str:
    """A lower-cased lookup key: spaces collapsed, a leading "the" and a trailing possessive dropped."""
    n = " ".join(name.replace("’", "'").split()).lower()
    if n.startswith("the "):
        n = n[4:]
    return n.removesuffix("'s")


# --- the registry --------------------------------------------------------------------


@dataclass(frozen=True)
class Registry:
    outlets: tuple[Outlet, ...]

    @functools.cached_property
    def _index(self) -> dict[str, list[tuple[tuple[str, ...], Outlet]]]:
        idx: dict[str, list[tuple[tuple[str, ...], Outlet]]] = {}
        for o in self.outlets:
            for n in (o.name, *o.aliases):
                toks = _tokens(n)
                if not toks:
                    continue
                forms = [toks]
                # "The Associated Press" is also "Associated Press"; "The Hill" is not "Hill".
                if len(toks) > 2 and toks[0].text.casefold() == "the":
                    forms.append(toks[1:])
                for f in forms:
                    entry = (tuple(t.text for t in f), o)
                    lst = idx.setdefault(_key(f), [])
                    if entry not in lst:
                        lst.append(entry)
        return idx

    @functools.cached_property
    def _firsts(self) -> dict[str, int]:
        """First word of each indexed name -> the most words a name starting with it has."""
        out: dict[str, int] = {}
        for k in self._index:
            w = k.split()
            out[w[0]] = max(out.get(w[0], 0), len(w))
        return out

    @functools.cached_property
    def _match_cache(self) -> dict[str, Outlet | None]:
        """``match`` results by name (the registry never changes; names recur across articles)."""
        return {}

    @functools.cached_property
    def _by_name(self) -> dict[str, Outlet]:
        return {o.name: o for o in self.outlets}

    @functools.cached_property
    def _domains(self) -> dict[str, Outlet]:
        return {d.lower(): o for o in self.outlets for d in o.domains}

    def get(self, name: str) -> Outlet | None:
        """The row whose canonical ``name`` is exactly this, or None."""
        return self._by_name.get(name)

    def _lookup(self, toks: Sequence[_Tok]) -> Outlet | None:
        for alias, o in self._index.get(_key(toks), ()):
            if _compatible(alias, toks):
                return o
        return None

    def match(self, name: str) -> Outlet | None:
        """The outlet a whole name refers to, or None.

        Accepts aliases and misspellings in the registry ("KNCA"), possessives
        and "the" ("the Associated Press's"), AllSides-style section labels
        ("CNN (Web News)") and descriptors around one outlet ("state media
        KCNA", "South Korea's Yonhap News Agency", "North Korea's official
        KCNA news agency").  A name holding two outlets ("YTN and Kyunghyang")
        or more than descriptors ("Fox News host Sean Hannity") gives None;
        use ``find`` for those.
        """
        cache = self._match_cache
        if name in cache:
            return cache[name]
        if len(cache) > 100_000:
            cache.clear()
        o = cache[name] = self._match(name)
        return o

    def _match(self, name: str) -> Outlet | None:
        toks = _tokens(name)
        if not toks:
            return None
        o = self._lookup(toks)
        if o is not None:
            return o
        if len(toks) > 1 and toks[0].text.casefold() == "the":
            o = self._lookup(toks[1:])
            if o is not None:
                return o
        mentions = self._scan(toks, name)
        if len({m[2].name for m in mentions}) != 1:
            return None
        covered = {i for s, e, _ in mentions for i in range(s, e)}
        allowed = _descriptor_flags(toks, name)
        if all(i in covered or allowed[i] for i in range(len(toks))):
            return mentions[0][2]
        return None

    def match_all(self, name: str) -> list[Mention]:
        """The outlets a name lists, when it holds nothing else ("YTN and the Kyunghyang Shinmun
        newspaper" -> YTN, Kyunghyang Shinmun); else []. Spans are relative to ``name``."""
        toks = _tokens(name)
        mentions = self._scan(toks, name)
        if not mentions:
            return []
        covered = {i for s, e, _ in mentions for i in range(s, e)}
        allowed = _descriptor_flags(toks, name)
        for i, t in enumerate(toks):
            if i not in covered and not allowed[i] and t.text.casefold() not in {"and", "or", "both"}:
                return []
        out: list[Mention] = []
        for s, e, o in mentions:
            if not any(m.outlet.name == o.name for m in out):
                out.append(_mention(toks, s, e, o))
        return out

    def rules_out(self, text: str) -> bool:
        """Whether a country word in ``text`` rules out an outlet whose name follows it ("the south Korean
        CBS" is not CBS News): the name alone ("CBS") must then not be read as that outlet."""
        toks = _tokens(text)
        ruled: list[tuple[int, int, Outlet]] = []
        self._qualified(toks, self._scan_names(toks), text, ruled)
        return bool(ruled)

    def _scan(self, toks: Sequence[_Tok], text: str) -> list[tuple[int, int, Outlet]]:
        """Longest-first, left-to-right outlet names in a token list: (first, past-last, outlet), read
        with the country words before them (``_qualified``)."""
        return self._qualified(toks, self._scan_names(toks), text)

    def _scan_names(self, toks: Sequence[_Tok]) -> list[tuple[int, int, Outlet]]:
        out = []
        keys = [_key_word(t.text) for t in toks]
        firsts = self._firsts
        i, n = 0, len(toks)
        while i < n:
            hit = None
            longest = firsts.get(keys[i], 0)
            if longest and (toks[i].capitalised or keys[i] == "the"):
                for j in range(min(n, i + longest), i, -1):
                    for alias, o in self._index.get(" ".join(keys[i:j]), ()):
                        if _compatible(alias, toks[i:j]):
                            hit = (i, j, o)
                            break
                    if hit is not None:
                        break
            if hit is not None:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    @functools.cached_property
    def _by_country(self) -> dict[tuple[str, str], list[tuple[tuple[str, ...], Outlet]]]:
        """(country, first word's key) -> the names of that country's outlets starting with that word."""
        out: dict[tuple[str, str], list[tuple[tuple[str, ...], Outlet]]] = {}
        for o in self.outlets:
            if o.country:
                for n in (o.name, *o.aliases):
                    keys = tuple(_key_word(t.text) for t in _tokens(n))
                    if keys:
                        out.setdefault((o.country, keys[0]), []).append((keys, o))
        return out

    def _qualified(
        self,
        toks: Sequence[_Tok],
        hits: list[tuple[int, int, Outlet]],
        text: str,
        ruled: list[tuple[int, int, Outlet]] | None = None,
    ) -> list[tuple[int, int, Outlet]]:
        """Hits read with the country word written before them: "the Australian ABC" is the Australian
        Broadcasting Corporation (a name of that country's outlet that starts with the same words, "ABC
        Australia"), "the south Korean CBS" no outlet the registry knows (not CBS News of the US), and
        "The Australian" right before another outlet's name is that country word, not the newspaper.  The hits
        a country word rules out (with no outlet of that country instead) are added to ``ruled``."""
        out: list[tuple[int, int, Outlet]] = []
        for k, (s, e, o) in enumerate(hits):
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            if nxt is not None and nxt[0] == e and _adjacent(toks, e - 1, text) and not toks[e - 1].possessive:
                words = [t.text for t in toks[s:e]]
                if words[0].casefold() == "the":
                    words = words[1:]
                if words and country_of(" ".join(words)):
                    continue  # "The Australian ABC": the first hit is the country word (not "Australia's", checked above)
            countries = _countries_before(toks, s, text) if o.type != "social_media" else frozenset()
            if countries and o.country and o.country not in countries:
                keys = tuple(_key_word(t.text) for t in toks[s:e])
                alt = next(
                    (a for c in sorted(countries) for ks, a in self._by_country.get((c, keys[0]), ())
                     if ks[: len(keys)] == keys and _qualifying(ks[len(keys) :])),
                    None,
                )
                if alt is None:
                    if ruled is not None:
                        ruled.append((s, e, o))
                    continue
                o = alt
            out.append((s, e, o))
        return out

    def find(self, text: str, news_only: bool = True, strict: bool = True) -> list[Mention]:
        """Outlets named in running text, with their character spans (relative to ``text``).

        A mention must stand alone: "Vice President Pence" and "Michael J. Fox"
        hold no outlet; "CNN's Jake Tapper" holds CNN.  Ordinary words that are
        also outlet names ("Time", "Reason") count only mid-sentence or beside a
        descriptor.  ``news_only`` keeps news media (``NEWS_TYPES``) and social
        media; people and think tanks in the registry are left to the entity finder.
        ``strict=False`` drops the stand-alone test, for bylines and credits where
        names run together ("By Jasmine Baehr Fox News", "Evan Vucci AP").
        """
        toks = _tokens(text)
        out: list[Mention] = []
        for s, e, o in self._scan(toks, text):
            if news_only and not (o.is_news or o.type == "social_media"):
                continue
            if strict:
                # descriptor flags of the neighbourhood only (whole-text flags cost more than the scan)
                lo, hi = max(0, s - _WINDOW), min(len(toks), e + _WINDOW)
                window = _descriptor_flags(toks[lo:hi], text)
                allowed = [False] * lo + window + [False] * (len(toks) - hi)
                if not _stands_alone(toks, s, e, text, allowed):
                    continue
            if e - s == 1 and toks[s].core.casefold() in COMMON_WORD_ALIASES and _sentence_initial(
                toks, s, text
            ) and not (e < len(toks) and toks[e].text.casefold() in DESCRIPTORS):
                continue
            out.append(_mention(toks, s, e, o))
        return out

    def source_outlet(self, name: str) -> Outlet | None:
        """The outlet a source phrase names: the whole name, without "the", "state media" or "news agency"
        before it or a possessive after it, or the site it writes ("RT.com", "Breitbart.com")."""
        stripped = _SOURCE_OPENER.sub("", name)
        for n in (name, stripped, re.sub(r"['’]s?$", "", stripped)):
            if (o := self.match(n)) is not None:
                return o
        return self.match_domain(stripped) if _DOMAIN.fullmatch(stripped) else None

    def match_domain(self, url: str) -> Outlet | None:
        """The outlet whose web domain a URL or host name is on ("https://www.foxnews.com/world/..")."""
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        host = host.lower().rstrip(".")
        while host:
            o = self._domains.get(host)
            if o is not None:
                return o
            if "." not in host:
                break
            host = host.split(".", 1)[1]
        return None

    def site_of(self, label: str, url: str | None) -> Outlet | None:
        """The news outlet an article ran on when its outlet label names none: the label is a row
        of another kind (a columnist "Rich Lowry", a corpus category "Guest Writer - Right") and the
        URL is on a news outlet's domain.  None when the label is a news outlet, unknown to the
        registry (kept as written), or the URL names no news outlet."""
        o = self.match(label)
        if o is None or o.is_news or not url:
            return None
        site = self.match_domain(url)
        return site if site is not None and site.is_news else None


_SOURCE_OPENER = re.compile(r"^(?:the|state(?:-run)? (?:media|news agency|television|tv)|news agency)\s+", re.I)
_DOMAIN = re.compile(r"[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|news|co\.uk|ru|cn|kr|jp)")

# Tokens either side of a mention whose descriptor flags decide whether it stands alone
# (a possessive run such as "Kim Jong Un's" is rarely longer).
_WINDOW = 8


def _mention(toks: Sequence[_Tok], s: int, e: int, o: Outlet) -> Mention:
    """The mention's span: a lower-case "the" and a possessive ending are left out."""
    if toks[s].text == "the" and e - s > 1:
        s += 1
    return Mention(toks[s].start, toks[e - 1].start + len(toks[e - 1].core), o)


def _sentence_initial(toks: Sequence[_Tok], i: int, text: str) -> bool:
    before = text[: toks[i].start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n"


def _descriptor_flags(toks: Sequence[_Tok], text: str) -> list[bool]:
    """Per token: whether it may stand next to an outlet's name without being part of another name.

    Descriptors ("state", "media", "official"), country words ("North
    Korean", "Russian"), weekdays and months, and capitalised runs ending in
    a possessive ("South Korea's") are allowed.
    """
    n = len(toks)
    flags = [False] * n
    for i, t in enumerate(toks):
        w = _key_word(t.text)
        if w in DESCRIPTORS or w in _FUNCTION or w in _WEEKDAYS_MONTHS or (t.capitalised and w in COUNTRY_WORDS):
            flags[i] = True
    # multi-word country words ("North Korean", "South Korea's")
    for i in range(n):
        for k in (3, 2):
            if i + k <= n and all(toks[j].capitalised for j in range(i, i + k)):
                w = " ".join(_key_word(toks[j].text) for j in range(i, i + k))
                if w in COUNTRY_WORDS:
                    for j in range(i, i + k):
                        flags[j] = True
    # a capitalised run ending in a possessive names an owner or a place: "Kim Jong Un's", "Korea's"
    i = 0
    while i < n:
        if toks[i].capitalised:
            j = i
            while j + 1 < n and toks[j + 1].capitalised and not toks[j].possessive and _adjacent(toks, j, text):
                j += 1
            if toks[j].possessive:
                for k in range(i, j + 1):
                    flags[k] = True
            i = j + 1
        else:
            i += 1
    return flags


# Words that may open the phrase a country word qualifies an outlet in: "the Australian ABC".
_QUALIFIER_OPENERS = frozenset({"the", "a", "an", "by", "from", "to", "of", "with", "its"})


def _countries_before(toks: Sequence[_Tok], s: int, text: str) -> frozenset[str]:
    """The countries a demonym or possessive country name right before token ``s`` says the outlet is
    from ("the Australian ABC", "the south Korean CBS", "Japan's NHK"; descriptors may stand between:
    "Australian broadcaster ABC"); empty when there is none, or when the country word is a plain place
    name ("in Iran CNN reported") or opens no phrase."""
    j = s
    while j > 0 and _spaced(toks, j - 1, text) and _key_word(toks[j - 1].text) in DESCRIPTORS - _FUNCTION:
        j -= 1
    for k in (2, 1):
        i = j - k
        if i < 0 or not all(_spaced(toks, m, text) for m in range(i, j)):
            continue
        words = " ".join(t.text for t in toks[i:j])
        if words.casefold() in ("the", "a") or not is_country_word(words) or not toks[j - 1].capitalised:
            continue
        possessive = toks[j - 1].possessive
        opens = i == 0 or _sentence_initial(toks, i, text) or toks[i - 1].text.casefold() in _QUALIFIER_OPENERS
        if not (possessive or opens):
            return frozenset()
        code = country_of(words)
        return frozenset({code}) if code else _SEVERAL.get(_key_word(words).split()[-1], frozenset())
    return frozenset()


def _spaced(toks: Sequence[_Tok], j: int, text: str) -> bool:
    """Whether one space (not a line break or a sentence's gap) parts token j from token j + 1."""
    return text[toks[j].end : toks[j + 1].start] in (" ", "\u00a0")


def _qualifying(keys: Sequence[str]) -> bool:
    """Whether the words an outlet's longer name adds say where it is ("ABC Australia", "ABC News (Australia)",
    not "Independent Journal"), so that "the Australian ABC" names it."""
    return any(k in COUNTRY_WORDS for k in keys) and all(k in DESCRIPTORS or k in COUNTRY_WORDS for k in keys)


# Country words that name no single country but a few ("Korean": either Korea).
_SEVERAL = {"korean": frozenset({"KP", "KR"})}


def _adjacent(toks: Sequence[_Tok], j: int, text: str) -> bool:
    """Whether only spaces separate token j from token j + 1."""
    return not text[toks[j].end : toks[j + 1].start].strip()


def _stands_alone(toks: Sequence[_Tok], s: int, e: int, text: str, allowed: list[bool]) -> bool:
    if s > 0 and _adjacent(toks, s - 1, text):
        p = toks[s - 1]
        opener = _sentence_initial(toks, s - 1, text) and p.text.casefold() in _OPENERS
        if p.capitalised and not allowed[s - 1] and not p.possessive and not opener:
            return False
    if e < len(toks) and _adjacent(toks, e - 1, text) and not toks[e - 1].possessive:
        q = toks[e]
        if q.capitalised and not allowed[e]:
            return False
    return True


# --- loading -------------------------------------------------------------------------

_TRUE = {"yes", "true", "1"}
_FALSE = {"no", "false", "0"}


def _read(path: Path | str, text: str | None = None) -> list[Outlet]:
    """Rows of one registry CSV (lines whose name starts with "#" are comments)."""
    lines = (text if text is not None else Path(path).read_text(encoding="utf-8")).splitlines()
    out = []
    for lineno, row in enumerate(csv.DictReader(lines), start=2):
        name = (row.get("name") or "").strip()
        if not name or name.startswith("#"):
            continue
        typ = (row.get("type") or "outlet").strip() or "outlet"
        if typ not in TYPES:
            raise ValueError(f"{path}:{lineno}: unknown outlet type {typ!r} (known: {', '.join(TYPES)})")
        sc = (row.get("state_controlled") or "").strip().lower()
        out.append(
            Outlet(
                name=name,
                aliases=_split(row.get("aliases")),
                country=(row.get("country") or "").strip().upper() or None,
                type=typ,
                state_controlled=True if sc in _TRUE else False if sc in _FALSE else None,
                source=(row.get("source") or "").strip(),
                medium=(row.get("medium") or "").strip() or None,
                domains=tuple(d.lower() for d in _split(row.get("domains"))),
            )
        )
    return out


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


def bundled_rows() -> list[Outlet]:
    """The rows of the bundled ``outlets.csv``."""
    text = resources.files(__package__).joinpath("outlets.csv").read_text(encoding="utf-8")
    return _read("outlets.csv", text)


@functools.lru_cache(maxsize=8)
def load_registry(extra: tuple[str, ...] = ()) -> Registry:
    """The bundled registry, extended (and overridden by name) by the extra CSV files."""
    outlets = {o.name: o for o in bundled_rows()}
    for p in extra:
        for o in _read(p):
            outlets[o.name] = o
    return Registry(tuple(outlets.values()))


def registry_of(names: Iterable[str]) -> Registry:
    """A registry of only the named bundled rows (for tests and small tools)."""
    want = set(names)
    return Registry(tuple(o for o in bundled_rows() if o.name in want))
