"""Glossary: the lecture's terms in Korean and English, what each means, where to see it.

UI only: the terms are data in ``ui.strings.glossary`` (``TERMS`` and the table ``T``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ui.catalog import LABS
from ui.common import TABLE_CLASS, TABLE_CSS, download_csv, page_intro
from ui.i18n import current_lang
from ui.strings.glossary import TERMS, T

K = {"query": "gl_q"}


@dataclass(frozen=True)
class GlossarySettings:
    query: str = ""


def settings_ui() -> GlossarySettings:
    query = st.text_input(T("filter"), key=K["query"], placeholder=T("filter_placeholder"),
                          max_chars=60, bind="query-params")
    return GlossarySettings(query=query.strip())


def glossary_rows(query: str, lang: str) -> list[dict]:
    """One row per term matching ``query`` (case-insensitive, in either language or in the
    meaning), with the page to open (None when that page is not in this lab)."""
    pages = {p.id: p for p in LABS}
    q = query.lower()
    rows = []
    for term, page_id in TERMS:
        row = {
            "id": term,
            "ko": T(f"{term}.ko", lang),
            "en": T(f"{term}.en", lang),
            "meaning": T(f"{term}.meaning", lang),
            "page": pages.get(page_id),
            "where": T(f"where.{page_id}", lang),
        }
        haystack = " ".join((row["ko"], row["en"], row["meaning"])).lower()
        if not q or q in haystack:
            rows.append(row)
    return rows


def table_html(rows: list[dict], lang: str) -> str:
    """The rows as an HTML table; every text escaped, each page a link keeping the language."""
    head = "".join(f"<th>{html.escape(T(k))}</th>"
                   for k in ("col_ko", "col_en", "col_meaning", "col_where"))
    body = []
    for r in rows:
        where = html.escape(r["where"])
        if r["page"] is not None:
            href = html.escape(f"./{r['page'].id}?lang={lang}", quote=True)
            where = (f'<a href="{href}" target="_self">{html.escape(r["page"].title)}</a>'
                     f"<br><small>{where}</small>")
        cells = (html.escape(r["ko"]), html.escape(r["en"]), html.escape(r["meaning"]), where)
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    style = TABLE_CSS + ".nnlab-glossary td { text-align: left; vertical-align: top; }"
    # on a phone the table scrolls inside its own box instead of widening the page
    return (f"<style>{style}</style><div class='{TABLE_CLASS}-scroll'>"
            f"<table class='{TABLE_CLASS} nnlab-glossary'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def glossary_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"id": r["id"], "korean": r["ko"], "english": r["en"], "meaning": r["meaning"],
          "page": r["page"].id if r["page"] else ""} for r in rows]
    )


def main() -> None:
    page_intro(T("title"), T("intro"))
    settings = settings_ui()
    lang = current_lang()
    rows = glossary_rows(settings.query, lang)
    if not rows:
        st.info(T("none", query=settings.query))
        return
    st.html(table_html(rows, lang))
    download_csv(T("download"), lambda: glossary_frame(rows), "glossary.csv", key="gl_csv")


if __name__ == "__main__":
    main()
