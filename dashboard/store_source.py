"""The DuckDB data source: the dashboard's questions as SQL on a `stance ingest` store.

Filters (`Warehouse.where`, the same Query the pandas path filters with), aggregations, paging
and the evidence search run in DuckDB; only aggregated or paged rows reach pandas, where the
same builders as the pandas path (charts, timeline, relations, profile) draw them. Downloads
stream from the query in batches (`Warehouse.iter_csv` / `write_zip`).
"""
from __future__ import annotations

import io
import json
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import pandas as pd
import plotly.graph_objects as go

from stance import tables as T
from stance.warehouse import Query, Warehouse, _conform, kind_condition

from . import evidence, profile as prof
from . import store_overview as ov
from .ahead import Ahead
from .filters import FilterOptions, view_query
from .model import as_t0, derive, int_to_iso, shown
from .names import file_titles, names_from_counts
from .paging import OVERVIEW_ROWS, PAGE_SIZE
from .profile import Profile
from .relations import pairs_from_counts
from .source import clamp_page, columns_of
from .summary import Headline
from .timeline import TimelineCounts, TimelineInfo, counts_figure, timeline_figure

PROFILE_ROWS = 5000     # dated positions of a state drawn on its timeline (each way)
LISTED_CLAIMS = PAGE_SIZE  # count claims listed on the Country page (each kind)
SEQ_WINDOW = 131_072     # rows (about one DuckDB row group) a page is first looked for in
# A narrow copy of a view's rows (`StoreSource.narrow`): the columns the Overview's queries
# read, and how many views' copies are kept in the scratch database at most.
NARROW_COLUMNS = {
    "events": ("_seq", "_lo", "_t0", "_st", "_lane", "_topic", "_file"),
    "positions": ("_seq", "_lo", "_kind", "_implied", "_country", "_toward", "_file", "stance", "country_iso3"),
    "claims": ("_seq", "_lo", "_file"),
}
NARROW_KEPT = 16


def narrows(q: Query) -> bool:
    """Whether a view's rows are copied once into narrow tables that its queries then share:
    when it restricts countries, files or dates, filters that usually keep a small part of the
    rows (a copy of most of the rows would cost more than the passes it saves)."""
    return bool(q.countries or q.files or q.date_from or q.date_to)


def relaxed(q: Query) -> Query:
    """The view `q` with undated rows and every kind of position kept: what a narrow copy
    holds, so the view and its variants (undated rows hidden or not, implied kinds shown or
    not, as the map and the hidden counts ask) share one copy."""
    return replace(view_query(q), include_undated=True, include_implied=True, include_roster=True)


def residual(table: str, q: Query) -> str:
    """The condition that picks `q`'s rows of `table` out of the narrow copy of `relaxed(q)`."""
    conds = [] if q.include_undated else ["_lo > 0"]
    if table == "positions" and (kind := kind_condition(q)):
        conds.append(kind)
    return " AND ".join(conds) or "TRUE"


def store_key(wh: Warehouse) -> str:
    """Changes whenever an ingest adds or replaces content (a few milliseconds)."""
    n, h = wh.row("SELECT count(*), coalesce(sum(hash(content_hash || parser_version)), 0) FROM files")
    return f"store:{wh.path}:{n}:{h}"


@dataclass(frozen=True)
class StoreCodes:
    """The store's dictionaries of the integer codes written at ingest (stance.warehouse.CODES):
    queries group and count these small integers (several times faster in DuckDB than the
    strings), and the few groups found are named here. Read once per store version; `of`
    again when a code is missing (an ingest since)."""

    lanes: pd.DataFrame    # code -> actor_iso3, actor
    topics: pd.DataFrame   # code -> topic
    countries: dict        # code -> ISO-3 ('' is 0)
    country_code: dict     # ISO-3 -> code
    files: int             # the largest file code (codes 1 .. files name files)

    @staticmethod
    def of(wh: Warehouse) -> "StoreCodes":
        countries = wh.sql("SELECT code, iso3 FROM country_codes")
        by_code = dict(zip(countries["code"].tolist(), countries["iso3"].tolist()))
        by_code[0] = ""
        return StoreCodes(wh.sql("SELECT code, actor_iso3, actor FROM lane_codes").set_index("code"),
                          wh.sql("SELECT code, topic FROM topic_codes").set_index("code"),
                          by_code, {v: k for k, v in by_code.items()},
                          int(wh.row("SELECT coalesce(max(code), 0) FROM file_codes")[0]))


