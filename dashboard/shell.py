"""What every page shares: the loaded corpus, the sidebar filters, the link, and the caches.

`start` runs at the top of every rerun (from app.py): it opens the data source (the articles
folder parsed into pandas, cached on the files' contents; or, with $STANCE_STORE, a DuckDB
store queried in SQL: see dashboard.source), builds the sidebar filters (first run of a
session: from the link's query params) and returns a `Context` that the pages read. `finish` writes the view back into the
link. Everything a page computes from the filtered view goes through `memo`, one shared cache
keyed by the corpus fingerprint, the filter state and what is asked for, so a rerun that changes
nothing (a row click, a page switch and back) costs dictionary lookups, and ten sessions on the
same view compute it once.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import streamlit as st

from . import download_grace, filters
from .filters import FilterOptions, Filters
from .loading import Fingerprint, article_paths, articles_dir, fingerprint, parse_cache_dir
from stance.warehouse import Warehouse

from .frame_source import FrameSource
from .model import TableSet, prepare
from .names import name_map
from .source import Source, store_path
from .store_source import StoreSource, store_key

PARSE_CALLS = {"n": 0}  # how often the corpus was really parsed (tests check the cache works)

K_DATES, K_COUNTRIES, K_STANCES = "f_dates", "f_countries", "f_stances"
K_TOPICS, K_FILES, K_UNDATED, K_IMPLIED = "f_topics", "f_files", "f_undated", "f_implied"
K_ROSTER, K_SEARCH = "f_roster", "f_search"
K_LANE, K_TARGET, K_LOADED = "f_lane", "f_target", "_filters_from_url"
K_KEPT = "_filters_last_view"  # the last finished run's Filters (not a widget key)
K_FILES_TEXT = "f_files_text"

LABEL_ROSTER = "Include signatories of known letters"
LABEL_MEMBERS = "Include members of blocs that spoke"


@dataclass
class Context:
    """One rerun's shared state: the data source, its names, the chosen filters."""

    folder: Path
    source: Source
    names: dict[str, str]
    opts: FilterOptions
    filters: Filters
    corpus_key: str
    pages: dict[str, Any]

    @property
    def filter_key(self) -> str:
        return filter_key(self.filters)

    def memo(self, kind: str, build: Callable[[], Any], extra: str = "") -> Any:
        """`build()` once per (corpus, filters, kind, extra); later calls share the result."""
        return memo(kind, self.corpus_key, self.filter_key, extra, build)


_CURRENT: contextvars.ContextVar[Context] = contextvars.ContextVar("stance_context")


def current() -> Context:
    """The Context of this session's current run (each run has its own thread)."""
    return _CURRENT.get()


def filter_key(f: Filters) -> str:
    """The filter state as a stable string (lane and map target do not change the view)."""
    d = asdict(replace(f, lane="actor", target=None))
    return json.dumps(d, sort_keys=True, default=list)


# ---------------------------------------------------------------- loading


@st.cache_data(show_spinner=False, max_entries=100_000)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    """Content hash of a file, recomputed only when its size or mtime changes."""
    from .loading import file_digest

    return file_digest(Path(path))


def _cheap_digest(path: Path) -> str:
    stat = path.stat()
    return _digest(str(path), stat.st_size, stat.st_mtime_ns)


def parse_tables(fp: Fingerprint, cache_dir: str | None) -> tuple[TableSet, dict[str, str]]:
    """Parse the corpus (through the per-file parse cache) and prepare it for the views."""
    from stance import parse_corpus

    PARSE_CALLS["n"] += 1
    paths = [Path(p) for p, _ in fp]
    workers = min(4, os.cpu_count() or 1) if len(paths) > 200 else 1
    from .loading import progress_reporter

    progress, clear = progress_reporter(st.progress, len(paths))   # a bar for a large folder only
    try:
        tables = parse_corpus(paths, workers=workers,
                              cache_dir=Path(cache_dir) if cache_dir else None, progress=progress)
    except OSError:  # cache folder not writable: parse without it
        tables = parse_corpus(paths, workers=workers, progress=progress)
    finally:
        clear()
    return prepared(tables)


