"""Scraped page text to article parts: split at "Next Article" lines, find each title, drop
boilerplate and repeated lines, keep every paragraph as exact offsets into the page text.

Scraped pages hold one paragraph per line, so a paragraph is one non-empty line; its span is the
line stripped of surrounding whitespace, so `text[start:end]` is exactly the paragraph (CRLF and
other line endings included). Rules are generic page furniture, not tuned to particular sites:

- separators: a line that is only "Next Article", "Previous Article", "Next Story", "Read Next",
  "Related Article", ... (any case, with arrows or dashes around it) starts a new part. Lines of
  only "* * *" / "---" do NOT split: in Markdown and in many scraped articles they are section
  breaks inside one article, so they are dropped as decoration instead.
- boilerplate: ads, share bars, "Read more", "Subscribe ...", cookie banners, "Skip to content",
  breadcrumbs ("Home > World", "HomeWorldTitle..."), lines without letters or digits; a
  heading such as "Related Articles" / "Must Read" also drops the teaser headlines right after it.
- title: the first remaining line of a part unless it looks like a dateline, a byline, a body
  paragraph or a site banner repeated in other parts; Markdown "#"/emphasis are left out of
  its span; YAML front matter gives the title of its `title:` key.
- repeated short lines (no sentence end, or under 15 words) are kept once; repeats of the title
  are all dropped. Header lines (datelines) are kept: the date module reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_EDGE = " \t\u00a0\u200b-\u2013\u2014\u2012\u2022\u00b7*|:>\u00bb\u00ab\u203a\u2039<_=#[](){}!.\u2026,;~+/\\\u2190\u2192"
_ALNUM = re.compile(r"[^\W_]")
_MD_LINK = re.compile(r"(!?)\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
_SENTENCE_END = ('.', '!', '?', '."', '.\u201d', '!\u201d', '?\u201d', ".'", '.\u2019', '?"', '!"', '.)')
_END_CHARS = frozenset('.!?"\u201d\u2019\')')
_SHORT = 300            # longer lines are always article text (no boilerplate check)
_TITLE_MAX_WORDS = 25
_LONG_SENTENCE_WORDS = 15

SEPARATORS = frozenset((
    "next article", "previous article", "prev article", "next story", "previous story", "read next",
    "related article", "related story", "next post", "previous post", "up next", "next news",
    "previous news", "next page article",
))
BOILERPLATE = frozenset((
    "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
    "sponsored content", "paid content", "promoted", "promoted content", "scroll to continue",
    "scroll to continue with content", "advertisement scroll to continue", "story continues below",
    "story continues below advertisement", "article continues below advertisement",
    "share", "shares", "share this", "share this article", "share this story", "share this post",
    "share article", "share story", "share via", "share on", "share on social media", "print",
    "print this", "print article", "print this article", "print page", "email", "e-mail", "mail",
    "email this", "email article", "send", "copy link", "copy url", "link copied", "save", "save article",
    "read more", "read full article", "read the full article", "read full story", "continue reading",
    "show more", "load more", "see more", "view more", "view all", "view comments", "more",
    "menu", "main menu", "search", "close", "open", "toggle navigation", "navigation", "log in", "login",
    "sign in", "sign up", "register", "subscribe", "subscribe now", "newsletter", "newsletters",
    "home", "homepage", "back to top", "top", "back", "next", "previous", "prev", "loading",
    "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add comment",
    "show comments", "tags", "topics", "keywords", "listen", "listen to this article",
    "listen to article", "font size", "text size", "follow us", "follow", "follow us on",
    "skip to content", "skip to main content", "skip to navigation", "accept", "accept all",
    "reject all", "manage cookies", "cookie settings", "all rights reserved", "feature image",
    "breaking news", "live", "watch", "video", "photo", "gallery", "image", "audio",
))
LIST_HEADINGS = frozenset((
    "must read", "must reads", "recommended", "recommended articles", "recommended for you",
    "recommended stories", "recommended reading", "recommended news", "related", "related articles",
    "related stories", "related news", "related posts", "related content", "related coverage",
    "related topics", "related links", "more stories", "more news", "more articles", "more from",
    "more to read", "more on this story", "more on this topic", "trending", "trending now",
    "trending news", "trending stories", "most read", "most popular", "most viewed", "popular",
    "popular posts", "popular stories", "editor's picks", "editors picks", "editors' picks",
    "editor\u2019s picks", "top stories", "latest news", "latest stories", "latest", "latest posts",
    "you may also like", "you might also like", "you may like", "you might like", "also read",
    "read also", "see also", "also on", "in case you missed it", "further reading", "don't miss",
    "don\u2019t miss", "what to read next", "recent posts", "recent news", "hot news", "top news",
))
BOILERPLATE_PREFIXES = (
    "skip to ", "jump to ", "click to share", "click here to share", "share on ", "share this ",
    "share via ", "share to ", "subscribe ", "subscribe:", "sign up for ", "sign up to ",
    "follow us ", "follow us:", "join our ", "download our app", "download the app", "read more:",
    "read more at ", "read more on ", "read more about ", "also read:", "read also:", "see also:",
    "related:", "tags:", "topics:", "keywords:", "filed under", "copyright ", "copyright:",
    "all rights reserved", "advertisement ", "advertisement:", "click here to ",
    "opens in new window", "this content is", "get the app", "listen to this article",
)
_SHARE_NETWORKS = frozenset((
    "share", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "mail", "print",
    "telegram", "reddit", "pinterest", "tweet", "messenger", "weibo", "wechat", "vk", "instagram",
    "youtube", "tumblr", "pocket", "flipboard", "sms", "threads", "bluesky", "mastodon", "line",
    "viber", "copy", "url", "google", "google+", "qzone", "douban", "comments", "comment",
))
_SHARE_FILLER = frozenset(("on", "via", "this", "article", "link", "story", "post", "to", "with", "your",
                           "friends", "page", "the", "(opens", "in", "new", "window)", "window"))
_COOKIE_CUES = ("we use", "uses cookies", "use of cookies", "use cookies", "accept", "consent",
                "cookie policy", "cookie settings", "privacy policy", "cookies to")
_COUNTER = re.compile(r"\d[\d,.k]*\s+(?:comments?|shares?|views?|likes?|reads?)$")
_COUNTER_WORDS = ("comment", "comments", "share", "shares", "view", "views", "like", "likes", "read", "reads")
_SPLIT_TOKENS = re.compile(r"[\s|/,\u00b7\u2022]+")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"(?P<word>(?:first\s+|last\s+)?(?:published|posted|updated|date|released|issued|modified)\b)"
    rf"|(?P<date>\d{{1,4}}[-/.]\d{{1,2}}(?:[-/.]\d{{1,4}})?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s|,|$)"
    rf"|{_MONTH}\s+\d{{1,2}}\b|(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b,?\s)",
    re.IGNORECASE)
_BYLINE_PREFIXES = ("by ", "written by ", "reporter:", "author:", "reporting by ")
_CRUMB_GLUED = re.compile(r"Home(?:[A-Z][a-z]|\s*[>\u00bb\u203a/|\u2192:]{1,2}\s*\S)")
_CRUMB_CHARS = re.compile(r"[>\u00bb\u203a/|\u2192:\u2022\u00b7]")
_CRUMB_SEP = re.compile(r"\s(?:[>\u00bb\u203a/|\u2192\u2022\u00b7]|::)\s")
_FRONT_KEY = re.compile(r"[A-Za-z_][\w -]{0,40}:(?:\s|$)")
_FRONT_DATE_KEYS = ("date", "published", "updated", "pubdate", "publishdate", "date_published")

# line classes
_TEXT, _SEP, _BOILER, _LIST, _DECOR, _CRUMB, _FRONT = range(7)
_KEY_CLASS = {**{k: _BOILER for k in BOILERPLATE}, **{k: _LIST for k in LIST_HEADINGS},
              **{k: _SEP for k in SEPARATORS}}
_PREFIXES_BY_WORD: dict[str, tuple[str, ...]] = {}
for _prefix in BOILERPLATE_PREFIXES:
    _word = _prefix.split(" ", 1)[0]
    _PREFIXES_BY_WORD[_word] = _PREFIXES_BY_WORD.get(_word, ()) + (_prefix,)


@dataclass
class DocumentPart:
    """One article of a page: its span, title and kept paragraph spans (offsets into the text)."""

    part: int                                   # 1-based index of the article within the file
    start: int                                  # span of the whole part in the file text
    end: int
    title: str = ""                             # "" if none
    title_span: tuple[int, int] | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)


class _Line:
    __slots__ = ("start", "end", "s", "key", "cls", "words", "dateish")

    def __init__(self, start: int, end: int, s: str) -> None:
        self.start, self.end, self.s = start, end, s
        self.key = ""
        self.cls = _TEXT
        self.words = s.count(" ") + 1
        self.dateish = False


def _key(s: str) -> str:
    """Comparison key of a short line: lower case, decoration trimmed, spaces collapsed."""
    return " ".join(s.lower().strip(_EDGE).split())


def _classify(line: _Line) -> None:
    """Set the line's class (text, separator, boilerplate, ...), comparison key and word count."""
    s = line.s
    if len(s) > _SHORT:
        if _ALNUM.search(s) is None:
            line.cls = _DECOR
        return
    low = s.lower()
    tokens = low.split()
    words = line.words = len(tokens)
    key = " ".join(tokens).strip(_EDGE)
    if s[0] in "[!":
        link = _MD_LINK.fullmatch(s)
        if link:
            if link.group(1):                       # a Markdown image alone on its line
                line.cls = _DECOR
                return
            key = " ".join(link.group(2).lower().split()).strip(_EDGE)
    line.key = key
    if not key or (not key[0].isalnum() and _ALNUM.search(key) is None):
        line.cls = _DECOR
        return
    kind = _KEY_CLASS.get(key)
    if kind is not None:
        line.cls = kind
        return
    first = key.split(" ", 1)[0]
    if words <= 12:
        prefixes = _PREFIXES_BY_WORD.get(first)
        if (prefixes and key.startswith(prefixes)) or key[0] == "\u00a9" or low.startswith("(c) "):
            line.cls = _BOILER
            return
        if first in _SHARE_NETWORKS:
            parts = [t for t in _SPLIT_TOKENS.split(key) if t]
            if all(t in _SHARE_NETWORKS or t in _SHARE_FILLER for t in parts):
                line.cls = _BOILER
                return
        if key[0].isdigit() and key.endswith(_COUNTER_WORDS) and _COUNTER.match(key):
            line.cls = _BOILER
            return
    if "cookie" in low and words <= 80 and any(c in low for c in _COOKIE_CUES):
        line.cls = _BOILER
        return
    if _is_breadcrumb(s, words):
        line.cls = _CRUMB
        return
    line.dateish = _is_dateline(s, words)


