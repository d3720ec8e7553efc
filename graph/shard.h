/* shard.h — documents' extraction results as a file: the shard (.nkgx).
 *
 * `newskg extract` writes the NkgDocFacts of its articles to a shard,
 * `newskg merge` reads shards and adds their documents to one graph, and
 * `newskg build --state` keeps its documents in one, so that the next run
 * extracts only what changed. The format is documented in
 * doc/shard-format.md: a fixed header (magic, format version, compression,
 * sizes, the SHA-256 of the payload), then the payload: a frame describing
 * the shard (the extractor that made it, the names of the classes and
 * properties its records use), then one frame per document, each a
 * GVariant in normal form, little-endian.
 *
 * Writing is pure: the same documents, added in the same order, give the
 * same bytes on any machine. Reading checks everything: a file that is not
 * a shard, of another format version, truncated, or whose payload does not
 * match its checksum is refused with an error saying which; a record that
 * points outside its own arrays is refused too.
 */
#pragma once

#include <gio/gio.h>

#include "extract/docfacts.h"
#include "input/article.h"

G_BEGIN_DECLS

/* The version in the header; a reader reads its own version only. */
#define NKG_SHARD_FORMAT_VERSION 1

#define NKG_SHARD_ERROR (nkg_shard_error_quark ())
GQuark nkg_shard_error_quark (void);

typedef enum {
  NKG_SHARD_ERROR_NOT_SHARD, /* no shard header: another kind of file */
  NKG_SHARD_ERROR_VERSION,   /* a shard of another format version */
  NKG_SHARD_ERROR_CORRUPT,   /* truncated, bad checksum, or a record that makes no sense */
} NkgShardError;

/* What an extraction result depends on besides the article, as 64 hex
 * digits: newskg's version, the sources and data of the extractor (hashed
 * at build time) and the iso-codes tables the lexicon reads (converted at
 * build time and compiled in). Computed once per process. NULL, with
 * `error` set, when those tables cannot be found in the resources. */
const char *nkg_extractor_id (GError **error);

/* What an article's extraction depends on besides the extractor, as 64 hex
 * digits: its text and what the input layer said about it (source, title,
 * date, URL, format, language). Build states key documents by it. */
char *nkg_shard_input_key (const NkgArticle *article);

typedef struct _NkgShardWriter NkgShardWriter;

NkgShardWriter *nkg_shard_writer_new (void);
void nkg_shard_writer_free (NkgShardWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgShardWriter, nkg_shard_writer_free)

/* Appends one document. `input_key` (nkg_shard_input_key) may be NULL. */
void nkg_shard_writer_add (NkgShardWriter *writer, const NkgDocFacts *facts,
                           const char *input_key);

/* Appends a document record exactly as another shard holds it (from
 * nkg_shard_reader_next's `record`): a build state keeps the documents it
 * reuses without decoding and encoding them again. */
void nkg_shard_writer_add_record (NkgShardWriter *writer, GBytes *record);

/* With `stored`, the payload is written as it is (compression 0) instead
 * of through zlib: three to four times larger, but read in place where it
 * is mapped, with nothing to compress or decompress (a build state, read
 * and written on the same machine every run). */
void nkg_shard_writer_set_stored (NkgShardWriter *writer, gboolean stored);

guint nkg_shard_writer_n_docs (const NkgShardWriter *writer);

/* The whole file: header and (compressed) payload. */
GBytes *nkg_shard_writer_finish (NkgShardWriter *writer, GError **error);

/* The same bytes written to `out`. A stored shard goes from its records
 * to the stream without being put together in memory first (a build
 * state's whole part is tens of MB); a compressed one is made by
 * nkg_shard_writer_finish and written. */
gboolean nkg_shard_writer_write (NkgShardWriter *writer, GOutputStream *out, GError **error);

typedef struct _NkgShardReader NkgShardReader;

/* Checks the header, the size and the checksum of a shard held in memory
 * (or mapped), and decompresses its payload. `name` is for messages. */
NkgShardReader *nkg_shard_reader_new (GBytes *file, const char *name, GError **error);

/* The same for a file, mapped rather than read. */
NkgShardReader *nkg_shard_reader_open (const char *path, GError **error);

/* A file's stamp, as the index of git keeps it: a change to the file
 * gives another (its change time moves, which no user can set back). */
typedef struct {
  guint64 dev, ino, size, mtime_ns, ctime_ns;
} NkgShardStamp;

/* The same, with the file's stamp taken (fstat) before it was mapped in
 * `stamp`: when it is `known` (may be NULL) the payload's checksum is not
 * read (everything else is checked), for a caller that took `known`
 * before it last summed the file (cmd_build.c's state parts); `summed`
 * (may be NULL) says whether it was read. */
NkgShardReader *nkg_shard_reader_open_stamped (const char *path, const NkgShardStamp *known,
                                               NkgShardStamp *stamp, gboolean *summed,
                                               GError **error);

void nkg_shard_reader_free (NkgShardReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgShardReader, nkg_shard_reader_free)

/* The extractor id (nkg_extractor_id) of the newskg that wrote it, and its
 * name and version ("newskg 0.2.0"). */
const char *nkg_shard_reader_extractor (const NkgShardReader *reader);
const char *nkg_shard_reader_producer (const NkgShardReader *reader);
guint nkg_shard_reader_n_docs (const NkgShardReader *reader);

/* The next document, decoded; NULL at the end (error not set) or when the
 * record is corrupt (error set). `input_key` (may be NULL) receives the
 * record's input key, "" when it has none; `record` (may be NULL) the
 * record's bytes, for nkg_shard_writer_add_record. */
NkgDocFacts *nkg_shard_reader_next (NkgShardReader *reader, char **input_key, GBytes **record,
                                    GError **error);

/* Skips to the next record without decoding the document: only its input
 * key and bytes. FALSE at the end or on a corrupt record (error set). */
gboolean nkg_shard_reader_next_key (NkgShardReader *reader, char **input_key, GBytes **record,
                                    GError **error);

/* Decodes a record (from this reader's shard) into a document. */
NkgDocFacts *nkg_shard_reader_decode (NkgShardReader *reader, GBytes *record, GError **error);

/* The same, without copying the record's strings: the document's entity
 * names and aliases, fact literals, evidence and quote texts point into
 * `record`, so it is valid only while the caller holds `record`. It is
 * read, not changed (nkg_doc_facts_add_* must not be called on it: it
 * has no index); nkg_doc_facts_free frees it. For a merge that stages
 * the document and drops it: the copies and their frees were most of the
 * cost of reading a state's records. */
NkgDocFacts *nkg_shard_reader_decode_borrowed (NkgShardReader *reader, GBytes *record,
                                               GError **error);

G_END_DECLS
