"""FrameView: a filter state's rows by number, columns taken on use, the same frames as
filters.filter_tables."""
from __future__ import annotations

import numpy as np
from pandas.testing import assert_frame_equal

from dashboard.filters import Filters, filter_mask, filter_tables
from dashboard.frame_view import Codes, FrameView
from tests.test_dashboard_model import prepared

VIEWS = [Filters(), Filters(stances=("concern",)), Filters(countries=("USA",), include_implied=True),
         Filters(topics=("xinjiang",), include_undated=False), Filters(files=("b.txt",)),
         Filters(search="evidence", include_roster=False)]


def test_codes_answer_every_filter_as_the_string_masks_do():
    t = prepared()
    codes = Codes(t)
    for f in VIEWS:
        for table in ("events", "positions", "claims"):
            df = getattr(t, table)
            assert (codes.mask(table, f) == filter_mask(df, table, f)).all()
    assert not codes.isin("positions", "stance", ["no such stance"]).any()


def test_a_view_gives_the_frames_filter_tables_gives():
    t = prepared()
    codes = Codes(t)
    for f in VIEWS:
        view, expected = FrameView(t, codes, f), filter_tables(t, f)
        got = view.tables()
        for table in ("documents", "events", "positions", "claims"):
            assert_frame_equal(getattr(got, table), getattr(expected, table))
        po = expected.positions
        assert_frame_equal(view.columns("positions", ["stance", "_lo"]), po.loc[:, ["stance", "_lo"]])
        assert view.count("positions") == len(po)
        rows = view.paged("positions")
        assert len(rows) == len(po)
        assert_frame_equal(rows.page(1, 2), po.iloc[:2])
        assert_frame_equal(rows.page(99, 2), po.iloc[(max(1, -(-len(po) // 2)) - 1) * 2:][:2])
        usa = view.isin("positions", "country_iso3", ["USA"])
        assert_frame_equal(view.take("positions", view.where("positions", usa)),
                           po[po["country_iso3"] == "USA"])
        few = view.take("positions", view.where("positions", usa), ["stance", "nope"])
        assert list(few.columns) == ["stance"] and len(few) == int(usa.sum())
        assert np.array_equal(view.codes_of("positions", "stance") >= 0, po["stance"].notna().to_numpy())


def test_a_page_of_some_columns_is_the_page_cut_to_them():
    from dashboard.source import FrameRows

    t = prepared()
    for f in VIEWS:
        po = filter_tables(t, f).positions
        for rows in (FrameView(t, Codes(t), f).paged("positions"), FrameRows("positions", po)):
            assert_frame_equal(rows.page(1, 2, cols=["stance", "nope", "_lo"]),
                               po.iloc[:2].loc[:, ["stance", "_lo"]])
            assert_frame_equal(rows.page(1, 3, cols=None), po.iloc[:3])


def test_the_claims_panels_bloc_rows_are_the_shown_page_cut_to_its_columns():
    from dashboard import views
    from dashboard.model import shown
    from dashboard.source import FrameRows

    def old(rows):  # the claims panel's table before it took only its columns
        return shown(rows.page(1, views.OVERVIEW_ROWS), "positions").loc[:, [
            "date", "group_name", "stance", "toward", "topic", "text", "file"]].rename(
            columns={"group_name": "bloc"})

    t = prepared()
    for f in VIEWS:
        view = FrameView(t, Codes(t), f)
        blocs = view.paged("positions", view.where("positions", view.isin(
            "positions", "country_iso3", [""])))
        for rows in (blocs, view.paged("positions"), FrameRows("positions", view.frame("positions"))):
            assert_frame_equal(views._bloc_rows(rows), old(rows))
            # the Overview lists the first OVERVIEW_ROWS; the rest are on Evidence & tables
            assert len(views._bloc_rows(rows)) == min(len(rows), views.OVERVIEW_ROWS)
        plain = FrameRows("positions", view.frame("positions").drop(columns="_group_name"))
        assert_frame_equal(views._bloc_rows(plain), old(plain))  # names from the group ids
    import pandas as pd

    many = FrameRows("positions", pd.concat([FrameView(t, Codes(t), Filters()).frame("positions")] * 40,
                                            ignore_index=True))
    assert len(many) > views.OVERVIEW_ROWS and len(views._bloc_rows(many)) == views.OVERVIEW_ROWS


def test_the_undated_list_is_the_shown_page_cut_to_its_columns():
    from dashboard import views
    from dashboard.model import shown
    from dashboard.source import FrameRows

    t = prepared()
    for f in VIEWS:
        view = FrameView(t, Codes(t), f)
        undated = view.paged("events", view.where("events", view.column(
            "events", "_lo").to_numpy() == 0))
        for rows in (undated, view.paged("events"), FrameRows("events", view.frame("events"))):
            old = shown(rows.page(1, views.UNDATED_LIST_LIMIT), "events").loc[:, [
                "actor", "action", "target", "topic", "text", "file"]]
            assert_frame_equal(views.undated_rows(rows), old)
