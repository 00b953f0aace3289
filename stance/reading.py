"""Files to text: find article files, read them safely, decode them, extract HTML text.

Every character offset in the project indexes `SourceFile.text`:
- .txt / .md files: the decoded file content, unchanged (a UTF-8/UTF-16 byte-order mark is
  dropped, line endings are kept as they are, so CRLF files keep their "\\r").
- .html / .htm files: the plain text extracted by inscriptis (not the raw markup), so offsets of
  HTML documents point into that extracted text.

Reading never raises: problems come back as a `SourceFile` with status "error" (or "empty") and
a human message in `error`.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .tables import ARTICLE_SUFFIXES

MAX_BYTES = 20 * 1024 * 1024          # larger files are refused with a clear error
MAX_SIDECAR_BYTES = 256 * 1024
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("title", "source", "url", "published")

_KINDS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", "": "text"}
_MB = 1024 * 1024


@dataclass
class SourceFile:
    """One input file after reading: its text (offsets index it), status and metadata."""

    path: str            # as given / resolved
    file: str            # the file's name (basename)
    text: str            # decoded text; for HTML the extracted plain text
    status: str          # "ok" | "empty" | "error"
    error: str           # "" or a clear human message
    encoding: str        # e.g. "utf-8", "cp1252", "utf-16"
    kind: str            # "text" | "markdown" | "html"
    meta: dict = field(default_factory=dict)   # title/source/url/published (+ "warning")
    content_hash: str = ""                     # sha256 hex of the raw bytes
    warning: str = ""    # read, but with a caveat: invalid bytes replaced, a bad sidecar, an HTML fallback


# --------------------------------------------------------------------------- finding files

def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _is_sidecar(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIX)


def _error(path: str, message: str, kind: str = "", encoding: str = "") -> SourceFile:
    return SourceFile(path=path, file=os.path.basename(str(path).rstrip("/\\")) or str(path), text="",
                      status="error", error=message, encoding=encoding, kind=kind, meta={}, content_hash="")


def _walk(folder: Path) -> list[Path]:
    """Supported, non-hidden files under `folder`, depth first in name order; symlinked folders
    are not followed (no loops), symlinked files are (a broken one is returned so it reports)."""
    out: list[Path] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(Path(entry.path))
            elif _suffix(name) in ARTICLE_SUFFIXES and not _is_sidecar(name):
                out.append(Path(entry.path))
        stack.extend(reversed(subdirs))
    return out


def collect_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[SourceFile]]:
    """Expand files and folders (recursively, sorted) into the files to read.

    Returns (files, errors): a path that does not exist or an explicitly named file of an
    unsupported type becomes an error `SourceFile`; files found in folders are filtered by suffix
    (.txt/.md/.html/.htm), skipping hidden entries and `*.meta.json` sidecars. Duplicates are
    dropped, first occurrence wins.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    errors: list[SourceFile] = []
    seen: set[str] = set()

    def add(p: Path, link: bool | None = None) -> None:
        try:
            # realpath walks every component; only a link can make two names one file
            key = os.path.realpath(p) if (p.is_symlink() if link is None else link) else os.path.abspath(p)
        except (OSError, ValueError):
            key = str(p)
        if key not in seen:
            seen.add(key)
            found.append(p)

    for raw in paths:
        try:
            p = Path(raw)
        except TypeError:
            errors.append(_error(str(raw), f"not a path: {raw!r}"))
            continue
        try:  # one lstat per named path (a warm start names 10k files: stats add up)
            info = os.lstat(p)
            link = stat.S_ISLNK(info.st_mode)
            is_dir = os.path.isdir(p) if link else stat.S_ISDIR(info.st_mode)
        except FileNotFoundError:
            errors.append(_error(str(p), "cannot read file: No such file or directory"))
            continue
        except (OSError, ValueError) as exc:
            errors.append(_error(str(p), f"cannot read file: {_reason(exc)}"))
            continue
        if is_dir:
            for child in _walk(p):
                add(child)
        elif _suffix(p.name) not in _KINDS or _is_sidecar(p.name):
            errors.append(_error(str(p), _unsupported(p.name)))
        else:
            add(p, link)
    return found, errors


