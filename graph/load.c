/* load.c — Turtle → NkgGraph; see load.h.
 *
 * Reading: first the fast reader of newskg's own layout (the "fast
 * path" section below), which gives up on anything else; then serd (a
 * streaming Turtle reader, several times faster than Raptor's parser,
 * which also holds the whole file in memory). Whatever serd and Raptor could read differently goes to
 * Raptor instead, from the start, so that the graph is always the one
 * Raptor's triples make: blank nodes (Raptor names them genidN), relative
 * IRIs (resolved against the base), IRIs with dot segments (Raptor
 * removes them), and anything serd refuses (Raptor then either reads it
 * or reports the error, with its line number, as it always did).
 *
 * Two passes: the reader streams every triple into a flat table, then the
 * table is read by subject into documents, evidence, entities, statements
 * and quotes (the second pass, and most of what follows it, on two threads
 * that touch different things: the first command on a large graph is
 * mostly this, and it left a core idle). Relation triples without a statement node still become facts
 * (support from the mentioning documents is unknown, so zero documents).
 * Version 1 graphs, whose evidence was a bare string, still load: each
 * sentence becomes evidence without document or offsets.
 */
#include "load.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <raptor2.h>
#include <serd/serd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

#include "raptor-lazy.h"

G_DEFINE_QUARK (nkg-load-error-quark, nkg_load_error)

/* Files from this size on are read in two halves at once (when they can
 * be; see read_with_serd_split). */
#define NKG_LOAD_SPLIT_BYTES (8u << 20)

typedef struct {
  char *s, *p, *o;
  gboolean o_is_literal;
} Triple;

/* Large tables in transparent huge pages where the kernel offers them
 * on request (the usual "madvise" setting): a 2 MiB page is one page fault
 * instead of 512, and one TLB entry for the random reads of a hash table.
 * Faulting in fresh 4 KiB pages was the largest single cost of reading a
 * large graph (a sixth of the CPU in the kernel's fault path). Only a
 * hint: the memory is the same without it. */
#define HUGE_PAGE ((guintptr) 2 << 20)

