"""Reading files: finding them, decoding, HTML text, sidecars and clear errors (never raising)."""
from __future__ import annotations

import builtins
import hashlib
import os
from pathlib import Path

import pytest

from stance import reading
from stance.cleaning import split_documents
from stance.reading import MAX_BYTES, collect_paths, decode_bytes, read_source

from .workcount import FACTOR, assert_linear

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reading"
ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_sample_articles_read_as_utf8_text():
    found, errors = collect_paths([ARTICLES])
    assert errors == [] and len(found) == 5
    assert [p.name for p in found] == sorted(p.name for p in found)
    for path in found:
        src = read_source(path)
        assert (src.status, src.error, src.encoding, src.kind) == ("ok", "", "utf-8", "text")
        assert src.file == path.name
        assert src.text == path.read_text(encoding="utf-8")
        assert src.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_and_whitespace_only_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b" \r\n\t\n")
    for name in ("empty.txt", "blank.md"):
        src = read_source(tmp_path / name)
        assert src.status == "empty" and src.error == "empty file", name


def test_binary_file_is_refused(tmp_path):
    (tmp_path / "data.txt").write_bytes(bytes(range(256)) * 20 + b"\x00\x00")
    (tmp_path / "noise.txt").write_bytes(bytes((i * 7919) % 251 + 1 for i in range(4000)))
    (tmp_path / "controls.txt").write_bytes(bytes(range(1, 9)) * 300)
    for name in ("data.txt", "noise.txt", "controls.txt"):
        src = read_source(tmp_path / name)
        assert src.status == "error" and src.error == "binary file (not text)", name
        assert src.text == ""


def test_latin1_and_cp1252_files_decode(tmp_path):
    sentence = "Le Ministère: la Belgique a critiqué la Russie à propos de la détente.\n"
    (tmp_path / "latin.txt").write_bytes(sentence.encode("latin-1"))
    src = read_source(tmp_path / "latin.txt")
    assert src.status == "ok" and src.text == sentence
    assert src.encoding in ("cp1252", "latin-1")
    quoted = "The envoy said \u201cno\u201d \u2013 firmly \u2013 on Monday.\n"
    src = decode_bytes(quoted.encode("cp1252"), "quotes.txt")
    assert (src.status, src.text, src.encoding) == ("ok", quoted, "cp1252")


@pytest.mark.parametrize("text,codec", [
    ("Министр иностранных дел заявил, что страна поддерживает соглашение о торговле.\n", "cp1251"),
    ("Die Bundesregierung äußerte Besorgnis über die Lage.", "latin-1"),     # not mistaken for CJK
    ("El ministro español expresó su preocupación por la situación en Perú.", "latin-1"),
    ("中国外交部发言人表示反对。", "gb18030"),
])
def test_other_legacy_encodings_are_detected(text, codec):
    src = decode_bytes(text.encode(codec), "legacy.txt")
    assert src.status == "ok" and src.text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks(tmp_path, codec):
    text = "Norway and Iceland\r\nresume talks in Tromsø."
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "bom.txt").write_bytes(data)
    src = read_source(tmp_path / "bom.txt")
    assert src.status == "ok" and src.text == text          # BOM dropped, CRLF kept
    assert src.encoding == ("utf-8" if codec == "utf-8-sig" else "utf-16")


def test_utf16_without_bom_is_not_taken_for_binary():
    text = "Ghana and Togo reopen their border."
    src = decode_bytes(text.encode("utf-16-le"), "plain.txt")
    assert (src.status, src.text, src.encoding) == ("ok", text, "utf-16-le")


def test_fifty_megabyte_file_is_refused_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    def no_open(*args, **kwargs):
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr(builtins, "open", no_open)
    src = read_source(big)
    monkeypatch.undo()
    assert src.status == "error"
    assert src.error == "file too large: 50.0 MB (limit 20 MB)"
    assert decode_bytes(b"a" * (MAX_BYTES + 1), "upload.txt").error.startswith("file too large: 20.0 MB")


