/* snapshot.c — a graph in binary; see snapshot.h.
 *
 * Parsing Turtle is the slow part of every inspection command (Raptor
 * alone needs seconds for a corpus of thousands of articles); a snapshot
 * is mapped and rebuilt without parsing.
 *
 * The payload is columnar: every column is a fixed-width array or one byte
 * string of NUL-terminated texts, so reading is a few pointer walks with no
 * GVariant per element (per-element access made the first version 5×
 * slower). Each text is stored as a marker ('+' present, '-' absent) then
 * the text and a NUL. Lists (aliases, documents, evidence, conflicts) are a
 * count per owner plus one flat column of indices. Items are stored in the
 * graph's order, which is sorted by IRI.
 *
 *   graph:    texts (base version)
 *   docs:     texts (iri source title date sha256 url format language)
 *   evidence: texts (iri text), doc+1 au, start au, end au
 *   entities: texts (iri name), class ai, mentions au,
 *             alias counts au, alias texts, doc counts au, doc indices au
 *   facts:    texts (iri literal), subject au, property ai, object+1 au,
 *             confidence ad, flags au (1: gazetteer), doc counts au,
 *             doc indices au, evidence counts au, evidence indices au,
 *             conflict counts au, conflict (fact) indices au
 *   quotes:   texts (iri text), speaker au, doc counts au, doc indices au
 *   version 6, so that one entity is read without rebuilding the graph:
 *             where each item's texts start (at), where each list starts
 *             (au), each entity's facts out and in and its quotes (au),
 *             and the name index (sorted name keys → entities)
 *
 * The file (little-endian): a 128-byte header, a table of block
 * checksums, then the payload, 8-byte aligned so that GVariant reads it
 * where it lies in a mapped file:
 *
 *   0   magic "newskg-snap-7\0\0\0"    16  payload length
 *   24  XXH3-128 (high, low) of header bytes 40–127 and the block table
 *   40  Turtle size
 *   48  Turtle mtime ns                56  Turtle ctime ns
 *   64  Turtle inode                   72  Turtle device
 *   80  Turtle XXH3-128 (high, low)
 *   96  when the Turtle's stamp was taken, just before its bytes were
 *       summed (ns since the epoch; 0: unknown)
 *   104 block size (BLOCK)             112 number of blocks
 *   120 zero
 *   128 XXH3-64 of each BLOCK bytes of the payload (the last one shorter)
 *
 * Block checksums, so that a command reading a few entities in place
 * (`show`) checks the blocks it reads rather than every byte of a payload
 * of hundreds of megabytes; a reader of the whole graph checks them all.
 * A damaged block is found by the first command that reads it, which then
 * refuses the snapshot (the caller parses the Turtle and rewrites it).
 *
 * The Turtle: its checksum is read again only when its stamp could hide a
 * change (see stamp_trusted): the stamp alone is trusted when the file's
 * ctime, which the kernel sets on every change and no user can set back,
 * lies well before the moment its bytes were summed, so any later change
 * must give another ctime. A stamp taken within RACY_NS of the file's last
 * change (the snapshot a build writes of the file it has just written;
 * git's "racy clean" case) is confirmed by summing the file, and once it
 * is old enough the header is refreshed with the later moment, so later
 * commands trust the stamp.
 */
#include "snapshot.h"

#include "graph/graph-private.h"
#include "graph/names.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

/* Bumped whenever the layout or NkgGraph's meaning changes. */
#define MAGIC "newskg-snap-7\0\0"
#define MAGIC_LEN 16
#define HEADER_LEN 128
/* The header checksum covers the source fields and the block table. */
#define SUMMED_FROM 40
#define BLOCK_SHIFT 12
#define BLOCK ((gsize) 1 << BLOCK_SHIFT)
/* A stamp is trusted alone when it was taken more than this after the
 * file's ctime: longer than any timestamp granularity of the file systems
 * a graph lives on (a kernel tick on ext4, xfs, btrfs, tmpfs; a second
 * on ext3; two on FAT). */
#define RACY_NS (G_GUINT64_CONSTANT (2) * 1000000000)

#define PAYLOAD_T                                                                           \
  "(ay" "ay" "ayauauau" "ayaiauauayauau" "ayauaiauadauauauauauauau" "ayauauau"              \
  "atatatatatat" "auauauauau" "auauauauauau" "ayatauau)"

enum {
  C_GRAPH_TEXT,
  C_DOC_TEXT,
  C_EV_TEXT, C_EV_DOC, C_EV_START, C_EV_END,
  C_ENT_TEXT, C_ENT_CLASS, C_ENT_MENTIONS, C_ENT_NALIAS, C_ENT_ALIAS, C_ENT_NDOC, C_ENT_DOC,
  C_FACT_TEXT, C_FACT_SUBJ, C_FACT_PROP, C_FACT_OBJ, C_FACT_CONF, C_FACT_FLAGS, C_FACT_NDOC,
  C_FACT_DOC, C_FACT_NEV, C_FACT_EV, C_FACT_NCF, C_FACT_CF,
  C_QUOTE_TEXT, C_QUOTE_SPEAKER, C_QUOTE_NDOC, C_QUOTE_DOC,
  /* version 6: for reading in place (NkgSnapshotView). Every *_AT column
   * has one entry per item and a last one, so item i spans [at[i],
   * at[i + 1]): byte offsets into a text column (its first text), or
   * positions in a flat index column. */
  C_DOC_TEXT_AT, C_EV_TEXT_AT, C_ENT_TEXT_AT, C_ENT_ALIAS_AT, C_FACT_TEXT_AT, C_QUOTE_TEXT_AT,
  C_ENT_DOC_AT, C_FACT_DOC_AT, C_FACT_EV_AT, C_FACT_CF_AT, C_QUOTE_DOC_AT,
  C_ENT_OUT_AT, C_ENT_OUT, C_ENT_IN_AT, C_ENT_IN, C_ENT_QUOTE_AT, C_ENT_QUOTE,
  /* the name index: every distinct name key (graph/names.h) of a name or
   * alias, sorted by strcmp, NUL-terminated; the entities having it, in
   * entity order */
  C_KEY_TEXT, C_KEY_AT, C_KEY_ENT_AT, C_KEY_ENT,
  C_N
};

/* ---------------------------------------------------------------- source */

static guint64
ns_of (const struct timespec *t)
{
  return (guint64) t->tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) t->tv_nsec;
}

static void
stamp_of (const struct stat *st, NkgSnapshotSource *out)
{
  out->size = (guint64) st->st_size;
  out->mtime_ns = ns_of (&st->st_mtim);
  out->ctime_ns = ns_of (&st->st_ctim);
  out->ino = (guint64) st->st_ino;
  out->dev = (guint64) st->st_dev;
}

gboolean
nkg_snapshot_same_stamp (const NkgSnapshotSource *a, const NkgSnapshotSource *b)
{
  return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns
         && a->ino == b->ino && a->dev == b->dev;
}

/* XXH3-128 of what is left to read from `fd`. Large reads into one
 * buffer: cheaper than mapping, which pays a page fault per 4 KiB. */
static gboolean
checksum_fd (int fd, guint64 sum[2])
{
  enum { READ_BLOCK = 1 << 20 };
  g_autofree char *buf = g_malloc (READ_BLOCK);
  XXH3_state_t *state = XXH3_createState ();
  XXH3_128bits_reset (state);
  gboolean ok = TRUE;
  for (;;)
    {
      ssize_t n = read (fd, buf, READ_BLOCK);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      XXH3_128bits_update (state, buf, (size_t) n);
    }
  XXH128_hash_t h = XXH3_128bits_digest (state);
  XXH3_freeState (state);
  sum[0] = h.high64;
  sum[1] = h.low64;
  return ok;
}

gboolean
nkg_snapshot_source_of (const char *path, gboolean checksum, NkgSnapshotSource *out,
                        GError **error)
{
  memset (out, 0, sizeof *out);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot read %s: %s",
                   path, g_strerror (saved));
      return FALSE;
    }
  /* the moment before the stamp: a change after it gets a ctime of at
   * least this, less a kernel tick */
  struct timespec now;
  clock_gettime (CLOCK_REALTIME, &now);
  struct stat st;
  gboolean ok = fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
  if (ok)
    stamp_of (&st, out);
  if (ok && checksum)
    {
      out->hashed_ns = ns_of (&now);
      ok = checksum_fd (fd, out->sum);
    }
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot read %s as a regular file",
                 path);
  close (fd);
  return ok;
}

/* ---------------------------------------------------------------- header */

static void
put64 (guint8 *at, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (at, &v, 8);
}

static guint64
get64 (const guint8 *at)
{
  guint64 v;
  memcpy (&v, at, 8);
  return GUINT64_FROM_LE (v);
}

static gsize
n_blocks (gsize len)
{
  return (len + BLOCK - 1) >> BLOCK_SHIFT;
}

static guint64
block_sum (const guint8 *payload, gsize len, gsize b)
{
  gsize from = b << BLOCK_SHIFT;
  return XXH3_64bits (payload + from, MIN (BLOCK, len - from));
}

static void
put_source (guint8 *out, const NkgSnapshotSource *source)
{
  const guint64 v[] = { source->size, source->mtime_ns, source->ctime_ns, source->ino,
                        source->dev, source->sum[0], source->sum[1], source->hashed_ns };
  for (gsize i = 0; i < G_N_ELEMENTS (v); i++)
    put64 (out + 40 + 8 * i, v[i]);
}

static void
get_source (const guint8 *data, NkgSnapshotSource *source)
{
  source->size = get64 (data + 40);
  source->mtime_ns = get64 (data + 48);
  source->ctime_ns = get64 (data + 56);
  source->ino = get64 (data + 64);
  source->dev = get64 (data + 72);
  source->sum[0] = get64 (data + 80);
  source->sum[1] = get64 (data + 88);
  source->hashed_ns = get64 (data + 96);
}

/* The header checksum of a file whose header and block table are the
 * first `head_len` bytes of `data`. */
static void
seal_head (guint8 *data, gsize head_len)
{
  XXH128_hash_t h = XXH3_128bits (data + SUMMED_FROM, head_len - SUMMED_FROM);
  put64 (data + 24, h.high64);
  put64 (data + 32, h.low64);
}

GBytes *
nkg_snapshot_seal (GBytes *payload, const NkgSnapshotSource *source)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (payload, &len);
  gsize nb = n_blocks (len), head = HEADER_LEN + 8 * nb;
  guint8 *out = g_malloc0 (head + len);
  memcpy (out, MAGIC, MAGIC_LEN);
  put64 (out + 16, len);
  if (source)
    put_source (out, source);
  put64 (out + 104, BLOCK);
  put64 (out + 112, nb);
  if (len)
    memcpy (out + head, data, len);
  for (gsize b = 0; b < nb; b++)
    put64 (out + HEADER_LEN + 8 * b, block_sum (out + head, len, b));
  seal_head (out, head);
  return g_bytes_new_take (out, head + len);
}

/* A snapshot's payload with its block checksums, not yet checked. */
typedef struct {
  GBytes *payload;
  const guint8 *sums; /* the block table, in the caller's bytes */
  gsize n_blocks;
} Sealed;

/* The payload of `bytes` (sharing its memory), its block table, and the
 * source the header names; FALSE when the header is wrong. The payload's
 * blocks are checked as they are read (block_ok). */
static gboolean
open_sealed (GBytes *bytes, NkgSnapshotSource *source, Sealed *out)
{
  memset (out, 0, sizeof *out);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  if (len < HEADER_LEN || memcmp (data, MAGIC, MAGIC_LEN) != 0 || get64 (data + 104) != BLOCK
      || get64 (data + 120) != 0)
    return FALSE;
  guint64 plen = get64 (data + 16), nb = get64 (data + 112);
  if (nb != n_blocks (plen) || nb > (len - HEADER_LEN) / 8
      || plen != len - HEADER_LEN - 8 * nb)
    return FALSE;
  gsize head = HEADER_LEN + 8 * nb;
  XXH128_hash_t h = XXH3_128bits (data + SUMMED_FROM, head - SUMMED_FROM);
  if (h.high64 != get64 (data + 24) || h.low64 != get64 (data + 32))
    return FALSE;
  if (source)
    get_source (data, source);
  out->payload = g_bytes_new_from_bytes (bytes, head, plen);
  out->sums = data + HEADER_LEN;
  out->n_blocks = nb;
  return TRUE;
}

/* ---------------------------------------------------------------- writing */

static void
text_add (GByteArray *b, const char *s)
{
  guint8 marker = s ? '+' : '-';
  g_byte_array_append (b, &marker, 1);
  if (s)
    g_byte_array_append (b, (const guint8 *) s, strlen (s));
  g_byte_array_append (b, (const guint8 *) "", 1);
}

/* A column as made: its elements, not yet copied into a GVariant. */
typedef struct {
  const GVariantType *type;
  gconstpointer data;
  gsize n, size;
} Column;

static Column
bytes_column (GByteArray *b)
{
  return (Column){ G_VARIANT_TYPE_BYTE, b->data, b->len, 1 };
}

static Column
u32_column (GArray *a)
{
  return (Column){ G_VARIANT_TYPE_UINT32, a->data, a->len, sizeof (guint32) };
}

static Column
i32_column (GArray *a)
{
  return (Column){ G_VARIANT_TYPE_INT32, a->data, a->len, sizeof (gint32) };
}

static Column
double_column (GArray *a)
{
  return (Column){ G_VARIANT_TYPE_DOUBLE, a->data, a->len, sizeof (double) };
}