def _unsupported(name: str) -> str:
    suffix = ".meta.json" if _is_sidecar(name) else _suffix(name)
    return f"unsupported file type {suffix} (expected {', '.join(ARTICLE_SUFFIXES)})"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


# --------------------------------------------------------------------------- reading

def read_source(path: str | os.PathLike) -> SourceFile:
    """Read one file into a `SourceFile` (never raises); its sidecar NAME.meta.json, if any,
    fills `meta` and overrides values found in an HTML page's head."""
    spath = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)
    name = os.path.basename(spath.rstrip("/\\")) or spath
    suffix = _suffix(name)
    if suffix not in _KINDS or _is_sidecar(name):
        return _error(spath, _unsupported(name))
    kind = _KINDS[suffix]
    try:
        info = os.stat(spath)
    except FileNotFoundError:
        reason = "broken link (target missing)" if os.path.islink(spath) else "No such file or directory"
        return _error(spath, f"cannot read file: {reason}", kind)
    except (OSError, ValueError) as exc:
        return _error(spath, f"cannot read file: {_reason(exc)}", kind)
    if stat.S_ISDIR(info.st_mode):
        return _error(spath, "cannot read file: Is a directory", kind)
    if not stat.S_ISREG(info.st_mode):
        return _error(spath, "cannot read file: not a regular file", kind)
    if info.st_size > MAX_BYTES:
        return _error(spath, _too_large(info.st_size), kind)
    try:
        with open(spath, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        return _error(spath, f"cannot read file: {_reason(exc)}", kind)
    if len(data) > MAX_BYTES:
        return _error(spath, _too_large(len(data)), kind)
    src = decode_bytes(data, name)
    src.path = spath
    sidecar, warning = read_sidecar(spath)
    if sidecar or warning:
        src.meta = _merge_meta(src.meta, sidecar, warning)
    return src


def _too_large(size: int) -> str:
    return f"file too large: {size / _MB:.1f} MB (limit {MAX_BYTES // _MB} MB)"


def decode_bytes(data: bytes, name: str, sidecar: bytes | None = None) -> SourceFile:
    """Decode an uploaded file's bytes by the same rules as `read_source` (path = name).

    `sidecar`, if given, is the content of the matching NAME.meta.json upload.
    """
    name = str(name or "upload.txt")
    base = os.path.basename(name.replace("\\", "/")) or name
    suffix = _suffix(base)
    if suffix not in _KINDS or _is_sidecar(base):
        return _error(name, _unsupported(base))
    kind = _KINDS[suffix]
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return _error(name, f"expected bytes, got {type(data).__name__}", kind)
    data = bytes(data)
    if len(data) > MAX_BYTES:
        return _error(name, _too_large(len(data)), kind)
    digest = hashlib.sha256(data).hexdigest()
    src = SourceFile(path=name, file=base, text="", status="ok", error="", encoding="", kind=kind,
                     meta={}, content_hash=digest)
    if not data.strip():
        src.status, src.error, src.encoding = "empty", "empty file", "utf-8"
        return src
    try:
        text, encoding, problem = decode_text(data, kind)
    except Exception as exc:  # noqa: BLE001 - a decoder bug must not stop a batch
        text, encoding, problem = "", "", f"cannot decode file: {exc}"
    if encoding == UTF8_REPLACED:
        encoding, src.warning = "utf-8", replaced_note(data)
    src.encoding = encoding
    if problem:
        src.status, src.error = "error", problem
        return src
    if kind == "text" and looks_like_html(text):
        kind = src.kind = "html"
    if kind == "html":
        try:
            page = extract_html(text)
        except Exception as exc:  # noqa: BLE001
            src.status, src.error = "error", f"cannot read HTML: {exc}"
            return src
        text = page.text
        src.meta = dict(page.meta)
        if page.note:
            src.meta["warning"] = page.note
    src.text = text
    if not text.strip():
        src.status = "empty"
        src.error = "no readable text in HTML page" if kind == "html" else "empty file"
    if sidecar is not None:
        values, warning = parse_sidecar(sidecar)
        src.meta = _merge_meta(src.meta, values, warning)
    return src


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Tie-break among equally plausible detector answers: the common legacy web encodings first.
_PREFERRED = {name: rank for rank, name in enumerate((
    "cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "iso8859_2", "cp1253", "cp1254", "cp1257",
    "gb18030", "gbk", "gb2312", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949", "koi8_r",
))}
_COHERENCE_MARGIN = 10.0
_HIGH_BYTES = bytes(range(128, 256))
_MULTIBYTE = ("big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp",
              "euc_kr", "gb18030", "gb2312", "gbk", "hz", "iso2022_jp", "iso2022_kr", "johab", "shift_jis",
              "shift_jis_2004", "shift_jisx0213")
_NAMES = {"latin_1": "latin-1", "utf_8": "utf-8", "utf_16": "utf-16", "utf_16_le": "utf-16-le",
          "utf_16_be": "utf-16-be", "utf_32": "utf-32", "ascii": "ascii"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
BINARY = "binary file (not text)"


def decode_text(data: bytes, kind: str = "text") -> tuple[str, str, str]:
    """Bytes to (text, encoding, problem): BOM, then strict UTF-8, then UTF-8 with its few stray
    bytes replaced (see `mostly_utf8`; encoding `UTF8_REPLACED`), then (for HTML) a declared
    charset, then the charset-normalizer detector, and when no code page fits a text with a few
    stray bytes, UTF-8 with them replaced. NUL bytes outside UTF-16/32, a detector without an
    answer, or text full of control characters mean a binary file."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec), label)
            except UnicodeDecodeError:
                return "", label, f"cannot decode file: invalid {label} after byte-order mark"
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            return "", "", BINARY
        try:
            return _checked(data.decode(codec), codec)
        except UnicodeDecodeError:
            return "", "", BINARY
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):
        return _checked(data.decode("utf-8", "replace"), UTF8_REPLACED)
    if kind == "html":
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            label = declared.group(1).decode("ascii", "replace").lower()
            try:
                if codecs.lookup(label).name not in ("utf-8", "utf-16", "utf-32"):
                    return _checked(data.decode(label), _label(codecs.lookup(label).name))
            except (LookupError, UnicodeDecodeError):
                pass
    text, encoding, problem = _detect(data)
    if problem == BINARY and _few_stray_bytes(data):  # no code page fits: the strays are noise
        return _checked(data.decode("utf-8", "replace"), UTF8_REPLACED)
    return text, encoding, problem


UTF8_REPLACED = "utf-8 (replaced)"  # decode_text's label for UTF-8 with invalid bytes replaced
_STRAY = re.compile("[\udc80-\udcff]+")


def _utf8_evidence(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 sequences, invalid bytes) in `data`."""
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = sum(len(m) for m in _STRAY.findall(escaped))
    non_ascii = sum(1 for ch in escaped if ord(ch) > 0x7F)
    return non_ascii - invalid, invalid


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few stray bytes (a Windows-1252 quote pasted into a UTF-8 page): at
    least as many valid multi-byte sequences as invalid bytes. Text in a legacy code page almost
    never forms valid multi-byte UTF-8 sequences (an accented letter is one byte followed by an
    ASCII one), so such text still goes to the detector, and so does ASCII with stray bytes
    (decoding it as cp1252 loses nothing)."""
    valid, invalid = _utf8_evidence(data)
    return invalid > 0 and valid >= invalid


def _few_stray_bytes(data: bytes) -> bool:
    """At most 8 invalid UTF-8 bytes, and at most one in a thousand."""
    _, invalid = _utf8_evidence(data)
    return 0 < invalid <= min(8, max(1, len(data) // 1000))


def replaced_note(data: bytes) -> str:
    """The documents row's note for UTF-8 decoded with replacements."""
    _, invalid = _utf8_evidence(data)
    return f"decoded as UTF-8 with {invalid} invalid byte(s) replaced by U+FFFD"


def _checked(text: str, encoding: str) -> tuple[str, str, str]:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        return "", encoding, BINARY
    return text, encoding, ""


def _label(codec: str) -> str:
    return _NAMES.get(codec.replace("-", "_"), codec.replace("_", "-") if codec.startswith(("utf", "iso")) else codec)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: NULs fill one byte of most ASCII characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> tuple[str, str, str]:
    from charset_normalizer import from_bytes

    # Mostly-ASCII text with a few accented letters is not Chinese/Japanese/Korean: double-byte
    # text has most of its bytes >= 0x80. The detector can be fooled by "äß" pairs, so rule the
    # double-byte encodings out when fewer than a quarter of the bytes are high.
    sample = data[:65536]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    exclude = list(_MULTIBYTE) if high < 0.25 * len(sample) else None
    try:
        matches = list(from_bytes(data, cp_exclusion=exclude))
    except Exception:  # noqa: BLE001 - the detector failing means we cannot tell the encoding
        matches = []
    matches = [m for m in matches if not m.encoding.startswith(("utf_16", "utf_32"))]
    if exclude:
        matches = [m for m in matches if m.encoding not in _MULTIBYTE]
    if not matches:
        return "", "", BINARY
    best = matches[0]

    def pref(match) -> int:
        aliases = getattr(match, "could_be_from_charset", None) or [match.encoding]
        return min((_PREFERRED.get(a, 99) for a in aliases), default=99)

    # The detector's language scores are weak on short texts ("Ministère" read as Croatian
    # "Ministčre"): answers about as clean and coherent as the best count as a tie, and a tie
    # goes to the more common encoding.
    tied = [m for m in matches if m.percent_chaos <= best.percent_chaos + 1.0
            and m.percent_coherence >= best.percent_coherence - _COHERENCE_MARGIN]
    choice = min(tied, key=pref)
    aliases = getattr(choice, "could_be_from_charset", None) or [choice.encoding]
    codec = min(aliases, key=lambda a: _PREFERRED.get(a, 99)) if _PREFERRED.keys() & set(aliases) else choice.encoding
    if codec == "latin_1":
        try:                       # cp1252 is latin-1 plus printable quotes/dashes in 0x80-0x9f
            return _checked(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode(codec), _label(codec))
    except (UnicodeDecodeError, LookupError):
        return _checked(str(choice), _label(choice.encoding))


# --------------------------------------------------------------------------- sidecar metadata

def sidecar_path(path: str | os.PathLike) -> Path:
    """NAME.meta.json next to NAME.txt (same stem)."""
    p = Path(path)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(stem + SIDECAR_SUFFIX)


def read_sidecar(path: str | os.PathLike) -> tuple[dict, str]:
    """(values, warning) from the file's sidecar; ({}, "") when there is none."""
    side = sidecar_path(path)
    try:
        if not side.is_file():
            return {}, ""
        if side.stat().st_size > MAX_SIDECAR_BYTES:
            return {}, f"{side.name} ignored: larger than {MAX_SIDECAR_BYTES // 1024} KB"
        data = side.read_bytes()
    except OSError as exc:
        return {}, f"{side.name} ignored: cannot read it ({_reason(exc)})"
    values, warning = parse_sidecar(data)
    return values, (f"{side.name}: {warning}" if warning else "")


def parse_sidecar(data: bytes | str) -> tuple[dict, str]:
    """Validate sidecar JSON: an object with string title/source/url and a YYYY-MM-DD
    `published`. Invalid JSON ignores the whole sidecar, a bad value ignores that key; both
    come back as a warning."""
    try:
        raw = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes) else data)
    except (ValueError, UnicodeDecodeError) as exc:
        return {}, f"sidecar ignored: invalid JSON ({exc})"
    if not isinstance(raw, dict):
        return {}, "sidecar ignored: expected a JSON object"
    values: dict[str, str] = {}
    problems = []
    for key in SIDECAR_KEYS:
        if key not in raw or raw[key] is None:
            continue
        value = raw[key]
        if not isinstance(value, str):
            problems.append(f"{key} (must be a string, got {type(value).__name__})")
            continue
        value = value.strip()
        if key == "published" and value:
            day = normalize_date(value)
            if day is None:
                problems.append(f"published (must be YYYY-MM-DD, got {value[:40]!r})")
                continue
            value = day
        if value:
            values[key] = value
    return values, ("ignored " + ", ".join(problems)) if problems else ""


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def normalize_date(value: str) -> str | None:
    """'2024-09-25' or an ISO timestamp starting with it -> '2024-09-25'; else None."""
    m = _ISO_DAY.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _merge_meta(base: dict, override: dict, warning: str) -> dict:
    meta = dict(base)
    meta.update(override)
    warnings = [w for w in (base.get("warning", ""), warning) if w]
    if warnings:
        meta["warning"] = "; ".join(warnings)
    return meta