static void
huge_hint (gpointer p, gsize len)
{
#ifdef MADV_HUGEPAGE
  guintptr from = ((guintptr) p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  guintptr to = ((guintptr) p + len) & ~(HUGE_PAGE - 1);
  if (to > from)
    madvise ((void *) from, to - from, MADV_HUGEPAGE);
#else
  (void) p;
  (void) len;
#endif
}

/* Every term string once: equal strings are one pointer, so the tables of
 * build() compare and hash pointers. Open addressing on XXH3. */
typedef struct {
  guint64 hash;
  const char *s;
  gsize len;
} Slot;

/* The strings live in blocks that are only ever added to, so that a
 * string is copied once, straight from the input, and the blocks of one
 * table can be handed to another (merge_part). */
typedef struct {
  GPtrArray *blocks; /* g_free'd */
  char *free_at;     /* in the last block */
  gsize left;
  Slot *slots;
  gsize mask, used;
} Interned;

#define INTERNED_BLOCK ((gsize) 8 << 20)

static void
interned_init (Interned *in)
{
  in->blocks = g_ptr_array_new_with_free_func (g_free);
  in->free_at = NULL;
  in->left = 0;
  in->mask = (1 << 12) - 1;
  in->slots = g_new0 (Slot, in->mask + 1);
  in->used = 0;
}

static void
interned_clear (Interned *in)
{
  g_ptr_array_unref (in->blocks);
  g_free (in->slots);
}

/* n bytes from the blocks */
static char *
interned_alloc (Interned *in, gsize n)
{
  if (n > in->left)
    {
      gsize size = MAX (n, INTERNED_BLOCK);
      in->free_at = g_malloc (size);
      huge_hint (in->free_at, size);
      in->left = size;
      g_ptr_array_add (in->blocks, in->free_at);
    }
  char *at = in->free_at;
  in->free_at += n;
  in->left -= n;
  return at;
}

/* The slot of (s, len, h): its string, or the empty slot it goes to. */
static Slot *
interned_slot (Interned *in, const char *s, gsize len, guint64 h)
{
  for (gsize i = h & in->mask;; i = (i + 1) & in->mask)
    {
      Slot *x = &in->slots[i];
      if (!x->s || (x->hash == h && x->len == len && memcmp (x->s, s, len) == 0))
        return x;
    }
}

/* Room for one more string: the table is kept at most half full. */
static void
interned_grow (Interned *in)
{
  if (++in->used * 2 > in->mask)
    {
      gsize n = (in->mask + 1) * 2;
      Slot *old = in->slots, *end = old + in->mask + 1;
      in->slots = g_new0 (Slot, n);
      huge_hint (in->slots, n * sizeof (Slot));
      in->mask = n - 1;
      for (Slot *o = old; o < end; o++)
        if (o->s)
          *interned_slot (in, o->s, o->len, o->hash) = *o;
      g_free (old);
    }
}

/* `s` (len bytes, no NUL among them, hash h) interned. Each string is
 * stored after 8 bytes, zero at first, that the fast reader uses while it
 * reads (fast_mark) and merge_part() after. */
static const char *
interned_add_h (Interned *in, const char *s, gsize len, guint64 h)
{
  Slot *x = interned_slot (in, s, len, h);
  if (x->s)
    return x->s;
  gsize before = in->mask;
  interned_grow (in);
  if (in->mask != before)
    x = interned_slot (in, s, len, h);
  char *at = interned_alloc (in, len + 9);
  memset (at, 0, 8);
  memcpy (at + 8, s, len);
  at[8 + len] = '\0';
  *x = (Slot){ h, at + 8, len };
  return x->s;
}

static const char *
interned_add (Interned *in, const char *s, gsize len)
{
  return interned_add_h (in, s, len, XXH3_64bits (s, len));
}

/* `s` if it was interned, else NULL. */
static const char *
interned_find (Interned *in, const char *s)
{
  gsize len = strlen (s);
  return interned_slot (in, s, len, XXH3_64bits (s, len))->s;
}

typedef struct {
  GArray *triples;
  GArray *more; /* a split read's second half: the triples after these, or NULL */
  Interned interned;
  GString *error;
  int error_line;
  /* serd only */
  SerdEnv *env;
  GString *scratch;
  gboolean give_up; /* serd met something Raptor must read */
  gboolean seen_triple, late_prefix; /* a prefix directive after a triple */
  gboolean stop_at_first, stopped;   /* read only the directives before it */
  /* The last subject's and predicate's node as serd gave it and what it
   * became: a run of triples about one subject (or objects of one
   * predicate) costs one expansion and one lookup. */
  struct {
    GString *raw;
    SerdType type;
    const char *term;
  } last[2];
} Reader;

/* Terms are C strings: a term with a NUL (from "\u0000") ends there. */
static const char *
intern (Reader *r, const char *s)
{
  return interned_add (&r->interned, s, strlen (s));
}

/* Interned, and valid UTF-8: Turtle must be UTF-8, but Raptor passes
 * other bytes through (and serd lets "\uD800" through), and everything
 * printed (JSON above all) relies on it. Bytes that are not are repaired
 * with U+FFFD. */
static const char *
intern_utf8 (Reader *r, const char *s)
{
  gsize len = strlen (s);
  /* ASCII, 8 bytes at a time, before GLib's validation of the rest */
  gsize i = 0;
  for (guint64 w; i + 8 <= len; i += 8)
    {
      memcpy (&w, s + i, 8);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  if (g_utf8_validate (s + i, (gssize) (len - i), NULL))
    return interned_add (&r->interned, s, len);
  g_autofree char *fixed = g_utf8_make_valid (s, (gssize) len);
  return intern (r, fixed);
}

static const char *
term_string (Reader *r, raptor_term *t, gboolean *literal)
{
  *literal = FALSE;
  switch (t->type)
    {
    case RAPTOR_TERM_TYPE_URI:
      return intern_utf8 (r, (const char *) raptor_uri_as_string (t->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
      {
        g_autofree char *b = g_strdup_printf ("_:%s", t->value.blank.string);
        return intern (r, b);
      }
    case RAPTOR_TERM_TYPE_LITERAL:
      *literal = TRUE;
      return intern_utf8 (r, (const char *) t->value.literal.string);
    default:
      return intern (r, "");
    }
}

static void
on_statement (void *data, raptor_statement *st)
{
  Reader *r = data;
  Triple t;
  gboolean lit;
  t.s = (char *) term_string (r, st->subject, &lit);
  t.p = (char *) term_string (r, st->predicate, &lit);
  t.o = (char *) term_string (r, st->object, &t.o_is_literal);
  g_array_append_val (r->triples, t);
}

static void
on_log (void *data, raptor_log_message *msg)
{
  Reader *r = data;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR || r->error->len)
    return;
  g_string_append (r->error, msg->text ? msg->text : "parse error");
  r->error_line = msg->locator ? raptor_locator_line (msg->locator) : -1;
}

/* serd's node as Raptor would give it, interned; NULL when only Raptor
 * can say (see the top of the file). */

/* Whether an IRI may hold a dot segment, which Raptor removes and serd
 * keeps: "/." anywhere covers "/./", "/../", a final "/." or "/.." (and
 * a few harmless names too); a path right after the scheme may start with
 * one ("https:./x", "urn:../x"). */
static gboolean
iri_may_have_dot_segment (const char *s, gsize len)
{
  const char *colon = memchr (s, ':', len);
  if (colon && colon + 1 < s + len && colon[1] == '.')
    return TRUE;
  for (gsize j = 0; j + 1 < len; j++)
    if (s[j] == '/' && s[j + 1] == '.')
      return TRUE;
  return FALSE;
}

static const char *
serd_term (Reader *r, const SerdNode *n, gboolean *literal)
{
  *literal = FALSE;
  const char *iri;
  switch (n->type)
    {
    case SERD_LITERAL:
      *literal = TRUE;
      return intern_utf8 (r, (const char *) n->buf);
    case SERD_URI:
      if (!serd_uri_string_has_scheme (n->buf))
        return NULL;
      iri = (const char *) n->buf;
      break;
    case SERD_CURIE:
      {
        SerdChunk pre, suf;
        if (serd_env_expand (r->env, n, &pre, &suf) != SERD_SUCCESS)
          return NULL;
        g_string_truncate (r->scratch, 0);
        g_string_append_len (r->scratch, (const char *) pre.buf, (gssize) pre.len);
        g_string_append_len (r->scratch, (const char *) suf.buf, (gssize) suf.len);
        iri = r->scratch->str;
        break;
      }
    default: /* blank nodes */
      return NULL;
    }
  if (iri_may_have_dot_segment (iri, strlen (iri)))
    return NULL;
  return intern_utf8 (r, iri);
}

/* serd_term of a subject (slot 0) or predicate (slot 1), remembered. */
static const char *
serd_term_again (Reader *r, int slot, const SerdNode *n)
{
  GString *raw = r->last[slot].raw;
  if (r->last[slot].term && r->last[slot].type == n->type && raw->len == n->n_bytes
      && memcmp (raw->str, n->buf, raw->len) == 0)
    return r->last[slot].term;
  gboolean lit;
  const char *t = serd_term (r, n, &lit);
  if (lit)
    return NULL; /* not Turtle: Raptor says so */
  g_string_truncate (raw, 0);
  g_string_append_len (raw, (const char *) n->buf, (gssize) n->n_bytes);
  r->last[slot].type = n->type;
  r->last[slot].term = t;
  return t;
}

static SerdStatus
on_serd_statement (void *data, SerdStatementFlags flags, const SerdNode *graph,
                   const SerdNode *subject, const SerdNode *predicate, const SerdNode *object,
                   const SerdNode *datatype, const SerdNode *lang)
{
  (void) lang;
  Reader *r = data;
  Triple t;
  if (r->stop_at_first)
    {
      r->stopped = TRUE;
      return SERD_ERR_BAD_ARG;
    }
  r->seen_triple = TRUE;
  /* The graph keeps no datatype, but serd hands a prefixed one over
   * unexpanded: one whose prefix was never declared is not Turtle. */
  SerdChunk dt_pre, dt_suf;
  if (r->give_up || flags || graph
      || (datatype && datatype->type == SERD_CURIE
          && serd_env_expand (r->env, datatype, &dt_pre, &dt_suf) != SERD_SUCCESS)
      || !(t.s = (char *) serd_term_again (r, 0, subject))
      || !(t.p = (char *) serd_term_again (r, 1, predicate))
      || !(t.o = (char *) serd_term (r, object, &t.o_is_literal)))
    {
      r->give_up = TRUE;
      return SERD_ERR_BAD_ARG; /* stops the reader */
    }
  g_array_append_val (r->triples, t);
  return SERD_SUCCESS;
}

static SerdStatus
on_serd_prefix (void *data, const SerdNode *name, const SerdNode *uri)
{
  Reader *r = data;
  /* a relative namespace would be resolved against the base */
  if (r->give_up || !serd_uri_string_has_scheme (uri->buf))
    {
      r->give_up = TRUE;
      return SERD_ERR_BAD_ARG;
    }
  r->late_prefix = r->late_prefix || r->seen_triple;
  /* the same CURIE may now mean another IRI */
  r->last[0].term = r->last[1].term = NULL;
  return serd_env_set_prefix (r->env, name, uri);
}

static SerdStatus
on_serd_error (void *data, const SerdError *e)
{
  (void) e;
  ((Reader *) data)->give_up = TRUE; /* Raptor reports it, or reads it */
  return SERD_SUCCESS;
}

/* At most `left` bytes of a file, for serd. */
typedef struct {
  FILE *fh;
  guint64 left;
} Bounded;

static size_t
bounded_read (void *buf, size_t size, size_t nmemb, void *stream)
{
  Bounded *b = stream;
  if (size == 0)
    return 0;
  size_t n = (size_t) MIN ((guint64) nmemb, b->left / size);
  size_t got = fread (buf, size, n, b->fh);
  b->left -= (guint64) got * size;
  return got;
}

static int
bounded_error (void *stream)
{
  return ferror (((Bounded *) stream)->fh);
}

static SerdStatus
copy_prefix (void *data, const SerdNode *name, const SerdNode *uri)
{
  return serd_env_set_prefix (data, name, uri);
}

/* TRUE when serd read `left` bytes of `fh` (from where it stands) into
 * r->triples, starting with the prefixes of `start` (when not NULL);
 * FALSE (and some triples perhaps) when Raptor must read it. `keep_env`
 * (when not NULL) gets the prefixes at the end. */
static gboolean
read_with_serd (Reader *r, FILE *fh, guint64 left, SerdEnv *start, SerdEnv **keep_env,
                const char *path)
{
  r->env = serd_env_new (NULL);
  if (start)
    serd_env_foreach (start, copy_prefix, r->env);
  r->scratch = g_string_new (NULL);
  r->give_up = r->seen_triple = r->late_prefix = r->stopped = FALSE;
  for (int i = 0; i < 2; i++)
    {
      r->last[i].raw = g_string_new (NULL);
      r->last[i].term = NULL;
    }
  SerdReader *reader = serd_reader_new (SERD_TURTLE, r, NULL, NULL, on_serd_prefix,
                                        on_serd_statement, NULL);
  serd_reader_set_strict (reader, TRUE);
  serd_reader_set_error_sink (reader, on_serd_error, r);
  Bounded b = { fh, left };
  SerdStatus st = serd_reader_read_source (reader, bounded_read, bounded_error, &b,
                                           (const uint8_t *) path, 4096);
  serd_reader_free (reader);
  if (keep_env)
    *keep_env = r->env;
  else
    serd_env_free (r->env);
  r->env = NULL;
  g_string_free (r->scratch, TRUE);
  r->scratch = NULL;
  for (int i = 0; i < 2; i++)
    g_string_free (r->last[i].raw, TRUE);
  return st == SERD_SUCCESS && !r->give_up && !ferror (fh);
}

static void
reader_init (Reader *r)
{
  *r = (Reader) { .triples = g_array_new (FALSE, FALSE, sizeof (Triple)),
                  .error = g_string_new (NULL),
                  .error_line = -1 };
  interned_init (&r->interned);
}

/* Room for the triples of `bytes` of Turtle, so that the table is not
 * copied as it grows (newskg's Turtle has ~42 bytes per triple; pages
 * never written are never resident). */
static void
reader_reserve (Reader *r, guint64 bytes)
{
  guint64 n = MIN (bytes / 32 + 1024, (guint64) G_MAXUINT / 2);
  g_array_unref (r->triples);
  r->triples = g_array_sized_new (FALSE, FALSE, sizeof (Triple), (guint) n);
  huge_hint (r->triples->data, (gsize) n * sizeof (Triple));
}

/* No triples: a reading that failed starts again. */
static void
reader_drop_triples (Reader *r)
{
  g_array_set_size (r->triples, 0);
  g_clear_pointer (&r->more, g_array_unref);
}

static void
reader_clear (Reader *r)
{
  g_array_unref (r->triples);
  g_clear_pointer (&r->more, g_array_unref);
  interned_clear (&r->interned);
  g_string_free (r->error, TRUE);
}

/* The second half of a split read, on its own thread. */
typedef struct {
  Reader r;
  FILE *fh;
  guint64 left;
  SerdEnv *start;
  const char *path;
  gboolean ok;
} Part;

static gpointer
part_thread (gpointer data)
{
  Part *p = data;
  p->ok = read_with_serd (&p->r, p->fh, p->left, p->start, NULL, p->path);
  return NULL;
}

static const char *
remapped (const char *s)
{
  const char *to;
  memcpy (&to, s - 8, sizeof to);
  return to;
}

/* b's triples after r's (as r->more), their strings interned in r: a
 * string r has already is r's, any other stays where b put it, its block
 * handed over to r. Neither the strings nor the triples are copied. */
static void
merge_part (Reader *r, Reader *b)
{
  Interned *in = &b->interned, *to_in = &r->interned;
  for (gsize i = 0; i <= in->mask; i++)
    {
      Slot *x = &in->slots[i];
      if (!x->s)
        continue;
      Slot *y = interned_slot (to_in, x->s, x->len, x->hash);
      if (!y->s)
        {
          gsize before = to_in->mask;
          interned_grow (to_in);
          if (to_in->mask != before)
            y = interned_slot (to_in, x->s, x->len, x->hash);
          *y = *x;
        }
      const char *to = y->s;
      memcpy ((char *) x->s - 8, &to, sizeof to);
    }
  for (guint i = 0; i < in->blocks->len; i++)
    g_ptr_array_add (to_in->blocks, in->blocks->pdata[i]);
  g_ptr_array_set_free_func (in->blocks, NULL);
  g_ptr_array_set_size (in->blocks, 0);
  g_ptr_array_set_free_func (in->blocks, g_free);
  for (guint i = 0; i < b->triples->len; i++)
    {
      Triple *t = &g_array_index (b->triples, Triple, i);
      t->s = (char *) remapped (t->s);
      t->p = (char *) remapped (t->p);
      t->o = (char *) remapped (t->o);
    }
  g_assert (!r->more && !b->more);
  r->more = b->triples;
  b->triples = g_array_new (FALSE, FALSE, sizeof (Triple));
}

/* The first ".\n" after the middle of the file, and the offset after it;
 * 0 when there is none in the next MiB. */
static guint64
split_point (FILE *fh, guint64 size)
{
  guint64 mid = size / 2;
  if (mid < 2 || fseeko (fh, (off_t) (mid - 1), SEEK_SET) != 0)
    return 0;
  g_autofree char *buf = g_malloc (1 << 20);
  size_t got = fread (buf, 1, 1 << 20, fh);
  for (size_t i = 1; i < got; i++)
    if (buf[i] == '\n' && buf[i - 1] == '.')
      return mid - 1 + i + 1;
  return 0;
}

/* serd reading the two halves of the file at once, each into its own
 * table, joined in order. The split is right after a ".\n" past the
 * middle; it is taken only when it is a true statement boundary, which
 * the first half's strict reading proves: ending there cleanly means no
 * statement, string or IRI was open (serd reports a statement or long
 * string cut short by the end of its input). The second half starts with
 * the prefixes declared before the first triple, and the split is taken
 * only when the first half declared none after it. FALSE when not taken
 * (r->triples then holds anything). */
static gboolean
read_with_serd_split (Reader *r, const char *path, guint64 size)
{
  /* the prefixes before the first triple */
  SerdEnv *head = NULL;
  Reader hr;
  reader_init (&hr);
  hr.stop_at_first = TRUE;
  FILE *fh = fopen (path, "rb");
  if (fh)
    {
      read_with_serd (&hr, fh, G_MAXUINT64, NULL, &head, path);
      fclose (fh);
    }
  gboolean ok = hr.stopped;
  reader_clear (&hr);
  FILE *fa = ok ? fopen (path, "rb") : NULL;
  FILE *fb = fa ? fopen (path, "rb") : NULL;
  guint64 at = fb ? split_point (fb, size) : 0;
  ok = at > 0 && at < size && fseeko (fb, (off_t) at, SEEK_SET) == 0;
  if (ok)
    {
      Part b = { .fh = fb, .left = size - at, .start = head, .path = path };
      reader_init (&b.r);
      reader_reserve (&b.r, size - at);
      GThread *t = g_thread_try_new ("nkg-turtle", part_thread, &b, NULL);
      if (t)
        {
          ok = read_with_serd (r, fa, at, NULL, NULL, path);
          g_thread_join (t);
          ok = ok && b.ok && r->seen_triple && !r->late_prefix;
          if (ok)
            merge_part (r, &b.r);
        }
      else
        ok = FALSE;
      reader_clear (&b.r);
    }
  if (fa)
    fclose (fa);
  if (fb)
    fclose (fb);
  if (head)
    serd_env_free (head);
  return ok;
}

/* ------------------------------------------------------------ fast path
 *
 * The Turtle newskg writes is regular: prefix directives first, then one
 * subject block after another (`<iri>` or prefix:local, predicates as
 * prefix:local or `a`, objects as <iri>, "string", """long string""",
 * a bare number, a typed or tagged string). A reader for exactly that
 * subset reads the mapped file several times faster than serd; anything
 * outside it (blank nodes, collections, @base, a prefix declared after
 * the first triple, \u escapes, relative IRIs, dot segments, bytes that
 * are not UTF-8, a NUL, single quotes, booleans, exponents …) makes it
 * give up, and the file is read by serd (else Raptor) from the start, as
 * before. Inside the subset every term is the string serd gives for it,
 * so the triples, and the graph, are the same (tests/test-load.c and
 * fuzz-turtle compare the snapshots). */

typedef struct {
  char *name; /* the prefix, without ':' */
  gsize name_len;
  char *ns;
  gsize ns_len;
} FastPrefix;

typedef struct {
  const char *p, *end;
  GArray *prefixes; /* FastPrefix; read only while the halves are read */
  Reader *r;
  GString *buf;     /* an unescaped string or an expanded name */
  const char *rdf_type;
  Interned pnames; /* prefixed names as written; see fast_mark */
  guint n;         /* triples written: r->triples is longer while reading */
  const char *kept; /* mapped pages from here on are still resident */
} Fast;

static gboolean
fast_is_ws (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static void
fast_skip_ws (Fast *f)
{
  for (;;)
    {
      while (f->p < f->end && fast_is_ws (*f->p))
        f->p++;
      if (f->p < f->end && *f->p == '#')
        {
          while (f->p < f->end && *f->p != '\n' && *f->p != '\r')
            f->p++;
          continue;
        }
      return;
    }
}

/* What ends a term: white space, a comment, or punctuation. */
static gboolean
fast_term_end (const Fast *f)
{
  if (f->p >= f->end)
    return FALSE; /* a term cut short by the end of a half */
  char c = *f->p;
  return fast_is_ws (c) || c == ',' || c == ';' || c == '.' || c == '#';
}

/* Bytes serd (strict) takes in an IRIREF without escapes, as they are. */
static gboolean iri_ok[256];

static void
fast_classes_init (void)
{
  static gsize done;
  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0x21; c < 256; c++)
    iri_ok[c] = !strchr ("<>\"{}|^`\\", (int) c);
  g_once_init_leave (&done, 1);
}

static gboolean
fast_valid_utf8 (const char *s, gsize len)
{
  gsize i = 0;
  for (guint64 w; i + 8 <= len; i += 8)
    {
      memcpy (&w, s + i, 8);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  return g_utf8_validate_len (s + i, len - i, NULL);
}

/* An absolute IRI as serd_term takes it: a scheme, no dot segment. */
static gboolean
fast_iri_usable (const char *s, gsize len)
{
  gsize i = 0;
  if (len == 0 || !g_ascii_isalpha (s[0]))
    return FALSE;
  while (i < len && (g_ascii_isalnum (s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
    i++;
  if (i >= len || s[i] != ':')
    return FALSE;
  return !iri_may_have_dot_segment (s + i, len - i);
}

/* <iri> at f->p; its contents in *s, *len. */
static gboolean
fast_iriref (Fast *f, const char **s, gsize *len)
{
  const char *q = ++f->p;
  gboolean high = FALSE;
  while (q < f->end && iri_ok[(guchar) *q])
    high |= (guchar) *q++ >= 0x80;
  if (q >= f->end || *q != '>')
    return FALSE;
  *s = f->p;
  *len = (gsize) (q - f->p);
  f->p = q + 1;
  return !high || fast_valid_utf8 (*s, *len);
}

static gboolean
pn_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* prefix:local at f->p, expanded into f->buf. */
static gboolean
fast_pname (Fast *f)
{
  const char *start = f->p, *q = f->p;
  if (q < f->end && g_ascii_isalpha (*q))
    while (q < f->end && pn_char (*q))
      q++;
  if (q >= f->end || *q != ':' || (q > start && q[-1] == '-'))
    return FALSE;
  gsize name_len = (gsize) (q - start);
  const FastPrefix *fp = NULL;
  for (guint i = 0; i < f->prefixes->len; i++)
    {
      const FastPrefix *x = &g_array_index (f->prefixes, FastPrefix, i);
      if (x->name_len == name_len && memcmp (x->name, start, name_len) == 0)
        fp = x;
    }
  if (!fp)
    return FALSE;
  const char *local = ++q;
  if (q < f->end && (g_ascii_isalnum (*q) || *q == '_'))
    while (q < f->end && (pn_char (*q) || *q == '.'))
      q++;
  while (q > local && q[-1] == '.')
    q--; /* a final '.' ends the statement */
  f->p = q;
  /* ':', '%', '\\' and anything not ASCII in a name: serd's to read */
  if (q < f->end && (*q == ':' || *q == '%' || *q == '\\' || (guchar) *q >= 0x80))
    return FALSE;
  g_string_truncate (f->buf, 0);
  g_string_append_len (f->buf, fp->ns, (gssize) fp->ns_len);
  g_string_append_len (f->buf, local, q - local);
  return fast_term_end (f) && !strstr (f->buf->str, "/.");
}

/* The word before an interned string, while the fast reader reads:
 * FAST_IRI once the string was checked as an IRI (strings repeat, the
 * check is done once); for a prefixed name's text in Fast.pnames, the
 * term it names. */
#define FAST_IRI 1

static guint64
fast_mark (const char *interned)
{
  guint64 v;
  memcpy (&v, interned - 8, sizeof v); /* strings are not aligned */
  return v;
}

static void
fast_set_mark (const char *interned, guint64 v)
{
  memcpy ((char *) interned - 8, &v, sizeof v);
}

/* An IRI or prefixed name at f->p, interned. */
static const char *
fast_resource (Fast *f)
{
  if (*f->p == '<')
    {
      const char *s = f->p + 1;
      const char *q = memchr (s, '>', (gsize) (f->end - s));
      if (!q)
        return NULL;
      const char *t = interned_add (&f->r->interned, s, (gsize) (q - s));
      if (fast_mark (t) == FAST_IRI)
        {
          f->p = q + 1;
          return t;
        }
      gsize len;
      if (!fast_iriref (f, &s, &len) || !fast_iri_usable (s, len))
        return NULL;
      fast_set_mark (t, FAST_IRI);
      return t;
    }
  /* a name seen before: the term it gave */
  const char *start = f->p, *q = f->p;
  while (q < f->end && (pn_char (*q) || *q == ':' || *q == '.'))
    q++;
  while (q > start && q[-1] == '.')
    q--;
  const char *raw = interned_add (&f->pnames, start, (gsize) (q - start));
  const char *t = (const char *) (guintptr) fast_mark (raw);
  if (t)
    {
      f->p = q;
      return fast_term_end (f) ? t : NULL;
    }
  if (!fast_pname (f) || f->p != q)
    return NULL;
  t = interned_add (&f->r->interned, f->buf->str, f->buf->len);
  fast_set_mark (raw, (guint64) (guintptr) t);
  return t;
}

/* A quoted string at f->p ('"' or '"""'), unescaped; then its language
 * tag or datatype, which the graph does not keep. */
static const char *
fast_string (Fast *f)
{
  gboolean lng = f->end - f->p >= 3 && memcmp (f->p, "\"\"\"", 3) == 0;
  f->p += lng ? 3 : 1;
  const char *q = f->p, *run = q;
  gboolean high = FALSE, copied = FALSE;
  for (;; q++)
    {
      if (q >= f->end)
        return NULL;
      guchar c = (guchar) *q;
      if (c == '"')
        {
          if (!lng)
            break;
          if (f->end - q >= 3 && q[1] == '"' && q[2] == '"')
            {
              if (f->end - q > 3 && q[3] == '"')
                return NULL; /* """a"""" : serd's to read */
              break;
            }
        }
      else if (c == '\\')
        {
          if (q + 1 >= f->end)
            return NULL;
          char e;
          switch (q[1])
            {
            case 't': e = '\t'; break;
            case 'b': e = '\b'; break;
            case 'n': e = '\n'; break;
            case 'r': e = '\r'; break;
            case 'f': e = '\f'; break;
            case '"': e = '"'; break;
            case '\'': e = '\''; break;
            case '\\': e = '\\'; break;
            default: return NULL; /* \u, \U: serd's to read */
            }
          if (!copied)
            g_string_truncate (f->buf, 0);
          copied = TRUE;
          g_string_append_len (f->buf, run, q - run);
          g_string_append_c (f->buf, e);
          run = ++q + 1;
        }
      else if (c == 0 || ((c == '\n' || c == '\r') && !lng))
        return NULL;
      else
        high |= c >= 0x80;
    }
  const char *s = run;
  gsize len = (gsize) (q - run);
  if (copied)
    {
      g_string_append_len (f->buf, run, q - run);
      s = f->buf->str;
      len = f->buf->len;
    }
  f->p = q + (lng ? 3 : 1);
  if (high && !fast_valid_utf8 (s, len))
    return NULL;
  const char *term = interned_add (&f->r->interned, s, len);
  if (f->p < f->end && *f->p == '@')
    {
      const char *t = ++f->p;
      while (f->p < f->end && g_ascii_isalpha (*f->p))
        f->p++;
      if (f->p == t)
        return NULL;
      while (f->end - f->p >= 2 && f->p[0] == '-' && g_ascii_isalnum (f->p[1]))
        for (f->p++; f->p < f->end && g_ascii_isalnum (*f->p);)
          f->p++;
    }
  else if (f->end - f->p >= 2 && f->p[0] == '^' && f->p[1] == '^')
    {
      f->p += 2;
      if (f->p >= f->end)
        return NULL;
      if (*f->p == '<')
        {
          const char *dt;
          gsize len2;
          if (!fast_iriref (f, &dt, &len2) || !fast_iri_usable (dt, len2))
            return NULL;
        }
      else if (!fast_pname (f))
        return NULL;
    }
  return fast_term_end (f) ? term : NULL;
}

/* A bare integer or decimal, as its text (exponents: serd's to read). */
static const char *
fast_number (Fast *f)
{
  const char *s = f->p, *q = f->p;
  if (*q == '+' || *q == '-')
    q++;
  const char *digits = q;
  while (q < f->end && g_ascii_isdigit (*q))
    q++;
  if (q == digits)
    return NULL;
  if (q + 1 < f->end && *q == '.' && g_ascii_isdigit (q[1]))
    for (q++; q < f->end && g_ascii_isdigit (*q);)
      q++;
  f->p = q;
  /* "4." and "4e5": serd's to read */
  if (q >= f->end || !(fast_is_ws (*q) || *q == ',' || *q == ';'))
    return NULL;
  return interned_add (&f->r->interned, s, (gsize) (q - s));
}

static const char *
fast_object (Fast *f, gboolean *literal)
{
  char c = *f->p;
  *literal = FALSE;
  if (c == '<' || g_ascii_isalpha (c) || c == ':')
    return fast_resource (f);
  *literal = TRUE;
  if (c == '"')
    return fast_string (f);
  if (g_ascii_isdigit (c) || c == '+' || c == '-')
    return fast_number (f);
  return NULL;
}

static const char *
fast_predicate (Fast *f)
{
  if (*f->p == 'a' && f->end - f->p >= 2 && fast_is_ws (f->p[1]))
    {
      f->p++;
      return f->rdf_type;
    }
  return fast_resource (f);
}

/* t appended to the table, without a call per triple: the table is
 * grown ahead and cut to size at the end (fast_statements). */
static inline void
fast_push (Fast *f, const Triple *t)
{
  GArray *a = f->r->triples;
  if (G_UNLIKELY (f->n >= a->len))
    g_array_set_size (a, MAX (1024u, a->len * 2));
  ((Triple *) (gpointer) a->data)[f->n++] = *t;
}

static gboolean fast_statements_in (Fast *f);

/* The statements from f->p to f->end into f->r->triples; FALSE when the
 * text leaves the subset, or a half ends inside a statement. */
static gboolean
fast_statements (Fast *f)
{
  f->n = f->r->triples->len;
  gboolean ok = fast_statements_in (f);
  g_array_set_size (f->r->triples, f->n);
  return ok;
}

static gboolean
fast_statements_in (Fast *f)
{
  f->rdf_type = interned_add (&f->r->interned, NKG_NS_RDF "type", strlen (NKG_NS_RDF "type"));
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  f->kept = f->p;
  for (;;)
    {
      /* Pages read are let go every 64 MiB (nothing points into the map:
       * terms are copies), so the file does not add to the peak memory.
       * Only a hint: a page touched again is read back in. */
      if (page && (gsize) (f->p - f->kept) >= (64u << 20))
        {
          guintptr from = ((guintptr) f->kept + page - 1) / page * page;
          guintptr to = (guintptr) f->p / page * page;
          if (to > from)
            madvise ((void *) from, to - from, MADV_DONTNEED);
          f->kept = f->p;
        }
      fast_skip_ws (f);
      if (f->p >= f->end)
        return TRUE;
      if (*f->p != '<' && !g_ascii_isalpha (*f->p) && *f->p != ':')
        return FALSE; /* directives after the first triple, blank nodes … */
      Triple t;
      if (!(t.s = (char *) fast_resource (f)))
        return FALSE;
      for (;;)
        {
          fast_skip_ws (f);
          if (f->p >= f->end || !(t.p = (char *) fast_predicate (f)))
            return FALSE;
          for (;;)
            {
              fast_skip_ws (f);
              if (f->p >= f->end || !(t.o = (char *) fast_object (f, &t.o_is_literal)))
                return FALSE;
              fast_push (f, &t);
              fast_skip_ws (f);
              if (f->p >= f->end)
                return FALSE;
              if (*f->p != ',')
                break;
              f->p++;
            }
          if (*f->p == ';')
            {
              while (f->p < f->end && *f->p == ';')
                {
                  f->p++;
                  fast_skip_ws (f);
                }
              if (f->p < f->end && *f->p == '.')
                break;
              continue;
            }
          break;
        }
      if (*f->p != '.')
        return FALSE;
      f->p++;
    }
}

static void
fast_prefixes_free (GArray *a)
{
  for (guint i = 0; i < a->len; i++)
    {
      FastPrefix *x = &g_array_index (a, FastPrefix, i);
      g_free (x->name);
      g_free (x->ns);
    }
  g_array_unref (a);
}

/* The "@prefix p: <ns> ." directives at the start; f->p then stands at
 * the first statement. FALSE for any other directive there. */
static gboolean
fast_head (Fast *f)
{
  for (;;)
    {
      fast_skip_ws (f);
      if (f->end - f->p < 8 || memcmp (f->p, "@prefix", 7) != 0 || !fast_is_ws (f->p[7]))
        return f->p >= f->end || *f->p != '@';
      f->p += 7;
      fast_skip_ws (f);
      const char *name = f->p, *q = f->p;
      if (q < f->end && g_ascii_isalpha (*q))
        while (q < f->end && pn_char (*q))
          q++;
      if (q >= f->end || *q != ':' || (q > name && q[-1] == '-'))
        return FALSE;
      f->p = q + 1;
      fast_skip_ws (f);
      const char *ns;
      gsize ns_len;
      if (f->p >= f->end || *f->p != '<' || !fast_iriref (f, &ns, &ns_len)
          || !fast_iri_usable (ns, ns_len))
        return FALSE;
      fast_skip_ws (f);
      if (f->p >= f->end || *f->p != '.')
        return FALSE;
      f->p++;
      FastPrefix x = { g_strndup (name, (gsize) (q - name)), (gsize) (q - name),
                       g_strndup (ns, ns_len), ns_len };
      /* a prefix declared again: the later one counts (found last) */
      g_array_append_val (f->prefixes, x);
    }
}

/* The second half of a fast split read, on its own thread. */
typedef struct {
  Reader r;
  Fast f;
  gboolean ok;
} FastPart;

static gpointer
fast_part_thread (gpointer data)
{
  FastPart *p = data;
  p->ok = fast_statements (&p->f);
  return NULL;
}

/* The file (data, size) read by the fast reader into r->triples, in two
 * halves at once when `split`: the cut is right after the first ".\n"
 * past the middle, taken only when the first half, read from the start,
 * ends exactly there between two statements (so it is the boundary the
 * whole reading would have passed). FALSE when the file leaves the
 * subset (r->triples then holds anything). */
static gboolean
read_fast (Reader *r, const char *data, gsize size, gboolean split)
{
  fast_classes_init ();
  GArray *prefixes = g_array_new (FALSE, FALSE, sizeof (FastPrefix));
  Fast f = { .p = data, .end = data + size, .prefixes = prefixes, .r = r,
             .buf = g_string_new (NULL) };
  interned_init (&f.pnames);
  gboolean ok = fast_head (&f);
  const char *cut = NULL;
  if (ok && split)
    {
      const char *mid = data + size / 2;
      if (mid > f.p)
        for (const char *q = mid; q + 1 < f.end && q < mid + (1 << 20); q++)
          if (q[0] == '.' && q[1] == '\n')
            {
              cut = q + 2;
              break;
            }
      ok = cut != NULL && cut < f.end;
    }
  if (ok && cut)
    {
      FastPart b = { .ok = FALSE };
      reader_init (&b.r);
      reader_reserve (&b.r, (guint64) (f.end - cut));
      b.f = (Fast) { .p = cut, .end = f.end, .prefixes = prefixes, .r = &b.r,
                     .buf = g_string_new (NULL) };
      interned_init (&b.f.pnames);
      GThread *t = g_thread_try_new ("nkg-turtle", fast_part_thread, &b, NULL);
      if (t)
        {
          f.end = cut;
          ok = fast_statements (&f);
          g_thread_join (t);
          ok = ok && b.ok;
          if (ok)
            merge_part (r, &b.r);
        }
      else
        ok = FALSE;
      g_string_free (b.f.buf, TRUE);
      interned_clear (&b.f.pnames);
      reader_clear (&b.r);
    }
  else if (ok)
    ok = fast_statements (&f);
  g_string_free (f.buf, TRUE);
  interned_clear (&f.pnames);
  fast_prefixes_free (prefixes);
  return ok;
}

/* Where build() keeps its nodes and their lists: blocks that are freed
 * together at the end, so that a million nodes cost neither a million
 * mallocs nor a million frees (nor a GPtrArray, with its own two
 * allocations, per list). */
typedef struct {
  GPtrArray *blocks;
  char *free_at;
  gsize left;
} Pool;

#define POOL_BLOCK ((gsize) 8 << 20)

static void
pool_init (Pool *pool)
{
  *pool = (Pool){ .blocks = g_ptr_array_new_with_free_func (g_free) };
}

static void
pool_clear (Pool *pool)
{
  g_ptr_array_unref (pool->blocks);
}

/* n bytes, 8-aligned, zero */
static gpointer
pool_alloc0 (Pool *pool, gsize n)
{
  n = (n + 7) & ~(gsize) 7;
  if (n > pool->left)
    {
      gsize size = MAX (n, POOL_BLOCK);
      /* calloc: fresh pages come zeroed, without a pass to clear them */
      pool->free_at = g_malloc0 (size);
      huge_hint (pool->free_at, size);
      pool->left = size;
      g_ptr_array_add (pool->blocks, pool->free_at);
    }
  gpointer at = pool->free_at;
  pool->free_at += n;
  pool->left -= n;
  return at; /* never handed out before: still zero */
}

/* A list of pointers in the pool (pdata, as a GPtrArray's, so that
 * g_ptr_array_index reads it). */
typedef struct {
  gpointer *pdata;
  guint len, cap;
} PtrList;

/* Statement, quote and evidence nodes under construction, by subject IRI.
 * Their lists are made when first needed (most stay empty). */
typedef struct {
  const char *s, *p, *o;
  gboolean o_literal;
  PtrList *docs;      /* const char* doc IRIs, or NULL */
  PtrList *evidence;  /* const char*: evidence IRIs, or NULL */
  PtrList *sentences; /* const char*: version 1 evidence strings, or NULL */
  PtrList *conflicts; /* const char*: statement IRIs, or NULL */
  double confidence;
  gboolean has_confidence;
  gboolean gazetteer;
  guint start, end;     /* evidence offsets */
  NkgFact *fact;        /* the fact a statement node names, once known */
} StNode;

static void
push (Pool *pool, PtrList **a, gpointer p)
{
  PtrList *l = *a;
  if (!l)
    l = *a = pool_alloc0 (pool, sizeof (PtrList));
  if (l->len == l->cap)
    {
      /* the old room stays in the pool, unused: at most as much again */
      guint cap = l->cap ? l->cap * 2 : 4;
      gpointer *more = pool_alloc0 (pool, cap * sizeof (gpointer));
      if (l->len)
        memcpy (more, l->pdata, l->len * sizeof (gpointer));
      l->pdata = more;
      l->cap = cap;
    }
  l->pdata[l->len++] = p;
}

static guint
n_ptrs (const PtrList *a)
{
  return a ? a->len : 0;
}

static gint str_ptr_cmp (gconstpointer a, gconstpointer b);

static gint
str_ptr_cmp_data (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  return str_ptr_cmp (a, b);
}

/* sorted as g_ptr_array_sort would (with the same sort) */
static void
sort_ptrs (PtrList *a)
{
  if (a && a->len > 1)
    g_qsort_with_data (a->pdata, (gint) a->len, sizeof (gpointer), str_ptr_cmp_data, NULL);
}

static StNode *
st_node (Pool *pool, GHashTable *t, const char *iri)
{
  StNode *n = g_hash_table_lookup (t, iri);
  if (!n)
    {
      n = pool_alloc0 (pool, sizeof (StNode));
      g_hash_table_insert (t, (gpointer) iri, n);
    }
  return n;
}

/* An xsd:integer offset; out of range or malformed reads as 0. */
static guint
offset_of (const char *s)
{
  char *end = NULL;
  guint64 v = g_ascii_strtoull (s, &end, 10);
  return end && end != s && *end == '\0' && v <= G_MAXUINT ? (guint) v : 0;
}

/* The most specific contract class among those asserted. */
static NkgClass
finer (NkgClass have, NkgClass seen)
{
  if (have == NKG_CLASS_NONE)
    return seen;
  if (seen == NKG_CLASS_NONE)
    return have;
  /* fine classes assert a coarse one too: keep the fine one */
  if (seen == NKG_CLASS_ORG || seen == NKG_CLASS_PLACE)
    return have;
  return seen;
}

static void
doc_set (NkgDoc *d, const Triple *t)
{
  char **field = NULL;
  if (strcmp (t->p, NKG_NS_DCTERMS "source") == 0)
    field = &d->source;
  else if (strcmp (t->p, NKG_NS_DCTERMS "title") == 0)
    field = &d->title;
  else if (strcmp (t->p, NKG_NS_DCTERMS "date") == 0)
    field = &d->date;
  else if (strcmp (t->p, NKG_NS_NKG "sha256") == 0)
    field = &d->sha256;
  else if (strcmp (t->p, NKG_NS_SCHEMA "url") == 0)
    field = &d->url;
  else if (strcmp (t->p, NKG_NS_DCTERMS "language") == 0)
    field = &d->language;
  else if (strcmp (t->p, NKG_NS_NKG "format") == 0)
    field = &d->format;
  if (field && !*field)
    *field = g_strdup (t->o);
}

/* Facts by (subject, predicate, object): interned, so compared and hashed
 * as pointers. */
static guint
triple_hash (gconstpointer p)
{
  const Triple *t = p;
  guint64 h = (guint64) (guintptr) t->s * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  h = (h ^ (guint64) (guintptr) t->p) * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  h = (h ^ (guint64) (guintptr) t->o) * G_GUINT64_CONSTANT (0x165667B19E3779F9);
  return (guint) (h ^ (h >> 32));
}

static gboolean
triple_equal (gconstpointer a, gconstpointer b)
{
  const Triple *x = a, *y = b;
  return x->s == y->s && x->p == y->p && x->o == y->o;
}

/* The IRIs build() looks for, as the file's interned pointers (NULL when
 * the file never has it): comparing a term with one is a pointer test. */
typedef struct {
  const char *type, *document, *statement, *quote, *evidence, *activity;
  const char *subject, *predicate, *object, *derived, *nkg_evidence, *conflicts, *source,
    *gazetteer, *confidence;
  const char *nkg_text, *start, *end, *version, *schema_text, *speaker;
  const char *name, *alt_name, *mentioned_in, *mention_count;
} Terms;

static void
terms_of (Interned *in, Terms *k)
{
  k->type = interned_find (in, NKG_NS_RDF "type");
  k->document = interned_find (in, NKG_NS_NKG "Document");
  k->statement = interned_find (in, NKG_NS_RDF "Statement");
  k->quote = interned_find (in, NKG_NS_NKG "Quote");
  k->evidence = interned_find (in, NKG_NS_NKG "Evidence");
  k->activity = interned_find (in, NKG_NS_PROV "Activity");
  k->subject = interned_find (in, NKG_NS_RDF "subject");
  k->predicate = interned_find (in, NKG_NS_RDF "predicate");
  k->object = interned_find (in, NKG_NS_RDF "object");
  k->derived = interned_find (in, NKG_NS_PROV "wasDerivedFrom");
  k->nkg_evidence = interned_find (in, NKG_NS_NKG "evidence");
  k->conflicts = interned_find (in, NKG_NS_NKG "conflictsWith");
  k->source = interned_find (in, NKG_NS_NKG "source");
  k->gazetteer = interned_find (in, NKG_NS_NKG "Gazetteer");
  k->confidence = interned_find (in, NKG_NS_NKG "confidence");
  k->nkg_text = interned_find (in, NKG_NS_NKG "text");
  k->start = interned_find (in, NKG_NS_NKG "start");
  k->end = interned_find (in, NKG_NS_NKG "end");
  k->version = interned_find (in, NKG_NS_SCHEMA "softwareVersion");
  k->schema_text = interned_find (in, NKG_NS_SCHEMA "text");
  k->speaker = interned_find (in, NKG_NS_NKG "speaker");
  k->name = interned_find (in, NKG_NS_SCHEMA "name");
  k->alt_name = interned_find (in, NKG_NS_SCHEMA "alternateName");
  k->mentioned_in = interned_find (in, NKG_NS_NKG "mentionedIn");
  k->mention_count = interned_find (in, NKG_NS_NKG "mentionCount");
}

/* A term's roles in build(), in the word before it (the fast reader's
 * mark, free once the reading is over): the node it is the subject of,
 * with its kind in the low bits, so that finding what a subject or an
 * object is costs no look-up in a table of strings. A term with more than
 * one role (never in newskg's own files) is ROLE_MANY, and is looked up
 * in the tables as before. Nodes are 8-aligned (pool_alloc0, g_new0). */
enum { ROLE_NONE, ROLE_DOC, ROLE_STATEMENT, ROLE_EVIDENCE, ROLE_QUOTE, ROLE_ENTITY, ROLE_MANY = 7 };

static void
role_set (const char *term, int role, gpointer node)
{
  g_assert (((guintptr) node & 7) == 0);
  guint64 want = (guint64) (guintptr) node | (guint64) role, have = fast_mark (term);
  if (have != want)
    fast_set_mark (term, have ? ROLE_MANY : want);
}

static int
role_of (const char *term)
{
  return (int) (fast_mark (term) & 7);
}

static gpointer
role_node (const char *term)
{
  return (gpointer) (guintptr) (fast_mark (term) & ~(guint64) 7);
}

/* nkg_graph_entity_by_iri for an interned term */
static NkgEntity *
entity_of (NkgGraph *g, const char *term)
{
  switch (role_of (term))
    {
    case ROLE_ENTITY:
      return role_node (term);
    case ROLE_MANY:
      return nkg_graph_entity_by_iri (g, term);
    default:
      return NULL;
    }
}

/* nkg_graph_intern_doc for an interned IRI, remembered in `cache`. */
static NkgDoc *
doc_of (NkgGraph *g, GHashTable *cache, const char *iri)
{
  if (role_of (iri) == ROLE_DOC)
    return role_node (iri);
  NkgDoc *d = g_hash_table_lookup (cache, iri);
  if (!d)
    {
      d = nkg_graph_intern_doc (g, iri);
      g_hash_table_insert (cache, (gpointer) iri, d);
    }
  return d;
}

/* Appends `p` unless `a` has it; `set` (when not NULL) holds what `a`
 * holds, for long lists. */
static void
add_once (GPtrArray *a, GHashTable *set, gpointer p)
{
  if (set ? !g_hash_table_add (set, p) : g_ptr_array_find (a, p, NULL))
    return;
  g_ptr_array_add (a, p);
}

/* Each fact's conflicts (facts all) with each only where it first
 * occurs: the facts' `priv` (unused by a loaded graph) marks those seen in
 * the list of fact number `i` + 1 meanwhile. */
static void
keep_first_facts (GPtrArray *facts)
{
  for (guint i = 0; i < facts->len; i++)
    if (((NkgFact *) facts->pdata[i])->priv)
      {
        /* in use after all: a set of those seen per list */
        for (guint j = 0; j < facts->len; j++)
          {
            GPtrArray *a = ((NkgFact *) facts->pdata[j])->conflicts;
            g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
            guint n = 0;
            for (guint k = 0; k < a->len; k++)
              if (g_hash_table_add (seen, a->pdata[k]))
                a->pdata[n++] = a->pdata[k];
            if (n < a->len)
              g_ptr_array_set_size (a, n);
          }
        return;
      }
  for (guint i = 0; i < facts->len; i++)
    {
      GPtrArray *a = ((NkgFact *) facts->pdata[i])->conflicts;
      if (a->len < 2)
        continue;
      gpointer gen = GUINT_TO_POINTER (i + 1);
      guint n = 0;
      for (guint k = 0; k < a->len; k++)
        {
          NkgFact *c = a->pdata[k];
          if (c->priv != gen)
            {
              c->priv = gen;
              a->pdata[n++] = c;
            }
        }
      g_ptr_array_set_size (a, n);
    }
  for (guint i = 0; i < facts->len; i++)
    ((NkgFact *) facts->pdata[i])->priv = NULL;
}

/* A set of what `a` holds when it may grow long enough for searching it
 * to cost; NULL otherwise. */
static GHashTable *
set_for (GPtrArray *a, guint more)
{
  if (a->len + more <= 16)
    return NULL;
  GHashTable *set = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < a->len; i++)
    g_hash_table_add (set, g_ptr_array_index (a, i));
  return set;
}

/* base + "build", the base ending in '/' or '#' */
static gboolean
is_build_iri (const char *iri)
{
  gsize n = strlen (iri);
  return n > 6 && g_str_has_suffix (iri, "build") && (iri[n - 6] == '/' || iri[n - 6] == '#');
}

static gint
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

typedef struct {
  gsize rank;
  gpointer fact;
} Ranked;

static gint
ranked_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  const Ranked *x = a, *y = b;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Each fact's conflicts sorted by IRI, as nkg_graph_index_finished sorts
 * them (stable, by strcmp), but on each fact's rank in g->facts, already
 * sorted by IRI: facts with one IRI share a rank, so ties keep their order
 * as before. Conflicts come in cliques of thousands on a large graph,
 * whose strcmp sorts were 6% of the first command's CPU. The ranks stay in
 * `priv` (unused by a loaded graph) only meanwhile. */
static void
sort_conflicts (NkgGraph *g)
{
  GPtrArray *facts = g->facts;
  for (guint i = 0; i < facts->len; i++)
    if (((NkgFact *) facts->pdata[i])->priv)
      return; /* in use after all: nkg_graph_index_finished sorts them */
  for (guint i = 0; i < facts->len; i++)
    {
      NkgFact *f = facts->pdata[i], *prev = i ? facts->pdata[i - 1] : NULL;
      f->priv = prev && strcmp (prev->iri, f->iri) == 0 ? prev->priv : GSIZE_TO_POINTER (i + 1);
    }
  GArray *tmp = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint i = 0; i < facts->len; i++)
    {
      GPtrArray *c = ((NkgFact *) facts->pdata[i])->conflicts;
      if (c->len < 2)
        continue;
      g_array_set_size (tmp, c->len);
      Ranked *r = (Ranked *) (gpointer) tmp->data;
      gboolean sorted = TRUE;
      for (guint j = 0; j < c->len; j++)
        {
          r[j] = (Ranked){ GPOINTER_TO_SIZE (((NkgFact *) c->pdata[j])->priv), c->pdata[j] };
          sorted = sorted && (j == 0 || r[j - 1].rank <= r[j].rank);
        }
      if (sorted)
        continue;
      g_qsort_with_data (r, (gint) c->len, sizeof (Ranked), ranked_cmp, NULL);
      for (guint j = 0; j < c->len; j++)
        c->pdata[j] = r[j].fact;
    }
  g_array_unref (tmp);
  for (guint i = 0; i < facts->len; i++)
    ((NkgFact *) facts->pdata[i])->priv = NULL;
}

/* Pass 2 of build(), one half of it: the entities' facts (`entities`:
 * g->facts and the version), or the properties of documents, statements,
 * evidence, quotes and the entities' own (names, aliases, documents,
 * mention counts: their nodes' fields, and documents made for IRIs never
 * typed nkg:Document). The halves touch different things, so they run at
 * once; each reads every triple and what pass 1 made, which no one
 * changes meanwhile. */
typedef struct {
  NkgGraph *g;
  const Terms *K;
  GArray *parts[2];
  const char *build_iri;
  GHashTable *docs, *statements, *evidence, *quotes;
  Pool *pool;
  gboolean entities;
  GHashTable *facts;     /* entities only */
  GHashTable *doc_cache; /* nodes only */
} Pass2;

static void
pass2 (Pass2 *p)
{
  NkgGraph *g = p->g;
  const Terms K = *p->K;
  Pool *pool = p->pool;
  enum { OTHER, DOC, STATEMENT, EVIDENCE, BUILD, QUOTE, ENTITY } kind = OTHER;
  const char *last = NULL, *last_p = NULL;
  NkgProp last_prop = NKG_PROP_NONE;
  NkgDoc *d = NULL;
  StNode *n = NULL;
  NkgEntity *e = NULL;
  for (int part = 0; part < 2; part++)
  for (guint i = 0; p->parts[part] && i < p->parts[part]->len; i++)
    {
      Triple *t = &g_array_index (p->parts[part], Triple, i);
      if (t->s != last)
        {
          last = t->s;
          int role = role_of (t->s);
          if (role == ROLE_MANY)
            {
              if ((d = g_hash_table_lookup (p->docs, t->s)))
                kind = DOC;
              else if ((n = g_hash_table_lookup (p->statements, t->s)))
                kind = STATEMENT;
              else if ((n = g_hash_table_lookup (p->evidence, t->s)))
                kind = EVIDENCE;
              else if (t->s == p->build_iri)
                kind = BUILD;
              else if ((n = g_hash_table_lookup (p->quotes, t->s)))
                kind = QUOTE;
              else if ((e = nkg_graph_entity_by_iri (g, t->s)))
                kind = ENTITY;
              else
                kind = OTHER;
            }
          else if (role == ROLE_DOC)
            kind = DOC, d = role_node (t->s);
          else if (role == ROLE_STATEMENT)
            kind = STATEMENT, n = role_node (t->s);
          else if (role == ROLE_EVIDENCE)
            kind = EVIDENCE, n = role_node (t->s);
          else if (t->s == p->build_iri)
            kind = BUILD;
          else if (role == ROLE_QUOTE)
            kind = QUOTE, n = role_node (t->s);
          else if (role == ROLE_ENTITY)
            kind = ENTITY, e = role_node (t->s);
          else
            kind = OTHER;
        }
      /* an entity's own properties on the nodes' thread, its facts here */
      if (p->entities != (kind == BUILD
                          || (kind == ENTITY && t->p != K.name && t->p != K.alt_name
                              && t->p != K.mentioned_in && t->p != K.mention_count)))
        continue;
      switch (kind)
        {
        case DOC:
          doc_set (d, t);
          break;
        case STATEMENT:
          if (t->p == K.subject)
            n->s = t->o;
          else if (t->p == K.predicate)
            n->p = t->o;
          else if (t->p == K.object)
            {
              n->o = t->o;
              n->o_literal = t->o_is_literal;
            }
          else if (t->p == K.derived)
            push (pool, &n->docs, t->o);
          else if (t->p == K.nkg_evidence)
            push (pool, t->o_is_literal ? &n->sentences : &n->evidence, t->o);
          else if (t->p == K.conflicts && !t->o_is_literal)
            push (pool, &n->conflicts, t->o);
          else if (t->p == K.source && t->o == K.gazetteer)
            n->gazetteer = TRUE;
          else if (t->p == K.confidence)
            {
              n->confidence = g_ascii_strtod (t->o, NULL);
              n->has_confidence = TRUE;
            }
          break;
        case EVIDENCE:
          if (t->p == K.nkg_text)
            n->o = t->o;
          else if (t->p == K.derived && !t->o_is_literal)
            push (pool, &n->docs, t->o);
          else if (t->p == K.start)
            n->start = offset_of (t->o);
          else if (t->p == K.end)
            n->end = offset_of (t->o);
          break;
        case BUILD:
          if (t->p == K.version)
            {
              g_free (g->version);
              g->version = g_strdup (t->o);
            }
          break;
        case QUOTE:
          if (t->p == K.schema_text)
            n->o = t->o;
          else if (t->p == K.speaker)
            n->s = t->o;
          else if (t->p == K.derived)
            push (pool, &n->docs, t->o);
          break;
        case ENTITY:
          {
            NkgProp prop;
            if (t->p == K.name)
              {
                if (!e->name)
                  e->name = g_strdup (t->o);
              }
            else if (t->p == K.alt_name)
              g_ptr_array_add (e->aliases, g_strdup (t->o));
            else if (t->p == K.mentioned_in)
              g_ptr_array_add (e->docs, doc_of (g, p->doc_cache, t->o));
            else if (t->p == K.mention_count)
              e->mention_count = (guint) g_ascii_strtoull (t->o, NULL, 10);
            else if ((prop = t->p == last_p ? last_prop
                                            : (last_p = t->p, last_prop = nkg_prop_from_iri (t->p)))
                     != NKG_PROP_NONE)
              {
                NkgEntity *o = t->o_is_literal ? NULL : entity_of (g, t->o);
                gboolean literal_prop = nkg_prop_info (prop)->obj != NKG_OBJ_ENTITY;
                if (literal_prop != t->o_is_literal || (!literal_prop && !o))
                  break; /* off-contract object: ignore rather than guess */
                if (g_hash_table_contains (p->facts, t))
                  break;
                NkgFact *f = nkg_graph_new_fact (g, e, prop, o, literal_prop ? t->o : NULL);
                /* a copy: the triples are let go after this pass */
                Triple *key = pool_alloc0 (pool, sizeof (Triple));
                *key = *t;
                g_hash_table_insert (p->facts, key, f);
              }
            break;
          }
        case OTHER:
          break;
        }
    }
}

static gpointer
pass2_thread (gpointer data)
{
  pass2 (data);
  return NULL;
}

/* The facts sorted by IRI, then their conflicts: on a thread of their
 * own, beside the other arrays' sorts (each reads only its items). */
static gpointer
sort_facts (gpointer data)
{
  NkgGraph *g = data;
  nkg_graph_sort_by_iri (g->facts);
  sort_conflicts (g);
  return NULL;
}

/* What build() does once the triples are read, in two halves that touch
 * different fields: the evidence nodes, then each statement's evidence,
 * then the quotes (tail_evidence: g->evidence, facts' `evidence`,
 * g->quotes), beside each
 * statement's name, documents and confidence, then the conflicts
 * (tail_statements: facts' `iri`, `docs`, `conflicts` …). Both walk
 * `statements` in its own order, as one loop did, so every list is made
 * in the same order as before. Documents are found in `doc_cache`, only
 * read meanwhile; one missing from it (never typed nkg:Document) is made
 * under the lock and kept in `doc_extra`. */
typedef struct {
  NkgGraph *g;
  GHashTable *facts, *statements, *evidence, *quotes, *doc_cache;
  GHashTable *doc_extra, *ev_cache, *by_statement;
  GMutex lock;
} Tail;

static NkgDoc *
tail_doc (Tail *t, const char *iri)
{
  if (role_of (iri) == ROLE_DOC)
    return role_node (iri);
  NkgDoc *d = g_hash_table_lookup (t->doc_cache, iri);
  if (d)
    return d;
  g_mutex_lock (&t->lock);
  d = doc_of (t->g, t->doc_extra, iri);
  g_mutex_unlock (&t->lock);
  return d;
}

/* The fact a statement node reifies, or NULL. */
static NkgFact *
tail_fact (Tail *t, const StNode *x)
{
  if (!x->s || !x->p || !x->o)
    return NULL;
  Triple key = { (char *) x->s, (char *) x->p, (char *) x->o, FALSE };
  /* NULL: reified but not asserted, not a fact of this graph */
  return g_hash_table_lookup (t->facts, &key);
}

static gpointer
tail_evidence (gpointer data)
{
  Tail *t = data;
  NkgGraph *g = t->g;
  GHashTableIter it;
  gpointer k, v;
  /* Evidence nodes, each tied to (at most) one document. */
  g_hash_table_iter_init (&it, t->evidence);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *x = v;
      sort_ptrs (x->docs);
      NkgDoc *xd = n_ptrs (x->docs) ? tail_doc (t, g_ptr_array_index (x->docs, 0)) : NULL;
      g_hash_table_insert (t->ev_cache, k, nkg_graph_add_evidence (g, k, xd, x->start, x->end, x->o));
    }
  /* Statements give facts their evidence. */
  g_hash_table_iter_init (&it, t->statements);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *x = v;
      NkgFact *f = tail_fact (t, x);
      if (!f)
        continue;
      g_autoptr (GHashTable) have = set_for (f->evidence, n_ptrs (x->evidence) + n_ptrs (x->sentences));
      for (guint i = 0; i < n_ptrs (x->evidence); i++)
        {
          const char *iri = g_ptr_array_index (x->evidence, i);
          NkgEvidence *ev = g_hash_table_lookup (t->ev_cache, iri);
          if (!ev)
            {
              ev = g_hash_table_lookup (g->evidence_index, iri);
              /* evidence named but not described: keep the link, no sentence */
              if (!ev)
                ev = nkg_graph_add_evidence (g, iri, NULL, 0, 0, NULL);
              g_hash_table_insert (t->ev_cache, (gpointer) iri, ev);
            }
          add_once (f->evidence, have, ev);
        }
      for (guint i = 0; i < n_ptrs (x->sentences); i++)
        {
          const char *text = g_ptr_array_index (x->sentences, i);
          g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
          sum[16] = '\0';
          g_autofree char *iri = g_strdup_printf ("urn:newskg:evidence:%s", sum);
          NkgEvidence *ev = nkg_graph_add_evidence (g, iri, NULL, 0, 0, text);
          add_once (f->evidence, have, ev);
        }
    }
  /* Quotes (only this thread adds to g->quotes). */
  g_hash_table_iter_init (&it, t->quotes);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *n = v;
      NkgEntity *sp = n->s ? entity_of (g, n->s) : NULL;
      if (!sp || !n->o)
        continue;
      NkgQuote *q = g_new0 (NkgQuote, 1);
      q->iri = g_strdup (k);
      q->speaker = sp;
      q->text = g_strdup (n->o);
      q->docs = g_ptr_array_new ();
      sort_ptrs (n->docs);
      for (guint i = 0; i < n_ptrs (n->docs); i++)
        g_ptr_array_add (q->docs, tail_doc (t, g_ptr_array_index (n->docs, i)));
      g_ptr_array_add (g->quotes, q);
    }
  return NULL;
}

static void
tail_statements (Tail *t)
{
  NkgGraph *g = t->g;
  GHashTableIter it;
  gpointer k, v;
  /* Keyed by the statement node's own IRI, owned by `statements`. */
  GHashTable *by_statement = t->by_statement;
  g_autoptr (GHashTable) named = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&it, t->statements);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *x = v;
      NkgFact *f = tail_fact (t, x);
      if (!f)
        continue;
      /* One triple reified under several statement nodes: every node's
       * evidence joins the one fact, which keeps the least of the names so
       * the result does not depend on hash order. */
      if (!f->iri || !g_hash_table_contains (named, f) || strcmp (k, f->iri) < 0)
        {
          g_free (f->iri);
          f->iri = g_strdup (k);
        }
      g_hash_table_add (named, f);
      sort_ptrs (x->docs);
      /* The node's documents are sorted, so equal ones are neighbours: a
       * fact that had none needs no search. */
      gboolean fresh = f->docs->len == 0;
      for (guint i = 0; i < n_ptrs (x->docs); i++)
        {
          const char *iri = g_ptr_array_index (x->docs, i);
          NkgDoc *xd = tail_doc (t, iri);
          if (fresh ? (i == 0 || g_ptr_array_index (x->docs, i - 1) != iri)
                    : !g_ptr_array_find (f->docs, xd, NULL))
            g_ptr_array_add (f->docs, xd);
        }
      f->gazetteer = f->gazetteer || x->gazetteer;
      /* "NaN"^^xsd:double is valid Turtle, and neither CLAMP nor MAX
       * keeps NaN out. */
      if (x->has_confidence && !isnan (x->confidence))
        f->confidence = MAX (f->confidence, CLAMP (x->confidence, 0.0, 1.0));
      g_hash_table_insert (by_statement, k, f);
      x->fact = f;
    }
  /* Conflicts, once every statement is known; kept both ways even when
   * the file says only one. */
  g_hash_table_iter_init (&it, t->statements);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *x = v;
      NkgFact *f = x->fact;
      for (guint i = 0; f && i < n_ptrs (x->conflicts); i++)
        {
          /* by_statement's, through the node when the term has one role */
          const char *c = g_ptr_array_index (x->conflicts, i);
          int role = role_of (c);
          NkgFact *other = role == ROLE_STATEMENT ? ((StNode *) role_node (c))->fact
                           : role == ROLE_MANY    ? g_hash_table_lookup (by_statement, c)
                                                  : NULL;
          if (!other || other == f)
            continue;
          g_ptr_array_add (nkg_fact_conflicts_mut (f), other);
          g_ptr_array_add (nkg_fact_conflicts_mut (other), f);
        }
    }
  /* ... each once, where it first came: what adding each unless present
   * gives, without a search of the list per pair (cliques of conflicting
   * statements are large). */
  keep_first_facts (g->facts);
}