static void
u32_add (GArray *a, guint32 v)
{
  g_array_append_val (a, v);
}

/* Each item of a graph array by its pointer: its place in the array.
 * Open addressing, a slot being the pointer and the place side by side, so
 * that a look-up (one per list entry written: tens of millions on a large
 * graph) costs one cache miss rather than GHashTable's two or three. */
typedef struct {
  gconstpointer key;
  guint32 at;
} IxSlot;

typedef struct {
  IxSlot *slots;
  gsize mask;
  /* Or the place + 1 kept in each item's `priv`
   * (unused once a graph is finished or loaded) at this offset: no table
   * beside the graph at the peak of a build, where the facts' table alone
   * was 16 bytes times the next power of two above twice their number.
   * -1 when the table is used. */
  gssize priv_at;
  GPtrArray *items;
} Ix;

static inline gpointer *
ix_priv (const Ix *ix, gconstpointer p)
{
  return (gpointer *) ((char *) p + ix->priv_at);
}

static gsize
ix_slot (const Ix *ix, gconstpointer p)
{
  return (gsize) (((guint64) (guintptr) p >> 3) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 32)
         & ix->mask;
}

/* G_MAXUINT32 for a pointer that is not an item */
static guint32
index_of (const Ix *ix, gconstpointer p)
{
  if (ix->priv_at >= 0)
    {
      gpointer at = p ? *ix_priv (ix, p) : NULL;
      return at ? (guint32) (GPOINTER_TO_SIZE (at) - 1) : G_MAXUINT32;
    }
  for (gsize j = ix_slot (ix, p);; j = (j + 1) & ix->mask)
    {
      if (!ix->slots[j].key)
        return G_MAXUINT32;
      if (ix->slots[j].key == p)
        return ix->slots[j].at;
    }
}

/* Appends the indices (in `ix`) of the `items` to `flat`, their count to
 * `counts`. */
static void
add_index_list (GArray *counts, GArray *flat, GPtrArray *items, const Ix *ix)
{
  u32_add (counts, items ? items->len : 0);
  for (guint i = 0; items && i < items->len; i++)
    u32_add (flat, index_of (ix, items->pdata[i]));
}

/* An item listed twice has the place of its last listing, as when this
 * was a GHashTable filled in order. */
static void
index_table (Ix *ix, GPtrArray *items)
{
  gsize n = 16;
  while (n < (gsize) items->len * 2)
    n *= 2;
  ix->mask = n - 1;
  ix->priv_at = -1;
  ix->items = NULL;
  ix->slots = g_new0 (IxSlot, n);
  for (guint i = 0; i < items->len; i++)
    {
      gconstpointer p = items->pdata[i];
      if (!p)
        continue; /* never in a graph; index_of (NULL) says absent */
      gsize j = ix_slot (ix, p);
      while (ix->slots[j].key && ix->slots[j].key != p)
        j = (j + 1) & ix->mask;
      ix->slots[j] = (IxSlot){ p, i };
    }
}

/* index_table through the items' `priv` at `priv_at`; the table after
 * all when some item's is in use. */
static void
index_priv (Ix *ix, GPtrArray *items, gssize priv_at)
{
  ix->priv_at = priv_at;
  for (guint i = 0; i < items->len; i++)
    if (items->pdata[i] && *ix_priv (ix, items->pdata[i]))
      {
        index_table (ix, items);
        return;
      }
  ix->slots = NULL;
  ix->items = items;
  /* in order, so that an item listed twice keeps its last place */
  for (guint i = 0; i < items->len; i++)
    if (items->pdata[i])
      *ix_priv (ix, items->pdata[i]) = GSIZE_TO_POINTER ((gsize) i + 1);
}

static void
ix_clear (Ix *ix)
{
  g_clear_pointer (&ix->slots, g_free);
  for (guint i = 0; ix->items && i < ix->items->len; i++)
    if (ix->items->pdata[i])
      *ix_priv (ix, ix->items->pdata[i]) = NULL;
  ix->items = NULL;
}

/* A confidence as the graph's RDF files carry it (export/triples.c
 * writes three decimals, graph/load.c reads it back, clamped, NaN as 0):
 * the snapshot of a graph still in memory, which `build` writes, is then
 * the same as the snapshot of its Turtle file. Unchanged for a loaded
 * graph, whose confidences already are such. */
static double
written_confidence (double c)
{
  if (isnan (c))
    return 0.0;
  /* already the double nearest to k/1000 (any loaded graph's): printing
   * and reading it back gives it again, so neither is needed */
  if (nearbyint (c * 1000.0) / 1000.0 == c)
    return MAX (0.0, CLAMP (c, 0.0, 1.0));
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.3f", c);
  return MAX (0.0, CLAMP (g_ascii_strtod (buf, NULL), 0.0, 1.0));
}

#define N_ARRAYS 12

static Column
u64_column (GArray *a)
{
  return (Column){ G_VARIANT_TYPE_UINT64, a->data, a->len, sizeof (guint64) };
}

static void
u64_add (GArray *a, guint64 v)
{
  g_array_append_val (a, v);
}

static GArray *
u64_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint64));
}

static GArray *
u32_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint32));
}

/* An entity list (facts out, in, quotes) as positions: at + flat. */
static void
add_adjacency (GArray *at, GArray *flat, GPtrArray *items, const Ix *ix)
{
  u32_add (at, flat->len);
  for (guint i = 0; items && i < items->len; i++)
    u32_add (flat, index_of (ix, items->pdata[i]));
}

static gint
cmp_str_ptr (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The name index of the reading-in-place columns: each form's key, the
 * entities in order, each once per key (as nkg_graph_name_index builds
 * graph->index). */
/* Where the streaming writer (nkg_snapshot_write) puts each column as soon
 * as it is made: a temporary file, so that the snapshot is never whole in
 * memory; NULL (nkg_snapshot_bytes) keeps the columns for the tuple. */
typedef struct _Spill Spill;
struct _Spill {
  int fd;
  gboolean failed;
  guint64 end;         /* of what the file holds */
  guint64 from[C_N];   /* where each column lies in it */
  gsize size[C_N], align[C_N];
  int col_fd[C_N];     /* the file each column is in: this one's, or aside's */
  Spill *aside;        /* the file of the columns made on a second thread, or NULL */
};

static gsize
column_align (GVariant *child)
{
  switch (g_variant_get_type_string (child)[1])
    {
    case 't':
    case 'd':
      return 8;
    case 'u':
    case 'i':
      return 4;
    default:
      return 1;
    }
}

/* Writes len bytes at the end of the spill file, all of them or marks it
 * failed. */
static void
spill_write (Spill *sp, const guint8 *p, gsize len)
{
  while (len && !sp->failed)
    {
      ssize_t n = write (sp->fd, p, MIN (len, (gsize) 1 << 30));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        sp->failed = TRUE;
      else
        {
          p += n;
          len -= n;
        }
    }
}

/* Column `i` of the tuple: a GVariant in col[i] (a copy), or written to
 * the spill file straight from the caller's array. */
static void
put_col (Spill *sp, GVariant **col, int i, Column c)
{
  if (!sp)
    {
      col[i] = g_variant_new_fixed_array (c.type, c.data, c.n, c.size);
      return;
    }
  col[i] = NULL;
  sp->col_fd[i] = sp->fd;
  sp->size[i] = c.n * c.size;
  sp->align[i] = c.size; /* the element's size is its alignment here */
  sp->from[i] = sp->end;
  spill_write (sp, c.data, sp->size[i]);
  sp->end += sp->size[i];
}

/* A text column that, when spilling, goes to the spill file in pieces
 * while it is made, so that none is ever whole in memory: the facts' (an
 * IRI each) was the largest block alive at the peak of a build. Its
 * pieces must lie together in the file, so no other column may be put
 * between a Texts' first piece and texts_put. */
typedef struct {
  GByteArray *b;
  Spill *sp;
  int col;
  guint64 flushed; /* bytes already in the spill file */
} Texts;

enum { TEXTS_PIECE = 1 << 20 };

static void
texts_init (Texts *t, Spill *sp, int col)
{
  *t = (Texts){ g_byte_array_new (), sp, col, 0 };
}

/* The column's length so far: where the next text starts. */
static guint64
texts_len (const Texts *t)
{
  return t->flushed + t->b->len;
}

static void
texts_flush (Texts *t)
{
  Spill *sp = t->sp;
  if (!t->b->len)
    return;
  if (!t->flushed)
    {
      sp->from[t->col] = sp->end;
      sp->col_fd[t->col] = sp->fd;
    }
  else if (sp->end != sp->from[t->col] + t->flushed)
    sp->failed = TRUE; /* not contiguous: the caller falls back to memory */
  spill_write (sp, t->b->data, t->b->len);
  sp->end += t->b->len;
  t->flushed += t->b->len;
  g_byte_array_set_size (t->b, 0);
}

static void
texts_add (Texts *t, const char *s)
{
  text_add (t->b, s);
  if (t->sp && t->b->len >= TEXTS_PIECE)
    texts_flush (t);
}

/* Puts the column (see put_col) and frees the buffer. */
static void
texts_put (Texts *t, GVariant **col)
{
  if (!t->sp || !t->flushed)
    put_col (t->sp, col, t->col, bytes_column (t->b));
  else
    {
      texts_flush (t);
      col[t->col] = NULL;
      t->sp->size[t->col] = t->flushed;
      t->sp->align[t->col] = 1;
    }
  g_byte_array_unref (t->b);
  t->b = NULL;
}

static void
add_name_index (NkgGraph *g, GVariant **col, Spill *sp)
{
  g_autoptr (GHashTable) by_key
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g->entities->pdata[i];
      for (guint j = 0; j <= e->aliases->len; j++)
        {
          const char *form = j == 0 ? e->name : g_ptr_array_index (e->aliases, j - 1);
          if (!form)
            continue;
          char *key = nkg_name_key (form);
          GArray *list = g_hash_table_lookup (by_key, key);
          if (!list)
            {
              list = u32_array ();
              g_hash_table_insert (by_key, key, list);
            }
          else
            g_free (key);
          if (!list->len || g_array_index (list, guint32, list->len - 1) != i)
            u32_add (list, i);
        }
    }
  g_autoptr (GPtrArray) keys = g_ptr_array_sized_new (g_hash_table_size (by_key));
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, by_key);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, cmp_str_ptr);
  GByteArray *text = g_byte_array_new ();
  GArray *at = u64_array (), *ent_at = u32_array (), *ents = u32_array ();
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = keys->pdata[i];
      GArray *list = g_hash_table_lookup (by_key, k);
      u64_add (at, text->len);
      g_byte_array_append (text, (const guint8 *) k, strlen (k) + 1);
      u32_add (ent_at, ents->len);
      g_array_append_vals (ents, list->data, list->len);
    }
  u64_add (at, text->len);
  u32_add (ent_at, ents->len);
  put_col (sp, col, C_KEY_TEXT, bytes_column (text));
  put_col (sp, col, C_KEY_AT, u64_column (at));
  put_col (sp, col, C_KEY_ENT_AT, u32_column (ent_at));
  put_col (sp, col, C_KEY_ENT, u32_column (ents));
  g_byte_array_unref (text);
  g_array_unref (at);
  g_array_unref (ent_at);
  g_array_unref (ents);
}

/* The facts' lists (documents, sentences, conflicts: tens of millions of
 * places on a large graph) and the name index: what payload_columns makes
 * on a second thread, beside the other columns (each thread only reads
 * the graph and the items' places, and puts its own columns, in a spill
 * file of its own). */
typedef struct {
  NkgGraph *g;
  GVariant **col;
  Spill *sp;
  const Ix *doc_ix, *ev_ix, *fact_ix;
} FactCols;

/* The facts' text and scalar columns. */

static void
fact_scalar_columns (NkgGraph *g, GVariant **col, Spill *sp, const Ix *ent_ix)
{
  Texts t;
  /* The facts' columns one at a time, each sized exactly and written
   * before the next is made: their lists of documents, sentences and
   * conflicts (a hub's conflicts grow with the square of its values), then
   * their six scalar columns, were in memory together, with the graph, at
   * the peak of a whole build. */
  guint nf = g->facts->len;
  texts_init (&t, sp, C_FACT_TEXT);
  GArray *wide = g_array_sized_new (FALSE, FALSE, sizeof (guint64), nf + 1);
  for (guint i = 0; i < nf; i++)
    {
      NkgFact *f = g->facts->pdata[i];
      u64_add (wide, texts_len (&t));
      texts_add (&t, f->iri);
      texts_add (&t, f->object ? NULL : f->literal);
    }
  u64_add (wide, texts_len (&t));
  texts_put (&t, col);
  put_col (sp, col, C_FACT_TEXT_AT, u64_column (wide));
  g_array_set_size (wide, 0);
  for (guint i = 0; i < nf; i++)
    {
      double conf = written_confidence (((NkgFact *) g->facts->pdata[i])->confidence);
      g_array_append_val (wide, conf);
    }
  put_col (sp, col, C_FACT_CONF, double_column (wide));
  g_array_unref (wide);
  /* one 32-bit column at a time, each sized exactly */
  static const int fact_cols[] = { C_FACT_SUBJ, C_FACT_PROP, C_FACT_OBJ, C_FACT_FLAGS };
  for (gsize c = 0; c < G_N_ELEMENTS (fact_cols); c++)
    {
      GArray *one = g_array_sized_new (FALSE, FALSE, sizeof (guint32), nf);
      for (guint i = 0; i < nf; i++)
        {
          NkgFact *f = g->facts->pdata[i];
          guint32 v;
          switch (fact_cols[c])
            {
            case C_FACT_SUBJ:
              v = index_of (ent_ix, f->subject);
              break;
            case C_FACT_PROP:
              v = (guint32) (gint32) f->prop;
              break;
            case C_FACT_OBJ:
              v = f->object ? index_of (ent_ix, f->object) + 1 : 0;
              break;
            default:
              v = f->gazetteer ? 1 : 0;
              break;
            }
          u32_add (one, v);
        }
      put_col (sp, col, fact_cols[c], fact_cols[c] == C_FACT_PROP ? i32_column (one) : u32_column (one));
      g_array_unref (one);
    }
}

