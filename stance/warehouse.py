"""The four tables in one DuckDB database file, ingested by file content, queried in SQL.

Why DuckDB: filters, aggregations and paging over millions of rows run in its vectorised engine
on the file, so only aggregated or paged rows reach pandas (the dashboard's memory stays flat
as the corpus grows), and CSV/ZIP exports stream from a query in record batches.

Ingest (`Warehouse.ingest_paths` / `ingest_tables`):
* keyed by the SHA-256 of each file's bytes: content already in the store (same parser
  version) is not parsed again; a second file with the same bytes is reported as a duplicate;
* one ingest is ONE transaction: the files registry and the rows of the four tables commit
  together, or (on any error, or an interrupted process) not at all: the store is left as it was;
* document ids stay unique across ingests (a new file named like a stored one gets the same
  `name~2` prefix the parser gives two files with one name in one run);
* derived columns (date period as YYYYMMDD integers, first day, event stance and stance bits,
  implied flag, a global row order `_seq`) are computed once, in SQL, at ingest;
* so are integer codes for the values the dashboard groups and counts (lane, topic, file,
  holder and target country, event stance: `CODES`), from dictionaries an ingest only appends
  to (DuckDB groups and counts small integers several times faster than strings).

Queries take a `Query` (date range, countries, stances, topics, files, undated, implied), with
the same meaning as the dashboard's filters, and return small pandas frames: `counts`,
`timeline` (counts per lane, period and stance), `map_stances` / `map_lines` (per-country
stance toward a target; both, with the hidden kinds' counts, in one pass: `map_view`), `targets`, `page`, `options`; `iter_csv` / `write_zip` stream.
"""
from __future__ import annotations

import io
import os
import threading
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from . import tables as T
from .dates import DEFAULT_SETTINGS, DateSettings
from .tables import TABLE_NAMES

DEFAULT_NAME = "stance.duckdb"
FORMAT = 3  # 2: positions._kind (0 stated, 1 roster, 2 bloc membership); 3: integer codes
#             (lanes, topics, files, countries, event stance); older formats are upgraded
KIND_ROSTER, KIND_MEMBER = 1, 2
IDLE_CURSORS = 8      # read cursors kept for reuse (`Warehouse._pooled`)
SCRATCH = "_scratch"  # the in-memory database attached for scratch tables (`Warehouse.scratch`)
EQUALITIES_UP_TO = 16  # a filter on up to this many values is written as equalities, not IN
ROW_TABLES = ("events", "positions", "claims")
IMPLIED_BASES = ("member_of_group", "roster")
STANCE_BITS = {s: 1 << i for i, s in enumerate(T.STANCES)}
BUCKETS = ("day", "week", "month", "year")
EVENT_STANCES = ("none", "mixed", *T.STANCES)  # events._st is the index of _stance here
# Dictionaries of the integer codes stored at ingest: table -> its value columns. Every distinct
# value (NULL and '' included) of a lane or topic has a code >= 1; a file or country code is
# 0 for '' and -1 for NULL (so "> 0" means a non-empty value), else >= 1. Codes are never
# reused or renumbered: an ingest only appends the values it brings.
CODES = {"lane_codes": ("actor_iso3", "actor"), "topic_codes": ("topic",),
         "file_codes": ("file",), "country_codes": ("iso3",)}
_CODED = {  # table -> (code column, dictionary, the table's value columns)
    "events": (("_lane", "lane_codes", ("actor_iso3", "actor")), ("_topic", "topic_codes", ("topic",)),
               ("_file", "file_codes", ("file",))),
    "positions": (("_file", "file_codes", ("file",)), ("_country", "country_codes", ("country_iso3",)),
                  ("_toward", "country_codes", ("toward_iso3",))),
    "claims": (("_file", "file_codes", ("file",)),),
}
_RESERVED = {"file_codes", "country_codes"}  # '' -> 0, NULL -> -1
Transform = Callable[[pd.DataFrame, str], pd.DataFrame]  # (batch, table name) -> frame to write


def default_path(data_folder: str | os.PathLike) -> Path:
    """Where the store lives by default: DATA/stance.duckdb (next to data/articles)."""
    return Path(data_folder) / DEFAULT_NAME


class IngestError(RuntimeError):
    """An ingest failed and was rolled back: the store holds what it held before."""


