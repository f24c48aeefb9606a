"""make bench: how the site scales with the number of measures, measured side by side in one run.

Aufruf: python scripts/bench.py [--groessen 100,1000,10000] [--pdf-groesse 2500] [--serve-groessen 1000,10000]
                               [--ohne-serve] [--ohne-lighthouse] [--nur-sprachen]

For each size it writes a synthetic data set (macros/entwicklung/synthetische_daten.py) into a temp folder and
measures
- `make check` (scripts/check.py on that folder): wall time and peak RSS; plus lade_daten in-process;
- `mkdocs build` of our site beside two references, both the same theme, nav and Markdown extensions with
  no macros plugin and no hooks, every page pre-rendered to finished Markdown:
  schlicht (plain): the same pages, each measure's page too, as MkDocs builds them one by one;
  nackt (bare): the same pages with the same table rows, but no measure pages and no cards: what a plain
  Material site listing the measures costs;
- the largest HTML page, the number of pages, the size of the search index and how many measures it holds
  with their title on their own page;
then the PDF at --pdf-groesse, what the steering views add to a build at --steuerung-groesse (measured inside
one build, macros/entwicklung/anteile.py), the time from saving measures.yaml to the
changed page in Chromium with `mkdocs serve` (real data, 1,000 and 10,000 measures), and Lighthouse on the
largest page.
With --nur-sprachen it measures only what the translations cost: the build with every language of
data/sprachen.yaml beside the same project without them, at the real size and at each --groessen.
Every command runs in a fresh child process; its peak RSS comes from getrusage(RUSAGE_CHILDREN) there.
Machines are shared and noisy: compare the ratios within one run, not the seconds between runs.
Prints a table and writes bench-ergebnis.json (git-ignored).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from macros.darstellung import adressen
from macros.entwicklung.lokale_site import CHROMIUM, CHROMIUM_ARGS, starte_server
from macros.entwicklung.mkdocs_bau import BIN, mkdocs_befehl
from macros.entwicklung.mkdocs_bau import UMGEBUNG as MKDOCS_UMGEBUNG
from macros.entwicklung.projektkopie import projektkopie
from macros.entwicklung.synthetische_daten import schreibe
from macros.projekt import REPO

ERGEBNIS = REPO / "bench-ergebnis.json"
PROJEKTTEILE = ("docs", "macros", "overrides", "mkdocs.yml")
UMGEBUNG = dict(MKDOCS_UMGEBUNG, PYTHONDONTWRITEBYTECODE="1")


# --- Measuring one command in a fresh child process ----------------------------------------------

def messe(befehl: list[str], cwd: Path, protokoll: Path) -> dict:
    """Runs befehl via `bench.py --miss` (a fresh process) and returns seconds, peak RSS in MB and exit code."""
    ergebnis = subprocess.run([sys.executable, __file__, "--miss", str(protokoll), "--", *befehl], cwd=cwd,
                              env=UMGEBUNG, capture_output=True, text=True, check=False)
    try:
        return json.loads(ergebnis.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"sekunden": None, "rss_mb": None, "code": ergebnis.returncode, "fehler": ergebnis.stderr[-500:]}


def miss(protokoll: str, befehl: list[str]) -> None:
    """Child side of messe: runs the command, prints its wall time and its children's peak RSS as JSON."""
    with open(protokoll, "w", encoding="utf-8") as ausgabe:
        anfang = time.perf_counter()
        code = subprocess.run(befehl, stdout=ausgabe, stderr=subprocess.STDOUT, check=False).returncode
        sekunden = time.perf_counter() - anfang
    verbrauch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"sekunden": round(sekunden, 3), "cpu_s": round(verbrauch.ru_utime + verbrauch.ru_stime, 3),
                      "rss_mb": round(verbrauch.ru_maxrss / 1024, 1), "code": code}))  # ru_maxrss: KB on Linux


# --- Projects: ours with synthetic data, and the plain pre-rendered one ---------------------------