static gpointer
fact_list_columns (gpointer data)
{
  FactCols *fc = data;
  NkgGraph *g = fc->g;
  GVariant **col = fc->col;
  Spill *sp = fc->sp;
  const Ix *doc_ix = fc->doc_ix, *ev_ix = fc->ev_ix, *fact_ix = fc->fact_ix;
  guint nf = g->facts->len;
  static const int list_cols[3][3] = {
    { C_FACT_DOC_AT, C_FACT_NDOC, C_FACT_DOC },
    { C_FACT_EV_AT, C_FACT_NEV, C_FACT_EV },
    { C_FACT_CF_AT, C_FACT_NCF, C_FACT_CF },
  };
  /* Each list in three passes (counts, where each starts, the indices),
   * each column sized exactly and put before the next is made. */
  for (int l = 0; l < 3; l++)
    {
      const Ix *ix = l == 0 ? doc_ix : l == 1 ? ev_ix : fact_ix;
#define FACT_LIST(f) (l == 0 ? (f)->docs : l == 1 ? (f)->evidence : (f)->conflicts)
      GArray *one = g_array_sized_new (FALSE, FALSE, sizeof (guint32), nf + 1);
      guint32 total = 0;
      for (guint i = 0; i < nf; i++)
        {
          GPtrArray *items = FACT_LIST ((NkgFact *) g->facts->pdata[i]);
          u32_add (one, total);
          total += items ? items->len : 0;
        }
      u32_add (one, total);
      put_col (sp, col, list_cols[l][0], u32_column (one));
      g_array_set_size (one, 0);
      for (guint i = 0; i < nf; i++)
        {
          GPtrArray *items = FACT_LIST ((NkgFact *) g->facts->pdata[i]);
          u32_add (one, items ? items->len : 0);
        }
      put_col (sp, col, list_cols[l][1], u32_column (one));
      g_array_unref (one);
      one = g_array_sized_new (FALSE, FALSE, sizeof (guint32), total);
      for (guint i = 0; i < nf; i++)
        {
          GPtrArray *items = FACT_LIST ((NkgFact *) g->facts->pdata[i]);
          for (guint j = 0; items && j < items->len; j++)
            u32_add (one, index_of (ix, items->pdata[j]));
        }
#undef FACT_LIST
      put_col (sp, col, list_cols[l][2], u32_column (one));
      g_array_unref (one);
    }

  add_name_index (g, col, sp);
  return NULL;
}

static void
payload_columns (NkgGraph *g, GVariant **col, Spill *sp)
{
  Ix doc_ix_, ev_ix_, ent_ix_, fact_ix_, quote_ix_;
  Ix *doc_ix = &doc_ix_, *ev_ix = &ev_ix_, *ent_ix = &ent_ix_, *fact_ix = &fact_ix_,
     *quote_ix = &quote_ix_;
  index_priv (doc_ix, g->docs, G_STRUCT_OFFSET (NkgDoc, priv));
  index_priv (ev_ix, g->evidence, G_STRUCT_OFFSET (NkgEvidence, priv));
  index_priv (ent_ix, g->entities, G_STRUCT_OFFSET (NkgEntity, priv));
  index_priv (fact_ix, g->facts, G_STRUCT_OFFSET (NkgFact, priv));
  index_priv (quote_ix, g->quotes, G_STRUCT_OFFSET (NkgQuote, priv));
  /* in memory, or with a file of their own: the facts' columns beside */
  FactCols fc = { g, col, sp ? sp->aside : NULL, doc_ix, ev_ix, fact_ix };
  GThread *facts_thread = !sp || sp->aside
                            ? g_thread_try_new ("nkg-snapshot-facts", fact_list_columns, &fc, NULL)
                            : NULL;
  GArray *tat = u64_array (), *tat2 = u64_array ();
  GArray *lat[3] = { u32_array (), u32_array (), u32_array () };
  GByteArray *b, *b2;
  Texts t;
  GArray *a[N_ARRAYS];
  for (int i = 0; i < N_ARRAYS; i++)
    a[i] = g_array_new (FALSE, FALSE, sizeof (guint32));
#define RESET_ARRAYS()                                                                             \
  for (int i = 0; i < N_ARRAYS; i++)                                                               \
    {                                                                                              \
      g_array_unref (a[i]);                                                                        \
      a[i] = g_array_new (FALSE, FALSE, sizeof (guint32));                                         \
    }

  b = g_byte_array_new ();
  text_add (b, g->base);
  text_add (b, g->version);
  put_col (sp, col, C_GRAPH_TEXT, bytes_column (b));
  g_byte_array_unref (b);

  texts_init (&t, sp, C_DOC_TEXT);
  for (guint i = 0; i < g->docs->len; i++)
    {
      NkgDoc *d = g->docs->pdata[i];
      u64_add (tat, texts_len (&t));
      const char *texts[] = { d->iri, d->source, d->title, d->date, d->sha256,
                              d->url, d->format, d->language };
      for (gsize k = 0; k < G_N_ELEMENTS (texts); k++)
        texts_add (&t, texts[k]);
    }
  u64_add (tat, texts_len (&t));
  texts_put (&t, col);
  put_col (sp, col, C_DOC_TEXT_AT, u64_column (tat));
  g_array_set_size (tat, 0);

  texts_init (&t, sp, C_EV_TEXT);
  for (guint i = 0; i < g->evidence->len; i++)
    {
      NkgEvidence *ev = g->evidence->pdata[i];
      u64_add (tat, texts_len (&t));
      texts_add (&t, ev->iri);
      texts_add (&t, ev->text);
      u32_add (a[0], ev->doc ? index_of (doc_ix, ev->doc) + 1 : 0);
      u32_add (a[1], ev->start);
      u32_add (a[2], ev->end);
    }
  u64_add (tat, texts_len (&t));
  texts_put (&t, col);
  put_col (sp, col, C_EV_TEXT_AT, u64_column (tat));
  g_array_set_size (tat, 0);
  put_col (sp, col, C_EV_DOC, u32_column (a[0]));
  put_col (sp, col, C_EV_START, u32_column (a[1]));
  put_col (sp, col, C_EV_END, u32_column (a[2]));
  RESET_ARRAYS ();

  texts_init (&t, sp, C_ENT_TEXT);
  b2 = g_byte_array_new ();
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g->entities->pdata[i];
      u64_add (tat, texts_len (&t));
      u64_add (tat2, b2->len);
      texts_add (&t, e->iri);
      texts_add (&t, e->name);
      gint32 k = e->klass;
      g_array_append_val (a[0], k);
      u32_add (a[1], e->mention_count);
      u32_add (a[2], e->aliases->len);
      for (guint j = 0; j < e->aliases->len; j++)
        text_add (b2, e->aliases->pdata[j]);
      u32_add (lat[0], a[4]->len);
      add_index_list (a[3], a[4], e->docs, doc_ix);
      add_adjacency (a[5], a[6], e->out, fact_ix);
      add_adjacency (a[7], a[8], e->in, fact_ix);
      add_adjacency (a[9], a[10], e->quotes, quote_ix);
    }
  u64_add (tat, texts_len (&t));
  u64_add (tat2, b2->len);
  /* the streamed column first: nothing may come between its pieces */
  texts_put (&t, col);
  u32_add (lat[0], a[4]->len);
  u32_add (a[5], a[6]->len);
  u32_add (a[7], a[8]->len);
  u32_add (a[9], a[10]->len);
  put_col (sp, col, C_ENT_TEXT_AT, u64_column (tat));
  put_col (sp, col, C_ENT_ALIAS_AT, u64_column (tat2));
  put_col (sp, col, C_ENT_DOC_AT, u32_column (lat[0]));
  put_col (sp, col, C_ENT_OUT_AT, u32_column (a[5]));
  put_col (sp, col, C_ENT_OUT, u32_column (a[6]));
  put_col (sp, col, C_ENT_IN_AT, u32_column (a[7]));
  put_col (sp, col, C_ENT_IN, u32_column (a[8]));
  put_col (sp, col, C_ENT_QUOTE_AT, u32_column (a[9]));
  put_col (sp, col, C_ENT_QUOTE, u32_column (a[10]));
  g_array_set_size (tat, 0);
  g_array_set_size (lat[0], 0);
  put_col (sp, col, C_ENT_CLASS, i32_column (a[0]));
  put_col (sp, col, C_ENT_MENTIONS, u32_column (a[1]));
  put_col (sp, col, C_ENT_NALIAS, u32_column (a[2]));
  put_col (sp, col, C_ENT_ALIAS, bytes_column (b2));
  put_col (sp, col, C_ENT_NDOC, u32_column (a[3]));
  put_col (sp, col, C_ENT_DOC, u32_column (a[4]));
  g_byte_array_unref (b2);
  RESET_ARRAYS ();

  texts_init (&t, sp, C_QUOTE_TEXT);
  for (guint i = 0; i < g->quotes->len; i++)
    {
      NkgQuote *q = g->quotes->pdata[i];
      u64_add (tat, texts_len (&t));
      u32_add (lat[0], a[2]->len);
      texts_add (&t, q->iri);
      texts_add (&t, q->text);
      u32_add (a[0], index_of (ent_ix, q->speaker));
      add_index_list (a[1], a[2], q->docs, doc_ix);
    }
  u64_add (tat, texts_len (&t));
  u32_add (lat[0], a[2]->len);
  texts_put (&t, col);
  put_col (sp, col, C_QUOTE_TEXT_AT, u64_column (tat));
  put_col (sp, col, C_QUOTE_DOC_AT, u32_column (lat[0]));
  put_col (sp, col, C_QUOTE_SPEAKER, u32_column (a[0]));
  put_col (sp, col, C_QUOTE_NDOC, u32_column (a[1]));
  put_col (sp, col, C_QUOTE_DOC, u32_column (a[2]));
  fact_scalar_columns (g, col, sp, ent_ix);
  if (facts_thread)
    g_thread_join (facts_thread);
  else
    {
      fc.sp = sp; /* one file: after the others */
      fact_list_columns (&fc);
    }
  if (sp && fc.sp != sp)
    {
      Spill *aside = sp->aside;
      sp->failed = sp->failed || aside->failed;
      for (int i = 0; i < C_N; i++)
        if (aside->col_fd[i] >= 0)
          {
            sp->col_fd[i] = aside->col_fd[i];
            sp->from[i] = aside->from[i];
            sp->size[i] = aside->size[i];
            sp->align[i] = aside->align[i];
          }
    }
  for (int i = 0; i < N_ARRAYS; i++)
    g_array_unref (a[i]);
  for (int i = 0; i < 3; i++)
    g_array_unref (lat[i]);
  g_array_unref (tat);
  g_array_unref (tat2);
  ix_clear (doc_ix);
  ix_clear (ev_ix);
  ix_clear (ent_ix);
  ix_clear (fact_ix);
  ix_clear (quote_ix);
#undef RESET_ARRAYS
}

static GVariant *
payload_of (NkgGraph *g)
{
  GVariant *col[C_N];
  payload_columns (g, col, NULL);
  return g_variant_ref_sink (g_variant_new_tuple (col, C_N));
}

/* ---------------------------------------------------------------- reading */

/* A walk over one text column; a damaged column stops the walk. */
typedef struct {
  const char *p, *end;
  gboolean bad;
} Cursor;

static Cursor
cursor_of (GVariant *snap, int column)
{
  g_autoptr (GVariant) v = g_variant_get_child_value (snap, column);
  gsize n;
  const char *data = g_variant_get_fixed_array (v, &n, 1);
  /* an empty column may have no data pointer at all: no arithmetic on it */
  if (n == 0 || !data)
    return (Cursor){ NULL, NULL, FALSE };
  /* the snapshot's buffer outlives `v`: children share its memory */
  return (Cursor){ data, data + n, data[n - 1] != '\0' };
}

static gboolean
cursor_more (const Cursor *c)
{
  return !c->bad && c->p && c->p < c->end;
}

/* The next text (NULL when absent), duplicated. */
static char *
next_text (Cursor *c)
{
  if (!cursor_more (c) || (*c->p != '+' && *c->p != '-'))
    {
      c->bad = TRUE;
      return NULL;
    }
  gboolean present = *c->p == '+';
  const char *s = c->p + 1;
  gsize len = strnlen (s, c->end - s);
  c->p = s + len + 1;
  /* every text of a graph is UTF-8, and the commands rely on it */
  if (!g_utf8_validate_len (s, len, NULL))
    {
      c->bad = TRUE;
      return NULL;
    }
  return present ? g_strndup (s, len) : NULL;
}

typedef struct {
  const guint32 *v;
  gsize n, at;
} U32s;

static U32s
u32s_of (GVariant *snap, int column)
{
  g_autoptr (GVariant) v = g_variant_get_child_value (snap, column);
  U32s u = { 0 };
  u.v = g_variant_get_fixed_array (v, &u.n, sizeof (guint32));
  return u;
}

/* Appends the next `count` indices of `flat` as items of `items` (`n` of
 * them) to `out`. */