@dataclass(frozen=True)
class Query:
    """A filtered view (the dashboard's filters are this plus display choices: one definition).

    Empty tuples mean no restriction; dates are ISO days or None. A dated row is kept when its
    date period overlaps [date_from, date_to]; countries match the actor or target (events),
    the holder or target (positions), the target (claims); an event passes the stance filter
    when a position or claim citing it has a chosen stance. Positions implied by membership of
    a bloc that spoke only with `include_implied`, those implied by a known letter's roster
    only with `include_roster`. `search`: words every kept row's evidence sentence contains
    (any case, plain substrings).
    """

    date_from: str | None = None
    date_to: str | None = None
    countries: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    include_undated: bool = True
    include_implied: bool = False  # positions implied by membership of a bloc that spoke
    include_roster: bool = True    # positions implied by a known letter's signatory list
    search: str = ""               # words the evidence sentence must contain (any case)


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did: files added, content already stored, files that could not be read."""

    added: tuple[str, ...]
    duplicates: tuple[str, ...]
    unreadable: tuple[tuple[str, str], ...]  # (file, message)
    rows: tuple[int, int, int, int]          # rows added per table


def _iso_int(iso: str) -> int:
    return int(iso[:4]) * 10000 + int(iso[5:7]) * 100 + int(iso[8:10])


def _sql_type(col: str) -> str:
    return "BIGINT" if col in T.INT_COLUMNS else "VARCHAR"


_DERIVED = {
    "documents": [("_seq", "BIGINT")],
    "events": [("_seq", "BIGINT"), ("_lo", "INTEGER"), ("_hi", "INTEGER"), ("_t0", "DATE"),
               ("_stance", "VARCHAR"), ("_stance_bits", "TINYINT"), ("_st", "UTINYINT"),
               ("_lane", "INTEGER"), ("_topic", "INTEGER"), ("_file", "INTEGER")],
    "positions": [("_seq", "BIGINT"), ("_lo", "INTEGER"), ("_hi", "INTEGER"), ("_t0", "DATE"),
                  ("_implied", "BOOLEAN"), ("_kind", "UTINYINT"), ("_file", "INTEGER"),
                  ("_country", "INTEGER"), ("_toward", "INTEGER")],
    "claims": [("_seq", "BIGINT"), ("_lo", "INTEGER"), ("_hi", "INTEGER"), ("_t0", "DATE"),
               ("_file", "INTEGER")],
}


def _same(a: str, b: str) -> str:
    return f'{a} IS NOT DISTINCT FROM {b}'


def _create_dictionaries(cur) -> None:
    """The code dictionaries (`CODES`), if the store has none yet."""
    for dictionary, cols in CODES.items():
        cur.execute(f"""CREATE TABLE IF NOT EXISTS {dictionary} (code INTEGER,
            {", ".join(f'"{c}" VARCHAR' for c in cols)})""")


def _add_codes(cur, sources: Mapping[str, str]) -> None:
    """Append to the dictionaries the values of `sources` (table -> relation holding that
    table's rows) they do not hold yet, numbered after the largest code."""
    for dictionary, cols in CODES.items():
        picks = ["SELECT DISTINCT " + ", ".join(f'"{v}" AS "{c}"' for v, c in zip(values, cols)) + f" FROM {rel}"
                 for table, rel in sources.items() for _, d, values in _CODED.get(table, ()) if d == dictionary]
        if not picks:
            continue
        names = ", ".join(f'"{c}"' for c in cols)
        new = " AND ".join(_same(f'd."{c}"', f'n."{c}"') for c in cols)
        skip = (" WHERE " + " AND ".join(f'n."{c}" IS NOT NULL AND n."{c}" <> \'\'' for c in cols)
                if dictionary in _RESERVED else "")
        cur.execute(f"""INSERT INTO {dictionary}
            SELECT (SELECT coalesce(max(code), 0) FROM {dictionary}) + row_number() OVER (ORDER BY {names}) AS code, {names}
            FROM (SELECT DISTINCT * FROM ({" UNION ".join(picks)})) n{skip}
            {"AND" if skip else "WHERE"} NOT EXISTS (SELECT 1 FROM {dictionary} d WHERE {new})""")


def _coded(table: str, rel: str) -> str:
    """SELECT of `rel` (rows of `table`) with the table's code columns, in `_seq` order."""
    cols, joins = [], []
    for k, (col, dictionary, values) in enumerate(_CODED[table]):
        on = " AND ".join(_same(f'c{k}."{d}"', f'x."{v}"') for d, v in zip(CODES[dictionary], values))
        joins.append(f"LEFT JOIN {dictionary} c{k} ON {on}")
        code = f"c{k}.code"
        if dictionary in _RESERVED:
            v = f'x."{values[0]}"'
            code = f"CASE WHEN {v} IS NULL THEN -1 WHEN {v} = '' THEN 0 ELSE c{k}.code END"
        cols.append(f"CAST({code} AS INTEGER) AS {col}")
    if table == "events":
        cols.append("CAST(CASE x._stance " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(EVENT_STANCES))
                    + " END AS UTINYINT) AS _st")
    return f"SELECT x.*, {', '.join(cols)} FROM ({rel}) x {' '.join(joins)} ORDER BY x._seq"


def _period_sql(src: str) -> str:
    """SELECT over `src` adding _lo, _hi (YYYYMMDD ints, 0 when undated) and _t0 (first day).

    A month-precision date covers its month (last day written as 31, as in the dashboard), a
    year-precision date its year; the same rule as dashboard.model.date_periods."""
    return f"""
    SELECT *,
      CASE WHEN _ts IS NULL THEN 0 WHEN _yr THEN year(_ts) * 10000 + 101
           WHEN _mo THEN year(_ts) * 10000 + month(_ts) * 100 + 1
           ELSE year(_ts) * 10000 + month(_ts) * 100 + day(_ts) END AS _lo,
      CASE WHEN _ts IS NULL THEN 0 WHEN _yr THEN year(_ts) * 10000 + 1231
           WHEN _mo THEN year(_ts) * 10000 + month(_ts) * 100 + 31
           ELSE year(_ts) * 10000 + month(_ts) * 100 + day(_ts) END AS _hi,
      CAST(CASE WHEN _yr THEN date_trunc('year', _ts) WHEN _mo THEN date_trunc('month', _ts)
           ELSE _ts END AS DATE) AS _t0
    FROM (
      SELECT *, try_strptime(CASE length(_d) WHEN 4 THEN _d || '-01-01' WHEN 7 THEN _d || '-01'
                                  ELSE substr(_d, 1, 10) END, '%Y-%m-%d') AS _ts
      FROM (
        SELECT *, trim(coalesce(date, '')) AS _d,
               (date_precision = 'year' OR length(trim(coalesce(date, ''))) = 4) AS _yr,
               (NOT (date_precision = 'year' OR length(trim(coalesce(date, ''))) = 4)
                AND (date_precision = 'month' OR length(trim(coalesce(date, ''))) = 7)) AS _mo
        FROM {src}))"""


_KIND_SQL = (f"CAST(CASE basis WHEN 'roster' THEN {KIND_ROSTER} WHEN 'member_of_group' THEN {KIND_MEMBER} "
             "ELSE 0 END AS UTINYINT)")


