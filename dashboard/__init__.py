"""Streamlit dashboard for stance: pure table/figure builders plus thin Streamlit views.

Modules with one job each:
  model      - the four tables as one value, derived (hidden "_") columns computed once, and
               the columns shown / downloaded (contract columns + group_name)
  names      - state names (one source with the parser) and bloc / letter names
  filters    - the filter value, pure pandas filtering (incl. evidence search), query params
  charts     - plotly figures (timeline, world map, relations matrix, a state's timeline)
  relations  - holder x target pairs of the filtered positions
  profile    - one state's profile: stances, blocs on those dates, claims that may include it
  summary    - headline figures
  downloads  - CSV / ZIP bytes of exactly the filtered rows
  evidence   - source text around an evidence span, escaped for safe display
  paging     - page slicing for large tables
  loading    - finding article files and keying the parse cache on their contents
  uploads    - checking, parsing (with a time budget) and storing uploaded articles
  shell      - what every page shares: corpus loading, sidebar filters, link, caches
  views      - the sections pages are made of (st.* calls)
  pages      - the five pages and their st.navigation entries (app_pages/ holds one thin
               file per page)

All data access of the pages goes through shell.Context (view() and memo()), so the pandas
filtering behind it could be swapped for another query layer.
"""
