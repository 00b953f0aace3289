"""A state's profile: whom it backs and who backs it, blocs on its dates, claims."""
from __future__ import annotations

from dashboard.charts import profile_figure
from dashboard.filters import Filters, filter_tables
from dashboard.profile import bloc_memberships, names_by_stance, profile, states_in
from tests.test_dashboard_model import prepared


def test_china_profile_lists_supporters_and_concerned():
    p = profile(filter_tables(prepared(), Filters()), "CHN")
    by = names_by_stance(p.stood_by, "holder")
    assert {"Belarus", "Tajikistan", "Cuba"} <= set(n.split(" (")[0] for n in
                                                    by["support"].split(", "))
    assert "Venezuela" not in by["support"]          # bloc membership is off by default
    assert "South Korea" in by["concern"]
    assert p.as_holder.empty and len(p.as_target) == len(
        prepared().positions.query("toward_iso3 == 'CHN' and basis != 'member_of_group'"))
    assert list(p.claims_about["claim_id"]) == ["c1", "c2"]
    assert len(profile_figure(p.as_holder, p.as_target, "CHN").data) > 0


def test_cuba_backs_china_and_opposes_the_united_states():
    p = profile(filter_tables(prepared(), Filters()), "CUB")
    stands = names_by_stance(p.stands, "toward")
    assert stands == {"support": "China", "oppose": "United States"}
    assert p.first == "2024-09-24" and p.last == "2024-09-24"


def test_bloc_memberships_come_from_the_rosters_with_dates():
    blocs = bloc_memberships("CUB", "2024-09-24", "2024-09-24")
    assert "Non-Aligned Movement" in set(blocs["bloc"])
    assert blocs.loc[blocs["bloc"] == "Non-Aligned Movement", "member_on_dates"].all()
    assert bloc_memberships("CUB", None, None)["member_on_dates"].isna().all()


def test_states_in_view_by_count():
    states = states_in(filter_tables(prepared(), Filters()))
    assert states.index[0] == "CHN" and states["CHN"] == "China"
