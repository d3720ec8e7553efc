/* turtle.c — Turtle written as the graph is walked, one subject at a time.
 *
 * Raptor's Turtle serializer keeps every triple of the document in search
 * trees (with a copy of every IRI) and writes only at the end: at 100 MB
 * of news that is most of the build's memory and a quarter of its time.
 * The graph is sorted already, so nothing needs to be held: the walk gives
 * the subjects in IRI order (nkg_graph_walk_subjects), and only one
 * subject's few triples are kept, to be put in Raptor's order.
 *
 * The bytes are the ones Raptor 2.0.15's "turtle" serializer writes for
 * the same triples (its layout, its order, its escapes, its QName rules),
 * so switching writers changed no output; tests/test-export.c compares
 * the two. Where Raptor wrote something a Turtle parser must reject (a raw
 * carriage return in a one-line string) this writes the escape instead.
 */
#include <string.h>

#include "export.h"
#include "triples.h"

/* Raptor writes its namespaces in the order they were declared. */
#define NS(prefix, ns) { prefix, ns, sizeof ns - 1 }
static const struct {
  const char *prefix, *ns;
  gsize len;
} prefixes[] = {
  NS ("rdf", NKG_NS_RDF),       NS ("rdfs", NKG_NS_RDFS), NS ("xsd", NKG_NS_XSD),
  NS ("schema", NKG_NS_SCHEMA), NS ("prov", NKG_NS_PROV), NS ("dcterms", NKG_NS_DCTERMS),
  NS ("nkg", NKG_NS_NKG),
};
#undef NS

typedef struct {
  const char *predicate; /* static or owned by the graph: lives through the walk */
  gboolean literal;
  const char *text;      /* the object's text when it lives through the walk, */
  gsize value;           /* else its offset in Writer.scratch */
  const char *datatype;  /* static */
} Entry;

/* Predicates and datatypes are a few strings that live through the walk:
 * each is spelt once, and found again by its address, in a table with
 * room for all of them (the vocabulary has about fifty). */
#define SPELT_SLOTS 128

typedef struct {
  const char *iri;
  gboolean predicate;
  char *text;
  gsize len;
} Spelt;

typedef struct {
  GOutputStream *out;
  GString *buf;     /* output, flushed in large writes */
  GString *scratch; /* this subject's object texts, NUL-separated */
  Entry *entries;   /* this subject's triples: n_entries of room */
  guint n_entries, room;
  GArray *merged;   /* Entry: sort_entries' second buffer */
  GArray *runs;     /* guint: sort_entries' runs */
  GError *io_error;
  Spelt spelt[SPELT_SLOTS];
} Writer;

#define FLUSH_AT (1 << 16)

/* GString appends without GLib's general insertion path (2.74 has no
 * inline fast path): most calls add a few bytes to a buffer with room. */
static inline void
put (GString *b, const char *s, gsize n)
{
  if (G_UNLIKELY (b->len + n >= b->allocated_len))
    {
      gsize len = b->len;
      g_string_set_size (b, len + n);
      b->len = len;
    }
  memcpy (b->str + b->len, s, n);
  b->len += n;
  b->str[b->len] = '\0';
}

static inline void
put_str (GString *b, const char *s)
{
  put (b, s, strlen (s));
}

static inline void
put_c (GString *b, char c)
{
  put (b, &c, 1);
}

static gboolean
flush (Writer *w)
{
  if (w->buf->len && !w->io_error)
    g_output_stream_write_all (w->out, w->buf->str, w->buf->len, NULL, NULL, &w->io_error);
  g_string_truncate (w->buf, 0);
  return w->io_error == NULL;
}

/* ------------------------------------------------------------ spelling */

/* Raptor's raptor_string_escaped_write with the Turtle flags: backslash
 * and the delimiter escaped, anything else as it is (UTF-8 included; the
 * walk made every text valid UTF-8). For IRIs, the characters SPARQL
 * forbids in an IRI reference become \u00XX. Runs of bytes that need
 * nothing are found with a table and copied whole. */
enum { PLAIN = 0, ESC_BACKSLASH = 1, ESC_U = 2 };

/* What a byte needs in an IRI delimited by '>'. */
static guint8 iri_class[256];