def prepared(tables: Any) -> tuple[TableSet, dict[str, str]]:
    """Names for every code in the tables, and the tables with their derived columns."""
    po, ev, cl = tables.positions, tables.events, tables.claims
    names = name_map([(po["country_iso3"], po["country"]), (po["toward_iso3"], po["toward"]),
                      (ev["actor_iso3"], ev["actor"]), (ev["target_iso3"], ev["target"]),
                      (cl["toward_iso3"], pd.Series("", index=cl.index))])
    return prepare(tables, names), names


@st.cache_resource(show_spinner="Reading articles…", max_entries=4)
def shared_tables(fp: Fingerprint, cache_dir: str | None) -> tuple[TableSet, dict[str, str]]:
    """One shared, read-only copy of the prepared tables per fingerprint (never mutated)."""
    return parse_tables(fp, cache_dir)


def load_corpus(folder: Path) -> tuple[TableSet, dict[str, str], str]:
    """Tables, country names and a key of the corpus (its files' contents)."""
    fp = fingerprint(article_paths(folder), digest=_cheap_digest)
    tables, names = shared_tables(fp, str(parse_cache_dir(folder)))
    key = hashlib.sha256(repr(fp).encode()).hexdigest()[:20]
    return tables, names, key


@st.cache_resource(show_spinner=False, max_entries=4)
def _frame_source(key: str, folder: str, _tables: TableSet, _names: dict[str, str]) -> FrameSource:
    return FrameSource(_tables, _names, key, Path(folder))


@st.cache_resource(show_spinner="Opening the store…", max_entries=4)
def open_store(path: str) -> Warehouse:
    """One connection per store file, shared by every session (each query takes its own
    cursor). Read-write, so uploads can be ingested; read-only when another process holds
    the file for writing."""
    try:
        return Warehouse(path)
    except Exception:  # e.g. `stance ingest` is writing to it: read what is there
        return Warehouse(path, read_only=True)


@st.cache_resource(show_spinner="Reading the store…", max_entries=4)
def _store_source(key: str, path: str, folder: str) -> StoreSource:
    return StoreSource(open_store(path), key, Path(folder))


def load_source(folder: Path) -> Source:
    """The data source of this run: the DuckDB store named by $STANCE_STORE, else the
    articles in `folder` parsed into pandas."""
    path = store_path()
    if path is not None:
        wh = open_store(str(path.resolve()))
        return _store_source(store_key(wh), str(path.resolve()), str(folder))
    tables, names, key = load_corpus(folder)
    return _frame_source(key, str(folder), tables, names)


@st.cache_resource(show_spinner=False, max_entries=256)
def memo(kind: str, corpus_key: str, fkey: str, extra: str, _build: Callable[[], Any]) -> Any:
    """Figures and aggregates of a view (see Context.memo). Results are shared: never mutate."""
    return _build()


@st.cache_data(show_spinner=False, max_entries=256)
def source_text(path: str, mtime_ns: int) -> str:
    from stance.reading import read_source

    return read_source(path).text


# ---------------------------------------------------------------- filters + query params


def _query_dict() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _seed(f: Filters, opts: FilterOptions, only_missing: bool = False) -> None:
    """Widget state from a Filters value (all keys, or only those Streamlit has dropped)."""
    values: dict[str, Any] = {
        K_COUNTRIES: list(f.countries), K_STANCES: list(f.stances), K_TOPICS: list(f.topics),
        K_FILES: list(f.files), K_FILES_TEXT: ", ".join(Path(p).name for p in f.files),
        K_UNDATED: f.include_undated, K_IMPLIED: f.include_implied,
        K_ROSTER: f.include_roster, K_SEARCH: f.search, K_LANE: f.lane}
    if opts.date_min and opts.date_max:
        values[K_DATES] = (_day(f.date_from or opts.date_min), _day(f.date_to or opts.date_max))
    if f.target:
        values[K_TARGET] = f.target
    ss = st.session_state
    for key, value in values.items():
        if not only_missing or key not in ss:
            ss[key] = value


def _init_from_url(opts: FilterOptions) -> None:
    """First run of a session: widget state from the link's query params. Later runs: widget
    state Streamlit dropped is put back from the last view (st.switch_page, as a map click
    does, clears every widget's state; a value set in a callback survives and is kept)."""
    if st.session_state.get(K_LOADED):
        kept = st.session_state.get(K_KEPT)
        if isinstance(kept, Filters):
            _seed(kept, opts, only_missing=True)
        return
    _seed(filters.from_query_params(_query_dict(), opts), opts)
    st.session_state[K_LOADED] = True


