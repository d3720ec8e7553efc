/* source.h — the bytes of one input, decompressed, with a look ahead.
 *
 * A source is a file, a FIFO, standard input, or bytes a container reader
 * took out of a record or member. gzip, bzip2, xz, zstd, lz4, lzip and
 * compress(1) data are decompressed on the fly with libarchive, so every
 * reader sees the content and a ".warc.gz" is a WARC stream. Readers
 * sniff the head without consuming it, then read on from the start.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NkgSource NkgSource;

/* How much of the content sniffing sees. */
#define NKG_SOURCE_HEAD_SIZE 65536

/* Opens a file, FIFO or device; "-" is standard input. `name` is the
 * dcterms:source its articles get. */
NkgSource *nkg_source_open (const char *path, const char *name, GError **error);
/* Bytes taken out of a container (a WARC record, an archive member). */
NkgSource *nkg_source_new_for_bytes (GBytes *bytes, const char *name);
void nkg_source_free (NkgSource *src);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgSource, nkg_source_free)

const char *nkg_source_name (const NkgSource *src);
/* The file it reads, or NULL (standard input, container bytes). */
const char *nkg_source_path (const NkgSource *src);
/* "gzip", "bzip2", … when the bytes were compressed, else NULL. */
const char *nkg_source_compression (const NkgSource *src);

/* The first bytes of the (decompressed) content, at most
 * NKG_SOURCE_HEAD_SIZE, without consuming them; NULL on a read error. */
const guchar *nkg_source_head (NkgSource *src, gsize *len, GError **error);

/* Reads on from where the last read stopped (the head included); 0 at the
 * end, -1 on error. */
gssize nkg_source_read (NkgSource *src, void *buf, gsize n, GError **error);

/* The next line (without its "\n" or "\r\n") into `line`; FALSE at the end
 * (with nothing read and no error) or on an error, which a line longer
 * than `max` bytes is. Buffers ahead: do not mix with nkg_source_read. */
gboolean nkg_source_read_line (NkgSource *src, GString *line, gsize max, GError **error);

/* The rest of the content in memory, NUL-terminated (the NUL not counted);
 * fails when it would exceed `max` bytes. */
GBytes *nkg_source_read_all (NkgSource *src, gsize max, GError **error);

/* Bytes consumed from the underlying file so far (compressed size): what
 * progress counts. */
guint64 nkg_source_position (const NkgSource *src);

/* What the container said about these bytes (an HTTP Content-Type's media
 * type and charset, the URL they were fetched from); each may be NULL. */
void nkg_source_set_hints (NkgSource *src, const char *media_type, const char *charset,
                           const char *url);
const char *nkg_source_media_type (const NkgSource *src);
/* The nkg:format of articles read from these bytes when a container
 * decides it ("warc": a page in a web archive is known by the archive), or
 * `fallback` (the reader's own format). */
void nkg_source_set_container (NkgSource *src, const char *format);
const char *nkg_source_format (const NkgSource *src, const char *fallback);
const char *nkg_source_charset (const NkgSource *src);
const char *nkg_source_url (const NkgSource *src);

G_END_DECLS