static void
classes_init (void)
{
  static gsize done;
  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c < 256; c++)
    iri_class[c] = c == '\\' ? ESC_BACKSLASH
                   : c == '>' || c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}'
                             || c == '|' || c == '^' || c == '`'
                       ? ESC_U
                       : PLAIN;
  iri_class[0] = ESC_U; /* the end: stops the scan */
  g_once_init_leave (&done, 1);
}

static void
put_escaped_iri (GString *b, const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  const guint8 *cls = iri_class;
  for (;;)
    {
      const guchar *p = (const guchar *) s;
      /* four at a time: the end (class ESC_U) stops each && before the
       * bytes after it are read */
      while (cls[p[0]] == PLAIN && cls[p[1]] == PLAIN && cls[p[2]] == PLAIN && cls[p[3]] == PLAIN)
        p += 4;
      while (cls[*p] == PLAIN)
        p++;
      put (b, s, (const char *) p - s);
      if (!*p)
        return;
      if (cls[*p] == ESC_BACKSLASH)
        {
          char u[2] = { '\\', (char) *p };
          put (b, u, 2);
        }
      else
        {
          char u[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };
          put (b, u, 6);
        }
      s = (const char *) p + 1;
    }
}

/* In a string delimited by '"' only '"' and the backslash are escaped:
 * the two are found with memchr (vectorised), each searched for again
 * only once passed, and the text between copied whole. Most strings
 * (evidence sentences, the most of the bytes) hold neither. */
static void
put_escaped_string (GString *b, const char *s)
{
  const char *end = s + strlen (s);
  const char *quote = memchr (s, '"', (gsize) (end - s));
  const char *slash = memchr (s, '\\', (gsize) (end - s));
  for (;;)
    {
      const char *stop = quote && (!slash || quote < slash) ? quote : slash;
      if (!stop)
        {
          put (b, s, (gsize) (end - s));
          return;
        }
      put (b, s, (gsize) (stop - s));
      char u[2] = { '\\', *stop };
      put (b, u, 2);
      s = stop + 1;
      if (stop == quote)
        quote = memchr (s, '"', (gsize) (end - s));
      else
        slash = memchr (s, '\\', (gsize) (end - s));
    }
}

static void
put_iri_ref (GString *b, const char *iri)
{
  put_c (b, '<');
  put_escaped_iri (b, iri);
  put_c (b, '>');
}

/* Raptor's XML 1.0 name check, for the ASCII names our vocabularies and
 * IRIs use: a name that is not ASCII is written as a full IRI, which is
 * always correct. */
static gboolean
xml_name (const char *s)
{
  if (!*s || !(g_ascii_isalpha (*s) || *s == '_'))
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.'))
      return FALSE;
  return TRUE;
}

/* Writes `iri` as prefix:local when a namespace covers it and the rest is
 * a name (for subjects and objects also one Turtle accepts: no leading
 * '-', no '.'), else as <iri>. */
static void
put_resource (GString *b, const char *iri, gboolean turtle_check)
{
  gsize len = strlen (iri);
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = prefixes[i].len;
      /* a namespace ends in '#' or '/': that byte tells most apart */
      if (len <= n || iri[n - 1] != prefixes[i].ns[n - 1] || memcmp (iri, prefixes[i].ns, n) != 0
          || !xml_name (iri + n))
        continue;
      const char *local = iri + n;
      if (turtle_check && (!(g_ascii_isalnum (*local) || *local == '_') || strchr (local, '.')))
        break;
      put_str (b, prefixes[i].prefix);
      put_c (b, ':');
      put_str (b, local);
      return;
    }
  put_iri_ref (b, iri);
}

/* put_resource (…, FALSE) of a datatype, or of a predicate (`predicate`:
 * rdf:type is written 'a'), remembered with its length. */
static void
put_known (Writer *w, const char *iri, gboolean predicate)
{
  /* The slot by a multiplicative hash of the address, then the next
   * ones. With the address's low bits as the slot, strings the linker
   * happened to place a multiple of 512 bytes apart took one slot in
   * turn and were spelt again at nearly every use: a build of this
   * branch spelt 22,354 predicates for the real articles, where the one
   * before spelt 112. */
  guint64 h = ((guint64) (guintptr) iri + (guint64) predicate) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint home = (guint) (h >> 57) % SPELT_SLOTS, at = home;
  Spelt *sp;
  for (;;)
    {
      sp = &w->spelt[at];
      if ((sp->iri == iri && sp->predicate == predicate) || !sp->iri)
        break;
      at = (at + 1) % SPELT_SLOTS;
      if (at == home)
        break; /* full: this slot is spelt anew */
    }
  if (sp->iri != iri || sp->predicate != predicate)
    {
      g_autoptr (GString) t = g_string_new (NULL);
      if (predicate && strcmp (iri, NKG_NS_RDF "type") == 0)
        put_c (t, 'a');
      else
        put_resource (t, iri, FALSE);
      g_free (sp->text);
      sp->len = t->len;
      sp->text = g_string_free (g_steal_pointer (&t), FALSE);
      sp->iri = iri;
      sp->predicate = predicate;
    }
  put (w->buf, sp->text, sp->len);
}