_HAS_DATE = re.compile(r"\b(?:1[89]|20)\d\d-\d\d-\d\d\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b|"
                       r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b")


def _is_breadcrumb(s: str, words: int) -> bool:
    """'Home > World > Asia', 'HomeWorldChina says...', 'Home News Local News' (never a line with a date:
    'Source: Xinhua | 2019-07-12 23:40:15 | Editor: staff' is a publication line)."""
    if _HAS_DATE.search(s):
        return False
    if s.startswith("Home"):
        if _CRUMB_GLUED.match(s):
            return True
        if s.startswith("Home ") and words <= 6 and not s.endswith(_SENTENCE_END) and \
                all(w[0].isupper() or not w[0].isalpha() for w in s.split()):
            return True
    if words <= 15 and _CRUMB_CHARS.search(s) and not s.endswith(_SENTENCE_END):
        seps = _CRUMB_SEP.findall(s)
        if len(seps) >= 2:
            return True
    return False


def _is_dateline(s: str, words: int) -> bool:
    """A header line with a date: 'Published: ...', '2024-09-25 17:21 ...', '22 Nov', 'By X'."""
    m = _DATELINE.match(s)
    if m is not None:
        return words <= (15 if m.lastgroup == "word" else 6)
    return words <= 8 and s.lower().startswith(_BYLINE_PREFIXES)


def _lines(text: str) -> list[_Line]:
    """Non-blank lines (str.splitlines breaks) as stripped spans, each classified."""
    out = []
    pos = 0
    for raw in text.splitlines(True):
        start = pos
        pos += len(raw)
        s = raw.strip()
        if not s:
            continue
        start += len(raw) - len(raw.lstrip())
        line = _Line(start, start + len(s), s)
        if s[-1] in _END_CHARS and line.words > 12 and not s.startswith("Home") and "ookie" not in s:
            out.append(line)                  # a body sentence: nothing to check
            continue
        _classify(line)
        out.append(line)
    return out


def _front_matter(lines: list[_Line]) -> tuple[int, _Line | None, tuple[int, int] | None]:
    """YAML front matter at the top ('---' ... '---'): (lines used, title line, title span).
    Its date lines stay as text (header lines for the date module); other keys are dropped."""
    if not lines or lines[0].s != "---":
        return 0, None, None
    for i in range(1, min(len(lines), 60)):
        s = lines[i].s
        if s in ("---", "..."):
            break
        if not (_FRONT_KEY.match(s) or s.startswith("- ")):
            return 0, None, None
    else:
        return 0, None, None
    title_line, title_span = None, None
    for line in lines[: i + 1]:
        line.cls = _FRONT
        name, _, value = line.s.partition(":")
        name = name.strip().lower()
        if name in _FRONT_DATE_KEYS and value.strip():
            line.cls = _TEXT
            line.dateish = True
        elif name == "title" and value.strip() and title_line is None:
            lead = len(value) - len(value.lstrip())
            v = value.strip()
            a = line.start + len(name) + 1 + lead
            b = a + len(v)
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                a, b = a + 1, b - 1
            if b > a:
                title_line, title_span = line, (a, b)
    return i + 1, title_line, title_span


def _title_span(line: _Line) -> tuple[int, int]:
    """Span of a title line without Markdown heading marks or wrapping emphasis."""
    s, a, b = line.s, line.start, line.end
    lead = len(s) - len(s.lstrip("#"))
    if 0 < lead <= 6 and len(s) > lead and s[lead] == " ":
        body = s[lead:].strip()
        a = a + s.index(body, lead) if body else a
        b = a + len(body)
        s = body
        closing = s.rstrip("#").rstrip()
        if closing and closing != s and s[len(closing):].strip("# ") == "":
            b = a + len(closing)
            s = closing
    while len(s) > 2 and s[0] in "*_" and s[-1] == s[0]:
        s = s[1:-1]
        a, b = a + 1, b - 1
    inner = s.strip()
    if inner and inner != s:
        a += len(s) - len(s.lstrip())
        b = a + len(inner)
    return a, b


_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"”’]?\s+[\"“‘]?[A-Z]")


