"""A small local web server for tests that read articles from web addresses: it
serves the HTML fixtures in tests/quizzes/pages/ (and whatever a test adds) on
127.0.0.1 at a free port, in a thread, and stops when the test ends."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "quizzes" / "pages"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (for time-outs)
    declare_length: bool = True  # False: the body runs until the connection closes
    trickle: float = 0.0  # seconds between pieces of the body (a site that never ends)
    piece: int = 64  # bytes a piece, when trickling
    trickle_head: bool = False  # the status line and headers trickle too


Route = Reply | Callable[[str], Reply]


def _head(reply: Reply) -> bytes:
    """The status line and headers of a reply, as bytes to send by hand."""
    lines = [f"HTTP/1.0 {reply.status} {HTTPStatus(reply.status).phrase}"]
    lines += [f"{name}: {value}" for name, value in reply.headers.items()]
    if reply.declare_length and "Content-Length" not in reply.headers:
        lines.append(f"Content-Length: {len(reply.body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        server: PagesServer = self.server.owner  # type: ignore[attr-defined]
        server.requests.append(self.path)
        route = server.routes.get(self.path.split("?", 1)[0])
        reply = route(self.path) if callable(route) else route
        if reply is None:
            reply = Reply(
                404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}
            )
        if reply.delay:
            time.sleep(reply.delay)
        try:
            if reply.trickle_head:
                self._trickle(_head(reply) + reply.body, reply)
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.declare_length and "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.trickle:
                self._trickle(reply.body, reply)
            else:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a refused body or a time-out): as intended

    def _trickle(self, data: bytes, reply: Reply) -> None:
        for start in range(0, len(data), reply.piece):
            self.wfile.write(data[start : start + reply.piece])
            self.wfile.flush()
            time.sleep(reply.trickle)

    def log_message(self, format, *args):  # quiet
        pass


class PagesServer:
    def __init__(self, tls: ssl.SSLContext | None = None):
        """`tls`: serve https with this server context (its certificate)."""
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self._scheme = "https" if tls else "http"
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._httpd.daemon_threads = True
        self._httpd.owner = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{self._scheme}://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, fixture: str, *, content_type: str = "text/html; charset=utf-8"):
        """Serve a fixture of tests/quizzes/pages/ at `path`."""
        body = (PAGES / fixture).read_bytes()
        self.routes[path] = Reply(200, body, {"Content-Type": content_type})
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Reply(status, b"", {"Location": location})
        return self.url(path)

    def start(self) -> PagesServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