def projekt_mit_daten(ziel: Path, anzahl: int | None) -> Path:
    """A copy of the project's sources; with anzahl, data/ is a synthetic set of that many measures."""
    projektkopie(ziel, PROJEKTTEILE)
    if anzahl is None:
        shutil.copytree(REPO / "data", ziel / "data")
    else:
        schreibe(anzahl, ziel / "data", mit_echten=True)  # the chapters link to real measures
    return ziel


# A card in the pre-rendered Markdown (macros/darstellung/templates/massnahme_karte.html); nackt drops them.
KARTE = re.compile(r'<article class="ik-karte.*?</article>\n?', re.S)


def vorrendern(projekt: str, ziel: str, art: str) -> None:
    """Child side: writes a reference project (art schlicht or nackt, see above), its pages as finished Markdown."""
    projekt_pfad, ziel_pfad = Path(projekt), Path(ziel)
    os.environ["IK_VERGLEICHSBAU"] = "1"  # the macros' lists as HTML, a Markdown page per measure
    import jinja2  # noqa: PLC0415
    import yaml  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    import macros  # noqa: PLC0415
    from macros.baudaten import daten_fuer  # noqa: PLC0415
    from macros.darstellung.render import seiten_url  # noqa: PLC0415
    from macros.darstellung.seiten import erzeugte_seiten  # noqa: PLC0415

    class Umgebung:
        """Stands in for the macros plugin's env: collects macros and filters, knows the config and the page."""

        def __init__(self, conf):
            self.variables, self.macros, self.filters, self.page, self.conf = {}, {}, {}, None, conf

        def macro(self, funktion, name: str | None = None):
            self.macros[name or funktion.__name__] = funktion
            return funktion

        def filter(self, funktion, name: str | None = None):
            self.filters[name or funktion.__name__] = funktion
            return funktion

    class Seite:
        def __init__(self, url: str):
            self.url = url

    konfiguration = load_config(str(projekt_pfad / "mkdocs.yml"))
    umgebung = Umgebung(konfiguration)
    macros.define_env(umgebung)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    jinja.filters.update(umgebung.filters)
    docs, ziel_docs = projekt_pfad / "docs", ziel_pfad / "docs"
    shutil.copytree(docs, ziel_docs)
    vorhandene = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    seiten = {pfad: (docs / pfad).read_text(encoding="utf-8") for pfad in vorhandene
              if not pfad.startswith("includes/")}
    daten = daten_fuer(konfiguration)
    seiten.update(erzeugte_seiten(daten, vorhandene, einzeln=True))
    if art == "nackt":
        for x in daten.massnahmen:
            del seiten[adressen.massnahme_datei(x.id)]
    for pfad, text in seiten.items():
        kopf, rumpf = "", text
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            ende = text.index("\n---\n", 4) + 5
            kopf, rumpf = text[:ende], text[ende:]
        umgebung.page = Seite(seiten_url(pfad))
        if "\nrender_macros: false\n" in kopf:  # finished already, as the macros plugin would leave it
            fertig = rumpf
        else:
            fertig = jinja.from_string(rumpf).render(**umgebung.variables, **umgebung.macros, page=umgebung.page)
        if art == "nackt":
            fertig = KARTE.sub("", fertig)
        datei = ziel_docs / pfad
        datei.parent.mkdir(parents=True, exist_ok=True)
        datei.write_text(kopf + fertig, encoding="utf-8")
    shutil.copytree(projekt_pfad / "overrides", ziel_pfad / "overrides")
    shutil.copy(projekt_pfad / "mkdocs.yml", ziel_pfad / "mkdocs-original.yml")
    # Same theme, extensions and nav (inherited); only the search plugin, no macros, no hooks, no watch.
    suchplugin = next(p for name, p in konfiguration.plugins.items() if name.split("/")[-1] == "search")
    suche = {"search": {"lang": suchplugin.config["lang"]}}
    (ziel_pfad / "mkdocs.yml").write_text(
        "INHERIT: mkdocs-original.yml\n" + yaml.safe_dump({"plugins": [suche], "hooks": [], "watch": []},
                                                          allow_unicode=True), encoding="utf-8")