static gboolean
take_items (U32s *flat, guint32 count, gpointer *items, gsize n, GPtrArray *out)
{
  if (count > flat->n - flat->at)
    return FALSE;
  for (guint32 i = 0; i < count; i++)
    {
      guint32 k = flat->v[flat->at++];
      if (k >= n)
        return FALSE;
      g_ptr_array_add (out, items[k]);
    }
  return TRUE;
}

/* Rebuilds the graph; NULL when a column is inconsistent (a damaged file
 * that still passed GVariant's checks). */
static NkgGraph *
graph_of (GVariant *snap)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  gsize n;

  Cursor c = cursor_of (snap, C_GRAPH_TEXT);
  g_autofree char *base = next_text (&c);
  g_autofree char *version = next_text (&c);
  if (c.bad || !base || !version)
    return NULL;
  g_free (g->base);
  g->base = g_steal_pointer (&base);
  g_free (g->version);
  g->version = g_steal_pointer (&version);

  /* documents: eight texts each */
  c = cursor_of (snap, C_DOC_TEXT);
  g_autoptr (GPtrArray) docs = g_ptr_array_new ();
  while (cursor_more (&c))
    {
      char *t[8];
      for (int k = 0; k < 8; k++)
        t[k] = next_text (&c);
      if (c.bad || !t[0] || g_hash_table_contains (g->doc_index, t[0]))
        {
          for (int k = 0; k < 8; k++)
            g_free (t[k]);
          return NULL;
        }
      NkgDoc *d = nkg_graph_intern_doc (g, t[0]);
      g_free (t[0]);
      d->source = t[1];
      d->title = t[2];
      d->date = t[3];
      d->sha256 = t[4];
      d->url = t[5];
      d->format = t[6];
      d->language = t[7];
      g_ptr_array_add (docs, d);
    }

  /* evidence */
  c = cursor_of (snap, C_EV_TEXT);
  U32s evdoc = u32s_of (snap, C_EV_DOC), evstart = u32s_of (snap, C_EV_START),
       evend = u32s_of (snap, C_EV_END);
  if (evstart.n != evdoc.n || evend.n != evdoc.n)
    return NULL;
  g_autoptr (GPtrArray) evs = g_ptr_array_sized_new (evdoc.n);
  for (gsize i = 0; i < evdoc.n; i++)
    {
      g_autofree char *iri = next_text (&c);
      g_autofree char *text = next_text (&c);
      if (c.bad || !iri || evdoc.v[i] > docs->len
          || g_hash_table_contains (g->evidence_index, iri))
        return NULL;
      NkgDoc *d = evdoc.v[i] ? g_ptr_array_index (docs, evdoc.v[i] - 1) : NULL;
      g_ptr_array_add (evs, nkg_graph_add_evidence (g, iri, d, evstart.v[i], evend.v[i], text));
    }

  /* entities */
  c = cursor_of (snap, C_ENT_TEXT);
  Cursor alias = cursor_of (snap, C_ENT_ALIAS);
  g_autoptr (GVariant) vclass = g_variant_get_child_value (snap, C_ENT_CLASS);
  const gint32 *klass = g_variant_get_fixed_array (vclass, &n, sizeof (gint32));
  U32s mentions = u32s_of (snap, C_ENT_MENTIONS), nalias = u32s_of (snap, C_ENT_NALIAS),
       ndoc = u32s_of (snap, C_ENT_NDOC), edocs = u32s_of (snap, C_ENT_DOC);
  if (mentions.n != n || nalias.n != n || ndoc.n != n)
    return NULL;
  g_autoptr (GPtrArray) ents = g_ptr_array_sized_new (n);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *iri = next_text (&c);
      char *name = next_text (&c);
      if (c.bad || !iri || nkg_graph_entity_by_iri (g, iri))
        {
          g_free (name);
          return NULL;
        }
      NkgEntity *e = nkg_graph_intern_entity (g, iri);
      e->name = name;
      e->klass = klass[i] >= 0 && klass[i] < NKG_CLASS_N ? (NkgClass) klass[i] : NKG_CLASS_PLACE;
      e->mention_count = mentions.v[i];
      for (guint32 k = 0; k < nalias.v[i]; k++)
        {
          char *a = next_text (&alias);
          if (alias.bad || !a)
            return NULL;
          g_ptr_array_add (e->aliases, a);
        }
      if (!take_items (&edocs, ndoc.v[i], docs->pdata, docs->len, e->docs))
        return NULL;
      g_ptr_array_add (ents, e);
    }
  NkgEntity **ev = (NkgEntity **) ents->pdata;
  gsize nents = ents->len;

  /* facts: created first, their conflicts linked once all exist */
  c = cursor_of (snap, C_FACT_TEXT);
  U32s subj = u32s_of (snap, C_FACT_SUBJ), obj = u32s_of (snap, C_FACT_OBJ),
       flags = u32s_of (snap, C_FACT_FLAGS), fndoc = u32s_of (snap, C_FACT_NDOC),
       fdocs = u32s_of (snap, C_FACT_DOC), nev = u32s_of (snap, C_FACT_NEV),
       fev = u32s_of (snap, C_FACT_EV), ncf = u32s_of (snap, C_FACT_NCF),
       fcf = u32s_of (snap, C_FACT_CF);
  g_autoptr (GVariant) vprop = g_variant_get_child_value (snap, C_FACT_PROP);
  g_autoptr (GVariant) vconf = g_variant_get_child_value (snap, C_FACT_CONF);
  gsize nprop, nconf;
  const gint32 *prop = g_variant_get_fixed_array (vprop, &nprop, sizeof (gint32));
  const double *conf = g_variant_get_fixed_array (vconf, &nconf, sizeof (double));
  n = subj.n;
  if (obj.n != n || flags.n != n || fndoc.n != n || nev.n != n || ncf.n != n || nprop != n
      || nconf != n)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *iri = next_text (&c);
      g_autofree char *literal = next_text (&c);
      if (c.bad || !iri || subj.v[i] >= nents || obj.v[i] > nents || prop[i] < 0
          || prop[i] >= NKG_PROP_N || (obj.v[i] != 0) == (literal != NULL))
        return NULL;
      NkgFact *f = nkg_graph_new_fact (g, ev[subj.v[i]], (NkgProp) prop[i],
                                       obj.v[i] ? ev[obj.v[i] - 1] : NULL, literal);
      f->iri = g_steal_pointer (&iri);
      f->confidence = conf[i];
      f->gazetteer = (flags.v[i] & 1) != 0;
      if (!take_items (&fdocs, fndoc.v[i], docs->pdata, docs->len, f->docs)
          || !take_items (&fev, nev.v[i], evs->pdata, evs->len, f->evidence))
        return NULL;
    }
  for (gsize i = 0; i < n; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (!take_items (&fcf, ncf.v[i], g->facts->pdata, g->facts->len,
                       ncf.v[i] ? nkg_fact_conflicts_mut (f) : f->conflicts))
        return NULL;
    }

  /* quotes */
  c = cursor_of (snap, C_QUOTE_TEXT);
  U32s speaker = u32s_of (snap, C_QUOTE_SPEAKER), qndoc = u32s_of (snap, C_QUOTE_NDOC),
       qdocs = u32s_of (snap, C_QUOTE_DOC);
  if (qndoc.n != speaker.n)
    return NULL;
  for (gsize i = 0; i < speaker.n; i++)
    {
      g_autofree char *iri = next_text (&c);
      g_autofree char *text = next_text (&c);
      if (c.bad || !iri || !text || speaker.v[i] >= nents)
        return NULL;
      NkgQuote *q = g_new0 (NkgQuote, 1);
      q->iri = g_steal_pointer (&iri);
      q->speaker = ev[speaker.v[i]];
      q->text = g_steal_pointer (&text);
      q->docs = g_ptr_array_new ();
      g_ptr_array_add (g->quotes, q);
      if (!take_items (&qdocs, qndoc.v[i], docs->pdata, docs->len, q->docs))
        return NULL;
    }
  nkg_graph_index_finished (g);
  return g_steal_pointer (&g);
}


static NkgSnapshotView *view_of_sealed (GBytes *bytes, NkgSnapshotSource *source);
static GVariant *view_variant (const NkgSnapshotView *v);
static gboolean view_check_all (const NkgSnapshotView *v);

NkgGraph *
nkg_snapshot_graph (GBytes *bytes, NkgSnapshotSource *source)
{
  /* Untrusted even with good checksums (anyone can write them): GVariant
   * checks the columns' framing, view_of_sealed the lengths of the
   * columns for reading in place (unused here, but a snapshot is whole or
   * refused), graph_of every count and index. Every block is read, so
   * every block is checked first. */
  g_autoptr (NkgSnapshotView) v = view_of_sealed (bytes, source);
  return v && view_check_all (v) ? graph_of (view_variant (v)) : NULL;
}

GBytes *
nkg_snapshot_bytes (NkgGraph *graph, const NkgSnapshotSource *source)
{
  g_autoptr (GVariant) snap = payload_of (graph);
  g_autoptr (GBytes) payload = g_variant_get_data_as_bytes (snap);
  return nkg_snapshot_seal (payload, source);
}

/* ---------------------------------------------------------------- streaming */

/* The payload as nkg_snapshot_bytes lays it out, but in pieces: the
 * tuple's columns (in the spill file, or where payload_of made them), the
 * zeros that align each, and the framing offsets GVariant puts at the end
 * of a tuple (the end of every column but the last, in reverse order, each
 * as wide as the tuple's size needs). Serialising the tuple (and sealing
 * it) would copy the whole payload twice more: at 100 MB of news, 200 MB
 * each. */
typedef struct {
  const Spill *spill;  /* the columns, or NULL: */
  GVariant *child[C_N]; /* the columns */
  gsize at[C_N];        /* where each column starts in the payload */
  gsize size[C_N];
  gsize len;            /* of the payload */
  guint8 frame[(C_N - 1) * 8];
  gsize frame_len;
} Pieces;

/* GLib's gvs_calculate_total_size: the narrowest offsets that can address
 * the whole tuple, offsets included. */
static gsize
frame_width (gsize body, gsize n)
{
  if (body + n <= G_MAXUINT8)
    return 1;
  if (body + 2 * n <= G_MAXUINT16)
    return 2;
  if (body + 4 * n <= G_MAXUINT32)
    return 4;
  return 8;
}

/* Lays out the columns of `spill` (or, when NULL, `snap`'s children). */
static void
pieces_of (const Spill *spill, GVariant *snap, Pieces *p)
{
  gsize off = 0, ends[C_N];
  p->spill = spill;
  for (int i = 0; i < C_N; i++)
    {
      gsize a;
      if (spill)
        {
          a = spill->align[i];
          p->size[i] = spill->size[i];
        }
      else
        {
          p->child[i] = g_variant_get_child_value (snap, i);
          a = column_align (p->child[i]);
          p->size[i] = g_variant_get_size (p->child[i]);
        }
      off = (off + a - 1) & ~(a - 1);
      p->at[i] = off;
      off += p->size[i];
      ends[i] = off;
    }
  gsize w = frame_width (off, C_N - 1);
  p->frame_len = w * (C_N - 1);
  p->len = off + p->frame_len;
  /* the first column's end is the tuple's last bytes */
  for (int i = 0; i < C_N - 1; i++)
    {
      guint64 le = GUINT64_TO_LE ((guint64) ends[i]);
      memcpy (p->frame + p->frame_len - (i + 1) * w, &le, w);
    }
}

static void
pieces_clear (Pieces *p)
{
  for (int i = 0; i < C_N; i++)
    g_clear_pointer (&p->child[i], g_variant_unref);
}

typedef gboolean (*PieceFunc) (const guint8 *data, gsize len, gpointer user, GError **error);

/* Calls `fn` on the payload's bytes in order, in pieces. */
static gboolean
pieces_walk (const Pieces *p, PieceFunc fn, gpointer user, GError **error)
{
  static const guint8 zeros[8] = { 0 };
  enum { CHUNK = 1 << 20 };
  g_autofree guint8 *buf = p->spill ? g_malloc (CHUNK) : NULL;
  gsize off = 0;
  for (int i = 0; i < C_N; i++)
    {
      if (p->at[i] > off && !fn (zeros, p->at[i] - off, user, error))
        return FALSE;
      gsize n = p->size[i];
      if (!p->spill && n && !fn (g_variant_get_data (p->child[i]), n, user, error))
        return FALSE;
      for (gsize done = 0; p->spill && done < n;)
        {
          ssize_t got = pread (p->spill->col_fd[i], buf, MIN (CHUNK, n - done),
                               (off_t) (p->spill->from[i] + done));
          if (got < 0 && errno == EINTR)
            continue;
          if (got <= 0)
            {
              int e = got < 0 ? errno : EIO;
              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (e),
                           "cannot read the snapshot's columns back: %s", g_strerror (e));
              return FALSE;
            }
          if (!fn (buf, got, user, error))
            return FALSE;
          done += got;
        }
      off = p->at[i] + n;
    }
  return fn (p->frame, p->frame_len, user, error);
}

/* The block checksums of a payload seen in pieces. */
typedef struct {
  guint8 *sums; /* into the header's block table */
  gsize n;      /* blocks done */
  guint8 buf[BLOCK];
  gsize fill;
} BlockSums;

