/* jsonld.c — JSON-LD through json-glib, compacted with the context newskg
 * publishes (vocab/context.jsonld, compiled into the binary).
 *
 * The walk (triples.h) gives each subject's triples together, so the
 * document is written one node at a time, one node per line, and never
 * held whole in memory. Keys and values are compacted with the context's
 * own terms: a property with a term gets its short key, an IRI value of an
 * "@id" term is written as a string, relative to the graph's base when it
 * can be, a literal whose datatype the term fixes is written bare. What
 * the context does not cover is written in full ({"@value", "@type"}), so
 * the output always expands to exactly the walk's triples.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "export.h"
#include "triples.h"

GResource *nkg_vocab_get_resource (void);

#define CONTEXT_PATH "/org/newskg/vocab/context.jsonld"

typedef struct {
  char *term;
  char *iri;
  char *coerce; /* NULL, "@id", "@vocab" or a datatype IRI */
} Term;

typedef struct {
  JsonNode *context;     /* the shipped context's object */
  GPtrArray *prefixes;   /* Term*: namespace prefixes ("nkg" → https://w3id.org/newskg#) */
  GHashTable *by_iri;    /* IRI → Term* */
  char *base;            /* @base, when the graph's base can be one */
} Context;

static void
term_free (gpointer p)
{
  Term *t = p;
  g_free (t->term);
  g_free (t->iri);
  g_free (t->coerce);
  g_free (t);
}

static void
context_clear (Context *c)
{
  g_clear_pointer (&c->context, json_node_unref);
  g_clear_pointer (&c->prefixes, g_ptr_array_unref);
  g_clear_pointer (&c->by_iri, g_hash_table_unref);
  g_clear_pointer (&c->base, g_free);
}

/* "nkg:signed" → its full IRI, through the context's prefixes. */
static char *
expand (Context *c, const char *s)
{
  const char *colon = strchr (s, ':');
  if (colon && strncmp (colon, "://", 3) != 0)
    for (guint i = 0; i < c->prefixes->len; i++)
      {
        Term *p = g_ptr_array_index (c->prefixes, i);
        if (strlen (p->term) == (gsize) (colon - s) && strncmp (s, p->term, colon - s) == 0)
          return g_strconcat (p->iri, colon + 1, NULL);
      }
  return g_strdup (s);
}

static gboolean
context_load (Context *c, GError **error)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (nkg_vocab_get_resource (), CONTEXT_PATH,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (!bytes)
    return FALSE;
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  if (!json_parser_load_from_data (parser, data, (gssize) len, error))
    return FALSE;
  JsonNode *root = json_parser_get_root (parser);
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *ctx = o ? json_object_get_member (o, "@context") : NULL;
  if (!ctx || !JSON_NODE_HOLDS_OBJECT (ctx))
    {
      g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED,
                   "the shipped JSON-LD context has no @context object");
      return FALSE;
    }
  c->context = json_node_copy (ctx);
  c->prefixes = g_ptr_array_new_with_free_func (term_free);
  c->by_iri = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, term_free);
  JsonObject *defs = json_node_get_object (c->context);
  g_autoptr (GList) members = json_object_get_members (defs);
  /* prefixes first: the terms are written with them */
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *v = json_object_get_member (defs, l->data);
      const char *s = JSON_NODE_HOLDS_VALUE (v) ? json_node_get_string (v) : NULL;
      if (s && (g_str_has_suffix (s, "#") || g_str_has_suffix (s, "/")))
        {
          Term *t = g_new0 (Term, 1);
          t->term = g_strdup (l->data);
          t->iri = g_strdup (s);
          g_ptr_array_add (c->prefixes, t);
        }
    }
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *v = json_object_get_member (defs, name);
      const char *id = NULL, *coerce = NULL;
      if (JSON_NODE_HOLDS_VALUE (v))
        id = json_node_get_string (v);
      else if (JSON_NODE_HOLDS_OBJECT (v))
        {
          JsonObject *d = json_node_get_object (v);
          id = json_object_get_string_member_with_default (d, "@id", NULL);
          coerce = json_object_get_string_member_with_default (d, "@type", NULL);
        }
      if (!id || id[0] == '@' || g_str_has_suffix (id, "#") || g_str_has_suffix (id, "/"))
        continue; /* keyword aliases and prefixes */
      Term *t = g_new0 (Term, 1);
      t->term = g_strdup (name);
      t->iri = expand (c, id);
      t->coerce = coerce && coerce[0] != '@' ? expand (c, coerce) : g_strdup (coerce);
      g_hash_table_replace (c->by_iri, t->iri, t);
    }
  return TRUE;
}