def _is_title_like(line: _Line) -> bool:
    if len(line.s) > _SHORT or line.words > _TITLE_MAX_WORDS or line.words < 2:
        return False
    if _INNER_SENTENCE_END.search(line.s):
        return False   # two sentences are body text, not a headline
    return line.words <= 20 or not line.s.endswith(_SENTENCE_END)


def _dedupe_key(line: _Line) -> str | None:
    """Key for dropping repeats, or None for a line that may repeat (long sentence, dateline)."""
    if line.dateish:
        return None
    if line.s.endswith(_SENTENCE_END) and line.words >= _LONG_SENTENCE_WORDS:
        return None
    return line.key or line.s


def _find_title(kept: list[_Line], banners: set[str]) -> _Line | None:
    """The part's first line unless it is a dateline, a banner, a section label or body text.
    A short line (<= 3 words, e.g. a site name) directly above a longer headline-like line
    yields to that line."""
    for i, line in enumerate(kept):
        if line.dateish:
            return None
        if line.key in banners or (line.words < 2 and len(kept) > 1):
            continue
        if not _is_title_like(line):
            return None
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is None and line.s.endswith(_SENTENCE_END):
            return None   # a sentence with nothing after it is the article, not its headline
        if line.words <= 3 and nxt is not None and not nxt.dateish and nxt.words > line.words and \
                _is_title_like(nxt) and not nxt.s.endswith(_SENTENCE_END) and nxt.key not in banners:
            continue
        return line
    return None


