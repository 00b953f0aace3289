"""The dashboard as an ASGI app: `streamlit run serve_app.py` (what `python -m dashboard.serve`
runs) serves app.py exactly as `streamlit run app.py` does, plus dashboard.backend_url's
middleware, so that a page URL opened directly (`/country?country=CUB`) costs no 404s."""
from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from dashboard.backend_url import BackendBaseUrl

app = st.App("app.py", middleware=[Middleware(BackendBaseUrl)])
