"""The DuckDB data source: the dashboard's questions as SQL on a `stance ingest` store.

Filters (`Warehouse.where`, the same Query the pandas path filters with), aggregations, paging
and the evidence search run in DuckDB; only aggregated or paged rows reach pandas, where the
same builders as the pandas path (charts, timeline, relations, profile) draw them. Downloads
stream from the query in batches (`Warehouse.iter_csv` / `write_zip`).
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from stance import tables as T
from stance.warehouse import Query, Warehouse, _conform

from . import charts, evidence, profile as prof
from .filters import FilterOptions, view_query
from .model import derive, display_names, int_to_iso, shown
from .names import file_titles, group_names, names_from_counts
from .paging import PAGE_SIZE
from .profile import Profile
from .relations import pairs_from_counts
from .source import clamp_page
from .summary import Headline
from .timeline import (AGGREGATE_ABOVE, BLANK_LANE, TimelineCounts, TimelineInfo,
                       counts_figure, pick_bucket, timeline_figure)

PROFILE_ROWS = 5000     # dated positions of a state drawn on its timeline (each way)
LISTED_CLAIMS = PAGE_SIZE  # count claims listed on the Country page (each kind)
DAY0 = "DATE '1970-01-01'"


def store_key(wh: Warehouse) -> str:
    """Changes whenever an ingest adds or replaces content (a few milliseconds)."""
    n, h = wh.row("SELECT count(*), coalesce(sum(hash(content_hash || parser_version)), 0) FROM files")
    return f"store:{wh.path}:{n}:{h}"


@dataclass
class SqlRows:
    """`Rows` of one table: a condition on the store, counted once, fetched a page at a time."""

    source: "StoreSource"
    table: str
    cond: str
    params: list
    order: str = "_seq"
    order_params: tuple = ()
    _n: int | None = None

    def __len__(self) -> int:
        if self._n is None:
            self._n = int(self.source.wh.row(f'SELECT count(*) FROM "{self.table}" WHERE {self.cond}',
                                             self.params)[0])
        return self._n

    def page(self, number: int, size: int = PAGE_SIZE) -> pd.DataFrame:
        offset = (clamp_page(number, len(self), size) - 1) * size
        return self.source.fetch(self.table, self.cond, [*self.params, *self.order_params],
                                 order=self.order, limit=size, offset=offset)


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

    # ------------------------------------------------------------ helpers

    def where(self, table: str, f: Query, extra: str = "", *params) -> tuple[str, list]:
        cond, base = Warehouse.where(table, view_query(f))
        return (f"{cond} AND {extra}" if extra else cond), [*base, *params]

    def count(self, table: str, f: Query, extra: str = "", *params) -> int:
        cond, p = self.where(table, f, extra, *params)
        return int(self.wh.row(f'SELECT count(*) FROM "{table}" WHERE {cond}', p)[0])

    def fetch(self, table: str, cond: str, params: list, order: str = "_seq",
              limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Rows of `table` (contract columns, plus the event stance) with derived columns."""
        cols = ", ".join(f'"{c}"' for c in T.COLUMNS[table])
        cols += ", _stance" if table == "events" else ""
        tail = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        raw = self.wh.sql(f'SELECT {cols} FROM "{table}" WHERE {cond} ORDER BY {order}{tail}', params)
        out = derive(_conform(raw, table), table, self.names)
        if table == "events":
            out["_stance"] = raw["_stance"].fillna("none").astype(object).to_numpy()
        return out

    def rows_where(self, table: str, f: Query, extra: str = "", *params) -> SqlRows:
        cond, p = self.where(table, f, extra, *params)
        return SqlRows(self, table, cond, p)

    # ------------------------------------------------------------ overview

    def headline(self, f: Query) -> Headline:
        (ce, pe), (cp, pp), (cc, pc) = (self.where(t, f) for t in ("events", "positions", "claims"))
        events, undated = self.wh.row(f"SELECT count(*), count(*) FILTER (WHERE _lo = 0) FROM events "
                                      f"WHERE {ce}", pe)
        countries = self.wh.row(f"SELECT count(DISTINCT country_iso3) FILTER (WHERE country_iso3 <> '') "
                                f"FROM positions WHERE {cp}", pp)[0]
        claims = self.wh.row(f"SELECT count(*) FROM claims WHERE {cc}", pc)[0]
        articles = self.wh.row(f"""SELECT count(*) FROM (SELECT file FROM events WHERE {ce}
            UNION SELECT file FROM positions WHERE {cp} UNION SELECT file FROM claims WHERE {cc})
            WHERE file <> ''""", [*pe, *pp, *pc])[0]
        return Headline(int(articles), self.articles_total, int(events), int(undated),
                        int(countries), int(claims))

    def targets(self, f: Query) -> pd.Series:
        counts = self.wh.targets(view_query(f))
        return counts.set_index("code")["n"].astype("int64")

    def map_frame(self, f: Query, target: str | None) -> pd.DataFrame:
        q = view_query(f)
        stances = self.wh.map_stances(q, target)
        if stances.empty:
            return pd.DataFrame(columns=charts.MAP_COLUMNS)
        lines = self.wh.map_lines(q, target, per_country=charts.MAP_HOVER_LINES)
        lines["_group_name"] = group_names(lines["group"])
        return charts.map_frame_from(stances, lines, self.names)

    def hidden_implied(self, f: Query, target: str) -> tuple[int, int]:
        if f.include_roster and f.include_implied:
            return 0, 0
        cond, p = self.where("positions", replace(view_query(f), include_roster=True, include_implied=True),
                             "toward_iso3 = ? AND basis IN ('roster', 'member_of_group')", target)
        n = dict(self.wh.sql(f"SELECT basis, count(*) AS n FROM positions WHERE {cond} GROUP BY 1", p)
                 .itertuples(index=False))
        return (0 if f.include_roster else int(n.get("roster", 0)),
                0 if f.include_implied else int(n.get("member_of_group", 0)))

    def bloc_toward(self, f: Query, target: str) -> int:
        return self.count("positions", f, "toward_iso3 = ? AND country_iso3 = ''", target)

    def timeline(self, f: Query, lane: str) -> tuple[go.Figure, TimelineInfo]:
        cond, p = self.where("events", f)
        dated, undated, t_min, t_max = self.wh.row(
            f"SELECT count(*) FILTER (WHERE _lo > 0), count(*) FILTER (WHERE _lo = 0), "
            f"min(_t0), max(_t0) FROM events WHERE {cond}", p)
        if dated <= AGGREGATE_ABOVE:
            events = self.fetch("events", cond + " AND _lo > 0", p)
            return timeline_figure(events, lane, undated=int(undated))
        bucket = pick_bucket((t_max - t_min).days)
        keys = "actor_iso3, actor" if lane == "actor" else "topic"
        counts = self.wh.sql(f"""SELECT {keys}, datediff('day', {DAY0}, date_trunc('{bucket}', _t0)) AS period,
            _stance AS stance, count(*) AS n FROM events WHERE {cond} AND _lo > 0 GROUP BY ALL""", p)
        if lane == "actor":
            label = display_names(counts["actor_iso3"], counts["actor"].fillna(""), self.names)
        else:
            label = counts["topic"].fillna("")
        counts["lane"] = label.where(label != "", BLANK_LANE.get(lane, "(unknown actor)"))
        counts = counts.groupby(["lane", "period", "stance"], sort=False)["n"].sum().reset_index()
        days = self.wh.sql(f"""SELECT datediff('day', {DAY0}, _t0) AS d, count(*) AS n FROM events
            WHERE {cond} AND _lo > 0 GROUP BY 1 ORDER BY 1""", p)
        tc = TimelineCounts(counts, bucket, days["d"].to_numpy("int64"), days["n"].to_numpy("int64"),
                            int(undated))
        return counts_figure(tc)

    def undated_hidden(self, f: Query) -> int:
        return self.count("events", replace(view_query(f), include_undated=True), "_lo = 0")

    # ------------------------------------------------------------ rows

    def rows(self, table: str, f: Query) -> SqlRows:
        return self.rows_where(table, f)

    def undated_events(self, f: Query) -> SqlRows:
        return self.rows_where("events", f, "_lo = 0")

    def bloc_positions(self, f: Query) -> SqlRows:
        return self.rows_where("positions", f, "country_iso3 = ''")

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