def _build_part(segment: list[_Line], banners: set[str], title_line: _Line | None,
                title_span: tuple[int, int] | None) -> tuple[DocumentPart, _Line | None]:
    kept: list[_Line] = []
    teaser = False
    for line in segment:
        cls = line.cls
        if cls == _LIST:
            teaser = True
            continue
        if cls != _TEXT:
            continue
        if teaser:
            if line.words <= 20 and not line.s.endswith(_SENTENCE_END):
                continue
            teaser = False
        kept.append(line)

    if title_line is None:
        title_line = _find_title(kept, banners)
        if title_line is not None:
            title_span = _title_span(title_line)

    seen: set[str] = set()
    if title_line is not None and title_span is not None:
        a, b = title_span[0] - title_line.start, title_span[1] - title_line.start
        seen.add(_key(title_line.s[a:b]))
    paragraphs = []
    for line in kept:
        if line is title_line or line.key in banners:
            continue
        key = _dedupe_key(line)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        paragraphs.append((line.start, line.end))
    part = DocumentPart(0, segment[0].start, segment[-1].end, "", title_span, paragraphs)
    return part, title_line


def split_documents(text: str) -> list[DocumentPart]:
    """Split a page into its articles with titles and boilerplate-free paragraph spans."""
    if not isinstance(text, str) or not text:
        return []
    lines = _lines(text)
    if not lines:
        return []
    used, fm_title_line, fm_title_span = _front_matter(lines)

    segments: list[list[_Line]] = [[]]
    for line in lines:
        if line.cls == _SEP:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(line)
    segments = [seg for seg in segments if seg]

    banners: set[str] = set()
    if len(segments) > 1:
        where: dict[str, int] = {}
        for index, seg in enumerate(segments):
            for line in seg:
                if line.cls == _TEXT and line.key and line.words <= 12 and not line.dateish:
                    first = where.setdefault(line.key, index)
                    if first != index:
                        banners.add(line.key)

    parts: list[DocumentPart] = []
    stubs: list[tuple[DocumentPart, _Line]] = []
    for index, seg in enumerate(segments):
        fm_line = fm_title_line if index == 0 and used else None
        fm_span = fm_title_span if fm_line is not None else None
        part, title_line = _build_part(seg, banners, fm_line, fm_span)
        if part.title_span is not None:
            a, b = part.title_span
            part.title = " ".join(text[a:b].split())
        if part.paragraphs:
            part.part = len(parts) + 1
            parts.append(part)
        elif title_line is not None and title_line.cls == _TEXT:
            stubs.append((part, title_line))
    if not parts and stubs:
        # Only a headline-like line and nothing else: it is the text, not a title.
        part, line = stubs[0]
        part.part, part.title, part.title_span = 1, "", None
        part.paragraphs = [(line.start, line.end)]
        parts.append(part)
    return parts
