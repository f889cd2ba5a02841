"""Reading an article from its web address (quizzes.webpages through
quizzes.services.article_find_at_url): the text, title, author and date of pages
shaped as news sites shape them, and every refusal of the fetch guard.

The pages are served by a local server the test starts (tests/pages_server.py);
addresses that must be refused before any connection are never contacted."""

from __future__ import annotations

from datetime import date

import pytest

from quizzes.services import ArticleInputError, article_find_at_url, article_find_in_html
from tests.pages_server import PAGES, PagesServer, Reply


def refusal(url: str) -> str:
    with pytest.raises(ArticleInputError) as caught:
        article_find_at_url(url=url)
    assert caught.value.field == "url"
    return caught.value.message


# What is read from a page ------------------------------------------------------------


def test_article_tag_page_gives_text_title_author_site_and_publication_date(
    pages_server, allow_local_pages
):
    url = pages_server.page("/world/danube-pact", "river_pact.html")

    found = article_find_at_url(url=url)

    assert found.title == "Danube states agree flood warning pact"
    assert found.author == "Elena Marsh"
    assert found.publisher == "The Riverside Courier"
    assert found.published_on == date(2024, 3, 14)  # published, not the later modified date
    assert found.url == url
    lines = found.text.split("\n")
    assert lines[0] == "Danube states agree flood warning pact"
    assert lines[1].startswith("Six countries along the Danube signed an agreement in Vienna")
    assert "said Marta Kovacs, Hungary's water minister" in found.text
    assert lines[-1].startswith("The signatories plan to review the agreement in 2026")
    # Nothing of the page around the story.
    for noise in (
        "cookies",
        "Accept all",
        "Related stories",
        "Ferry fares",
        "Most read",
        "Privacy",
    ):
        assert noise not in found.text, noise


def test_json_ld_date_is_the_publication_not_the_update(pages_server, allow_local_pages):
    url = pages_server.page("/2023/11/market", "jsonld_market.html")

    found = article_find_at_url(url=url)

    assert found.title == "Harbour market reopens after renovation"
    assert found.author == "Tomas Reyes"
    assert found.publisher == "Coastline Daily"
    assert found.published_on == date(2023, 11, 2)
    assert "said Rui Almeida, who chairs the traders' association" in found.text
    for noise in ("cookies", "Agree", "Read more", "tram line", "Share on", "Sign up", "Terms"):
        assert noise not in found.text, noise


def test_page_without_a_date_gives_none_for_the_teacher_to_fill_in(pages_server, allow_local_pages):
    found = article_find_at_url(url=pages_server.page("/notice", "undated_notice.html"))

    assert found.published_on is None
    assert found.title == "Library extends opening hours"
    assert "said Nora Lind, the head librarian" in found.text
    assert "Park benches" not in found.text


def test_a_saved_html_file_is_read_like_a_page():
    data = (PAGES / "river_pact.html").read_bytes()

    found = article_find_in_html(data=data, filename="Danube pact.HTML")

    assert found.title == "Danube states agree flood warning pact"
    assert found.published_on == date(2024, 3, 14)
    assert found.url == ""


def test_redirects_are_followed_and_the_final_address_kept(pages_server, allow_local_pages):
    final = pages_server.page("/story", "river_pact.html")
    pages_server.redirect("/short", "/story", status=301)

    found = article_find_at_url(url=pages_server.url("/short"))

    assert found.url == final
    assert found.published_on == date(2024, 3, 14)


def test_five_redirects_are_followed_a_sixth_is_refused(pages_server, allow_local_pages):
    pages_server.page("/end", "river_pact.html")
    for hop in range(6):
        pages_server.redirect(f"/hop{hop}", f"/hop{hop + 1}" if hop < 5 else "/end")

    assert article_find_at_url(url=pages_server.url("/hop1")).title  # 5 redirects
    assert "redirected more than 5 times" in refusal(pages_server.url("/hop0"))


# Refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["ftp://example.com/story", "file:///etc/passwd", "javascript:alert(1)", "gopher://x"]
)
def test_only_http_and_https_addresses(url):
    assert refusal(url) == "Only http:// and https:// addresses can be fetched."


def test_loopback_is_refused_unless_allowed(pages_server):
    url = pages_server.page("/story", "river_pact.html")
    port = url.split(":")[2].split("/")[0]

    assert "is a loopback address (127.0.0.1)" in refusal(url)
    assert "loopback address" in refusal(f"http://localhost:{port}/story")
    assert "loopback address" in refusal(f"http://[::1]:{port}/story")
    assert "loopback address" in refusal(f"http://[::ffff:127.0.0.1]:{port}/story")
    assert pages_server.requests == []  # refused before connecting


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.20.30.40/story", "a private address"),
        ("http://192.168.1.10/story", "a private address"),
        ("https://172.16.5.4/story", "a private address"),
        ("http://[fd00::1]/story", "a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[fe80::1]/story", "a link-local address"),
        ("http://240.0.0.1/story", "a reserved address"),
        ("http://0.0.0.0/story", "a reserved address"),
        ("http://100.64.0.1/story", "a reserved address"),
        ("http://224.0.0.1/story", "a reserved address"),
    ],
)
def test_private_link_local_and_reserved_addresses_are_refused(url, kind):
    assert kind in refusal(url)


