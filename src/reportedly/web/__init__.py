"""The web page: read an article's sourcing, and browse a corpus, in a browser.

It sits on top of the store (``reportedly.store``, opened read-only unless told otherwise), the
trace tables and the per-article flow (``reportedly.pipeline``, for pasted articles).  Nothing
else in the package imports it; only the command line starts it (``reportedly serve``).
``tests/test_layout.py`` holds it to that.  ``docs/web.md`` describes the pages and addresses.

- ``site``: the open store, cursors, the write lock, caches (``Site``, ``SiteConfig``);
- ``app``: the Starlette application and its security headers (``create_app``); ``render``: the templates;
- ``pages``: the handlers; ``claimpages``: the claim and drift pages' handlers; ``submit``: the
  analyse form; ``queries``: the SQL of the pages; ``claims``: the SQL of the claim layer's pages;
- ``reader``: one stored report, read fast; ``cache``: in-memory copies of article metadata and
  the claim layer, indexed; ``search``: the search index; ``article``: the article page's model;
  ``passage``: a claim's passage cut into marked bits;
- ``graph``: relay chains through Graphviz; ``charts``: server-side SVG charts;
- ``exports``: CSV and W3C Web Annotations.
"""

from __future__ import annotations

from .app import create_app
from .site import WORKSPACE, Site, SiteConfig

__all__ = ["WORKSPACE", "Site", "SiteConfig", "create_app"]
