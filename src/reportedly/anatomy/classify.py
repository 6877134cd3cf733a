"""The kind of every line: what lines say they are, the header, the footer, captions, body.

``classify_lines`` types the lines in place, in the order given in ``reportedly.anatomy``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..registry import Registry
from .bylines import ROLE_LINE, byline_names, read_byline
from .credits import (
    capitalised,
    caption_candidate,
    caption_score,
    gallery_pieces,
    is_credit_line,
    name_source_line,
    picture_label,
    spelled_out,
    split_credit,
    split_glued,
)
from .lines import Line
from .names import is_agency, outlet_named, person_like, registry_agency
from .patterns import (
    BIO,
    BY,
    BY_ALONE,
    CAPTION_PHRASE,
    CONTRIBUTION,
    CREDIT_LABEL_RE,
    DATELINE,
    GALLERY,
    PICTURE_SOURCES,
    ROLE_WORDS,
    TAG_LINE,
    TERMINAL,
    WORD,
)
from .shape import date_line, headline_guess, headline_like, is_boiler, is_prose, same_title, similar


def classify_lines(lines: list[Line], title: str | None, reg: Registry, has_headline: bool) -> None:
    """Assign a kind to every line (in place)."""
    free = [ln for ln in lines if not ln.fixed]

    # 1. Lines that say what they are.
    for n, ln in enumerate(free):
        t = ln.text
        if split_glued(ln, reg, title, n):
            continue
        if GALLERY.search(t):
            ln.kind, ln.pieces = "caption", gallery_pieces(ln)
        elif CONTRIBUTION.search(t) and len(t.split()) <= 80:
            ln.kind = "credit"
        elif TAG_LINE.match(t):
            ln.kind = "tag"
        elif is_boiler(t):
            ln.kind = "boilerplate"
        elif is_credit_line(t, reg) and not DATELINE.match(t):
            ln.kind = "credit"
        elif re.match(r"^(?:Image caption|Media caption|Caption|Photo caption)\b", t):
            ln.kind = "caption"
        elif t.startswith("Story highlights"):
            ln.kind = "dek"
        else:
            at = split_credit(t, reg)
            if at is not None:
                head = t[:at].rstrip()
                inner = t[at:]
                name = inner.strip("()[] .")
                labelled = bool(
                    CREDIT_LABEL_RE.search(inner) or "/" in inner or " via " in inner or _FILE_LABEL.match(name)
                )
                # "(Reuters)" after a caption; but not "National Public Radio (NPR)." in a
                # sentence that is prose, nor an acronym spelled out just before it.
                known = (
                    registry_agency(reg, name) is not None or name.lower() in PICTURE_SOURCES
                ) and caption_score(head) >= 0 and not spelled_out(head, name)
                words = len(WORD.findall(head))
                if (words >= 2 and labelled) or (words >= 3 and (known or (caption_score(head) >= 2
                                                               and not spelled_out(head, name)))):
                    s, e = ln.start, ln.start + len(head)
                    ln.kind = "caption"
                    ln.pieces = (("caption", s, e), ("credit", ln.start + at, ln.end))

    # 2. The header: tag, headline, dek, byline, date lines.
    body_from = _header(lines, title, reg, has_headline)

    # 2b. The footer: author bios among the last lines (tag lines are marked in step 1).
    authors = [a for ln in lines if ln.kind == "byline" for a in byline_names([ln.text], reg)[0]]
    tail = [ln for ln in lines[body_from:] if (ln.kind in {None, "body"}) and (not ln.fixed or ln.kind == "body")]
    for ln in tail[-4:]:
        if _is_bio(ln.text, authors):
            ln.kind = "bio"

    # 3. Credits standing alone make the line before them a caption, and the line
    #    before a caption a media title.  "Michael Conroy, AP" after a caption-shaped
    #    line in the body is a credit (in the header it would be a byline).
    for i, ln in enumerate(lines):
        if ln.fixed and ln.kind != "body":
            continue
        if i >= body_from and ln.kind is None and name_source_line(ln.text, reg):
            prev = _prev_free(lines, i)
            if prev is not None and prev.kind is None and caption_candidate(prev.text):
                ln.kind = "credit"
        if ln.kind == "credit" and not CONTRIBUTION.search(ln.text):
            # The caption is usually just before its credit, sometimes just after it.
            prev = _prev_free(lines, i)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            # BBC-style "Image copyright X" then "Image caption ...": the caption follows.
            follows = (nxt is not None and nxt.kind == "caption") or ln.text.lower().startswith("image copyright")
            p_ok = (
                prev is not None
                and prev.kind is None
                and not follows
                and caption_candidate(prev.text, picture_label(ln.text))
            )
            n_ok = (
                nxt is not None
                and nxt.kind is None
                and not nxt.fixed
                and len(WORD.findall(nxt.text)) <= 60
                and caption_score(nxt.text) >= 2
                and bool(CAPTION_PHRASE.search(nxt.text))
            )
            if p_ok and prev is not None and (not n_ok or nxt is None or caption_score(prev.text) >= caption_score(nxt.text)):
                prev.kind = "caption"
            elif n_ok and nxt is not None:
                nxt.kind = "caption"
        if ln.kind == "caption":
            prev = _prev_free(lines, i)
            if prev is not None and prev.kind is None and headline_like(prev.text) and not TERMINAL.search(prev.text):
                prev.kind = "media_title"
    # A video player: "Video" then the video's title and its description.
    for i, ln in enumerate(lines):
        if ln.kind == "boilerplate" and _PLAYER.match(ln.text) and i + 1 < len(lines):
            j = i + 1
            while j < len(lines) and lines[j].kind == "boilerplate":
                j += 1
            if j < len(lines) and lines[j].kind is None and headline_like(lines[j].text):
                lines[j].kind = "media_title"
                k = j + 1
                if k < len(lines) and lines[k].kind is None and len(WORD.findall(lines[k].text)) <= 45 \
                        and caption_score(lines[k].text) >= 0:
                    lines[k].kind = "caption"
    # The same caption again (galleries, "less"/"more" toggles): a caption too.
    # (within a few lines of it: a body sentence far below that opens like a caption is not it again)
    captions = [(k, ln.text) for k, ln in enumerate(lines) if ln.kind == "caption"]
    for i, ln in enumerate(lines):
        if ln.kind is None and not ln.fixed and len(WORD.findall(ln.text)) >= 6 and any(
            abs(i - k) <= REPEAT_REACH and similar(ln.text, c) for k, c in captions
        ):
            ln.kind = "caption"
    # "Air pollution in Delhi remains unhealthy.\n\nBerkeley Earth": an unknown credit after a
    # caption-shaped line, set apart from the prose around it.  On a page that credits its pictures
    # already, any short line may be such a caption ("The Kuznets Curve hypothesizes ...").
    n_credits = sum(1 for ln in lines if ln.kind == "credit" or (ln.kind == "caption" and ln.pieces))
    credited = n_credits >= 1
    need = 1 if n_credits >= 2 else 2
    for i, ln in enumerate(lines):
        if ln.kind is not None or ln.fixed or i < body_from:
            continue
        n_words = len(WORD.findall(ln.text))
        prev = _prev_free(lines, i)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            1 <= n_words <= 5
            and not TERMINAL.search(ln.text)
            and capitalised(ln.text)
            and not ln.text.isupper()
            and prev is not None
            and prev.kind is None
            and TERMINAL.search(prev.text)
            and caption_score(prev.text) >= need
            and len(WORD.findall(prev.text)) <= 40
            and (nxt is None or nxt.kind is not None or is_prose(nxt.text))
        ):
            ln.kind = "credit"
            prev.kind = "caption"
        elif credited and ln.kind is None and not ln.fixed and i >= body_from:
            # "... for recreational and/or medical use. Statista": a caption with an unknown
            # credit glued after its last sentence, on a page that credits its pictures
            m = BARE_NAME_TAIL.search(ln.text)
            head = ln.text[: m.start("credit")].rstrip() if m else ""
            if m and 3 <= len(WORD.findall(head)) <= 40 and caption_score(head) >= 1 and not SPEECH.search(head):
                ln.kind = "caption"
                ln.pieces = (("caption", ln.start, ln.start + len(head)), ("credit", ln.start + m.start("credit"), ln.end))

    # 4. A line repeating the headline further down is a video or image title.
    heads = [ln.text for ln in lines if ln.kind == "headline"]
    for ln in lines[body_from:]:
        if ln.kind is None and not ln.fixed and any(similar(ln.text, h) for h in heads) and headline_like(ln.text):
            ln.kind = "media_title"

    # 5. An embedded video's title under a subhead: "2. Never urged Ukraine to investigate Joe Biden",
    #    then "Volker: Allegations against Biden are "not credible"", then prose.  Two title-like lines
    #    in a row inside the body: the second names the embed (a subhead stands alone), when the page
    #    repeats the pattern (an embed template; once or twice it is as likely two subheads).
    embeds = []
    for i in range(max(body_from, 1), len(lines) - 1):
        ln, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        if (
            ln.kind is None
            and not ln.fixed
            and prev.kind is None
            and _title_line(ln.text)
            and _title_line(prev.text)
            and nxt.kind is None
            and is_prose(nxt.text)
            and (i < 2 or lines[i - 2].kind is not None or is_prose(lines[i - 2].text))
        ):
            embeds.append(ln)
    if len(embeds) >= EMBED_REPEATS:
        for ln in embeds:
            ln.kind = "media_title"

    # 5b. "Read more:" alone, then the titles of linked stories, one a line ("Flake says he will not seek
    #     re-election in 2018, citing nastiness of Trump-era politics"): links, up to the first line of prose.
    for i, ln in enumerate(lines):
        if ln.kind == "boilerplate" and LINK_LIST_LABEL.fullmatch(ln.text.strip()):
            for nxt in lines[i + 1 : i + 1 + MAX_LINKS]:
                if nxt.kind is not None or nxt.fixed or not _link_title(nxt.text):
                    break
                nxt.kind = "boilerplate"

    # 5c. Linked stories' titles set in capitals between paragraphs (Fox News: "SOCIALISM RISING: PLURALITY OF DEMS
    #     WANT US TO MOVE TOWARD SOCIALISM, ACCORDING TO FOX NEWS POLL"), on a page whose links are set so ("CLICK
    #     HERE TO GET THE FOX NEWS APP"): links, not the article's words.  Capitalised subheads elsewhere ("HOW TO USE
    #     A WATER BATH CANNER") stay body.
    if any(CAPS_CLICK.match(ln.text.strip()) for ln in lines):
        for ln in lines[body_from:]:
            if ln.kind is None and not ln.fixed and caps_link(ln.text):
                ln.kind = "boilerplate"

    # 6. Everything else is body.
    for ln in lines:
        if ln.kind is None:
            ln.kind = "body"


CAPS_LINK_WORDS = 5
CAPS_CLICK = re.compile(r"(?:CLICK|TAP) (?:HERE |TO )|GET [A-Z ]+ BY CLICKING HERE|READ MORE ")
"""A link set in capitals, which tells a page that sets its links' titles so."""


