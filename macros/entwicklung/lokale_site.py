"""The built site on a local server under its real path (site_url's path), and the list of its pages.

Used by the browser tests, `make lighthouse` and `make bildschirmfotos`. Only 127.0.0.1.
"""

from __future__ import annotations

import functools
import gzip
import os
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from macros.projekt import REPO

# Chromium from Debian (`apt-get install chromium`), or the program CHROMIUM names; the flags keep it quiet and
# offline. The browser tests, Lighthouse, the screenshots and the benchmark all start this one.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def site_url(mkdocs_yml: Path = REPO / "mkdocs.yml") -> str:
    """site_url as MkDocs sees it (with !ENV resolved)."""
    from mkdocs.config import load_config  # noqa: PLC0415 - only the servers need MkDocs

    return load_config(str(mkdocs_yml)).site_url or "/"

def site_pfad(mkdocs_yml: Path = REPO / "mkdocs.yml") -> str:
    """The path part of site_url (e.g. '/' or '/integrationskonzept/'): the site is served under it, as online."""
    pfad = urlsplit(site_url(mkdocs_yml)).path or "/"
    return pfad if pfad.endswith("/") else pfad + "/"


def seiten_der_site(site: Path) -> list[str]:
    """Every HTML page of the built site as a path below the site root: '', 'quellen/', …, '404.html'."""
    seiten = []
    for datei in sorted(site.rglob("*.html")):
        relativ = datei.relative_to(site).as_posix()
        seiten.append(relativ[: -len("index.html")] if relativ.endswith("index.html") else relativ)
    return seiten


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site below its path prefix, text gzip-compressed as on the real host; quiet; else a 404."""

    praefix = "/"
    KOMPRIMIERT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".map")
    _gzip_cache: dict = {}

    def do_GET(self):  # noqa: N802 - the base class names it so
        pfad = Path(self.translate_path(self.path))
        if pfad.is_dir():
            pfad = pfad / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not pfad.is_file()
                or pfad.suffix not in self.KOMPRIMIERT or (self.path.split("?")[0].endswith("/") is False
                                                           and pfad.name == "index.html")):
            return super().do_GET()
        schluessel = (str(pfad), pfad.stat().st_mtime_ns)
        if schluessel not in self._gzip_cache:
            self._gzip_cache[schluessel] = gzip.compress(pfad.read_bytes(), 6)
        inhalt = self._gzip_cache[schluessel]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(pfad)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(inhalt)))
        self.end_headers()
        self.wfile.write(inhalt)
        return None

    def translate_path(self, path):
        pfad = urlsplit(path).path
        if not pfad.startswith(self.praefix):
            return str(Path(self.directory) / "__gibt_es_nicht__")
        return super().translate_path("/" + pfad[len(self.praefix):])

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class _LeiserServer(ThreadingHTTPServer):
    """Says nothing when a browser closes a connection before a file is sent (a tab closed mid-load)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Server:
    """A running local server for one site folder."""

    basis: str
    httpd: ThreadingHTTPServer = field(repr=False)

    def url(self, seite: str = "") -> str:
        return self.basis + seite

    @property
    def origin(self) -> str:
        teile = urlsplit(self.basis)
        return f"{teile.scheme}://{teile.netloc}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *ausnahme) -> None:
        self.stop()


def starte_server(site: Path, praefix: str | None = None) -> Server:
    """Starts a threaded HTTP server on 127.0.0.1 (a free port) that serves `site` under site_pfad()."""
    praefix = praefix or site_pfad()
    handler = functools.partial(type("Handler", (_Handler,), {"praefix": praefix}), directory=str(site))
    httpd = _LeiserServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(f"http://127.0.0.1:{httpd.server_address[1]}{praefix}", httpd)
