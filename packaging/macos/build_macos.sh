#!/usr/bin/env bash
# Build CapNum.app and a .dmg on macOS 12+ (run from anywhere; one machine per architecture: arm64 or x86_64).
#   bash packaging/macos/build_macos.sh                  unsigned, for a local try
#   CAPNUM_CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" CAPNUM_NOTARY_PROFILE=capnum-notary \
#     bash packaging/macos/build_macos.sh                signed, notarized, stapled (what users download)
# The notary profile is stored once with:
#   xcrun notarytool store-credentials capnum-notary --apple-id ID --team-id TEAMID --password APP_SPECIFIC_PW
# Needs: uv, Xcode command-line tools (iconutil, codesign, notarytool, stapler, hdiutil). Details: docs/installers.md
set -euo pipefail
cd "$(dirname "$0")/../.."
iconutil -c icns packaging/icons/capnum.iconset -o packaging/icons/capnum.icns
# The spec's BUNDLE step makes build/dist/CapNum.app; with CAPNUM_CODESIGN_IDENTITY set, PyInstaller signs every
# binary (hardened runtime, packaging/macos/entitlements.plist) and the .app itself.
uv run --locked --group packaging pyinstaller --noconfirm --distpath build/dist --workpath build/pyinstaller \
  packaging/capnum.spec
VERSION=$(uv run --locked python -c 'from importlib.metadata import version; print(version("capnum-desktop"))')
APP=build/dist/CapNum.app
"$APP/Contents/MacOS/capnum" --version
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/capnum-desktop" --self-test --data-dir "$(mktemp -d)"
DMG="build/dist/capnum-desktop-$VERSION-macos-$(uname -m).dmg"
NOTARIZE=""
if [ -n "${CAPNUM_CODESIGN_IDENTITY:-}" ]; then
  codesign --verify --deep --strict --verbose=2 "$APP"
  NOTARIZE="${CAPNUM_NOTARY_PROFILE:-}"
fi
# Staple the .app itself (not only the .dmg): field laptops are often offline when CapNum first opens, and
# Gatekeeper can only check an unstapled app online.
if [ -n "$NOTARIZE" ]; then
  ditto -c -k --keepParent "$APP" build/dist/CapNum-notarize.zip
  xcrun notarytool submit build/dist/CapNum-notarize.zip --keychain-profile "$NOTARIZE" --wait
  xcrun stapler staple "$APP"
  rm build/dist/CapNum-notarize.zip
fi
rm -f "$DMG"
hdiutil create -volname "CapNum Desktop" -srcfolder "$APP" -ov -format UDZO "$DMG"
if [ -n "$NOTARIZE" ]; then
  codesign --sign "$CAPNUM_CODESIGN_IDENTITY" --timestamp "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARIZE" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type execute --verbose "$APP"
fi
echo "built $DMG"