def test_folder_with_unreadable_entries(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b_good.txt").write_text("Peru backs the accord.\nPeru said on Monday it supports the accord.\n")
    (folder / "sub" / "a_nested.md").write_text("# Nested\n\nBolivia voiced concern.\n")
    (folder / "x.txt").symlink_to(folder / "missing-target.txt")          # broken link
    (folder / "y.txt").mkdir()                                           # a folder named like a file
    (folder / "y.txt" / "inside.htm").write_text("<p>Inside text.</p>")
    (folder / "locked.txt").write_text("secret")
    (folder / ".hidden.txt").write_text("hidden")
    (folder / "b_good.meta.json").write_text('{"title": "Good"}')
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")

    found, errors = collect_paths([folder, tmp_path / "does-not-exist.txt", folder / "notes.pdf"])
    names = [p.relative_to(folder).as_posix() for p in found]
    assert names == ["b_good.txt", "locked.txt", "x.txt", "sub/a_nested.md", "y.txt/inside.htm"]
    assert [e.file for e in errors] == ["does-not-exist.txt", "notes.pdf"]
    assert errors[0].status == "error" and errors[0].error == "cannot read file: No such file or directory"
    assert errors[1].error.startswith("unsupported file type .pdf")

    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    sources = {p.name: read_source(p) for p in found}
    monkeypatch.undo()
    assert sources["locked.txt"].status == "error"
    assert sources["locked.txt"].error == "cannot read file: Permission denied"
    assert sources["x.txt"].status == "error" and sources["x.txt"].error.startswith("cannot read file:")
    assert sources["b_good.txt"].status == "ok" and sources["b_good.txt"].meta == {"title": "Good"}
    assert sources["a_nested.md"].kind == "markdown" and sources["a_nested.md"].status == "ok"
    assert sources["inside.htm"].text.strip() == "Inside text."
    assert read_source(folder / "y.txt").error == "cannot read file: Is a directory"


def test_collect_paths_dedupes_and_keeps_given_order(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("Text.")
    found, errors = collect_paths([tmp_path / "b.txt", tmp_path, str(tmp_path / "a.txt")])
    assert [p.name for p in found] == ["b.txt", "a.txt"] and errors == []


def test_html_text_drops_script_style_nav_and_decodes_entities():
    data = (FIXTURES / "embassy_note.html").read_bytes()
    src = decode_bytes(data, "embassy_note.html")          # no sidecar: values from the page head
    assert (src.status, src.kind, src.encoding) == ("ok", "html", "utf-8")
    for hidden in ("SCRIPT TEXT", "STYLE TEXT", "NAV TEXT", "NOSCRIPT TEXT", "inside script", "font-family"):
        assert hidden not in src.text
    assert "Negotiators from Norway & Iceland met in Tromsø on Monday – the first round since autumn." \
        in src.text
    lines = [line.strip() for line in src.text.splitlines() if line.strip()]
    assert 'Iceland said it welcomed the "constructive" tone.' in lines      # <br> is a line break
    assert "Norway voiced concern over quota overfishing." in lines
    assert src.meta == {"title": "Norway and Iceland resume fisheries talks", "published": "2023-03-14",
                        "source": "Coastal Courier"}
    [part] = split_documents(src.text)                      # offsets index the extracted text
    assert part.title == "Norway and Iceland resume fisheries talks"
    assert src.text[part.paragraphs[0][0]:part.paragraphs[0][1]] == "Published: March 14, 2023"


def test_html_title_tag_used_when_no_og_title():
    page = b"<html><head><title>Quito &amp; Lima talks</title></head><body><p>Body text.</p></body></html>"
    src = decode_bytes(page, "page.htm")
    assert src.meta["title"] == "Quito & Lima talks" and src.text.strip() == "Body text."


def test_html_declared_legacy_charset():
    page = ('<html><head><meta charset="windows-1252"><title>x</title></head>'
            "<body><p>Caf\u00e9 talks \u2013 day two</p></body></html>").encode("cp1252")
    src = decode_bytes(page, "legacy.html")
    assert src.status == "ok" and "Café talks – day two" in src.text


def test_html_saved_as_txt_is_recognised():
    src = decode_bytes(b"<!DOCTYPE html><html><body><p>One</p><script>x()</script></body></html>", "saved.txt")
    assert src.kind == "html" and src.text.strip() == "One"


def test_html_without_text_is_empty():
    src = decode_bytes(b"<html><head><script>var a = 1;</script></head><body></body></html>", "blank.html")
    assert src.status == "empty" and src.error


def test_deeply_nested_html_falls_back_with_a_note():
    html = ("<html><head><title>Deep page</title></head><body>" + "<div>" * 10_000
            + "Kenya backs the plan &amp; more." + "</div>" * 10_000 + "<p>After the nest.</p></body></html>")
    src = decode_bytes(html.encode(), "deep.html")
    assert src.status == "ok"
    assert "Kenya backs the plan & more." in src.text and "After the nest." in src.text
    assert "simple tag stripping" in src.meta["warning"]
    assert src.meta["title"] == "Deep page"


def test_fallback_stripper_is_linear_on_hostile_markup():
    for unit, n in (("<", 20_000), ("<a", 20_000), ("<!--", 10_000), ("<script", 10_000), ("x", 50_000)):
        prefix = "<a " if unit == "x" else ""
        text, meta = reading.strip_tags(prefix + unit * n * FACTOR)
        assert isinstance(text, str) and isinstance(meta, dict)
        assert_linear(lambda: reading.strip_tags(prefix + unit * n),
                      lambda: reading.strip_tags(prefix + unit * n * FACTOR), unit)


def test_sidecar_overrides_page_metadata():
    src = read_source(FIXTURES / "embassy_note.html")
    assert src.status == "ok"
    assert src.meta == {"title": "Fisheries talks between Norway and Iceland", "source": "Coastal Courier",
                        "url": "https://example.org/fish", "published": "2023-03-13"}


def test_broken_sidecar_is_ignored_with_a_warning():
    src = read_source(FIXTURES / "bad_sidecar.txt")
    assert src.status == "ok" and src.error == ""
    assert set(src.meta) == {"warning"}
    assert "bad_sidecar.meta.json" in src.meta["warning"] and "invalid JSON" in src.meta["warning"]


def test_sidecar_with_wrong_types_keeps_only_valid_keys():
    src = read_source(FIXTURES / "wrong_types.txt")
    assert src.status == "ok"
    assert src.meta["source"] == "Andes Daily"
    assert "title" not in src.meta and "url" not in src.meta and "published" not in src.meta
    for key in ("title", "url", "published"):
        assert key in src.meta["warning"]


def test_upload_with_sidecar_bytes():
    src = decode_bytes(b"Text body.", "up.txt", sidecar=b'{"published": "2022-02-30"}')
    assert "published" not in src.meta and "YYYY-MM-DD" in src.meta["warning"]
    src = decode_bytes(b"Text body.", "up.txt", sidecar=b'{"published": "2022-02-03T10:00:00Z"}')
    assert src.meta == {"published": "2022-02-03"}


def test_unsupported_and_odd_inputs_never_raise(tmp_path):
    assert decode_bytes(b"%PDF", "report.pdf").error.startswith("unsupported file type .pdf")
    assert read_source(tmp_path / "x.docx").error.startswith("unsupported file type .docx")
    assert read_source(tmp_path / "gone.txt").error == "cannot read file: No such file or directory"
    assert read_source("bad\x00name.txt").status == "error"
    assert decode_bytes("not bytes", "a.txt").status == "error"      # type: ignore[arg-type]
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_source(fifo).error == "cannot read file: not a regular file"


TURKIYE = "ANKARA, 4 March 2024 -- Türkiye welcomed the agreement between Serbia and Albania. "


@pytest.mark.parametrize("data", [
    TURKIYE.encode() + b"The minister\x92s aide confirmed it.",                   # one stray cp1252 quote
    TURKIYE.encode() * 40 + b"It\x92s final \x96 officials said. " + TURKIYE.encode() * 40,  # a long one
    "Türkiye".encode() + b"\x81 and Greece",                                        # a byte no code page has
])
def test_utf8_with_stray_bytes_is_utf8_with_replacements(data):
    src = decode_bytes(data, "stray.txt")
    assert (src.status, src.error, src.encoding) == ("ok", "", "utf-8")
    assert src.text == data.decode("utf-8", "replace") and "Türkiye" in src.text
    assert "UTF-8" in src.warning and "replaced" in src.warning


def test_ascii_with_one_stray_byte_is_not_binary():
    src = decode_bytes(b"Norway welcomed the agreement between Serbia and Albania. \x9d\n", "one.txt")
    assert src.status == "ok" and src.text.startswith("Norway welcomed")


def test_legacy_text_is_not_taken_for_utf8_with_strays():
    sentence = "Le Ministère: la Belgique a critiqué la Russie à propos de la détente.\n"
    src = decode_bytes(sentence.encode("cp1252"), "latin.txt")
    assert src.status == "ok" and src.text == sentence and src.warning == ""
    assert src.encoding != "utf-8"


def test_document_row_says_bytes_were_replaced(tmp_path):
    from stance import parse_corpus

    (tmp_path / "stray.txt").write_bytes(TURKIYE.encode() * 30 + b"The aide\x92s note. " + TURKIYE.encode())
    (tmp_path / "clean.txt").write_bytes(TURKIYE.encode())
    tables = parse_corpus([tmp_path])
    docs = tables.documents.set_index("file")
    assert docs.loc["stray.txt", "warning"] == "decoded as UTF-8 with 1 invalid byte(s) replaced by U+FFFD"
    assert docs.loc["stray.txt", "encoding"] == "utf-8" and docs.loc["clean.txt", "warning"] == ""
    holders = tables.positions.groupby("file")["country_iso3"].apply(set)
    assert "TUR" in holders["stray.txt"] and "TUR" in holders["clean.txt"]


def test_sidecar_warning_reaches_the_documents_row():
    from stance import parse_corpus

    docs = parse_corpus([FIXTURES / "bad_sidecar.txt"]).documents
    assert "invalid JSON" in docs.loc[0, "warning"]
