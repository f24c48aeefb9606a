"""The site's "Als PDF herunterladen" link: the PDF is built before the site, so the site links the file it has.

`make pdf` writes the PDF to build/druck/ (druck_pdf). When the site is built (or served), `pdf_fuer_site`
adds that file to the site's files, so MkDocs copies it into the site like any asset, and puts its URL and
size into `config.extra.ik_pdf` for the templates (overrides/partials/ik-pdf-link.html). Without a PDF there
is no link: `mkdocs serve` or `mkdocs build` alone never show a link to a file that is not there, and
`make build` always writes the PDF first. Nothing rewrites the built pages afterwards.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from macros.projekt import Projekt

ORDNER = Path("build") / "druck"
SCHLUESSEL = "ik_pdf"


def druck_pdf(projekt: Projekt, pdf_datei: str) -> Path:
    """Where `make pdf` writes the PDF of a project: build/druck/<pdf_datei from data/konzept.yaml>."""
    return projekt.wurzel / ORDNER / pdf_datei


def groesse_de(byte: int) -> str:
    """German file size: 950 KB, 1,2 MB."""
    if byte < 1024 * 1024:
        return f"{max(1, round(byte / 1024))} KB"
    return f"{byte / (1024 * 1024):.1f} MB".replace(".", ",")


def _in_die_site(files: Files, config: MkDocsConfig, name: str) -> File | None:
    """Adds build/druck/<name> to the site's files at its root (replacing a docs file of that name); None when
    that PDF was not built."""
    pdf = druck_pdf(Projekt.aus_config(config), name)
    if not pdf.is_file():
        return None
    vorhanden = files.get_file_from_path(name)
    if vorhanden is not None:
        files.remove(vorhanden)
    datei = File(name, src_dir=str(pdf.parent), dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
    files.append(datei)
    return datei


def pdf_fuer_site(files: Files, config: MkDocsConfig, pdf_datei: str) -> Files:
    """Adds the built PDF to the site (at its root) and tells the templates its URL and size; without a PDF
    the templates show no link."""
    config.extra.pop(SCHLUESSEL, None)
    datei = _in_die_site(files, config, pdf_datei)
    if datei is not None:
        config.extra[SCHLUESSEL] = {"url": datei.url, "groesse": groesse_de(Path(datei.abs_src_path).stat().st_size)}
    return files


def sprach_pdf_datei(pdf_datei: str, code: str) -> str:
    """The file name of a language's summary beside the concept's PDF: konzept.pdf -> konzept-ar.pdf."""
    return f"{pdf_datei.removesuffix('.pdf')}-{code}.pdf"


SPRACH_SCHLUESSEL = "ik_sprach_pdf"


def sprach_pdfs_fuer_site(files: Files, config: MkDocsConfig, pdf_datei: str, codes: list[str]) -> Files:
    """Adds each language's built summary PDF to the site root; config.extra[SPRACH_SCHLUESSEL] maps each language
    with a PDF to its URL and size in bytes (the translated start pages link it, formatted in their language)."""
    config.extra[SPRACH_SCHLUESSEL] = {}
    for code in codes:
        datei = _in_die_site(files, config, sprach_pdf_datei(pdf_datei, code))
        if datei is not None:
            config.extra[SPRACH_SCHLUESSEL][code] = {"url": datei.url,
                                                     "byte": Path(datei.abs_src_path).stat().st_size}
    return files