static gboolean
sum_piece (const guint8 *data, gsize len, gpointer user, GError **error)
{
  (void) error;
  BlockSums *b = user;
  while (len)
    {
      if (b->fill == 0 && len >= BLOCK)
        {
          put64 (b->sums + 8 * b->n++, XXH3_64bits (data, BLOCK));
          data += BLOCK;
          len -= BLOCK;
          continue;
        }
      gsize take = MIN (len, BLOCK - b->fill);
      memcpy (b->buf + b->fill, data, take);
      b->fill += take;
      data += take;
      len -= take;
      if (b->fill == BLOCK)
        {
          put64 (b->sums + 8 * b->n++, XXH3_64bits (b->buf, BLOCK));
          b->fill = 0;
        }
    }
  return TRUE;
}

static gboolean
write_piece (const guint8 *data, gsize len, gpointer user, GError **error)
{
  return g_output_stream_write_all (user, data, len, NULL, NULL, error);
}

/* The header and block table of a payload of `len` bytes, its block
 * sums not yet put; the source and the header's checksum come last. */
static guint8 *
head_new (gsize len, gsize *head_len)
{
  gsize nb = n_blocks (len), head = HEADER_LEN + 8 * nb;
  guint8 *top = g_malloc0 (head);
  memcpy (top, MAGIC, MAGIC_LEN);
  put64 (top + 16, len);
  put64 (top + 104, BLOCK);
  put64 (top + 112, nb);
  *head_len = head;
  return top;
}

static void
head_seal (guint8 *top, gsize head, const NkgSnapshotSource *source)
{
  if (source)
    put_source (top, source);
  seal_head (top, head);
}

/* The block sums of what is written, as it is written. */
typedef struct {
  GOutputStream *out;
  BlockSums *sums;
} SumWrite;

static gboolean
sum_write_piece (const guint8 *data, gsize len, gpointer user, GError **error)
{
  SumWrite *sw = user;
  return sum_piece (data, len, sw->sums, error) && write_piece (data, len, sw->out, error);
}

/* An unlinked temporary file for columns (fd -1 when there is none). */
static Spill *
spill_new (void)
{
  g_autofree char *tmp = NULL;
  Spill *spill = g_new0 (Spill, 1);
  for (int i = 0; i < C_N; i++)
    spill->col_fd[i] = -1;
  spill->fd = g_file_open_tmp ("newskg-snapshot-XXXXXX", &tmp, NULL);
  if (spill->fd >= 0)
    g_unlink (tmp);
  return spill;
}

static void
spill_free (Spill *spill)
{
  if (spill->aside)
    spill_free (spill->aside);
  if (spill->fd >= 0)
    close (spill->fd);
  g_free (spill);
}

/* The payload of `graph` in pieces: its columns in an unlinked temporary
 * file as soon as each is made, so that no more than one section's
 * columns are ever in memory; when there is no such file, in memory (one
 * copy). */
static Spill *
pieces_make (NkgGraph *graph, Pieces *p)
{
  Spill *spill = spill_new ();
  if (spill->fd >= 0)
    {
      /* the columns made on a second thread go to a file of their own */
      Spill *aside = spill_new ();
      if (aside->fd >= 0)
        spill->aside = aside;
      else
        spill_free (aside);
      GVariant *col[C_N];
      payload_columns (graph, col, spill);
    }
  if (spill->fd >= 0 && !spill->failed)
    pieces_of (spill, NULL, p);
  else
    {
      g_autoptr (GVariant) snap = payload_of (graph);
      pieces_of (NULL, snap, p);
    }
  return spill;
}

static void
pieces_free (Pieces *p, Spill *spill)
{
  pieces_clear (p);
  spill_free (spill);
}

struct _NkgSnapshotDraft {
  guint8 *top; /* the header and block table, sums put */
  gsize head;
};

NkgSnapshotDraft *
nkg_snapshot_draft_write (NkgGraph *graph, GOutputStream *out, GError **error)
{
  Pieces p = { 0 };
  Spill *spill = pieces_make (graph, &p);
  NkgSnapshotDraft *d = g_new0 (NkgSnapshotDraft, 1);
  d->top = head_new (p.len, &d->head);
  g_autofree BlockSums *sums = g_new0 (BlockSums, 1);
  sums->sums = d->top + HEADER_LEN;
  SumWrite sw = { out, sums };
  /* the blank header first: the payload is read once, written and
   * summed together */
  g_autofree guint8 *blank = g_malloc0 (d->head);
  gboolean ok = g_output_stream_write_all (out, blank, d->head, NULL, NULL, error)
                && pieces_walk (&p, sum_write_piece, &sw, error);
  pieces_free (&p, spill);
  if (!ok)
    {
      nkg_snapshot_draft_free (d);
      return NULL;
    }
  if (sums->fill)
    put64 (sums->sums + 8 * sums->n++, XXH3_64bits (sums->buf, sums->fill));
  g_assert (sums->n == n_blocks (p.len));
  return d;
}

GBytes *
nkg_snapshot_draft_header (NkgSnapshotDraft *d, const NkgSnapshotSource *source)
{
  guint8 *top = g_memdup2 (d->top, d->head);
  head_seal (top, d->head, source);
  return g_bytes_new_take (top, d->head);
}

void
nkg_snapshot_draft_free (NkgSnapshotDraft *d)
{
  if (!d)
    return;
  g_free (d->top);
  g_free (d);
}

/* The header and block table, then the payload. */
static gboolean
pieces_write (const Pieces *p, const NkgSnapshotSource *source, GOutputStream *out,
              GError **error)
{
  gsize head;
  g_autofree guint8 *top = head_new (p->len, &head);
  g_autofree BlockSums *sums = g_new0 (BlockSums, 1);
  sums->sums = top + HEADER_LEN;
  if (!pieces_walk (p, sum_piece, sums, error))
    return FALSE;
  if (sums->fill)
    put64 (sums->sums + 8 * sums->n++, XXH3_64bits (sums->buf, sums->fill));
  g_assert (sums->n == n_blocks (p->len));
  head_seal (top, head, source);
  return g_output_stream_write_all (out, top, head, NULL, NULL, error)
         && pieces_walk (p, write_piece, out, error);
}

gboolean
nkg_snapshot_write (NkgGraph *graph, const NkgSnapshotSource *source, GOutputStream *out,
                    GError **error)
{
  Pieces p = { 0 };
  Spill *spill = pieces_make (graph, &p);
  gboolean ok = pieces_write (&p, source, out, error);
  pieces_free (&p, spill);
  return ok;
}

static gpointer
source_sum_thread (gpointer data)
{
  NkgSourceSum *j = data;
  j->ok = nkg_snapshot_source_of (j->path, TRUE, &j->source, NULL);
  return NULL;
}

void
nkg_snapshot_source_sum_start (NkgSourceSum *job, const char *path)
{
  *job = (NkgSourceSum) { g_strdup (path), { 0 }, FALSE, NULL };
  job->thread = g_thread_try_new ("nkg-sum", source_sum_thread, job, NULL);
  if (!job->thread)
    source_sum_thread (job);
}

gboolean
nkg_snapshot_source_sum_wait (NkgSourceSum *job)
{
  if (job->thread)
    g_thread_join (g_steal_pointer (&job->thread));
  g_clear_pointer (&job->path, g_free);
  return job->ok;
}

/* Whether a snapshot's stamp of its Turtle file is enough: taken more
 * than RACY_NS after the file's last change (its ctime), so that a later
 * change, which sets ctime to the time of day, cannot keep the stamp. A
 * change made in the same timestamp tick as the stamp, or on a file
 * system with coarse timestamps, is caught because such a stamp is not
 * trusted: the file is summed again. */
static gboolean
stamp_trusted (const NkgSnapshotSource *s)
{
  return s->hashed_ns > s->ctime_ns && s->hashed_ns - s->ctime_ns > RACY_NS;
}

/* A mapped snapshot file whose header carries a Turtle file's stamp. */
typedef struct {
  GBytes *bytes;
  NkgSnapshotSource named; /* as the header says (checked when read) */
  guint64 snap_ino, snap_dev, snap_size;
} Mapped;

static void
mapped_clear (Mapped *m)
{
  g_clear_pointer (&m->bytes, g_bytes_unref);
}

/* Maps SNAP_PATH when its header carries TURTLE_PATH's stamp (size,
 * times, inode, device); FALSE otherwise. The stamp first: a stale
 * snapshot (the usual case after a rebuild) costs nothing more. */
static gboolean
map_if_stamped (const char *snap_path, const char *turtle_path, Mapped *out)
{
  memset (out, 0, sizeof *out);
  NkgSnapshotSource quick;
  if (!nkg_snapshot_source_of (turtle_path, FALSE, &quick, NULL))
    return FALSE;
  int fd = g_open (snap_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  struct stat st;
  g_autoptr (GMappedFile) mf = NULL;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    mf = g_mapped_file_new_from_fd (fd, FALSE, NULL);
  close (fd);
  if (!mf)
    return FALSE;
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mf);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  if (len < HEADER_LEN || memcmp (data, MAGIC, MAGIC_LEN) != 0)
    return FALSE;
  get_source (data, &out->named);
  if (!nkg_snapshot_same_stamp (&out->named, &quick))
    return FALSE;
  out->bytes = g_steal_pointer (&bytes);
  out->snap_ino = st.st_ino;
  out->snap_dev = st.st_dev;
  out->snap_size = st.st_size;
  return TRUE;
}

/* Starts the Turtle's checksum beside the caller's reading of the
 * snapshot (on this thread when no thread can be made); nothing when the
 * snapshot's stamp is trusted alone. */
static void
sum_start (NkgSourceSum *job, const Mapped *m, const char *turtle_path)
{
  *job = (NkgSourceSum) { NULL, { 0 }, FALSE, NULL };
  if (!stamp_trusted (&m->named))
    nkg_snapshot_source_sum_start (job, turtle_path);
}

/* The header of the mapped snapshot, in its file, with the later moment
 * `hashed_ns` at which its Turtle was summed again and found the same, so
 * that later commands trust the stamp. Written in place (128 bytes in the
 * first page); a reader meeting a torn header finds its checksum wrong and
 * rewrites the snapshot, and a snapshot replaced meanwhile (another
 * inode) is left alone. Only speed depends on it: no error. */
static void
refresh_header (const Mapped *m, const char *snap_path, guint64 hashed_ns)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (m->bytes, &len);
  guint64 nb = get64 (data + 112);
  if (nb > (len - HEADER_LEN) / 8)
    return;
  guint8 head[HEADER_LEN];
  memcpy (head, data, HEADER_LEN);
  put64 (head + 96, hashed_ns);
  XXH3_state_t *state = XXH3_createState ();
  XXH3_128bits_reset (state);
  XXH3_128bits_update (state, head + SUMMED_FROM, HEADER_LEN - SUMMED_FROM);
  XXH3_128bits_update (state, data + HEADER_LEN, 8 * nb);
  XXH128_hash_t h = XXH3_128bits_digest (state);
  XXH3_freeState (state);
  put64 (head + 24, h.high64);
  put64 (head + 32, h.low64);
  int fd = g_open (snap_path, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  struct stat st;
  if (fstat (fd, &st) == 0 && (guint64) st.st_ino == m->snap_ino
      && (guint64) st.st_dev == m->snap_dev && (guint64) st.st_size == m->snap_size)
    {
      ssize_t n = pwrite (fd, head, HEADER_LEN, 0);
      (void) n;
    }
  close (fd);
}

/* Waits for the checksum, if one was started: TRUE when the snapshot was
 * read (READ_OK) and names the Turtle as it is now, by its trusted stamp
 * or by stamp and checksum. A confirmed stamp that has become old enough
 * to be trusted is written into the header. */
static gboolean
sum_confirms (NkgSourceSum *job, gboolean read_ok, const Mapped *m, const char *snap_path)
{
  if (!job->path)
    return read_ok;
  gboolean summed = nkg_snapshot_source_sum_wait (job);
  const NkgSnapshotSource *named = &m->named, *now = &job->source;
  gboolean ok = read_ok && summed && nkg_snapshot_same_stamp (named, now)
                && named->sum[0] == now->sum[0] && named->sum[1] == now->sum[1];
  if (ok && snap_path)
    {
      NkgSnapshotSource later = *named;
      later.hashed_ns = now->hashed_ns;
      if (stamp_trusted (&later))
        refresh_header (m, snap_path, later.hashed_ns);
    }
  return ok;
}

NkgGraph *
nkg_snapshot_load (const char *snap_path, const char *turtle_path)
{
  Mapped m;
  if (!map_if_stamped (snap_path, turtle_path, &m))
    return NULL;
  NkgSourceSum job;
  sum_start (&job, &m, turtle_path);
  g_autoptr (NkgGraph) g = nkg_snapshot_graph (m.bytes, NULL);
  gboolean ok = sum_confirms (&job, g != NULL, &m, snap_path);
  mapped_clear (&m);
  return ok ? g_steal_pointer (&g) : NULL;
}

/* ---------------------------------------------------------------- in place */

struct _NkgSnapshotView {
  GBytes *payload;
  GVariant *snap;
  GVariant *child[C_N];
  const void *col[C_N]; /* each column's elements, where they lie */
  gsize len[C_N];       /* their number */
  gsize n_docs, n_ev, n_ents, n_facts, n_quotes;
  /* the payload's blocks: their checksums, and which were found good
   * (checked[n_blocks] set: one was found bad, the view is refused) */
  const guint8 *data, *sums;
  gsize data_len, n_blocks;
  guint8 *checked;
};