def caps_link(t: str) -> bool:
    """A line of at least ``CAPS_LINK_WORDS`` words in capitals that ends as a title does (no full stop)."""
    s = t.strip()
    letters = [c for c in s if c.isalpha()]
    return len(WORD.findall(s)) >= CAPS_LINK_WORDS and bool(letters) and all(c.isupper() for c in letters) and not s.endswith(".")


LINK_LIST_LABEL = re.compile(
    r"(?:read\s+more|more|related|related\s+(?:coverage|stories|articles|content|reading)|also\s+read|read\s+also|"
    r"see\s+also|more\s+coverage|recommended)\s*:",
    re.I,
)
"""A line introducing a list of links to other stories."""
MAX_LINKS = 8


def _link_title(t: str) -> bool:
    """A linked story's title: a title-like line not opening with a quotation mark."""
    return _title_line(t.strip()) and not t.lstrip().startswith(("“", '"'))


# "[File: Reuters]": an archive picture's credit.
_FILE_LABEL = re.compile(r"^(?:File|File photo|Archive|Archives)\s*:", re.I)
# A short capitalised name closing a line after a sentence ("... medical use. Statista").
BARE_NAME_TAIL = re.compile(r"(?:(?<=[a-z0-9]{2}[.!?])|(?<=[”\"’]))\s+(?P<credit>[A-Z][\w&\-]*(?: [A-Z][\w&\-]*){0,2})\s*$")
SPEECH = re.compile(r"\b(?:said|says|told|asked|added)\b")
REPEAT_REACH = 12
"""How many lines from a caption its repeat may stand (galleries repeat it within a few lines; set by
hand on the dev pages)."""
EMBED_REPEATS = 3
"""How many (subhead, title, prose) runs make a page's embed template (set by hand on the dev pages)."""


