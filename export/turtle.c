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
static const struct {
  const char *prefix, *ns;
} prefixes[] = {
  { "rdf", NKG_NS_RDF },       { "rdfs", NKG_NS_RDFS }, { "xsd", NKG_NS_XSD },
  { "schema", NKG_NS_SCHEMA }, { "prov", NKG_NS_PROV }, { "dcterms", NKG_NS_DCTERMS },
  { "nkg", NKG_NS_NKG },
};

typedef struct {
  const char *predicate; /* static or owned by the graph: lives through the walk */
  gboolean literal;
  gsize value;           /* offset of the object's text in Writer.scratch */
  const char *datatype;  /* static */
} Entry;

typedef struct {
  GOutputStream *out;
  GString *buf;     /* output, flushed in large writes */
  GString *scratch; /* this subject's object texts, NUL-separated */
  GArray *entries;  /* Entry: this subject's triples */
  GError *io_error;
} Writer;

#define FLUSH_AT (1 << 16)

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
 * walk made every text valid UTF-8). For IRIs (`iri`), the characters
 * SPARQL forbids in an IRI reference become \u00XX. */
static void
put_escaped (GString *b, const char *s, char delim, gboolean iri)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *run = s;
  for (const char *p = s; *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      const char *esc = NULL;
      char u[7];
      if (c == '\\' || (c == '"' && delim == '"'))
        {
          u[0] = '\\';
          u[1] = (char) c;
          u[2] = '\0';
          esc = u;
        }
      else if (c == (unsigned char) delim
               || (iri && (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}'
                           || c == '|' || c == '^' || c == '`')))
        {
          memcpy (u, "\\u00", 4);
          u[4] = hex[c >> 4];
          u[5] = hex[c & 15];
          u[6] = '\0';
          esc = u;
        }
      if (esc)
        {
          g_string_append_len (b, run, p - run);
          g_string_append (b, esc);
          run = p + 1;
        }
    }
  g_string_append (b, run);
}

static void
put_iri_ref (GString *b, const char *iri)
{
  g_string_append_c (b, '<');
  put_escaped (b, iri, '>', TRUE);
  g_string_append_c (b, '>');
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
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i].ns);
      if (strncmp (iri, prefixes[i].ns, n) != 0 || !iri[n] || !xml_name (iri + n))
        continue;
      const char *local = iri + n;
      if (turtle_check && (!(g_ascii_isalnum (*local) || *local == '_') || strchr (local, '.')))
        break;
      g_string_append (b, prefixes[i].prefix);
      g_string_append_c (b, ':');
      g_string_append (b, local);
      return;
    }
  put_iri_ref (b, iri);
}

/* A quoted string: """…""" when it holds a line feed, as Raptor writes. A
 * carriage return is not allowed raw in a one-line string. */
static void
put_string (GString *b, const char *s)
{
  if (strchr (s, '\n'))
    {
      g_string_append (b, "\"\"\"");
      put_escaped (b, s, '"', FALSE);
      g_string_append (b, "\"\"\"");
      return;
    }
  g_string_append_c (b, '"');
  if (strchr (s, '\r'))
    {
      g_auto (GStrv) parts = g_strsplit (s, "\r", -1);
      for (char **p = parts; *p; p++)
        {
          if (p != parts)
            g_string_append (b, "\\r");
          put_escaped (b, *p, '"', FALSE);
        }
    }
  else
    put_escaped (b, s, '"', FALSE);
  g_string_append_c (b, '"');
}

/* strtol / strtod accept the whole text: Raptor's test for writing a
 * number bare. */
static gboolean
whole_number (const char *s, gboolean integer)
{
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
          g_string_append (b, value);
          return TRUE;
        }
    }
  put_string (b, value);
  if (datatype)
    {
      g_string_append (b, "^^");
      put_resource (b, datatype, FALSE);
    }
  return TRUE;
}

/* ------------------------------------------------------------ one subject */

static int
term_cmp (const Writer *w, const Entry *x, const Entry *y)
{
  /* Raptor's raptor_term_compare: IRIs before literals, then the text,
   * then a literal without datatype first, then the datatype */
  if (x->literal != y->literal)
    return x->literal ? 1 : -1;
  int c = strcmp (w->scratch->str + x->value, w->scratch->str + y->value);
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
  Entry e = { p, o->literal, w->scratch->len, o->literal ? o->datatype : NULL };
  /* the object's text may be the walk's temporary (a number printed on
   * the stack): copied */
  g_string_append_len (w->scratch, o->value, strlen (o->value) + 1);
  g_array_append_val (w->entries, e);
  return TRUE;
}

static gboolean
on_subject_end (const char *subject, gpointer data, GError **error)
{
  Writer *w = data;
  GArray *es = w->entries;
  if (es->len == 0)
    return TRUE;
  g_array_sort_with_data (es, entry_cmp, w);
  GString *b = w->buf;
  put_resource (b, subject, TRUE);
  g_string_append (b, "\n    ");
  const Entry *last = NULL;
  gboolean ok = TRUE;
  for (guint i = 0; i < es->len && ok; i++)
    {
      const Entry *e = &g_array_index (es, Entry, i);
      gboolean same_p = last && (last->predicate == e->predicate
                                 || strcmp (last->predicate, e->predicate) == 0);
      if (same_p && term_cmp (w, last, e) == 0)
        continue; /* the same triple twice is one triple */
      if (same_p)
        g_string_append (b, ", ");
      else
        {
          if (last)
            g_string_append (b, " ;\n    ");
          if (strcmp (e->predicate, NKG_NS_RDF "type") == 0)
            g_string_append_c (b, 'a');
          else
            put_resource (b, e->predicate, FALSE);
          g_string_append_c (b, ' ');
        }
      const char *value = w->scratch->str + e->value;
      if (e->literal)
        ok = put_literal (w, value, e->datatype, error);
      else
        put_resource (b, value, TRUE);
      last = e;
    }
  g_string_append (b, " .\n\n");
  g_array_set_size (es, 0);
  g_string_truncate (w->scratch, 0);
  if (b->len >= FLUSH_AT && !flush (w))
    ok = FALSE;
  return ok;
}

gboolean
nkg_turtle_write (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                  GError **error)
{
  Writer w = { out, g_string_sized_new (FLUSH_AT + 4096), g_string_sized_new (4096),
               g_array_new (FALSE, FALSE, sizeof (Entry)), NULL };
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_string_append_printf (w.buf, "@prefix %s: ", prefixes[i].prefix);
      put_iri_ref (w.buf, prefixes[i].ns);
      g_string_append (w.buf, " .\n");
    }
  g_string_append_c (w.buf, '\n');
  GError *local = NULL;
  gboolean ok = nkg_graph_walk_subjects (graph, on_triple, on_subject_end, &w,
                                         options ? options->warnings : NULL, &local);
  if (ok)
    flush (&w);
  if (w.io_error)
    {
      g_clear_error (&local);
      g_propagate_error (error, w.io_error);
      ok = FALSE;
    }
  else if (local)
    g_propagate_error (error, local);
  g_string_free (w.buf, TRUE);
  g_string_free (w.scratch, TRUE);
  g_array_unref (w.entries);
  return ok;
}