static const gsize elem_size[C_N] = {
  [C_GRAPH_TEXT] = 1, [C_DOC_TEXT] = 1, [C_EV_TEXT] = 1, [C_EV_DOC] = 4, [C_EV_START] = 4,
  [C_EV_END] = 4, [C_ENT_TEXT] = 1, [C_ENT_CLASS] = 4, [C_ENT_MENTIONS] = 4, [C_ENT_NALIAS] = 4,
  [C_ENT_ALIAS] = 1, [C_ENT_NDOC] = 4, [C_ENT_DOC] = 4, [C_FACT_TEXT] = 1, [C_FACT_SUBJ] = 4,
  [C_FACT_PROP] = 4, [C_FACT_OBJ] = 4, [C_FACT_CONF] = 8, [C_FACT_FLAGS] = 4, [C_FACT_NDOC] = 4,
  [C_FACT_DOC] = 4, [C_FACT_NEV] = 4, [C_FACT_EV] = 4, [C_FACT_NCF] = 4, [C_FACT_CF] = 4,
  [C_QUOTE_TEXT] = 1, [C_QUOTE_SPEAKER] = 4, [C_QUOTE_NDOC] = 4, [C_QUOTE_DOC] = 4,
  [C_DOC_TEXT_AT] = 8, [C_EV_TEXT_AT] = 8, [C_ENT_TEXT_AT] = 8, [C_ENT_ALIAS_AT] = 8,
  [C_FACT_TEXT_AT] = 8, [C_QUOTE_TEXT_AT] = 8, [C_ENT_DOC_AT] = 4, [C_FACT_DOC_AT] = 4,
  [C_FACT_EV_AT] = 4, [C_FACT_CF_AT] = 4, [C_QUOTE_DOC_AT] = 4, [C_ENT_OUT_AT] = 4,
  [C_ENT_OUT] = 4, [C_ENT_IN_AT] = 4, [C_ENT_IN] = 4, [C_ENT_QUOTE_AT] = 4, [C_ENT_QUOTE] = 4,
  [C_KEY_TEXT] = 1, [C_KEY_AT] = 8, [C_KEY_ENT_AT] = 4, [C_KEY_ENT] = 4,
};

void
nkg_snapshot_view_free (NkgSnapshotView *v)
{
  if (!v)
    return;
  for (int i = 0; i < C_N; i++)
    if (v->child[i])
      g_variant_unref (v->child[i]);
  if (v->snap)
    g_variant_unref (v->snap);
  if (v->payload)
    g_bytes_unref (v->payload);
  g_free (v->checked);
  g_free (v);
}

static GVariant *
view_variant (const NkgSnapshotView *v)
{
  return v->snap;
}

/* Checks the blocks holding `n` bytes at `p` (in the payload) that are not
 * checked yet. FALSE, for this and every later call, once one is bad. The
 * view is const to its readers; what it learns about its blocks is not. */
static gboolean
need (const NkgSnapshotView *v, const void *p, gsize n)
{
  if (v->checked[v->n_blocks])
    return FALSE;
  if (n == 0)
    return TRUE;
  const guint8 *at = p;
  g_return_val_if_fail (at >= v->data && n <= v->data_len
                          && (gsize) (at - v->data) <= v->data_len - n,
                        FALSE);
  gsize off = at - v->data;
  for (gsize b = off >> BLOCK_SHIFT; b <= (off + n - 1) >> BLOCK_SHIFT; b++)
    if (!v->checked[b])
      {
        if (block_sum (v->data, v->data_len, b) != get64 (v->sums + 8 * b))
          {
            v->checked[v->n_blocks] = 1;
            return FALSE;
          }
        v->checked[b] = 1;
      }
  return TRUE;
}

static gboolean
view_check_all (const NkgSnapshotView *v)
{
  return need (v, v->data, v->data_len);
}

/* Column `c`, every element checked. */
static gboolean
need_col (const NkgSnapshotView *v, int c)
{
  return need (v, v->col[c], v->len[c] * elem_size[c]);
}

/* Element `i` of column `c`, checked (the caller bounds `i`). */
static gboolean
need_elem (const NkgSnapshotView *v, int c, gsize i)
{
  return i < v->len[c] && need (v, (const guint8 *) v->col[c] + i * elem_size[c], elem_size[c]);
}

static const guint32 *
u32_col (const NkgSnapshotView *v, int c)
{
  return v->col[c];
}

static const guint64 *
u64_col (const NkgSnapshotView *v, int c)
{
  return v->col[c];
}

/* The view of a snapshot's bytes: NULL when the header is wrong or the
 * columns disagree. Only the framing is checked here; the blocks are
 * checked as they are read. */
static NkgSnapshotView *
view_of_sealed (GBytes *bytes, NkgSnapshotSource *source)
{
  Sealed sealed;
  if (!open_sealed (bytes, source, &sealed))
    return NULL;
  g_autoptr (NkgSnapshotView) v = g_new0 (NkgSnapshotView, 1);
  v->payload = sealed.payload;
  v->sums = sealed.sums;
  v->n_blocks = sealed.n_blocks;
  v->checked = g_malloc0 (v->n_blocks + 1);
  /* untrusted, as for nkg_snapshot_graph: GVariant checks the framing,
   * every access below its bounds */
  v->snap = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (PAYLOAD_T), v->payload, FALSE));
  /* where GVariant reads: the payload itself, or its copy when it was not
   * aligned (the same bytes, so the same block checksums) */
  v->data = g_variant_get_data (v->snap);
  v->data_len = g_variant_get_size (v->snap);
  if (v->data_len != g_bytes_get_size (v->payload))
    return NULL;
  /* the tuple's framing (its last offsets) is read by every access */
  gsize frame = MIN (v->data_len, (gsize) C_N * 8);
  if (frame && !need (v, v->data + v->data_len - frame, frame))
    return NULL;
  for (int i = 0; i < C_N; i++)
    {
      v->child[i] = g_variant_get_child_value (v->snap, i);
      v->col[i] = g_variant_get_fixed_array (v->child[i], &v->len[i], elem_size[i]);
      /* a text column ends with its last text's NUL, so no read of one
       * can run past it */
      if (elem_size[i] == 1 && v->len[i]
          && (!need (v, (const char *) v->col[i] + v->len[i] - 1, 1)
              || ((const char *) v->col[i])[v->len[i] - 1] != '\0'))
        return NULL;
    }
  v->n_ev = v->len[C_EV_DOC];
  v->n_ents = v->len[C_ENT_CLASS];
  v->n_facts = v->len[C_FACT_SUBJ];
  v->n_quotes = v->len[C_QUOTE_SPEAKER];
  v->n_docs = v->len[C_DOC_TEXT_AT] ? v->len[C_DOC_TEXT_AT] - 1 : 0;
  /* the per-item columns this reader uses agree on their lengths */
  const struct {
    int c;
    gsize n;
  } want[] = {
    { C_DOC_TEXT_AT, v->n_docs + 1 },     { C_EV_TEXT_AT, v->n_ev + 1 },
    { C_EV_START, v->n_ev },              { C_EV_END, v->n_ev },
    { C_ENT_TEXT_AT, v->n_ents + 1 },     { C_ENT_ALIAS_AT, v->n_ents + 1 },
    { C_ENT_MENTIONS, v->n_ents },        { C_ENT_NALIAS, v->n_ents },
    { C_ENT_DOC_AT, v->n_ents + 1 },      { C_ENT_OUT_AT, v->n_ents + 1 },
    { C_ENT_IN_AT, v->n_ents + 1 },       { C_ENT_QUOTE_AT, v->n_ents + 1 },
    { C_FACT_TEXT_AT, v->n_facts + 1 },   { C_FACT_PROP, v->n_facts },
    { C_FACT_OBJ, v->n_facts },           { C_FACT_CONF, v->n_facts },
    { C_FACT_FLAGS, v->n_facts },         { C_FACT_DOC_AT, v->n_facts + 1 },
    { C_FACT_EV_AT, v->n_facts + 1 },     { C_FACT_CF_AT, v->n_facts + 1 },
    { C_QUOTE_TEXT_AT, v->n_quotes + 1 }, { C_QUOTE_DOC_AT, v->n_quotes + 1 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (want); i++)
    if (v->len[want[i].c] != want[i].n)
      return NULL;
  if (v->len[C_KEY_AT] != v->len[C_KEY_ENT_AT] || !v->len[C_KEY_AT])
    return NULL;
  return g_steal_pointer (&v);
}

NkgSnapshotView *
nkg_snapshot_view_new (GBytes *bytes, NkgSnapshotSource *source)
{
  return view_of_sealed (bytes, source);
}

/* The `skip`-th text from byte `off` of text column `c`: *out NULL when
 * absent. FALSE when the column is damaged there. */
static gboolean
view_text (const NkgSnapshotView *v, int c, guint64 off, guint skip, const char **out)
{
  const char *base = v->col[c];
  gsize len = v->len[c];
  for (guint k = 0;; k++)
    {
      if (off >= len || (base[off] != '+' && base[off] != '-'))
        return FALSE;
      const char *s = base + off + 1;
      gsize l = strlen (s); /* the column ends with a NUL */
      /* what was read, marker to NUL, before anything is made of it;
       * every text of a graph is UTF-8, and the commands rely on it (a
       * text only walked over is not used: its bytes are checked, not
       * its encoding) */
      if (!need (v, base + off, l + 2))
        return FALSE;
      if (k == skip)
        {
          if (!g_utf8_validate_len (s, l, NULL))
            return FALSE;
          *out = base[off] == '+' ? s : NULL;
          return TRUE;
        }
      off += l + 2;
    }
}

/* Item `i`'s `skip`-th text, through its offset column `at`. */
static gboolean
item_text (const NkgSnapshotView *v, int text, int at, gsize i, guint skip, const char **out)
{
  return i + 1 < v->len[at] && need_elem (v, at, i)
         && view_text (v, text, u64_col (v, at)[i], skip, out);
}

/* Item `i`'s first `n` texts into out[0 .. n - 1], in one walk. */
static gboolean
item_texts (const NkgSnapshotView *v, int text, int at, gsize i, guint n, const char **out)
{
  if (i + 1 >= v->len[at] || !need_elem (v, at, i))
    return FALSE;
  guint64 off = u64_col (v, at)[i];
  const char *base = v->col[text];
  for (guint k = 0; k < n; k++)
    {
      if (!view_text (v, text, off, 0, &out[k]))
        return FALSE;
      off += strlen (base + off + 1) + 2;
    }
  return TRUE;
}

/* Item `i`'s list in `flat`, through `at`: *items and *n. */
static gboolean
item_list (const NkgSnapshotView *v, int at, int flat, gsize i, const guint32 **items, gsize *n)
{
  if (i + 1 >= v->len[at] || !need (v, u32_col (v, at) + i, 2 * sizeof (guint32)))
    return FALSE;
  guint32 from = u32_col (v, at)[i], to = u32_col (v, at)[i + 1];
  if (from > to || to > v->len[flat]
      || (to > from && !need (v, u32_col (v, flat) + from, (to - from) * sizeof (guint32))))
    return FALSE;
  /* an empty column has no data pointer at all: no arithmetic on it */
  *items = to > from ? u32_col (v, flat) + from : NULL;
  *n = to - from;
  return TRUE;
}

gsize
nkg_snapshot_view_n_entities (const NkgSnapshotView *v)
{
  return v->n_ents;
}

gboolean
nkg_snapshot_view_entity (const NkgSnapshotView *v, gsize i, const char **iri, const char **name,
                          NkgClass *klass, guint *mentions)
{
  const char *s_iri = NULL, *s_name = NULL;
  if (i >= v->n_ents || !item_text (v, C_ENT_TEXT, C_ENT_TEXT_AT, i, 0, &s_iri) || !s_iri
      || !item_text (v, C_ENT_TEXT, C_ENT_TEXT_AT, i, 1, &s_name)
      || !need_elem (v, C_ENT_CLASS, i) || !need_elem (v, C_ENT_MENTIONS, i))
    return FALSE;
  gint32 k = ((const gint32 *) v->col[C_ENT_CLASS])[i];
  if (iri)
    *iri = s_iri;
  if (name)
    *name = s_name;
  if (klass)
    *klass = k >= 0 && k < NKG_CLASS_N ? (NkgClass) k : NKG_CLASS_PLACE;
  if (mentions)
    *mentions = u32_col (v, C_ENT_MENTIONS)[i];
  return TRUE;
}

const char *
nkg_snapshot_view_base (const NkgSnapshotView *v)
{
  const char *base = NULL;
  return v->len[C_GRAPH_TEXT] && view_text (v, C_GRAPH_TEXT, 0, 0, &base) ? base : NULL;
}

