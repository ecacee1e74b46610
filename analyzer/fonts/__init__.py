"""DejaVu Sans, shipped with the package (free licence, see LICENSE-DejaVu.txt) so PDFs we write
are Unicode-safe on any machine: bullets, dashes and accented names included."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent


def font_path(bold: bool = False) -> Path:
    return FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
