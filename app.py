"""stance dashboard: `streamlit run app.py` opens on data/articles/ with no other step.

Sidebar filters (mirrored in the link), headline figures, a timeline of events, a world map of
stances, the claims no map can show, paged tables with the evidence highlighted, downloads of
exactly the filtered rows, and a box to add articles. Logic lives in the dashboard package.
"""
from __future__ import annotations

import streamlit as st

from dashboard import filters, views
from dashboard.loading import articles_dir

st.set_page_config(page_title="stance: who stands where", page_icon="🌐", layout="wide")

folder = articles_dir()
with st.sidebar:
    filter_box = st.container()
    upload_box = st.container()
with upload_box:  # runs first, so a new article is in the tables loaded just below
    views.upload_box(folder)

tables, names = views.load_corpus(folder)
opts = filters.options_from(tables)

st.title("stance")
st.caption(f"Who supports, opposes or is concerned about whom, and when: "
           f"{opts.date_min or '?'} to {opts.date_max or '?'}, from the articles in "
           f"{folder.name}/. Every row points back to its sentence.")

with filter_box:
    chosen = views.sidebar_filters(opts, names, views.file_titles(tables.documents))
view = filters.filter_tables(tables, chosen)

views.headline(view, tables)
chosen = views.timeline(view, tables, chosen)
chosen = views.world_map(view, tables, chosen, names)
views.claims_panel(view, names)
views.tables_and_evidence(view, folder)
views.download_buttons(view, chosen)
views.sync_url(chosen)