/* A quoted string: """…""" when it holds a line feed, as Raptor writes. A
 * carriage return is not allowed raw in a one-line string. */
static void
put_string (GString *b, const char *s)
{
  const char *brk = strpbrk (s, "\n\r");
  if (brk && (*brk == '\n' || strchr (brk, '\n')))
    {
      put_str (b, "\"\"\"");
      put_escaped_string (b, s);
      put_str (b, "\"\"\"");
      return;
    }
  put_c (b, '"');
  if (brk)
    {
      g_auto (GStrv) parts = g_strsplit (s, "\r", -1);
      for (char **p = parts; *p; p++)
        {
          if (p != parts)
            put_str (b, "\\r");
          put_escaped_string (b, *p);
        }
    }
  else
    put_escaped_string (b, s);
  put_c (b, '"');
}

/* strtol / strtod accept the whole text: Raptor's test for writing a
 * number bare. */
static gboolean
whole_number (const char *s, gboolean integer)
{
  /* -?digits (and .digits when not an integer): what the graph writes,
   * which both accept whole, without parsing a number */
  const char *p = s + (*s == '-');
  const char *digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p > digits && !*p)
    return TRUE;
  if (p > digits && *p == '.' && !integer && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
      if (!*p)
        return TRUE;
    }
  char *end = NULL;
  if (integer)
    (void) g_ascii_strtoll (s, &end, 10);
  else
    (void) g_ascii_strtod (s, &end);
  return end != s && *end == '\0';
}

static gboolean
put_literal (Writer *w, const char *value, const char *datatype, GError **error)
{
  GString *b = w->buf;
  if (datatype)
    {
      gboolean integer = strcmp (datatype, NKG_NS_XSD "integer") == 0;
      gboolean number = integer || strcmp (datatype, NKG_NS_XSD "decimal") == 0
                        || strcmp (datatype, NKG_NS_XSD "double") == 0;
      if (number)
        {
          if (!whole_number (value, integer))
            {
              g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED,
                           "cannot write \"%s\" as %s", value, integer ? "an integer" : "a number");
              return FALSE;
            }
          put_str (b, value);
          return TRUE;
        }
    }
  put_string (b, value);
  if (datatype)
    {
      put_str (b, "^^");
      put_known (w, datatype, FALSE);
    }
  return TRUE;
}

/* ------------------------------------------------------------ one subject */

static const char *
entry_text (const Writer *w, const Entry *e)
{
  return e->text ? e->text : w->scratch->str + e->value;
}

static int
term_cmp (const Writer *w, const Entry *x, const Entry *y)
{
  /* Raptor's raptor_term_compare: IRIs before literals, then the text,
   * then a literal without datatype first, then the datatype */
  if (x->literal != y->literal)
    return x->literal ? 1 : -1;
  int c = strcmp (entry_text (w, x), entry_text (w, y));
  if (c || !x->literal)
    return c;
  if (!x->datatype || !y->datatype)
    return (x->datatype != NULL) - (y->datatype != NULL);
  return strcmp (x->datatype, y->datatype);
}

static int
entry_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const Entry *x = a, *y = b;
  int c = x->predicate == y->predicate ? 0 : strcmp (x->predicate, y->predicate);
  return c ? c : term_cmp (data, x, y);
}

/* Most subjects have a dozen triples or fewer: sorted in place by
 * insertion, without the general sort's set-up. Larger ones come in long
 * sorted runs (an entity's documents, a build's articles, in IRI order):
 * the runs are found and merged, so a sorted list of n costs n compares
 * where a merge sort spent n log n (a sixth of writing Turtle went to
 * sorting hubs' triples). Equal entries are the same triple, so the order
 * among them does not show. */