@dataclass(frozen=True)
class SqlRows:
    """`Rows` of one table: a condition on the store, counted once, fetched a page at a time
    (answers shared through the source's `Ahead`, so a page fetched ahead is not fetched again)."""

    source: "StoreSource"
    table: str
    cond: str
    params: tuple
    order: str = "_seq"
    order_params: tuple = ()
    # (view, extra condition, its params) when the view's narrow copy can count and page it
    narrow: tuple | None = None

    @property
    def key(self) -> tuple:
        return ("rows", self.table, self.cond, repr(self.params), self.order, repr(self.order_params))

    def __len__(self) -> int:
        return self.source.ahead.get(self.key + ("len",), self.count)

    def count(self) -> int:
        if self.narrow:
            rel, cond, params = self.source.scope(self.table, *self.narrow[:2], *self.narrow[2])
            return int(self.source.wh.row(f"SELECT count(*) FROM {rel} WHERE {cond}", params)[0])
        return int(self.source.wh.row(f'SELECT count(*) FROM "{self.table}" WHERE {self.cond}',
                                      list(self.params))[0])

    def page(self, number: int, size: int = PAGE_SIZE,
             cols: Sequence[str] | None = None) -> pd.DataFrame:
        number = 1 if number == 1 else clamp_page(number, len(self), size)  # page 1 needs no count
        return columns_of(self.source.ahead.get(self.key + ("page", number, size),
                                                lambda: self.fetch_page(number, size)), cols)

    def fetch_page(self, number: int, size: int = PAGE_SIZE) -> pd.DataFrame:
        """Page `number` (not clamped) fetched now: the row numbers first (a narrow sort), then
        the rows in that range, so a deep page costs about what the first does."""
        if self.narrow and self.order == "_seq":
            # the page's row numbers from the view's narrow copy, the rows by those numbers
            rel, cond, params = self.source.scope(self.table, *self.narrow[:2], *self.narrow[2])
            seqs = self.source.wh.sql(f"""SELECT _seq FROM {rel} WHERE {cond}
                ORDER BY _seq LIMIT {int(size)} OFFSET {(number - 1) * int(size)}""", params)["_seq"].tolist()
            return self.source.fetch_seqs(self.table, seqs)
        params = [*self.params, *self.order_params]
        return self.source.fetch_page(self.table, self.cond, params, self.order, size, (number - 1) * size)


