/* Filter und Sortierung für "Alle Maßnahmen" (massnahmen/). Eigenes Skript, keine Bibliothek, nichts von außen.
 *
 * Ohne JavaScript zeigt die Seite die vollständige Tabelle. Dieses Skript
 *  - zeigt das Formular (es trägt im HTML `hidden`),
 *  - filtert nach Handlungsfeld, Status, Federführung und Suchwort und sortiert,
 *  - meldet die Trefferzahl im Bereich #ik-treffer (role="status", aria-live="polite"),
 *  - hält den Zustand in der Adresse (?feld=…&status=…&federfuehrung=…&suche=…&sortierung=…), damit man eine
 *    gefilterte Ansicht als Link teilen kann. (q und h benutzt schon die Suche von Material.)
 *
 * Datenquelle: Normalerweise liest das Skript die Zeilen der Tabelle (Attribute data-id, data-feld, data-status,
 * data-federfuehrung, data-beginn, data-suche). Trägt der Container ein Attribut data-daten-url (eine Seite, die nur
 * einen Ausschnitt der Zeilen zeigt, etwa bei sehr vielen Maßnahmen), lädt es stattdessen diese JSON-Datei
 * (daten/massnahmen.json, gleiche Herkunft) und baut die Zeilen selbst, sobald jemand filtert.
 */
(function () {
  "use strict";

  var FELDER = ["feld", "status", "federfuehrung", "suche", "sortierung"];

  function normal(text) {
    return (text || "").toLocaleLowerCase("de-DE").replace(/\s+/g, " ").trim();
  }

  function anzahlText(treffer, gesamt) {
    var wort = gesamt === 1 ? "Maßnahme" : "Maßnahmen";
    if (treffer === gesamt) return gesamt + " " + wort;
    return treffer + " von " + gesamt + " " + wort;
  }

  /* Ein Eintrag je Maßnahme aus einer vorhandenen Tabellenzeile. */
  function ausZeile(zeile, index) {
    var zellen = zeile.cells;
    return {
      zeile: zeile,
      index: index,
      id: zeile.getAttribute("data-id"),
      feld: zeile.getAttribute("data-feld"),
      status: zeile.getAttribute("data-status"),
      federfuehrung: zeile.getAttribute("data-federfuehrung"),
      beginn: zeile.getAttribute("data-beginn") || "",
      titel: normal(zellen[1].textContent),
      stelle: normal(zellen[4].textContent),
      suche: normal(zeile.textContent + " " + (zeile.getAttribute("data-suche") || ""))
    };
  }

  /* Ein Eintrag je Maßnahme aus massnahmen.json; die Zeile entsteht erst, wenn sie gebraucht wird. */
  function ausJson(dokument, seitenWurzel) {
    var v = dokument.verzeichnisse;
    return dokument.massnahmen.map(function (x, index) {
      var stelle = v.stellen[x.federfuehrung] || x.federfuehrung;
      var suche = [x.id, x.titel, v.handlungsfelder[x.handlungsfeld], v.status[x.status], stelle, x.beschreibung,
        x.ziel].concat(x.zielgruppe || []).concat((x.partner || []).map(function (p) { return v.stellen[p] || p; }));
      return {
        zeile: null, index: index, id: x.id, feld: x.handlungsfeld, status: x.status,
        federfuehrung: x.federfuehrung, beginn: x.beginn || "", titel: normal(x.titel), stelle: normal(stelle),
        suche: normal(suche.join(" ")), json: x, verzeichnisse: v, wurzel: seitenWurzel
      };
    });
  }

  function zelle(tr, text, klasse) {
    var td = document.createElement("td");
    if (klasse) td.className = klasse;
    if (text !== null) td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  /* Baut eine Zeile aus einem JSON-Eintrag; nur textContent, nie innerHTML. */
  function baueZeile(e) {
    var x = e.json, v = e.verzeichnisse;
    var tr = document.createElement("tr");
    zelle(tr, x.id, "ik-nr");
    var a = document.createElement("a");
    a.href = e.wurzel + "massnahmen/" + x.id.toLowerCase() + "/";
    a.textContent = x.titel;
    zelle(tr, null).appendChild(a);
    var marke = document.createElement("span");
    marke.className = "ik-status ik-status--" + x.status;
    marke.textContent = v.status[x.status] || x.status;
    zelle(tr, null).appendChild(marke);
    zelle(tr, v.handlungsfelder[x.handlungsfeld] || x.handlungsfeld);
    zelle(tr, v.stellen[x.federfuehrung] || x.federfuehrung);
    zelle(tr, v.beschlussstand[x.beschlussstand] || x.beschlussstand);
    zelle(tr, [x.beginn, x.ende].filter(Boolean).join(" bis ") || "offen");
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
      // Ohne Beginn ans Ende.
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
    var eintraege = Array.prototype.map.call(tbody.querySelectorAll("tr[data-id]"), ausZeile);
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
        // Aus JSON: Die Tabelle zeigt genau die Treffer.
        var neu = document.createDocumentFragment();
        treffer.forEach(function (e) { neu.appendChild(e.zeile || (e.zeile = baueZeile(e))); });
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
      var wurzel = new URL(datenUrl, window.location.href);
      fetch(wurzel.href, { credentials: "same-origin" })
        .then(function (antwort) {
          if (!antwort.ok) throw new Error(antwort.status);
          return antwort.json();
        })
        .then(function (dokument) {
          eintraege = ausJson(dokument, new URL("../", wurzel).href);
          geladen = true;
          zeige();
        })
        .catch(function () {
          ausgabe.textContent = "Die vollständige Liste konnte nicht geladen werden. Die Tabelle zeigt einen Ausschnitt.";
        });
    }

    // Zustand aus der Adresse übernehmen: nur Werte, die es in der Auswahl gibt.
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
