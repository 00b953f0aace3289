"""Page file for st.navigation (see app.py); the page itself is dashboard.pages.tables."""
from dashboard import pages, shell

pages.tables(shell.current())
