"""Sections the pages are made of: headline, timeline, map, claims, tables, evidence, downloads.

All data comes from the run's data source (`Context.source`: pandas or the DuckDB store, see
dashboard.source), cached per filter state through `Context.memo`; this module lays out
widgets and shows results. Article text is shown with st.text / st.dataframe / escaped
st.markdown, never with unsafe_allow_html.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from . import charts, evidence, filters, paging
from .model import shown
from .names import group_names
from .paging import OVERVIEW_ROWS
from .shell import (K_COUNTRIES, K_LANE, K_TARGET, LABEL_MEMBERS, LABEL_ROSTER, Context,
                    source_text)
from .source import Rows

UNDATED_LIST_LIMIT = OVERVIEW_ROWS
K_MAP = "map"  # the map's selection state (a click on a state)
K_OPEN_COUNTRY = "open_country_page"  # set by a map click: the next run shows the Country page


def headline(ctx: Context) -> None:
    h = ctx.memo("headline", lambda: ctx.source.headline(ctx.filters))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Articles", h.articles, help=f"Articles with rows in view, of {h.articles_total} "
                                           "loaded")
    c2.metric("Events", h.events, help=f"{h.undated_events} of them undated")
    c3.metric("Countries with a position", h.countries)
    c4.metric("Unnamed-count claims", h.claims,
              help='Claims such as "over 100 countries" that name no country')


def timeline(ctx: Context) -> None:
    """Timeline of events (opened on the span where they lie), lane switch, undated list."""
    st.subheader("Timeline")
    lane = st.radio("Lanes", filters.LANES, key=K_LANE, horizontal=True,
                    format_func={"actor": "one per actor", "topic": "one per topic"}.get)
    ctx.filters = replace(ctx.filters, lane=lane or "actor")
    def build():
        fig, info = ctx.source.timeline(ctx.filters, ctx.filters.lane)
        return charts.frozen(fig), info

    fig, info = ctx.memo("timeline", build, extra=ctx.filters.lane)
    if info.aggregated:
        st.info(f"{info.plotted:,} dated events: too many to draw one by one, so the timeline "
                f"shows counts per {info.bucket} for each lane and stance (marker size = count).")
    st.plotly_chart(fig, config=charts.PLOTLY_CONFIG, key="timeline")
    notes = []
    if info.focus is not None:
        fo = info.focus
        notes.append(f"Opened on {fo.first} to {fo.last}, where most dated events lie; "
                     f"{fo.outside:,} earlier events (from {fo.earliest}) are one click away: "
                     "“whole range” above the chart, or drag the slider under it.")
    notes.append("Points: events dated to the day. Bars: events dated only to a month or a "
                 "year, drawn over that whole period.")
    if info.lanes_folded:
        notes.append(f"The {info.lanes_folded} least frequent lanes are merged into one.")
    st.caption(" ".join(notes))
    f = ctx.filters
    if f.include_undated:
        undated = ctx.memo("undated", lambda: ctx.source.undated_events(f))
        if len(undated):
            with st.expander(f"{len(undated)} undated events (not on the timeline)",
                             expanded=len(undated) <= 10):
                first = ctx.memo("undated page", lambda: undated_rows(undated))
                st.dataframe(first, hide_index=True, key="undated_events")
                if len(undated) > UNDATED_LIST_LIMIT:
                    st.caption(f"First {UNDATED_LIST_LIMIT} shown; all are in the Events table.")
    else:
        n = ctx.memo("undated hidden", lambda: ctx.source.undated_hidden(f))
        if n:
            st.caption(f"{n} undated events are hidden: tick “Include undated” to list them.")


UNDATED_COLUMNS = ["actor", "action", "target", "topic", "text", "file"]


def undated_rows(undated: Rows) -> pd.DataFrame:
    """The first UNDATED_LIST_LIMIT undated events as listed under the timeline: the shown
    page's UNDATED_COLUMNS, only those taken from the table."""
    return undated.page(1, UNDATED_LIST_LIMIT, cols=UNDATED_COLUMNS)