def titel_im_suchindex(site: Path, data_dir: Path) -> dict:
    """How many measures the search index holds with their title, on their own page."""
    from macros.daten.loader import lade_daten  # noqa: PLC0415

    eintraege = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titel_je_seite: dict[str, list[str]] = {}
    for eintrag in eintraege:
        titel_je_seite.setdefault(eintrag["location"].split("#")[0], []).append(html.unescape(eintrag["title"]))
    massnahmen = lade_daten(data_dir).massnahmen
    gefunden = sum(1 for x in massnahmen
                   if any(x.titel in titel for titel in titel_je_seite.get(adressen.massnahme(x.id), ())))
    return {"massnahmen": len(massnahmen), "mit_titel": gefunden}


def seiten_statistik(site: Path) -> dict:
    """Pages, the largest HTML page and the search index of a built site."""
    groessen = sorted(((p.stat().st_size, p) for p in site.rglob("*.html")), reverse=True)
    index = site / "search" / "search_index.json"
    return {
        "seiten": len(groessen),
        "groesste_seite": groessen[0][1].relative_to(site).as_posix() if groessen else None,
        "groesste_seite_kb": round(groessen[0][0] / 1024, 1) if groessen else None,
        "seiten_ueber_2mb": sum(1 for groesse, _ in groessen if groesse > 2 * 1024 * 1024),
        "suchindex_mb": round(index.stat().st_size / 1024 / 1024, 2) if index.exists() else None,
    }


# --- The measurements ---------------------------------------------------------------------------------

def lade_zeit(data_dir: Path) -> tuple[float, float]:
    """Best of three in-process runs of lade_daten (after one warm-up), in a fresh process: wall and CPU seconds.

    The CPU seconds include the child that reads the second half of a large file (macros/daten/yamlhaelften.py).
    """
    code = ("import os, sys, time; from pathlib import Path;"
            "from macros.daten.loader import lade_daten; d = Path(sys.argv[1]); lade_daten(d); w = []; c = []\n"
            "cpu = lambda: sum(os.times()[:4])\n"
            "for _ in range(3):\n t, p = time.perf_counter(), cpu(); lade_daten(d)\n"
            " w.append(time.perf_counter() - t); c.append(cpu() - p)\n"
            "print(min(w), min(c))")
    ausgabe = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True,
                             text=True, env=UMGEBUNG, check=True)
    wand, cpu = (round(float(x), 3) for x in ausgabe.stdout.split())
    return wand, cpu


BAUARTEN = ("build", "schlicht", "nackt")