@pytest.mark.parametrize(
    "url", ["http://169.254.169.254/latest/meta-data/", "http://240.0.0.1/", "http://[fe80::1]/"]
)
def test_link_local_and_reserved_stay_refused_when_private_is_allowed(url, allow_local_pages):
    assert "link-local" in refusal(url) or "reserved" in refusal(url)


def test_a_redirect_to_a_refused_address_is_checked_again(pages_server, allow_local_pages):
    pages_server.redirect("/out", "http://169.254.169.254/latest/meta-data/")
    pages_server.redirect("/scheme", "file:///etc/passwd")

    assert "link-local address" in refusal(pages_server.url("/out"))
    assert "Only http:// and https://" in refusal(pages_server.url("/scheme"))


def test_user_names_in_addresses_and_unknown_hosts_are_refused():
    assert "user name or password" in refusal("http://user:secret@example.com/story")
    assert "could not be found" in refusal("http://no-such-host.invalid/story")


def test_a_slow_site_times_out(pages_server, allow_local_pages):
    allow_local_pages.ARTICLE_FETCH_TIMEOUT = 0.5
    body = (PAGES / "river_pact.html").read_bytes()
    pages_server.routes["/slow"] = Reply(200, body, {"Content-Type": "text/html"}, delay=2)

    assert refusal(pages_server.url("/slow")) == "The site did not answer within 0.5 s."


def test_a_name_whose_lookup_stalls_is_stopped_at_the_time_out(settings, monkeypatch):
    """The time-out covers the lookup of the address's name too: the system's resolver
    takes none of its own, and one that stalls held the fetch until it gave up."""
    import socket
    import threading
    import time

    settings.ARTICLE_FETCH_TIMEOUT = 0.5
    released = threading.Event()

    def stalling_resolver(*_args, **_kwargs):
        released.wait(10)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", stalling_resolver)
    started = time.monotonic()
    try:
        message = refusal("https://news.example.org/world/story")
    finally:
        released.set()  # the lookup's thread ends
    elapsed = time.monotonic() - started

    assert message == "The host “news.example.org” did not answer within 0.5 s."
    assert elapsed < 2.0, f"stopped after {elapsed:.1f} s"