def _hidden_implied(ctx: Context, target: str) -> tuple[int, int]:
    """Roster and bloc-membership positions toward `target` that the filters hide."""
    return ctx.memo("hidden implied", lambda: ctx.source.hidden_implied(ctx.filters, target),
                    extra=target)


def clicked_state(event: object) -> str | None:
    """The ISO-3 code of the state a map selection event names (a click), if any."""
    selection = (event or {}).get("selection") if isinstance(event, dict) else getattr(
        event, "selection", None)
    points = (selection or {}).get("points") or []
    for point in points:
        code = point.get("location") if isinstance(point, dict) else None
        if isinstance(code, str) and code:
            return code
    return None


def _on_map_click() -> None:
    """Callback of a map click: the clicked state becomes the Countries filter and the next
    run opens its Country page (a callback may set a widget's state; it may not switch pages)."""
    code = clicked_state(st.session_state.get(K_MAP))
    if code:
        st.session_state[K_COUNTRIES] = [code]
        st.session_state[K_OPEN_COUNTRY] = True


def open_country_if_clicked(ctx: Context) -> None:
    """After a map click, go to the Country page (the Countries filter already holds the state)."""
    if st.session_state.pop(K_OPEN_COUNTRY, False) and "country" in ctx.pages:
        st.switch_page(ctx.pages["country"])


def _map_chart(fig) -> None:
    st.plotly_chart(fig, config=charts.PLOTLY_CONFIG, key=K_MAP, on_select=_on_map_click,
                    selection_mode="points")


def world_map(ctx: Context) -> None:
    """Choropleth of stances toward a chosen target; a click on a state opens its page."""
    st.subheader("World map")
    names = ctx.names
    counts = ctx.memo("target counts", lambda: ctx.source.targets(ctx.filters))
    if counts.empty:
        _map_chart(charts.map_figure(ctx.source.map_frame(ctx.filters, None)))
        st.caption("No country positions in this view.")
        return
    codes = [str(c) for c in counts.index]
    if st.session_state.get(K_TARGET) not in codes:
        st.session_state[K_TARGET] = codes[0]
    target = st.selectbox("Stances toward", codes, key=K_TARGET,
                          format_func=lambda c: names.get(c, c),
                          help="Targets in this view, the most frequent first.")
    ctx.filters = replace(ctx.filters, target=None if target == codes[0] else target)

    def build():
        frame = ctx.source.map_frame(ctx.filters, target)
        return frame, charts.frozen(charts.map_figure(frame, target, names.get(target, target)))

    frame, fig = ctx.memo("map", build, extra=target)
    _map_chart(fig)
    name = names.get(target, target)
    named = int((frame["shading"] == "named").sum())
    implied = len(frame) - named
    roster_hidden, members_hidden = _hidden_implied(ctx, target)
    shown_what = [f"{named} states with a position stated for themselves (full colour)"]
    if implied:
        shown_what.append(f"{implied} states whose position is implied (light): "
                          + ("signatories of a known letter" if ctx.filters.include_roster
                             else "") + (" and " if ctx.filters.include_roster
                                         and ctx.filters.include_implied else "")
                          + ("members of a bloc that spoke" if ctx.filters.include_implied
                             else ""))
    notes = [f"Shown: stances toward {name}: " + "; ".join(shown_what) + ". Purple: several "
             "stances. Click a state to open its Country page (or use the link ?country=ISO3)."]
    if roster_hidden:
        notes.append(f"Not shown: {roster_hidden} positions of letter signatories (tick "
                     f"“{LABEL_ROSTER}”).")
    if members_hidden:
        notes.append(f"Not shown: {members_hidden} positions implied by bloc membership (tick "
                     f"“{LABEL_MEMBERS}”).")
    bloc = ctx.memo("bloc positions toward", lambda: ctx.source.bloc_toward(ctx.filters, target),
                    extra=target)
    if bloc:
        notes.append(f"{bloc} positions held by blocs as a whole are listed under Claims.")
    st.caption(" ".join(notes))


