#!/usr/bin/env python3
"""Writes the binary and derived test inputs from article.txt and
article.html (our own invented article): JSON Lines, a JSON wrapper, a
WARC with per-record gzip members, a .gz, Latin-1 and UTF-16 copies, and
tar/zip archives. Run from this folder; the outputs are committed so that
the tests need no Python. Deterministic: fixed dates and mtimes."""
import gzip, io, json, tarfile, zipfile

text = open("article.txt", encoding="utf-8").read()
html = open("article.html", encoding="utf-8").read()
title, body = text.split("\n\n", 1)
url = "https://courier.example/world/2025/03/04/norway-chile-fisheries-accord"

french = ("Le ministre norvégien des Affaires étrangères a rencontré mardi son homologue "
          "chilienne à Oslo pour signer un accord sur la pêche dans les mers du Sud. "
          "Les deux pays négocient depuis deux ans sur le partage des zones de pêche, "
          "et l'accord doit durer huit ans selon les deux gouvernements.")

def write(name, data):
    with open(name, "wb") as f:
        f.write(data)

# JSON Lines: the article in news-please style fields, a second article
# in other common field names with HTML in its body, a French article
# (skipped for its language), and a record with no text field.
lines = [
    {"title": title, "maintext": body.strip(), "date_publish": "2025-03-04 09:30:00",
     "url": url, "authors": ["Tomasz Rell"], "language": "en", "source_domain": "courier.example"},
    {"headline": "Iceland names new envoy to Canada",
     "body": "<p>Iceland appointed veteran diplomat Ragna Thorsdottir as its ambassador to "
             "Canada on Wednesday.</p><p>Thorsdottir previously served as Iceland's "
             "ambassador to Japan.</p>",
     "published": 1741168800, "link": "https://courier.example/world/2025/03/05/iceland-envoy"},
    {"title": "Accord de pêche entre la Norvège et le Chili", "text": french,
     "url": "https://courier.example/fr/accord-peche"},
    {"id": 17, "summary_only": "A record without the article's text"},
]
write("article.jsonl", "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines).encode())

# A news API's answer: the records under "articles".
api = {"status": "ok", "totalResults": 1, "articles": [
    {"source": {"id": None, "name": "Harbour Courier"}, "author": "Tomasz Rell", "title": title,
     "url": url, "publishedAt": "2025-03-04T08:30:00Z", "content": body.strip()}]}
write("api.json", json.dumps(api, indent=2, ensure_ascii=False).encode())

# WARC: warcinfo, the request, the page (Windows-1252, as its HTTP header
# says), its metadata, an image, and a redirect; each record its own gzip
# member, as crawlers write them.
def record(kind, target, ctype, payload, extra=""):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2025-03-04T10:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n" % (kind, len(records) + 1))
    if target:
        head += "WARC-Target-URI: %s\r\n" % target
    head += extra + "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(payload))
    return head.encode() + payload + b"\r\n\r\n"

page = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').encode("cp1252")
records = []
records.append(record("warcinfo", None, "application/warc-fields",
                      b"software: hand-made for newskg tests\r\nformat: WARC File Format 1.0\r\n"))
records.append(record("request", url, "application/http; msgtype=request",
                      b"GET /world/2025/03/04/norway-chile-fisheries-accord HTTP/1.1\r\n"
                      b"Host: courier.example\r\nUser-Agent: test-crawler\r\n\r\n"))
records.append(record("response", url, "application/http; msgtype=response",
                      b"HTTP/1.1 200 OK\r\nServer: Harbour\r\nContent-Type: text/html; charset=windows-1252\r\n"
                      b"Content-Length: %d\r\nX-Editor: Bartholomew Quill\r\n\r\n" % len(page) + page))
records.append(record("metadata", url, "application/warc-fields",
                      b"fetchTimeMs: 120\r\noutlink: https://courier.example/world\r\n"))
png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
records.append(record("response", "https://courier.example/img/harbour.png",
                      "application/http; msgtype=response",
                      b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n" + png))
records.append(record("response", "https://courier.example/old-link", "application/http; msgtype=response",
                      b"HTTP/1.1 301 Moved Permanently\r\nLocation: " + url.encode() + b"\r\n\r\n"))

def gz(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as f:
        f.write(data)
    return out.getvalue()

write("article.warc.gz", b"".join(gz(r) for r in records))
write("article.txt.gz", gz(text.encode()))

# Encodings: the same article in Latin-1, UTF-16LE with a byte-order
# mark, and UTF-16BE without one.
write("article-latin1.txt", text.encode("latin-1"))
write("article-utf16.txt", b"\xff\xfe" + text.encode("utf-16-le"))
write("article-utf16be.txt", text.encode("utf-16-be"))

# Archives: the page and a second article in a folder, a hidden file and
# notes that are no article.
iceland = ("Iceland names new envoy to Canada\n\nIceland appointed veteran diplomat Ragna "
           "Thorsdottir as its ambassador to Canada on Wednesday.\n\nThorsdottir previously "
           "served as Iceland's ambassador to Japan.\n")
members = [("news/article.html", html.encode()), ("news/iceland.txt", iceland.encode()),
           ("news/.draft.txt", b"Draft by Bartholomew Quill, not for publication.\n"),
           ("news/README.md", b"# Notes\nEditor: Bartholomew Quill\n")]
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
    for name, data in members:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(data), 1741078800, 0o644
        tar.addfile(info, io.BytesIO(data))
write("articles.tar.gz", gz(buf.getvalue()))
with zipfile.ZipFile("articles.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in members:
        z.writestr(zipfile.ZipInfo(name, date_time=(2025, 3, 4, 10, 0, 0)), data)
