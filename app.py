"""stance dashboard: `streamlit run app.py` opens on data/articles/ with no other step.

The entry file only wires the shared sidebar (filters, mirrored in the link) and the pages;
everything else lives in the dashboard package (dashboard/pages.py for the pages).
"""
from __future__ import annotations

import streamlit as st

from dashboard import pages, shell

st.set_page_config(page_title="stance: who stands where", page_icon="🌐", layout="wide")

ctx = shell.start()
st.navigation(pages.navigation(ctx)).run()
shell.finish(ctx)