class Warehouse:
    """One DuckDB database file holding the four tables (created on first use).

    Thread-safe for the dashboard's use: each call takes its own cursor; ingests are serialised.
    """

    def __init__(self, path: str | os.PathLike, read_only: bool = False, memory_limit: str | None = None) -> None:
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        config = {"memory_limit": memory_limit} if memory_limit else {}
        self._con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        self._lock = threading.Lock()
        self._scratch_lock = threading.Lock()
        self._scratch = False
        self._idle: list = []  # idle read cursors (`_pooled`)
        self._idle_lock = threading.Lock()
        self._closed = False
        if not read_only:
            self._create()
        elif (found := self.format()) < FORMAT:
            self._con.close()
            raise IngestError(f"{self.path} is a format-{found} store: open it once for writing "
                              f"(e.g. `stance ingest` or the dashboard) to upgrade it to format {FORMAT}")

    def format(self) -> int:
        """The store's layout version (FORMAT for a store written by this code)."""
        try:
            row = self._cursor().execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except Exception:  # no meta table: an empty database file
            return FORMAT
        return int(row[0]) if row else FORMAT

    @staticmethod
    def _upgrade(cur, to: int, steps) -> None:
        """Run one format upgrade in one transaction: `steps(cur)`, then the new format number; on any
        error the store is left as it was. Checkpointed after, so the rewrite is not replayed."""
        cur.execute("BEGIN TRANSACTION")
        try:
            steps(cur)
            cur.execute("UPDATE meta SET value = ? WHERE key = 'format'", [str(to)])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("CHECKPOINT")

    @staticmethod
    def _to_2(cur) -> None:
        """Format 1 -> 2: the positions' kind (stated, roster, bloc membership) as a small
        integer, so the implied-position filters compare bytes instead of strings."""
        cur.execute("ALTER TABLE positions ADD COLUMN IF NOT EXISTS _kind UTINYINT")
        cur.execute(f"UPDATE positions SET _kind = {_KIND_SQL}")

    @staticmethod
    def _to_3(cur) -> None:
        """Format 2 -> 3: the integer codes (dictionaries filled from the stored rows; each
        table rewritten once with its code columns, in row order)."""
        _create_dictionaries(cur)
        _add_codes(cur, {t: f'"{t}"' for t in _CODED})
        for table in _CODED:
            have = {r[0] for r in cur.execute(f'DESCRIBE "{table}"').fetchall()}
            stale = [f'"{c}"' for c, _, _ in _CODED[table] if c in have] + (['"_st"'] if "_st" in have else [])
            drop = f"EXCLUDE ({', '.join(stale)})" if stale else ""
            rows = f'SELECT * {drop} FROM "{table}"'
            cur.execute(f'CREATE TABLE "{table}__3" AS {_coded(table, rows)}')
            cur.execute(f'DROP TABLE "{table}"')
            cur.execute(f'ALTER TABLE "{table}__3" RENAME TO "{table}"')

    def scratch(self) -> str:
        """The name of an in-memory database attached beside the store (writable even when the
        store is open read-only, and seen by every cursor): the dashboard keeps narrow copies
        of a view's rows there."""
        with self._scratch_lock:
            if not self._scratch:
                self._cursor().execute(f"ATTACH ':memory:' AS {SCRATCH} (READ_WRITE)")
                self._scratch = True
        return SCRATCH

    def close(self) -> None:
        with self._idle_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for cur in idle:
            cur.close()
        self._con.close()

    def __enter__(self) -> "Warehouse":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _cursor(self):
        return self._con.cursor()

    def _reader(self):
        """A cursor for read queries: results need not keep the table's row order (every query
        that needs an order says ORDER BY), which spares DuckDB an ordered collection."""
        cur = self._con.cursor()
        cur.execute("SET preserve_insertion_order = false")
        return cur

    def _create(self) -> None:
        cur = self._cursor()
        cur.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        cur.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", [str(FORMAT)])
        stored = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'positions'").fetchone()[0]
        if stored and self.format() < 2:
            self._upgrade(cur, 2, self._to_2)
        if stored and self.format() < 3:
            self._upgrade(cur, 3, self._to_3)
        _create_dictionaries(cur)
        cur.execute("""CREATE TABLE IF NOT EXISTS files (
            content_hash VARCHAR PRIMARY KEY, file VARCHAR, path VARCHAR, prefix VARCHAR,
            parser_version VARCHAR, documents BIGINT, events BIGINT, positions BIGINT, claims BIGINT)""")
        for name in TABLE_NAMES:
            cols = [f'"{c}" {_sql_type(c)}' for c in T.COLUMNS[name]]
            cols += [f'"{c}" {t}' for c, t in _DERIVED[name]]
            cur.execute(f'CREATE TABLE IF NOT EXISTS "{name}" ({", ".join(cols)})')

    # ------------------------------------------------------------------ ingest

    def known_hashes(self, parser_version: str | None = None) -> set[str]:
        """Content hashes in the store (of `parser_version` when given)."""
        sql, params = "SELECT content_hash FROM files", []
        if parser_version is not None:
            sql, params = sql + " WHERE parser_version = ?", [parser_version]
        return {r[0] for r in self._cursor().execute(sql, params).fetchall()}

    def prefixes(self) -> set[str]:
        return {r[0] for r in self._cursor().execute("SELECT prefix FROM files").fetchall()}

    def ingest_paths(self, paths: Iterable[str | os.PathLike], settings: DateSettings = DEFAULT_SETTINGS,
                     parser_version: str | None = None) -> IngestReport:
        """Read files and folders, parse only content not yet stored, add it in one transaction.

        Content stored by another parser version is parsed again and replaces the old rows (in
        the same transaction). Unreadable files are reported and skipped; the rest is added.
        """
        from .pipeline import PARSER_VERSION, _doc_stem, _stack_rows, parse_rows
        from .reading import collect_paths, read_source

        version = parser_version or PARSER_VERSION
        found, errors = collect_paths(paths)
        current = self.known_hashes(version)
        everything = self.known_hashes()
        used = self.prefixes()
        unreadable = [(e.file, e.error or e.status) for e in errors]
        duplicates, parsed, stale = [], [], []
        seen: set[str] = set()
        for path in found:
            src = read_source(path)
            if src.status != "ok":
                unreadable.append((src.file, src.error or src.status))
                continue
            if src.content_hash in current or src.content_hash in seen:
                duplicates.append(src.file)
                continue
            seen.add(src.content_hash)
            if src.content_hash in everything:
                stale.append(src.content_hash)
            stem = _doc_stem(src.file)
            prefix, k = stem, 1
            while prefix in used:
                k += 1
                prefix = f"{stem}~{k}"
            used.add(prefix)
            parsed.append((src, parse_rows(src, prefix, settings), prefix))
        tables = _stack_rows([rows for _, rows, _ in parsed])
        registry = pd.DataFrame({
            "content_hash": [s.content_hash for s, _, _ in parsed], "file": [s.file for s, _, _ in parsed],
            "path": [os.path.abspath(s.path) for s, _, _ in parsed], "prefix": [p for _, _, p in parsed]})
        rows = self._ingest(tables, registry, version, replace=stale)
        return IngestReport(tuple(registry["file"]), tuple(duplicates), tuple(unreadable), rows)

    def ingest_tables(self, tables, parser_version: str | None = None) -> IngestReport:
        """Add already parsed tables (e.g. from the Dask engine), one file per content hash of
        the documents table; files whose content is stored already are left out (idempotent)."""
        from .pipeline import PARSER_VERSION

        docs = tables.documents
        first = docs.drop_duplicates("content_hash")
        registry = pd.DataFrame({"content_hash": first["content_hash"].to_numpy(),
                                 "file": first["file"].to_numpy(), "path": first["file"].to_numpy(),
                                 "prefix": first["doc_id"].str.rsplit("-", n=1).str[0].to_numpy()})
        known = self.known_hashes()
        keep = ~registry["content_hash"].isin(known)
        dup = tuple(registry.loc[~keep, "file"])
        registry = registry[keep].reset_index(drop=True)
        if len(dup):
            doc_ids = set(docs.loc[docs["content_hash"].isin(known), "doc_id"])
            tables = type(tables)(docs[~docs["content_hash"].isin(known)],
                                  *(df[~df["doc_id"].isin(doc_ids)] for df in tables[1:]))
        rows = self._ingest(tables, registry, parser_version or PARSER_VERSION, replace=[])
        return IngestReport(tuple(registry["file"]), dup, (), rows)

    def _ingest(self, tables, registry: pd.DataFrame, version: str, replace: Sequence[str]) -> tuple[int, ...]:
        """The one transaction: registry rows + the four tables (+ removal of replaced content)."""
        import pyarrow as pa

        if registry.empty:
            return (0, 0, 0, 0)
        registry = registry.assign(parser_version=version)
        with self._lock:
            cur = self._cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                if replace:
                    self._remove(cur, replace)
                clash = cur.execute(
                    "SELECT count(*) FROM files WHERE prefix IN (SELECT unnest(?))",
                    [registry["prefix"].tolist()]).fetchall()[0][0]
                if clash:
                    raise IngestError(f"{clash} document id prefix(es) already in the store")
                for name, df in zip(TABLE_NAMES, tables):
                    base = cur.execute(f'SELECT coalesce(max(_seq) + 1, 0) FROM "{name}"').fetchall()[0][0]
                    arrow = pa.Table.from_pandas(df.loc[:, T.COLUMNS[name]], preserve_index=False)
                    arrow = arrow.append_column("_seq", pa.array(range(base, base + len(df)), pa.int64()))
                    cur.register(f"_new_{name}", arrow)
                cur.register("_new_files", registry[["content_hash", "file", "path", "prefix", "parser_version"]])
                per_file = ", ".join(
                    f"""coalesce((SELECT n FROM (SELECT regexp_replace(doc_id, '-[^-]*$', '') AS p, count(*) AS n
                        FROM _new_{n} GROUP BY 1) WHERE p = f.prefix), 0) AS {n}""" for n in TABLE_NAMES)
                cur.execute(f"INSERT INTO files BY NAME SELECT f.*, {per_file} FROM _new_files f")
                self._insert_rows(cur)
                rows = tuple(cur.execute(f"SELECT count(*) FROM _new_{n}").fetchall()[0][0] for n in TABLE_NAMES)
                for name in (*TABLE_NAMES, "files"):
                    cur.unregister(f"_new_{name}")
                cur.execute("COMMIT")
            except BaseException as exc:
                cur.execute("ROLLBACK")
                for name in (*TABLE_NAMES, "files"):
                    try:
                        cur.unregister(f"_new_{name}")
                    except Exception:
                        pass
                if isinstance(exc, Exception) and not isinstance(exc, IngestError):
                    raise IngestError(f"ingest failed, store unchanged: {type(exc).__name__}: {exc}") from exc
                raise
        return rows

    @staticmethod
    def _insert_rows(cur) -> None:
        bits = " + ".join(f"max(CASE WHEN stance = '{s}' THEN {b} ELSE 0 END)" for s, b in STANCE_BITS.items())
        stances = ", ".join(f"'{s}'" for s in T.STANCES)
        _add_codes(cur, {t: f"_new_{t}" for t in _CODED})
        cur.execute("INSERT INTO documents BY NAME SELECT * FROM _new_documents")
        events = f"""
            WITH links AS (
              SELECT event_id, stance FROM _new_positions WHERE event_id <> '' AND stance IN ({stances})
              UNION ALL
              SELECT event_id, stance FROM _new_claims WHERE event_id <> '' AND stance IN ({stances})),
            per AS (SELECT event_id, count(DISTINCT stance) AS k, min(stance) AS s, {bits} AS b
                    FROM links GROUP BY event_id)
            SELECT e.* EXCLUDE (_d, _yr, _mo, _ts),
                   CASE WHEN per.k IS NULL THEN 'none' WHEN per.k = 1 THEN per.s ELSE 'mixed' END AS _stance,
                   CAST(coalesce(per.b, 0) AS TINYINT) AS _stance_bits
            FROM ({_period_sql('_new_events')}) e LEFT JOIN per USING (event_id)"""
        implied = ", ".join(f"'{b}'" for b in IMPLIED_BASES)
        positions = f"""SELECT * EXCLUDE (_d, _yr, _mo, _ts), basis IN ({implied}) AS _implied, {_KIND_SQL} AS _kind
            FROM ({_period_sql('_new_positions')})"""
        claims = f"SELECT * EXCLUDE (_d, _yr, _mo, _ts) FROM ({_period_sql('_new_claims')})"
        for table, rel in (("events", events), ("positions", positions), ("claims", claims)):
            cur.execute(f"INSERT INTO {table} BY NAME {_coded(table, rel)}")

    @staticmethod
    def _remove(cur, hashes: Sequence[str]) -> None:
        prefixes = [r[0] for r in cur.execute("SELECT prefix FROM files WHERE content_hash IN (SELECT unnest(?))",
                                             [list(hashes)]).fetchall()]
        for name in TABLE_NAMES:
            cur.execute(f"""DELETE FROM "{name}" WHERE regexp_replace(doc_id, '-[^-]*$', '')
                            IN (SELECT unnest(?))""", [prefixes])
        cur.execute("DELETE FROM files WHERE content_hash IN (SELECT unnest(?))", [list(hashes)])

    # ------------------------------------------------------------------ filters

    @staticmethod
    def where(table: str, q: Query) -> tuple[str, list]:
        """SQL condition (with ? parameters) selecting `table`'s rows in the view."""
        conds: list[str] = []
        params: list = []
        if table != "documents":
            conds += _date_conditions(q, params)

        def isin(col: str, values: Sequence[str]) -> str:
            values = list(dict.fromkeys(values))
            params.extend(values)
            if len(values) <= EQUALITIES_UP_TO:  # DuckDB tests equalities on the dictionary
                return "(" + " OR ".join(f'"{col}" = ?' for _ in values) + ")"
            return f'"{col}" IN ({", ".join("?" * len(values))})'

        if q.files:
            conds.append(isin("file", q.files))
        if table == "documents":
            return (" AND ".join(conds) or "TRUE"), params
        if q.topics:
            conds.append(isin("topic", q.topics))
        if q.countries:
            a, b = {"events": ("actor_iso3", "target_iso3"), "positions": ("country_iso3", "toward_iso3"),
                    "claims": ("toward_iso3", None)}[table]
            conds.append(f"({isin(a, q.countries)}" + (f" OR {isin(b, q.countries)})" if b else ")"))
        if q.stances:
            if table == "events":
                mask = sum(STANCE_BITS.get(s, 0) for s in set(q.stances))
                conds.append(f"(_stance_bits & {int(mask)}) <> 0")
            else:
                conds.append(isin("stance", q.stances))
        for word in q.search.lower().split():  # literal substrings, no pattern characters
            conds.append("contains(lower(text), ?)")
            params.append(word)
        if table == "positions" and (kind := kind_condition(q)):
            conds.append(kind)
        return (" AND ".join(conds) or "TRUE"), params

    @contextmanager
    def _pooled(self) -> Iterator:
        """A `_reader` cursor taken from the idle ones (made when none is idle) and given back
        after use: a new cursor's setting costs about 1 ms per query. At most IDLE_CURSORS are
        kept (a cursor is a connection: left open in numbers, they slow every query); one whose
        query failed is closed."""
        with self._idle_lock:
            cur = self._idle.pop() if self._idle else None
        cur = cur or self._reader()
        try:
            yield cur
        except BaseException:
            cur.close()
            raise
        with self._idle_lock:
            if len(self._idle) < IDLE_CURSORS and not self._closed:
                self._idle.append(cur)
                return
        cur.close()

    def sql(self, sql: str, params: Sequence = ()) -> pd.DataFrame:
        """Any read query to pandas (for callers with needs the helpers below do not cover)."""
        with self._pooled() as cur:
            return cur.execute(sql, list(params)).df()

    def execute(self, sql: str, params: Sequence = ()) -> None:
        """Run a statement for its effect (e.g. a table in the `scratch` database)."""
        with self._pooled() as cur:
            cur.execute(sql, list(params))

    def row(self, sql: str, params: Sequence = ()) -> tuple:
        """The first row of any read query (a tuple of Python values)."""
        with self._pooled() as cur:
            return cur.execute(sql, list(params)).fetchone()

    # ------------------------------------------------------------------ queries

    def counts(self, q: Query = Query()) -> dict[str, int]:
        """Rows in the view per table."""
        out = {}
        cur = self._reader()
        for name in TABLE_NAMES:
            cond, params = self.where(name, q)
            out[name] = int(cur.execute(f'SELECT count(*) FROM "{name}" WHERE {cond}', params).fetchall()[0][0])
        return out

    def options(self) -> dict:
        """The values the data offers: date range, countries, topics, files, targets."""
        cur = self._reader()
        lo, hi = cur.execute("""SELECT min(lo), max(hi) FROM (
            SELECT min(_lo) FILTER (WHERE _lo > 0) lo, max(_hi) hi FROM events UNION ALL
            SELECT min(_lo) FILTER (WHERE _lo > 0), max(_hi) FROM positions UNION ALL
            SELECT min(_lo) FILTER (WHERE _lo > 0), max(_hi) FROM claims)""").fetchall()[0]

        def distinct(sql: str) -> tuple[str, ...]:
            return tuple(r[0] for r in cur.execute(sql).fetchall())

        return {
            "date_min": _int_iso(lo), "date_max": _int_iso(hi),
            "countries": distinct("""SELECT DISTINCT c FROM (
                SELECT actor_iso3 c FROM events UNION SELECT target_iso3 FROM events
                UNION SELECT country_iso3 FROM positions UNION SELECT toward_iso3 FROM positions
                UNION SELECT toward_iso3 FROM claims) WHERE c <> '' ORDER BY c"""),
            "topics": distinct("""SELECT DISTINCT t FROM (SELECT topic t FROM events UNION SELECT topic FROM positions
                UNION SELECT topic FROM claims) WHERE t <> '' ORDER BY t"""),
            "files": distinct("SELECT DISTINCT file FROM documents WHERE file <> '' ORDER BY file"),
            "targets": distinct("SELECT DISTINCT toward_iso3 FROM positions WHERE toward_iso3 <> '' ORDER BY 1"),
        }

    def targets(self, q: Query = Query(), limit: int | None = None) -> pd.DataFrame:
        """Positions per target in the view (code, n), most frequent first, ties by code."""
        cond, params = self.where("positions", q)
        lim = f" LIMIT {int(limit)}" if limit else ""
        return self.sql(f"""SELECT toward_iso3 AS code, count(*) AS n FROM positions
                            WHERE {cond} AND toward_iso3 <> '' GROUP BY 1 ORDER BY n DESC, code{lim}""", params)

    def default_target(self, q: Query = Query()) -> str | None:
        top = self.targets(q, limit=1)
        return str(top["code"].iloc[0]) if len(top) else None

    def map_stances(self, q: Query, target: str | None) -> pd.DataFrame:
        """One row per country holding a position toward `target`: iso3, stance (one stance or
        "mixed"), shading ("named" when any position is stated for the country itself, which then
        decides the stance; else "implied"), n. Positions without a country are left out."""
        return self.map_view(q, target, 0)[0]

    def map_lines(self, q: Query, target: str | None, per_country: int = 6,
                  columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Up to `per_country` positions per country toward `target` (named first, then by date),
        for the map's hover text (the contract's `columns`, all by default)."""
        return self.map_view(q, target, per_country, columns)[1]

    def map_view(self, q: Query, target: str | None, per_country: int = 6,
                 columns: Sequence[str] | None = None, scope: tuple[str, str, list] | None = None,
                 grouped: bool = False, lines_from: str = "positions",
                 ) -> tuple[pd.DataFrame, pd.DataFrame, tuple[int, int, int]]:
        """(`map_stances`, `map_lines`, kinds) from one pass over the positions toward `target`.

        The pass reads the view's positions of every kind: per country one group with its
        stances among the view's named positions and among all of its positions (the named
        ones decide when there are any; one stance when the least equals the greatest) and
        the `per_country` smallest keys (implied, first day, row) packed in one integer; the
        few winning rows are then fetched by row number, only their `columns` (reading the
        long text columns of scattered rows costs most). kinds: the roster and bloc-membership
        positions toward `target` of the view with every kind shown, and the view's positions
        toward it held by a bloc as a whole (no country). `scope`: (relation, condition, params)
        holding the positions of `q` with every kind shown, when the caller has them in a narrow
        copy (the `positions` table and `where` otherwise); `grouped`: the relation holds those
        positions already grouped as `map_groups` groups them (per target too: `_toward`), so
        its groups are merged instead of rows counted; `lines_from`: a relation holding (at
        least) the hover rows with `_seq`, `_implied`, `_lo` and the `columns`."""
        cols = ["iso3", "stance", "shading", "n"]
        wanted = [c for c in T.POSITION_COLUMNS if columns is None or c in columns]
        code = self.country_code(target) if target else None
        if code is None:
            return pd.DataFrame(columns=cols), pd.DataFrame(columns=wanted), (0, 0, 0)
        rel, every, params = scope or ("positions", *self.where("positions", replace(q, include_implied=True,
                                                                                     include_roster=True)))
        n = max(0, int(per_country))
        bits = self._seq_bits("positions")
        packed = bits is not None and n > 0
        # per (country code, kind, implied): a few hundred groups, no FILTER clauses (which DuckDB
        # evaluates slowly); the per-country answer is put together from them in Python
        merge = ("min(least), max(greatest), sum(n), flatten(list(keys) FILTER (WHERE keys IS NOT NULL))"
                 if grouped else self.map_groups(n))
        with self._pooled() as cur:
            rows = cur.execute(f"""SELECT _country, _kind, _implied, {merge}
                FROM {rel} WHERE {every} AND _toward = ? GROUP BY ALL""", [*params, code]).fetchall()
        hide = {k for k, on in ((KIND_ROSTER, q.include_roster), (KIND_MEMBER, q.include_implied)) if not on}
        per: dict[int, list] = {}  # code -> [n, named, stated stances, stances, roster, member, keys]
        for c, kind, implied, least, greatest, k, ks in rows:
            g = per.setdefault(c, [0, False, set(), set(), 0, 0, []])
            g[4] += k if kind == KIND_ROSTER else 0
            g[5] += k if kind == KIND_MEMBER else 0
            if kind in hide:
                continue
            g[0] += k
            spread = {least, greatest} - {None}  # both NULL when every stance is
            if implied is False:  # NULL is neither stated nor implied (as in SQL)
                g[1] = True
                g[2] |= spread
            g[3] |= spread
            if ks:
                g[6].extend(ks)
        countries = self.countries()

        def one(values: set) -> str:  # the least equals the greatest: one stance
            return min(values) if values and min(values) == max(values) else "mixed"

        table = sorted(((countries.get(c), one(g[2] if g[1] else g[3]), "named" if g[1] else "implied", g[0], c, g)
                        for c, g in per.items()), key=lambda r: (r[0] is None, r[0] or ""))
        kinds = (sum(g[4] for g in per.values()), sum(g[5] for g in per.values()),
                 sum(r[3] for r in table if r[0] == ""))
        drawn = [r for r in table if r[0] != "" and r[3] > 0]
        stances = pd.DataFrame([r[:4] for r in drawn], columns=cols)
        lines = pd.DataFrame(columns=wanted)
        if n and len(stances):
            if packed:
                mask = (1 << bits) - 1
                seqs = sorted(x & mask for r in drawn for x in sorted(r[5][6])[:n])
            else:  # row numbers too large to pack: rank them in a window
                cond, p = self.where("positions", q)
                seqs = sorted(r[0] for r in self._reader().execute(f"""SELECT _seq FROM positions
                    WHERE {cond} AND _toward = ? AND country_iso3 <> ''
                    QUALIFY row_number() OVER (PARTITION BY _country ORDER BY _implied, _lo, _seq) <= ?""",
                    [*p, code, n]).fetchall())
            cols_sql = ", ".join(f'"{w}"' for w in wanted)
            # joined to the row numbers (a hash probe per row) rather than `= ANY(list)`, which
            # searches the list for each of the table's rows
            lines = self.sql(f"""SELECT {cols_sql} FROM {lines_from} JOIN (SELECT unnest(?::BIGINT[]) AS _s) ON _seq = _s
                WHERE _seq BETWEEN ? AND ? ORDER BY country_iso3, _implied, _lo, _seq""", [seqs, seqs[0], seqs[-1]])
        stances = stances[cols].astype({"n": "int64"})
        return stances, _conform(lines, "positions", wanted), kinds

    def map_groups(self, per_country: int) -> str:
        """The aggregates `map_view` takes per (country, kind, implied) group of positions:
        least and greatest stance, count, and the `per_country` smallest keys (implied, first
        day, row) packed in one integer (NULL when they do not fit)."""
        bits = self._seq_bits("positions")
        n = max(0, int(per_country))
        keys = (f"min((CAST(_implied AS BIGINT) << 62) | (CAST(_lo AS BIGINT) << {bits}) | _seq, {n})"
                if bits is not None and n > 0 else "NULL")
        return f"min(stance) AS least, max(stance) AS greatest, count(*) AS n, {keys} AS keys"

    def countries(self) -> dict[int, str | None]:
        """Country codes -> ISO-3 (0 is '', -1 NULL), read once per store version."""
        n = self.row("SELECT count(*), coalesce(max(code), 0) FROM country_codes")
        if getattr(self, "_countries", (None, None))[0] != n:
            got = dict(self._reader().execute("SELECT code, iso3 FROM country_codes").fetchall())
            self._countries = (n, {0: "", -1: None, **got})
        return self._countries[1]

    def country_code(self, iso3: str) -> int | None:
        """The integer code of a country (None when the store holds none by that code)."""
        if iso3 == "":
            return 0
        row = self.row("SELECT code FROM country_codes WHERE iso3 = ?", [iso3])
        return int(row[0]) if row else None

    def _seq_bits(self, table: str) -> int | None:
        """Bits below a packed key's first day that hold every `_seq` of `table` (None when the
        day, 27 bits, and the row number do not fit beside the flag in 63 bits)."""
        top = self.row(f'SELECT coalesce(max(_seq), 0) FROM "{table}"')[0]
        bits = max(int(top).bit_length(), 1)
        return bits if bits + 27 <= 62 else None

    def timeline(self, q: Query, lane: str = "actor", bucket: str | None = None, max_lanes: int = 40) -> tuple[pd.DataFrame, dict]:
        """Dated events in the view counted per lane, period and event stance.

        Returns (frame with lane, period (first day), stance, n; info with bucket, dated,
        undated, folded lanes). `lane` is "actor" (the ISO-3 code, else the text) or "topic";
        the `max_lanes - 1` busiest lanes are kept, the rest are one "(other N)" lane. Without
        `bucket`, the span picks it as the dashboard does: week up to a year, month up to 20
        years, else year."""
        cond, params = self.where("events", q)
        lane_sql = {"actor": "CASE WHEN actor_iso3 <> '' THEN actor_iso3 ELSE actor END",
                    "topic": "topic"}[lane]
        cur = self._reader()
        dated, undated, t_min, t_max = cur.execute(
            f"SELECT count(*) FILTER (WHERE _lo > 0), count(*) FILTER (WHERE _lo = 0), min(_t0), max(_t0) "
            f"FROM events WHERE {cond}", params).fetchall()[0]
        if bucket is None:
            span = (t_max - t_min).days if t_min is not None else 0
            bucket = "week" if span <= 366 else "month" if span <= 20 * 366 else "year"
        if bucket not in BUCKETS:
            raise ValueError(f"bucket must be one of {BUCKETS}")
        frame = self.sql(f"""
            WITH g AS (SELECT coalesce({lane_sql}, '') AS lane, date_trunc('{bucket}', _t0) AS period,
                              _stance AS stance, count(*) AS n
                       FROM events WHERE {cond} AND _lo > 0 GROUP BY ALL),
            lanes AS (SELECT lane, sum(n) AS total FROM g GROUP BY lane),
            ranked AS (SELECT lane, row_number() OVER (ORDER BY total DESC, lane) AS r, count(*) OVER () AS k
                       FROM lanes)
            SELECT CASE WHEN ranked.k > ? AND ranked.r >= ? THEN '(other ' || (ranked.k - ? + 1) || ')'
                        ELSE g.lane END AS lane,
                   CAST(g.period AS DATE) AS period, g.stance, CAST(sum(g.n) AS BIGINT) AS n
            FROM g JOIN ranked USING (lane) GROUP BY ALL ORDER BY lane, period, stance""",
            [*params, max_lanes, max_lanes, max_lanes])
        n_lanes = frame["lane"].nunique() if len(frame) else 0
        folded = 0
        others = frame["lane"][frame["lane"].str.startswith("(other ")] if len(frame) else frame.get("lane")
        if others is not None and len(others):
            folded = int(others.iloc[0][len("(other "):-1])
        return frame, {"bucket": bucket, "dated": int(dated), "undated": int(undated), "lanes": n_lanes,
                       "folded": folded}

    def page(self, table: str, q: Query = Query(), number: int = 1, size: int = 100) -> pd.DataFrame:
        """One page of `table`'s rows in the view (contract columns), in ingest order."""
        cond, params = self.where(table, q)
        cols = ", ".join(f'"{c}"' for c in T.COLUMNS[table])
        df = self.sql(f'SELECT {cols} FROM "{table}" WHERE {cond} ORDER BY _seq LIMIT ? OFFSET ?',
                      [*params, int(size), max(0, int(number) - 1) * int(size)])
        return _conform(df, table)

    def frame(self, table: str, q: Query = Query()) -> pd.DataFrame:
        """All of `table`'s rows in the view as a contract-typed frame (small views only)."""
        cond, params = self.where(table, q)
        cols = ", ".join(f'"{c}"' for c in T.COLUMNS[table])
        return _conform(self.sql(f'SELECT {cols} FROM "{table}" WHERE {cond} ORDER BY _seq', params), table)

    def tables(self, q: Query = Query()):
        """The four tables of the view as a stance.Tables (small views only)."""
        from .tables import Tables

        return Tables(*(self.frame(n, q) for n in TABLE_NAMES))

    # ------------------------------------------------------------------ streaming exports

    def batches(self, table: str, q: Query = Query(), rows: int = 100_000) -> Iterator[pd.DataFrame]:
        """The view's rows of `table` as contract-typed frames of at most `rows` rows."""
        cond, params = self.where(table, q)
        cols = ", ".join(f'"{c}"' for c in T.COLUMNS[table])
        cur = self._reader()
        reader = cur.sql(f'SELECT {cols} FROM "{table}" WHERE {cond} ORDER BY _seq',
                         params=params).to_arrow_reader(rows)
        for batch in reader:
            yield _conform(batch.to_pandas(), table)

    def iter_csv(self, table: str, q: Query = Query(), rows: int = 100_000,
                 transform: Transform | None = None) -> Iterator[bytes]:
        """The view's `table` as neutralised CSV, in chunks (header first): memory stays at one
        batch whatever the size of the view. `transform(batch, table)` may reshape each batch
        (e.g. add display columns) before it is written."""
        from .csvsafe import csv_bytes

        shape = transform or (lambda df, name: df)
        header = True
        for df in self.batches(table, q, rows):
            yield csv_bytes(shape(df, table), header=header)
            header = False
        if header:
            yield csv_bytes(shape(T.empty(table), table), header=True)

    def write_csv(self, table: str, q: Query, handle: IO[bytes], rows: int = 100_000,
                  transform: Transform | None = None) -> None:
        for chunk in self.iter_csv(table, q, rows, transform):
            handle.write(chunk)

    def write_zip(self, q: Query, handle: IO[bytes], rows: int = 100_000,
                  transform: Transform | None = None, extra: Mapping[str, bytes] | None = None) -> None:
        """A ZIP of the four tables' CSVs for the view (plus `extra` members), streamed into
        `handle` (which need not be seekable) batch by batch."""
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in TABLE_NAMES:
                with archive.open(f"{name}.csv", "w", force_zip64=True) as member:
                    self.write_csv(name, q, member, rows, transform)
            for name, data in (extra or {}).items():
                archive.writestr(name, data)

    def zip_bytes(self, q: Query = Query(), rows: int = 100_000) -> bytes:
        buffer = io.BytesIO()
        self.write_zip(q, buffer, rows)
        return buffer.getvalue()


