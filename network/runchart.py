"""Run charts for indicator values, with Anhøj's rules for non-random variation.

Pure functions: no database access. The SVG is rendered on the server and is styled by
``static/css/runchart.css``.
"""

import datetime
import math
import statistics
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from mentornett.formatting import short_date

MIN_POINTS = 10

# Geometry in viewBox units. The SVG scales to its container; with 18-unit text the labels
# stay at 12 px or more down to a 320 px wide chart.
WIDTH, HEIGHT = 480, 280
FONT_SIZE = 18
LEFT, RIGHT, TOP, BOTTOM = 60, 76, 40, 36
PLOT_LEFT, PLOT_RIGHT = LEFT, WIDTH - RIGHT
PLOT_TOP, PLOT_BOTTOM = TOP, HEIGHT - BOTTOM
INSET = 10  # keeps the first and last point off the axes
CHAR_WIDTH = 0.58 * FONT_SIZE  # rough average glyph width, for label placement
MILESTONE_CHARS = 18
MILESTONE_ROWS = 3
MILESTONE_ROW_HEIGHT = FONT_SIZE + 4
UNIT_CHARS = 20


@dataclass(frozen=True)
class ChartPoint:
    on: datetime.date
    value: float
    label: str
    baseline: bool = False


@dataclass(frozen=True)
class Milestone:
    on: datetime.date
    text: str


@dataclass(frozen=True)
class Signals:
    evaluated: bool
    useful_points: int
    longest_run: int
    run_limit: int | None
    crossings: int
    crossings_min: int | None
    shift: bool
    too_few_crossings: bool
    shift_indexes: frozenset[int]


@dataclass(frozen=True)
class RunChart:
    svg: SafeString
    centre: float | None
    signals: Signals


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    return float(statistics.median(values))


def run_limit(useful: int) -> int:
    """Longest run expected by chance; a longer run is a shift."""
    if useful < 1:
        raise ValueError("run_limit needs at least one useful point")
    return round(math.log2(useful) + 3)


def crossings_minimum(useful: int) -> int:
    """Lower 5 % quantile of Binomial(useful - 1, 0.5), like R's qbinom(0.05, n - 1, 0.5)."""
    if useful < 1:
        raise ValueError("crossings_minimum needs at least one useful point")
    trials = useful - 1
    total = 2**trials
    cumulative = 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        # P(X <= k) >= 0.05, in integers to stay exact.
        if cumulative * 20 >= total:
            return k
    return trials


def _on_centre(value: float, centre: float) -> bool:
    # A median averaged from two floats may differ from an equal data value in the last bit.
    return math.isclose(value, centre, rel_tol=1e-9, abs_tol=1e-12)


def anhoej(values: Sequence[float], centre: float) -> Signals:
    runs: list[tuple[bool, list[int]]] = []  # (above centre, indexes)
    for index, value in enumerate(values):
        if _on_centre(value, centre):
            continue
        above = value > centre
        if runs and runs[-1][0] == above:
            runs[-1][1].append(index)
        else:
            runs.append((above, [index]))
    useful = sum(len(indexes) for _, indexes in runs)
    longest = max((len(indexes) for _, indexes in runs), default=0)
    crossings = max(len(runs) - 1, 0)

    if len(values) < MIN_POINTS or useful == 0:
        return Signals(
            evaluated=len(values) >= MIN_POINTS,
            useful_points=useful,
            longest_run=longest,
            run_limit=None,
            crossings=crossings,
            crossings_min=None,
            shift=False,
            too_few_crossings=False,
            shift_indexes=frozenset(),
        )

    limit = run_limit(useful)
    minimum = crossings_minimum(useful)
    shift_indexes = frozenset(i for _, indexes in runs if len(indexes) > limit for i in indexes)
    return Signals(
        evaluated=True,
        useful_points=useful,
        longest_run=longest,
        run_limit=limit,
        crossings=crossings,
        crossings_min=minimum,
        shift=bool(shift_indexes),
        too_few_crossings=crossings < minimum,
        shift_indexes=shift_indexes,
    )


def centre_line(points: Sequence[ChartPoint]) -> float | None:
    baseline = [p.value for p in points if p.baseline]
    return median(baseline or [p.value for p in points])


def signal_messages(signals: Signals) -> list[str]:
    if not signals.evaluated:
        return [gettext("Signals are judged from %(count)s points.") % {"count": MIN_POINTS}]
    messages = []
    if signals.shift:
        messages.append(
            gettext(
                "A shift: %(count)s points in a row on the same side of the median "
                "(limit %(limit)s)."
            )
            % {"count": signals.longest_run, "limit": signals.run_limit}
        )
    if signals.too_few_crossings:
        messages.append(
            gettext("Too few crossings of the median: %(count)s (at least %(minimum)s expected).")
            % {"count": signals.crossings, "minimum": signals.crossings_min}
        )
    return messages or [gettext("No signs of non-random variation.")]


