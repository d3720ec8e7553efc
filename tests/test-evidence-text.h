/* test-evidence-text.h — the evidence contract, checked through the CLI:
 * for every nkg:Evidence of a corpus, characters [start, end) of
 * `newskg text` of its document are its nkg:text. */
#pragma once

#include <glib.h>
#include <string.h>

#include "graph/load.h"
#include "test-spawn.h"

/* Checks every evidence node of `ttl`, finding the articles under `root`;
 * returns how many were checked (each document's text is read once). */
static G_GNUC_UNUSED guint
nkg_test_check_evidence (const char *newskg, const char *ttl, const char *root)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (ttl, &error);
  g_assert_no_error (error);
  g_autoptr (GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint checked = 0;
  for (guint i = 0; i < g->evidence->len; i++)
    {
      const NkgEvidence *ev = g_ptr_array_index (g->evidence, i);
      g_assert_nonnull (ev->doc); /* version 2: every sentence has its document */
      char *text = g_hash_table_lookup (texts, ev->doc);
      if (!text)
        {
          const char *argv[] = { newskg, "text", "-g", ttl, "--root", root, ev->doc->iri, NULL };
          g_autofree char *err = NULL;
          int st = nkg_test_run (argv, &text, &err);
          if (st != 0)
            g_error ("newskg text %s failed (%d): %s", ev->doc->iri, st, err);
          g_hash_table_insert (texts, ev->doc, text);
        }
      glong len = g_utf8_strlen (text, -1);
      if (ev->end > len || ev->start > ev->end)
        g_error ("%s: [%u, %u) is outside the %ld characters of %s", ev->iri, ev->start, ev->end,
                 len, ev->doc->source);
      const char *a = g_utf8_offset_to_pointer (text, ev->start);
      const char *b = g_utf8_offset_to_pointer (text, ev->end);
      g_autofree char *slice = g_strndup (a, b - a);
      if (strcmp (slice, ev->text) != 0)
        g_error ("%s: characters [%u, %u) of %s are\n  \"%s\"\nbut nkg:text is\n  \"%s\"", ev->iri,
                 ev->start, ev->end, ev->doc->source, slice, ev->text);
      checked++;
    }
  return checked;
}
