"""Page file for st.navigation (see app.py); the page itself is dashboard.pages.overview."""
from dashboard import pages, shell

pages.overview(shell.current())