/* A base relative IRIs resolve against correctly: one that ends in '/'
 * and has no query or fragment ("https://w3id.org/newskg/id/"). */
static char *
usable_base (const char *base)
{
  if (!base || !g_str_has_suffix (base, "/") || strpbrk (base, "?#"))
    return NULL;
  return g_strdup (base);
}

/* An IRI as a JSON-LD string for a document-relative position (node ids,
 * "@id"-typed values): relative to @base when that is unambiguous. */
static const char *
relative (Context *c, const char *iri)
{
  if (!c->base || !g_str_has_prefix (iri, c->base))
    return iri;
  const char *rest = iri + strlen (c->base);
  if (!*rest || strchr ("/?#@.", rest[0]) || strchr (rest, ':'))
    return iri;
  return rest;
}

/* A vocabulary IRI (a type, a value of an "@vocab" term): its term, a
 * compact IRI, or the IRI itself. */
static char *
vocab (Context *c, const char *iri)
{
  Term *t = g_hash_table_lookup (c->by_iri, iri);
  if (t)
    return g_strdup (t->term);
  for (guint i = 0; i < c->prefixes->len; i++)
    {
      Term *p = g_ptr_array_index (c->prefixes, i);
      const char *local = g_str_has_prefix (iri, p->iri) ? iri + strlen (p->iri) : NULL;
      if (local && *local && !strchr (local, '/') && !strchr (local, '#'))
        return g_strconcat (p->term, ":", local, NULL);
    }
  return g_strdup (iri);
}

/* A canonical xsd:integer that fits a JSON number: "0", "42", not "042". */
static gboolean
plain_integer (const char *s, gint64 *out)
{
  if (!*s || (s[0] == '0' && s[1]) || strlen (s) > 15)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *out = g_ascii_strtoll (s, NULL, 10);
  return TRUE;
}

/* ---------------------------------------------------------------- nodes */

typedef struct {
  Context ctx;
  GOutputStream *out;
  char *subject;   /* of the node being gathered */
  GPtrArray *keys; /* char*: in first-seen order */
  GHashTable *values; /* key → JsonArray* */
  gboolean first;
} Writer;

static JsonArray *
values_of (Writer *w, const char *key)
{
  JsonArray *a = g_hash_table_lookup (w->values, key);
  if (!a)
    {
      a = json_array_new ();
      char *k = g_strdup (key);
      g_ptr_array_add (w->keys, k);
      g_hash_table_insert (w->values, k, a);
    }
  return a;
}

static gboolean
put (Writer *w, const char *text, GError **error)
{
  return g_output_stream_write_all (w->out, text, strlen (text), NULL, NULL, error);
}

static gboolean
flush_node (Writer *w, GError **error)
{
  if (!w->subject)
    return TRUE;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, relative (&w->ctx, w->subject));
  for (guint i = 0; i < w->keys->len; i++)
    {
      const char *key = g_ptr_array_index (w->keys, i);
      JsonArray *a = g_hash_table_lookup (w->values, key);
      json_builder_set_member_name (b, key);
      if (json_array_get_length (a) == 1)
        json_builder_add_value (b, json_node_copy (json_array_get_element (a, 0)));
      else
        {
          JsonNode *n = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (n, a);
          json_builder_add_value (b, n);
        }
    }
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  g_autofree char *text = json_generator_to_data (gen, NULL);
  gboolean ok = put (w, w->first ? "\n    " : ",\n    ", error) && put (w, text, error);
  w->first = FALSE;
  g_clear_pointer (&w->subject, g_free);
  g_hash_table_remove_all (w->values);
  g_ptr_array_set_size (w->keys, 0);
  return ok;
}

static JsonNode *
string_node (const char *s)
{
  JsonNode *n = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (n, s);
  return n;
}

static JsonNode *
object_node (const char *k1, const char *v1, const char *k2, const char *v2)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, k1, v1);
  if (k2)
    json_object_set_string_member (o, k2, v2);
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (n, o);
  return n;
}

