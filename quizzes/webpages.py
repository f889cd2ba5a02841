"""Articles from the web: fetch a page for a teacher, safely, and read its main
text and metadata.

Fetching is a server making requests on a user's behalf (server-side request
forgery), so `page_fetch` only follows http(s) addresses whose every resolved
address is public, connects to the address it checked (no second DNS answer),
re-checks after each redirect (at most MAX_REDIRECTS), stops after `timeout`
seconds in all (however slowly the site or its name's resolver answers) and
`max_bytes` of body, and
accepts HTML only. `allow_private` (ARTICLE_FETCH_ALLOW_PRIVATE, development and
tests only) lets loopback and private addresses through; link-local (cloud
metadata) and reserved ones never.

`article_read` takes the page apart with field libraries: trafilatura for the
text, title, author and site name, htmldate for the publication date. No HTML
is scraped by hand here. Both functions raise PageError with a sentence for
the teacher."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:  # urllib3 is imported when a page is fetched
    from urllib3 import BaseHTTPResponse
    from urllib3.connection import HTTPConnection

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECT_CODES = (301, 302, 303, 307, 308)
USER_AGENT = "NewsQuiz/1.0 (article import for teachers)"
CHUNK = 64 * 1024
MIN_ARTICLE_WORDS = 30  # less is a menu, a pay wall or a consent page, not a story


class PageError(ValueError):
    """The page cannot be used; `message` says why, for the teacher."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    body: bytes
    charset: str | None


@dataclass(frozen=True)
class FoundArticle:
    """What the page says about itself; every field may be empty but the text."""

    text: str
    title: str
    author: str
    publisher: str
    published_on: date | None
    url: str


# Addresses ------------------------------------------------------------------------------


def _address_refusal(address: str, *, allow_private: bool) -> str | None:
    """Why this address is not fetched ("a loopback address"), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast or ip.is_unspecified:
        return "a reserved address"
    if ip.is_loopback:
        return None if allow_private else "a loopback address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return None if allow_private else "a private address"
    if not ip.is_global:  # shared (carrier-grade NAT) and other special ranges
        return "a reserved address"
    return None


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str  # the checked address to connect to


_AddressInfos = list[tuple[Any, ...]]  # socket.getaddrinfo's answer


def _resolve(host: str, port: int, *, deadline: _Deadline) -> _AddressInfos:
    """getaddrinfo held to the fetch's deadline. The system resolver takes no
    time-out (its own retries may last 30 s and more), so it runs in a daemon
    thread the fetch stops waiting for when the time is up; the thread ends with
    the lookup, its answer unused."""
    answer: list[_AddressInfos | Exception] = []

    def lookup() -> None:
        try:
            answer.append(list(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
        except Exception as error:  # handed to the fetch, raised there
            answer.append(error)

    worker = threading.Thread(target=lookup, name="page-fetch-dns", daemon=True)
    worker.start()
    worker.join(deadline.remaining())
    if not answer:
        raise PageError(f"The host “{host}” did not answer within {deadline.seconds:g} s.")
    found = answer[0]
    if isinstance(found, Exception):
        raise found
    return found


def _checked_addresses(
    host: str, port: int, *, allow_private: bool, deadline: _Deadline
) -> list[str]:
    """The host's addresses, each one the server may fetch from (else a PageError)."""
    try:
        infos = _resolve(host, port, deadline=deadline)
    except (socket.gaierror, UnicodeError) as error:
        raise PageError(f"The host “{host}” could not be found.") from error
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        reason = _address_refusal(address, allow_private=allow_private)
        if reason:
            raise PageError(
                f"“{host}” is {reason} ({address}); the server does not fetch such addresses."
            )
    return addresses


