#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball, from a clean clone, with one command:
#
#     bash packaging/build_linux.sh
#
# Output (build/ is git-ignored):
#   build/dist/CapNum/                                  capnum-desktop (GUI), capnum (CLI), _internal/, share/
#   build/dist/capnum-desktop-VERSION-linux-ARCH.tar.gz the same folder as CapNum-VERSION/, for download
# Needs: uv (README) and binutils (PyInstaller's objcopy). Build on the oldest glibc to support: the bundle runs
# on glibc >= the build machine's (Debian 12: 2.36).
# Options (environment): CAPNUM_BUILD_DIR=build  CAPNUM_NO_TARBALL=1 (skip the tarball, e.g. in CI)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CAPNUM_BUILD_DIR:-build}"
DIST="$BUILD_DIR/dist"
BUNDLE="$DIST/CapNum"
started=$(date +%s)
command -v objcopy >/dev/null || { echo "build_linux.sh: objcopy not found: install binutils" >&2; exit 2; }

# 1. The locked environment plus the `packaging` group (PyInstaller); `uv run` syncs without removing anything.
uv run --locked --group packaging python -c "import PyInstaller" >/dev/null
VERSION=$(uv run --locked python -c 'from importlib.metadata import version; print(version("capnum-desktop"))')
echo "CapNum Desktop $VERSION: building $BUNDLE"

# 2. The one-folder bundle (the spec says what goes in and why).
uv run --locked --group packaging pyinstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD_DIR/pyinstaller" packaging/capnum.spec

# 3. Desktop integration files beside the programs (installed by share/install-desktop-entry.sh, optional).
mkdir -p "$BUNDLE/share/applications" "$BUNDLE/share/metainfo" "$BUNDLE/share/icons/hicolor/scalable/apps"
cp packaging/linux/org.capnum.CapNumDesktop.desktop "$BUNDLE/share/applications/"
cp packaging/linux/org.capnum.CapNumDesktop.metainfo.xml "$BUNDLE/share/metainfo/"
cp resources/icons/capnum.svg "$BUNDLE/share/icons/hicolor/scalable/apps/org.capnum.CapNumDesktop.svg"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$BUNDLE/share/icons/hicolor/${size}x${size}/apps"
  cp "packaging/icons/png/capnum-$size.png" "$BUNDLE/share/icons/hicolor/${size}x${size}/apps/org.capnum.CapNumDesktop.png"
done
install -m 755 packaging/linux/install-desktop-entry.sh "$BUNDLE/share/install-desktop-entry.sh"
cp packaging/linux/README-linux.txt "$BUNDLE/README.txt"

# 4. Quick smoke check of the built programs (the full proof is tests/packaging/test_frozen_bundle.py).
"$BUNDLE/capnum" --version
QT_QPA_PLATFORM=offscreen "$BUNDLE/capnum-desktop" --version

# 5. The tarball: stable order, no owner names, file times from the last commit (reproducible enough to diff).
if [ -z "${CAPNUM_NO_TARBALL:-}" ]; then
  TARBALL="$DIST/capnum-desktop-$VERSION-linux-$(uname -m).tar.gz"
  EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" \
    --transform "s,^CapNum,CapNum-$VERSION," -C "$DIST" -cf - CapNum | gzip -6 -n > "$TARBALL.part"
  mv "$TARBALL.part" "$TARBALL"
  echo "tarball: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
fi
echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)), built in $(( $(date +%s) - started )) s"
