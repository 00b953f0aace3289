"""Keep a download that was just built servable until the browser has fetched it.

The download buttons pass a callable (`st.download_button(data=callable)`), so a CSV or the ZIP
is built only when clicked. Streamlit (1.67) runs the callable, stores the bytes as a media
file that no session references, and sends the browser its URL. Its clean-up, which runs after
every script run of *any* session, marks such an unreferenced file on one pass and deletes it on
the next. With several users rerunning at once, two other reruns can end between the moment
the file is built and the moment the browser asks for it. The browser then gets a 404 and
the download fails: in `python -m bench.load --mode browser --sessions 10`, 10-22% of the
clicked downloads came back "canceled".

`install` wraps the app's media file manager so that a file built by a deferred download
counts as in use for `GRACE_S` seconds after it was built. After that the normal clean-up
applies. Repeat clicks still run the callable again, as Streamlit intends. Only the
manager's two entry points are wrapped (`execute_deferred`, `_get_inactive_file_ids`). If a
Streamlit version lacks either, nothing is changed and `install` returns False.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable

GRACE_S = 120.0   # a slow client on a loaded server fetches well within this


def _file_id(url: str) -> str:
    """The stored file's id in a media URL ('.../media/<id>.csv')."""
    return url.rsplit("/", 1)[-1].split(".", 1)[0]


def install(manager: Any, grace_s: float = GRACE_S,
            clock: Callable[[], float] = time.monotonic) -> bool:
    """Give files built by deferred downloads `grace_s` seconds before clean-up may delete
    them. The call is idempotent (a second call changes nothing) and returns whether the
    grace is in place."""
    if getattr(manager, "_stance_download_grace", None) is not None:
        return True
    execute = getattr(manager, "execute_deferred", None)
    inactive = getattr(manager, "_get_inactive_file_ids", None)
    if not callable(execute) or not callable(inactive):
        return False
    built: dict[str, float] = {}   # file id -> when it was built
    lock = threading.Lock()

    def execute_deferred(file_id: str) -> str:
        url = execute(file_id)
        with lock:
            built[_file_id(url)] = clock()
        return url

    def get_inactive_file_ids() -> set[str]:
        ids = set(inactive())
        now = clock()
        with lock:
            for fid in [f for f, t in built.items() if now - t > grace_s]:
                del built[fid]
            return ids - built.keys()

    manager.execute_deferred = execute_deferred
    manager._get_inactive_file_ids = get_inactive_file_ids
    manager._stance_download_grace = built
    return True


def install_in_runtime() -> bool:
    """`install` on the running Streamlit server's media file manager (False when there is
    no runtime, e.g. the script imported outside `streamlit run`)."""
    from streamlit import runtime

    if not runtime.exists():
        return False
    return install(runtime.get_instance().media_file_mgr)
