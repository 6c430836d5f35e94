"""The analysts' HTML report: one chart per province (national trajectory against the plan's
schedule) with the diff rows under it, then the findings. Charts are inline SVG from
matplotlib, so the file opens offline in any browser and can be mailed as is."""

from __future__ import annotations

import io
import math
from itertools import groupby
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from jinja2 import Environment, FileSystemLoader, select_autoescape

from pipeline.messages import label, language, t
from schemas.analysis import DiffRow, Finding

TEMPLATES = Path(__file__).parent / "templates"


def _chart(rows: list[DiffRow]) -> str:
    """SVG: national cumulative count per year against the plan's committed count."""
    years = [r.year for r in rows if r.year is not None]  # the caller charts only rows with a year
    national = [math.nan if r.national_count is None else r.national_count for r in rows]  # a gap, as None was
    fig, ax = plt.subplots(figsize=(6.4, 3.0), dpi=100)
    ax.plot(years, national, marker="o", label=t("report.chart.national", reference=rows[0].reference))
    # NaN where the plan states no figure: matplotlib breaks the line there instead of joining the
    # stated years across it (the web chart draws the same way)
    planned = [math.nan if r.plan_count is None else r.plan_count for r in rows]
    if any(r.plan_count is not None for r in rows):
        ax.plot(years, planned, marker="s", linestyle="--", label=t("report.chart.plan", plan=rows[0].plan), gid="plan")
    ax.set_xlabel(t("report.chart.year"))
    ax.set_ylabel(t("report.chart.wards"))
    ax.set_xticks(years)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]


def render(rows: list[DiffRow], findings: list[Finding]) -> str:
    """The report's HTML: one section per (plan, province) run of consecutive diff rows, with a chart when the rows
    have years, then the findings."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.globals.update(t=t, label=label, lang=language())
    sections = []
    for (plan, province), grouped in groupby(rows, key=lambda r: (r.plan, r.province)):
        group = list(grouped)
        charted = [r for r in group if r.year is not None]
        planned = any(r.plan_count is not None for r in group)
        sections.append(
            {
                "plan": plan,
                "province": province,
                "locality": group[0].locality,
                "reference": group[0].reference,
                "rows": group,
                "chart": _chart(charted) if charted else None,
                "no_plan_line": bool(charted) and not planned,
            }
        )
    return env.get_template("report.html").render(sections=sections, findings=findings)


def write(path: Path, rows: list[DiffRow], findings: list[Finding]) -> Path:
    """Write the HTML report to ``path`` as one self-contained UTF-8 file and return the path."""
    path.write_text(render(rows, findings), encoding="utf-8")
    return path