def test_a_name_not_found_is_said_so_at_once(settings, monkeypatch):
    """The lookup's own failure still reaches the teacher as before, in its thread."""
    import socket

    def no_such_name(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    assert (
        refusal("https://nowhere.example.org/")
        == "The host “nowhere.example.org” could not be found."
    )


def test_a_site_sending_its_page_slowly_is_stopped_at_the_time_out(pages_server, allow_local_pages):
    """The time-out is for the whole fetch: a site that sends a few bytes every 0.1 s
    (each read well inside the time-out) is cut off when the time is up, not when it
    has sent its 6 s of page."""
    import time

    allow_local_pages.ARTICLE_FETCH_TIMEOUT = 0.5
    body = (PAGES / "river_pact.html").read_bytes()[:3840]  # 60 pieces of 64 bytes
    pages_server.routes["/trickle"] = Reply(200, body, {"Content-Type": "text/html"}, trickle=0.1)

    started = time.monotonic()
    message = refusal(pages_server.url("/trickle"))
    elapsed = time.monotonic() - started

    assert message == "The site did not send the page within 0.5 s."
    assert elapsed < 2.0, f"stopped after {elapsed:.1f} s"


def test_a_site_sending_its_headers_slowly_is_stopped_at_the_time_out(
    pages_server, allow_local_pages
):
    """The same for the status line and headers: 40 headers sent 0.1 s apart (4 s)
    with a 0.5 s time-out."""
    import time

    allow_local_pages.ARTICLE_FETCH_TIMEOUT = 0.5
    headers = {"Content-Type": "text/html", **{f"X-Part-{n}": "a" * 50 for n in range(40)}}
    pages_server.routes["/slow-head"] = Reply(
        200, b"<html></html>", headers, trickle=0.1, trickle_head=True
    )

    started = time.monotonic()
    message = refusal(pages_server.url("/slow-head"))
    elapsed = time.monotonic() - started

    assert message == "The site did not answer within 0.5 s."
    assert elapsed < 2.0, f"stopped after {elapsed:.1f} s"


def test_the_body_limit_is_article_page_max_bytes(pages_server, allow_local_pages):
    allow_local_pages.ARTICLE_PAGE_MAX_BYTES = 3000
    big = b"<html><body><article>" + b"<p>Long paragraph of words.</p>" * 400 + b"</article>"
    pages_server.routes["/declared"] = Reply(200, big, {"Content-Type": "text/html"})
    pages_server.routes["/undeclared"] = Reply(
        200, big, {"Content-Type": "text/html"}, declare_length=False
    )

    assert refusal(pages_server.url("/declared")) == (
        f"The page is {len(big):,} bytes; the limit is 3,000."
    )
    assert refusal(pages_server.url("/undeclared")) == (
        "The page is larger than the limit of 3,000 bytes."
    )


def test_a_compressed_page_is_held_to_the_limit_as_it_inflates(pages_server, allow_local_pages):
    """A gzip body of 40 kB that inflates to 40 MB: the limit counts inflated bytes and
    reading stops there (urllib3 inflates at most a piece per read)."""
    import gzip

    allow_local_pages.ARTICLE_PAGE_MAX_BYTES = 100_000
    bomb = gzip.compress(b"<html><body>" + b" " * 40_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    pages_server.routes["/bomb"] = Reply(
        200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )

    assert refusal(pages_server.url("/bomb")) == (
        "The page is larger than the limit of 100,000 bytes."
    )


def test_a_page_heavier_than_its_text_is_read_but_its_text_keeps_the_article_limit(
    pages_server, allow_local_pages
):
    """News pages carry far more markup than text: the page limit is its own, and the
    text found in it is held to ARTICLE_MAX_BYTES like pasted text."""
    page = (PAGES / "river_pact.html").read_bytes()
    padding = b"<!-- " + b"x" * 400_000 + b" -->"
    heavy = page.replace(b"</body>", padding + b"</body>")
    pages_server.routes["/heavy"] = Reply(200, heavy, {"Content-Type": "text/html"})
    allow_local_pages.ARTICLE_MAX_BYTES = 300_000

    found = article_find_at_url(url=pages_server.url("/heavy"))

    assert len(heavy) > 300_000
    assert found.title == "Danube states agree flood warning pact"
    allow_local_pages.ARTICLE_MAX_BYTES = 100
    assert "the limit is 100" in refusal(pages_server.url("/heavy"))


@pytest.mark.parametrize(
    ("content_type", "shown"),
    [
        ("application/pdf", "application/pdf"),
        ("application/json", "application/json"),
        ("image/png", "image/png"),
        ("", "no content type"),
    ],
)
def test_html_content_types_only(pages_server, allow_local_pages, content_type, shown):
    headers = {"Content-Type": content_type} if content_type else {}
    pages_server.routes["/file"] = Reply(200, b"%PDF-1.4 not html", headers)

    assert refusal(pages_server.url("/file")) == f"This address is not a web page (it is {shown})."


def test_xhtml_is_a_web_page(pages_server, allow_local_pages):
    url = pages_server.page("/x", "river_pact.html", content_type="application/xhtml+xml")
    assert article_find_at_url(url=url).title == "Danube states agree flood warning pact"


def test_error_answers_and_pages_without_text_are_refused(pages_server, allow_local_pages):
    pages_server.routes["/empty"] = Reply(
        200,
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        {"Content-Type": "text/html"},
    )

    assert refusal(pages_server.url("/missing")) == "The site answered 404 Not Found."
    assert refusal(pages_server.url("/empty")) == (
        "No article text was found on this page; paste the text instead."
    )


# https ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """Self-signed certificates made for the test (openssl): one for 127.0.0.1, one
    for another name. Neither is trusted unless a test says so (SSL_CERT_FILE)."""
    import shutil
    import subprocess

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("openssl is needed to make the test certificates", pytrace=False)
    folder = tmp_path_factory.mktemp("certificates")
    made = {}
    for name, subject in [("ip", "IP:127.0.0.1"), ("other", "DNS:news.example.org")]:
        cert, key = folder / f"{name}.pem", folder / f"{name}.key"
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=pages", "-addext", f"subjectAltName={subject}",
             "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        made[name] = (cert, key)
    return made


def https_server(cert_and_key):
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*map(str, cert_and_key))
    return PagesServer(tls=context).start()


def test_an_https_page_is_read_when_its_certificate_is_trusted_for_the_address(
    certificates, allow_local_pages, monkeypatch
):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates["ip"][0]))
    server = https_server(certificates["ip"])
    try:
        url = server.page("/story", "river_pact.html")

        found = article_find_at_url(url=url)
    finally:
        server.stop()

    assert url.startswith("https://127.0.0.1:")
    assert found.title == "Danube states agree flood warning pact"


@pytest.mark.parametrize(
    ("served", "trusted"),
    [("ip", None), ("other", "other")],
    ids=["not trusted", "trusted for another name"],
)
def test_an_https_certificate_that_does_not_hold_is_refused(
    certificates, allow_local_pages, monkeypatch, served, trusted
):
    if trusted:
        monkeypatch.setenv("SSL_CERT_FILE", str(certificates[trusted][0]))
    server = https_server(certificates[served])
    try:
        url = server.page("/story", "river_pact.html")

        message = refusal(url)
    finally:
        server.stop()

    assert message == "The site's secure connection (HTTPS certificate) failed."
    assert server.requests == []
