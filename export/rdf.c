/* rdf.c — Turtle, N-Triples, N-Quads and RDF/XML through Raptor2's
 * serializers, fed from the shared walk (triples.h) and writing to a
 * GOutputStream through a Raptor iostream. */
#include <raptor2.h>
#include <string.h>

#include "export.h"
#include "graph/raptor-lazy.h"
#include "triples.h"

typedef struct {
  raptor_world *world;
  raptor_serializer *ser;
  raptor_term *graph_name; /* N-Quads: every triple in the corpus's graph */
  GOutputStream *out;
  GByteArray *buf;         /* Raptor writes byte by byte: batched here */
  GError *io_error;        /* the first write error */
  GString *errors;         /* Raptor's own complaints */
} Writer;

static void
log_handler (void *data, raptor_log_message *msg)
{
  Writer *w = data;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR && w->errors->len == 0)
    g_string_append (w->errors, msg->text ? msg->text : "unknown raptor error");
}

#define BUF_SIZE (1 << 16)

static gboolean
flush_buf (Writer *w)
{
  if (w->buf->len && !w->io_error)
    g_output_stream_write_all (w->out, w->buf->data, w->buf->len, NULL, NULL, &w->io_error);
  g_byte_array_set_size (w->buf, 0);
  return w->io_error == NULL;
}

static int
write_bytes (void *context, const void *ptr, size_t size, size_t nmemb)
{
  Writer *w = context;
  if (w->io_error)
    return 1;
  g_byte_array_append (w->buf, ptr, (guint) (size * nmemb));
  if (w->buf->len >= BUF_SIZE && !flush_buf (w))
    return 1;
  return 0;
}

static int
write_byte (void *context, const int byte)
{
  unsigned char c = (unsigned char) byte;
  return write_bytes (context, &c, 1, 1);
}

static const raptor_iostream_handler stream_handler = {
  .version = 2,
  .write_byte = write_byte,
  .write_bytes = write_bytes,
};

static raptor_term *
iri_term (Writer *w, const char *iri)
{
  return raptor_new_term_from_uri_string (w->world, (const unsigned char *) iri);
}

static gboolean
on_triple (const char *s, const char *p, const NkgTerm *o, gpointer data, GError **error)
{
  Writer *w = data;
  raptor_statement *st = raptor_new_statement (w->world);
  st->subject = iri_term (w, s);
  st->predicate = iri_term (w, p);
  if (o->literal)
    {
      raptor_uri *dt = o->datatype ? raptor_new_uri (w->world, (const unsigned char *) o->datatype)
                                   : NULL;
      st->object = raptor_new_term_from_counted_literal (w->world, (const unsigned char *) o->value,
                                                         strlen (o->value), dt, NULL, 0);
      if (dt)
        raptor_free_uri (dt);
    }
  else
    st->object = iri_term (w, o->value);
  if (w->graph_name)
    st->graph = raptor_term_copy (w->graph_name);
  /* A term Raptor could not make (it refuses some IRIs) is an error, not
   * a triple silently lost. */
  gboolean ok = st->subject && st->predicate && st->object
                && raptor_serializer_serialize_statement (w->ser, st) == 0 && !w->io_error
                && w->errors->len == 0;
  raptor_free_statement (st);
  if (!ok && !w->io_error)
    g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED, "cannot write <%s> <%s>: %s",
                 s, p, w->errors->len ? w->errors->str : "Raptor refused the triple");
  return ok;
}

static const struct {
  const char *prefix, *ns;
} prefixes[] = {
  { "rdf", NKG_NS_RDF },       { "rdfs", NKG_NS_RDFS }, { "xsd", NKG_NS_XSD },
  { "schema", NKG_NS_SCHEMA }, { "prov", NKG_NS_PROV }, { "dcterms", NKG_NS_DCTERMS },
  { "nkg", NKG_NS_NKG },
};

gboolean
nkg_raptor_write (const char *syntax, NkgGraph *graph, const NkgExportOptions *options,
                  GOutputStream *out, GError **error)
{
  Writer w = { raptor_new_world (), NULL, NULL, out, g_byte_array_sized_new (BUF_SIZE + 4096),
               NULL, g_string_new (NULL) };
  gboolean ok = FALSE;
  raptor_iostream *stream = NULL;
  if (!w.world || raptor_world_open (w.world) != 0)
    {
      g_autofree char *failure = nkg_raptor_start_failure ();
      g_set_error_literal (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED, failure);
      goto out;
    }
  raptor_world_set_log_handler (w.world, &w, log_handler);
  w.ser = raptor_new_serializer (w.world, syntax);
  stream = raptor_new_iostream_from_handler (w.world, &w, &stream_handler);
  if (!w.ser || !stream)
    {
      g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED,
                   "Raptor has no %s serializer", syntax);
      goto out;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      raptor_uri *ns = raptor_new_uri (w.world, (const unsigned char *) prefixes[i].ns);
      raptor_serializer_set_namespace (w.ser, ns, (const unsigned char *) prefixes[i].prefix);
      raptor_free_uri (ns);
    }
  if (strcmp (syntax, "nquads") == 0)
    {
      g_autofree char *name = nkg_graph_name_iri (graph);
      w.graph_name = iri_term (&w, name);
    }
  if (raptor_serializer_start_to_iostream (w.ser, NULL, stream) != 0)
    {
      g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED, "cannot start the %s writer",
                   syntax);
      goto out;
    }
  ok = nkg_graph_walk_triples (graph, on_triple, &w, options ? options->warnings : NULL, error);
  /* Turtle and RDF/XML write most of their output here, at the end. */
  if (raptor_serializer_serialize_end (w.ser) != 0 && ok && !w.io_error)
    {
      g_set_error (error, NKG_EXPORT_ERROR, NKG_EXPORT_ERROR_FAILED, "cannot finish the %s: %s",
                   syntax, w.errors->len ? w.errors->str : "Raptor failed");
      ok = FALSE;
    }
  raptor_iostream_write_end (stream);
  flush_buf (&w);

out:
  if (w.io_error)
    {
      if (ok || (error && !*error))
        g_propagate_error (error, w.io_error);
      else
        g_error_free (w.io_error);
      ok = FALSE;
    }
  if (w.graph_name)
    raptor_free_term (w.graph_name);
  if (w.ser)
    raptor_free_serializer (w.ser);
  if (stream)
    raptor_free_iostream (stream);
  if (w.world)
    raptor_free_world (w.world);
  g_string_free (w.errors, TRUE);
  g_byte_array_unref (w.buf);
  return ok;
}
