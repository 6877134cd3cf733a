"""The templates: our own ``jinja2.Environment(autoescape=True)``, so every template is escaped.

Starlette's ``Jinja2Templates`` escapes only templates named ``.html``, ``.htm`` or ``.xml`` by
default; ours escapes all, and an undefined name fails loudly instead of rendering empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.responses import HTMLResponse

from ..version import __version__

TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment() -> jinja2.Environment:
    """The templates, autoescaped whatever their name; undefined names fail loudly."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["pct"] = lambda v, digits=0: "" if v is None else f"{float(v):.{digits}%}"
    env.filters["num"] = lambda v: "" if v is None else (f"{v:,}" if isinstance(v, int) else f"{float(v):,.2f}")
    return env


ENV = environment()


def render(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**ctx), status_code=status)
