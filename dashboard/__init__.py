"""Streamlit dashboard for stance: pure table/figure builders plus thin Streamlit views.

Modules with one job each:
  model      - the four tables as one value, plus derived (hidden "_") columns computed once
  names      - ISO-3 code -> display name
  filters    - the filter value, pure pandas filtering, query-param round trip
  charts     - plotly figures (timeline, world map) and their aggregations
  summary    - headline figures
  downloads  - CSV / ZIP bytes of exactly the filtered rows
  evidence   - source text around an evidence span, escaped for safe display
  paging     - page slicing for large tables
  loading    - finding article files and keying the parse cache on their contents
  uploads    - checking and storing uploaded articles
  views      - the Streamlit rendering (the only module that calls st.*, with app.py)
"""