static NkgGraph *
build (Reader *r)
{
  NkgGraph *g = nkg_graph_new (NULL);
  /* the triples in order: r->triples, then r->more */
  GArray *parts[2] = { r->triples, r->more };
  Terms K;
  terms_of (&r->interned, &K);
  /* Keys are interned term strings: tables that are only looked up hash
   * pointers; those iterated keep g_str_hash, so that their order (and
   * with it the graph, where order can show) stays what it was. */
  g_autoptr (GHashTable) docs = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) doc_cache = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) klass = g_hash_table_new (NULL, NULL);
  Pool pool;
  pool_init (&pool);
  g_autoptr (GHashTable) statements = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) quotes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) evidence = g_hash_table_new (g_str_hash, g_str_equal);
  const char *build_iri = NULL;

  /* Each term's role is kept in the word before it (see Role). */
  for (gsize i = 0; i <= r->interned.mask; i++)
    if (r->interned.slots[i].s)
      fast_set_mark (r->interned.slots[i].s, 0);

  /* Pass 1: what every subject is. */
  for (int part = 0; part < 2; part++)
  for (guint i = 0; parts[part] && i < parts[part]->len; i++)
    {
      Triple *t = &g_array_index (parts[part], Triple, i);
      if (t->p != K.type)
        continue;
      if (t->o == K.document)
        {
          NkgDoc *d = doc_of (g, doc_cache, t->s);
          g_hash_table_insert (docs, t->s, d);
          role_set (t->s, ROLE_DOC, d);
        }
      else if (t->o == K.statement)
        role_set (t->s, ROLE_STATEMENT, st_node (&pool, statements, t->s));
      else if (t->o == K.quote)
        role_set (t->s, ROLE_QUOTE, st_node (&pool, quotes, t->s));
      else if (t->o == K.evidence)
        role_set (t->s, ROLE_EVIDENCE, st_node (&pool, evidence, t->s));
      else if (t->o == K.activity && is_build_iri (t->s))
        build_iri = t->s;
      else
        {
          NkgClass c = nkg_class_from_iri (t->o);
          if (c != NKG_CLASS_NONE)
            {
              NkgClass have = GPOINTER_TO_INT (g_hash_table_lookup (klass, t->s)) - 1;
              g_hash_table_insert (klass, t->s, GINT_TO_POINTER (finer (have, c) + 1));
            }
        }
    }
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, klass);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      NkgEntity *e = nkg_graph_intern_entity (g, k);
      e->klass = GPOINTER_TO_INT (v) - 1;
      role_set (k, ROLE_ENTITY, e);
    }

  /* Pass 2: properties, on two threads: the entities' (and their facts')
   * here, the other nodes' on the other (see Pass2). */
  g_autoptr (GHashTable) facts = g_hash_table_new (triple_hash, triple_equal);
  Pool fact_pool;
  pool_init (&fact_pool);
  Pass2 nodes = { .g = g, .K = &K, .parts = { parts[0], parts[1] }, .build_iri = build_iri,
                  .docs = docs, .statements = statements, .evidence = evidence,
                  .quotes = quotes, .pool = &pool, .entities = FALSE, .doc_cache = doc_cache };
  Pass2 ents = nodes;
  ents.entities = TRUE;
  ents.pool = &fact_pool;
  ents.facts = facts;
  ents.doc_cache = NULL;
  GThread *nodes_thread = g_thread_try_new ("nkg-nodes", pass2_thread, &nodes, NULL);
  pass2 (&ents);
  if (nodes_thread)
    g_thread_join (nodes_thread);
  else
    pass2 (&nodes);

  /* The triples are read: their table (a third of the memory at its peak
   * on a large graph) is let go before the graph grows further. */
  g_array_unref (r->triples);
  r->triples = g_array_new (FALSE, FALSE, sizeof (Triple));
  g_clear_pointer (&r->more, g_array_unref);

  /* Evidence and statements, on two threads (see Tail). */
  Tail tail = { .g = g, .facts = facts, .statements = statements, .evidence = evidence,
                .quotes = quotes,
                .doc_cache = doc_cache, .doc_extra = g_hash_table_new (NULL, NULL),
                .ev_cache = g_hash_table_new (NULL, NULL),
                .by_statement = g_hash_table_new (NULL, NULL) };
  g_mutex_init (&tail.lock);
  GThread *ev_thread = g_thread_try_new ("nkg-evidence", tail_evidence, &tail, NULL);
  tail_statements (&tail);
  if (ev_thread)
    g_thread_join (ev_thread);
  else
    tail_evidence (&tail);
  g_mutex_clear (&tail.lock);
  g_hash_table_iter_init (&it, tail.doc_extra);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (doc_cache, k, v);
  g_hash_table_unref (tail.doc_extra);
  g_hash_table_unref (tail.ev_cache);
  g_hash_table_unref (tail.by_statement);
  /* Asserted triples without a statement node get a minted one. */
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (!f->iri)
        {
          g_autofree char *m = nkg_fact_material (f);
          g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, m, -1);
          sum[16] = '\0';
          f->iri = g_strdup_printf ("urn:newskg:statement:%s", sum);
        }
    }

  /* Entities without a name get their IRI's last segment, so every
   * entity has something to show. */
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (g->entities, i);
      if (!e->name)
        {
          const char *slash = strrchr (e->iri, '/');
          e->name = g_strdup (slash && slash[1] ? slash + 1 : e->iri);
        }
      g_ptr_array_sort (e->aliases, str_ptr_cmp);
    }
  for (guint i = 0; i < g->docs->len; i++)
    {
      NkgDoc *d = g_ptr_array_index (g->docs, i);
      if (!d->source)
        d->source = g_strdup (d->iri);
    }
  /* The build node is the base + "build": the base a rebuild would use. */
  if (build_iri)
    {
      g_free (g->base);
      g->base = g_strndup (build_iri, strlen (build_iri) - strlen ("build"));
    }
  pool_clear (&pool); /* the node tables are only freed now: not read again */
  pool_clear (&fact_pool);
  /* in the order nkg_graph_index_finished wants, which then finds them so */
  GThread *facts_thread = g_thread_try_new ("nkg-sort", sort_facts, g, NULL);
  nkg_graph_sort_by_iri (g->docs);
  nkg_graph_sort_by_iri (g->evidence);
  nkg_graph_sort_by_iri (g->entities);
  nkg_graph_sort_by_iri (g->quotes);
  if (facts_thread)
    g_thread_join (facts_thread);
  else
    sort_facts (g);
  nkg_graph_index_finished (g);
  return g;
}

