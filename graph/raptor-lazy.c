/* raptor-lazy.c — Raptor, loaded when it is first called.
 *
 * Raptor writes N-Triples, N-Quads and RDF/XML (export/rdf.c) and reads the
 * Turtle serd rejects (graph/load.c); a build writing Turtle never calls
 * it. Linked, it and what it needs (libcurl, GnuTLS, Kerberos, LDAP, SASL:
 * 33 of build/newskg's 68 shared libraries) were loaded and relocated at
 * every start: ~16 ms of CPU before main, serial in a `-j 2` build and so
 * counted twice in issue #12's ratio. The functions below have Raptor's
 * own prototypes (raptor2.h checks them) and call the library's, which is
 * opened on the first call; the rest of the code calls Raptor as before.
 * When it cannot be opened every function fails as Raptor does when it
 * cannot start (NULL, non-zero), and nkg_raptor_load_error says why. */
#include <gmodule.h>
#include <raptor2.h>

#include "raptor-lazy.h"

/* Raptor 2's soname: its ABI has been 0 since 2.0.0. */
#define NKG_RAPTOR_SONAME "libraptor2.so.0"

static GModule *module;
static char *load_error;

static GModule *
raptor_module (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      const char *name = g_getenv ("NEWSKG_RAPTOR_LIBRARY");
      module = g_module_open (name && *name ? name : NKG_RAPTOR_SONAME,
                              G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (!module)
        load_error = g_strdup (g_module_error ());
      g_once_init_leave (&once, 1);
    }
  return module;
}

const char *
nkg_raptor_load_error (void)
{
  return raptor_module () ? NULL : load_error;
}

char *
nkg_raptor_start_failure (void)
{
  const char *why = nkg_raptor_load_error ();
  return g_strdup_printf ("cannot start Raptor%s%s", why ? ": " : "", why ? why : "");
}

static gpointer
raptor_symbol (const char *name)
{
  gpointer p = NULL;
  GModule *m = raptor_module ();
  if (m && !g_module_symbol (m, name, &p))
    p = NULL;
  return p;
}

/* The symbol `name`, looked up once and kept in `slot`; NULL when the
 * library or the symbol is missing (looked up again on the next call). */
static gpointer
raptor_slot (gpointer *slot, const char *name)
{
  gpointer p = g_atomic_pointer_get (slot);
  if (!p)
    {
      p = raptor_symbol (name);
      g_atomic_pointer_set (slot, p);
    }
  return p;
}

/* Each function looks its symbol up on its first call; without it the
 * call returns `fail`. */
#define CALL(ret, name, params, args, fail)                                                        \
  ret name params                                                                                  \
  {                                                                                                \
    static gpointer slot;                                                                          \
    gpointer p = raptor_slot (&slot, #name);                                                       \
    return p ? ((ret (*) params) p) args : fail;                                                   \
  }
#define CALL_VOID(name, params, args)                                                              \
  void name params                                                                                 \
  {                                                                                                \
    static gpointer slot;                                                                          \
    gpointer p = raptor_slot (&slot, #name);                                                       \
    if (p)                                                                                         \
      ((void (*) params) p) args;                                                                  \
  }

CALL (raptor_world *, raptor_new_world_internal, (unsigned int version), (version), NULL)
CALL (int, raptor_world_open, (raptor_world *world), (world), 1)
CALL (int, raptor_world_set_log_handler,
      (raptor_world *world, void *user_data, raptor_log_handler handler),
      (world, user_data, handler), 1)
CALL_VOID (raptor_free_world, (raptor_world *world), (world))
CALL (raptor_uri *, raptor_new_uri, (raptor_world *world, const unsigned char *uri_string),
      (world, uri_string), NULL)
CALL_VOID (raptor_free_uri, (raptor_uri *uri), (uri))
CALL (unsigned char *, raptor_uri_as_string, (raptor_uri *uri), (uri), NULL)
CALL (raptor_term *, raptor_new_term_from_uri_string,
      (raptor_world *world, const unsigned char *uri_string), (world, uri_string), NULL)
CALL (raptor_term *, raptor_new_term_from_counted_literal,
      (raptor_world *world, const unsigned char *literal, size_t literal_len,
       raptor_uri *datatype, const unsigned char *language, unsigned char language_len),
      (world, literal, literal_len, datatype, language, language_len), NULL)
CALL (raptor_term *, raptor_term_copy, (raptor_term *term), (term), NULL)
CALL_VOID (raptor_free_term, (raptor_term *term), (term))
CALL (raptor_statement *, raptor_new_statement, (raptor_world *world), (world), NULL)
CALL_VOID (raptor_free_statement, (raptor_statement *statement), (statement))
CALL (int, raptor_locator_line, (raptor_locator *locator), (locator), -1)
CALL (raptor_iostream *, raptor_new_iostream_from_handler,
      (raptor_world *world, void *user_data, const raptor_iostream_handler *const handler),
      (world, user_data, handler), NULL)
CALL (int, raptor_iostream_write_end, (raptor_iostream *iostr), (iostr), 1)
CALL_VOID (raptor_free_iostream, (raptor_iostream *iostr), (iostr))
CALL (raptor_serializer *, raptor_new_serializer, (raptor_world *world, const char *name),
      (world, name), NULL)
CALL (int, raptor_serializer_set_namespace,
      (raptor_serializer *rdf_serializer, raptor_uri *uri, const unsigned char *prefix),
      (rdf_serializer, uri, prefix), 1)
CALL (int, raptor_serializer_start_to_iostream,
      (raptor_serializer *rdf_serializer, raptor_uri *uri, raptor_iostream *iostream),
      (rdf_serializer, uri, iostream), 1)
CALL (int, raptor_serializer_serialize_statement,
      (raptor_serializer *rdf_serializer, raptor_statement *statement),
      (rdf_serializer, statement), 1)
CALL (int, raptor_serializer_serialize_end, (raptor_serializer *rdf_serializer),
      (rdf_serializer), 1)
CALL_VOID (raptor_free_serializer, (raptor_serializer *rdf_serializer), (rdf_serializer))
CALL (raptor_parser *, raptor_new_parser, (raptor_world *world, const char *name),
      (world, name), NULL)
CALL_VOID (raptor_parser_set_statement_handler,
           (raptor_parser *parser, void *user_data, raptor_statement_handler handler),
           (parser, user_data, handler))
CALL (int, raptor_parser_parse_file_stream,
      (raptor_parser *rdf_parser, FILE *stream, const char *filename, raptor_uri *base_uri),
      (rdf_parser, stream, filename, base_uri), 1)
CALL_VOID (raptor_free_parser, (raptor_parser *parser), (parser))
