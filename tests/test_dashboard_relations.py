"""Relations: holder x target pairs, their leaning stance and counts, the matrix figure."""
from __future__ import annotations

from dashboard.charts import relations_figure
from dashboard.filters import Filters, filter_tables
from dashboard.relations import matrix_pairs, pair_positions, pairs
from tests.test_dashboard_model import prepared


def test_pairs_count_every_stance_and_lean_to_the_most_frequent():
    view = filter_tables(prepared(), Filters(include_implied=True))
    table = pairs(view.positions)
    kor = table[(table["holder_iso3"] == "KOR") & (table["target_iso3"] == "CHN")].iloc[0]
    assert (kor["concern"], kor["neutral"], kor["n"]) == (1, 1, 2)
    assert kor["stance"] == "mixed"                       # a tie is mixed
    assert kor["holder"] == "South Korea" and kor["target"] == "China"
    cub = table[(table["holder_iso3"] == "CUB") & (table["target_iso3"] == "USA")].iloc[0]
    assert cub["stance"] == "oppose"
    assert "" not in set(table["holder_iso3"])            # a bloc as a whole has no cell
    assert table["n"].is_monotonic_decreasing
    assert len(pair_positions(view.positions, "KOR", "CHN")) == 2


def test_matrix_keeps_the_busiest_holders_and_every_cell_is_clickable():
    table = pairs(filter_tables(prepared(), Filters(include_implied=True)).positions)
    cells, more_h, more_t = matrix_pairs(table, max_holders=2, max_targets=1)
    assert cells["target_iso3"].nunique() == 1 and more_t == 1
    assert cells["holder_iso3"].nunique() <= 2 and more_h == table["holder_iso3"].nunique() - 2
    fig = relations_figure(table)
    drawn = {(d[0], d[1]): t.name for t in fig.data for d in t.customdata}
    assert drawn[("KOR", "CHN")] == "mixed" and drawn[("BLR", "CHN")] == "support"
    assert fig.layout.clickmode == "event+select"


def test_empty_view_gives_an_empty_table():
    view = filter_tables(prepared(), Filters(countries=("USA",), stances=("neutral",)))
    assert pairs(view.positions).empty
