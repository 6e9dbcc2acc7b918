"""The year-over-year bar chart in the PDF, drawn from report.printed.chart's figures.

Grouped bars per category with labelled values and a legend placed above the plot, where it
cannot cover a bar.
"""

from __future__ import annotations

from report.pdf import stylesheet as ss
from report.printed.chart import ChartData


def _font(fonts, texts) -> str:
    """The first font of the table role that has every character of the chart."""
    return fonts.best_for("table", "".join(texts)).name


def _wrap(label: str, per_line: int) -> str:
    return "\n".join(label[i:i + per_line] for i in range(0, len(label), per_line))


def _step(top: int) -> int:
    """A whole-number tick step giving about five gridlines (1, 2, 5, 10, 20, 50 …)."""
    step = 1
    while top / step > 6:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return step


def drawing(data: ChartData, fonts, height: float = ss.CHART_HEIGHT):
    """The chart, ``height`` high and exactly as wide as the text block; its title and unit are
    the caption below it (flow.py), so only the legend is drawn above the plot.

    Its legend and bars are laid out into plain shapes once per chart and height and kept with
    the fonts: placing bars, ticks and labels is most of the time drawing it takes."""
    key = ("chart", data, height)
    d = fonts.memo.get(key)
    if d is None:
        d = fonts.memo[key] = _drawing(data, fonts, height)
        d.contents = [_shapes(n) for n in d.contents]  # the widgets stay alive until all are laid out
    return d


def _shapes(node):
    """The node with every widget in it replaced by the shapes it draws, as the renderer would."""
    from reportlab.graphics.shapes import Group, UserNode

    while isinstance(node, UserNode):
        node = node.provideNode()
    if isinstance(node, Group):
        node.contents = [_shapes(n) for n in node.contents]
    return node


def _drawing(data: ChartData, fonts, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import Color
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _font(fonts, data.texts())
    size = ss.SIZE_CHART
    w, h = ss.CHART_WIDTH, height
    d = Drawing(w, h)
    d.initialFontName, d.initialFontSize = font, size  # the renderer's first font (else a stray Helvetica)
    title_y = h

    colours = [Color(*ss.CHART_COLOURS[i % len(ss.CHART_COLOURS)]) for i in range(len(data.years))]
    legend = Legend()
    legend.fontName, legend.fontSize = font, size
    legend.alignment = "right"
    legend.columnMaximum = 1  # one row: every year side by side
    legend.boxAnchor = "n"
    legend.x, legend.y = w / 2, title_y - 0.8 * size
    legend.dx = legend.dy = size
    legend.deltax = 4 * size
    legend.colorNamePairs = list(zip(colours, data.years, strict=True))
    d.add(legend)

    top = max((v for row in data.values for v in row if v), default=1)
    step = _step(top)
    value_max = (top // step + 1) * step  # room above the tallest bar for its label
    chart = VerticalBarChart()
    axis_labels = stringWidth(str(value_max), font, size)  # the widest tick label stays in the block
    chart.x, chart.y = axis_labels + size, 4 * size
    chart.width = w - chart.x - size
    chart.height = legend.y - 3 * size - chart.y
    chart.data = [list(row) for row in data.values]
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for i, c in enumerate(colours):
        chart.bars[i].fillColor = c
        chart.bars[i].strokeColor = None
    per_line = max(2, int(chart.width / len(data.categories) / size) - 1)
    chart.categoryAxis.categoryNames = [_wrap(c, per_line) for c in data.categories]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.leading = size * 1.2
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = size
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = Color(0.85, 0.85, 0.85)
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = value_max
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = size
    chart.barLabels.nudge = 0.6 * size
    d.add(chart)
    return d
