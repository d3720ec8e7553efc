/* graph-output.c — see graph-output.h. */
#include "graph-output.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "graph/iri.h"

void
nkg_graph_output_clear (NkgGraphOutput *out)
{
  g_clear_pointer (&out->output, g_free);
  g_clear_pointer (&out->format, g_free);
  g_clear_pointer (&out->dot, g_free);
  g_clear_pointer (&out->svg, g_free);
  g_clear_pointer (&out->base, g_free);
}

const GOptionEntry *
nkg_graph_output_entries (NkgGraphOutput *out, const char *quiet)
{
  static GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      "graph file to write (default corpus.ttl, or corpus.EXT of --format; - for standard "
      "output)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, NULL,
      "turtle, ntriples, nquads, rdfxml or jsonld (default: by the -o extension, else turtle)",
      "FORMAT" },
    { "dot", 0, 0, G_OPTION_ARG_FILENAME, NULL, "also write the default diagram as DOT", "FILE" },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, NULL, "also render the default diagram as SVG", "FILE" },
    { "base", 0, 0, G_OPTION_ARG_STRING, NULL, "IRI base for resources (default " NKG_DEFAULT_BASE ")",
      "IRI" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, NULL, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, NULL, "print the summary as one JSON document on stdout",
      NULL },
    { "no-cache", 0, 0, G_OPTION_ARG_NONE, NULL,
      "store no snapshot of a Turtle output for the inspection commands", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  entries[0].arg_data = &out->output;
  entries[1].arg_data = &out->format;
  entries[2].arg_data = &out->dot;
  entries[3].arg_data = &out->svg;
  entries[4].arg_data = &out->base;
  entries[5].arg_data = &out->quiet;
  entries[5].description = quiet;
  entries[6].arg_data = &out->json;
  entries[7].arg_data = &out->no_cache;
  return entries;
}

gboolean
nkg_graph_output_check (const char *cmd, NkgGraphOutput *out)
{
  g_autoptr (GError) error = NULL;
  if (out->base && !nkg_iri_check (out->base, &error))
    {
      fprintf (stderr, "newskg %s: --base: %s\n", cmd, error->message);
      return FALSE;
    }
  if (out->base && !(g_str_has_suffix (out->base, "/") || g_str_has_suffix (out->base, "#")))
    {
      fprintf (stderr, "newskg %s: --base must end in '/' or '#': %s\n", cmd, out->base);
      return FALSE;
    }
  /* The format: named, or by the file's extension, or Turtle; without -o
   * the file is corpus.EXT of the format (corpus.ttl by default). */
  if (out->format && !(out->exporter = nkg_exporter_by_name (out->format)))
    {
      g_autofree char *names = nkg_exporter_names (FALSE);
      fprintf (stderr, "newskg %s: unknown --format '%s' (formats: %s)\n", cmd, out->format, names);
      return FALSE;
    }
  if (!out->exporter && out->output)
    out->exporter = nkg_exporter_by_path (out->output);
  if (!out->exporter)
    out->exporter = nkg_exporter_by_name ("turtle");
  if (!out->output)
    {
      g_autofree char *ext = g_strdup (out->exporter->extensions);
      char *space = strchr (ext, ' ');
      if (space)
        *space = '\0';
      out->output = g_strconcat ("corpus.", ext, NULL);
    }
  return TRUE;
}

/* Prints what the library reported on the way (repaired literals). */
static void
print_warnings (const char *cmd, GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "newskg %s: warning: %s\n", cmd, (const char *) g_ptr_array_index (warnings, i));
  g_ptr_array_set_size (warnings, 0);
}

static void
add_file (JsonBuilder *b, const char *path, const NkgExporter *exporter)
{
  json_builder_begin_object (b);
  nkg_json_member_string (b, "path", path);
  nkg_json_member_string (b, "format", exporter->name);
  nkg_json_member_string (b, "media_type", exporter->mime_type);
  json_builder_end_object (b);
}

#define N_OUTPUTS 3

/* The files a build or merge writes, each with its exporter: the graph,
 * then the DOT and SVG diagrams (a NULL path when not asked for). */
typedef struct {
  const NkgExporter *exporter;
  const char *path;
} OutputFile;

static void
output_files (const NkgGraphOutput *out, OutputFile outs[N_OUTPUTS])
{
  outs[0] = (OutputFile) { out->exporter, out->output };
  outs[1] = (OutputFile) { nkg_exporter_by_name ("dot"), out->dot };
  outs[2] = (OutputFile) { nkg_exporter_by_name ("svg"), out->svg };
}

void
nkg_graph_counts (const NkgGraph *graph, NkgGraphCounts *gc)
{
  guint conflicts = 0;
  for (guint i = 0; i < graph->facts->len; i++)
    conflicts += ((NkgFact *) g_ptr_array_index (graph->facts, i))->conflicts->len;
  *gc = (NkgGraphCounts) { graph->entities->len, graph->facts->len, graph->evidence->len,
                           graph->quotes->len, conflicts / 2 /* each is listed on both statements */,
                           0 };
}

