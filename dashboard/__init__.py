"""Streamlit dashboard for stance: pure table/figure builders plus thin Streamlit views.

Modules with one job each:
  model      - the four tables as one value, derived (hidden "_") columns computed once, and
               the columns shown / downloaded (contract columns + group_name)
  names      - state names (one source with the parser) and bloc / letter names
  filters    - the filter value (stance.warehouse.Query plus lane and map target), pure
               pandas filtering (incl. evidence search), query params
  style      - stance colours and labels, HTML escaping, date labels (shared by every figure)
  timeline   - the events timeline: marks, or counts per lane / period / stance
  charts     - plotly figures (world map, relations matrix, a state's timeline)
  relations  - holder x target pairs of the filtered positions
  profile    - one state's profile: stances, blocs on those dates, claims that may include it
  summary    - headline figures
  downloads  - CSV / ZIP bytes of exactly the filtered rows
  evidence   - source text around an evidence span, escaped for safe display
  paging     - page slicing for large tables
  loading    - finding article files and keying the parse cache on their contents
  uploads    - checking, parsing (with a time budget) and storing uploaded articles
  source     - the data source the pages read (the swap point): frame_source (pandas tables)
               or store_source (a DuckDB store, $STANCE_STORE; SQL in store_overview and
               store_profile; ahead runs the Overview's queries side by side). The
               pandas source filters into frame_view (kept row numbers, columns taken on
               use, masks on integer codes) and counts on codes in frame_counts
  shell      - what every page shares: opening the source, sidebar filters, link, caches
  views      - the sections pages are made of (st.* calls)
  pages      - the five pages and their st.navigation entries (app_pages/ holds one thin
               file per page)

All data access of the pages goes through shell.Context (source and memo()): pandas and the
DuckDB store answer the same questions, and the figures are drawn by the same code.
"""