def kind_condition(q: Query) -> str | None:
    """The positions' condition on their kind (roster, bloc membership) the view sets, if any."""
    if q.include_implied and q.include_roster:
        return None
    kinds = [k for k, on in ((KIND_ROSTER, q.include_roster), (KIND_MEMBER, q.include_implied)) if not on]
    return "_kind = 0" if len(kinds) == 2 else f"_kind <> {kinds[0]}"


def _date_conditions(q: Query, params: list) -> list[str]:
    """The date filter as conditions DuckDB evaluates fast: none when nothing is restricted,
    plain comparisons (pushed into the scan) when undated rows are left out, one CASE
    (cheaper than an OR) when they are kept beside a range."""
    bounds = []
    if q.date_from:
        bounds.append("_hi >= ?")
        params.append(_iso_int(q.date_from))
    if q.date_to:
        bounds.append("_lo <= ?")
        params.append(_iso_int(q.date_to))
    if not bounds:
        return [] if q.include_undated else ["_lo > 0"]
    if q.include_undated:
        return [f"CASE WHEN _lo = 0 THEN TRUE ELSE {' AND '.join(bounds)} END"]
    return ["_lo > 0", *bounds]


def _int_iso(value: int | None) -> str | None:
    if not value:
        return None
    import datetime as dt

    y, m, d = value // 10000, value // 100 % 100, value % 100
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d, last)).isoformat()


def _conform(df: pd.DataFrame, table: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The contract's dtypes (nullable Int64 offsets and counts, str text), as tables.frame gives
    (of `columns` only, when given)."""
    out = {}
    for col in (T.COLUMNS[table] if columns is None else columns):
        s = df[col]
        if col in T.INT_COLUMNS:
            out[col] = pd.to_numeric(s, errors="coerce").astype("Int64")
        else:
            out[col] = s.fillna("").astype(str)
    return pd.DataFrame(out, index=range(len(df)))


@contextmanager
def opened(path: str | os.PathLike, read_only: bool = False) -> Iterator[Warehouse]:
    """`with opened(path) as wh:` a Warehouse closed on exit."""
    wh = Warehouse(path, read_only=read_only)
    try:
        yield wh
    finally:
        wh.close()