static JsonNode *
value_node (Writer *w, const Term *t, const NkgTerm *o)
{
  Context *c = &w->ctx;
  const char *coerce = t ? t->coerce : NULL;
  if (!o->literal)
    {
      if (g_strcmp0 (coerce, "@id") == 0)
        return string_node (relative (c, o->value));
      if (g_strcmp0 (coerce, "@vocab") == 0)
        {
          g_autofree char *v = vocab (c, o->value);
          /* a bare word would resolve against @vocab, which we do not set */
          if (strchr (v, ':') || g_hash_table_lookup (c->by_iri, o->value))
            return string_node (v);
        }
      return object_node ("@id", relative (c, o->value), NULL, NULL);
    }
  if (o->datatype)
    {
      gint64 n;
      if (g_strcmp0 (coerce, o->datatype) == 0)
        return string_node (o->value);
      if (!coerce && strcmp (o->datatype, NKG_NS_XSD "integer") == 0 && plain_integer (o->value, &n))
        {
          JsonNode *node = json_node_new (JSON_NODE_VALUE);
          json_node_set_int (node, n);
          return node;
        }
      g_autofree char *dt = vocab (c, o->datatype);
      return object_node ("@value", o->value, "@type", dt);
    }
  if (!coerce)
    return string_node (o->value);
  return object_node ("@value", o->value, NULL, NULL);
}

static gboolean
on_triple (const char *s, const char *p, const NkgTerm *o, gpointer data, GError **error)
{
  Writer *w = data;
  if (!w->subject || strcmp (w->subject, s) != 0)
    {
      /* the walk keeps a subject's triples together; a subject that came
       * back would only be a second node object with the same id, which
       * JSON-LD merges: still the same triples */
      if (!flush_node (w, error))
        return FALSE;
      w->subject = g_strdup (s);
    }
  if (strcmp (p, NKG_NS_RDF "type") == 0 && !o->literal)
    {
      /* a term, a compact IRI or the IRI: @type takes strings only */
      g_autofree char *v = vocab (&w->ctx, o->value);
      json_array_add_element (values_of (w, "type"), string_node (v));
      return TRUE;
    }
  const Term *t = g_hash_table_lookup (w->ctx.by_iri, p);
  g_autofree char *key = t ? g_strdup (t->term) : vocab (&w->ctx, p);
  json_array_add_element (values_of (w, key), value_node (w, t, o));
  return TRUE;
}

static gboolean
write_head (Writer *w, GError **error)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  JsonNode *list = json_node_new (JSON_NODE_ARRAY);
  JsonArray *a = json_array_new ();
  json_array_add_element (a, json_node_copy (w->ctx.context));
  if (w->ctx.base)
    {
      JsonObject *b = json_object_new ();
      json_object_set_string_member (b, "@base", w->ctx.base);
      json_array_add_object_element (a, b);
    }
  json_node_take_array (list, a);
  JsonObject *top = json_object_new ();
  json_object_set_member (top, "@context", list);
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, top);
  json_generator_set_root (gen, root);
  g_autofree char *text = json_generator_to_data (gen, NULL);
  json_node_unref (root);
  /* "{ … "@context" : [ … ]\n}" → keep all but the closing brace */
  char *close = strrchr (text, '}');
  if (close)
    *close = '\0';
  g_strchomp (text);
  return put (w, text, error) && put (w, ",\n  \"@graph\" : [", error);
}

gboolean
nkg_jsonld_write (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                  GError **error)
{
  Writer w = { { 0 }, out, NULL, g_ptr_array_new_with_free_func (g_free),
               g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) json_array_unref),
               TRUE };
  gboolean ok = context_load (&w.ctx, error);
  if (ok)
    {
      w.ctx.base = usable_base (graph->base);
      ok = write_head (&w, error)
           && nkg_graph_walk_triples (graph, on_triple, &w, options ? options->warnings : NULL,
                                      error)
           && flush_node (&w, error) && put (&w, "\n  ]\n}\n", error);
    }
  g_free (w.subject);
  g_hash_table_unref (w.values);
  g_ptr_array_unref (w.keys);
  context_clear (&w.ctx);
  return ok;
}
