/* load.c — Turtle → NkgGraph; see load.h.
 *
 * Two passes: Raptor streams every triple into a flat table, then the
 * table is read by subject into documents, evidence, entities, statements
 * and quotes. Relation triples without a statement node still become facts
 * (support from the mentioning documents is unknown, so zero documents).
 * Version 1 graphs, whose evidence was a bare string, still load: each
 * sentence becomes evidence without document or offsets.
 */
#include "load.h"

#include <errno.h>
#include <math.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (nkg-load-error-quark, nkg_load_error)

typedef struct {
  char *s, *p, *o;
  gboolean o_is_literal;
} Triple;

typedef struct {
  GArray *triples;
  GStringChunk *strings;
  GHashTable *interned;
  GString *error;
  int error_line;
} Reader;

static const char *
intern (Reader *r, const char *s)
{
  const char *x = g_hash_table_lookup (r->interned, s);
  if (!x)
    {
      x = g_string_chunk_insert (r->strings, s);
      g_hash_table_add (r->interned, (gpointer) x);
    }
  return x;
}

/* Interned, and valid UTF-8: Turtle must be UTF-8, but Raptor passes
 * other bytes through, and everything printed (JSON above all) relies on
 * it. Bytes that are not are repaired with U+FFFD. */
static const char *
intern_utf8 (Reader *r, const char *s)
{
  if (g_utf8_validate (s, -1, NULL))
    return intern (r, s);
  g_autofree char *fixed = g_utf8_make_valid (s, -1);
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

/* Statement, quote and evidence nodes under construction, by subject IRI. */
typedef struct {
  const char *s, *p, *o;
  gboolean o_literal;
  GPtrArray *docs;      /* const char* doc IRIs */
  GPtrArray *evidence;  /* const char*: evidence IRIs */
  GPtrArray *sentences; /* const char*: version 1 evidence strings */
  GPtrArray *conflicts; /* const char*: statement IRIs */
  double confidence;
  gboolean has_confidence;
  gboolean gazetteer;
  guint start, end;     /* evidence offsets */
} StNode;

static void
st_node_free (gpointer p)
{
  StNode *n = p;
  g_ptr_array_unref (n->docs);
  g_ptr_array_unref (n->evidence);
  g_ptr_array_unref (n->sentences);
  g_ptr_array_unref (n->conflicts);
  g_free (n);
}

static StNode *
st_node (GHashTable *t, const char *iri)
{
  StNode *n = g_hash_table_lookup (t, iri);
  if (!n)
    {
      n = g_new0 (StNode, 1);
      n->docs = g_ptr_array_new ();
      n->evidence = g_ptr_array_new ();
      n->sentences = g_ptr_array_new ();
      n->conflicts = g_ptr_array_new ();
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

static char *
fact_key (const char *s, const char *p, const char *o)
{
  return g_strdup_printf ("%s\t%s\t%s", s, p, o);
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

static NkgGraph *
build (Reader *r)
{
  NkgGraph *g = nkg_graph_new (NULL);
  GArray *ts = r->triples;
  g_autoptr (GHashTable) docs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) klass = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, st_node_free);
  g_autoptr (GHashTable) quotes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, st_node_free);
  g_autoptr (GHashTable) evidence = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, st_node_free);
  const char *build_iri = NULL;

  /* Pass 1: what every subject is. */
  for (guint i = 0; i < ts->len; i++)
    {
      Triple *t = &g_array_index (ts, Triple, i);
      if (strcmp (t->p, NKG_NS_RDF "type") != 0)
        continue;
      if (strcmp (t->o, NKG_NS_NKG "Document") == 0)
        g_hash_table_insert (docs, t->s, nkg_graph_intern_doc (g, t->s));
      else if (strcmp (t->o, NKG_NS_RDF "Statement") == 0)
        st_node (statements, t->s);
      else if (strcmp (t->o, NKG_NS_NKG "Quote") == 0)
        st_node (quotes, t->s);
      else if (strcmp (t->o, NKG_NS_NKG "Evidence") == 0)
        st_node (evidence, t->s);
      else if (strcmp (t->o, NKG_NS_PROV "Activity") == 0 && is_build_iri (t->s))
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
    nkg_graph_intern_entity (g, k)->klass = GPOINTER_TO_INT (v) - 1;

  /* Pass 2: properties. */
  g_autoptr (GHashTable) facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ts->len; i++)
    {
      Triple *t = &g_array_index (ts, Triple, i);
      NkgDoc *d;
      StNode *n;
      NkgEntity *e;
      if ((d = g_hash_table_lookup (docs, t->s)))
        doc_set (d, t);
      else if ((n = g_hash_table_lookup (statements, t->s)))
        {
          if (strcmp (t->p, NKG_NS_RDF "subject") == 0)
            n->s = t->o;
          else if (strcmp (t->p, NKG_NS_RDF "predicate") == 0)
            n->p = t->o;
          else if (strcmp (t->p, NKG_NS_RDF "object") == 0)
            {
              n->o = t->o;
              n->o_literal = t->o_is_literal;
            }
          else if (strcmp (t->p, NKG_NS_PROV "wasDerivedFrom") == 0)
            g_ptr_array_add (n->docs, t->o);
          else if (strcmp (t->p, NKG_NS_NKG "evidence") == 0)
            g_ptr_array_add (t->o_is_literal ? n->sentences : n->evidence, t->o);
          else if (strcmp (t->p, NKG_NS_NKG "conflictsWith") == 0 && !t->o_is_literal)
            g_ptr_array_add (n->conflicts, t->o);
          else if (strcmp (t->p, NKG_NS_NKG "source") == 0
                   && strcmp (t->o, NKG_NS_NKG "Gazetteer") == 0)
            n->gazetteer = TRUE;
          else if (strcmp (t->p, NKG_NS_NKG "confidence") == 0)
            {
              n->confidence = g_ascii_strtod (t->o, NULL);
              n->has_confidence = TRUE;
            }
        }
      else if ((n = g_hash_table_lookup (evidence, t->s)))
        {
          if (strcmp (t->p, NKG_NS_NKG "text") == 0)
            n->o = t->o;
          else if (strcmp (t->p, NKG_NS_PROV "wasDerivedFrom") == 0 && !t->o_is_literal)
            g_ptr_array_add (n->docs, t->o);
          else if (strcmp (t->p, NKG_NS_NKG "start") == 0)
            n->start = offset_of (t->o);
          else if (strcmp (t->p, NKG_NS_NKG "end") == 0)
            n->end = offset_of (t->o);
        }
      else if (build_iri && strcmp (t->s, build_iri) == 0)
        {
          if (strcmp (t->p, NKG_NS_SCHEMA "softwareVersion") == 0)
            {
              g_free (g->version);
              g->version = g_strdup (t->o);
            }
        }
      else if ((n = g_hash_table_lookup (quotes, t->s)))
        {
          if (strcmp (t->p, NKG_NS_SCHEMA "text") == 0)
            n->o = t->o;
          else if (strcmp (t->p, NKG_NS_NKG "speaker") == 0)
            n->s = t->o;
          else if (strcmp (t->p, NKG_NS_PROV "wasDerivedFrom") == 0)
            g_ptr_array_add (n->docs, t->o);
        }
      else if ((e = nkg_graph_entity_by_iri (g, t->s)))
        {
          NkgProp prop;
          if (strcmp (t->p, NKG_NS_SCHEMA "name") == 0)
            {
              if (!e->name)
                e->name = g_strdup (t->o);
            }
          else if (strcmp (t->p, NKG_NS_SCHEMA "alternateName") == 0)
            g_ptr_array_add (e->aliases, g_strdup (t->o));
          else if (strcmp (t->p, NKG_NS_NKG "mentionedIn") == 0)
            g_ptr_array_add (e->docs, nkg_graph_intern_doc (g, t->o));
          else if (strcmp (t->p, NKG_NS_NKG "mentionCount") == 0)
            e->mention_count = (guint) g_ascii_strtoull (t->o, NULL, 10);
          else if ((prop = nkg_prop_from_iri (t->p)) != NKG_PROP_NONE)
            {
              NkgEntity *o = t->o_is_literal ? NULL : nkg_graph_entity_by_iri (g, t->o);
              gboolean literal_prop = nkg_prop_info (prop)->obj != NKG_OBJ_ENTITY;
              if (literal_prop != t->o_is_literal || (!literal_prop && !o))
                continue; /* off-contract object: ignore rather than guess */
              char *key = fact_key (t->s, t->p, t->o);
              if (g_hash_table_contains (facts, key))
                {
                  g_free (key);
                  continue;
                }
              NkgFact *f = nkg_graph_new_fact (g, e, prop, o, literal_prop ? t->o : NULL);
              g_hash_table_insert (facts, key, f);
            }
        }
    }

  /* Evidence nodes, each tied to (at most) one document. */
  g_hash_table_iter_init (&it, evidence);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *n = v;
      g_ptr_array_sort (n->docs, str_ptr_cmp);
      NkgDoc *d = n->docs->len ? nkg_graph_intern_doc (g, g_ptr_array_index (n->docs, 0)) : NULL;
      nkg_graph_add_evidence (g, k, d, n->start, n->end, n->o);
    }

  /* Statements give facts their evidence. */
  /* Keyed by the statement node's own IRI, owned by `statements`. */
  g_autoptr (GHashTable) by_statement = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) named = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&it, statements);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *n = v;
      if (!n->s || !n->p || !n->o)
        continue;
      g_autofree char *key = fact_key (n->s, n->p, n->o);
      NkgFact *f = g_hash_table_lookup (facts, key);
      if (!f)
        continue; /* reified but not asserted: not a fact of this graph */
      /* One triple reified under several statement nodes: every node's
       * evidence joins the one fact, which keeps the least of the names so
       * the result does not depend on hash order. */
      if (!f->iri || !g_hash_table_contains (named, f) || strcmp (k, f->iri) < 0)
        {
          g_free (f->iri);
          f->iri = g_strdup (k);
        }
      g_hash_table_add (named, f);
      g_ptr_array_sort (n->docs, str_ptr_cmp);
      for (guint i = 0; i < n->docs->len; i++)
        {
          NkgDoc *d = nkg_graph_intern_doc (g, g_ptr_array_index (n->docs, i));
          if (!g_ptr_array_find (f->docs, d, NULL))
            g_ptr_array_add (f->docs, d);
        }
      for (guint i = 0; i < n->evidence->len; i++)
        {
          const char *iri = g_ptr_array_index (n->evidence, i);
          NkgEvidence *ev = g_hash_table_lookup (g->evidence_index, iri);
          /* evidence named but not described: keep the link, no sentence */
          if (!ev)
            ev = nkg_graph_add_evidence (g, iri, NULL, 0, 0, NULL);
          if (!g_ptr_array_find (f->evidence, ev, NULL))
            g_ptr_array_add (f->evidence, ev);
        }
      for (guint i = 0; i < n->sentences->len; i++)
        {
          const char *text = g_ptr_array_index (n->sentences, i);
          g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
          sum[16] = '\0';
          g_autofree char *iri = g_strdup_printf ("urn:newskg:evidence:%s", sum);
          NkgEvidence *ev = nkg_graph_add_evidence (g, iri, NULL, 0, 0, text);
          if (!g_ptr_array_find (f->evidence, ev, NULL))
            g_ptr_array_add (f->evidence, ev);
        }
      f->gazetteer = f->gazetteer || n->gazetteer;
      /* "NaN"^^xsd:double is valid Turtle, and neither CLAMP nor MAX
       * keeps NaN out. */
      if (n->has_confidence && !isnan (n->confidence))
        f->confidence = MAX (f->confidence, CLAMP (n->confidence, 0.0, 1.0));
      g_hash_table_insert (by_statement, k, f);
    }
  /* Conflicts, once every statement is known; kept both ways even when
   * the file says only one. */
  g_hash_table_iter_init (&it, statements);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *n = v;
      NkgFact *f = g_hash_table_lookup (by_statement, k);
      for (guint i = 0; f && i < n->conflicts->len; i++)
        {
          NkgFact *other = g_hash_table_lookup (by_statement, g_ptr_array_index (n->conflicts, i));
          if (!other || other == f)
            continue;
          if (!g_ptr_array_find (f->conflicts, other, NULL))
            g_ptr_array_add (f->conflicts, other);
          if (!g_ptr_array_find (other->conflicts, f, NULL))
            g_ptr_array_add (other->conflicts, f);
        }
    }
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

  g_hash_table_iter_init (&it, quotes);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      StNode *n = v;
      NkgEntity *sp = n->s ? nkg_graph_entity_by_iri (g, n->s) : NULL;
      if (!sp || !n->o)
        continue;
      NkgQuote *q = g_new0 (NkgQuote, 1);
      q->iri = g_strdup (k);
      q->speaker = sp;
      q->text = g_strdup (n->o);
      q->docs = g_ptr_array_new ();
      g_ptr_array_sort (n->docs, str_ptr_cmp);
      for (guint i = 0; i < n->docs->len; i++)
        g_ptr_array_add (q->docs, nkg_graph_intern_doc (g, g_ptr_array_index (n->docs, i)));
      g_ptr_array_add (g->quotes, q);
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
  nkg_graph_index_finished (g);
  return g;
}

NkgGraph *
nkg_graph_load_turtle (const char *path, GError **error)
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
  Reader r = { g_array_new (FALSE, FALSE, sizeof (Triple)), g_string_chunk_new (1 << 16),
               g_hash_table_new (g_str_hash, g_str_equal), g_string_new (NULL), -1 };
  raptor_world *world = raptor_new_world ();
  raptor_world_open (world);
  raptor_world_set_log_handler (world, &r, on_log);
  raptor_parser *parser = raptor_new_parser (world, "turtle");
  raptor_parser_set_statement_handler (parser, &r, on_statement);
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *uri_s = g_filename_to_uri (abs, NULL, NULL);
  raptor_uri *base = raptor_new_uri (world, (const unsigned char *) (uri_s ? uri_s : "file:///"));
  int rc = raptor_parser_parse_file_stream (parser, fh, path, base);
  fclose (fh);
  raptor_free_uri (base);
  raptor_free_parser (parser);
  raptor_free_world (world);

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
  g_array_unref (r.triples);
  g_hash_table_unref (r.interned);
  g_string_chunk_free (r.strings);
  g_string_free (r.error, TRUE);
  return g;
}
