"""Helpers the web tests share (no tests here): a small store of the bundled examples, XSS payloads,
a real uvicorn server in a thread, and a local HTTP server for the URL fetcher."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportedly.model import Article, Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


@functools.cache
def example_reports() -> tuple[Report, ...]:
    """The bundled Wikinews examples, analysed once per session, with outlets and dates filled in."""
    from reportedly import analyze
    from reportedly.ingest import read_inputs

    dates = {"apple": "2010-07-17", "gm": "2009-04-03", "northrop": "2008-03-01"}  # examples/README.md
    out = []
    for i, p in enumerate(EXAMPLES):
        (a,) = list(read_inputs([str(p)]))
        assert isinstance(a, Article)
        a = dataclasses.replace(a, outlet="Wikinews", published=dates.get(p.stem.split("-")[1]),
                                url=f"https://en.wikinews.org/wiki/example_{i}", authors=("Wikinews contributors",))
        out.append(analyze(a))
    return tuple(out)


def story_rows(store: Any, story_id: str, ids: list[str], copies: list[tuple[str, str, str, float]] = ()) -> None:  # type: ignore[assignment]
    """Write one story (and copies) the way ``reportedly trace`` does, directly into its tables."""
    con = store.con
    for aid in ids:
        con.execute("INSERT INTO story_articles VALUES (?, ?)", [story_id, aid])
    con.execute("INSERT INTO story_labels VALUES (?, ?)", [story_id, ids[0]])
    for a, s, kind, share in copies:
        con.execute("INSERT INTO copies (article_id, source_article_id, kind, share) VALUES (?, ?, ?, ?)",
                    [a, s, kind, share])


def make_store(path: Path, extra: tuple[Report, ...] = (), copies: bool = True, claims: bool = True) -> list[str]:
    """A store of the examples (plus ``extra``) with one story holding all examples; returns the ids.

    The three examples are not really one story, and the copy between two of them (``copies``) and
    the claim rows (``claims``, ``claim_rows``) are made up: they only exercise the pages.
    """
    from reportedly.store import Store

    reports = [*example_reports(), *extra]
    with Store.open(path) as store:
        store.write(reports)
        ids = [r.article.id for r in example_reports()]
        story_rows(store, "s-examples", ids, [(ids[1], ids[0], "partial_reuse", 0.25)] if copies else [])
        if claims:
            claim_rows(store, example_reports())
    return [r.article.id for r in reports]


# --- XSS payloads ----------------------------------------------------------------------

PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<script src=//evil.example/x.js></script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    "<body onload=alert(5)>",
    "<iframe src=javascript:alert(6)>",
    "javascript:alert(7)",
    "<a href=\"javascript:alert(8)\">x</a>",
    "\"><script>alert(9)</script>",
    "'><img src=x onerror=alert(10)>",
    "</textarea><script>alert(11)</script>",
    "</title><script>alert(12)</script>",
    "<style>body{background:url(javascript:alert(13))}</style>",
    "<div style=\"width:expression(alert(14))\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=",
    "<object data=\"data:text/html,<script>alert(17)</script>\">",
    "{{7*7}}",
    "{% raw %}{{ config }}{% endraw %}",
    "${alert(19)}",
    "<input autofocus onfocus=alert(20)>",
    "<details open ontoggle=alert(21)>",
    "<video><source onerror=alert(22)>",
    "<!--<script>alert(23)//-->",
    "<scr<script>ipt>alert(24)</script>",
    "<a href=\"&#106;avascript:alert(25)\">y</a>",
    "\u003cscript\u003ealert(26)\u003c/script\u003e",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(28)\">",
    "<form action=javascript:alert(29)><button>z</button></form>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "]]><script>alert(31)</script>",
    "<svg><foreignObject><iframe src=javascript:alert(32)></iframe></foreignObject></svg>",
)
"""At least 30 payloads: tags, event handlers, javascript:/data: URLs, SVG, broken markup, template syntax."""

def hostile_article(i: int, payload: str) -> Article:
    """An article with the payload in its text (a quote with a source), headline, outlet, author and URL."""
    text = (
        f"Officials warn of {payload} in city\n\n"
        f"The mayor, {payload}, said on Monday that \"{payload} is not a threat to anyone here.\"\n\n"
        f"According to Reuters, the council reportedly approved the plan {payload} after a long debate.\n\n"
        f"\"We will act quickly,\" said John Smith {i}, a spokesman for the council.\n"
    )
    return Article(text=text, id=f"xss-{i}", title=f"Headline {payload}", outlet=f"Outlet {payload}",
                   authors=(f"Author {payload}",), url=payload if i % 2 else f"javascript:alert({i})",
                   published="2024-01-02")


# --- servers ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def uvicorn_server(app: Any) -> Iterator[str]:
    """A real uvicorn server in a thread on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        t.join(timeout=10)