gssize
nkg_snapshot_view_entity_by_iri (const NkgSnapshotView *v, const char *iri)
{
  gsize lo = 0, hi = v->n_ents;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      const char *at = NULL;
      if (!item_text (v, C_ENT_TEXT, C_ENT_TEXT_AT, mid, 0, &at) || !at)
        return -1;
      int c = strcmp (at, iri);
      if (c == 0)
        return (gssize) mid;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

gsize
nkg_snapshot_view_n_facts (const NkgSnapshotView *v)
{
  return v->n_facts;
}

gboolean
nkg_snapshot_view_fact_evidence (const NkgSnapshotView *v, gsize fact, const guint32 **ev,
                                 gsize *n)
{
  if (fact >= v->n_facts || !item_list (v, C_FACT_EV_AT, C_FACT_EV, fact, ev, n))
    return FALSE;
  for (gsize k = 0; k < *n; k++)
    if ((*ev)[k] >= v->n_ev)
      return FALSE;
  return TRUE;
}

gboolean
nkg_snapshot_view_evidence (const NkgSnapshotView *v, gsize i, const char **iri,
                            const char **text, guint *start, guint *end)
{
  if (i >= v->n_ev || !item_text (v, C_EV_TEXT, C_EV_TEXT_AT, i, 0, iri) || !*iri
      || !item_text (v, C_EV_TEXT, C_EV_TEXT_AT, i, 1, text) || !need_elem (v, C_EV_START, i)
      || !need_elem (v, C_EV_END, i))
    return FALSE;
  *start = u32_col (v, C_EV_START)[i];
  *end = u32_col (v, C_EV_END)[i];
  return TRUE;
}

/* Positions [at[i], at[i + 1]) into a column of `flat` elements, for
 * every i: never decreasing, within the column. */
static gboolean
positions_ok (const guint32 *at, gsize n, gsize flat)
{
  for (gsize i = 0; i < n; i++)
    if (at[i] > flat || (i && at[i] < at[i - 1]))
      return FALSE;
  return TRUE;
}

gboolean
nkg_snapshot_view_columns (const NkgSnapshotView *v, NkgSnapshotColumns *out)
{
  static const int cols[] = { C_ENT_CLASS,    C_ENT_MENTIONS, C_ENT_DOC_AT, C_ENT_QUOTE_AT,
                              C_ENT_OUT_AT,   C_ENT_OUT,      C_FACT_SUBJ,  C_FACT_OBJ,
                              C_FACT_PROP,    C_FACT_FLAGS,   C_FACT_DOC_AT };
  memset (out, 0, sizeof *out);
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    if (!need_col (v, cols[i]))
      return FALSE;
  out->n_entities = v->n_ents;
  out->n_facts = v->n_facts;
  out->ent_class = v->col[C_ENT_CLASS];
  out->ent_mentions = v->col[C_ENT_MENTIONS];
  out->ent_doc_at = v->col[C_ENT_DOC_AT];
  out->ent_quote_at = v->col[C_ENT_QUOTE_AT];
  out->ent_out_at = v->col[C_ENT_OUT_AT];
  out->ent_out = v->col[C_ENT_OUT];
  out->fact_subject = v->col[C_FACT_SUBJ];
  out->fact_object = v->col[C_FACT_OBJ];
  out->fact_prop = v->col[C_FACT_PROP];
  out->fact_flags = v->col[C_FACT_FLAGS];
  out->fact_doc_at = v->col[C_FACT_DOC_AT];
  /* every index in range, so that the caller can trust them */
  if (!positions_ok (out->ent_doc_at, v->n_ents + 1, v->len[C_ENT_DOC])
      || !positions_ok (out->ent_out_at, v->n_ents + 1, v->len[C_ENT_OUT])
      || !positions_ok (out->ent_quote_at, v->n_ents + 1, v->len[C_ENT_QUOTE])
      || !positions_ok (out->fact_doc_at, v->n_facts + 1, v->len[C_FACT_DOC]))
    return FALSE;
  for (gsize i = 0; i < v->len[C_ENT_OUT]; i++)
    if (out->ent_out[i] >= v->n_facts)
      return FALSE;
  for (gsize i = 0; i < v->n_ents; i++)
    if (out->ent_class[i] < 0 || out->ent_class[i] >= NKG_CLASS_N)
      return FALSE;
  for (gsize i = 0; i < v->n_facts; i++)
    if (out->fact_subject[i] >= v->n_ents || out->fact_object[i] > v->n_ents
        || out->fact_prop[i] < 0 || out->fact_prop[i] >= NKG_PROP_N)
      return FALSE;
  return TRUE;
}

gboolean
nkg_snapshot_view_aliases (const NkgSnapshotView *v, gsize i, GPtrArray *out)
{
  if (i >= v->n_ents || !need_elem (v, C_ENT_NALIAS, i) || !need_elem (v, C_ENT_ALIAS_AT, i))
    return FALSE;
  guint32 n = u32_col (v, C_ENT_NALIAS)[i];
  guint64 at = u64_col (v, C_ENT_ALIAS_AT)[i];
  for (guint32 a = 0; a < n; a++)
    {
      const char *alias = NULL;
      if (!view_text (v, C_ENT_ALIAS, at, 0, &alias) || !alias)
        return FALSE;
      g_ptr_array_add (out, (gpointer) alias);
      at += strlen (alias) + 2;
    }
  return TRUE;
}

gsize
nkg_snapshot_view_n_docs (const NkgSnapshotView *v)
{
  return v->n_docs;
}

gsize
nkg_snapshot_view_n_quotes (const NkgSnapshotView *v)
{
  return v->n_quotes;
}

gboolean
nkg_snapshot_view_doc_date (const NkgSnapshotView *v, gsize i, const char **date)
{
  const char *t[4]; /* iri source title date */
  if (i >= v->n_docs || !item_texts (v, C_DOC_TEXT, C_DOC_TEXT_AT, i, G_N_ELEMENTS (t), t))
    return FALSE;
  *date = t[3];
  return TRUE;
}

guint32 *
nkg_snapshot_view_degrees (const NkgSnapshotView *v)
{
  static const int cols[] = { C_ENT_OUT_AT, C_ENT_OUT, C_ENT_IN_AT,
                              C_ENT_IN,     C_FACT_SUBJ, C_FACT_OBJ };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    if (!need_col (v, cols[i]))
      return NULL;
  const guint32 *out_at = v->col[C_ENT_OUT_AT], *out = v->col[C_ENT_OUT];
  const guint32 *in_at = v->col[C_ENT_IN_AT], *in = v->col[C_ENT_IN];
  const guint32 *subj = v->col[C_FACT_SUBJ], *obj = v->col[C_FACT_OBJ];
  if (!positions_ok (out_at, v->n_ents + 1, v->len[C_ENT_OUT])
      || !positions_ok (in_at, v->n_ents + 1, v->len[C_ENT_IN]))
    return NULL;
  for (gsize k = 0; k < v->len[C_ENT_OUT]; k++)
    if (out[k] >= v->n_facts)
      return NULL;
  for (gsize k = 0; k < v->len[C_ENT_IN]; k++)
    if (in[k] >= v->n_facts)
      return NULL;
  for (gsize f = 0; f < v->n_facts; f++)
    if (subj[f] >= v->n_ents || obj[f] > v->n_ents)
      return NULL;
  /* as nkg_query_degree: the distinct other ends of the facts going out
   * (literals aside) and coming in; seen[k] == i + 1 when counted for i */
  g_autofree guint32 *seen = g_new0 (guint32, v->n_ents ? v->n_ents : 1);
  guint32 *degree = g_new0 (guint32, v->n_ents ? v->n_ents : 1);
  for (gsize i = 0; i < v->n_ents; i++)
    {
      guint32 mark = (guint32) i + 1, n = 0;
      for (guint32 k = out_at[i]; k < out_at[i + 1]; k++)
        {
          guint32 o = obj[out[k]];
          if (o && o - 1 != i && seen[o - 1] != mark)
            {
              seen[o - 1] = mark;
              n++;
            }
        }
      for (guint32 k = in_at[i]; k < in_at[i + 1]; k++)
        {
          guint32 sj = subj[in[k]];
          if (sj != i && seen[sj] != mark)
            {
              seen[sj] = mark;
              n++;
            }
        }
      degree[i] = n;
    }
  return degree;
}

gsize
nkg_snapshot_view_n_keys (const NkgSnapshotView *v)
{
  return v->len[C_KEY_AT] - 1; /* at least one: checked with the view */
}

gboolean
nkg_snapshot_view_key (const NkgSnapshotView *v, gsize i, const char **key, const guint32 **ents,
                       gsize *n)
{
  const guint64 *at = u64_col (v, C_KEY_AT);
  const char *text = v->col[C_KEY_TEXT];
  if (i + 1 >= v->len[C_KEY_AT] || !need_elem (v, C_KEY_AT, i) || at[i] >= v->len[C_KEY_TEXT])
    return FALSE;
  gsize l = strlen (text + at[i]); /* the column ends with a NUL */
  if (!need (v, text + at[i], l + 1) || !g_utf8_validate_len (text + at[i], l, NULL)
      || !item_list (v, C_KEY_ENT_AT, C_KEY_ENT, i, ents, n))
    return FALSE;
  for (gsize k = 0; k < *n; k++)
    if ((*ents)[k] >= v->n_ents)
      return FALSE;
  *key = text + at[i];
  return TRUE;
}

gboolean
nkg_snapshot_view_find_key (const NkgSnapshotView *v, const char *key, const guint32 **ents,
                            gsize *n)
{
  *ents = NULL;
  *n = 0;
  gsize lo = 0, hi = v->len[C_KEY_AT] - 1;
  const guint64 *at = u64_col (v, C_KEY_AT);
  const char *text = v->col[C_KEY_TEXT];
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (!need_elem (v, C_KEY_AT, mid) || at[mid] >= v->len[C_KEY_TEXT]
          || !need (v, text + at[mid], strlen (text + at[mid]) + 1))
        return FALSE;
      int c = strcmp (text + at[mid], key);
      if (c == 0)
        {
          if (!item_list (v, C_KEY_ENT_AT, C_KEY_ENT, mid, ents, n))
            return FALSE;
          for (gsize k = 0; k < *n; k++)
            if ((*ents)[k] >= v->n_ents)
              return FALSE;
          return TRUE;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- neighbourhood */

static gint
cmp_u32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return x < y ? -1 : x > y;
}

/* Sorts `a` (indices below `bound`) and drops repeats. A hub's lists
 * repeat a lot (each of its conflicting facts lists all the others), so
 * when the indices are many for their range, through a bitmap of the
 * range rather than a comparison sort. */
static void
add_sorted_unique (GArray *a, gsize bound)
{
  if (!a->len)
    return;
  if (a->len >= 1024 && bound / 64 <= (gsize) a->len * 4)
    {
      gsize words = bound / 64 + 1;
      g_autofree guint64 *bits = g_new0 (guint64, words);
      for (guint i = 0; i < a->len; i++)
        {
          guint32 k = g_array_index (a, guint32, i);
          bits[k >> 6] |= G_GUINT64_CONSTANT (1) << (k & 63);
        }
      guint w = 0;
      for (gsize word = 0; word < words; word++)
        for (guint64 b = bits[word]; b; b &= b - 1)
          g_array_index (a, guint32, w++) = (guint32) (word * 64 + (gsize) __builtin_ctzll (b));
      g_array_set_size (a, w);
      return;
    }
  g_array_sort (a, (GCompareFunc) cmp_u32);
  guint w = 1;
  for (guint i = 1; i < a->len; i++)
    if (g_array_index (a, guint32, i) != g_array_index (a, guint32, w - 1))
      g_array_index (a, guint32, w++) = g_array_index (a, guint32, i);
  g_array_set_size (a, w);
}

static gboolean
append_list (const NkgSnapshotView *v, int at, int flat, gsize i, gsize bound, GArray *out)
{
  const guint32 *items;
  gsize n;
  if (!item_list (v, at, flat, i, &items, &n))
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (items[k] >= bound)
      return FALSE;
  g_array_append_vals (out, items, n);
  return TRUE;
}

/* Maps global indices (sorted, in `idx`) to the objects made for them. */
static gpointer
lookup_made (GArray *idx, GPtrArray *made, guint32 k)
{
  guint lo = 0, hi = idx->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 m = g_array_index (idx, guint32, mid);
      if (m == k)
        return made->pdata[mid];
      if (m < k)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* Fills `out` with the made objects of list `i` in `flat` (only those
 * made: a conflict's own conflicts may not be). */
static gboolean
take_made (const NkgSnapshotView *v, int at, int flat, gsize i, GArray *idx, GPtrArray *made,
           GPtrArray *out)
{
  const guint32 *items;
  gsize n;
  if (!item_list (v, at, flat, i, &items, &n))
    return FALSE;
  for (gsize k = 0; k < n; k++)
    {
      gpointer p = lookup_made (idx, made, items[k]);
      if (p)
        g_ptr_array_add (out, p);
    }
  return TRUE;
}

static char *
dup_item_text (const NkgSnapshotView *v, int text, int at, gsize i, guint skip, gboolean *bad)
{
  const char *s = NULL;
  if (!item_text (v, text, at, i, skip, &s))
    *bad = TRUE;
  return g_strdup (s);
}

static gboolean
is_core (const guint32 *core, gsize n, guint32 k)
{
  gsize lo = 0, hi = n;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (core[mid] == k)
        return TRUE;
      if (core[mid] < k)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* A small graph of the `core` entities (sorted indices, each once). With
 * WHOLE, each with its names, documents and quotes and its facts going
 * both ways and the facts they conflict with, which come with their
 * documents and (with EVIDENCE) evidence. Without, the entities have their names only,
 * and the facts are `only` (sorted indices, each once) without documents
 * or evidence. The entities at the facts' other ends have their names
 * only. Made in the snapshot's order, which
 * is the graph's. The made entities and facts, by index: *ents_out and
 * *ments_out, *facts_out and *mfacts_out (sorted indices; made objects in the same order).
 * NULL when damaged. */
static NkgGraph *
subgraph (const NkgSnapshotView *v, const guint32 *core, gsize n_core, gboolean whole,
          gboolean evidence, const guint32 *only, gsize n_only, GArray **ents_out, GPtrArray **ments_out, GArray **facts_out, GPtrArray **mfacts_out)
{
  for (gsize c = 0; c < n_core; c++)
    if (core[c] >= v->n_ents || (c && core[c] <= core[c - 1]))
      return NULL;
  for (gsize c = 0; c < n_only; c++)
    if (only[c] >= v->n_facts || (c && only[c] <= only[c - 1]))
      return NULL;
  g_autoptr (GArray) facts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) ents = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) evs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) docs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) quotes = g_array_new (FALSE, FALSE, sizeof (guint32));
  const guint32 *subj = u32_col (v, C_FACT_SUBJ), *obj = u32_col (v, C_FACT_OBJ);

  /* their facts (both ways, and the facts they conflict with) */
  for (gsize c = 0; whole && c < n_core; c++)
    if (!append_list (v, C_ENT_OUT_AT, C_ENT_OUT, core[c], v->n_facts, facts)
        || !append_list (v, C_ENT_IN_AT, C_ENT_IN, core[c], v->n_facts, facts))
      return NULL;
  if (!whole)
    g_array_append_vals (facts, only, n_only);
  guint own = facts->len;
  for (guint i = 0; whole && i < own; i++)
    if (!append_list (v, C_FACT_CF_AT, C_FACT_CF, g_array_index (facts, guint32, i), v->n_facts,
                      facts))
      return NULL;
  add_sorted_unique (facts, v->n_facts);
  g_array_append_vals (ents, core, n_core);
  for (guint i = 0; i < facts->len; i++)
    {
      guint32 f = g_array_index (facts, guint32, i);
      if (!need_elem (v, C_FACT_SUBJ, f) || !need_elem (v, C_FACT_OBJ, f) || subj[f] >= v->n_ents
          || obj[f] > v->n_ents)
        return NULL;
      g_array_append_val (ents, subj[f]);
      if (obj[f])
        {
          guint32 o = obj[f] - 1;
          g_array_append_val (ents, o);
        }
      if (whole && evidence
          && (!append_list (v, C_FACT_DOC_AT, C_FACT_DOC, f, v->n_docs, docs)
              || !append_list (v, C_FACT_EV_AT, C_FACT_EV, f, v->n_ev, evs)))
        return NULL;
    }
  add_sorted_unique (ents, v->n_ents);
  add_sorted_unique (evs, v->n_ev);
  const guint32 *evdoc = u32_col (v, C_EV_DOC);
  for (guint i = 0; i < evs->len; i++)
    {
      guint32 e = g_array_index (evs, guint32, i);
      if (!need_elem (v, C_EV_DOC, e) || !need_elem (v, C_EV_START, e)
          || !need_elem (v, C_EV_END, e))
        return NULL;
      guint32 d = evdoc[e];
      if (d > v->n_docs)
        return NULL;
      if (d)
        {
          d--;
          g_array_append_val (docs, d);
        }
    }
  for (gsize c = 0; whole && c < n_core; c++)
    if (!append_list (v, C_ENT_QUOTE_AT, C_ENT_QUOTE, core[c], v->n_quotes, quotes)
        || !append_list (v, C_ENT_DOC_AT, C_ENT_DOC, core[c], v->n_docs, docs))
      return NULL;
  add_sorted_unique (quotes, v->n_quotes);
  for (guint i = 0; i < quotes->len; i++)
    if (!append_list (v, C_QUOTE_DOC_AT, C_QUOTE_DOC, g_array_index (quotes, guint32, i),
                      v->n_docs, docs))
      return NULL;
  add_sorted_unique (docs, v->n_docs);

  /* made in the snapshot's order, which is the graph's */
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  gboolean bad = FALSE;
  const char *base = NULL, *version = NULL;
  if (!view_text (v, C_GRAPH_TEXT, 0, 0, &base) || !view_text (v, C_GRAPH_TEXT, 0, 1, &version)
      || !base || !version)
    return NULL;
  g_free (g->base);
  g->base = g_strdup (base);
  g_free (g->version);
  g->version = g_strdup (version);

  /* Items are made straight into the graph's arrays, not interned by
   * IRI: the indices are increasing, so their IRIs must be too (checked:
   * a snapshot whose are not is damaged), which also makes them unique. */
  g_autoptr (GPtrArray) mdocs = g_ptr_array_sized_new (docs->len);
  const char *prev = NULL;
  for (guint i = 0; i < docs->len; i++)
    {
      guint32 k = g_array_index (docs, guint32, i);
      const char *t[8];
      if (!item_texts (v, C_DOC_TEXT, C_DOC_TEXT_AT, k, G_N_ELEMENTS (t), t) || !t[0]
          || (prev && strcmp (prev, t[0]) >= 0))
        return NULL;
      prev = t[0];
      NkgDoc *d = g_new0 (NkgDoc, 1);
      d->iri = g_strdup (t[0]);
      g_ptr_array_add (g->docs, d);
      char **fields[] = { &d->source, &d->title, &d->date, &d->sha256,
                          &d->url, &d->format, &d->language };
      /* a card without evidence prints a document's source, title and
       * date only (a hub has tens of thousands) */
      gsize n_fields = whole && !evidence ? 3 : G_N_ELEMENTS (fields);
      for (gsize f = 0; f < n_fields; f++)
        *fields[f] = g_strdup (t[1 + f]);
      g_ptr_array_add (mdocs, d);
    }

  g_autoptr (GPtrArray) mevs = g_ptr_array_sized_new (evs->len);
  for (guint i = 0; i < evs->len; i++)
    {
      guint32 k = g_array_index (evs, guint32, i);
      g_autofree char *iri = dup_item_text (v, C_EV_TEXT, C_EV_TEXT_AT, k, 0, &bad);
      g_autofree char *text = dup_item_text (v, C_EV_TEXT, C_EV_TEXT_AT, k, 1, &bad);
      if (bad || !iri)
        return NULL;
      NkgDoc *d = evdoc[k] ? lookup_made (docs, mdocs, evdoc[k] - 1) : NULL;
      g_ptr_array_add (mevs, nkg_graph_add_evidence (g, iri, d, u32_col (v, C_EV_START)[k],
                                                     u32_col (v, C_EV_END)[k], text));
    }

  g_autoptr (GPtrArray) ments = g_ptr_array_sized_new (ents->len);
  for (guint i = 0; i < ents->len; i++)
    {
      guint32 k = g_array_index (ents, guint32, i);
      const char *iri, *name;
      NkgClass klass;
      guint mentions;
      if (!nkg_snapshot_view_entity (v, k, &iri, &name, &klass, &mentions)
          || (i && strcmp (prev, iri) >= 0))
        return NULL;
      prev = iri;
      NkgEntity *e = nkg_graph_entity_new (klass);
      e->iri = g_strdup (iri);
      g_ptr_array_add (g->entities, e);
      e->name = g_strdup (name);
      e->mention_count = mentions;
      if (!need_elem (v, C_ENT_NALIAS, k) || !need_elem (v, C_ENT_ALIAS_AT, k))
        return NULL;
      /* a card names the entities at the other ends, never their aliases */
      guint32 nalias = !whole || is_core (core, n_core, k) ? u32_col (v, C_ENT_NALIAS)[k] : 0;
      guint64 at = u64_col (v, C_ENT_ALIAS_AT)[k];
      for (guint32 a = 0; a < nalias; a++)
        {
          const char *alias = NULL;
          if (!view_text (v, C_ENT_ALIAS, at, 0, &alias) || !alias)
            return NULL;
          g_ptr_array_add (e->aliases, g_strdup (alias));
          at += strlen (alias) + 2;
        }
      /* documents only for the core entities: the others are names */
      if (whole && is_core (core, n_core, k)
          && !take_made (v, C_ENT_DOC_AT, C_ENT_DOC, k, docs, mdocs, e->docs))
        return NULL;
      g_ptr_array_add (ments, e);
    }

  const gint32 *prop = v->col[C_FACT_PROP];
  const double *conf = v->col[C_FACT_CONF];
  const guint32 *flags = u32_col (v, C_FACT_FLAGS);
  g_autoptr (GPtrArray) mfacts = g_ptr_array_sized_new (facts->len);
  for (guint i = 0; i < facts->len; i++)
    {
      guint32 k = g_array_index (facts, guint32, i);
      const char *t[2];
      if (!item_texts (v, C_FACT_TEXT, C_FACT_TEXT_AT, k, 2, t))
        return NULL;
      g_autofree char *iri = g_strdup (t[0]);
      const char *literal = t[1];
      if (!iri || !need_elem (v, C_FACT_PROP, k) || !need_elem (v, C_FACT_CONF, k)
          || !need_elem (v, C_FACT_FLAGS, k) || prop[k] < 0 || prop[k] >= NKG_PROP_N
          || (obj[k] != 0) == (literal != NULL))
        return NULL;
      NkgFact *f = nkg_graph_new_fact (g, lookup_made (ents, ments, subj[k]), (NkgProp) prop[k],
                                       obj[k] ? lookup_made (ents, ments, obj[k] - 1) : NULL,
                                       literal);
      f->iri = g_steal_pointer (&iri);
      f->confidence = conf[k];
      f->gazetteer = (flags[k] & 1) != 0;
      if (whole && evidence
          && (!take_made (v, C_FACT_DOC_AT, C_FACT_DOC, k, docs, mdocs, f->docs)
              || !take_made (v, C_FACT_EV_AT, C_FACT_EV, k, evs, mevs, f->evidence)))
        return NULL;
      g_ptr_array_add (mfacts, f);
    }
  for (guint i = 0; i < facts->len; i++)
    if (!take_made (v, C_FACT_CF_AT, C_FACT_CF, g_array_index (facts, guint32, i), facts, mfacts,
                    nkg_fact_conflicts_mut (mfacts->pdata[i])))
      return NULL;

  const guint32 *speaker = u32_col (v, C_QUOTE_SPEAKER);
  for (guint i = 0; i < quotes->len; i++)
    {
      guint32 k = g_array_index (quotes, guint32, i);
      g_autofree char *iri = dup_item_text (v, C_QUOTE_TEXT, C_QUOTE_TEXT_AT, k, 0, &bad);
      g_autofree char *text = dup_item_text (v, C_QUOTE_TEXT, C_QUOTE_TEXT_AT, k, 1, &bad);
      if (bad || !iri || !text || !need_elem (v, C_QUOTE_SPEAKER, k)
          || !is_core (core, n_core, speaker[k]))
        return NULL;
      NkgQuote *q = g_new0 (NkgQuote, 1);
      q->iri = g_steal_pointer (&iri);
      q->speaker = lookup_made (ents, ments, speaker[k]);
      q->text = g_steal_pointer (&text);
      q->docs = g_ptr_array_new ();
      g_ptr_array_add (g->quotes, q);
      if (!take_made (v, C_QUOTE_DOC_AT, C_QUOTE_DOC, k, docs, mdocs, q->docs))
        return NULL;
    }
  nkg_graph_index_finished (g);
  /* A card without evidence only counts each fact's documents: its list
   * holds as many NULLs (set after the index, which sorts the lists). */
  for (guint i = 0; whole && !evidence && i < facts->len; i++)
    {
      const guint32 *items;
      gsize n;
      if (!item_list (v, C_FACT_DOC_AT, C_FACT_DOC, g_array_index (facts, guint32, i), &items,
                      &n))
        return NULL;
      g_ptr_array_set_size (((NkgFact *) mfacts->pdata[i])->docs, (guint) n);
    }
  *ents_out = g_steal_pointer (&ents);
  *ments_out = g_steal_pointer (&ments);
  *facts_out = g_steal_pointer (&facts);
  *mfacts_out = g_steal_pointer (&mfacts);
  return g_steal_pointer (&g);
}

NkgGraph *
nkg_snapshot_view_neighbourhood (const NkgSnapshotView *v, gsize ent, gboolean evidence,
                                 NkgEntity **entity)
{
  *entity = NULL;
  if (ent >= v->n_ents)
    return NULL;
  guint32 core = (guint32) ent;
  g_autoptr (GArray) ents = NULL;
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GPtrArray) ments = NULL;
  g_autoptr (GPtrArray) mfacts = NULL;
  NkgGraph *g = subgraph (v, &core, 1, TRUE, evidence, NULL, 0, &ents, &ments, &facts, &mfacts);
  if (g)
    *entity = lookup_made (ents, ments, core);
  return g;
}

