"""Fetching one article page by URL, for ``reportedly analyze URL`` and the web page's analyse form.

``fetch(url, ...)`` returns the page's bytes and whether it is HTML, or raises ``InputError`` with
one line naming the URL and the problem.  It is careful because the URL comes from a user and the
server fetching it may sit inside a network:

- http and https only; at most ``max_redirects`` redirects, each checked like the first URL;
- the host name is resolved once and the connection goes to the address that was checked (no second
  lookup that could answer differently); private, loopback, link-local, multicast, reserved and
  unspecified addresses are refused unless ``allow_private`` is set (tests, an intranet);
- one ``timeout`` in seconds for connecting and for each read, and a total deadline of four times
  that; the body is read in chunks and refused past ``max_bytes``;
- no cookies, no proxies from the environment, no content encodings (``Accept-Encoding:
  identity``), so the size limit counts what is really read.

Limits: no retries; a server that ignores ``identity`` and sends gzip is refused as binary by the
decoder afterwards.  The standard library only (``http.client``), like trafilatura's fallback.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from ..version import __version__
from . import read_bytes, with_defaults

USER_AGENT = f"reportedly/{__version__} (+https://github.com/reportedly)"


@dataclass(frozen=True)
class Fetched:
    """A fetched page: its final URL (after redirects), its bytes and whether it says it is HTML."""

    url: str
    data: bytes
    html: bool


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address resolved and checked beforehand."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address, verifying the certificate for the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def is_public(address: str) -> bool:
    """Whether an IP address is a public unicast one (not private, loopback, link-local ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )


def _resolve(url: str, host: str, port: int, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(url, f"cannot resolve host {host!r} ({e})") from None
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise InputError(url, f"cannot resolve host {host!r}")
    if not allow_private:
        for a in addresses:
            if not is_public(a):
                raise InputError(
                    url, f"refusing to fetch a private, loopback or link-local address ({a}); "
                    "the operator can allow it (--allow-private-urls)"
                )
    return addresses[0]


def check_url(url: str) -> tuple[str, str, int, str]:
    """Scheme, host, port and path-with-query of an http(s) URL, or ``InputError``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as e:
        raise InputError(url, f"not a valid URL ({e})") from None
    if parts.scheme not in ("http", "https"):
        raise InputError(url, "only http and https URLs can be fetched")
    if not parts.hostname:
        raise InputError(url, "the URL has no host")
    if parts.username or parts.password:
        raise InputError(url, "URLs with a user name or password are not fetched")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), path


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    allow_private: bool = False,
    max_redirects: int = 5,
) -> Fetched:
    """Fetch ``url`` (see the module docstring for the rules); raise ``InputError`` on any failure."""
    deadline = time.monotonic() + 4 * timeout
    current = url.strip()
    for _ in range(max_redirects + 1):
        scheme, host, port, path = check_url(current)
        address = _resolve(current, host, port, allow_private)
        conn: http.client.HTTPConnection
        if scheme == "https":
            conn = _PinnedHTTPS(host, port, address, timeout)
        else:
            conn = _PinnedHTTP(host, port, address, timeout)
        try:
            conn.request("GET", path, headers={
                "User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "identity",
            })
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise InputError(current, f"HTTP {resp.status} without a Location")
                current = urljoin(current, location)
                continue
            if resp.status != 200:
                raise InputError(current, f"HTTP {resp.status} {resp.reason}".rstrip())
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(current, _too_large(int(length), max_bytes))
            data = _read_limited(resp, current, max_bytes, deadline)
            ctype = (resp.getheader("Content-Type") or "").lower()
            return Fetched(current, data, "html" in ctype or "xml" in ctype)
        except (OSError, http.client.HTTPException) as e:
            raise InputError(current, f"cannot fetch ({type(e).__name__}: {e})") from None
        finally:
            conn.close()
    raise InputError(url, f"more than {max_redirects} redirects")


def _read_limited(resp: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError(url, "took too long to download")
        chunk = resp.read(65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(url, _too_large(total, max_bytes, at_least=True))
        chunks.append(chunk)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "over " if at_least else ""
    return (f"too large ({more}{size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB, "
            "set max_bytes to raise it)")


def read_url(
    url: str, settings: Settings, *, allow_private: bool = False, timeout: float = 10.0
) -> Iterator[Article | InputError]:
    """The article of one URL (HTML through trafilatura, else plain text), or the ``InputError``.

    The article's ``url`` is the final URL when the page does not name its own.
    """
    try:
        page = fetch(url, timeout=timeout, max_bytes=settings.max_bytes, allow_private=allow_private)
    except InputError as e:
        yield e
        return
    for item in read_bytes(page.data, page.url, settings, kind="html" if page.html else "text"):
        yield with_defaults(item, {"url": page.url}) if isinstance(item, Article) else item
