/* Filters and sorting for "Alle Maßnahmen" (the overview). Our own script, no library, nothing from elsewhere.
 *
 * Without JavaScript the page shows the complete table. This script
 *  - shows the form (it carries `hidden` in the HTML),
 *  - filters by Handlungsfeld, status, lead and search word, and sorts,
 *  - announces the number of hits in #ik-treffer (role="status", aria-live="polite"),
 *  - keeps the state in the address (?feld=…&status=…&federfuehrung=…&suche=…&sortierung=…), so that a filtered
 *    view can be shared as a link. (Material's search uses q and h already.)
 *
 * Data source: normally the script reads the table's rows (data-id, data-feld, data-status, data-federfuehrung,
 * data-beginn, data-suche). When the container carries data-daten-url (a page that shows only part of the rows,
 * for a very long catalogue), it loads that JSON file instead (massnahmen/zeilen.json, same origin): the same
 * rows as the server renders them (macros/darstellung/uebersicht.py, `zeile`), whose cells it builds as soon as
 * someone filters. Links in the cells are paths below the site root; data-wurzel is the page's way there.
 */
(function () {
  "use strict";

  var FELDER = ["feld", "status", "federfuehrung", "hinweis", "suche", "sortierung"];

  function normal(text) {
    return (text || "").toLocaleLowerCase("de-DE").replace(/\s+/g, " ").trim();
  }

  function anzahlText(treffer, gesamt) {
    var wort = gesamt === 1 ? "Maßnahme" : "Maßnahmen";
    if (treffer === gesamt) return gesamt + " " + wort;
    return treffer + " von " + gesamt + " " + wort;
  }

  /* The index of the column whose header sorts by this key (data-spalte), e.g. "titel". */
  function spalte(tabelle, schluessel) {
    var koepfe = Array.prototype.slice.call(tabelle.tHead.rows[0].cells);
    return koepfe.findIndex(function (th) { return th.getAttribute("data-spalte") === schluessel; });
  }

  /* One entry per measure from a row of the table. */
  function ausZeile(spalten, zeile, index) {
    return {
      zeile: zeile, index: index, id: zeile.getAttribute("data-id"), feld: zeile.getAttribute("data-feld"),
      status: zeile.getAttribute("data-status"), federfuehrung: zeile.getAttribute("data-federfuehrung"),
      beginn: zeile.getAttribute("data-beginn") || "", suche: zeile.getAttribute("data-suche") || "",
      hinweise: zeile.getAttribute("data-hinweise") || "", titel: normal(zeile.cells[spalten.titel].textContent),
      stelle: normal(zeile.cells[spalten.federfuehrung].textContent)
    };
  }

  /* One entry per measure from zeilen.json; its row is built when it is needed. */
  function ausJson(spalten, x, index) {
    return {
      zeile: null, index: index, id: x.id, feld: x.feld, status: x.status, federfuehrung: x.federfuehrung,
      beginn: x.beginn || "", suche: x.suche || "", hinweise: x.hinweise || "",
      titel: normal(x.zellen[spalten.titel].text),
      stelle: normal(x.zellen[spalten.federfuehrung].text), zellen: x.zellen
    };
  }

  /* The row of a JSON entry, cell by cell as templates/massnahmen_tabelle.html writes it; textContent only,
     never innerHTML. */
  function baueZeile(e, wurzel) {
    var tr = document.createElement("tr");
    ["id", "feld", "status", "federfuehrung", "beginn", "suche", "hinweise"].forEach(function (name) {
      tr.setAttribute("data-" + name, e[name]);
    });
    e.zellen.forEach(function (z) {
      var td = document.createElement("td");
      if (z.klasse) td.className = z.klasse;
      var innen = td;
      if (z.link) {
        innen = document.createElement("a");
        innen.setAttribute("href", wurzel + z.link);
      } else if (z.marke) {
        innen = document.createElement("span");
        innen.className = z.marke;
      }
      innen.textContent = z.text;
      if (innen !== td) td.appendChild(innen);
      tr.appendChild(td);
    });
    return tr;
  }

  function vergleicher(sortierung, reihenfolge) {
    var rang = function (liste, wert) { var i = liste.indexOf(wert); return i < 0 ? liste.length : i; };
    var text = function (a, b) { return a.localeCompare(b, "de-DE", { numeric: true }); };
    var nachIndex = function (a, b) { return a.index - b.index; };
    var regeln = {
      nr: nachIndex,
      titel: function (a, b) { return text(a.titel, b.titel) || nachIndex(a, b); },
      feld: function (a, b) { return rang(reihenfolge.feld, a.feld) - rang(reihenfolge.feld, b.feld) || nachIndex(a, b); },
      status: function (a, b) { return rang(reihenfolge.status, a.status) - rang(reihenfolge.status, b.status) || nachIndex(a, b); },
      federfuehrung: function (a, b) { return text(a.stelle, b.stelle) || nachIndex(a, b); },
      // Without a beginning: last.
      beginn: function (a, b) { return text(a.beginn || "9999", b.beginn || "9999") || nachIndex(a, b); }
    };
    return regeln[sortierung] || regeln.nr;
  }

  function starte(container) {
    var formular = container.querySelector("form.ik-filter");
    var tabelle = container.querySelector("table");
    var tbody = tabelle.tBodies[0];
    var ausgabe = container.querySelector("#ik-treffer");
    var keine = container.querySelector(".ik-keine-treffer");
    var gesamt = parseInt(container.getAttribute("data-gesamt"), 10);
    var reihenfolge = {
      feld: (container.getAttribute("data-feld-reihenfolge") || "").split(" "),
      status: (container.getAttribute("data-status-reihenfolge") || "").split(" ")
    };
    var steuer = {};
    FELDER.forEach(function (name) { steuer[name] = formular.elements[name]; });
    var spalten = { titel: spalte(tabelle, "titel"), federfuehrung: spalte(tabelle, "federfuehrung") };
    var wurzel = container.getAttribute("data-wurzel") || "";
    var eintraege = Array.prototype.map.call(tbody.querySelectorAll("tr[data-id]"), function (zeile, index) {
      return ausZeile(spalten, zeile, index);
    });
    var datenUrl = container.getAttribute("data-daten-url");
    var geladen = !datenUrl;
    var wartet = null;

    function zustand() {
      var z = {};
      FELDER.forEach(function (name) { z[name] = steuer[name].value; });
      return z;
    }

    function passt(e, z) {
      if (z.feld && e.feld !== z.feld) return false;
      if (z.status && e.status !== z.status) return false;
      if (z.federfuehrung && e.federfuehrung !== z.federfuehrung) return false;
      if (z.hinweis && (" " + e.hinweise + " ").indexOf(" " + z.hinweis + " ") < 0) return false;
      var woerter = normal(z.suche).split(" ").filter(Boolean);
      for (var i = 0; i < woerter.length; i++) {
        if (e.suche.indexOf(woerter[i]) < 0) return false;
      }
      return true;
    }

    function schreibeAdresse(z) {
      var url = new URL(window.location.href);
      FELDER.forEach(function (name) {
        var leer = !z[name] || (name === "sortierung" && z[name] === "nr");
        if (leer) url.searchParams.delete(name); else url.searchParams.set(name, z[name]);
      });
      if (url.href !== window.location.href) window.history.replaceState(null, "", url.href);
    }

    function zeige() {
      var z = zustand();
      var treffer = eintraege.filter(function (e) { return passt(e, z); });
      treffer.sort(vergleicher(z.sortierung, reihenfolge));
      if (geladen && datenUrl) {
        // From JSON: the table shows exactly the hits.
        var neu = document.createDocumentFragment();
        treffer.forEach(function (e) { neu.appendChild(e.zeile || (e.zeile = baueZeile(e, wurzel))); });
        tbody.replaceChildren(neu);
      } else {
        var sichtbar = {};
        treffer.forEach(function (e) { sichtbar[e.id] = true; tbody.appendChild(e.zeile); });
        eintraege.forEach(function (e) { e.zeile.hidden = !sichtbar[e.id]; });
      }
      Array.prototype.forEach.call(tabelle.tHead.rows[0].cells, function (th) {
        if (th.getAttribute("data-spalte") === (z.sortierung || "nr")) th.setAttribute("aria-sort", "ascending");
        else th.removeAttribute("aria-sort");
      });
      keine.hidden = treffer.length !== 0;
      ausgabe.textContent = anzahlText(treffer.length, geladen ? eintraege.length : gesamt);
      schreibeAdresse(z);
    }

    function ladeUndZeige() {
      if (geladen) { zeige(); return; }
      ausgabe.textContent = "Alle Maßnahmen werden geladen …";
      fetch(new URL(datenUrl, window.location.href).href, { credentials: "same-origin" })
        .then(function (antwort) {
          if (!antwort.ok) throw new Error(antwort.status);
          return antwort.json();
        })
        .then(function (dokument) {
          eintraege = dokument.zeilen.map(function (x, index) { return ausJson(spalten, x, index); });
          geladen = true;
          zeige();
        })
        .catch(function () {
          ausgabe.textContent = "Die vollständige Liste konnte nicht geladen werden. Die Tabelle zeigt einen Ausschnitt.";
        });
    }

    // The state from the address: only values the selects offer.
    var parameter = new URL(window.location.href).searchParams;
    FELDER.forEach(function (name) {
      var wert = parameter.get(name);
      if (wert === null) return;
      var feld = steuer[name];
      if (feld.tagName === "SELECT") {
        var gibtEs = Array.prototype.some.call(feld.options, function (o) { return o.value === wert; });
        if (gibtEs) feld.value = wert;
      } else {
        feld.value = wert.slice(0, 200);
      }
    });

    formular.hidden = false;
    formular.addEventListener("submit", function (ereignis) { ereignis.preventDefault(); ladeUndZeige(); });
    formular.addEventListener("change", ladeUndZeige);
    formular.addEventListener("input", function (ereignis) {
      if (ereignis.target !== steuer.suche) return;
      window.clearTimeout(wartet);
      wartet = window.setTimeout(ladeUndZeige, 250);
    });
    formular.addEventListener("reset", function () { window.setTimeout(ladeUndZeige, 0); });

    var gefiltert = FELDER.some(function (name) { return parameter.get(name); });
    if (gefiltert) ladeUndZeige();
  }

  function los() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ik-filter]"), starte);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", los);
  else los();
})();