def render_run_chart(
    points: Sequence[ChartPoint],
    *,
    title: str,
    unit: str,
    milestones: Sequence[Milestone] = (),
    better: str = "higher",
) -> RunChart:
    """Render an accessible inline SVG run chart.

    Points are sorted by date first; ``signals.shift_indexes`` index that sorted order.
    """
    if better not in ("higher", "lower"):
        raise ValueError("better must be 'higher' or 'lower'")
    points = sorted(points, key=lambda p: p.on)
    if not points:
        return RunChart(svg=SafeString(""), centre=None, signals=anhoej([], 0.0))

    values = [p.value for p in points]
    centre = centre_line(points)
    signals = anhoej(values, centre)
    x_of, first, last = _x_scale([p.on for p in points] + [m.on for m in milestones])
    milestone_marks, band = _milestones(milestones, x_of)
    y_of, ticks, decimals = _y_scale(values, top=PLOT_TOP + band)

    chart_id = f"runchart-{uuid.uuid4().hex[:8]}"
    desc = _description(points, centre, unit, signals)
    parts = [
        format_html('<title id="{}-title">{}</title>', chart_id, title),
        format_html('<desc id="{}-desc">{}</desc>', chart_id, desc),
        _axes(ticks, y_of, decimals, unit, better),
        _date_labels(x_of, first, last),
        milestone_marks,
        _median(y_of(centre)),
        _series(points, signals.shift_indexes, x_of, y_of),
    ]
    svg = format_html(
        '<svg class="runchart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" font-size="{font}">{body}</svg>',
        id=chart_id,
        w=WIDTH,
        h=HEIGHT,
        font=FONT_SIZE,
        body=_join(parts),
    )
    return RunChart(svg=svg, centre=centre, signals=signals)


def _join(parts) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _num(value: float) -> str:
    """A coordinate for an SVG attribute: never localised."""
    return f"{value:.1f}"


def _format_value(value: float, decimals: int = 1) -> str:
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return number_format(int(rounded), 0)
    return number_format(rounded, decimals)


def _with_unit(value: float, unit: str) -> str:
    return f"{_format_value(value)}\u00a0{unit}" if unit else _format_value(value)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _description(points, centre, unit, signals) -> str:
    summary = ngettext(
        "%(count)s point; latest %(latest)s; median %(median)s.",
        "%(count)s points; latest %(latest)s; median %(median)s.",
        len(points),
    ) % {
        "count": len(points),
        "latest": points[-1].label,
        "median": _with_unit(centre, unit),
    }
    if not signals.evaluated:
        verdict = signal_messages(signals)[0]
    elif signals.shift or signals.too_few_crossings:
        verdict = gettext("Signs of non-random variation found.")
    else:
        verdict = gettext("No signs of non-random variation.")
    return f"{summary} {verdict}"


def _x_scale(dates: Sequence[datetime.date]):
    first, last = min(dates), max(dates)
    span = (last - first).days
    left, right = PLOT_LEFT + INSET, PLOT_RIGHT - INSET

    def x_of(day: datetime.date) -> float:
        if span == 0:
            return (left + right) / 2
        return left + (day - first).days / span * (right - left)

    return x_of, first, last


def _nice_step(span: float, intervals: int = 4) -> float:
    raw = span / intervals
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5):
        if raw <= factor * magnitude * (1 + 1e-9):
            return factor * magnitude
    return 10 * magnitude


def _y_scale(values: Sequence[float], top: float):
    low, high = min(values), max(values)
    # Start at zero when the data are non-negative and that at most halves the used height.
    from_zero = low >= 0 and low <= high / 2
    if from_zero:
        low = 0.0
    pad = (high - low) * 0.08 if high > low else (abs(high) * 0.1 or 1.0)
    if not from_zero:
        low -= pad
    high += pad

    step = _nice_step(high - low)
    low = math.floor(low / step + 1e-9) * step
    high = math.ceil(high / step - 1e-9) * step
    ticks = [low + i * step for i in range(round((high - low) / step) + 1)]
    decimals = 0
    while decimals < 6 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-9:
        decimals += 1

    def y_of(value: float) -> float:
        return PLOT_BOTTOM - (value - low) / (high - low) * (PLOT_BOTTOM - top)

    return y_of, ticks, decimals


