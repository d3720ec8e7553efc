/* tableindex.h — the index files that data/nkg-tableindex writes at build
 * time beside the tables the lexicon searches in place (gazetteer.tsv,
 * names.txt), so that start-up reads them as they are instead of walking
 * every row (lexicon.c, load_gazetteer and load_name_parts).
 *
 * A file is a header, then its sections, each starting 8-aligned:
 *   gazetteer.idx: records (guint32 [n], the offset of every record of
 *                  gazetteer.tsv), buckets (guint32 [NKG_PREFIX_BUCKETS + 1],
 *                  when has_buckets), Bloom filter (guint64 [NKG_GAZ_BLOOM_BITS
 *                  / 64], two bits per key: nkg_gaz_bloom_bits)
 *   names.idx:     names (guint32 [n], the offset in the text of every name,
 *                  in strcmp order, without repeats), buckets (as above),
 *                  text (the names, each ending in NUL)
 *   wordnet.idx:   lines (guint32 [n], the offset of every line of the
 *                  tagger's wordnet.tsv), buckets (by each line's first
 *                  field, as above, when has_buckets)
 * Numbers are in the build machine's byte order, which byte_order records. */
#pragma once

#include <glib.h>
#include <string.h>
#include <xxhash.h>

#include "extract/textutil.h"

#define NKG_TABLE_INDEX_MAGIC "NKGIDX1"
#define NKG_TABLE_INDEX_BYTE_ORDER 0x01020304u

typedef struct {
  char magic[8];        /* NKG_TABLE_INDEX_MAGIC and its NUL */
  guint32 byte_order;   /* NKG_TABLE_INDEX_BYTE_ORDER */
  guint32 source_len;   /* bytes of the table indexed (a stale pair is refused) */
  guint32 n;            /* records or names */
  guint32 first;        /* gazetteer: offset of its first record */
  guint32 max_words;    /* gazetteer: its "# max-words" comment, else 0 */
  guint32 has_buckets;  /* 1: the bucket section is there */
  guint32 text_len;     /* names: bytes of the text section */
  guint32 reserved;
} NkgTableIndexHeader;

/* Bits of the gazetteer's Bloom filter (lexicon.c, gaz_find): two per key
 * of 2^21, about one in 40 misses passes wrongly. */
#define NKG_GAZ_BLOOM_BITS (1u << 21)

static inline void
nkg_gaz_bloom_bits (const char *key, gsize len, guint32 *a, guint32 *b)
{
  XXH64_hash_t h = XXH3_64bits (key, len);
  *a = (guint32) h & (NKG_GAZ_BLOOM_BITS - 1);
  *b = (guint32) (h >> 32) & (NKG_GAZ_BLOOM_BITS - 1);
}

static inline void
nkg_gaz_bloom_add (guint64 *bloom, const char *key)
{
  guint32 a, b;
  nkg_gaz_bloom_bits (key, strlen (key), &a, &b);
  bloom[a / 64] |= G_GUINT64_CONSTANT (1) << (a % 64);
  bloom[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
}

/* The header of an index of a table of source_len bytes at data (len
 * bytes, 8-aligned), or NULL when it is not one: another magic, byte order
 * or version of the table. */
static inline const NkgTableIndexHeader *
nkg_table_index_header (const char *data, gsize len, gsize source_len)
{
  const NkgTableIndexHeader *h = (const NkgTableIndexHeader *) data;
  if (!data || len < sizeof *h || memcmp (h->magic, NKG_TABLE_INDEX_MAGIC, sizeof NKG_TABLE_INDEX_MAGIC) != 0
      || h->byte_order != NKG_TABLE_INDEX_BYTE_ORDER || h->source_len != source_len)
    return NULL;
  return h;
}

/* The data of an index resource at an 8-aligned address, its length in
 * *len: the resource's own bytes when they are aligned, else a copy, which
 * then replaces *index. */
static inline const char *
nkg_table_index_aligned (GBytes **index, gsize *len)
{
  const char *data = g_bytes_get_data (*index, len);
  if ((guintptr) data % 8)
    {
      GBytes *copy = g_bytes_new (data, *len);
      g_bytes_unref (*index);
      *index = copy;
      data = g_bytes_get_data (*index, len);
    }
  return data;
}

/* Bytes of a section of n items of `size` bytes, rounded up to 8. */
static inline gsize
nkg_table_index_section (gsize n, gsize size)
{
  return (n * size + 7) & ~(gsize) 7;
}