@contextmanager
def page_server(pages: dict[str, tuple[str, bytes]]) -> Iterator[str]:
    """A local ``http.server`` on 127.0.0.1 serving path -> (content type, body); yields its base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path in pages:
                ctype, body = pages[self.path]
                if ctype.startswith("redirect:"):
                    self.send_response(302)
                    self.send_header("Location", ctype.removeprefix("redirect:"))
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


# --- claim rows ------------------------------------------------------------------------

CLAIM_GROUP = "g-1"
SLASH_GROUP = "c/2#x?y"
"""A group id holding '/', '#' and '?' (escaped in links)."""


def claim_rows(store: Any, reports: tuple[Report, ...], text: str | None = None) -> dict[str, Any]:
    """Write one claim group over ``reports`` (oldest first by date) the way ``reportedly trace`` does,
    directly into its tables: a mention per report (its first attribution's content, the cue as the
    mention's cue), relays from each later mention to the one before, and drift from the first to
    the last (hedged -> asserted, raised).  Plus a second group (id ``SLASH_GROUP``) over the first
    two, and a group of one article (never linked).  Made up: it exercises the pages."""
    con = store.con
    ordered = sorted(reports, key=lambda r: r.article.published or "9999")
    levels = ["hedged", "attributed", "asserted", "asserted"]
    picks = []
    for r in ordered:
        a = next(a for a in r.attributions if a.content)
        picks.append((r, a, a.content[0]))
    first, fa, (fs, fe) = picks[0]
    claim_text = text if text is not None else first.article.text[fs:fe]
    con.execute("INSERT INTO claim_groups VALUES (?, ?, ?, ?, ?, ?, 'attributed', ?, ?, ?, ?)",
                [CLAIM_GROUP, claim_text, first.article.id, first.article.published, fa.source_name or "a source",
                 "person", len(picks), len(picks), fs, fe])
    con.execute("INSERT INTO claim_groups VALUES (?, ?, ?, ?, ?, 'outlet', 'statement', 2, 2, ?, ?)",
                [SLASH_GROUP, claim_text[:40] + " (second)", first.article.id, first.article.published,
                 first.article.outlet, fs, fe])
    con.execute("INSERT INTO claim_groups VALUES ('g-alone', 'alone', ?, ?, NULL, NULL, 'statement', 1, 1, 0, 5)",
                [first.article.id, first.article.published])
    for k, (r, a, (s, e)) in enumerate(picks):
        cues = json.dumps([list(c) for c in a.cue])
        con.execute("INSERT INTO claim_group_mentions VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, 'person', ?)",
                    [CLAIM_GROUP, r.article.id, a.id, s, e, levels[min(k, 3)], k, a.source_name, cues])
        if k < 2:
            con.execute("INSERT INTO claim_group_mentions VALUES (?, ?, NULL, ?, ?, 'asserted', ?, false, ?, "
                        "'outlet', '[]')", [SLASH_GROUP, r.article.id, s, e, 10 + k, r.article.outlet])
        if k:
            pr, _, (ps, pe) = picks[k - 1]
            con.execute("INSERT INTO relays VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, 0.9, ?)",
                        [r.article.id, s, e, pr.article.id, ps, pe, "verbatim_quote" if k == 1 else "paraphrase",
                         a.id, CLAIM_GROUP])
            if k == 1:  # a second relay to the same origin (another of its passages): shown once
                con.execute("INSERT INTO relays VALUES (?, ?, ?, ?, 0, 10, 'paraphrase', NULL, NULL, NULL, 0.5, NULL)",
                            [r.article.id, s, e, pr.article.id])
    con.execute("INSERT INTO claim_group_mentions VALUES ('g-alone', ?, NULL, 0, 5, 'asserted', 99, false, NULL, "
                "NULL, '[]')", [first.article.id])
    last, _, (ls, le) = picks[-1]
    up_cue = first.article.text[fa.cue[0][0]:fa.cue[0][1]].lower() if fa.cue else "said"
    con.execute("INSERT INTO drift VALUES (?, ?, ?, ?, ?, ?, ?, 'raised', 'hedged', 'asserted', ?, ?)",
                [CLAIM_GROUP, first.article.id, fs, fe, last.article.id, ls, le, [up_cue, "reportedly"], []])
    return {"group": CLAIM_GROUP, "ids": [p[0].article.id for p in picks], "spans": [p[2] for p in picks]}


def hostile_claim_rows(store: Any, reports: list[Report]) -> list[str]:
    """Claim rows over the hostile articles (``hostile_article``): group i (its id and text the payload)
    has a mention in article i and i + 1 (the payload's place in the text, and the quote), a relay
    between them, and a drift case whose cues are payloads too.  Returns the group ids."""
    con = store.con
    gids = []
    for i, r in enumerate(reports[:-1]):
        payload = PAYLOADS[i % len(PAYLOADS)]
        gid = payload if i % 2 == 0 else f"g{i}/{payload}"
        gids.append(gid)
        nxt = reports[i + 1]
        spans = []
        for rep in (r, nxt):
            text = rep.article.text
            s = text.index("The mayor")
            spans.append((s, text.index("\n", s)))
        con.execute("INSERT INTO claim_groups VALUES (?, ?, ?, '2024-01-02', ?, ?, 'quote', 2, 2, ?, ?)",
                    [gid, f"{payload} is not a threat", r.article.id, f"Origin {payload}", payload, *spans[0]])
        for k, (rep, (s, e)) in enumerate(zip((r, nxt), spans, strict=True)):
            cue = rep.article.text.index("said", s)
            con.execute("INSERT INTO claim_group_mentions VALUES (?, ?, NULL, ?, ?, ?, ?, true, ?, ?, ?)",
                        [gid, rep.article.id, s, e, ("hedged", "asserted")[k], k, payload, payload,
                         json.dumps([[cue, cue + 4]])])
        con.execute("INSERT INTO relays VALUES (?, ?, ?, ?, ?, ?, 'partial_quote', ?, NULL, NULL, 0.5, ?)",
                    [nxt.article.id, *spans[1], r.article.id, *spans[0], payload, gid])
        con.execute("INSERT INTO drift VALUES (?, ?, ?, ?, ?, ?, ?, 'raised', 'hedged', 'asserted', ?, ?)",
                    [gid, r.article.id, *spans[0], nxt.article.id, *spans[1], ["said", payload], [payload.lower()]])
    return gids