/* The summary, JSON on stdout or a line on stderr; FALSE when standard
 * output could not take it (said why). */
static gboolean
print_summary (const char *cmd, const NkgGraphOutput *out, const NkgGraphCounts *gc,
               const NkgSummaryCount *counts, guint n_counts, const char *head, const char *tail)
{
  OutputFile outs[N_OUTPUTS];
  output_files (out, outs);
  if (out->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      const NkgSummaryCount graph_counts[] = {
        { "entities", gc->entities }, { "facts", gc->facts },         { "evidence", gc->evidence },
        { "quotes", gc->quotes },     { "conflicts", gc->conflicts }, { "warnings", gc->warnings },
      };
      for (guint i = 0; i < n_counts; i++)
        nkg_json_member_int (b, counts[i].name, counts[i].value);
      for (guint i = 0; i < G_N_ELEMENTS (graph_counts); i++)
        nkg_json_member_int (b, graph_counts[i].name, graph_counts[i].value);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (gsize i = 0; i < G_N_ELEMENTS (outs); i++)
        if (outs[i].path)
          add_file (b, outs[i].path, outs[i].exporter);
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
      int e = nkg_cli_flush_stdout ();
      if (e)
        {
          fprintf (stderr, "newskg %s: cannot write to standard output: %s; nothing written\n", cmd,
                   e > 0 ? g_strerror (e) : "a write failed");
          return FALSE;
        }
    }
  else if (!out->quiet)
    {
      g_autofree char *disagree
          = gc->conflicts ? g_strdup_printf (", %u conflicts", gc->conflicts) : NULL;
      fprintf (stderr, "newskg: %s → %u entities, %u facts, %u quotes%s → %s (%s)%s\n", head,
               gc->entities, gc->facts, gc->quotes, disagree ? disagree : "", out->output,
               out->exporter->name, tail ? tail : "");
    }
  return TRUE;
}

int
nkg_graph_output_unchanged (const char *cmd, const NkgGraphOutput *out, const NkgGraphCounts *gc,
                            const NkgSummaryCount *counts, guint n_counts, const char *head,
                            const char *tail)
{
  return print_summary (cmd, out, gc, counts, n_counts, head, tail) ? 0 : 2;
}

typedef struct {
  int fd;          /* the file to copy, open for reading */
  GMappedFile *mf; /* and mapped, where the system cannot copy it itself */
} CopySource;

/* The bytes of a file, for nkg_write_atomic_staged: by copy_file_range
 * into the staged file's descriptor when the stream is one over a
 * descriptor (the system copies, or shares, the blocks: a tenth of the
 * CPU of writing 200 MB through the stream's buffer), else written. */
static gboolean
copy_file (GOutputStream *stream, gpointer data, GError **error)
{
  CopySource *src = data;
  gsize len = g_mapped_file_get_length (src->mf), done = 0;
  GOutputStream *base = G_IS_FILTER_OUTPUT_STREAM (stream)
                            ? g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream))
                            : stream;
#ifdef __linux__
  if (G_IS_UNIX_OUTPUT_STREAM (base) && g_output_stream_flush (stream, NULL, NULL))
    {
      int to = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (base));
      off_t in_at = 0;
      while (done < len)
        {
          ssize_t n = copy_file_range (src->fd, &in_at, to, NULL, len - done, 0);
          if (n <= 0)
            break; /* EXDEV, ENOSYS …: the rest is written */
          done += (gsize) n;
        }
    }
#endif
  return done == len
         || g_output_stream_write_all (stream, g_mapped_file_get_contents (src->mf) + done,
                                       len - done, NULL, NULL, error);
}

