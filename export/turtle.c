/* turtle.c — Turtle through raptor_serializer("turtle"); see turtle.h. */
#include "turtle.h"

#include <errno.h>
#include <raptor2.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (nkg-export-error-quark, nkg_export_error)

typedef struct {
  raptor_world *world;
  raptor_serializer *ser;
  GString *errors;
} Writer;

static void
log_handler (void *data, raptor_log_message *msg)
{
  Writer *w = data;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR && w->errors->len == 0)
    g_string_append (w->errors, msg->text ? msg->text : "unknown raptor error");
}

static raptor_term *
iri_term (Writer *w, const char *iri)
{
  return raptor_new_term_from_uri_string (w->world, (const unsigned char *) iri);
}

static raptor_term *
literal_term (Writer *w, const char *value, const char *datatype)
{
  raptor_uri *dt = datatype ? raptor_new_uri (w->world, (const unsigned char *) datatype) : NULL;
  raptor_term *t = raptor_new_term_from_counted_literal (w->world, (const unsigned char *) value,
                                                         strlen (value), dt, NULL, 0);
  if (dt)
    raptor_free_uri (dt);
  return t;
}

/* Takes ownership of `o`. */
static void
emit (Writer *w, const char *s, const char *p, raptor_term *o)
{
  raptor_statement *st = raptor_new_statement (w->world);
  st->subject = iri_term (w, s);
  st->predicate = iri_term (w, p);
  st->object = o;
  raptor_serializer_serialize_statement (w->ser, st);
  raptor_free_statement (st);
}

static void
emit_iri (Writer *w, const char *s, const char *p, const char *o)
{
  emit (w, s, p, iri_term (w, o));
}

static void
emit_lit (Writer *w, const char *s, const char *p, const char *value, const char *datatype)
{
  if (value)
    emit (w, s, p, literal_term (w, value, datatype));
}

static raptor_term *
fact_object (Writer *w, const NkgFact *f)
{
  if (f->object)
    return iri_term (w, f->object->iri);
  switch (nkg_prop_info (f->prop)->obj)
    {
    case NKG_OBJ_DATE:
      return literal_term (w, f->literal, NKG_NS_XSD "date");
    case NKG_OBJ_DURATION:
      return literal_term (w, f->literal, NKG_NS_XSD "duration");
    default:
      return literal_term (w, f->literal, NULL);
    }
}

static void
write_doc (Writer *w, const NkgDoc *d)
{
  emit_iri (w, d->iri, NKG_NS_RDF "type", NKG_NS_NKG "Document");
  emit_iri (w, d->iri, NKG_NS_RDF "type", NKG_NS_SCHEMA "NewsArticle");
  emit_lit (w, d->iri, NKG_NS_DCTERMS "source", d->source, NULL);
  emit_lit (w, d->iri, NKG_NS_DCTERMS "title", d->title, NULL);
  emit_lit (w, d->iri, NKG_NS_DCTERMS "date", d->date, NKG_NS_XSD "date");
  emit_lit (w, d->iri, NKG_NS_NKG "sha256", d->sha256, NULL);
}

static void
write_entity (Writer *w, const NkgEntity *e)
{
  const NkgClassInfo *ci = nkg_class_info (e->klass);
  emit_iri (w, e->iri, NKG_NS_RDF "type", ci->iri);
  if (ci->also)
    emit_iri (w, e->iri, NKG_NS_RDF "type", ci->also);
  emit_lit (w, e->iri, NKG_NS_SCHEMA "name", e->name, NULL);
  emit_lit (w, e->iri, NKG_NS_RDFS "label", e->name, NULL);
  for (guint i = 0; i < e->aliases->len; i++)
    emit_lit (w, e->iri, NKG_NS_SCHEMA "alternateName", g_ptr_array_index (e->aliases, i), NULL);
  for (guint i = 0; i < e->docs->len; i++)
    emit_iri (w, e->iri, NKG_NS_NKG "mentionedIn", ((NkgDoc *) g_ptr_array_index (e->docs, i))->iri);
  g_autofree char *count = g_strdup_printf ("%u", e->mention_count);
  emit_lit (w, e->iri, NKG_NS_NKG "mentionCount", count, NKG_NS_XSD "integer");
  for (guint i = 0; i < e->out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (e->out, i);
      emit (w, e->iri, nkg_prop_info (f->prop)->iri, fact_object (w, f));
    }
}