# --------------------------------------------------------------------------- HTML to text

@dataclass
class HtmlPage:
    """Plain text of an HTML page plus what its head says (title, published, source, url)."""

    text: str
    meta: dict
    note: str = ""       # set when the simple fallback extractor had to be used


_HTML_START = re.compile(r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^>]{0,500}-->\s*)?<(?:!doctype\s+html|html)[\s>]",
                         re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_HIDDEN_TAGS = ("nav", "noscript", "template", "svg", "iframe", "select", "button", "canvas", "object")
_TITLE_KEYS = ("og:title", "twitter:title")
_PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "article:published",
                   "datepublished", "date.published", "pubdate", "publishdate", "publish-date",
                   "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
                   "parsely-pub-date", "sailthru.date")
_SOURCE_KEYS = ("og:site_name", "application-name")
_URL_KEYS = ("og:url",)
_config = None


def looks_like_html(text: str) -> bool:
    """A .txt that is really a saved web page (starts with <!DOCTYPE html> or <html>)."""
    return bool(_HTML_START.match(text[:2048]))


def _inscriptis_config():
    global _config
    if _config is None:
        from inscriptis.css_profiles import CSS_PROFILES
        from inscriptis.html_properties import Display
        from inscriptis.model.config import ParserConfig
        from inscriptis.model.html_element import HtmlElement

        css = dict(CSS_PROFILES["strict"])
        for tag in _HIDDEN_TAGS:
            css[tag] = HtmlElement(display=Display.none)
        _config = ParserConfig(css=css, display_images=False, display_links=False)
    return _config


