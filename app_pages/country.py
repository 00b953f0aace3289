"""Page file for st.navigation (see app.py); the page itself is dashboard.pages.country."""
from dashboard import pages, shell

pages.country(shell.current())