class StoreSource:
    """`dashboard.source.Source` over a DuckDB store (stance.warehouse.Warehouse)."""

    def __init__(self, wh: Warehouse, key: str, folder: Path) -> None:
        self.wh, self.key, self.folder = wh, key, folder
        self.label = wh.path.name
        self.names = names_from_counts(wh.sql("""SELECT code, name, count(*) AS n FROM (
            SELECT country_iso3 AS code, country AS name FROM positions UNION ALL
            SELECT toward_iso3, toward FROM positions UNION ALL
            SELECT actor_iso3, actor FROM events UNION ALL
            SELECT target_iso3, target FROM events UNION ALL
            SELECT toward_iso3, '' FROM claims) WHERE code <> '' GROUP BY ALL"""))
        o = wh.options()
        self.options = FilterOptions(o["date_min"], o["date_max"], o["countries"],
                                     topics=o["topics"], files=o["files"], targets=o["targets"])
        self.titles = file_titles(wh.sql("""SELECT file, title FROM documents WHERE file <> ''
            QUALIFY row_number() OVER (PARTITION BY file ORDER BY _seq) = 1 ORDER BY _seq"""))
        self.articles_total = len(self.titles)
        self.codes = StoreCodes.of(wh)
        self.ahead = Ahead()
        self._seq_spans: dict[str, tuple] = {}
        self._narrowed: OrderedDict[str, tuple] = OrderedDict()  # scratch table -> its Ahead key
        self._narrow_lock = threading.Lock()
        self._narrow_n = 0
        # the whole store aggregated once, in the background (opening does not wait for it):
        # the default view and its variants read these once they are made
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stance-unfiltered")
        self._unfiltered: Future | None = pool.submit(ov.Unfiltered.build, self)
        pool.shutdown(wait=False)

    @property
    def unfiltered(self) -> "ov.Unfiltered | None":
        """The open-time aggregates of the whole store once they are made (None before, or
        when making them failed: every answer then comes from the rows)."""
        made = self._unfiltered
        if made is None or not made.done() or made.exception() is not None:
            return None
        return made.result()

    @unfiltered.setter
    def unfiltered(self, value: "ov.Unfiltered | None") -> None:
        made: Future | None = None
        if value is not None:
            made = Future()
            made.set_result(value)
        self._unfiltered = made

    def settle(self) -> None:
        """Wait until the open-time aggregates are made (benchmarks and tests time the views
        after it, so the build does not run beside them)."""
        if self._unfiltered is not None:
            self._unfiltered.exception()

    # ------------------------------------------------------------ helpers

    def where(self, table: str, f: Query, extra: str = "", *params) -> tuple[str, list]:
        cond, base = Warehouse.where(table, view_query(f))
        return (f"{cond} AND {extra}" if extra else cond), [*base, *params]

    def count(self, table: str, f: Query, extra: str = "", *params) -> int:
        """Rows of the view (and `extra`, reading only NARROW_COLUMNS) in `table`."""
        rel, cond, p = self.scope(table, f, extra, *params)
        return int(self.wh.row(f"SELECT count(*) FROM {rel} WHERE {cond}", p)[0])

    def fetch(self, table: str, cond: str, params: list, order: str = "_seq",
              limit: int | None = None, offset: int = 0, join: str = "") -> pd.DataFrame:
        """Rows of `table` (contract columns, plus the event stance) with derived columns
        (`join`: a JOIN clause after the table, its parameters first in `params`)."""
        cols = ", ".join(f'"{c}"' for c in T.COLUMNS[table]) + ", _lo, _hi, _t0"
        cols += ", _stance" if table == "events" else ""
        tail = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        raw = self.wh.sql(f'SELECT {cols} FROM "{table}" {join} WHERE {cond} ORDER BY {order}{tail}', params)
        periods = (raw["_lo"].astype("int32"), raw["_hi"].astype("int32"),
                   as_t0(raw["_t0"]))
        out = derive(_conform(raw, table), table, self.names, periods)
        if table == "events":
            out["_stance"] = raw["_stance"].fillna("none").astype(object).to_numpy()
        return out

    def fetch_page(self, table: str, cond: str, params: list, order: str, size: int,
                   offset: int) -> pd.DataFrame:
        """`fetch` of one page: when rows are in ingest order, the page's row numbers are found
        on the narrow `_seq` column (`page_seqs`) and the rows fetched by those numbers."""
        if order != "_seq":
            return self.fetch(table, cond, params, order=order, limit=size, offset=offset)
        return self.fetch_seqs(table, self.page_seqs(table, cond, params, size, offset))

    def fetch_seqs(self, table: str, seqs: list[int]) -> pd.DataFrame:
        """`fetch` of the rows with these row numbers (ascending)."""
        if not seqs:
            return self.fetch(table, "FALSE", [], limit=0)
        span = f"_seq BETWEEN {int(seqs[0])} AND {int(seqs[-1])}"
        if seqs[-1] - seqs[0] + 1 == len(seqs):  # one run of rows: the range alone
            return self.fetch(table, span, [])
        # by row number, not the view's condition again: the rows of a sparse view lie far apart;
        # joined to the numbers (a hash probe per row) rather than `= ANY(list)`, which searches
        # the list for each row
        return self.fetch(table, span, [seqs], join="JOIN (SELECT unnest(?::BIGINT[]) AS _s) ON _seq = _s")

    def page_seqs(self, table: str, cond: str, params: list, size: int, offset: int) -> list[int]:
        """The `_seq` of the rows ranked offset+1 .. offset+size by `_seq` (in order), looked
        for among the rows below a bound that grows until the page is full or the bound passes
        the table's last row. Rows are stored in `_seq` order, so the scan of a low bound reads
        a few row groups (their _seq ranges are in the zone maps) instead of the whole table; the answer is the same at any bound, as every row above it
        ranks after every row below."""
        first, last = self.seq_span(table)
        if first is None:
            return []
        need = offset + size
        width = max(4 * need, SEQ_WINDOW)
        while True:
            bound = first + width
            found, n, seqs = self.wh.row(f"""SELECT max(r), count(*) FILTER (WHERE r > {int(offset)}),
                list(_seq ORDER BY _seq) FILTER (WHERE r > {int(offset)})
                FROM (SELECT _seq, row_number() OVER (ORDER BY _seq) AS r FROM (SELECT _seq FROM "{table}"
                      WHERE {cond} AND _seq < ? ORDER BY _seq LIMIT {int(need)}))""", [*params, bound])
            if n >= size or bound > last:
                return list(seqs or [])
            # the next bound from the rows found so far (twice what the density suggests), at
            # least 8 times further: a sparse view needs few rounds
            width = max(8 * width, 2 * width * need // max(int(found or 0), 1))

    def seq_span(self, table: str) -> tuple:
        """The table's smallest and largest `_seq` (fixed for this source: one store version)."""
        if table not in self._seq_spans:
            self._seq_spans[table] = self.wh.row(f'SELECT min(_seq), max(_seq) FROM "{table}"')
        return self._seq_spans[table]

    def rows_where(self, table: str, f: Query, extra: str = "", *params, narrow: bool = False) -> SqlRows:
        """The view's rows of `table` (and `extra`); `narrow`: `extra` reads only columns of the
        narrow copy (NARROW_COLUMNS), so the copy may count and page them when the view has one."""
        cond, p = self.where(table, f, extra, *params)
        q = view_query(f)
        return SqlRows(self, table, cond, tuple(p),
                       narrow=(q, extra, tuple(params)) if narrow and narrows(q) else None)

    # ------------------------------------------------------------ narrow copies of a view

    def scope(self, table: str, f: Query, extra: str = "", *params) -> tuple[str, str, list]:
        """(relation, condition, params) selecting the view's rows of `table` (and `extra`):
        its narrow copy and the residual condition when the view is copied (`narrows`; `extra`
        must then read only NARROW_COLUMNS), else the table and the view's condition."""
        q = view_query(f)
        if table in NARROW_COLUMNS and narrows(q):
            cond = residual(table, q)
            return self.narrow(table, q), (f"{cond} AND {extra}" if extra else cond), list(params)
        cond, p = self.where(table, f, extra, *params)
        return f'"{table}"', cond, p

    def narrow(self, table: str, q: Query) -> str:
        """The scratch table holding NARROW_COLUMNS of `relaxed(q)`'s rows of `table`, made
        once per view (kept in `ahead`, so a new filter state makes it again) and shared by
        the view's queries: one pass over the table with the view's conditions instead of one
        per query."""
        key = ("narrow", table, relaxed(q))
        return self.ahead.once(key, lambda: self._make_narrow(key, table, relaxed(q)))

    def map_groups(self, f: Query) -> str | None:
        """A table of the view's positions (every kind, undated ones included) grouped per
        (target, country, kind, implied, dated flag `_lo`) with `Warehouse.map_groups`'
        aggregates, for the unfiltered views (`Unfiltered.map`) and the narrow ones (made once
        from the narrow copy): it answers the targets and the map toward any target
        (`Warehouse.map_view(grouped=True)`) with the view's residual condition. None for the
        other views: grouping most of the positions per target costs about twice the two
        passes it would save (a trial: 1.8 s against 0.8 s of CPU at 1M)."""
        from . import charts

        q = view_query(f)
        if self.unfiltered and ov.unfiltered(q) and self.unfiltered.per_country == charts.MAP_HOVER_LINES:
            return self.unfiltered.map
        if not narrows(q):
            return None
        key = ("map groups", relaxed(q))

        def make() -> str:
            rel, cond, p = self.scope("positions", relaxed(q))
            name = self._scratch_name("map_groups", key)
            self.wh.execute(f"""CREATE TABLE {name} AS SELECT _toward, _country, _kind, _implied,
                CAST(_lo > 0 AS INTEGER) AS _lo, {self.wh.map_groups(charts.MAP_HOVER_LINES)}
                FROM {rel} WHERE {cond} GROUP BY ALL""", p)
            return name

        return self.ahead.once(key, make)

    def _scratch_name(self, kind: str, key: tuple) -> str:
        """A new scratch table's name for the answer kept in `ahead` under `key`; first drops
        the tables whose keys `ahead` forgot, and the oldest beyond NARROW_KEPT views' worth."""
        schema = self.wh.scratch()
        with self._narrow_lock:
            self._narrow_n += 1
            name = f'{schema}."{kind}_{self._narrow_n}"'
            # drop the tables `ahead` no longer answers with (forgotten, or made again for the
            # same view since), and the oldest beyond NARROW_KEPT views' worth
            old = [n for n, k in self._narrowed.items() if self._stale(n, k)]
            old += list(self._narrowed)[:max(0, len(self._narrowed) - 4 * NARROW_KEPT + 1)]
            for n in dict.fromkeys(old):
                k = self._narrowed.pop(n)
                if self.ahead.answer(k) == n:
                    self.ahead.forget(k)
                self.wh.execute(f"DROP TABLE IF EXISTS {n}")
            self._narrowed[name] = key
        return name

    def _stale(self, name: str, key: tuple) -> bool:
        """Whether `ahead` no longer answers `key` with the scratch table `name` (a table still
        being made is not stale)."""
        if not self.ahead.has(key):
            return True
        running = object()
        answer = self.ahead.answer(key, running)
        return answer is not running and answer != name

    def _make_narrow(self, key: tuple, table: str, r: Query) -> str:
        name = self._scratch_name(table, key)
        cond, p = Warehouse.where(table, r)
        self.wh.execute(f'CREATE TABLE {name} AS SELECT {", ".join(NARROW_COLUMNS[table])} FROM "{table}" '
                        f"WHERE {cond}", p)
        return name

    # ------------------------------------------------------------ overview (dashboard.store_overview)

    def codes_of(self, kind: str, codes) -> pd.DataFrame | dict:
        """The dictionary `kind` ("lanes", "topics", "countries") holding every one of `codes`
        (read again when one is missing: content added since the source opened)."""
        table = getattr(self.codes, kind)
        have = table.index if isinstance(table, pd.DataFrame) else table
        if not all(c in have for c in set(codes)):
            self.codes = StoreCodes.of(self.wh)
            table = getattr(self.codes, kind)
        return table

    def _view(self, kind: str, f: Query, *extra) -> tuple:
        return (kind, view_query(f), *extra)

    def headline(self, f: Query) -> Headline:
        """The Overview's figures; also starts the rest of the Overview's queries, side by side."""
        lane = getattr(f, "lane", "actor")
        self.ahead.start(self._view("targets", f), lambda: ov.targets_then_map(self, f))
        self.ahead.start(self._view("timeline", f, lane), lambda: ov.timeline_data(self, f, lane))
        if f.include_undated:
            rows = self.undated_events(f)
            self.ahead.start(rows.key + ("page", 1, OVERVIEW_ROWS), lambda: rows.fetch_page(1, OVERVIEW_ROWS))
        else:
            self.ahead.start(self._view("undated hidden", f), lambda: ov.undated_hidden(self, f))
        for rows in (self.rows("claims", f), self.bloc_positions(f)):
            self.ahead.start(rows.key + ("page", 1, OVERVIEW_ROWS),
                             lambda rows=rows: rows.fetch_page(1, OVERVIEW_ROWS))
        # in this thread: the page needs it first, and the pool's workers are busy with the rest
        h = self.ahead.once(self._view("headline", f), lambda: ov.headline(self, f))
        # the headline counted these rows already: their tables need not count them again
        for rows, n in ((self.rows("events", f), h.events), (self.undated_events(f), h.undated_events),
                        (self.rows("claims", f), h.claims)):
            self.ahead.start(rows.key + ("len",), lambda n=n: n)
        return h

    def targets(self, f: Query) -> pd.Series:
        return self.ahead.get(self._view("targets", f), lambda: ov.targets_then_map(self, f))

    def map_frame(self, f: Query, target: str | None) -> pd.DataFrame:
        return self._toward(f, target)[0]

    def hidden_implied(self, f: Query, target: str) -> tuple[int, int]:
        return self._toward(f, target)[1][:2]

    def bloc_toward(self, f: Query, target: str) -> int:
        return self._toward(f, target)[1][2]

    def _toward(self, f: Query, target: str | None) -> tuple:
        return self.ahead.get(self._view("toward", f, target), lambda: ov.toward(self, f, target))

    def timeline(self, f: Query, lane: str) -> tuple[go.Figure, TimelineInfo]:
        data = self.ahead.get(self._view("timeline", f, lane), lambda: ov.timeline_data(self, f, lane))
        if isinstance(data, TimelineCounts):
            return counts_figure(data)
        events, undated = data
        return timeline_figure(events, lane, undated=undated)

    def undated_hidden(self, f: Query) -> int:
        return self.ahead.get(self._view("undated hidden", f), lambda: ov.undated_hidden(self, f))

    # ------------------------------------------------------------ rows

    def rows(self, table: str, f: Query) -> SqlRows:
        return self.rows_where(table, f, narrow=table in NARROW_COLUMNS)

    def undated_events(self, f: Query) -> SqlRows:
        return self.rows_where("events", f, "_lo = 0", narrow=True)

    def bloc_positions(self, f: Query) -> SqlRows:
        return self.rows_where("positions", f, "country_iso3 = ''", narrow=True)

    def pair_rows(self, f: Query, holder: str, target: str) -> SqlRows:
        return self.rows_where("positions", f, "country_iso3 = ? AND toward_iso3 = ?", holder, target)

    def state_rows(self, f: Query, iso3: str) -> SqlRows:
        """Positions it holds, then positions others hold toward it (as the pandas path)."""
        rows = self.rows_where("positions", f, "(country_iso3 = ? OR toward_iso3 = ?)", iso3, iso3)
        return replace(rows, order="country_iso3 <> ?, _seq", order_params=(iso3,))

    # ------------------------------------------------------------ country, relations

    def states(self, f: Query) -> pd.Series:
        cond, p = self.where("positions", f)
        counts = self.wh.sql(f"""SELECT c, count(*) AS n FROM (
            SELECT country_iso3 AS c FROM positions WHERE {cond} UNION ALL
            SELECT toward_iso3 FROM positions WHERE {cond}) WHERE c <> '' GROUP BY 1""", [*p, *p])
        return prof.states_from(counts.set_index("c")["n"], self.names)

    def profile(self, f: Query, iso3: str) -> Profile:
        from .store_profile import store_profile

        return store_profile(self, f, iso3)

    def pairs(self, f: Query) -> pd.DataFrame:
        cond, p = self.where("positions", f, "country_iso3 <> '' AND toward_iso3 <> ''")
        counts = self.wh.sql(f"""SELECT country_iso3, toward_iso3, stance, count(*) AS n FROM positions
            WHERE {cond} GROUP BY ALL""", p)
        return pairs_from_counts(counts, self.names, self.names)

    # ------------------------------------------------------------ evidence, downloads

    def document_meta(self, doc_id: str) -> dict[str, str]:
        docs = _conform(self.wh.sql("SELECT * FROM documents WHERE doc_id = ? LIMIT 1", [doc_id]),
                        "documents")
        return evidence.document_meta(docs, doc_id)

    def source_file(self, file: str) -> Path | None:
        """The path the file was ingested from when it is still there, else the articles
        folder's file of that name."""
        row = self.wh.row("SELECT path FROM files WHERE file = ? LIMIT 1", [file])
        if row and row[0] and Path(row[0]).is_file():
            return Path(row[0])
        return evidence.resolve_source(file, self.folder)

    def added(self, path: Path, tables) -> str | None:
        """Add an upload stored at `path` (parsed into `tables`) to the store, in one
        transaction; a message when it could not be added."""
        from stance.warehouse import IngestError

        if self.wh.read_only:
            return ("The store is open read-only (another process writes to it): add the file "
                    "with `stance ingest` later.")
        try:
            if set(tables.documents["file"].astype(str)) == {path.name}:
                self.wh.ingest_tables(tables)   # parsed under this name: no second parse
            else:
                self.wh.ingest_paths([path])
        except IngestError:
            try:  # e.g. its document ids are taken: ingest gives the file fresh ones
                self.wh.ingest_paths([path])
            except IngestError as exc:
                return f"Not added to the store: {exc}"
        return None

    def table_csv(self, table: str, f: Query) -> bytes:
        return b"".join(self.wh.iter_csv(table, view_query(f), transform=_shown))

    def tables_zip(self, f: Query, query: dict) -> bytes:
        buffer = io.BytesIO()
        extra = {"filters.json": json.dumps(dict(query), indent=2, sort_keys=True).encode("utf-8")}
        self.wh.write_zip(view_query(f), buffer, transform=_shown, extra=extra)
        return buffer.getvalue()


def _shown(df: pd.DataFrame, table: str) -> pd.DataFrame:
    return shown(df, table).reset_index(drop=True)


def first_last(lo: int | None, hi: int | None) -> tuple[str | None, str | None]:
    """ISO days of YYYYMMDD integers (None when there is none)."""
    return (int_to_iso(lo) if lo else None), (int_to_iso(hi) if hi else None)