def extract_html(html: str) -> HtmlPage:
    """HTML markup to plain text with inscriptis (paragraph and line breaks kept, script, style
    and navigation dropped, entities decoded) plus head metadata. Pages lxml/inscriptis cannot
    handle (e.g. thousands of nested elements) go through a simple linear tag stripper instead,
    with a note saying so."""
    html = _XML_DECL.sub("", html, count=1)
    try:
        import lxml.html
        from inscriptis import Inscriptis

        parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        tree = lxml.html.document_fromstring(html, parser=parser)
        if any("depth" in (e.message or "").lower() for e in parser.error_log):
            return _fallback(html, "HTML nested too deeply for the HTML parser")
        meta = _head_meta_lxml(tree)
        text = Inscriptis(tree, _inscriptis_config()).get_text()
        if "published" not in meta:
            day = _htmldate(tree, meta.get("url"))
            if day:
                meta["published"] = day
    except RecursionError:
        return _fallback(html, "HTML nested too deeply for the HTML parser")
    except Exception as exc:  # noqa: BLE001 - lxml raises several types on broken markup
        if not html.strip():
            return HtmlPage("", {})
        return _fallback(html, f"HTML parser failed ({type(exc).__name__})")
    return HtmlPage(text, meta)


# htmldate's bounds, fixed so the result never depends on the day it runs (its default upper
# bound is today).
_HTMLDATE_MIN, _HTMLDATE_MAX = "1995-01-01", "2100-12-31"