def _title_line(t: str) -> bool:
    """A line shaped like a title: a few words, no sentence end ("4. Questioning Vindman's judgment")."""
    return headline_like(t) and not TERMINAL.search(t) and not t.endswith(":") and len(WORD.findall(t)) <= 16


_PLAYER = re.compile(r"^(?:video|watch|play|play video|now playing|up next)$", re.I)


def _prev_free(lines: list[Line], i: int) -> Line | None:
    """The nearest earlier line that is not boilerplate (share bars sit between captions and credits)."""
    j = i - 1
    while j >= 0 and lines[j].kind == "boilerplate":
        j -= 1
    return lines[j] if j >= 0 else None


def _is_bio(t: str, authors: Sequence[str]) -> bool:
    m = BIO.search(t)
    if m is None or len(t.split()) > 80:
        return False
    name = m.groupdict().get("name")
    if name is None:
        return True
    if authors:
        known = {a.split()[0] for a in authors} | {a.split()[-1] for a in authors} | set(authors)
        if name in known or name.split()[0] in known:
            return True
    # Without a byline to compare with, a full name (two words or more) introducing a role.
    return len(name.split()) >= 2 and person_like(name.split())


def _header(lines: list[Line], title: str | None, reg: Registry, has_headline: bool) -> int:
    """Type the header lines (tag, headline, dek, byline); return the index where the body starts."""
    top = min(len(lines), 15)
    free = [i for i in range(top) if lines[i].kind is None and not lines[i].fixed]
    if has_headline or any(k == "headline" for ln in lines for k, _, _ in ln.pieces):
        # The headline is known: look for a byline in the first lines only.
        last = -1
        for i in free[:3]:
            ln = lines[i]
            if (BY.match(ln.text) and read_byline(ln.text, reg) is not None) or (last >= 0 and i == last + 1 and date_line(ln.text)):
                ln.kind = "byline"
                last = i
        return last + 1 if last >= 0 else 0

    byl = _find_byline(lines, free, reg)
    head: int | None = None
    if title:
        head = next((i for i in free if same_title(lines[i].text, title)), None)
    cands: list[int]
    if byl is not None:
        cands = [i for i in free if i < byl]
    else:
        cands = []
        for i in free:
            if is_prose(lines[i].text) or DATELINE.match(lines[i].text):
                break
            cands.append(i)
        cands = cands[:4]
    last = -1
    if head is not None:
        for i in cands:
            if i < head:
                if date_line(lines[i].text):
                    lines[i].kind = "byline"
                else:
                    lines[i].kind = "tag" if len(WORD.findall(lines[i].text)) <= 6 else None
        lines[head].kind = "headline"
        last = head
        after = [i for i in cands if i > head]
    elif title is None and cands:
        # Tags are short lines before a longer headline-like line.
        k = 0
        while (
            k + 1 < len(cands)
            and len(WORD.findall(lines[cands[k]].text)) <= 4
            and not TERMINAL.search(lines[cands[k]].text)
            and any(len(WORD.findall(lines[j].text)) > len(WORD.findall(lines[cands[k]].text))
                    and headline_like(lines[j].text) for j in cands[k + 1 :])
        ):
            k += 1
        h = cands[k]
        nxt = next((i for i in range(h + 1, len(lines)) if lines[i].kind is None), None)
        plausible = headline_guess(lines[h].text) and (
            byl is not None
            or nxt is None
            or is_prose(lines[nxt].text)
            or bool(DATELINE.match(lines[nxt].text))
            or date_line(lines[nxt].text)
            or len(lines[nxt].text) > len(lines[h].text)
            # a headline, then a dek, then prose
            or (nxt + 1 < len(lines) and not is_prose(lines[nxt].text) and is_prose(lines[nxt + 1].text))
        )
        if plausible:
            for i in cands[:k]:
                lines[i].kind = "tag"
            lines[h].kind = "headline"
            last = h
            after = [i for i in cands if i > h]
        else:
            after = []
    else:
        after = [i for i in cands]
    # Between the headline and the byline: the dek (one or two sentence-like lines).
    deks = 0
    for i in after:
        t = lines[i].text
        if date_line(t):
            lines[i].kind = "byline"
            last = i
            continue
        if byl is None and (TERMINAL.search(t) or deks):
            break
        if len(WORD.findall(t)) >= 6 and deks < 2:
            lines[i].kind = "dek"
            deks += 1
            last = i
        elif byl is not None:
            lines[i].kind = "tag" if len(WORD.findall(t)) <= 6 else "dek"
            last = i
    # The byline and the lines that belong to it: names, outlet, dates.
    if byl is None:
        # Date lines right after the headline or dek.
        i = last + 1
        while i < top and lines[i].kind is None and date_line(lines[i].text):
            lines[i].kind = "byline"
            last = i
            i += 1
        return last + 1
    lines[byl].kind = "byline"
    last = max(last, byl)
    i = byl + 1
    while i < top and i <= last + 3:
        ln = lines[i]
        if ln.kind == "boilerplate":
            i += 1
            continue
        if ((ln.kind is None or (ln.kind == "credit" and not ln.pieces)) and (
            date_line(ln.text) or _outlet_line(ln.text, reg) or (i == byl + 1 and _role_line(ln.text))
        )) or (ln.kind is None and BY.match(ln.text) and read_byline(ln.text, reg) is not None) or (ln.kind is None and BY_ALONE.match(lines[i - 1].text) and read_byline("By " + ln.text, reg)):
            ln.kind = "byline"
            last = i
        elif ln.kind is None and len(ln.text) <= 60 and read_byline("By " + ln.text, reg) and any(
            n.role == "author" and n.text in ln.text for n in read_byline("By " + lines[i - 1].text, reg) or ()
        ):
            # the name shown again (avatar, then name)
            ln.kind = "byline"
            last = i
        else:
            break
        i += 1
    return last + 1


