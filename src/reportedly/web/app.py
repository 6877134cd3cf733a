"""The Starlette application: routes, the security headers, templates, error pages.

``create_app(site)`` returns the ASGI app for an open ``Site``.  Addresses (``docs/web.md``):

    /                                   home: corpus counts and search (?q=)
    /analyze                            paste text or HTML, upload a file, or give a URL
    /articles/{id}                      an article's sourcing; .json (the report),
                                        .annotations.jsonld (W3C Web Annotations), /chains.svg
    /outlets, /outlets.csv              per-outlet figures (?sort=column&dir=asc|desc)
    /stories, /stories.csv              stories, largest first (?page=N)
    /stories/{id}, /stories/{id}.csv    one story's articles in time order, with copies and its
                                        outlets x claims matrix
    /claims/{id}, .csv, .json           one claim group: first seen, origin, every mention with its
                                        relay and drift
    /drift, /drift.csv                  drift cases, most recent first (?outlet=&direction=&page=N)
    /static/...                         the stylesheet, the script, the icon (in the package)

Every response, static files and errors included, carries a strict Content-Security-Policy
(no inline script or style, nothing from another origin), ``X-Content-Type-Options: nosniff``,
``Referrer-Policy: no-referrer`` and ``X-Frame-Options: DENY``.  Templates are rendered by our
own ``jinja2.Environment(autoescape=True)`` (``render``): every template, whatever its name, is escaped.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import claimpages, pages
from .render import render
from .site import Site

HERE = Path(__file__).resolve().parent

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Pure ASGI middleware: adds the security headers to every HTTP response (replacing any)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        names = {k for k, _ in SECURITY_HEADERS}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def not_found(request: Request, exc: Exception) -> Response:
    detail = exc.detail if isinstance(exc, HTTPException) else "not found"
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    return render("error.html", status=status, title=f"{status}", message=str(detail), site=_site_of(request))


async def server_error(request: Request, exc: Exception) -> Response:
    return render("error.html", status=500, title="500", message="the server could not make this page",
                  site=_site_of(request))


def _site_of(request: Request) -> Site | None:
    site = getattr(request.app.state, "site", None)
    return site if isinstance(site, Site) else None


def create_app(site: Site) -> ASGIApp:
    """The ASGI application serving ``site`` (the caller closes the site when the app stops).

    The security headers wrap the whole application, outside Starlette's own error handling, so
    even a 500 page carries them.
    """
    routes = [
        Route("/", pages.home),
        Route("/analyze", pages.analyze_page, methods=["GET", "POST"]),
        Route("/articles/{rest:path}", pages.article_any),
        Route("/outlets", pages.outlets_page),
        Route("/outlets.csv", pages.outlets_csv),
        Route("/stories", pages.stories_page),
        Route("/stories.csv", pages.stories_csv),
        Route("/stories/{rest:path}", pages.story_any),
        Route("/claims/{rest:path}", claimpages.claim_any),
        Route("/drift", claimpages.drift_page),
        Route("/drift.csv", claimpages.drift_csv),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: not_found, 500: server_error, HTTPException: not_found},
    )
    app.state.site = site
    return SecurityHeaders(app)