def _htmldate(tree, url: str | None) -> str:
    """The page's original publication date from its markup (meta tags, JSON-LD, <time>, the URL)
    through htmldate, "" when it gives none. Metadata only: the text's own date lines are read
    by stance.dates."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate is a requirement
        return ""
    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url or None,
                          min_date=_HTMLDATE_MIN, max_date=_HTMLDATE_MAX)
    except Exception:  # noqa: BLE001 - a metadata library must never fail the read
        return ""
    return normalize_date(found or "") or ""


def _fallback(html: str, why: str) -> HtmlPage:
    text, meta = strip_tags(html)
    return HtmlPage(text, meta, f"{why}; text extracted by simple tag stripping")


def _head_meta_lxml(tree) -> dict:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in found:
            found[key] = content
    for el in tree.iter("link"):
        if (el.get("rel") or "").strip().lower() == "canonical" and el.get("href"):
            found.setdefault("canonical", el.get("href"))
            break
    for el in tree.iter("time"):
        if el.get("itemprop", "").lower() == "datepublished" or el.get("pubdate") is not None:
            if el.get("datetime"):
                found.setdefault("datepublished", el.get("datetime"))
            break
    title_el = tree.find(".//title")
    title = title_el.text_content() if title_el is not None else ""
    return _meta_values(found, title)


def _meta_values(found: dict[str, str], title: str) -> dict:
    """Pick title/published/source/url from <meta> values (lower-cased keys) and <title>."""
    meta: dict[str, str] = {}
    source = next((" ".join(found[k].split()) for k in _SOURCE_KEYS if found.get(k, "").strip()), "")
    best = next((found[k] for k in _TITLE_KEYS if found.get(k, "").strip()), "") or title
    best = " ".join(best.split())
    if best and source:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if best.endswith(sep + source):
                best = best[: -len(sep + source)].rstrip()
    if best:
        meta["title"] = best
    for key in _PUBLISHED_KEYS:
        day = normalize_date(found.get(key, ""))
        if day:
            meta["published"] = day
            break
    if source:
        meta["source"] = source
    url = next((found[k].strip() for k in (*_URL_KEYS, "canonical") if found.get(k, "").strip()), "")
    if url.startswith(("http://", "https://")):
        meta["url"] = url
    return meta


# Simple fallback: a linear scan with str.find (no backtracking regex over the whole page).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]*)>")
_ATTR = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_SKIP_CONTENT = frozenset(("script", "style", "title", *_HIDDEN_TAGS))
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "body", "html", "head",
))
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def strip_tags(html: str) -> tuple[str, dict]:
    """Plain text of HTML by dropping tags (block tags become line breaks), skipping script,
    style and navigation content and decoding entities; also the head metadata. Linear time
    and no recursion, so it copes with any nesting depth."""
    import html as html_lib

    low = html.translate(_ASCII_LOWER)      # same length as html, ASCII letters lowered
    pieces: list[str] = []
    found: dict[str, str] = {}
    title = ""
    i, n = 0, len(html)
    while i < n:
        j = html.find("<", i)
        if j < 0:
            pieces.append(html[i:])
            break
        if j > i:
            pieces.append(html[i:j])
        if html.startswith("<!--", j):
            k = html.find("-->", j + 4)
            i = n if k < 0 else k + 3
            continue
        m = _TAG.match(html, j)
        if m is None:
            if j + 1 < n and html[j + 1] in "!?":
                k = html.find(">", j)
                i = n if k < 0 else k + 1
            else:
                pieces.append("<")
                i = j + 1
            continue
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        i = m.end()
        if name in _BLOCK_TAGS:
            pieces.append("\n")
        if closing:
            continue
        if name in ("meta", "link", "time"):
            values = {a.lower(): (v1 or v2 or v3) for a, v1, v2, v3 in _ATTR.findall(attrs)}
            if name == "meta":
                key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
                if key and values.get("content") and key not in found:
                    found[key] = html_lib.unescape(values["content"])
            elif name == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
                found.setdefault("canonical", html_lib.unescape(values["href"]))
            elif name == "time" and values.get("datetime") and (
                    values.get("itemprop", "").lower() == "datepublished" or "pubdate" in attrs.lower()):
                found.setdefault("datepublished", values["datetime"])
        elif name in _SKIP_CONTENT and not attrs.rstrip().endswith("/"):
            k = low.find("</" + name, i)
            end = n if k < 0 else k
            if name == "title" and not title:
                title = html_lib.unescape(html[i:end])
            g = html.find(">", end)
            i = n if k < 0 or g < 0 else g + 1
    text = html_lib.unescape("".join(pieces))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line), _meta_values(found, title)
