"""Page file for st.navigation (see app.py); the page itself is dashboard.pages.add_articles."""
from dashboard import pages, shell

pages.add_articles(shell.current())
