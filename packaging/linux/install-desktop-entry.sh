#!/bin/sh
# Add CapNum Desktop to this user's application menu (no root needed), pointing at this unpacked folder.
# Usage: share/install-desktop-entry.sh [--uninstall]     (run again after moving the folder)
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
ID=org.capnum.CapNumDesktop
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$DATA/applications/$ID.desktop"
  find "$DATA/icons/hicolor" -name "$ID.*" -delete 2>/dev/null || true
  echo "CapNum Desktop removed from the menu (the folder $HERE and your data are untouched)."
  exit 0
fi
mkdir -p "$DATA/applications"
cp -R "$HERE/share/icons" "$DATA/"
# Absolute program path: the folder lives wherever the user unpacked it, not on PATH.
sed -e "s|^Exec=.*|Exec=\"$HERE/capnum-desktop\"|" -e "s|^TryExec=.*|TryExec=$HERE/capnum-desktop|" \
  "$HERE/share/applications/$ID.desktop" > "$DATA/applications/$ID.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$DATA/icons/hicolor" || true
echo "CapNum Desktop added to the application menu ($DATA/applications/$ID.desktop)."
