"""The dashboard's pages: Overview, Country, Relations, Evidence & tables, Add articles.

Each page is a function of the shared `Context` (see dashboard.shell); `navigation` wraps them
as st.Page objects for st.navigation in app.py. A page computes only what it shows, through
the per-filter-state cache (`Context.memo`).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import charts, evidence, profile as prof, relations as rel, uploads, views
from .loading import parse_cache_dir
from .shell import K_COUNTRIES, Context
from .store_source import PROFILE_ROWS

K_PAIR = "relations_pair"


def _intro(ctx: Context, what: str) -> None:
    o = ctx.opts
    st.caption(f"{what} From the articles in {ctx.source.label} ({o.date_min or '?'} to "
               f"{o.date_max or '?'}). Every row points back to its sentence. The filters in "
               "the sidebar apply to every page and are kept in the link.")


# ---------------------------------------------------------------- Overview


def overview(ctx: Context) -> None:
    views.open_country_if_clicked(ctx)
    st.title("stance: who stands where")
    _intro(ctx, "Who supports, opposes or is concerned about whom, and when.")
    views.headline(ctx)
    views.world_map(ctx)
    views.timeline(ctx)
    views.claims_panel(ctx)


# ---------------------------------------------------------------- Country


def _pick_state(ctx: Context) -> str | None:
    """The state shown: the first of the Countries filter, else the most cited state."""
    states = ctx.memo("states", lambda: ctx.source.states(ctx.filters))
    chosen = list(st.session_state.get(K_COUNTRIES) or [])
    if not len(states) and not chosen:
        return None
    options = list(states.index)
    for c in chosen:
        if c not in options:
            options.append(c)
    names = ctx.names
    options.sort(key=lambda c: names.get(c, c).lower())
    current = chosen[0] if chosen else str(states.index[0])

    def on_change() -> None:
        st.session_state[K_COUNTRIES] = [st.session_state["country_pick"]]

    st.session_state["country_pick"] = current
    st.selectbox("State", options, key="country_pick", format_func=lambda c: names.get(c, c),
                 on_change=on_change,
                 help="Choosing a state sets the Countries filter to it (in the link: "
                      "?country=ISO3), so the other pages follow.")
    if len(chosen) > 1:
        st.caption(f"The Countries filter holds {len(chosen)} states; this page shows the "
                   "first.")
    return current


def country(ctx: Context) -> None:
    st.title("Country")
    iso3 = _pick_state(ctx)
    if iso3 is None:
        st.info("No state holds or receives a position in this view.")
        return
    name = ctx.names.get(iso3, iso3)
    p = ctx.memo("profile", lambda: ctx.source.profile(ctx.filters, iso3), extra=iso3)
    span = f"{p.first} to {p.last}" if p.first else "no dated positions"
    st.caption(f"{name}: {p.held:,} positions it holds and {p.received:,} "
               f"toward it in the current view ({span}).")
    c1, c2 = st.columns(2)
    with c1:
        st.subheader(f"{name} toward others")
        _stance_list(prof.names_by_stance(p.stands, "toward"), "It takes no position "
                     "toward another state in this view.")
    with c2:
        st.subheader(f"Others toward {name}")
        _stance_list(prof.names_by_stance(p.stood_by, "holder"), "No position toward it in "
                     "this view.")
    st.subheader("Over time")
    if p.capped:
        st.caption(f"The timeline draws the first {PROFILE_ROWS:,} dated positions each way.")
    fig = ctx.memo("profile figure", lambda: charts.frozen(charts.profile_figure(
        p.as_holder, p.as_target, iso3)), extra=iso3)
    st.plotly_chart(fig, config=charts.PLOTLY_CONFIG, key="country_timeline")
    st.caption("“→ X”: a position it holds toward X; “← X”: a position X holds toward it. "
               "Light markers: implied by a letter's roster or a bloc's membership.")
    st.subheader("Blocs and letters")
    if len(p.blocs):
        table = p.blocs.drop(columns="group").rename(columns={
            "member_on_dates": "member during these positions"})
        st.dataframe(table, hide_index=True, key="country_blocs")
    else:
        st.caption("No bloc roster on file lists it.")
    if p.signed:
        st.caption("Letters it is listed as signing: " + "; ".join(p.signed))
    st.subheader("Count claims")
    st.caption("Claims such as “over 100 countries” name no state. Listed: those about it, "
               "and those made by a bloc it belonged to or about a letter it signed (it may "
               "be among the countries counted).")
    if len(p.claims_about) or len(p.claims_maybe):
        table = ctx.memo("country claims", lambda: _claims_rows(ctx, p), extra=iso3)
        st.dataframe(table, hide_index=True, key="country_claims")
    else:
        st.caption("None in this view.")
    st.subheader("Evidence")
    rows = ctx.memo("state rows", lambda: ctx.source.state_rows(ctx.filters, iso3), extra=iso3)
    row = views.paged_table(ctx, rows, "country", iso3)
    if row is not None:
        views.evidence_view(ctx, row, chosen=row.name == "chosen")


def _claims_rows(ctx: Context, p: prof.Profile) -> pd.DataFrame:
    """The count claims about the state and those that may include it, as shown (once per
    view and state: the result is shared, never changed)."""
    both = pd.concat([p.claims_about.assign(_rel="about it"),
                      p.claims_maybe.assign(_rel="may include it")], ignore_index=True)
    table = views.claims_table(both, ctx.names)
    table.insert(0, "relation", both["_rel"].to_numpy())
    return table


def _stance_list(by_stance: dict[str, str], empty: str) -> None:
    if not by_stance:
        st.caption(empty)
        return
    label = {"support": "Support", "oppose": "Oppose", "concern": "Concern",
             "neutral": "Neutral"}
    lines = [f"- **{label.get(s, s)}**: {evidence.md_escape(names)}"
             for s, names in by_stance.items()]
    st.markdown("\n".join(lines))


# ---------------------------------------------------------------- Relations


def relations(ctx: Context) -> None:
    st.title("Relations")
    _intro(ctx, "Who stands where toward whom: each square is a holder (row) and a target "
                "(column), coloured by the stance most of its positions take.")
    table = ctx.memo("pairs", lambda: ctx.source.pairs(ctx.filters))
    if table.empty:
        st.info("No positions between two states in this view.")
        return
    cells, more_h, more_t = rel.matrix_pairs(table)
    fig = ctx.memo("relations figure", lambda: charts.frozen(charts.relations_figure(cells)))
    event = st.plotly_chart(fig, config=charts.PLOTLY_CONFIG, key="relations",
                            on_select="rerun", selection_mode="points")
    notes = ["Size: number of positions. A tie between stances shows as mixed; the hover "
             "gives every count. Click a square to list its evidence below."]
    if more_h or more_t:
        notes.append(f"Drawn: the {cells['holder_iso3'].nunique()} holders and "
                     f"{cells['target_iso3'].nunique()} targets with the most positions "
                     f"({more_h} holders and {more_t} targets more are in the table).")
    st.caption(" ".join(notes))
    clicked = _clicked_pair(event)
    st.subheader("Top pairs")
    top = table.head(200).drop(columns=["holder_iso3", "target_iso3"])
    state = st.dataframe(top, hide_index=True, key="relations_pairs", on_select="rerun",
                         selection_mode="single-row")
    rows = list(getattr(getattr(state, "selection", None), "rows", []) or [])
    if rows and rows[0] < len(top):
        r = table.iloc[rows[0]]
        clicked = (str(r["holder_iso3"]), str(r["target_iso3"]))
    if clicked:
        st.session_state[K_PAIR] = clicked
    pair = st.session_state.get(K_PAIR)
    if not pair or not ((table["holder_iso3"] == pair[0]) & (table["target_iso3"] == pair[1])).any():
        r = table.iloc[0]
        pair = (str(r["holder_iso3"]), str(r["target_iso3"]))
    holder, target = pair
    st.subheader(f"Evidence: {ctx.names.get(holder, holder)} toward "
                 f"{ctx.names.get(target, target)}")
    rows = ctx.memo("pair rows", lambda: ctx.source.pair_rows(ctx.filters, holder, target),
                    extra=f"{holder}>{target}")
    row = views.paged_table(ctx, rows, "pair", f"{holder}>{target}")
    if row is not None:
        views.evidence_view(ctx, row, chosen=row.name == "chosen")


def _clicked_pair(event) -> tuple[str, str] | None:
    try:
        points = event.selection.points  # type: ignore[union-attr]
    except AttributeError:
        return None
    for p in points or []:
        data = p.get("customdata") if isinstance(p, dict) else None
        if isinstance(data, (list, tuple)) and len(data) >= 2:
            return str(data[0]), str(data[1])
    return None


# ---------------------------------------------------------------- Evidence & tables


def tables(ctx: Context) -> None:
    st.title("Evidence & tables")
    f = ctx.filters
    what = "Every row of the current view, a page at a time, with its sentence in its article."
    if f.search:
        what += f" Search: rows whose sentence contains “{f.search}”."
    st.caption(evidence.md_escape(what))
    views.tables_and_evidence(ctx)
    views.download_buttons(ctx)


# ---------------------------------------------------------------- Add articles


def add_articles(ctx: Context) -> None:
    from stance.store import MAX_UPLOAD_BYTES

    st.title("Add articles")
    limit_mb = MAX_UPLOAD_BYTES // (1024 * 1024)
    st.caption(f".txt, .md or .html files of up to {limit_mb} MB each. Each file is parsed "
               f"once, within {uploads.PARSE_BUDGET_S:g} s; a file that reads and is new is "
               "stored beside the others (never overwriting one) and is in every page at "
               "once.")
    files = st.file_uploader("Article files", type=["txt", "md", "html", "htm"],
                             accept_multiple_files=True, key="uploader",
                             max_upload_size=limit_mb)
    done: dict[str, uploads.UploadOutcome] = st.session_state.setdefault("_uploads", {})
    todo = [up for up in files or [] if up.file_id not in done]
    if todo:
        bar = st.progress(0.0, text="Parsing uploads…")
        for i, up in enumerate(todo):
            bar.progress(i / len(todo), text=f"Parsing file {i + 1} of {len(todo)}")
            done[up.file_id] = uploads.accept_upload(
                up.getvalue(), up.name, ctx.folder, budget_s=uploads.PARSE_BUDGET_S,
                cache_dir=parse_cache_dir(ctx.folder), on_stored=ctx.source.added)
        bar.progress(1.0, text="Done")
        if any(done[up.file_id].status == "stored" for up in todo):
            st.rerun()  # load the corpus again: the new articles are in every page
    current = [up.file_id for up in files or [] if up.file_id in done]
    if current:
        outcomes = [done[i] for i in current]
        st.dataframe(pd.DataFrame({
            "file": [o.name for o in outcomes],
            "result": [o.status for o in outcomes],
            "events": [o.events for o in outcomes],
            "positions": [o.positions for o in outcomes],
            "claims": [o.claims for o in outcomes],
            "message": [o.message for o in outcomes],
        }), hide_index=True, key="upload_results")
        for o in outcomes:  # names are text: escaped, never Markdown
            show = {"stored": st.success, "duplicate": st.info}.get(o.status, st.error)
            show(evidence.md_escape(o.message))


# ---------------------------------------------------------------- navigation


PAGES = (("overview", "Overview", ":material/public:"),
         ("country", "Country", ":material/flag:"),
         ("relations", "Relations", ":material/grid_on:"),
         ("tables", "Evidence & tables", ":material/table_rows:"),
         ("add_articles", "Add articles", ":material/upload_file:"))


def navigation(ctx: Context) -> list:
    """st.Page objects for st.navigation (one thin file each in app_pages/, which runs the
    function of the same name here on the current Context); also kept in ctx.pages."""
    pages = []
    for i, (path, title, icon) in enumerate(PAGES):
        page = st.Page(f"app_pages/{path}.py", title=title, icon=icon, url_path=path,
                       default=i == 0)
        ctx.pages[path] = page
        pages.append(page)
    return pages