def _keep_valid(key: str, allowed: tuple[str, ...]) -> None:
    """Drop stale choices (e.g. after the corpus changed) before the widget is built."""
    if key in st.session_state:
        allowed_set = set(allowed)
        st.session_state[key] = [v for v in st.session_state[key] if v in allowed_set]


def sidebar_filters(opts: FilterOptions, names: dict[str, str],
                    titles: dict[str, str]) -> Filters:
    """The filter widgets; returns the chosen Filters (lane and map target are set by pages)."""
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
    search = sb.text_input("Search evidence", key=K_SEARCH, max_chars=filters.SEARCH_MAX_CHARS,
                           placeholder="words in the sentence, e.g. Xinjiang",
                           help="Keeps rows whose evidence sentence contains every word "
                                "(any case). Applies to every page.")
    many_files = len(opts.files) > filters.MAX_FILE_CHOICES
    for key, allowed in ((K_COUNTRIES, opts.countries), (K_STANCES, opts.stances),
                         (K_TOPICS, opts.topics), (K_FILES, () if many_files else opts.files)):
        _keep_valid(key, allowed)
    countries = sb.multiselect(
        "Countries", sorted(opts.countries, key=lambda c: names.get(c, c).lower()),
        key=K_COUNTRIES, format_func=lambda c: names.get(c, c),
        help="A row matches when the country holds the position or is its target.")
    stances = sb.multiselect("Stance", list(opts.stances), key=K_STANCES)
    topics = sb.multiselect("Topic", list(opts.topics), key=K_TOPICS)
    if many_files:  # a list of every file would be megabytes on every rerun
        typed = sb.text_input("Source article", key=K_FILES_TEXT,
                              placeholder="file names, separated by commas",
                              help=f"{len(opts.files):,} files: type the names of those to keep.")
        files = filters.files_named(filters.typed_names(typed), opts)
    else:
        files = sb.multiselect("Source article", list(opts.files), key=K_FILES,
                               format_func=lambda p: titles.get(p) or Path(p).name)
    undated = sb.checkbox("Include undated", key=K_UNDATED,
                          help="Rows from text that gives no date (they cannot be placed "
                               "on the timeline and are listed under it).")
    roster = sb.checkbox(LABEL_ROSTER, key=K_ROSTER,
                         help="A known joint letter's signatories (stance/data/letters/) are "
                              "each given the letter's stance when an article reports it.")
    implied = sb.checkbox(LABEL_MEMBERS, key=K_IMPLIED,
                          help="Every member of a bloc (EU, NAM, African Group...) is given "
                               "the stance the bloc or its speaker took: an inference from "
                               "membership, not stated for the country itself.")
    return replace(f, countries=tuple(countries), stances=tuple(stances), topics=tuple(topics),
                   files=tuple(sorted(files)), include_undated=bool(undated),
                   include_implied=bool(implied), include_roster=bool(roster),
                   search=filters.clean_search(search))


def start(pages: dict[str, Any] | None = None) -> Context:
    """Load the corpus and build the shared sidebar (called by app.py on every rerun)."""
    download_grace.install_in_runtime()  # once per server; later calls only check a flag
    folder = articles_dir()
    source = load_source(folder)
    with st.sidebar:
        chosen = sidebar_filters(source.options, source.names, source.titles)
    if st.session_state.get(K_LANE) in filters.LANES:
        chosen = replace(chosen, lane=st.session_state[K_LANE])
    ctx = Context(folder, source, source.names, source.options, chosen, source.key, pages or {})
    _CURRENT.set(ctx)
    return ctx


def finish(ctx: Context) -> None:
    """Mirror the view in the link (only what differs from the default view) and keep it
    for the next run (see `_init_from_url`)."""
    st.session_state[K_KEPT] = ctx.filters
    wanted = {k: v if isinstance(v, list) else [v]
              for k, v in filters.to_query_params(ctx.filters).items()}
    if wanted != _query_dict():
        st.query_params.from_dict(wanted)