def _target(url: str, *, allow_private: bool, deadline: _Deadline) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise PageError("This is not a valid web address.") from error
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise PageError("Only http:// and https:// addresses can be fetched.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise PageError("The address has no host name.")
    if parts.username or parts.password:
        raise PageError("Addresses with a user name or password are not fetched.")
    port = port or (443 if scheme == "https" else 80)
    addresses = _checked_addresses(host, port, allow_private=allow_private, deadline=deadline)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return _Target(scheme=scheme, host=host, port=port, path=path, address=addresses[0])


# Fetching -------------------------------------------------------------------------------


class _Deadline:
    """The fetch's time limit, whatever the site is slow to send. A socket's own
    time-out bounds one wait only: a site sending its status line, headers or body a
    few bytes at a time, each inside it, would hold the request for as long as it
    liked. When the time is up, the connection in use is cut."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._at = time.monotonic() + seconds
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self._timer.cancel()

    def left(self) -> float:
        """The time left for a socket's wait (a tenth of a second at least)."""
        return max(0.1, self.remaining())

    def remaining(self) -> float:
        """The time left, none once it is up."""
        return max(0.0, self._at - time.monotonic())

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            cut = self.passed
        if cut:
            self._cut()

    def _cut(self) -> None:
        with self._lock:
            self.passed = True
            sock = self._sock
        if sock is not None:
            # The plain socket's shutdown: a TLS read in progress ends at once too.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _connection(target: _Target, timeout: float) -> HTTPConnection:
    """One connection to the checked address (no pool: nothing is reused)."""
    from urllib3.connection import HTTPConnection, HTTPSConnection

    if target.scheme == "https":
        # Connect to the checked address; certificate and SNI are the host name's.
        return HTTPSConnection(
            target.address,
            target.port,
            timeout=timeout,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
    return HTTPConnection(target.address, target.port, timeout=timeout)


def _host_header(target: _Target) -> str:
    default = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def _content_type(response: BaseHTTPResponse) -> tuple[str, str | None]:
    value = response.headers.get("Content-Type", "")
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, raw = param.strip().partition("=")
        if name.lower() == "charset" and raw:
            charset = raw.strip().strip('"') or None
    return media.strip().lower(), charset


def _read_body(response: BaseHTTPResponse, *, max_bytes: int, deadline: _Deadline) -> bytes:
    """The body, held to `max_bytes` as it inflates (read1 inflates at most a piece
    per call) and to the fetch's deadline."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise PageError(f"The page is {int(declared):,} bytes; the limit is {max_bytes:,}.")
    body = bytearray()
    while chunk := response.read1(CHUNK, decode_content=True):
        body.extend(chunk)
        if len(body) > max_bytes:
            raise PageError(f"The page is larger than the limit of {max_bytes:,} bytes.")
    if deadline.passed:  # cut: what came is not the whole page
        raise PageError(f"The site did not send the page within {deadline.seconds:g} s.")
    return bytes(body)


def _unreachable(error: Exception, deadline: _Deadline) -> PageError:
    """What the teacher is told when the site did not answer with a response."""
    import ssl

    import urllib3

    if deadline.passed or isinstance(error, (TimeoutError, urllib3.exceptions.TimeoutError)):
        return PageError(f"The site did not answer within {deadline.seconds:g} s.")
    from urllib3.util.ssl_match_hostname import CertificateError

    if isinstance(error, (ssl.SSLError, urllib3.exceptions.SSLError, CertificateError)):
        return PageError("The site's secure connection (HTTPS certificate) failed.")
    return PageError(f"The site could not be reached ({type(error).__name__}).")


def _get(target: _Target, *, deadline: _Deadline) -> tuple[HTTPConnection, BaseHTTPResponse]:
    from http.client import HTTPException

    import urllib3
    from urllib3.util.ssl_match_hostname import CertificateError  # a ValueError

    connection = _connection(target, deadline.left())
    try:
        connection.connect()
        deadline.watch(connection.sock)
        connection.request(
            "GET",
            target.path,
            headers={
                "Host": _host_header(target),
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9",
                "Accept-Encoding": "gzip, deflate",
            },
            preload_content=False,
            decode_content=True,
        )
        response = connection.getresponse()
    except (urllib3.exceptions.HTTPError, HTTPException, OSError, CertificateError) as error:
        connection.close()
        raise _unreachable(error, deadline) from error
    if deadline.passed:  # cut while the status line or headers came: no answer
        response.close()
        connection.close()
        raise _unreachable(TimeoutError(), deadline)
    return connection, response


def _redirect_location(response: BaseHTTPResponse, *, redirects: int) -> str:
    """Where a redirect points (a PageError without one, or after too many)."""
    location = response.headers.get("Location")
    if not location:
        raise PageError(f"The site answered {response.status} without an address.")
    if redirects == MAX_REDIRECTS:
        raise PageError(f"The site redirected more than {MAX_REDIRECTS} times.")
    return location.strip()


def _html_charset(response: BaseHTTPResponse) -> str | None:
    """The declared charset of a page answered 200 as HTML (else a PageError)."""
    if response.status >= 400:
        raise PageError(f"The site answered {response.status} {response.reason or ''}.")
    if response.status != 200:
        raise PageError(f"The site answered {response.status}, not a page.")
    media, charset = _content_type(response)
    if media not in HTML_TYPES:
        shown = media or "no content type"
        raise PageError(f"This address is not a web page (it is {shown}).")
    return charset


def page_fetch(url: str, *, allow_private: bool, timeout: float, max_bytes: int) -> FetchedPage:
    """GET an HTML page under the rules in the module docstring."""
    from http.client import HTTPException

    import urllib3

    with _Deadline(timeout) as deadline:
        current = url.strip()
        for redirects in range(MAX_REDIRECTS + 1):
            target = _target(current, allow_private=allow_private, deadline=deadline)
            connection, response = _get(target, deadline=deadline)
            try:
                if response.status in REDIRECT_CODES:
                    current = urljoin(current, _redirect_location(response, redirects=redirects))
                    continue
                charset = _html_charset(response)
                body = _read_body(response, max_bytes=max_bytes, deadline=deadline)
                return FetchedPage(url=current, body=body, charset=charset)
            except (urllib3.exceptions.HTTPError, HTTPException, OSError) as error:
                raise _unreadable(error, deadline) from error
            finally:
                response.close()
                connection.close()
    raise AssertionError("unreachable")  # pragma: no cover


def _unreadable(error: Exception, deadline: _Deadline) -> PageError:
    """What the teacher is told when the page stopped coming."""
    if deadline.passed:
        return PageError(f"The site did not send the page within {deadline.seconds:g} s.")
    return PageError(f"The page could not be read ({type(error).__name__}).")


# Reading --------------------------------------------------------------------------------


def _html_text(body: bytes, charset: str | None) -> str | bytes:
    """The page as text when its charset is declared; bytes otherwise (trafilatura
    then detects the encoding from the page itself)."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return body


def _publication_date(html: str | bytes, url: str) -> date | None:
    import htmldate

    try:
        found = htmldate.find_date(
            html, url=url or None, original_date=True, extensive_search=False
        )
    except Exception:  # htmldate raises on unparsable documents: no date, not a failure
        return None
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def article_read(body: bytes, *, url: str = "", charset: str | None = None) -> FoundArticle:
    """The main text (one paragraph a line, the headline first when the page has
    it in the article) and the metadata of a news page."""
    import trafilatura

    html = _html_text(body, charset)
    document = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = str(getattr(document, "text", "") or "")
    if document is None or len(text.split()) < MIN_ARTICLE_WORDS:
        raise PageError("No article text was found on this page; paste the text instead.")
    return FoundArticle(
        text=text,
        title=str(getattr(document, "title", "") or "").strip()[:300],
        author=str(getattr(document, "author", "") or "").strip()[:200],
        publisher=str(getattr(document, "sitename", "") or "").strip()[:200],
        published_on=_publication_date(html, url),
        url=url,
    )