def groesse_messen(anzahl: int, arbeit: Path) -> dict:
    """check, our build and the two reference builds for one size."""
    print(f"… {anzahl} Maßnahmen", file=sys.stderr, flush=True)
    projekt = projekt_mit_daten(arbeit / f"projekt-{anzahl}", anzahl)
    ergebnis: dict = {"massnahmen": anzahl,
                      "measures_yaml_mb": round((projekt / "data" / "measures.yaml").stat().st_size / 2**20, 2)}
    ergebnis["check"] = messe([sys.executable, str(REPO / "scripts" / "check.py"), str(projekt / "data")], REPO,
                              arbeit / f"check-{anzahl}.log")
    ergebnis["lade_daten_s"], ergebnis["lade_daten_cpu_s"] = lade_zeit(projekt / "data")
    quellen = {"build": projekt}
    for art in ("schlicht", "nackt"):
        quellen[art] = arbeit / f"{art}-{anzahl}"
        subprocess.run([sys.executable, __file__, "--vorrendern", str(projekt), str(quellen[art]), art],
                       env=UMGEBUNG, check=True)
    sites = {art: arbeit / f"site-{art}-{anzahl}" for art in BAUARTEN}
    # Alternating runs, the fastest of each kind: load from other processes hits all alike. Each run builds into
    # an empty folder (removing the last run's output is not part of a build).
    laeufe: dict[str, list[dict]] = {art: [] for art in BAUARTEN}
    for _ in range(ARGS.wiederholungen):
        for art in BAUARTEN:
            shutil.rmtree(sites[art], ignore_errors=True)
            laeufe[art].append(messe(mkdocs_befehl(sites[art], strict=art == "build"), quellen[art],
                                     arbeit / f"{art}-{anzahl}.log"))
    for art in BAUARTEN:
        ergebnis[art] = min(laeufe[art], key=lambda lauf: lauf["sekunden"] or float("inf"))
        ergebnis[art]["alle_sekunden"] = [lauf["sekunden"] for lauf in laeufe[art]]
        ergebnis[art]["cpu_s"] = min((lauf["cpu_s"] for lauf in laeufe[art] if lauf.get("cpu_s")), default=None)
        ergebnis[art].update(seiten_statistik(sites[art]))
    for art in ("schlicht", "nackt"):
        if ergebnis["build"]["sekunden"] and ergebnis[art]["sekunden"]:
            ergebnis[f"verhaeltnis_{art}"] = round(ergebnis["build"]["sekunden"] / ergebnis[art]["sekunden"], 3)
            # CPU time suffers less than wall time from the other processes on a shared machine.
            ergebnis[f"verhaeltnis_{art}_cpu"] = round(ergebnis["build"]["cpu_s"] / ergebnis[art]["cpu_s"], 3)
    ergebnis["suchindex_titel"] = titel_im_suchindex(sites["build"], projekt / "data")
    ergebnis["massnahmenseiten"] = sum(1 for p in (sites["build"] / "massnahmen").glob("*/index.html")
                                       if not p.parent.name.startswith("seite-"))
    if anzahl == max(ARGS.groessen):
        ergebnis["lighthouse"] = lighthouse(sites["build"], ergebnis["build"]["groesste_seite"], arbeit)
    for art in ("schlicht", "nackt"):
        shutil.rmtree(sites[art], ignore_errors=True)
        shutil.rmtree(quellen[art], ignore_errors=True)
    return ergebnis


def ohne_sprachen(projekt: Path) -> Path:
    """The project without translations: no language in data/sprachen.yaml, no translation files."""
    (projekt / "data" / "sprachen.yaml").write_text("sprachen: []\n", encoding="utf-8")
    shutil.rmtree(projekt / "data" / "uebersetzungen", ignore_errors=True)
    return projekt


def sprachen_messen(anzahl: int | None, arbeit: Path) -> dict:
    """The build with and without the translations, alternating, the fastest run of each."""
    name = anzahl or "echt"
    print(f"… Sprachen bei {name} Maßnahmen", file=sys.stderr, flush=True)
    quellen = {"mit": projekt_mit_daten(arbeit / f"mit-{name}", anzahl),
               "ohne": ohne_sprachen(projekt_mit_daten(arbeit / f"ohne-{name}", anzahl))}
    laeufe: dict[str, list[dict]] = {art: [] for art in quellen}
    for _ in range(ARGS.wiederholungen):
        for art, quelle in quellen.items():
            site = arbeit / f"site-{art}-{name}"
            shutil.rmtree(site, ignore_errors=True)
            laeufe[art].append(messe(mkdocs_befehl(site, strict=True), quelle, arbeit / f"sprachen-{art}.log"))
    ergebnis: dict = {"massnahmen": name}
    for art in quellen:
        ergebnis[art] = min(laeufe[art], key=lambda lauf: lauf["sekunden"] or float("inf"))
        ergebnis[art]["alle_sekunden"] = [lauf["sekunden"] for lauf in laeufe[art]]
        ergebnis[art]["cpu_s"] = min((lauf["cpu_s"] for lauf in laeufe[art] if lauf.get("cpu_s")), default=None)
    if ergebnis["mit"]["sekunden"] and ergebnis["ohne"]["sekunden"]:
        ergebnis["mehr_wand_prozent"] = round(100 * (ergebnis["mit"]["sekunden"] / ergebnis["ohne"]["sekunden"] - 1), 1)
        ergebnis["mehr_cpu_prozent"] = round(100 * (ergebnis["mit"]["cpu_s"] / ergebnis["ohne"]["cpu_s"] - 1), 1)
    for art in quellen:
        shutil.rmtree(arbeit / f"site-{art}-{name}", ignore_errors=True)
        shutil.rmtree(quellen[art], ignore_errors=True)
    return ergebnis