static void
write_statement (Writer *w, const NkgFact *f)
{
  emit_iri (w, f->iri, NKG_NS_RDF "type", NKG_NS_RDF "Statement");
  emit_iri (w, f->iri, NKG_NS_RDF "subject", f->subject->iri);
  emit_iri (w, f->iri, NKG_NS_RDF "predicate", nkg_prop_info (f->prop)->iri);
  emit (w, f->iri, NKG_NS_RDF "object", fact_object (w, f));
  for (guint i = 0; i < f->docs->len; i++)
    emit_iri (w, f->iri, NKG_NS_PROV "wasDerivedFrom",
              ((NkgDoc *) g_ptr_array_index (f->docs, i))->iri);
  for (guint i = 0; i < f->evidence->len; i++)
    emit_lit (w, f->iri, NKG_NS_NKG "evidence", g_ptr_array_index (f->evidence, i), NULL);
  g_autofree char *support = g_strdup_printf ("%u", f->docs->len);
  emit_lit (w, f->iri, NKG_NS_NKG "supportCount", support, NKG_NS_XSD "integer");
  char conf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (conf, sizeof conf, "%.3f", f->confidence);
  emit_lit (w, f->iri, NKG_NS_NKG "confidence", conf, NKG_NS_XSD "decimal");
}

static void
write_quote (Writer *w, const NkgQuote *q)
{
  emit_iri (w, q->iri, NKG_NS_RDF "type", NKG_NS_NKG "Quote");
  emit_lit (w, q->iri, NKG_NS_SCHEMA "text", q->text, NULL);
  emit_iri (w, q->iri, NKG_NS_NKG "speaker", q->speaker->iri);
  for (guint i = 0; i < q->docs->len; i++)
    emit_iri (w, q->iri, NKG_NS_PROV "wasDerivedFrom",
              ((NkgDoc *) g_ptr_array_index (q->docs, i))->iri);
}

static const struct {
  const char *prefix, *ns;
} prefixes[] = {
  { "rdf", NKG_NS_RDF },         { "rdfs", NKG_NS_RDFS },    { "xsd", NKG_NS_XSD },
  { "schema", NKG_NS_SCHEMA },   { "prov", NKG_NS_PROV },    { "dcterms", NKG_NS_DCTERMS },
  { "nkg", NKG_NS_NKG },
};

gboolean
nkg_turtle_write (NkgGraph *g, const char *path, GError **error)
{
  g_return_val_if_fail (g->finished, FALSE);
  gboolean to_stdout = g_strcmp0 (path, "-") == 0;
  FILE *fh = to_stdout ? stdout : fopen (path, "wb");
  if (!fh)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "cannot write %s: %s", path,
                   g_strerror (e));
      return FALSE;
    }
  Writer w = { raptor_new_world (), NULL, g_string_new (NULL) };
  raptor_world_open (w.world);
  raptor_world_set_log_handler (w.world, &w, log_handler);
  w.ser = raptor_new_serializer (w.world, "turtle");
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      raptor_uri *ns = raptor_new_uri (w.world, (const unsigned char *) prefixes[i].ns);
      raptor_serializer_set_namespace (w.ser, ns, (const unsigned char *) prefixes[i].prefix);
      raptor_free_uri (ns);
    }
  raptor_serializer_start_to_file_handle (w.ser, NULL, fh);
  for (guint i = 0; i < g->docs->len; i++)
    write_doc (&w, g_ptr_array_index (g->docs, i));
  for (guint i = 0; i < g->entities->len; i++)
    write_entity (&w, g_ptr_array_index (g->entities, i));
  for (guint i = 0; i < g->facts->len; i++)
    write_statement (&w, g_ptr_array_index (g->facts, i));
  for (guint i = 0; i < g->quotes->len; i++)
    write_quote (&w, g_ptr_array_index (g->quotes, i));
  raptor_serializer_serialize_end (w.ser);
  raptor_free_serializer (w.ser);
  raptor_free_world (w.world);

  gboolean ok = w.errors->len == 0;
  if (!ok)
    g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED, "cannot write %s: %s", path,
                 w.errors->str);
  if (fflush (fh) != 0 || ferror (fh))
    {
      if (ok)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "cannot write %s: %s", path,
                     g_strerror (errno));
      ok = FALSE;
    }
  if (!to_stdout && fclose (fh) != 0 && ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "cannot write %s: %s", path,
                   g_strerror (errno));
      ok = FALSE;
    }
  g_string_free (w.errors, TRUE);
  return ok;
}