def _find_byline(lines: list[Line], free: list[int], reg: Registry) -> int | None:
    """Index of the byline among the first lines: "By ...", "By" alone before the names, or
    a name line that names an outlet, agency or role ("Tom Krisher, AP Auto Writer") or is
    followed by a date line."""
    prose = 0
    for n, i in enumerate(free):
        t = lines[i].text
        if is_prose(t) or len(t) > 200:
            # A dek may be prose; the body's second paragraph means the header is over.
            prose += 1
            if prose >= 2:
                return None
            continue
        if BY.search(t) and read_byline(t, reg) is not None:
            return i
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if BY_ALONE.match(t) and nxt is not None and read_byline("By " + nxt.text, reg) is not None:
            return i
        if len(t) > 80:
            continue
        names = read_byline(t, reg)
        if not names or not any(x.role == "author" for x in names):
            continue
        if n == 0:
            # The first line is a byline only when an outlet or a date line follows it
            # ("Paul Singer" then "USA TODAY"); else it is more likely the headline.
            if nxt is not None and (date_line(nxt.text) or _outlet_line(nxt.text, reg) or _role_line(nxt.text)):
                return i
            continue
        evidence = any(x.role in {"outlet", "agency"} for x in names) or any(
            w.lower() in ROLE_WORDS and w[0].isupper() for w in t.split()
        )
        if evidence or (nxt is not None and (date_line(nxt.text) or _outlet_line(nxt.text, reg))):
            return i
    return None


def _role_line(t: str) -> bool:
    return len(t) <= 60 and bool(ROLE_LINE.match(t.strip()))


def _outlet_line(t: str, reg: Registry) -> bool:
    return len(t) <= 60 and (outlet_named(reg, t) is not None or bool(is_agency(t, reg)))
