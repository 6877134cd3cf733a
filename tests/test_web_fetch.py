"""The URL fetcher (``reportedly.ingest.fetch``) and ``reportedly analyze URL``, against a local http.server."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.errors import InputError
from reportedly.ingest.fetch import fetch, is_public
from test_web_support import page_server

PAGE = (b"<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
        b"<p>The port reopened on Monday, officials said.</p>"
        b"<p>\"Ships are moving again,\" said harbour master Ann Lee, according to Reuters.</p>"
        b"</article></body></html>")


def test_fetch_follows_redirects_and_limits_size() -> None:
    with page_server({"/p": ("text/html", PAGE), "/r": ("redirect:/p", b""), "/big": ("text/plain", b"x" * 5000),
                      "/loop": ("redirect:/loop", b"")}) as base:
        got = fetch(base + "/r", allow_private=True)
        assert got.url == base + "/p" and got.data == PAGE and got.html
        with pytest.raises(InputError, match="too large"):
            fetch(base + "/big", allow_private=True, max_bytes=1000)
        with pytest.raises(InputError, match="redirects"):
            fetch(base + "/loop", allow_private=True)
        with pytest.raises(InputError, match="refusing to fetch a private"):
            fetch(base + "/p")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x/", "gopher://x/", "http://user:pw@example.com/", "http:///x"])
def test_fetch_refuses_other_schemes_and_credentials(url: str) -> None:
    with pytest.raises(InputError):
        fetch(url)


@pytest.mark.parametrize(("address", "public"), [
    ("8.8.8.8", True), ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("169.254.169.254", False),
    ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False), ("2001:4860:4860::8888", True),
])
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_cli_analyze_url() -> None:
    runner = CliRunner()
    with page_server({"/p": ("text/html; charset=utf-8", PAGE)}) as base:
        res = runner.invoke(app, ["analyze", base + "/p", "--allow-private-urls", "--format", "json"])
        assert res.exit_code == 0, res.output
        rep = json.loads(res.stdout)
        assert rep["article"]["url"] == base + "/p" and "harbour master" in rep["article"]["text"]
        refused = runner.invoke(app, ["analyze", base + "/p", "--format", "json"])
        assert refused.exit_code == 1
        assert "reportedly: error: " in refused.stderr and "refusing to fetch a private" in refused.stderr
