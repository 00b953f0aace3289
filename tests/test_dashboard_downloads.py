"""Dashboard downloads: exactly the filtered rows, contract column order, ISO dates, ZIP."""
from __future__ import annotations

import csv
import io
import json
import zipfile

from dashboard.downloads import all_tables_zip, table_csv
from dashboard.filters import Filters, filter_tables, to_query_params
from dashboard.model import prepare, shown_columns
from stance.tables import COLUMNS
from tests.test_dashboard_model import hand_tables, prepared


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_csv_holds_exactly_the_filtered_rows_in_contract_order():
    f = Filters(date_from="2019-07-01", date_to="2019-07-31", include_undated=False,
                include_roster=False)
    view = filter_tables(prepared(), f)
    data = table_csv(view.positions, "positions")
    header = data.decode("utf-8").splitlines()[0].split(",")
    expected = list(COLUMNS["positions"])
    expected.insert(expected.index("group") + 1, "group_name")
    assert header == expected
    rows = _rows(data)
    assert [r["position_id"] for r in rows] == view.positions["position_id"].tolist()
    assert {r["country_iso3"] for r in rows} == {"BLR", "TJK"}
    assert {r["date"] for r in rows} == {"2019-07-27", "2019-07-01"}  # ISO, as stored
    assert not any(c.startswith("_") for c in header)


def test_csv_of_an_empty_view_has_the_header_only():
    view = filter_tables(prepared(), Filters(countries=("USA",), stances=("support",)))
    data = table_csv(view.claims, "claims")
    assert data.decode("utf-8").strip() == ",".join(shown_columns("claims"))


def test_csv_neutralises_formulas():
    t = hand_tables()
    t.events.loc[0, "text"] = '=HYPERLINK("http://x","y")'
    data = table_csv(prepare(t).events, "events")
    assert _rows(data)[0]["text"].startswith("'=")


def test_zip_has_every_table_and_the_filters():
    f = Filters(countries=("CHN",), include_implied=True)
    view = filter_tables(prepared(), f)
    blob = all_tables_zip(view, to_query_params(f))
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        names = set(z.namelist())
        assert {"documents.csv", "events.csv", "positions.csv", "claims.csv",
                "filters.json"} <= names
        positions = _rows(z.read("positions.csv"))
        assert len(positions) == len(view.positions)
        assert json.loads(z.read("filters.json")) == {"country": ["CHN"], "implied": "1"}
