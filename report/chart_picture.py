"""The year-over-year chart as a PNG picture at print resolution, for the Word file and the web page.

Drawn with matplotlib from report.printed.chart's figures, as the PDF draws them: grouped bars per
category, each labelled with its value, the legend of years under the title, 「单位：条」 above
the value axis. The text uses the font of the PDF's table role, so every character has a glyph.
"""

from __future__ import annotations

import io
from functools import lru_cache

from report.printed.chart import ChartData

WIDTH_MM = 156.0  # the 版心's width, as in the PDF
HEIGHT_MM = 80.0
DPI = 300
FONT_SIZE = 9.0
TITLE_SIZE = 12.0
COLOURS = ("#a6bad9", "#527ab3", "#cc8c4d", "#8cb373", "#999999")


def _font_path(data: ChartData, font_files: dict | None) -> str:
    """The first font of the table role's chain that has every character of the chart."""
    from report.pdf import fonts as fontsel

    chars = set("".join(data.texts()))
    chain = fontsel.select(font_files).chain("table")
    best = max(chain, key=lambda f: (sum(f.has(c) for c in chars), -chain.index(f)))
    return str(best.path)


def png(data: ChartData, font_files: dict | None = None) -> bytes:
    """The chart as PNG bytes (156 × 80 mm at 300 dpi)."""
    return _png(data, _font_path(data, font_files))


@lru_cache(maxsize=8)
def _png(data: ChartData, font_path: str) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=font_path, size=FONT_SIZE)
    title_font = FontProperties(fname=font_path, size=TITLE_SIZE)
    fig = Figure(figsize=(WIDTH_MM / 25.4, HEIGHT_MM / 25.4), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.07, 0.16, 0.91, 0.62))
    n_years, n_cats = len(data.years), len(data.categories)
    width = 0.8 / n_years
    top = max((v for row in data.values for v in row if v), default=1)
    for i, (year, row) in enumerate(zip(data.years, data.values, strict=True)):
        xs = [c - 0.4 + width * (i + 0.5) for c in range(n_cats)]
        heights = [v or 0 for v in row]
        bars = ax.bar(xs, heights, width * 0.92, color=COLOURS[i % len(COLOURS)], label=year, zorder=2)
        ax.bar_label(bars, labels=["" if v is None else str(v) for v in row], padding=2, fontproperties=font)
    slot_mm = WIDTH_MM * 0.91 / n_cats
    per_line = max(2, int(slot_mm / (FONT_SIZE * 25.4 / 72)) - 1)
    labels = ["\n".join(c[i:i + per_line] for i in range(0, len(c), per_line)) for c in data.categories]
    ax.set_xticks(range(n_cats), labels, fontproperties=font)
    for label in ax.get_yticklabels():
        label.set_fontproperties(font)
    ax.set_ylim(0, top * 1.2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#d9d9d9", zorder=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(data.unit, loc="left", fontproperties=font, pad=4)
    fig.suptitle(data.title, fontproperties=title_font, y=0.98)
    fig.legend(loc="upper center", bbox_to_anchor=(0.5, 0.905), ncols=n_years, frameon=False, prop=font)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()