def claims_table(cl: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Unnamed-count claims as readable rows (group by its name). A page of rows: the claim
    and date texts are put together row by row (charts.date_one: style.date_label's text)."""
    words = {"exact": "", "at_least": "at least", "up_to": "up to"}
    claim = []
    for qualifier, count, subject in zip(cl["qualifier"].to_numpy(dtype=object),
                                         cl["count"].astype("string").to_numpy(dtype=object),
                                         cl["subject"].to_numpy(dtype=object)):
        if charts.missing(qualifier) or charts.missing(subject):
            claim.append(None)  # a missing part: a missing claim, as the columns would give
            continue
        count = "?" if charts.missing(count) else count
        claim.append(f"{words.get(qualifier, qualifier)} {count} {subject}".strip())
    dates = [charts.date_one(*row) for row in zip(cl["date"].to_numpy(dtype=object),
                                                  cl["date_precision"].to_numpy(dtype=object),
                                                  cl["date_basis"].to_numpy(dtype=object))]
    toward = [names.get(c, c) if not charts.missing(c) and c in names else c
              for c in cl["toward_iso3"].to_numpy(dtype=object)]
    group = cl["_group_name"] if "_group_name" in cl else cl["group"]
    return pd.DataFrame({
        "claim": pd.Series(claim, index=cl.index, dtype="str"),
        "date": pd.Series(dates, index=cl.index, dtype="str"),
        "stance": cl["stance"],
        "toward": pd.Series(toward, index=cl.index, dtype=cl["toward_iso3"].dtype),
        "bloc or letter": group,
        "evidence": cl["text"],
        "file": cl["file"],
    })


def claims_panel(ctx: Context) -> None:
    """Counts no map can show, and positions of blocs as a whole."""
    st.subheader("Claims the map cannot show")
    cl = ctx.memo("claims page", lambda: ctx.source.rows("claims", ctx.filters).page(1, OVERVIEW_ROWS))
    if cl.empty:
        st.caption("No unnamed-count claims in this view.")
    else:
        table = ctx.memo("claims table", lambda: claims_table(cl, ctx.names))
        st.dataframe(table, hide_index=True, key="claims_panel")
        _more_on_tables_page(len(cl), "Claims")
    bloc = ctx.memo("bloc positions", lambda: _bloc_rows(ctx.source.bloc_positions(ctx.filters)))
    if len(bloc):
        st.caption("Positions of blocs as a whole (no single country to draw):")
        st.dataframe(bloc, hide_index=True, key="bloc_positions")
        _more_on_tables_page(len(bloc), "Positions")


def _more_on_tables_page(listed: int, table: str) -> None:
    """Say where the rest are when an Overview list is cut at OVERVIEW_ROWS."""
    if listed >= OVERVIEW_ROWS:
        st.caption(f"The first {OVERVIEW_ROWS} shown; all are in the {table} table (Evidence & tables).")


BLOC_ROW_COLUMNS = ["date", "stance", "toward", "topic", "text", "file"]  # and "bloc" second


def _bloc_rows(rows: Rows) -> pd.DataFrame:
    """The first OVERVIEW_ROWS positions held by blocs as a whole, as the claims panel lists
    them: `shown(page, "positions")` cut to date, group_name (as "bloc"), stance, toward,
    topic, text and file, with only those columns taken from the table."""
    part = rows.page(1, OVERVIEW_ROWS, cols=[*BLOC_ROW_COLUMNS, "group", "_group_name"])
    names = part["_group_name"] if "_group_name" in part.columns else group_names(part["group"])
    out = part.loc[:, BLOC_ROW_COLUMNS]
    out.insert(1, "bloc", names.to_numpy())
    return out


FIRST = {
    "events": ["date", "date_precision", "actor", "action", "target", "topic", "text", "file"],
    "positions": ["date", "date_precision", "country", "stance", "toward", "basis",
                  "group_name", "topic", "text", "file"],
    "claims": ["date", "date_precision", "qualifier", "count", "subject", "stance",
               "toward_iso3", "group_name", "topic", "text", "file"],
}


def paged_table(ctx: Context, rows: Rows, key: str, which: str = "") -> pd.DataFrame | None:
    """One table, a page at a time, with single-row selection; the chosen row (or the first)."""
    name, total = rows.table, len(rows)
    pages = paging.page_count(total)
    number = 1
    if pages > 1:
        number = int(st.number_input(f"Page (of {pages:,})", 1, pages, 1, key=f"page_{key}"))
    part = ctx.memo("page", lambda: shown(rows.page(number), name),
                    extra=f"{key}:{which}:{number}")  # as shown (shared: never changed)
    first = (number - 1) * paging.PAGE_SIZE
    st.caption(f"Rows {first + 1 if total else 0:,}–{first + len(part):,} "
               f"of {total:,}. Select a row to see its evidence.")
    order = [c for c in FIRST[name] if c in part.columns]
    order += [c for c in part.columns if c not in order]
    state = st.dataframe(part, hide_index=True, column_order=order, on_select="rerun",
                         selection_mode="single-row", key=f"table_{key}")
    rows = list(getattr(getattr(state, "selection", None), "rows", []) or [])
    if not len(part):
        return None
    pick = rows[0] if rows and rows[0] < len(part) else 0
    return part.iloc[pick].rename("chosen" if rows else "first")


def table_rows(ctx: Context) -> dict[str, Rows]:
    """The view's rows of the three row tables (counted once per filter state)."""
    return {name: ctx.memo("rows", lambda name=name: ctx.source.rows(name, ctx.filters), extra=name)
            for name in ("events", "positions", "claims")}


def tables_and_evidence(ctx: Context) -> None:
    """Paged tables; the chosen row's evidence highlighted in its article."""
    rows = table_rows(ctx)
    tabs = st.tabs([f"{name.title()} ({len(r):,})" for name, r in rows.items()])
    for tab, (name, r) in zip(tabs, rows.items()):
        with tab:
            row = paged_table(ctx, r, name)
            if row is not None:
                evidence_view(ctx, row, chosen=row.name == "chosen")


def evidence_view(ctx: Context, row: pd.Series, chosen: bool) -> None:
    """The article around the row's evidence, span highlighted, with document metadata."""
    st.markdown("**Evidence**" + ("" if chosen else " (first row; select a row to change)"))
    doc_id = str(row.get("doc_id", ""))
    meta = ctx.memo("document", lambda: ctx.source.document_meta(doc_id), extra=doc_id)
    if meta:
        st.caption(evidence.md_escape(" · ".join(
            f"{k}: {v}" for k, v in meta.items() if k in ("title", "published", "source",
                                                          "url", "file", "encoding"))))
    path = ctx.source.source_file(str(row.get("file", "")))
    if path is None:
        st.warning("The source file is no longer in the articles folder.")
        st.text(str(row.get("text", "")))
        return
    try:
        text = source_text(str(path), path.stat().st_mtime_ns)
    except Exception as exc:  # unreadable now: show the stored sentence instead
        st.warning(f"Could not read {path.name}: {type(exc).__name__}")
        st.text(str(row.get("text", "")))
        return
    sn = evidence.snippet(text, row.get("start"), row.get("end"))
    st.markdown(evidence.highlighted_markdown(sn))
    with st.expander("Whole article text"):
        st.text(text[:200_000])


def download_buttons(ctx: Context) -> None:
    """CSV per filtered table, and all of them in one ZIP: built only when clicked."""
    st.subheader("Downloads")
    st.caption("Exactly the rows of the current filters; each group id comes with its name "
               "(group_name). Files are built when you click.")
    cols = st.columns(4)
    f, source = ctx.filters, ctx.source
    for col, (name, rows) in zip(cols, table_rows(ctx).items()):
        col.download_button(f"{name}.csv ({len(rows):,} rows)",
                            lambda name=name: source.table_csv(name, f),
                            file_name=f"stance-{name}.csv", mime="text/csv",
                            key=f"dl_{name}", on_click="ignore")
    query = filters.to_query_params(f)
    cols[3].download_button("All tables (.zip)", lambda: source.tables_zip(f, query),
                            file_name="stance-tables.zip", mime="application/zip",
                            key="dl_zip", on_click="ignore")