NkgGraph *
nkg_snapshot_view_subgraph (const NkgSnapshotView *v, const guint32 *core, gsize n,
                            const guint32 *only, gsize n_only, GPtrArray **entities,
                            GHashTable **facts)
{
  *entities = NULL;
  *facts = NULL;
  g_autoptr (GArray) ents = NULL;
  g_autoptr (GArray) fidx = NULL;
  g_autoptr (GPtrArray) ments = NULL;
  g_autoptr (GPtrArray) mfacts = NULL;
  g_autoptr (NkgGraph) g
    = subgraph (v, core, n, FALSE, FALSE, only, n_only, &ents, &ments, &fidx, &mfacts);
  if (!g)
    return NULL;
  GPtrArray *made = g_ptr_array_sized_new (n);
  for (gsize c = 0; c < n; c++)
    g_ptr_array_add (made, lookup_made (ents, ments, core[c]));
  GHashTable *by_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < fidx->len; i++)
    g_hash_table_insert (by_index, GUINT_TO_POINTER (g_array_index (fidx, guint32, i) + 1),
                         mfacts->pdata[i]);
  *entities = made;
  *facts = by_index;
  return g_steal_pointer (&g);
}

NkgSnapshotView *
nkg_snapshot_view_load (const char *snap_path, const char *turtle_path)
{
  Mapped m;
  if (!map_if_stamped (snap_path, turtle_path, &m))
    return NULL;
  NkgSourceSum job;
  sum_start (&job, &m, turtle_path);
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_new (m.bytes, NULL);
  gboolean ok = sum_confirms (&job, v != NULL, &m, snap_path);
  mapped_clear (&m);
  return ok ? g_steal_pointer (&v) : NULL;
}