/* Raptor reads the file from its start; 0 on success. */
static int
read_with_raptor (Reader *r, FILE *fh, const char *path)
{
  reader_drop_triples (r);
  rewind (fh);
  raptor_world *world = raptor_new_world ();
  if (!world)
    {
      g_autofree char *failure = nkg_raptor_start_failure ();
      g_string_append (r->error, failure);
      return 1;
    }
  raptor_world_open (world);
  raptor_world_set_log_handler (world, r, on_log);
  raptor_parser *parser = raptor_new_parser (world, "turtle");
  raptor_parser_set_statement_handler (parser, r, on_statement);
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *uri_s = g_filename_to_uri (abs, NULL, NULL);
  raptor_uri *base = raptor_new_uri (world, (const unsigned char *) (uri_s ? uri_s : "file:///"));
  int rc = raptor_parser_parse_file_stream (parser, fh, path, base);
  raptor_free_uri (base);
  raptor_free_parser (parser);
  raptor_free_world (world);
  return rc;
}

NkgGraph *
nkg_graph_load_turtle_with (const char *path, NkgLoadReader reader, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_NOT_FOUND,
                   "%s: no such graph file (build one with 'newskg build ARTICLES -o %s')", path,
                   path);
      return NULL;
    }
  FILE *fh = fopen (path, "rb");
  if (!fh)
    {
      int e = errno;
      g_set_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_NOT_FOUND, "%s: %s", path, g_strerror (e));
      return NULL;
    }
  /* Raptor reads a binary file as an empty graph; say what it is instead. */
  char head[4096];
  size_t got = fread (head, 1, sizeof head, fh);
  /* So it does an empty file, valid Turtle but never a graph newskg
   * wrote (that has its prefixes at least): most likely a write that was
   * cut short. */
  if (got == 0 && !ferror (fh))
    {
      fclose (fh);
      g_set_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_EMPTY,
                   "%s: the file is empty (0 bytes), not a graph: rebuild it with 'newskg build "
                   "ARTICLES -o %s'",
                   path, path);
      return NULL;
    }
  if (memchr (head, '\0', got))
    {
      fclose (fh);
      g_set_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX,
                   "%s:1: not valid Turtle: a binary file (NUL bytes)", path);
      return NULL;
    }
  rewind (fh);
  Reader r;
  reader_init (&r);
  int rc = 0;
  GStatBuf st;
  guint64 size = g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
  reader_reserve (&r, size);
  gboolean serd_read = FALSE;
  /* A NUL byte past the head: the fast reader and serd would stop or
   * skip there and keep what came before; Raptor refuses the file, and
   * the automatic choice must answer as Raptor does. */
  gboolean nul = FALSE;
  if (reader == NKG_LOAD_AUTO || reader == NKG_LOAD_FAST || reader == NKG_LOAD_FAST_SPLIT)
    {
      g_autoptr (GMappedFile) map = g_mapped_file_new (path, FALSE, NULL);
      nul = map && g_mapped_file_get_length (map) > 0
            && memchr (g_mapped_file_get_contents (map), '\0', g_mapped_file_get_length (map)) != NULL;
      if (map && !nul)
        serd_read = read_fast (&r, g_mapped_file_get_contents (map), g_mapped_file_get_length (map),
                               reader == NKG_LOAD_FAST_SPLIT
                                 || (reader == NKG_LOAD_AUTO && size >= NKG_LOAD_SPLIT_BYTES));
      if (!serd_read)
        {
          /* from the start, without what the attempt interned */
          reader_drop_triples (&r);
          interned_clear (&r.interned);
          interned_init (&r.interned);
          if (reader != NKG_LOAD_AUTO)
            g_string_assign (r.error, "the fast reader does not read it");
        }
    }
  if (r.error->len)
    ;
  else if ((reader == NKG_LOAD_AUTO && !serd_read && !nul && size >= NKG_LOAD_SPLIT_BYTES)
           || reader == NKG_LOAD_SERD_SPLIT)
    {
      serd_read = read_with_serd_split (&r, path, size);
      if (!serd_read)
        reader_drop_triples (&r);
    }
  if (r.error->len)
    ;
  else if (!serd_read && ((reader == NKG_LOAD_AUTO && !nul) || reader == NKG_LOAD_SERD))
    serd_read = read_with_serd (&r, fh, G_MAXUINT64, NULL, NULL, path);
  if (r.error->len)
    ;
  else if (!serd_read && reader != NKG_LOAD_AUTO && reader != NKG_LOAD_RAPTOR)
    g_string_assign (r.error, "serd does not read it as Raptor would");
  else if (!serd_read)
    rc = read_with_raptor (&r, fh, path);
  fclose (fh);

  NkgGraph *g = NULL;
  if (rc != 0 || r.error->len)
    {
      if (r.error_line > 0)
        g_set_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX, "%s:%d: not valid Turtle: %s",
                     path, r.error_line, r.error->len ? r.error->str : "parse error");
      else
        g_set_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX, "%s: not valid Turtle: %s", path,
                     r.error->len ? r.error->str : "parse error");
    }
  else
    g = build (&r);
  reader_clear (&r);
  return g;
}

NkgGraph *
nkg_graph_load_turtle (const char *path, GError **error)
{
  return nkg_graph_load_turtle_with (path, NKG_LOAD_AUTO, error);
}