static void
sort_entries (Writer *w, Entry *e, guint n)
{
  if (n <= 24)
    {
      for (guint i = 1; i < n; i++)
        {
          Entry x = e[i];
          guint j = i;
          while (j > 0 && entry_cmp (&e[j - 1], &x, w) > 0)
            {
              e[j] = e[j - 1];
              j--;
            }
          e[j] = x;
        }
      return;
    }
  /* runs: where each non-decreasing run starts, then n */
  GArray *runs = w->runs;
  g_array_set_size (runs, 0);
  g_array_append_val (runs, (guint){ 0 });
  for (guint i = 1; i < n; i++)
    if (entry_cmp (&e[i - 1], &e[i], w) > 0)
      g_array_append_val (runs, i);
  if (runs->len == 1)
    return;
  g_array_append_val (runs, n);
  g_array_set_size (w->merged, n);
  Entry *from = e, *to = (Entry *) (void *) w->merged->data;
  guint *r = (guint *) (void *) runs->data;
  guint nr = runs->len - 1; /* runs; r[nr] == n */
  while (nr > 1)
    {
      guint out = 0;
      for (guint k = 0; k < nr; k += 2)
        {
          guint a = r[k], am = r[k + 1];
          if (k + 1 == nr)
            {
              memcpy (to + a, from + a, (am - a) * sizeof (Entry));
              r[out++] = a;
              continue;
            }
          guint b = am, bm = r[k + 2], o = a;
          while (a < am && b < bm)
            to[o++] = entry_cmp (&from[b], &from[a], w) < 0 ? from[b++] : from[a++];
          memcpy (to + o, from + a, (am - a) * sizeof (Entry));
          o += am - a;
          memcpy (to + o, from + b, (bm - b) * sizeof (Entry));
          r[out++] = r[k];
        }
      r[out] = n;
      nr = out;
      Entry *t = from;
      from = to;
      to = t;
    }
  if (from != e)
    memcpy (e, from, n * sizeof (Entry));
}

static gboolean
on_triple (const char *s, const char *p, const NkgTerm *o, gpointer data, GError **error)
{
  Writer *w = data;
  if (!*s || !*p || (!o->literal && !*o->value))
    {
      /* Raptor refuses an empty IRI; a triple is never lost silently */
      g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED,
                   "cannot write <%s> <%s>: an empty IRI", s, p);
      return FALSE;
    }
  Entry e = { p, o->literal, o->transient ? NULL : o->value, w->scratch->len,
              o->literal ? o->datatype : NULL };
  /* the walk's temporaries (a number printed on the stack) are copied */
  if (o->transient)
    put (w->scratch, o->value, strlen (o->value) + 1);
  /* an array of its own: GArray's general append was 6% of writing */
  if (G_UNLIKELY (w->n_entries == w->room))
    {
      w->room = w->room * 2 + 16;
      w->entries = g_renew (Entry, w->entries, w->room);
    }
  w->entries[w->n_entries++] = e;
  return TRUE;
}

static gboolean
on_subject_end (const char *subject, gpointer data, GError **error)
{
  Writer *w = data;
  guint n = w->n_entries;
  if (n == 0)
    return TRUE;
  sort_entries (w, w->entries, n);
  GString *b = w->buf;
  put_resource (b, subject, TRUE);
  put_str (b, "\n    ");
  const Entry *last = NULL;
  gboolean ok = TRUE;
  for (guint i = 0; i < n && ok; i++)
    {
      const Entry *e = &w->entries[i];
      gboolean same_p = last && (last->predicate == e->predicate
                                 || strcmp (last->predicate, e->predicate) == 0);
      if (same_p && term_cmp (w, last, e) == 0)
        continue; /* the same triple twice is one triple */
      if (same_p)
        put_str (b, ", ");
      else
        {
          if (last)
            put_str (b, " ;\n    ");
          put_known (w, e->predicate, TRUE);
          put_c (b, ' ');
        }
      const char *value = entry_text (w, e);
      if (e->literal)
        ok = put_literal (w, value, e->datatype, error);
      else
        put_resource (b, value, TRUE);
      last = e;
    }
  put_str (b, " .\n\n");
  w->n_entries = 0;
  g_string_truncate (w->scratch, 0);
  if (w->out && b->len >= FLUSH_AT && !flush (w))
    ok = FALSE;
  return ok;
}

