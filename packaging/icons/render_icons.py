"""Render the app icon (resources/icons/capnum.svg, the same as the window icon) for the installers.

PNGs for Linux desktops, capnum.ico (Windows), a macOS .iconset. Run after editing the SVG:
`uv run python packaging/icons/render_icons.py` (Qt renders the SVG; ImageMagick's `convert` packs the .ico).
On macOS the iconset becomes capnum.icns with `iconutil -c icns capnum.iconset` (build_macos.sh does it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1] / "resources" / "icons" / "capnum.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage/QPainter need an application)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} does not parse")
    png_dir = HERE / "png"
    png_dir.mkdir(exist_ok=True)
    for size in SIZES:
        render(renderer, size, png_dir / f"capnum-{size}.png")
    iconset = HERE / "capnum.iconset"  # names iconutil expects
    shutil.rmtree(iconset, ignore_errors=True)
    iconset.mkdir()
    for size in (16, 32, 128, 256, 512):
        render(renderer, size, iconset / f"icon_{size}x{size}.png")
        render(renderer, size * 2, iconset / f"icon_{size}x{size}@2x.png")
    ico_sizes = [png_dir / f"capnum-{s}.png" for s in (16, 24, 32, 48, 64, 128, 256)]
    subprocess.run(["convert", *map(str, ico_sizes), str(HERE / "capnum.ico")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
