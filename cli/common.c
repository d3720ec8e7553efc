/* common.c — options, loading, colour, lookup and JSON for the inspection
 * commands; see common.h. */
#include "common.h"

#ifdef NKG_ALLOCATOR_TCMALLOC
#include <gperftools/malloc_extension_c.h>
#endif

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "export/atomic.h"
#include "input/input.h"

#include "graph/names.h"
#include "graph/query.h"

static const char exit_codes[] =
  "Exit status: 0 found or done, 1 not found (unknown or ambiguous name,\n"
  "no path), 2 usage or input error (bad option, missing or malformed graph).";

int
nkg_cli_flush_stdout (void)
{
  static int first_error;
  errno = 0;
  if ((fflush (stdout) != 0 || ferror (stdout)) && !first_error)
    first_error = errno ? errno : -1;
  return first_error;
}

/* Whether the short option `letter` of one of `tables` takes a value. */
static gboolean
takes_value (const GOptionEntry *const *tables, char letter)
{
  for (; *tables; tables++)
    for (const GOptionEntry *e = *tables; e->long_name; e++)
      if (e->short_name == letter)
        return e->arg != G_OPTION_ARG_NONE && !(e->flags & G_OPTION_FLAG_NO_ARG);
  return FALSE;
}

char **
nkg_cli_split_short_values (char **argv, const GOptionEntry *const *tables)
{
  GPtrArray *out = g_ptr_array_new ();
  gboolean options = TRUE;
  for (char **a = argv; *a; a++)
    {
      const char *s = *a;
      if (strcmp (s, "--") == 0)
        options = FALSE;
      if (a > argv && options && s[0] == '-' && s[1] && s[1] != '-' && s[2] && takes_value (tables, s[1]))
        {
          g_ptr_array_add (out, g_strndup (s, 2));
          g_ptr_array_add (out, g_strdup (s + 2));
        }
      else
        g_ptr_array_add (out, g_strdup (s));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

int
nkg_cli_parse (NkgCli *cli, const GOptionEntry *entries, const char *params,
               const char *summary, const char *example, int *argc, char ***argv)
{
  const GOptionEntry common[] = {
    { "graph", 'g', 0, G_OPTION_ARG_FILENAME, &cli->graph_path,
      "Read the graph from FILE (default: ./corpus.ttl)", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json,
      "Print one JSON document (stable keys) instead of text", NULL },
    { "color", 0, 0, G_OPTION_ARG_STRING, &cli->color_when,
      "Colour: auto (on a terminal), always or never; NO_COLOR turns it off", "WHEN" },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &cli->help, "Show this help", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  cli->cmd = (*argv)[0];
  g_autofree char *prgname = g_strdup_printf ("newskg %s", cli->cmd);
  g_set_prgname (prgname);
  cli->context = g_option_context_new (params);
  g_option_context_set_help_enabled (cli->context, FALSE);
  g_option_context_set_summary (cli->context, summary);
  g_autofree char *description = g_strdup_printf ("Example:\n%s\n\n%s", example, exit_codes);
  g_option_context_set_description (cli->context, description);
  if (entries)
    g_option_context_add_main_entries (cli->context, entries, NULL);
  g_option_context_add_main_entries (cli->context, common, NULL);

  /* Parse a copy: GOption rewrites the vector, and the caller's may be
   * the process's own argv or the shell's. */
  g_auto (GStrv) given = g_new0 (char *, *argc + 1);
  for (int i = 0; i < *argc; i++)
    given[i] = g_strdup ((*argv)[i]);
  const GOptionEntry *const tables[] = { common, entries, NULL };
  char **copy = nkg_cli_split_short_values (given, tables);
  g_autoptr (GError) error = NULL;
  gboolean ok = g_option_context_parse_strv (cli->context, &copy, &error);
  g_strfreev (cli->args);
  cli->args = copy;
  *argv = copy;
  *argc = (int) g_strv_length (copy);
  if (!ok)
    return nkg_cli_usage_error (cli, "%s", error->message);
  if (cli->help)
    {
      g_autofree char *help = g_option_context_get_help (cli->context, TRUE, NULL);
      fputs (help, stdout);
      return NKG_EXIT_OK;
    }

  const char *when = cli->color_when ? cli->color_when : "auto";
  const char *no_color = g_getenv ("NO_COLOR");
  if (strcmp (when, "auto") != 0 && strcmp (when, "always") != 0 && strcmp (when, "never") != 0)
    return nkg_cli_usage_error (cli, "--color must be auto, always or never, not '%s'", when);
  if (no_color && *no_color)
    cli->color = FALSE;
  else if (strcmp (when, "always") == 0)
    cli->color = TRUE;
  else if (strcmp (when, "auto") == 0)
    cli->color = isatty (fileno (stdout));
  return -1;
}

static void
verror (NkgCli *cli, const char *fmt, va_list ap)
{
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  fflush (stdout);
  fprintf (stderr, "newskg: %s: %s\n", cli->cmd ? cli->cmd : "?", msg);
}

void
nkg_cli_error (NkgCli *cli, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  verror (cli, fmt, ap);
  va_end (ap);
}

int
nkg_cli_usage_error (NkgCli *cli, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  nkg_cli_error (cli, "%s (see 'newskg %s --help')", msg, cli->cmd ? cli->cmd : "");
  return NKG_EXIT_USAGE;
}

NkgGraph *
nkg_cli_entity_graph (NkgCli *cli, const char *query, NkgClass klass, gboolean evidence,
                      NkgEntity **entity)
{
  *entity = NULL;
  if ((cli->shell_graph && (!cli->graph_path || g_strcmp0 (cli->graph_path, cli->shell_path) == 0))
      || cli->own_graph)
    return NULL;
  const char *path = cli->graph_path ? cli->graph_path : NKG_DEFAULT_GRAPH;
  return nkg_cli_load_entity (path, query, klass, evidence, entity);
}

NkgGraph *
nkg_cli_graph (NkgCli *cli)
{
  if (cli->shell_graph && (!cli->graph_path || g_strcmp0 (cli->graph_path, cli->shell_path) == 0))
    return cli->shell_graph;
  if (cli->own_graph)
    return cli->own_graph;

  const char *path = cli->graph_path ? cli->graph_path : NKG_DEFAULT_GRAPH;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (cli->graph_path)
        nkg_cli_error (cli, "no graph file '%s'", path);
      else
        nkg_cli_error (cli, "no graph file '%s' here: build one with 'newskg build ARTICLES "
                            "-o corpus.ttl', or pass -g FILE", path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      nkg_cli_error (cli, "'%s' is a directory, not a graph file", path);
      return NULL;
    }
  g_autoptr (GError) error = NULL;
  cli->own_graph = nkg_cli_load_graph (path, &error);
  if (!cli->own_graph)
    {
      nkg_cli_error (cli, "%s", error ? error->message : "cannot read the graph");
      return NULL;
    }
  return cli->own_graph;
}

void
nkg_cli_clear (NkgCli *cli)
{
  /* A one-shot command is about to exit: freeing a large graph piece by
   * piece would cost a tenth of a second the operating system does for
   * free. The shell, and small graphs (every test), free as usual. */
#ifndef __SANITIZE_ADDRESS__
  if (cli->own_graph && !cli->shell_graph
      && cli->own_graph->entities->len + cli->own_graph->facts->len > 10000 && cli->exiting)
    cli->own_graph = NULL;
#endif
  g_clear_pointer (&cli->own_graph, nkg_graph_free);
  g_clear_pointer (&cli->graph_path, g_free);
  g_clear_pointer (&cli->color_when, g_free);
  g_clear_pointer (&cli->context, g_option_context_free);
  g_clear_pointer (&cli->args, g_strfreev);
}

/* Removes the temporary of the output being written, then dies of the
 * same signal (the handler was reset by SA_RESETHAND; the raised signal is
 * delivered on return). */
static void
on_fatal_signal (int sig)
{
  nkg_write_atomic_abort ();
  raise (sig);
}

void
nkg_cli_clean_up_on_signals (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset (&sa.sa_mask);
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &sa, NULL);
}

void
nkg_cli_hold_signals (gboolean hold)
{
  sigset_t set;
  sigemptyset (&set);
  sigaddset (&set, SIGINT);
  sigaddset (&set, SIGTERM);
  sigaddset (&set, SIGHUP);
  pthread_sigmask (hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

NkgArticle *
nkg_cli_read_article (const char *path, const char *fragment, GError **error)
{
  /* Through the input layer, as build reads: a page's main text, a feed
   * item, a WARC record or a JSON line by its fragment ("record-3"). */
  return nkg_input_read_article (NULL, path, fragment, error);
}

#define COLOR(cli, code) ((cli)->color ? (code) : "")

const char *
nkg_cli_bold (NkgCli *cli)
{
  return COLOR (cli, "\033[1m");
}

const char *
nkg_cli_dim (NkgCli *cli)
{
  return COLOR (cli, "\033[2m");
}

const char *
nkg_cli_accent (NkgCli *cli)
{
  return COLOR (cli, "\033[36m");
}

const char *
nkg_cli_warn (NkgCli *cli)
{
  return COLOR (cli, "\033[33m");
}

const char *
nkg_cli_reset (NkgCli *cli)
{
  return COLOR (cli, "\033[0m");
}

gboolean
nkg_cli_parse_class (NkgCli *cli, const char *text, NkgClass *klass)
{
  *klass = NKG_CLASS_NONE;
  if (!text || g_ascii_strcasecmp (text, "any") == 0)
    return TRUE;
  *klass = nkg_class_from_key (text);
  if (*klass != NKG_CLASS_NONE)
    return TRUE;
  g_autoptr (GString) keys = g_string_new (NULL);
  for (int c = 0; c < NKG_CLASS_N; c++)
    g_string_append_printf (keys, "%s%s", c ? ", " : "", nkg_class_info ((NkgClass) c)->key);
  nkg_cli_usage_error (cli, "unknown type '%s' (types: %s)", text, keys->str);
  return FALSE;
}

/* JSON */

/* JsonGenerator prints doubles with 17 significant digits (a confidence
 * of 0.85 comes out as 0.84999999999999998), so the tree JsonBuilder made
 * is written here, in JsonGenerator's pretty layout, with the shortest
 * digits that read back as the same double. */
static void
json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        if (*p < 0x20)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, (char) *p);
      }
  g_string_append_c (out, '"');
}

static void
json_double (GString *out, double d)
{
  /* JSON has no NaN or infinity: "nan" would make the document unreadable.
   * A number that is none is null. */
  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (int digits = 1; digits <= 17; digits++)
    {
      char fmt[8];
      g_snprintf (fmt, sizeof fmt, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
}

static void
json_write (GString *out, JsonNode *node, guint depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (o);
        if (!members)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append (out, "{\n");
        for (GList *l = members; l; l = l->next)
          {
            g_string_append_printf (out, "%*s", (int) (depth + 1) * 2, "");
            json_string (out, l->data);
            g_string_append (out, " : ");
            json_write (out, json_object_get_member (o, l->data), depth + 1);
            g_string_append (out, l->next ? ",\n" : "\n");
          }
        g_string_append_printf (out, "%*s}", (int) depth * 2, "");
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);
        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append (out, "[\n");
        for (guint i = 0; i < n; i++)
          {
            g_string_append_printf (out, "%*s", (int) (depth + 1) * 2, "");
            json_write (out, json_array_get_element (a, i), depth + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        g_string_append_printf (out, "%*s]", (int) depth * 2, "");
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          json_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          json_double (out, json_node_get_double (node));
          break;
        default:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        }
    }
}

void
nkg_cli_print_json (JsonNode *root)
{
  g_autoptr (GString) out = g_string_new (NULL);
  json_write (out, root, 0);
  g_string_append_c (out, '\n');
  fputs (out->str, stdout);
}

void
nkg_json_member_string (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
nkg_json_member_int (JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

void
nkg_json_entity_ref (JsonBuilder *b, const NkgEntity *e)
{
  json_builder_begin_object (b);
  nkg_json_member_string (b, "iri", e->iri);
  nkg_json_member_string (b, "name", e->name);
  nkg_json_member_string (b, "class",
                       e->klass >= 0 && e->klass < NKG_CLASS_N ? nkg_class_info (e->klass)->key
                                                               : NULL);
  json_builder_end_object (b);
}

void
nkg_json_doc (JsonBuilder *b, const NkgDoc *d)
{
  json_builder_begin_object (b);
  nkg_json_member_string (b, "iri", d->iri);
  nkg_json_member_string (b, "source", d->source);
  nkg_json_member_string (b, "title", d->title);
  nkg_json_member_string (b, "date", d->date);
  nkg_json_member_string (b, "url", d->url);
  nkg_json_member_string (b, "format", d->format);
  nkg_json_member_string (b, "language", d->language);
  json_builder_end_object (b);
}

void
nkg_json_evidence (JsonBuilder *b, const NkgEvidence *ev)
{
  json_builder_begin_object (b);
  nkg_json_member_string (b, "iri", ev->iri);
  nkg_json_member_string (b, "document", ev->doc ? ev->doc->iri : NULL);
  nkg_json_member_string (b, "source", ev->doc ? ev->doc->source : NULL);
  json_builder_set_member_name (b, "start");
  if (ev->doc)
    json_builder_add_int_value (b, ev->start);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "end");
  if (ev->doc)
    json_builder_add_int_value (b, ev->end);
  else
    json_builder_add_null_value (b);
  nkg_json_member_string (b, "text", ev->text);
  json_builder_end_object (b);
}

void
nkg_json_fact (JsonBuilder *b, const NkgFact *f)
{
  json_builder_begin_object (b);
  nkg_json_member_string (b, "iri", f->iri);
  json_builder_set_member_name (b, "subject");
  nkg_json_entity_ref (b, f->subject);
  nkg_json_member_string (b, "property", nkg_prop_info (f->prop)->key);
  json_builder_set_member_name (b, "object");
  if (f->object)
    nkg_json_entity_ref (b, f->object);
  else
    json_builder_add_null_value (b);
  nkg_json_member_string (b, "value", f->object ? NULL : f->literal);
  json_builder_set_member_name (b, "support");
  json_builder_add_int_value (b, f->docs ? f->docs->len : 0);
  json_builder_set_member_name (b, "confidence");
  /* Two decimals, like the text output; avoids 0.96999999999999997. */
  g_autofree char *conf = nkg_cli_confidence (f->confidence);
  json_builder_add_double_value (b, g_ascii_strtod (conf, NULL));
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; f->docs && i < f->docs->len; i++)
    nkg_json_doc (b, g_ptr_array_index (f->docs, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  for (guint i = 0; f->evidence && i < f->evidence->len; i++)
    nkg_json_evidence (b, g_ptr_array_index (f->evidence, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "gazetteer");
  json_builder_add_boolean_value (b, f->gazetteer);
  json_builder_set_member_name (b, "conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; f->conflicts && i < f->conflicts->len; i++)
    json_builder_add_string_value (b, ((NkgFact *) g_ptr_array_index (f->conflicts, i))->iri);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Lookup */

static void
print_candidates_json (const char *error, const char *query, const char *key, GPtrArray *list)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_add_string_value (b, error);
  json_builder_set_member_name (b, "query");
  json_builder_add_string_value (b, query);
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; list && i < list->len; i++)
    nkg_json_entity_ref (b, g_ptr_array_index (list, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  nkg_cli_print_json (root);
}

NkgEntity *
nkg_cli_resolve (NkgCli *cli, NkgGraph *graph, const char *name, NkgClass klass, int *status)
{
  NkgEntity *e = NULL;
  g_autoptr (GPtrArray) cands = NULL;
  switch (nkg_query_resolve (graph, name, klass, &e, &cands))
    {
    case NKG_RESOLVE_FOUND:
      *status = NKG_EXIT_OK;
      return e;

    case NKG_RESOLVE_AMBIGUOUS:
      *status = NKG_EXIT_NOT_FOUND;
      if (cli->json)
        print_candidates_json ("ambiguous", name, "candidates", cands);
      else
        {
          guint wname = 0, wclass = 0;
          for (guint i = 0; i < cands->len && i < 20; i++)
            {
              NkgEntity *c = g_ptr_array_index (cands, i);
              wname = MAX (wname, nkg_cli_width (c->name));
              wclass = MAX (wclass, nkg_cli_width (nkg_class_info (c->klass)->key));
            }
          printf ("'%s' may mean:\n", name);
          for (guint i = 0; i < cands->len; i++)
            {
              if (i == 20)
                {
                  printf ("  %s… and %u more%s\n", nkg_cli_dim (cli), cands->len - i,
                          nkg_cli_reset (cli));
                  break;
                }
              NkgEntity *c = g_ptr_array_index (cands, i);
              printf ("  %s", nkg_cli_bold (cli));
              nkg_cli_pad (stdout, c->name, wname);
              printf ("%s  ", nkg_cli_reset (cli));
              nkg_cli_pad (stdout, nkg_class_info (c->klass)->key, wclass);
              printf ("  %s%s%s\n", nkg_cli_dim (cli), c->iri, nkg_cli_reset (cli));
            }
        }
      nkg_cli_error (cli, "'%s' is ambiguous: %u entities match; give the full name, "
                          "the IRI or --type",
                     name, cands->len);
      return NULL;

    case NKG_RESOLVE_UNKNOWN:
    default:
      *status = NKG_EXIT_NOT_FOUND;
      if (cli->json)
        print_candidates_json ("unknown", name, "suggestions", cands);
      if (cands && cands->len)
        {
          g_autoptr (GString) s = g_string_new (NULL);
          for (guint i = 0; i < cands->len && i < 3; i++)
            g_string_append_printf (s, "%s'%s'", i ? ", " : "",
                                    ((NkgEntity *) g_ptr_array_index (cands, i))->name);
          nkg_cli_error (cli, "no entity named '%s'; did you mean %s?", name, s->str);
        }
      else
        nkg_cli_error (cli, "no entity named '%s' (try 'newskg search')", name);
      return NULL;
    }
}

/* Text helpers */

guint
nkg_cli_width (const char *s)
{
  return s ? (guint) g_utf8_strlen (s, -1) : 0;
}

void
nkg_cli_pad (FILE *out, const char *s, guint width)
{
  fputs (s ? s : "", out);
  for (guint w = nkg_cli_width (s); w < width; w++)
    fputc (' ', out);
}

void
nkg_cli_pad_cut (FILE *out, const char *s, guint width)
{
  if (nkg_cli_width (s) <= width)
    {
      nkg_cli_pad (out, s, width);
      return;
    }
  const char *end = g_utf8_offset_to_pointer (s, width - 1);
  fwrite (s, 1, end - s, out);
  fputs ("…", out);
}

const char *
nkg_fact_other (const NkgFact *f, const NkgEntity *from)
{
  if (f->subject == from)
    return f->object ? f->object->name : f->literal;
  return f->subject->name;
}

char *
nkg_cli_confidence (double c)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", c));
}

static gint
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
nkg_cli_all_names (NkgGraph *graph)
{
  GPtrArray *names = g_ptr_array_new ();
  for (guint i = 0; i < graph->entities->len; i++)
    {
      NkgEntity *e = g_ptr_array_index (graph->entities, i);
      if (e->name)
        g_ptr_array_add (names, e->name);
      for (guint k = 0; e->aliases && k < e->aliases->len; k++)
        g_ptr_array_add (names, g_ptr_array_index (e->aliases, k));
    }
  g_ptr_array_sort (names, cmp_str);
  guint n = 0;
  for (guint i = 0; i < names->len; i++)
    if (n == 0 || strcmp (names->pdata[i], names->pdata[n - 1]) != 0)
      names->pdata[n++] = names->pdata[i];
  g_ptr_array_set_size (names, n);
  return names;
}

/* ---- the allocator's freed memory ---- */

void
nkg_cli_give_back_freed (gboolean now)
{
#ifdef NKG_ALLOCATOR_TCMALLOC
  MallocExtension_SetNumericProperty ("tcmalloc.aggressive_memory_decommit", now ? 1 : 0);
#else
  (void) now;
#endif
}

gboolean
nkg_cli_give_back_freed_over (gsize cap)
{
#ifdef NKG_ALLOCATOR_TCMALLOC
  size_t free_bytes = 0;
  if (!MallocExtension_GetNumericProperty ("tcmalloc.pageheap_free_bytes", &free_bytes) || free_bytes <= cap)
    return FALSE;
  MallocExtension_ReleaseToSystem (free_bytes - cap / 2);
  return TRUE;
#else
  (void) cap;
  return FALSE;
#endif
}

#ifdef NKG_ALLOCATOR_TCMALLOC
/* nkg_cli_cap_freed's thread: every few milliseconds, what is kept over
 * the cap is given back. */
static struct {
  GMutex lock;
  gsize cap;
  GThread *thread;
} capper;

static gpointer
cap_freed_thread (gpointer unused)
{
  (void) unused;
  for (;;)
    {
      g_usleep (5 * 1000);
      g_mutex_lock (&capper.lock);
      gsize cap = capper.cap;
      g_mutex_unlock (&capper.lock);
      (void) nkg_cli_give_back_freed_over (cap);
    }
  return NULL;
}
#endif

void
nkg_cli_cap_freed (gsize cap)
{
#ifdef NKG_ALLOCATOR_TCMALLOC
  nkg_cli_give_back_freed (FALSE);
  g_mutex_lock (&capper.lock);
  capper.cap = cap;
  if (!capper.thread)
    {
      nkg_cli_hold_signals (TRUE);
      capper.thread = g_thread_new ("nkg-cap-freed", cap_freed_thread, NULL);
      nkg_cli_hold_signals (FALSE);
    }
  g_mutex_unlock (&capper.lock);
#else
  (void) cap;
  nkg_cli_give_back_freed (TRUE);
#endif
}

void
nkg_cli_reserve_heap (gsize bytes)
{
#if defined(NKG_ALLOCATOR_TCMALLOC) && defined(MADV_HUGEPAGE)
  /* tcmalloc takes one block of `bytes` from the system (its heap grows
   * by it at once) and, freed while spans are kept, carves the spans of
   * later allocations out of it. Advised for transparent huge pages (THP
   * in `madvise` mode takes only what is advised), each 2 MiB of it
   * costs one page fault when first touched instead of 512. Its edges
   * are rounded in to 2 MiB; nothing of it is touched here. */
  const uintptr_t huge = 2u << 20;
  char *block = malloc (bytes + huge);
  if (!block)
    return;
  uintptr_t start = ((uintptr_t) block + huge - 1) & ~(huge - 1);
  uintptr_t end = ((uintptr_t) block + bytes + huge) & ~(huge - 1);
  if (end > start)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
  nkg_cli_give_back_freed (FALSE);
  free (block);
#else
  (void) bytes;
#endif
}

void
nkg_cli_huge_pages (guint64 *advised_kb, guint64 *huge_kb)
{
  *advised_kb = *huge_kb = 0;
  FILE *f = fopen ("/proc/self/smaps", "r");
  if (!f)
    return;
  char line[512];
  guint64 size = 0, kb;
  while (fgets (line, sizeof line, f))
    if (sscanf (line, "Size: %" G_GUINT64_FORMAT " kB", &kb) == 1)
      size = kb;
    else if (sscanf (line, "AnonHugePages: %" G_GUINT64_FORMAT " kB", &kb) == 1)
      *huge_kb += kb;
    else if (strncmp (line, "VmFlags:", 8) == 0 && strstr (line, " hg"))
      *advised_kb += size;
  fclose (f);
}

/* ---- phase times (NEWSKG_TIMES) ---- */

gboolean
nkg_cli_timing (void)
{
  static int on = -1;
  if (on < 0)
    on = g_getenv ("NEWSKG_TIMES") != NULL;
  return on;
}

gint64
nkg_cli_thread_cpu_us (void)
{
  struct timespec ts;
  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
process_cpu_us (glong *faults)
{
  struct rusage ru;
  if (getrusage (RUSAGE_SELF, &ru) != 0)
    return 0;
  *faults = ru.ru_minflt + ru.ru_majflt;
  return (gint64) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * G_USEC_PER_SEC
         + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

/* (with the phase's page faults: the kernel's share of a large build) */
void
nkg_cli_phase (const char *name)
{
  static gint64 wall, cpu, start;
  static glong faults;
  if (!nkg_cli_timing ())
    return;
  glong f = 0;
  gint64 w = g_get_monotonic_time (), c = process_cpu_us (&f);
  if (start)
    fprintf (stderr, "newskg: time %-10s wall %6.3f s  cpu %6.3f s  (at %6.3f s)  page faults %ld\n", name,
             (w - wall) / 1e6, (c - cpu) / 1e6, (w - start) / 1e6, f - faults);
  else
    start = w;
  wall = w;
  cpu = c;
  faults = f;
}