static void
writer_init (Writer *w, GOutputStream *out, GString *buf)
{
  *w = (Writer){ .out = out,
                 .buf = buf,
                 .scratch = g_string_sized_new (4096),
                 .merged = g_array_new (FALSE, FALSE, sizeof (Entry)),
                 .runs = g_array_new (FALSE, FALSE, sizeof (guint)) };
}

static void
writer_clear (Writer *w)
{
  g_string_free (w->scratch, TRUE);
  g_free (w->entries);
  g_array_unref (w->merged);
  g_array_unref (w->runs);
  for (guint i = 0; i < SPELT_SLOTS; i++)
    g_free (w->spelt[i].text);
}

/* ------------------------------------------------------------ on several threads */

/* With more than one thread the subjects are cut into ranges
 * (nkg_graph_subject_bounds), each formatted whole into a buffer of its
 * own by whichever thread takes it, while this one writes the finished
 * ranges out in order: the bytes are those of one walk, and the kernel's
 * copy of each range into the file overlaps the formatting of the next.
 * At most `window` ranges are taken and not yet written, so memory holds
 * a few ranges, not the file. */
typedef struct {
  GString *text;
  GPtrArray *warnings; /* char*, when the caller wants them */
  GError *error;
  gboolean done, ok;
} Range;

typedef struct {
  NkgGraph *graph;
  GPtrArray *bounds; /* n - 1 bounds: range i is [bounds[i - 1], bounds[i]) */
  Range *ranges;
  guint n, taken, written, window;
  gboolean stop, want_warnings;
  GPtrArray *spare; /* GString*: written ranges' buffers, to be used again */
  GMutex lock;
  GCond cond;
} Ranges;

/* Under the lock: the next range to format and a buffer for it, when the
 * window allows one. */
static gboolean
range_take (Ranges *r, guint *i, GString **text)
{
  if (r->stop || r->taken >= r->n || r->taken >= r->written + r->window)
    return FALSE;
  *i = r->taken++;
  *text = r->spare->len ? g_ptr_array_steal_index_fast (r->spare, r->spare->len - 1)
                        : g_string_sized_new (FLUSH_AT);
  return TRUE;
}

/* Without the lock: formats range `i` into `text` with `w`, a writer of
 * this thread's own. */
static void
range_format (Ranges *r, Writer *w, guint i, GString *text)
{
  Range *rg = &r->ranges[i];
  const char *from = i ? g_ptr_array_index (r->bounds, i - 1) : NULL;
  const char *to = i < r->bounds->len ? g_ptr_array_index (r->bounds, i) : NULL;
  w->buf = text;
  rg->warnings = r->want_warnings ? g_ptr_array_new_with_free_func (g_free) : NULL;
  rg->ok = nkg_graph_walk_subjects_range (r->graph, from, to, on_triple, on_subject_end, w,
                                          rg->warnings, &rg->error);
  rg->text = text;
  /* a failed subject leaves its triples behind */
  w->n_entries = 0;
  g_string_truncate (w->scratch, 0);
}

static gpointer
range_helper (gpointer data)
{
  Ranges *r = data;
  Writer w;
  writer_init (&w, NULL, NULL);
  g_mutex_lock (&r->lock);
  while (!r->stop && r->taken < r->n)
    {
      guint i;
      GString *text;
      if (!range_take (r, &i, &text))
        {
          g_cond_wait (&r->cond, &r->lock);
          continue;
        }
      g_mutex_unlock (&r->lock);
      range_format (r, &w, i, text);
      g_mutex_lock (&r->lock);
      r->ranges[i].done = TRUE;
      g_cond_broadcast (&r->cond);
    }
  g_mutex_unlock (&r->lock);
  writer_clear (&w);
  return NULL;
}

/* Writes range `rg` after what `w` wrote; FALSE at the first error. */
static gboolean
range_write (Writer *w, Range *rg, GPtrArray *warnings, GError **error)
{
  if (warnings && rg->warnings)
    for (guint k = 0; k < rg->warnings->len; k++)
      g_ptr_array_add (warnings, g_steal_pointer (&rg->warnings->pdata[k]));
  if (!rg->ok)
    {
      g_propagate_error (error, g_steal_pointer (&rg->error));
      return FALSE;
    }
  if (!w->io_error)
    g_output_stream_write_all (w->out, rg->text->str, rg->text->len, NULL, NULL, &w->io_error);
  return w->io_error == NULL;
}