def _axes(ticks, y_of, decimals, unit, better) -> SafeString:
    parts = []
    for tick in ticks:
        y = _num(y_of(tick))
        parts.append(
            format_html(
                '<line class="runchart__grid" x1="{}" x2="{}" y1="{y}" y2="{y}"/>'
                '<text class="runchart__text" x="{}" y="{y}" dy="0.35em" '
                'text-anchor="end">{}</text>',
                PLOT_LEFT,
                PLOT_RIGHT,
                PLOT_LEFT - 8,
                number_format(round(tick, decimals), decimals),
                y=y,
            )
        )
    parts.append(
        format_html(
            '<path class="runchart__axis" d="M{l} {t}V{b}H{r}" fill="none"/>',
            l=PLOT_LEFT,
            t=PLOT_TOP,
            b=PLOT_BOTTOM,
            r=PLOT_RIGHT,
        )
    )
    if unit:
        parts.append(
            format_html(
                '<text class="runchart__text" x="8" y="22">{}</text>',
                _truncate(unit, UNIT_CHARS),
            )
        )
    hint = gettext("Higher is better") if better == "higher" else gettext("Lower is better")
    parts.append(
        format_html(
            '<text class="runchart__text" x="{}" y="22" text-anchor="end">{}</text>',
            WIDTH - 8,
            hint,
        )
    )
    return _join(parts)


def _date_labels(x_of, first, last) -> SafeString:
    y = PLOT_BOTTOM + 26
    if first == last:
        return format_html(
            '<text class="runchart__text" x="{}" y="{}" text-anchor="middle">{}</text>',
            _num(x_of(first)),
            y,
            short_date(first),
        )
    return format_html(
        '<text class="runchart__text" x="{}" y="{y}">{}</text>'
        '<text class="runchart__text" x="{}" y="{y}" text-anchor="end">{}</text>',
        PLOT_LEFT,
        short_date(first),
        PLOT_RIGHT,
        short_date(last),
        y=y,
    )


def _milestones(milestones, x_of) -> tuple[SafeString, float]:
    """The milestone marks, and the height of the label band the data must stay below."""
    parts = []
    row_ends = [-math.inf] * MILESTONE_ROWS  # right edge of the last label in each row
    rows_used = 0
    for milestone in sorted(milestones, key=lambda m: m.on):
        x = x_of(milestone.on)
        short = _truncate(milestone.text, MILESTONE_CHARS)
        width = len(short) * CHAR_WIDTH
        # Labels run right of the line, or left of it near the right edge.
        if x + 4 + width <= WIDTH - 4:
            start, anchor, text_x = x + 4, "start", x + 4
        else:
            start, anchor, text_x = x - 4 - width, "end", x - 4
        row = next(
            (r for r, end in enumerate(row_ends) if end < start),
            min(range(MILESTONE_ROWS), key=row_ends.__getitem__),
        )
        row_ends[row] = start + width + 6
        rows_used = max(rows_used, row + 1)
        parts.append(
            format_html(
                "<g><title>{}: {}</title>"
                '<line class="runchart__milestone" x1="{x}" x2="{x}" y1="{}" y2="{}"/>'
                '<text class="runchart__text runchart__milestone-label" x="{}" y="{}" '
                'text-anchor="{}">{}</text></g>',
                short_date(milestone.on),
                milestone.text,
                PLOT_TOP,
                PLOT_BOTTOM,
                _num(text_x),
                PLOT_TOP + FONT_SIZE + row * MILESTONE_ROW_HEIGHT,
                anchor,
                short,
                x=_num(x),
            )
        )
    return _join(parts), (rows_used * MILESTONE_ROW_HEIGHT + 10 if rows_used else 0)


def _median(y: float) -> SafeString:
    return format_html(
        '<line class="runchart__median" x1="{}" x2="{}" y1="{y}" y2="{y}"/>'
        '<text class="runchart__text" x="{}" y="{y}" dy="0.35em">{}</text>',
        PLOT_LEFT,
        PLOT_RIGHT,
        PLOT_RIGHT + 6,
        gettext("Median"),
        y=_num(y),
    )


def _series(points, shift_indexes, x_of, y_of) -> SafeString:
    coords = [(_num(x_of(p.on)), _num(y_of(p.value))) for p in points]
    parts = []
    if len(points) > 1:
        parts.append(
            format_html(
                '<polyline class="runchart__line" fill="none" points="{}"/>',
                " ".join(f"{x},{y}" for x, y in coords),
            )
        )
    for index, (point, (x, y)) in enumerate(zip(points, coords, strict=True)):
        tooltip = f"{short_date(point.on)}: {point.label}"
        if index in shift_indexes:
            # A diamond, so a shift is visible without relying on colour.
            parts.append(
                format_html(
                    '<path class="runchart__point runchart__point--signal" '
                    'd="M{x} {top}L{right} {y}L{x} {bottom}L{left} {y}Z"><title>{}</title></path>',
                    tooltip,
                    x=x,
                    y=y,
                    top=_num(float(y) - 8),
                    bottom=_num(float(y) + 8),
                    left=_num(float(x) - 8),
                    right=_num(float(x) + 8),
                )
            )
        else:
            parts.append(
                format_html(
                    '<circle class="runchart__point" cx="{}" cy="{}" r="5">'
                    "<title>{}</title></circle>",
                    x,
                    y,
                    tooltip,
                )
            )
    return _join(parts)