int
nkg_graph_output_copy (const char *cmd, const NkgGraphOutput *out, const char *const *from,
                       const NkgGraphCounts *gc, const NkgSummaryCount *counts, guint n_counts,
                       const char *head, const char *tail)
{
  OutputFile outs[N_OUTPUTS];
  output_files (out, outs);
  NkgAtomicStage *staged[N_OUTPUTS] = { NULL };
  int status = 0;
  g_autoptr (GError) error = NULL;
  /* Every copy is staged before any is committed: a source may be the
   * target of another file (-o and --dot swapped). */
  for (gsize i = 0, k = 0; i < G_N_ELEMENTS (outs) && status == 0; i++)
    {
      if (!outs[i].path)
        continue;
      const char *src = from[k++];
      if (!src)
        continue;
      g_autoptr (GMappedFile) mf = g_mapped_file_new (src, FALSE, &error);
      CopySource cs = { mf ? g_open (src, O_RDONLY | O_CLOEXEC, 0) : -1, mf };
      if (mf && cs.fd < 0)
        g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "cannot open %s: %s",
                     src, g_strerror (errno));
      gboolean ok = cs.fd >= 0
                    && nkg_write_atomic_staged (outs[i].path, copy_file, &cs, &staged[i], &error);
      if (cs.fd >= 0)
        close (cs.fd);
      if (!ok)
        {
          fprintf (stderr, "newskg %s: %s\n", cmd, error->message);
          status = 2;
        }
    }
  if (status == 0 && !print_summary (cmd, out, gc, counts, n_counts, head, tail))
    status = 2;
  for (gsize i = 0; i < N_OUTPUTS; i++)
    {
      if (status == 0 && staged[i] && !nkg_atomic_commit (staged[i], &error))
        {
          fprintf (stderr, "newskg %s: %s\n", cmd, error->message);
          status = 2;
        }
      nkg_atomic_stage_free (staged[i]);
    }
  return status;
}

static int
write_staged (const char *cmd, const NkgGraphOutput *out, NkgGraph *graph,
              const NkgSummaryCount *counts, guint n_counts, const char *head, const char *tail,
              NkgAtomicStage **staged, NkgGraphCounts *gc, NkgSnapshotSource *written,
              gboolean *cache)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NkgExportOptions options = { NULL, warnings };
  guint n_warnings = 0;
  OutputFile outs[N_OUTPUTS];
  output_files (out, outs);
  /* All or nothing: every file is written beside its target first, and
   * only when all are complete (and the --json summary is out) are they
   * renamed into place. A full disk on the SVG must not leave a new Turtle
   * next to an old diagram, nor exit 2 ("nothing written") after replacing
   * the graph. (Standard output and devices cannot wait; they are written
   * at once.) */
  for (gsize i = 0; i < G_N_ELEMENTS (outs); i++)
    {
      if (!outs[i].path)
        continue;
      gboolean ok = nkg_export_to_path_staged (outs[i].exporter, graph, &options, outs[i].path,
                                               &staged[i], &error);
      n_warnings += warnings->len;
      print_warnings (cmd, warnings);
      if (!ok)
        {
          fprintf (stderr, "newskg %s: %s\n", cmd, error->message);
          return 2;
        }
    }
  /* The Turtle file as staged, for the snapshot written once it is in
   * place: the first inspection of it is then a cached one. */
  *cache = !out->no_cache && strcmp (out->exporter->name, "turtle") == 0
           && nkg_cli_cache_stamp_staged (nkg_atomic_stage_file (staged[0]), written);
  nkg_graph_counts (graph, gc);
  gc->warnings = n_warnings;
  if (!print_summary (cmd, out, gc, counts, n_counts, head, tail))
    return 2;
  for (gsize i = 0; i < G_N_ELEMENTS (outs); i++)
    if (staged[i] && !nkg_atomic_commit (staged[i], &error))
      {
        /* a rename in a folder just written to: next to impossible */
        fprintf (stderr, "newskg %s: %s\n", cmd, error->message);
        return 2;
      }
  return 0;
}

int
nkg_graph_output_write (const char *cmd, const NkgGraphOutput *out, NkgGraph *graph,
                        const NkgSummaryCount *counts, guint n_counts, const char *head,
                        const char *tail)
{
  NkgGraphCounts gc;
  return nkg_graph_output_write_counted (cmd, out, graph, counts, n_counts, head, tail, &gc);
}

int
nkg_graph_output_write_counted (const char *cmd, const NkgGraphOutput *out, NkgGraph *graph,
                                const NkgSummaryCount *counts, guint n_counts, const char *head,
                                const char *tail, NkgGraphCounts *gc)
{
  NkgAtomicStage *staged[N_OUTPUTS] = { NULL };
  *gc = (NkgGraphCounts) { 0 };
  /* The snapshot for the inspection commands is made on a thread of its
   * own while the outputs are written (both only read the graph); it
   * goes in place once the Turtle file has. */
  NkgCacheDraft *draft = !out->no_cache && strcmp (out->exporter->name, "turtle") == 0
                             ? nkg_cli_cache_draft_start (out->output, graph)
                             : NULL;
  NkgSnapshotSource written;
  gboolean cache = FALSE;
  int status
      = write_staged (cmd, out, graph, counts, n_counts, head, tail, staged, gc, &written, &cache);
  cache = cache && status == 0;
  nkg_cli_phase ("turtle");
  if (draft)
    nkg_cli_cache_draft_finish (draft, out->output, cache ? &written : NULL);
  else if (cache)
    nkg_cli_cache_store (out->output, graph, &written);
  /* what was not committed is removed */
  for (gsize i = 0; i < N_OUTPUTS; i++)
    nkg_atomic_stage_free (staged[i]);
  return status;
}
