"""``reportedly serve``: the web page over a store (``reportedly.web``), on uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..store import StoreError
from .app import ConfigOpt, app, err, error_line, settings_from


@app.command()
def serve(
    db: Annotated[
        Path | None, typer.Option("--db", help="The store to serve (read-only unless --writable). "
                                  "Default: the workspace ./reportedly-workspace.duckdb, writable.")
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    writable: Annotated[
        bool, typer.Option("--writable", help="Open --db read-write so the analyse page can store articles into it.")
    ] = False,
    allow_private_urls: Annotated[
        bool, typer.Option("--allow-private-urls", help="Let the analyse page fetch private, loopback and link-local addresses.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Serve the web page: read articles' sourcing, browse outlets and stories, analyse pasted articles.

    With --db, the store is opened read-only (other readers may share it; nothing can write it
    meanwhile) and the analyse page is off unless --writable.  Without --db, the workspace
    ./reportedly-workspace.duckdb (created when missing) is served writable: pasted articles
    are analysed and kept there.  Listens on 127.0.0.1:8000 by default.
    """
    import uvicorn

    from ..web import WORKSPACE, Site, SiteConfig, create_app

    settings = settings_from(config)
    workspace = db is None
    path = Path(WORKSPACE) if db is None else db
    if not workspace and not path.exists():
        error_line(f"{path}: no such database")
        raise typer.Exit(1)
    try:
        site = Site.open(SiteConfig(db=str(path), writable=workspace or writable, allow_private_urls=allow_private_urls,
                                    settings=settings, workspace=workspace))
    except StoreError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    mode = "writable" if site.config.writable else "read-only"
    what = "workspace" if workspace else "store"
    err.print(f"reportedly: serving {what} {path.resolve()} ({mode}) on http://{host}:{port}/", highlight=False,
              markup=False)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print("reportedly: warning: listening beyond this machine; there is no login", highlight=False, markup=False)
    try:
        uvicorn.run(create_app(site), host=host, port=port, log_level="warning", server_header=False)
    finally:
        site.close()