static gboolean
write_ranges (NkgGraph *graph, GPtrArray *bounds, guint threads, Writer *w, GPtrArray *warnings,
              GError **error)
{
  Ranges r = { .graph = graph,
               .bounds = bounds,
               .n = bounds->len + 1,
               .window = threads + 2,
               .want_warnings = warnings != NULL,
               .spare = g_ptr_array_new () };
  r.ranges = g_new0 (Range, r.n);
  g_mutex_init (&r.lock);
  g_cond_init (&r.cond);
  g_autoptr (GPtrArray) helpers = g_ptr_array_new ();
  for (guint t = 1; t < threads; t++)
    {
      GThread *th = g_thread_try_new ("nkg-turtle", range_helper, &r, NULL);
      if (th)
        g_ptr_array_add (helpers, th);
    }
  Writer fw; /* this thread's, for the ranges it formats itself */
  writer_init (&fw, NULL, NULL);
  gboolean ok = flush (w);
  g_mutex_lock (&r.lock);
  while (ok && r.written < r.n)
    {
      Range *rg = &r.ranges[r.written];
      guint i;
      GString *text;
      if (rg->done)
        {
          g_mutex_unlock (&r.lock);
          ok = range_write (w, rg, warnings, error);
          g_string_truncate (rg->text, 0);
          g_mutex_lock (&r.lock);
          g_ptr_array_add (r.spare, g_steal_pointer (&rg->text));
          r.written++;
          g_cond_broadcast (&r.cond);
        }
      else if (range_take (&r, &i, &text))
        {
          g_mutex_unlock (&r.lock);
          range_format (&r, &fw, i, text);
          g_mutex_lock (&r.lock);
          r.ranges[i].done = TRUE;
        }
      else
        g_cond_wait (&r.cond, &r.lock);
    }
  r.stop = TRUE;
  g_cond_broadcast (&r.cond);
  g_mutex_unlock (&r.lock);
  for (guint t = 0; t < helpers->len; t++)
    g_thread_join (g_ptr_array_index (helpers, t));
  for (guint i = 0; i < r.n; i++)
    {
      if (r.ranges[i].text)
        g_string_free (r.ranges[i].text, TRUE);
      if (r.ranges[i].warnings)
        g_ptr_array_unref (r.ranges[i].warnings);
      g_clear_error (&r.ranges[i].error);
    }
  for (guint i = 0; i < r.spare->len; i++)
    g_string_free (g_ptr_array_index (r.spare, i), TRUE);
  g_ptr_array_unref (r.spare);
  g_free (r.ranges);
  g_mutex_clear (&r.lock);
  g_cond_clear (&r.cond);
  writer_clear (&fw);
  return ok;
}

/* Triples of one kind per range, some 250 KB of Turtle: the ranges in
 * memory at once hold a few MB. */
#define RANGE_TRIPLES 4096

gboolean
nkg_turtle_write (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                  GError **error)
{
  return nkg_turtle_write_ranges (graph, options, out, nkg_graph_threads (graph), RANGE_TRIPLES,
                                  error);
}

gboolean
nkg_turtle_write_ranges (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                         guint threads, gsize range_triples, GError **error)
{
  classes_init ();
  Writer w;
  writer_init (&w, out, g_string_sized_new (FLUSH_AT + 4096));
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_string_append_printf (w.buf, "@prefix %s: ", prefixes[i].prefix);
      put_iri_ref (w.buf, prefixes[i].ns);
      put_str (w.buf, " .\n");
    }
  put_c (w.buf, '\n');
  GPtrArray *warnings = options ? options->warnings : NULL;
  GError *local = NULL;
  g_autoptr (GPtrArray) bounds
      = threads > 1 ? nkg_graph_subject_bounds (graph, MAX (range_triples, 1)) : NULL;
  gboolean ok;
  if (bounds && bounds->len)
    ok = write_ranges (graph, bounds, threads, &w, warnings, &local);
  else
    {
      ok = nkg_graph_walk_subjects (graph, on_triple, on_subject_end, &w, warnings, &local);
      if (ok)
        flush (&w);
    }
  if (w.io_error)
    {
      g_clear_error (&local);
      g_propagate_error (error, w.io_error);
      ok = FALSE;
    }
  else if (local)
    g_propagate_error (error, local);
  g_string_free (w.buf, TRUE);
  writer_clear (&w);
  return ok;
}
