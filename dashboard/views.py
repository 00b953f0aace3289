"""The Streamlit side: cached loading, the sidebar filters, and one function per section.

All computing is delegated to the pure modules (filters, charts, summary, downloads, evidence);
this module only lays out widgets, keeps widget state and query params in step, and shows
results. Article text is shown with st.text / st.dataframe / escaped st.markdown, never with
unsafe_allow_html.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from . import charts, downloads, evidence, filters, paging, summary, uploads
from .filters import FilterOptions, Filters
from .loading import Fingerprint, article_paths, fingerprint, parse_cache_dir, progress_reporter
from .model import TableSet, prepare, public
from .names import name_map

PARSE_CALLS = {"n": 0}  # how often the corpus was really parsed (tests check the cache works)
UNDATED_LIST_LIMIT = 200

K_DATES, K_COUNTRIES, K_STANCES = "f_dates", "f_countries", "f_stances"
K_TOPICS, K_FILES, K_UNDATED, K_IMPLIED = "f_topics", "f_files", "f_undated", "f_implied"
K_LANE, K_TARGET, K_LOADED = "f_lane", "f_target", "_filters_from_url"


# ---------------------------------------------------------------- loading


@st.cache_data(show_spinner=False, max_entries=100_000)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    """Content hash of a file, recomputed only when its size or mtime changes."""
    from .loading import file_digest

    return file_digest(Path(path))


def _cheap_digest(path: Path) -> str:
    stat = path.stat()
    return _digest(str(path), stat.st_size, stat.st_mtime_ns)


@st.cache_data(show_spinner="Reading articles…", max_entries=8)
def load_tables(fp: Fingerprint, cache_dir: str | None) -> tuple[TableSet, dict[str, str]]:
    """Parse the corpus (cached on the files' contents) and prepare it for the views.

    st.cache_data hands out a fresh copy on every call; shared_tables below keeps one
    in-memory object per fingerprint so a rerun does not even unpickle big tables.
    """
    from stance import parse_corpus

    PARSE_CALLS["n"] += 1
    paths = [Path(p) for p, _ in fp]
    workers = min(4, os.cpu_count() or 1) if len(paths) > 200 else 1
    progress, clear = progress_reporter(st.progress, len(paths))
    try:
        tables = parse_corpus(paths, workers=workers, progress=progress,
                              cache_dir=Path(cache_dir) if cache_dir else None)
    except OSError:  # cache folder not writable: parse without it
        tables = parse_corpus(paths, workers=workers, progress=progress)
    clear()
    po, ev, cl = tables.positions, tables.events, tables.claims
    names = name_map([(po["country_iso3"], po["country"]), (po["toward_iso3"], po["toward"]),
                      (ev["actor_iso3"], ev["actor"]), (ev["target_iso3"], ev["target"]),
                      (cl["toward_iso3"], pd.Series("", index=cl.index))])
    return prepare(tables, names), names


@st.cache_resource(show_spinner=False, max_entries=4)
def shared_tables(fp: Fingerprint, cache_dir: str | None) -> tuple[TableSet, dict[str, str]]:
    """One shared, read-only copy of the prepared tables per fingerprint (never mutated)."""
    return load_tables(fp, cache_dir)


def load_corpus(folder: Path) -> tuple[TableSet, dict[str, str]]:
    """Tables and country names for every article in `folder`."""
    fp = fingerprint(article_paths(folder), digest=_cheap_digest)
    return shared_tables(fp, str(parse_cache_dir(folder)))


@st.cache_data(show_spinner=False, max_entries=256)
def _source_text(path: str, mtime_ns: int) -> str:
    from stance.reading import read_source

    return read_source(path).text


# ---------------------------------------------------------------- filters + query params


def _query_dict() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def _init_from_url(opts: FilterOptions) -> None:
    """First run of a session: widget state from the link's query params."""
    if st.session_state.get(K_LOADED):
        return
    f = filters.from_query_params(_query_dict(), opts)
    ss = st.session_state
    if opts.date_min and opts.date_max:
        ss[K_DATES] = (_day(f.date_from or opts.date_min), _day(f.date_to or opts.date_max))
    ss[K_COUNTRIES] = list(f.countries)
    ss[K_STANCES] = list(f.stances)
    ss[K_TOPICS] = list(f.topics)
    ss[K_FILES] = list(f.files)
    ss[K_UNDATED] = f.include_undated
    ss[K_IMPLIED] = f.include_implied
    ss[K_LANE] = f.lane
    if f.target:
        ss[K_TARGET] = f.target
    ss[K_LOADED] = True


def _day(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso)


def _keep_valid(key: str, allowed: tuple[str, ...]) -> None:
    """Drop stale choices (e.g. after the corpus changed) before the widget is built."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in allowed]


def sidebar_filters(opts: FilterOptions, names: dict[str, str],
                    titles: dict[str, str]) -> Filters:
    """The filter widgets; returns the chosen Filters (lane and target are set later)."""
    _init_from_url(opts)
    sb = st.sidebar
    sb.header("Filters")
    f = Filters()
    if opts.date_min and opts.date_max:
        lo, hi = _day(opts.date_min), _day(opts.date_max)
        current = st.session_state.get(K_DATES) or (lo, hi)
        clamped = tuple(min(max(d, lo), hi) for d in current)
        if K_DATES not in st.session_state or clamped != tuple(current):
            st.session_state[K_DATES] = clamped
        picked = sb.date_input("Date range", min_value=lo, max_value=hi, key=K_DATES,
                               format="YYYY-MM-DD",
                               help="Rows whose date (or month / year) overlaps the range.")
        f = filters.with_dates(f, picked, opts)
    else:
        sb.caption("No dated rows: the date filter is off.")
    for key, allowed in ((K_COUNTRIES, opts.countries), (K_STANCES, opts.stances),
                         (K_TOPICS, opts.topics), (K_FILES, opts.files)):
        _keep_valid(key, allowed)
    countries = sb.multiselect(
        "Countries", sorted(opts.countries, key=lambda c: names.get(c, c).lower()),
        key=K_COUNTRIES, format_func=lambda c: f"{names.get(c, c)} ({c})",
        help="A row matches when the country holds the position or is its target.")
    stances = sb.multiselect("Stance", list(opts.stances), key=K_STANCES)
    topics = sb.multiselect("Topic", list(opts.topics), key=K_TOPICS)
    files = sb.multiselect("Source article", list(opts.files), key=K_FILES,
                           format_func=lambda p: titles.get(p) or Path(p).name)
    undated = sb.checkbox("Include undated", key=K_UNDATED,
                          help="Rows from text that gives no date (they cannot be placed "
                               "on the timeline and are listed under it).")
    implied = sb.checkbox("Include implied bloc members", key=K_IMPLIED,
                          help="Positions implied by membership of a group or a list of "
                               "signatories, not stated for the country itself.")
    return replace(f, countries=tuple(countries), stances=tuple(stances), topics=tuple(topics),
                   files=tuple(sorted(files)), include_undated=bool(undated),
                   include_implied=bool(implied))


def sync_url(f: Filters) -> None:
    """Mirror the view in the link (only what differs from the default view)."""
    wanted = {k: v if isinstance(v, list) else [v] for k, v in filters.to_query_params(f).items()}
    if wanted != _query_dict():
        st.query_params.from_dict(wanted)


# ---------------------------------------------------------------- sections


def headline(view: TableSet, tables: TableSet) -> None:
    h = summary.headline(view, tables)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Articles", h.articles, help=f"Articles with rows in view, of {h.articles_total} "
                                           "loaded")
    c2.metric("Events", h.events, help=f"{h.undated_events} of them undated")
    c3.metric("Countries with a position", h.countries)
    c4.metric("Unnamed-count claims", h.claims,
              help='Claims such as "over 100 countries" that name no country')


def timeline(view: TableSet, tables: TableSet, f: Filters) -> Filters:
    """Timeline of events, lane switch, and the list of undated events."""
    st.subheader("Timeline")
    lane = st.radio("Lanes", filters.LANES, key=K_LANE, horizontal=True,
                    format_func={"actor": "one per actor", "topic": "one per topic"}.get)
    f = replace(f, lane=lane or "actor")
    fig, info = charts.timeline_figure(view.events, f.lane)
    if info.aggregated:
        st.info(f"{info.plotted:,} dated events: too many to draw one by one, so the timeline "
                f"shows counts per {info.bucket} for each lane and stance (marker size = count).")
    st.plotly_chart(fig, config=charts.PLOTLY_CONFIG, key="timeline")
    notes = ["Points: events dated to the day. Bars: events dated only to a month or a year, "
             "drawn over that whole period."]
    if info.lanes_folded:
        notes.append(f"The {info.lanes_folded} least frequent lanes are merged into one.")
    st.caption(" ".join(notes))
    undated = view.events[view.events["_lo"] == 0]
    if f.include_undated:
        if len(undated):
            with st.expander(f"{len(undated)} undated events (not on the timeline)",
                             expanded=len(undated) <= 10):
                cols = ["actor", "action", "target", "topic", "text", "file"]
                st.dataframe(public(undated, "events").loc[:, cols].head(UNDATED_LIST_LIMIT),
                             hide_index=True, key="undated_events")
                if len(undated) > UNDATED_LIST_LIMIT:
                    st.caption(f"First {UNDATED_LIST_LIMIT} shown; all are in the Events table.")
    else:
        hidden = filters.filter_frame(tables.events, "events",
                                      replace(f, include_undated=True))
        n = int((hidden["_lo"] == 0).sum())
        if n:
            st.caption(f"{n} undated events are hidden: tick “Include undated” to list them.")
    return f


def world_map(view: TableSet, tables: TableSet, f: Filters, names: dict[str, str]) -> Filters:
    """Choropleth of stances toward a chosen target."""
    st.subheader("World map")
    counts = charts.target_counts(view.positions)
    if counts.empty:
        st.plotly_chart(charts.map_figure(charts.map_frame(view.positions, None)),
                        config=charts.PLOTLY_CONFIG, key="map")
        st.caption("No country positions in this view.")
        return replace(f, target=None)
    codes = [str(c) for c in counts.index]
    if st.session_state.get(K_TARGET) not in codes:
        st.session_state[K_TARGET] = codes[0]
    target = st.selectbox("Stances toward", codes, key=K_TARGET,
                          format_func=lambda c: f"{names.get(c, c)} ({c})",
                          help="Targets in this view, the most frequent first.")
    frame = charts.map_frame(view.positions, target)
    fig = charts.map_figure(frame, target, names.get(target, target))
    st.plotly_chart(fig, config=charts.PLOTLY_CONFIG, key="map")
    bloc = view.positions[(view.positions["toward_iso3"] == target)
                          & (view.positions["country_iso3"] == "")]
    notes = [f"{int(counts[target]):,} positions toward {names.get(target, target)} in view. "
             "Full colour: a position stated for that country. Light: implied by membership "
             "of a group or a list of signatories. Purple: several stances."]
    if not f.include_implied:
        implied = filters.filter_frame(tables.positions, "positions",
                                       replace(f, include_implied=True))
        n = int((implied["_implied"] & (implied["toward_iso3"] == target)).sum())
        if n:
            notes.append(f"{n} implied positions are hidden: tick “Include implied bloc "
                         "members” to draw them.")
    if len(bloc):
        notes.append(f"{len(bloc)} positions held by blocs as a whole are listed under Claims.")
    st.caption(" ".join(notes))
    return replace(f, target=None if target == codes[0] else target)


def claims_panel(view: TableSet, names: dict[str, str]) -> None:
    """Counts no map can show, and positions of blocs as a whole."""
    st.subheader("Claims the map cannot show")
    cl = view.claims
    if cl.empty:
        st.caption("No unnamed-count claims in this view.")
    else:
        qualifier = cl["qualifier"].replace({"exact": "", "at_least": "at least",
                                             "up_to": "up to"})
        claim = (qualifier + " " + cl["count"].astype("string").fillna("?") + " "
                 + cl["subject"]).str.strip()
        table = pd.DataFrame({
            "claim": claim,
            "date": charts.date_label(cl["date"], cl["date_precision"], cl["date_basis"]),
            "stance": cl["stance"],
            "toward": cl["toward_iso3"].map(names).fillna(cl["toward_iso3"]),
            "group": cl["group"],
            "evidence": cl["text"],
            "file": cl["file"],
        })
        st.dataframe(table.head(paging.PAGE_SIZE), hide_index=True, key="claims_panel")
    bloc = view.positions[view.positions["country_iso3"] == ""]
    if len(bloc):
        st.caption("Positions of blocs as a whole (no single country to draw):")
        st.dataframe(public(bloc, "positions").loc[:, ["date", "group", "stance", "toward",
                                                       "topic", "text", "file"]]
                     .head(paging.PAGE_SIZE), hide_index=True, key="bloc_positions")


_FIRST = {
    "events": ["date", "date_precision", "actor", "action", "target", "topic", "text", "file"],
    "positions": ["date", "date_precision", "country", "stance", "toward", "basis", "group",
                  "topic", "text", "file"],
    "claims": ["date", "date_precision", "qualifier", "count", "subject", "stance",
               "toward_iso3", "topic", "text", "file"],
}


def tables_and_evidence(view: TableSet, folder: Path) -> None:
    """Paged tables; the chosen row's evidence highlighted in its article."""
    st.subheader("Tables")
    tabs = st.tabs([f"Events ({len(view.events):,})", f"Positions ({len(view.positions):,})",
                    f"Claims ({len(view.claims):,})"])
    for tab, name in zip(tabs, ("events", "positions", "claims")):
        with tab:
            df = public(getattr(view, name), name)
            pages = paging.page_count(len(df))
            number = 1
            if pages > 1:
                number = int(st.number_input(f"Page (of {pages:,})", 1, pages, 1,
                                             key=f"page_{name}"))
            shown = paging.page(df, number)
            first = (number - 1) * paging.PAGE_SIZE
            st.caption(f"Rows {first + 1 if len(df) else 0:,}–{first + len(shown):,} "
                       f"of {len(df):,}. Select a row to see its evidence.")
            order = _FIRST[name] + [c for c in df.columns if c not in _FIRST[name]]
            state = st.dataframe(shown, hide_index=True, column_order=order,
                                 on_select="rerun", selection_mode="single-row",
                                 key=f"table_{name}")
            rows = list(getattr(getattr(state, "selection", None), "rows", []) or [])
            if len(shown):
                pick = rows[0] if rows and rows[0] < len(shown) else 0
                evidence_view(shown.iloc[pick], view.documents, folder, chosen=bool(rows))


def evidence_view(row: pd.Series, documents: pd.DataFrame, folder: Path,
                  chosen: bool) -> None:
    """The article around the row's evidence, span highlighted, with document metadata."""
    st.markdown("**Evidence**" + ("" if chosen else " (first row; select a row to change)"))
    meta = evidence.document_meta(documents, str(row.get("doc_id", "")))
    if meta:
        st.caption(evidence.md_escape(" · ".join(
            f"{k}: {v}" for k, v in meta.items() if k in ("title", "published", "source",
                                                          "url", "file", "encoding"))))
    path = evidence.resolve_source(str(row.get("file", "")), folder)
    if path is None:
        st.warning("The source file is no longer in the articles folder.")
        st.text(str(row.get("text", "")))
        return
    try:
        text = _source_text(str(path), path.stat().st_mtime_ns)
    except Exception as exc:  # unreadable now: show the stored sentence instead
        st.warning(f"Could not read {path.name}: {type(exc).__name__}")
        st.text(str(row.get("text", "")))
        return
    sn = evidence.snippet(text, row.get("start"), row.get("end"))
    st.markdown(evidence.highlighted_markdown(sn))
    with st.expander("Whole article text"):
        st.text(text[:200_000])


def download_buttons(view: TableSet, f: Filters) -> None:
    """CSV per filtered table, and all of them in one ZIP."""
    st.subheader("Downloads")
    cols = st.columns(4)
    for col, name in zip(cols, ("events", "positions", "claims")):
        df = getattr(view, name)
        col.download_button(f"{name}.csv ({len(df):,} rows)", downloads.table_csv(df, name),
                            file_name=f"stance-{name}.csv", mime="text/csv",
                            key=f"dl_{name}", on_click="ignore")
    cols[3].download_button("All tables (.zip)",
                            downloads.all_tables_zip(view, filters.to_query_params(f)),
                            file_name="stance-tables.zip", mime="application/zip",
                            key="dl_zip", on_click="ignore")


def upload_box(folder: Path) -> None:
    """Add .txt / .md / .html articles: parsed at once, stored under the articles folder."""
    with st.expander("Add articles", expanded=False):
        files = st.file_uploader("Article files", type=["txt", "md", "html", "htm"],
                                 accept_multiple_files=True, key="uploader",
                                 help="Each file is parsed at once. The same text is never "
                                      "stored twice and no stored article is overwritten.")
        done: dict[str, uploads.UploadOutcome] = st.session_state.setdefault("_uploads", {})
        new = [up for up in files or [] if up.file_id not in done]
        progress, clear = progress_reporter(st.progress, len(new), min_files=2)
        readable = 0
        for index, up in enumerate(new, 1):
            done[up.file_id] = outcome = uploads.accept_upload(up.getvalue(), up.name, folder)
            readable += outcome.status in ("stored", "duplicate")
            if progress is not None:
                progress(index, len(new), readable)
        clear()
        current = {up.file_id for up in files or []}
        for file_id, outcome in done.items():
            if file_id not in current:
                continue
            show = {"stored": st.success, "duplicate": st.info}.get(outcome.status, st.error)
            show(outcome.message)


def file_titles(documents: pd.DataFrame) -> dict[str, str]:
    """File -> "title (file)" label for the source filter."""
    docs = documents[documents["file"] != ""]
    first = docs.drop_duplicates("file").set_index("file")["title"]
    return {f: (f"{t[:60]} ({Path(f).name})" if t else Path(f).name) for f, t in first.items()}
