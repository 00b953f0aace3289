"""Page file for st.navigation (see app.py); the page itself is dashboard.pages.relations."""
from dashboard import pages, shell

pages.relations(shell.current())