def sprachen_tabelle(messungen: list[dict]) -> str:
    zeilen = ["Maßnahmen | mit Sprachen s (CPU s) | ohne Sprachen s (CPU s) | Mehrzeit Wand % (CPU %)"]
    zeilen.append("-" * len(zeilen[0]))
    for g in messungen:
        mit, ohne = g["mit"], g["ohne"]
        prozent = f"{zahl(g.get('mehr_wand_prozent'), '{:.1f}')} ({zahl(g.get('mehr_cpu_prozent'), '{:.1f}')})"
        zeilen.append(" | ".join([f"{g['massnahmen']:>9}", f"{zahl(mit['sekunden'])} ({zahl(mit.get('cpu_s'))})",
                                  f"{zahl(ohne['sekunden'])} ({zahl(ohne.get('cpu_s'))})", prozent]))
    return "\n".join(zeilen)


def steuerung_messen(anzahl: int) -> dict:
    """What the steering views add to a build (macros/entwicklung/anteile.py), in a fresh child process."""
    ergebnis = subprocess.run([sys.executable, "-m", "macros.entwicklung.anteile", str(anzahl), "--json"], cwd=REPO,
                              env=UMGEBUNG, capture_output=True, text=True, check=False)
    try:
        return json.loads(ergebnis.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"massnahmen": anzahl, "fehler": ergebnis.stderr[-500:]}


def pdf_messen(anzahl: int, arbeit: Path) -> dict:
    """PDF time and peak RSS at anzahl measures."""
    skript = REPO / "scripts" / "pdf.py"
    print(f"… PDF mit {anzahl} Maßnahmen", file=sys.stderr, flush=True)
    projekt = projekt_mit_daten(arbeit / f"projekt-pdf-{anzahl}", anzahl)
    ziel = arbeit / "konzept.pdf"
    # The PDF renders its chapters itself (no site build first).
    ergebnis = messe([sys.executable, str(skript), "--out", str(ziel), "--config", str(projekt / "mkdocs.yml")],
                     projekt, arbeit / "pdf.log")
    ergebnis["massnahmen"] = anzahl
    if ziel.exists():
        ergebnis["pdf_mb"] = round(ziel.stat().st_size / 2**20, 2)
    if ergebnis["code"] != 0:
        ergebnis["hinweis"] = (arbeit / "pdf.log").read_text(encoding="utf-8", errors="replace")[-400:]
    return ergebnis


def freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def abrufen(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwort:  # noqa: S310 - our own local server
            return antwort.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def serve_messen(anzahl: int | None, arbeit: Path, speichern: int = 3) -> dict:
    """Seconds from saving measures.yaml (a new title of the first measure) until Chromium, showing that
    measure's page from `mkdocs serve`, shows the new title (livereload reloads it); the median of a few saves.

    Also the rebuild as MkDocs logs it ("Documentation built in …"), the rest is noticing the change and the
    browser reloading the page.
    """
    from playwright.sync_api import Error as PlaywrightFehler  # noqa: PLC0415
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    name = "echt" if anzahl is None else str(anzahl)
    print(f"… mkdocs serve ({name})", file=sys.stderr, flush=True)
    projekt = projekt_mit_daten(arbeit / f"projekt-serve-{name}", anzahl)
    port = freier_port()
    log = arbeit / f"serve-{name}.log"
    protokoll = log.open("w", encoding="utf-8")
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=projekt,
                              env=UMGEBUNG, stdout=protokoll, stderr=subprocess.STDOUT)
    try:
        massnahmen = projekt / "data" / "measures.yaml"
        text = massnahmen.read_text(encoding="utf-8")
        erste_id = text.split("- id:", 1)[1].split("\n", 1)[0].strip()
        anfang = time.perf_counter()
        basis = None
        while basis is None:  # serve prints its address, with the path of site_url, once the first build is done
            treffer = re.search(r"Serving on (http://\S+?)/?$", log.read_text(encoding="utf-8", errors="replace"),
                                re.MULTILINE)
            basis = treffer.group(1) if treffer else None
            if server.poll() is not None or time.perf_counter() - anfang > 900:
                return {"massnahmen": name, "hinweis": "mkdocs serve kam nicht hoch"}
            time.sleep(0.2)
        url = f"{basis}/{adressen.massnahme(erste_id)}"
        erster_bau = time.perf_counter() - anfang
        zeiten, baue = [], []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            seite = browser.new_page()
            seite.goto(url, wait_until="load")
            for lauf in range(speichern):
                time.sleep(1.5)  # the watcher settles; the browser's livereload request is waiting
                marke = f"Neuer Titel {lauf} {int(time.time())} für die Messung"
                kopf, rest = text.split("    titel:", 1)
                massnahmen.write_text(kopf + f'    titel: "{marke}"\n' + rest.split("\n", 1)[1], encoding="utf-8")
                gespeichert = time.perf_counter()
                # livereload reloads the page once the rebuild is done; the browser does nothing until then (a
                # browser looking for the title every few milliseconds took CPU from the rebuild on two cores).
                while time.perf_counter() - gespeichert < 900:
                    try:
                        seite.wait_for_event("domcontentloaded", timeout=900_000)
                        if marke in seite.inner_text("body"):
                            break
                    except PlaywrightFehler:  # the page reloaded again while it was read: wait for that one
                        continue
                else:
                    return {"massnahmen": name, "hinweis": "neuer Titel erschien nicht binnen 900 s"}
                zeiten.append(round(time.perf_counter() - gespeichert, 2))
                gebaut = re.findall(r"Documentation built in ([0-9.]+) seconds",
                                    log.read_text(encoding="utf-8", errors="replace"))
                baue.append(float(gebaut[-1]) if gebaut else None)
            browser.close()
        return {"massnahmen": name, "erster_bau_s": round(erster_bau, 2),
                "neu_geladen_s": sorted(zeiten)[len(zeiten) // 2], "alle_neu_geladen_s": zeiten,
                "neubau_laut_mkdocs_s": baue}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        protokoll.close()


def lighthouse_befehl() -> list[str] | None:
    """Lighthouse from the project's node_modules, or from $LIGHTHOUSE."""
    for kandidat in (os.environ.get("LIGHTHOUSE"), REPO / "node_modules" / ".bin" / "lighthouse"):
        if kandidat and Path(kandidat).exists():
            return [str(kandidat)]
    return None


def lighthouse(site: Path, seite: str | None, arbeit: Path, laeufe: int = 5) -> dict:
    """Lighthouse performance (default mobile profile) of one page, served gzip-compressed as GitHub Pages
    does; the median of five runs, since Lighthouse scales the observed (noisy) CPU time (its variability
    guide: five runs halve the spread of one)."""
    befehl = lighthouse_befehl()
    if ARGS.ohne_lighthouse or befehl is None or seite is None:
        return {"hinweis": "nicht gemessen: Lighthouse fehlt (npm ci) oder --ohne-lighthouse"}
    print(f"… Lighthouse auf {seite}", file=sys.stderr, flush=True)
    server = starte_server(site)
    url = server.url(seite.removesuffix("index.html"))
    ergebnisse = []
    try:
        for lauf in range(laeufe):
            bericht = arbeit / f"lighthouse-{lauf}.json"
            subprocess.run([*befehl, url, "--only-categories=performance", "--output=json",
                            f"--output-path={bericht}", "--quiet",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                           env=dict(UMGEBUNG, CHROME_PATH=CHROMIUM),
                           check=False, timeout=600, capture_output=True)
            if not bericht.exists():
                continue
            daten = json.loads(bericht.read_text(encoding="utf-8"))
            audits = daten["audits"]
            ergebnisse.append({"performance": round(daten["categories"]["performance"]["score"] * 100),
                               "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
                               "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                               "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                               "bytes_kb": round(audits["total-byte-weight"]["numericValue"] / 1024),
                               "dom_elemente": audits.get("dom-size", {}).get("numericValue")})
    finally:
        server.stop()
    if not ergebnisse:
        return {"seite": seite, "hinweis": "Lighthouse schrieb keinen Bericht"}
    mitte = sorted(ergebnisse, key=lambda e: e["performance"])[len(ergebnisse) // 2]
    return {"seite": seite, **mitte, "alle_performance": [e["performance"] for e in ergebnisse]}


# --- Report ---------------------------------------------------------------------------------------------------

def zahl(wert, format_="{:.2f}") -> str:
    return "–" if wert is None else format_.format(wert)


def tabelle(bericht: dict) -> str:
    """The figures as a plain-text table."""
    zeilen = ["Maßnahmen | measures.yaml MB | check s | check RSS MB | lade_daten s (CPU s) | Bau s (CPU s) "
              "| Bau RSS MB | schlicht s (CPU s) | nackt s (CPU s) | Bau/schlicht Wand (CPU) | Bau/nackt Wand (CPU) "
              "| Seiten (Maßnahmenseiten) | größte Seite KB | Suchindex MB"]
    zeilen.append("-" * len(zeilen[0]))
    for g in bericht["groessen"]:
        b, s, n, c = g["build"], g["schlicht"], g["nackt"], g["check"]
        zeilen.append(" | ".join([
            f"{g['massnahmen']:>9}", zahl(g["measures_yaml_mb"]), zahl(c["sekunden"]), zahl(c["rss_mb"], "{:.0f}"),
            f"{zahl(g['lade_daten_s'], '{:.3f}')} ({zahl(g.get('lade_daten_cpu_s'), '{:.3f}')})",
            f"{zahl(b['sekunden'])} ({zahl(b.get('cpu_s'))})", zahl(b["rss_mb"], "{:.0f}"),
            f"{zahl(s['sekunden'])} ({zahl(s.get('cpu_s'))})", f"{zahl(n['sekunden'])} ({zahl(n.get('cpu_s'))})",
            f"{zahl(g.get('verhaeltnis_schlicht'), '{:.3f}')} ({zahl(g.get('verhaeltnis_schlicht_cpu'), '{:.3f}')})",
            f"{zahl(g.get('verhaeltnis_nackt'), '{:.3f}')} ({zahl(g.get('verhaeltnis_nackt_cpu'), '{:.3f}')})",
            f"{b.get('seiten')} ({g.get('massnahmenseiten')})",
            f"{zahl(b.get('groesste_seite_kb'), '{:.0f}')} ({b.get('groesste_seite')})", zahl(b.get("suchindex_mb"))]))
    zeilen.append("")
    for g in bericht["groessen"]:
        suche = g.get("suchindex_titel") or {}
        zeilen.append(f"Suchindex bei {g['massnahmen']} Maßnahmen: {suche.get('mit_titel')} von "
                      f"{suche.get('massnahmen')} Maßnahmen mit ihrem Titel auf ihrer Seite")
    for g in bericht["groessen"]:
        if "lighthouse" in g:
            messung = json.dumps(g["lighthouse"], ensure_ascii=False)
            zeilen.append(f"Lighthouse bei {g['massnahmen']} Maßnahmen: {messung}")
    if bericht.get("speicher_je_massnahme_kb"):
        zeilen.append(f"Bau-RSS je Maßnahme (KB), zwischen den Größen: {bericht['speicher_je_massnahme_kb']}")
    zeilen.append(f"PDF: {json.dumps(bericht.get('pdf'), ensure_ascii=False)}")
    if bericht.get("steuerung"):
        zeilen.append(f"Steuerungsansichten: {json.dumps(bericht['steuerung'], ensure_ascii=False)}")
    for s in bericht.get("serve", []):
        zeilen.append(f"make serve ({s['massnahmen']}): Speichern → geänderte Seite in Chromium "
                      f"{zahl(s.get('neu_geladen_s'))} s (Median; alle: {s.get('alle_neu_geladen_s')}), "
                      f"Neubau laut MkDocs {s.get('neubau_laut_mkdocs_s')} s, "
                      f"erster Bau {zahl(s.get('erster_bau_s'))} s"
                      + (f", {s['hinweis']}" if "hinweis" in s else ""))
    return "\n".join(zeilen)


def main() -> int:
    bericht: dict = {"zeitpunkt": datetime.now().isoformat(timespec="seconds"), "rechner": platform.platform(),
                     "kerne": os.cpu_count(), "last": os.getloadavg(), "groessen": []}
    if ARGS.nur_sprachen:
        with tempfile.TemporaryDirectory(prefix="ik-bench-") as tmp:
            bericht["sprachen"] = [sprachen_messen(anzahl, Path(tmp)) for anzahl in (None, *ARGS.groessen)]
        bericht["last_danach"] = os.getloadavg()
        ERGEBNIS.write_text(json.dumps(bericht, ensure_ascii=False, indent=2), encoding="utf-8")
        print(sprachen_tabelle(bericht["sprachen"]))
        print(f"\nJSON: {ERGEBNIS.relative_to(REPO)}")
        return 0
    with tempfile.TemporaryDirectory(prefix="ik-bench-") as tmp:
        arbeit = Path(tmp)
        for anzahl in ARGS.groessen:
            bericht["groessen"].append(groesse_messen(anzahl, arbeit))
            ERGEBNIS.write_text(json.dumps(bericht, ensure_ascii=False, indent=2), encoding="utf-8")  # so far
        rss = [(g["massnahmen"], g["build"]["rss_mb"]) for g in bericht["groessen"] if g["build"]["rss_mb"]]
        bericht["speicher_je_massnahme_kb"] = [round((r2 - r1) * 1024 / (n2 - n1), 1)
                                               for (n1, r1), (n2, r2) in zip(rss, rss[1:], strict=False)]
        bericht["pdf"] = pdf_messen(ARGS.pdf_groesse, arbeit) if ARGS.pdf_groesse else None
        if ARGS.steuerung_groesse:
            bericht["steuerung"] = steuerung_messen(ARGS.steuerung_groesse)
        if not ARGS.ohne_serve:
            bericht["serve"] = [serve_messen(anzahl, arbeit) for anzahl in (None, *ARGS.serve_groessen)]
    bericht["last_danach"] = os.getloadavg()
    ERGEBNIS.write_text(json.dumps(bericht, ensure_ascii=False, indent=2), encoding="utf-8")
    print(tabelle(bericht))
    print(f"\nJSON: {ERGEBNIS.relative_to(REPO)}")
    return 0


def argumente(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groessen", default="100,1000,10000",
                        type=lambda t: [int(x) for x in t.split(",")], help="Anzahlen von Maßnahmen")
    parser.add_argument("--pdf-groesse", type=int, default=2500, help="Maßnahmen im PDF-Test (0: kein PDF)")
    parser.add_argument("--wiederholungen", type=int, default=2, help="Bauläufe je Art (der schnellste zählt)")
    parser.add_argument("--ohne-serve", action="store_true", help="ohne Messung von mkdocs serve")
    parser.add_argument("--serve-groessen", default="1000,10000", type=lambda t: [int(x) for x in t.split(",") if x],
                        help="Anzahlen von Maßnahmen für mkdocs serve (die echten Daten immer)")
    parser.add_argument("--ohne-lighthouse", action="store_true", help="ohne Lighthouse")
    parser.add_argument("--nur-sprachen", action="store_true",
                        help="nur den Bau mit und ohne Übersetzungen vergleichen (echte Daten und --groessen)")
    parser.add_argument("--steuerung-groesse", type=int, default=1000,
                        help="Maßnahmen für den Anteil der Steuerungsansichten am Bau (0: nicht messen)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--miss":
        miss(sys.argv[2], sys.argv[sys.argv.index("--") + 1:])
    elif len(sys.argv) == 5 and sys.argv[1] == "--vorrendern":
        vorrendern(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        ARGS = argumente(sys.argv[1:])
        sys.exit(main())
