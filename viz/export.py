"""A take-away experiment: one self-contained HTML file with a page's text, settings and figures.

plotly.js is inlined once (the plotly package's own copy, so the file opens offline), every
figure keeps its animation frames and play controls, and nothing is fetched from the network.
Pure: strings and figure dicts in, HTML text out.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import plotly

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

STYLE = """
body { font-family: "Noto Sans KR", "Noto Sans CJK KR", "Source Sans Pro", system-ui,
  sans-serif; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; color: #262730; }
h1 { font-size: 2rem; margin-bottom: 0.5rem; }
.intro { background: #eef3fc; border-radius: 0.5rem; padding: 0.8rem 1rem; line-height: 1.5; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { padding: 0.25rem 0.8rem; border-bottom: 1px solid #ddd; text-align: left; }
.figure { margin: 1.5rem 0; }
footer { margin-top: 2rem; font-size: 0.85rem; color: #555; }
"""


def _inline_markdown(text: str) -> str:
    """Escape, then keep the lecture texts' light markup: **bold** and `code`."""
    out = html.escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", out)


def _script_json(spec) -> str:
    """JSON safe inside a <script> element (no '</script>' can close it early)."""
    return json.dumps(spec, separators=(",", ":"), default=_plain).replace("</", "<\\/")


def _plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def figure_block(i: int, spec: dict, config: dict) -> str:
    """A div and the script that draws figure ``spec`` ({data, layout, frames}) into it; the
    frames travel with the figure, so its play button animates offline."""
    fig = {"data": spec.get("data", []), "layout": spec.get("layout", {}),
           "frames": spec.get("frames") or [], "config": config}
    return (f'<div class="figure" id="fig{i}"></div>\n'
            f"<script>Plotly.newPlot('fig{i}', {_script_json(fig)});</script>")


def _settings_table(settings: list[tuple[str, str]], labels: dict[str, str]) -> str:
    """(label, value) rows; a page at its defaults (nothing in its link) says so instead."""
    if not settings:
        return f"<p>{html.escape(labels.get('defaults', ''))}</p>"
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                   for k, v in settings)
    return (f"<table><thead><tr><th>{html.escape(labels['name'])}</th>"
            f"<th>{html.escape(labels['value'])}</th></tr></thead><tbody>{rows}</tbody></table>")


def experiment_html(*, title: str, intro: str, settings: list[tuple[str, str]],
                    figures: list[dict], link: str, labels: dict[str, str],
                    lang: str = "en") -> str:
    """The whole HTML document. ``labels``: 'settings', 'name', 'value', 'live', 'made',
    'defaults'; ``settings``: (label, value) rows as the page shows them."""
    config = {"displaylogo": False, "responsive": True,
              "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900,
                                       "scale": 1}}
    blocks = "\n".join(figure_block(i, spec, config) for i, spec in enumerate(figures))
    plotly_js = PLOTLY_JS.read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
<script>{plotly_js}</script>
</head>
<body>
<h1>{html.escape(title)}</h1>
<div class="intro">{_inline_markdown(intro)}</div>
<h2>{html.escape(labels["settings"])}</h2>
{_settings_table(settings, labels)}
{blocks}
<footer>{html.escape(labels["made"])} ·
<a href="{html.escape(link, quote=True)}">{html.escape(labels["live"])}</a></footer>
</body>
</html>
"""
