/* cmd_inspect.c — `newskg show | list | search | facts | path | stats`.
 *
 * Each command reads a corpus.ttl (or the shell's graph), asks graph/query.h
 * and prints either text for people or one JSON document for scripts. Text
 * and JSON come from the same sorted arrays, so they always agree.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"
#include "graph/names.h"
#include "graph/query.h"

typedef int (*InspectFn) (NkgCli *cli, int argc, char **argv);

static int
check_limit (NkgCli *cli, int limit)
{
  if (limit < 0)
    return nkg_cli_usage_error (cli, "--limit must be 0 (no limit) or more");
  return -1;
}

/* Joins positional words so `newskg show Rajnath Singh` works unquoted. */
static char *
join_args (int argc, char **argv)
{
  if (argc < 2)
    return NULL;
  return g_strjoinv (" ", argv + 1);
}

static const char *
class_key (const NkgEntity *e)
{
  return e->klass >= 0 && e->klass < NKG_CLASS_N ? nkg_class_info (e->klass)->key : "?";
}

static const char *
prop_key (NkgProp p)
{
  return nkg_prop_info (p)->key;
}

static const char *
class_key_of (NkgClass k)
{
  return k >= 0 && k < NKG_CLASS_N ? nkg_class_info (k)->key : "?";
}

/* The snapshot of the graph a command reads, read in place, when there is
 * a good one and no graph in memory already answers (the shell's). */
static NkgSnapshotView *
inspect_view (NkgCli *cli)
{
  if ((cli->shell_graph && (!cli->graph_path || g_strcmp0 (cli->graph_path, cli->shell_path) == 0))
      || cli->own_graph)
    return NULL;
  return nkg_cli_load_view (cli->graph_path ? cli->graph_path : NKG_DEFAULT_GRAPH);
}

/* One entity as `list` and `stats` print it, from the graph or from the
 * snapshot read in place: the same rows, printed by the same code. */
typedef struct {
  NkgRanked r;
  NkgClass klass;
  guint n_docs;
  GPtrArray *aliases; /* texts, not owned; NULL: none */
  char *key;          /* r.key when made here */
  gsize index;        /* in the snapshot */
} EntityRow;

static void
entity_rows_free (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      EntityRow *r = &g_array_index (rows, EntityRow, i);
      g_free (r->key);
      if (r->aliases)
        g_ptr_array_unref (r->aliases);
    }
  g_array_unref (rows);
}
typedef GArray EntityRows;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntityRows, entity_rows_free)

/* The first `n` of the graph's ranking (nkg_query_entities). */
static GArray *
graph_rows (GPtrArray *ranked, guint n)
{
  GArray *rows = g_array_sized_new (FALSE, TRUE, sizeof (EntityRow), n);
  for (guint i = 0; i < n; i++)
    {
      NkgEntity *e = g_ptr_array_index (ranked, i);
      EntityRow r = { { e->iri, e->name, NULL, e->mention_count, nkg_query_degree (e) },
                      e->klass, e->docs->len,
                      e->aliases ? g_ptr_array_ref (e->aliases) : NULL, NULL, 0 };
      g_array_append_val (rows, r);
    }
  return rows;
}

static NkgSort ranking_sort;

static gint
cmp_rows (gconstpointer a, gconstpointer b)
{
  return nkg_query_cmp_ranked (ranking_sort, &((const EntityRow *) a)->r,
                               &((const EntityRow *) b)->r);
}

/* The same ranking from the snapshot's columns: every entity of `klass`
 * counted in *total, the first `limit` (0: all) made into rows, with their
 * aliases when ALIASES. Only the entities that can be among the first
 * `limit` get a name key. NULL when the snapshot is damaged. */
static GArray *
view_rows (NkgSnapshotView *v, NkgClass klass, NkgSort sort, guint limit, gboolean aliases,
           guint *total)
{
  NkgSnapshotColumns c;
  if (!nkg_snapshot_view_columns (v, &c))
    return NULL;
  g_autofree guint32 *degree = nkg_snapshot_view_degrees (v);
  if (!degree)
    return NULL;
  g_autoptr (GArray) match = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (gsize i = 0; i < c.n_entities; i++)
    {
      NkgEntity probe = { .klass = (NkgClass) c.ent_class[i] };
      if (nkg_query_class_matches (&probe, klass))
        {
          guint32 k = (guint32) i;
          g_array_append_val (match, k);
        }
    }
  *total = match->len;
  /* By mentions or degree, the first `limit` are among those whose count
   * reaches the limit-th largest: only ties there need the names. */
  guint floor = 0;
  if (limit && limit < match->len && sort != NKG_SORT_NAME)
    {
      g_autofree guint32 *counts = g_new (guint32, match->len);
      for (guint i = 0; i < match->len; i++)
        {
          guint32 k = g_array_index (match, guint32, i);
          counts[i] = sort == NKG_SORT_DEGREE ? degree[k] : c.ent_mentions[k];
        }
      /* the limit-th largest, by counting the counts */
      guint32 top = 0;
      for (guint i = 0; i < match->len; i++)
        top = MAX (top, counts[i]);
      g_autofree guint *hist = g_new0 (guint, (gsize) top + 1);
      for (guint i = 0; i < match->len; i++)
        hist[counts[i]]++;
      guint seen = 0;
      for (gint64 x = top; x >= 0; x--)
        if ((seen += hist[x]) >= limit)
          {
            floor = (guint) x;
            break;
          }
    }
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (EntityRow));
  gboolean bad = FALSE;
  for (guint i = 0; i < match->len && !bad; i++)
    {
      guint32 k = g_array_index (match, guint32, i);
      guint count = sort == NKG_SORT_DEGREE ? degree[k] : c.ent_mentions[k];
      if (sort != NKG_SORT_NAME && count < floor)
        continue;
      EntityRow r = { { NULL, NULL, NULL, c.ent_mentions[k], degree[k] },
                      (NkgClass) c.ent_class[k], c.ent_doc_at[k + 1] - c.ent_doc_at[k], NULL,
                      NULL, k };
      if (!nkg_snapshot_view_entity (v, k, &r.r.iri, &r.r.name, NULL, NULL))
        bad = TRUE;
      r.key = nkg_name_key (r.r.name);
      r.r.key = r.key;
      g_array_append_val (rows, r);
    }
  if (bad)
    {
      entity_rows_free (g_steal_pointer (&rows));
      return NULL;
    }
  ranking_sort = sort;
  g_array_sort (rows, cmp_rows);
  guint n = limit ? MIN (limit, rows->len) : rows->len;
  for (guint i = n; i < rows->len; i++)
    g_free (g_array_index (rows, EntityRow, i).key);
  g_array_set_size (rows, n);
  for (guint i = 0; aliases && i < n && !bad; i++)
    {
      EntityRow *r = &g_array_index (rows, EntityRow, i);
      r->aliases = g_ptr_array_new ();
      if (!nkg_snapshot_view_aliases (v, r->index, r->aliases))
        bad = TRUE;
    }
  if (bad)
    {
      entity_rows_free (g_steal_pointer (&rows));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Orders an entity's facts for display: property (contract order), most
 * support first, then the other end's name (compared by its name key,
 * then as written), then IRI. The keys are made once per fact, not once
 * per comparison: a hub has thousands of facts. */
typedef struct {
  const NkgFact *fact;
  const char *other;
  char *key;
} DisplayFact;

static gint
cmp_fact_display (gconstpointer a, gconstpointer b)
{
  const DisplayFact *dx = a, *dy = b;
  const NkgFact *x = dx->fact, *y = dy->fact;
  if (x->prop != y->prop)
    return x->prop < y->prop ? -1 : 1;
  if (x->docs->len != y->docs->len)
    return x->docs->len > y->docs->len ? -1 : 1;
  int c = strcmp (dx->key, dy->key);
  if (c == 0)
    c = g_strcmp0 (dx->other, dy->other);
  return c ? c : g_strcmp0 (x->iri, y->iri);
}

static GPtrArray *
sorted_facts (const NkgEntity *e, GPtrArray *facts)
{
  guint n = facts ? facts->len : 0;
  g_autoptr (GArray) d = g_array_sized_new (FALSE, FALSE, sizeof (DisplayFact), n);
  for (guint i = 0; i < n; i++)
    {
      const NkgFact *f = g_ptr_array_index (facts, i);
      const char *other = nkg_fact_other (f, e);
      DisplayFact x = { f, other, nkg_name_key (other) };
      g_array_append_val (d, x);
    }
  /* stable, as g_ptr_array_sort was */
  g_array_sort (d, cmp_fact_display);
  GPtrArray *out = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      DisplayFact *x = &g_array_index (d, DisplayFact, i);
      g_ptr_array_add (out, (gpointer) x->fact);
      g_free (x->key);
    }
  return out;
}

/* An incoming symmetric fact (B met A) that repeats an outgoing one (A met
 * B) is the same relation seen from the other end: shown once. */
static gboolean
is_mirror (const NkgEntity *e, const NkgFact *in)
{
  if (!nkg_prop_info (in->prop)->symmetric)
    return FALSE;
  for (guint i = 0; i < e->out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (e->out, i);
      if (f->prop == in->prop && f->object == in->subject)
        return TRUE;
    }
  return FALSE;
}

static gint
cmp_doc_date (gconstpointer a, gconstpointer b)
{
  const NkgDoc *x = *(NkgDoc *const *) a, *y = *(NkgDoc *const *) b;
  /* dated first, oldest first; then by source */
  if (!x->date != !y->date)
    return x->date ? -1 : 1;
  int c = g_strcmp0 (x->date, y->date);
  return c ? c : g_strcmp0 (x->source, y->source);
}

static GPtrArray *
sorted_docs (GPtrArray *docs)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; docs && i < docs->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (docs, i));
  g_ptr_array_sort (out, cmp_doc_date);
  return out;
}

static char *
doc_sources (GPtrArray *docs)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; docs && i < docs->len; i++)
    {
      NkgDoc *d = g_ptr_array_index (docs, i);
      g_string_append_printf (s, "%s%s", i ? ", " : "", d->source ? d->source : d->iri);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
curie (const char *iri)
{
  static const struct { const char *ns, *prefix; } known[] = {
    { NKG_NS_SCHEMA, "schema:" }, { NKG_NS_NKG, "nkg:" }, { NKG_NS_RDFS, "rdfs:" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_prefix (iri, known[i].ns))
      return g_strconcat (known[i].prefix, iri + strlen (known[i].ns), NULL);
  return g_strdup (iri);
}

/* Evidence lines under a fact: where it comes from, then each sentence
 * with its document and character offsets, so that
 * `newskg text DOC --start S --end E` shows it in place. Sentences go in
 * the documents' display order, then by position. */
static void
print_evidence (NkgCli *cli, const NkgFact *f, const char *indent)
{
  g_autoptr (GPtrArray) docs = sorted_docs (f->docs);
  g_autofree char *sources = doc_sources (docs);
  if (*sources)
    printf ("%s%sfrom %s%s\n", indent, nkg_cli_dim (cli), sources, nkg_cli_reset (cli));
  if (f->gazetteer)
    printf ("%s%sfrom the gazetteer (looked up, not read in a sentence)%s\n", indent,
            nkg_cli_dim (cli), nkg_cli_reset (cli));
  for (guint d = 0; d <= docs->len; d++)
    {
      const NkgDoc *doc = d < docs->len ? g_ptr_array_index (docs, d) : NULL;
      for (guint i = 0; f->evidence && i < f->evidence->len; i++)
        {
          const NkgEvidence *ev = g_ptr_array_index (f->evidence, i);
          /* the last round: sentences of documents the fact does not list
           * (version 1 graphs have no document per sentence) */
          if (doc ? ev->doc != doc : (ev->doc && g_ptr_array_find (docs, ev->doc, NULL)))
            continue;
          if (ev->doc)
            printf ("%s%s%s [%u-%u]%s \"%s\"\n", indent, nkg_cli_dim (cli),
                    ev->doc->source ? ev->doc->source : ev->doc->iri, ev->start, ev->end,
                    nkg_cli_reset (cli), ev->text);
          else
            printf ("%s\"%s\"\n", indent, ev->text);
        }
    }
}

/* "conflicts with "2025-10-30", Jakarta": the other values, for a mark;
 * the first `limit` of them (0: all), then how many more, as the rows and
 * aliases do: a place where hundreds of reports disagree stays one line. */
static char *
conflict_values (const NkgFact *f, guint limit)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint n = limit ? MIN (limit, f->conflicts->len) : f->conflicts->len;
  for (guint i = 0; i < n; i++)
    {
      const NkgFact *o = g_ptr_array_index (f->conflicts, i);
      if (o->object)
        g_string_append_printf (s, "%s%s", i ? ", " : "", o->object->name);
      else
        g_string_append_printf (s, "%s\"%s\"", i ? ", " : "", o->literal ? o->literal : "");
    }
  if (n < f->conflicts->len)
    g_string_append_printf (s, " … and %u more", f->conflicts->len - n);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---------------------------------------------------------------- show */

typedef struct {
  const NkgFact *fact;
  const char *arrow;
  const char *other;
  const char *klass; /* "" for literals */
} Row;

static void
print_header_facts (NkgCli *cli, const NkgEntity *e, NkgProp prop, const char *label,
                    guint limit)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GPtrArray) facts = sorted_facts (e, e->out);
  guint n = 0, more = 0;
  for (guint i = 0; i < facts->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (facts, i);
      if (f->prop != prop)
        continue;
      if (limit && n++ >= limit)
        {
          more++;
          continue;
        }
      g_string_append_printf (s, "%s%s [%u]", s->len ? ", " : "", nkg_fact_other (f, e),
                              f->docs->len);
    }
  if (more)
    g_string_append_printf (s, " %s… and %u more%s", nkg_cli_dim (cli), more,
                            nkg_cli_reset (cli));
  if (s->len)
    printf ("  %s%-11s%s %s\n", nkg_cli_dim (cli), label, nkg_cli_reset (cli), s->str);
}

/* Properties shown in the card's head rather than among the relations. */
static gboolean
in_header (NkgProp prop)
{
  return prop == NKG_PROP_JOB_TITLE || prop == NKG_PROP_REPRESENTS || prop == NKG_PROP_HANDLE;
}

static void
show_text (NkgCli *cli, const NkgEntity *e, gboolean evidence, guint limit)
{
  const NkgClassInfo *ci = nkg_class_info (e->klass);
  printf ("%s%s%s  %s%s%s\n", nkg_cli_bold (cli), e->name, nkg_cli_reset (cli),
          nkg_cli_accent (cli), ci->key, nkg_cli_reset (cli));
  printf ("  %s%-11s%s %s\n", nkg_cli_dim (cli), "iri", nkg_cli_reset (cli), e->iri);
  g_autofree char *c1 = curie (ci->iri);
  g_autofree char *c2 = ci->also ? curie (ci->also) : NULL;
  printf ("  %s%-11s%s %s%s%s\n", nkg_cli_dim (cli), "classes", nkg_cli_reset (cli), c1,
          c2 ? ", " : "", c2 ? c2 : "");
  if (e->aliases && e->aliases->len)
    {
      g_autoptr (GString) joined = g_string_new (NULL);
      guint shown = limit ? MIN (limit, e->aliases->len) : e->aliases->len;
      for (guint i = 0; i < shown; i++)
        g_string_append_printf (joined, "%s%s", i ? ", " : "",
                                (const char *) g_ptr_array_index (e->aliases, i));
      if (shown < e->aliases->len)
        g_string_append_printf (joined, " %s… and %u more%s", nkg_cli_dim (cli),
                                e->aliases->len - shown, nkg_cli_reset (cli));
      printf ("  %s%-11s%s %s\n", nkg_cli_dim (cli), "aliases", nkg_cli_reset (cli), joined->str);
    }
  printf ("  %s%-11s%s %u in %u document%s\n", nkg_cli_dim (cli), "mentions",
          nkg_cli_reset (cli), e->mention_count, e->docs->len, e->docs->len == 1 ? "" : "s");
  print_header_facts (cli, e, NKG_PROP_JOB_TITLE, "titles", limit);
  print_header_facts (cli, e, NKG_PROP_REPRESENTS, "represents", limit);
  print_header_facts (cli, e, NKG_PROP_HANDLE, "handles", limit);

  /* Relations: rows first, to align the columns. */
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr (GPtrArray) out = sorted_facts (e, e->out);
  g_autoptr (GPtrArray) in = sorted_facts (e, e->in);
  for (guint i = 0; i < out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (out, i);
      if (in_header (f->prop))
        continue;
      gboolean sym = nkg_prop_info (f->prop)->symmetric;
      Row r = { f, sym ? "<>" : "->", nkg_fact_other (f, e), f->object ? class_key (f->object) : "" };
      g_array_append_val (rows, r);
    }
  for (guint i = 0; i < in->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (in, i);
      if (is_mirror (e, f))
        continue;
      Row r = { f, "<-", f->subject->name, class_key (f->subject) };
      g_array_append_val (rows, r);
    }
  guint wprop = 0, wname = 0, wclass = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);
      wprop = MAX (wprop, nkg_cli_width (prop_key (r->fact->prop)));
      wname = MAX (wname, MIN (nkg_cli_width (r->other), 60));
      wclass = MAX (wclass, nkg_cli_width (r->klass));
    }
  if (rows->len)
    printf ("\n%srelations%s\n", nkg_cli_bold (cli), nkg_cli_reset (cli));
  guint in_group = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);
      Row *prev = i ? &g_array_index (rows, Row, i - 1) : NULL;
      if (prev && prev->fact->prop == r->fact->prop && strcmp (prev->arrow, r->arrow) == 0)
        in_group++;
      else
        in_group = 0;
      if (limit && in_group >= limit)
        {
          if (in_group == limit)
            {
              guint more = 1;
              for (guint j = i + 1; j < rows->len; j++)
                {
                  Row *rj = &g_array_index (rows, Row, j);
                  if (rj->fact->prop != r->fact->prop || strcmp (rj->arrow, r->arrow) != 0)
                    break;
                  more++;
                }
              printf ("  %*s    %s… and %u more (--limit 0 shows all)%s\n", (int) wprop, "",
                      nkg_cli_dim (cli), more, nkg_cli_reset (cli));
            }
          continue;
        }
      printf ("  %s", nkg_cli_accent (cli));
      nkg_cli_pad (stdout, prop_key (r->fact->prop), wprop);
      printf ("%s %s ", nkg_cli_reset (cli), r->arrow);
      printf ("%s", r->fact->object || r->arrow[0] == '<' ? "" : "\"");
      nkg_cli_pad (stdout, r->other, 0);
      printf ("%s", r->fact->object || r->arrow[0] == '<' ? "" : "\"");
      guint w = nkg_cli_width (r->other) + (r->fact->object || r->arrow[0] == '<' ? 0 : 2);
      for (; w < wname; w++)
        putchar (' ');
      printf ("  ");
      nkg_cli_pad (stdout, r->klass, wclass);
      g_autofree char *conf = nkg_cli_confidence (r->fact->confidence);
      printf ("  %ssupport %u%s, confidence %s%s", nkg_cli_dim (cli), r->fact->docs->len,
              r->fact->gazetteer ? " + gazetteer" : "", conf, nkg_cli_reset (cli));
      /* A value the sources disagree on says so where it is read. */
      if (r->fact->conflicts->len)
        {
          g_autofree char *others = conflict_values (r->fact, limit);
          printf ("  %s! conflicts with %s%s", nkg_cli_warn (cli), others, nkg_cli_reset (cli));
        }
      putchar ('\n');
      if (evidence)
        print_evidence (cli, r->fact, "        ");
    }

  if (evidence)
    {
      /* The head's facts have evidence too. */
      gboolean any = FALSE;
      for (guint i = 0; i < out->len; i++)
        {
          const NkgFact *f = g_ptr_array_index (out, i);
          if (!in_header (f->prop))
            continue;
          if (!any)
            printf ("\n%sevidence for the titles, representation and handles%s\n",
                    nkg_cli_bold (cli), nkg_cli_reset (cli));
          any = TRUE;
          printf ("  %s%s%s %s\n", nkg_cli_accent (cli), prop_key (f->prop), nkg_cli_reset (cli),
                  nkg_fact_other (f, e));
          print_evidence (cli, f, "        ");
        }
    }

  if (e->quotes && e->quotes->len)
    {
      printf ("\n%squotes%s (%u)\n", nkg_cli_bold (cli), nkg_cli_reset (cli), e->quotes->len);
      for (guint i = 0; i < e->quotes->len; i++)
        {
          if (limit && i >= limit)
            {
              printf ("  %s… and %u more (--limit 0 shows all)%s\n", nkg_cli_dim (cli),
                      e->quotes->len - i, nkg_cli_reset (cli));
              break;
            }
          const NkgQuote *q = g_ptr_array_index (e->quotes, i);
          g_autoptr (GPtrArray) docs = sorted_docs (q->docs);
          g_autofree char *sources = doc_sources (docs);
          printf ("  \"%s\"\n", q->text);
          if (*sources)
            printf ("      %s— %s%s\n", nkg_cli_dim (cli), sources, nkg_cli_reset (cli));
        }
    }

  if (e->docs->len)
    {
      g_autoptr (GPtrArray) docs = sorted_docs (e->docs);
      printf ("\n%sdocuments%s (%u)\n", nkg_cli_bold (cli), nkg_cli_reset (cli), docs->len);
      guint wsrc = 0;
      for (guint i = 0; i < docs->len && (!limit || i < limit); i++)
        {
          const NkgDoc *d = g_ptr_array_index (docs, i);
          wsrc = MAX (wsrc, nkg_cli_width (d->source ? d->source : d->iri));
        }
      for (guint i = 0; i < docs->len; i++)
        {
          if (limit && i >= limit)
            {
              printf ("  %s… and %u more (--limit 0 shows all)%s\n", nkg_cli_dim (cli),
                      docs->len - i, nkg_cli_reset (cli));
              break;
            }
          const NkgDoc *d = g_ptr_array_index (docs, i);
          printf ("  %-10s  ", d->date ? d->date : "");
          if (d->title)
            {
              nkg_cli_pad (stdout, d->source ? d->source : d->iri, wsrc);
              printf ("  %s%s%s", nkg_cli_dim (cli), d->title, nkg_cli_reset (cli));
            }
          else
            fputs (d->source ? d->source : d->iri, stdout);
          putchar ('\n');
        }
    }
}

static void
show_json (const NkgEntity *e)
{
  const NkgClassInfo *ci = nkg_class_info (e->klass);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "iri");
  json_builder_add_string_value (b, e->iri);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, e->name);
  json_builder_set_member_name (b, "class");
  json_builder_add_string_value (b, ci->key);
  json_builder_set_member_name (b, "classes");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, ci->iri);
  if (ci->also)
    json_builder_add_string_value (b, ci->also);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "aliases");
  json_builder_begin_array (b);
  for (guint i = 0; e->aliases && i < e->aliases->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (e->aliases, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "mentions");
  json_builder_add_int_value (b, e->mention_count);
  json_builder_set_member_name (b, "degree");
  json_builder_add_int_value (b, nkg_query_degree (e));

  g_autoptr (GPtrArray) out = sorted_facts (e, e->out);
  g_autoptr (GPtrArray) in = sorted_facts (e, e->in);
  json_builder_set_member_name (b, "titles");
  json_builder_begin_array (b);
  for (guint i = 0; i < out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (out, i);
      if (f->prop == NKG_PROP_JOB_TITLE && f->literal)
        json_builder_add_string_value (b, f->literal);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "represents");
  json_builder_begin_array (b);
  for (guint i = 0; i < out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (out, i);
      if (f->prop == NKG_PROP_REPRESENTS && f->object)
        nkg_json_entity_ref (b, f->object);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "outgoing");
  json_builder_begin_array (b);
  for (guint i = 0; i < out->len; i++)
    nkg_json_fact (b, g_ptr_array_index (out, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "incoming");
  json_builder_begin_array (b);
  for (guint i = 0; i < in->len; i++)
    nkg_json_fact (b, g_ptr_array_index (in, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "quotes");
  json_builder_begin_array (b);
  for (guint i = 0; e->quotes && i < e->quotes->len; i++)
    {
      const NkgQuote *q = g_ptr_array_index (e->quotes, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "iri");
      json_builder_add_string_value (b, q->iri);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, q->text);
      json_builder_set_member_name (b, "documents");
      json_builder_begin_array (b);
      for (guint k = 0; q->docs && k < q->docs->len; k++)
        nkg_json_doc (b, g_ptr_array_index (q->docs, k));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  g_autoptr (GPtrArray) docs = sorted_docs (e->docs);
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < docs->len; i++)
    nkg_json_doc (b, g_ptr_array_index (docs, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  nkg_cli_print_json (root);
}

static int
cmd_show (NkgCli *cli, int argc, char **argv)
{
  gboolean evidence = FALSE;
  g_autofree char *type = NULL;
  int limit = 10;
  const GOptionEntry entries[] = {
    { "evidence", 'e', 0, G_OPTION_ARG_NONE, &evidence,
      "Add each relation's supporting sentences and documents", NULL },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      "Only consider entities of TYPE (person, organization, place, country, …)", "TYPE" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit,
      "Aliases, titles, rows per relation group, quotes and documents shown in text (default 10, 0: all)", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (cli, entries, "NAME",
                          "Print the card of one entity: names, classes, titles, relations in "
                          "both directions\n(grouped by property, with support), quotes and "
                          "documents.\n\nNAME is a name, an alias or an IRI (also relative, "
                          "like person/rajnath-singh),\ncompared case- and accent-insensitively. "
                          "A canonical name beats an alias, and a\nword that starts the name of "
                          "only one entity finds it. When several entities\nmatch, their list is "
                          "printed and the exit status is 1; narrow with --type or\ngive the "
                          "IRI. An unknown NAME exits 1 with suggestions.",
                          "  newskg show \"Rajnath Singh\" -g corpus.ttl --evidence\n"
                          "  newskg show singh --type person --json | jq .titles",
                          &argc, &argv);
  if (st >= 0)
    return st;
  if ((st = check_limit (cli, limit)) >= 0)
    return st;
  NkgClass klass;
  if (!nkg_cli_parse_class (cli, type, &klass))
    return NKG_EXIT_USAGE;
  g_autofree char *name = join_args (argc, argv);
  if (!name || !*name)
    return nkg_cli_usage_error (cli, "which entity? give a NAME");
  /* A large graph's snapshot answers for one entity without the rest of
   * the graph being read; anything it cannot settle goes to the whole. */
  NkgEntity *e = NULL;
  /* the card quotes evidence with --evidence, and JSON lists it */
  g_autoptr (NkgGraph) small = nkg_cli_entity_graph (cli, name, klass, evidence || cli->json, &e);
  if (!e)
    {
      NkgGraph *graph = nkg_cli_graph (cli);
      if (!graph)
        return NKG_EXIT_USAGE;
      e = nkg_cli_resolve (cli, graph, name, klass, &st);
      if (!e)
        return st;
    }
  if (cli->json)
    show_json (e);
  else
    show_text (cli, e, evidence, (guint) limit);
  /* As nkg_cli_clear does for the whole graph: a one-shot command about
   * to exit leaves a hub's neighbourhood (tens of thousands of objects)
   * to the operating system rather than free it piece by piece. */
#ifndef __SANITIZE_ADDRESS__
  if (small && cli->exiting && small->entities->len + small->facts->len > 10000)
    (void) g_steal_pointer (&small);
#endif
  return NKG_EXIT_OK;
}

/* ---------------------------------------------------------------- list */

static int
cmd_list (NkgCli *cli, int argc, char **argv)
{
  g_autofree char *type = NULL;
  g_autofree char *sort = NULL;
  int limit = 0;
  gboolean names = FALSE;
  const GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      "Only entities of TYPE: person, government, organization (with government), country, "
      "city, place (with countries and cities), event, agreement",
      "TYPE" },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort,
      "Order by mentions (default), name or degree (distinct linked entities)", "KEY" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "At most N entities (default 0: all)", "N" },
    { "names", 0, 0, G_OPTION_ARG_NONE, &names,
      "Print only the names and aliases, one per line, sorted (for scripts and completion)",
      NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (cli, entries, "",
                          "List entities, most mentioned first unless --sort says otherwise.",
                          "  newskg list --type person --sort degree --limit 10\n"
                          "  newskg list --type agreement --json | jq -r '.entities[].name'",
                          &argc, &argv);
  if (st >= 0)
    return st;
  if ((st = check_limit (cli, limit)) >= 0)
    return st;
  if (argc > 1)
    return nkg_cli_usage_error (cli, "unexpected argument '%s'", argv[1]);
  NkgClass klass;
  if (!nkg_cli_parse_class (cli, type, &klass))
    return NKG_EXIT_USAGE;
  NkgSort order = NKG_SORT_MENTIONS;
  if (!sort || strcmp (sort, "mentions") == 0)
    order = NKG_SORT_MENTIONS;
  else if (strcmp (sort, "name") == 0)
    order = NKG_SORT_NAME;
  else if (strcmp (sort, "degree") == 0)
    order = NKG_SORT_DEGREE;
  else
    return nkg_cli_usage_error (cli, "--sort must be mentions, name or degree, not '%s'", sort);
  /* From the snapshot read in place when there is one; the graph
   * otherwise, and for --names. */
  g_autoptr (NkgSnapshotView) view = names ? NULL : inspect_view (cli);
  g_autoptr (EntityRows) rows = NULL;
  guint total = 0;
  if (view)
    rows = view_rows (view, klass, order, (guint) limit, cli->json, &total);
  if (!rows)
    {
      NkgGraph *graph = nkg_cli_graph (cli);
      if (!graph)
        return NKG_EXIT_USAGE;
      if (names)
        {
          g_autoptr (GPtrArray) all = nkg_cli_all_names (graph);
          for (guint i = 0; i < all->len && (!limit || i < (guint) limit); i++)
            puts (g_ptr_array_index (all, i));
          return NKG_EXIT_OK;
        }
      g_autoptr (GPtrArray) list = nkg_query_entities (graph, klass, order);
      total = list->len;
      rows = graph_rows (list, limit ? MIN ((guint) limit, list->len) : list->len);
    }
  guint n = rows->len;
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, total);
      json_builder_set_member_name (b, "entities");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          EntityRow *e = &g_array_index (rows, EntityRow, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "iri");
          json_builder_add_string_value (b, e->r.iri);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, e->r.name);
          json_builder_set_member_name (b, "class");
          json_builder_add_string_value (b, class_key_of (e->klass));
          json_builder_set_member_name (b, "mentions");
          json_builder_add_int_value (b, e->r.mentions);
          json_builder_set_member_name (b, "documents");
          json_builder_add_int_value (b, e->n_docs);
          json_builder_set_member_name (b, "degree");
          json_builder_add_int_value (b, e->r.degree);
          json_builder_set_member_name (b, "aliases");
          json_builder_begin_array (b);
          for (guint k = 0; e->aliases && k < e->aliases->len; k++)
            json_builder_add_string_value (b, g_ptr_array_index (e->aliases, k));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
    }
  else
    {
      guint wclass = 5;
      for (guint i = 0; i < n; i++)
        wclass = MAX (wclass, nkg_cli_width (class_key_of (g_array_index (rows, EntityRow, i).klass)));
      printf ("%smentions  degree  ", nkg_cli_dim (cli));
      nkg_cli_pad (stdout, "class", wclass);
      printf ("  name%s\n", nkg_cli_reset (cli));
      for (guint i = 0; i < n; i++)
        {
          EntityRow *e = &g_array_index (rows, EntityRow, i);
          printf ("%8u  %6u  ", e->r.mentions, e->r.degree);
          nkg_cli_pad (stdout, class_key_of (e->klass), wclass);
          printf ("  %s%s%s\n", nkg_cli_bold (cli), e->r.name, nkg_cli_reset (cli));
        }
      if (n < total)
        printf ("%s… %u of %u shown (--limit 0 shows all)%s\n", nkg_cli_dim (cli), n, total,
                nkg_cli_reset (cli));
    }
  return NKG_EXIT_OK;
}

/* ---------------------------------------------------------------- search */

/* Entities made for a search from the snapshot read in place: their
 * texts point into it. */
typedef struct {
  NkgEntity *items;
  GPtrArray *list;
} ViewEntities;

static void
view_entities_free (ViewEntities *ve)
{
  for (guint i = 0; ve->list && i < ve->list->len; i++)
    g_ptr_array_unref (ve->items[i].aliases);
  g_clear_pointer (&ve->list, g_ptr_array_unref);
  g_clear_pointer (&ve->items, g_free);
}

/* nkg_query_search from the snapshot: the name index's keys pick the
 * candidates (an entity matches only through the key of one of its
 * forms), which are then ranked by the same code as the graph's entities.
 * NULL when damaged. */
static GArray *
view_search (NkgSnapshotView *v, const char *text, NkgClass klass, guint max, ViewEntities *ve)
{
  g_autoptr (NkgSearchQuery) sq = nkg_search_query_new (text);
  gsize n_ents = nkg_snapshot_view_n_entities (v);
  g_autofree guint8 *hit = g_new0 (guint8, n_ents ? n_ents : 1);
  guint n_hit = 0;
  for (gsize i = 0; i < nkg_snapshot_view_n_keys (v); i++)
    {
      const char *key;
      const guint32 *ents;
      gsize n;
      if (!nkg_snapshot_view_key (v, i, &key, &ents, &n))
        return NULL;
      if (n && nkg_search_query_matches_key (sq, key))
        for (gsize k = 0; k < n; k++)
          if (!hit[ents[k]])
            {
              hit[ents[k]] = 1;
              n_hit++;
            }
    }
  ve->items = g_new0 (NkgEntity, n_hit ? n_hit : 1);
  ve->list = g_ptr_array_sized_new (n_hit);
  for (gsize i = 0; i < n_ents; i++)
    {
      if (!hit[i])
        continue;
      NkgEntity *e = &ve->items[ve->list->len];
      const char *iri, *name;
      e->aliases = g_ptr_array_new ();
      g_ptr_array_add (ve->list, e);
      if (!nkg_snapshot_view_entity (v, i, &iri, &name, &e->klass, &e->mention_count)
          || !nkg_snapshot_view_aliases (v, i, e->aliases))
        return NULL;
      e->iri = (char *) iri;
      e->name = (char *) name;
    }
  return nkg_query_search_in (ve->list, sq, klass, max);
}

static int
cmd_search (NkgCli *cli, int argc, char **argv)
{
  g_autofree char *type = NULL;
  int limit = 20;
  const GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type, "Only entities of TYPE", "TYPE" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "At most N results (default 20, 0: all)", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (cli, entries, "TEXT",
                          "Find entities whose name or an alias matches TEXT, best first:\n"
                          "exact name, exact alias, a word starting with TEXT, TEXT inside,\n"
                          "then close spellings (edit distance about a quarter of TEXT's "
                          "length).\nTies go to the more mentioned entity. Exit 1 when nothing "
                          "matches.",
                          "  newskg search hegset\n  newskg search defence --type agreement --json",
                          &argc, &argv);
  if (st >= 0)
    return st;
  if ((st = check_limit (cli, limit)) >= 0)
    return st;
  NkgClass klass;
  if (!nkg_cli_parse_class (cli, type, &klass))
    return NKG_EXIT_USAGE;
  g_autofree char *text = join_args (argc, argv);
  if (!text || !*text)
    return nkg_cli_usage_error (cli, "search for what? give a TEXT");
  /* From the snapshot read in place when there is one. */
  g_autoptr (NkgSnapshotView) view = inspect_view (cli);
  ViewEntities made = { NULL, NULL };
  g_autoptr (GArray) hits = view ? view_search (view, text, klass, (guint) limit, &made) : NULL;
  if (!hits)
    {
      view_entities_free (&made);
      NkgGraph *graph = nkg_cli_graph (cli);
      if (!graph)
        return NKG_EXIT_USAGE;
      hits = nkg_query_search (graph, text, klass, (guint) limit);
    }
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "query");
      json_builder_add_string_value (b, text);
      json_builder_set_member_name (b, "results");
      json_builder_begin_array (b);
      for (guint i = 0; i < hits->len; i++)
        {
          NkgSearchHit *h = &g_array_index (hits, NkgSearchHit, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "entity");
          nkg_json_entity_ref (b, h->entity);
          json_builder_set_member_name (b, "match");
          json_builder_add_string_value (b, nkg_match_key (h->match));
          json_builder_set_member_name (b, "form");
          json_builder_add_string_value (b, h->form);
          json_builder_set_member_name (b, "distance");
          json_builder_add_int_value (b, h->distance);
          json_builder_set_member_name (b, "mentions");
          json_builder_add_int_value (b, h->entity->mention_count);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
    }
  else
    {
      guint wname = 0, wclass = 0;
      for (guint i = 0; i < hits->len; i++)
        {
          NkgSearchHit *h = &g_array_index (hits, NkgSearchHit, i);
          wname = MAX (wname, nkg_cli_width (h->entity->name));
          wclass = MAX (wclass, nkg_cli_width (class_key (h->entity)));
        }
      for (guint i = 0; i < hits->len; i++)
        {
          NkgSearchHit *h = &g_array_index (hits, NkgSearchHit, i);
          printf ("%s", nkg_cli_bold (cli));
          nkg_cli_pad (stdout, h->entity->name, wname);
          printf ("%s  ", nkg_cli_reset (cli));
          nkg_cli_pad (stdout, class_key (h->entity), wclass);
          printf ("  %s%s", nkg_cli_dim (cli), nkg_match_key (h->match));
          if (strcmp (h->form, h->entity->name) != 0)
            printf (" \"%s\"", h->form);
          printf (", %u mention%s%s\n", h->entity->mention_count,
                  h->entity->mention_count == 1 ? "" : "s", nkg_cli_reset (cli));
        }
    }
  guint found = hits->len;
  view_entities_free (&made);
  if (found == 0)
    {
      nkg_cli_error (cli, "no entity matches '%s'", text);
      return NKG_EXIT_NOT_FOUND;
    }
  return NKG_EXIT_OK;
}

/* ---------------------------------------------------------------- facts */

static gint
cmp_fact_rows (gconstpointer a, gconstpointer b)
{
  const NkgFact *x = *(NkgFact *const *) a, *y = *(NkgFact *const *) b;
  if (x->docs->len != y->docs->len)
    return x->docs->len > y->docs->len ? -1 : 1;
  if (x->confidence != y->confidence)
    return x->confidence > y->confidence ? -1 : 1;
  g_autofree char *sx = nkg_name_key (x->subject->name);
  g_autofree char *sy = nkg_name_key (y->subject->name);
  int c = strcmp (sx, sy);
  if (c)
    return c;
  if (x->prop != y->prop)
    return x->prop < y->prop ? -1 : 1;
  c = g_strcmp0 (x->object ? x->object->name : x->literal, y->object ? y->object->name : y->literal);
  return c ? c : g_strcmp0 (x->iri, y->iri);
}

/* Conflicting values together: by subject, property, then the value. */
static gint
cmp_conflict_rows (gconstpointer a, gconstpointer b)
{
  const NkgFact *x = *(NkgFact *const *) a, *y = *(NkgFact *const *) b;
  g_autofree char *sx = nkg_name_key (x->subject->name);
  g_autofree char *sy = nkg_name_key (y->subject->name);
  int c = strcmp (sx, sy);
  if (c)
    return c;
  if (x->subject != y->subject)
    return strcmp (x->subject->iri, y->subject->iri);
  if (x->prop != y->prop)
    return x->prop < y->prop ? -1 : 1;
  c = g_strcmp0 (x->object ? x->object->name : x->literal, y->object ? y->object->name : y->literal);
  return c ? c : g_strcmp0 (x->iri, y->iri);
}

/* One block per disputed property of a subject, every value under it with
 * its support, documents and sentences: both sides at a glance. */
static void
print_conflicts (NkgCli *cli, GPtrArray *rows, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      NkgFact *f = g_ptr_array_index (rows, i);
      NkgFact *prev = i ? g_ptr_array_index (rows, i - 1) : NULL;
      if (!prev || prev->subject != f->subject || prev->prop != f->prop)
        printf ("%s%s%s%s  %s%s%s  %s(%s)%s\n", i ? "\n" : "", nkg_cli_bold (cli), f->subject->name,
                nkg_cli_reset (cli), nkg_cli_accent (cli), prop_key (f->prop), nkg_cli_reset (cli),
                nkg_cli_warn (cli), "sources disagree", nkg_cli_reset (cli));
      g_autofree char *conf = nkg_cli_confidence (f->confidence);
      if (f->object)
        printf ("  %s%s%s", nkg_cli_bold (cli), f->object->name, nkg_cli_reset (cli));
      else
        printf ("  \"%s\"", f->literal ? f->literal : "");
      printf ("  %ssupport %u, confidence %s%s\n", nkg_cli_dim (cli), f->docs->len, conf,
              nkg_cli_reset (cli));
      print_evidence (cli, f, "      ");
    }
  if (n < rows->len)
    printf ("%s… %u of %u values shown (--limit 0 shows all)%s\n", nkg_cli_dim (cli), n,
            rows->len, nkg_cli_reset (cli));
}

static int
cmd_facts (NkgCli *cli, int argc, char **argv)
{
  g_autofree char *about = NULL;
  g_autofree char *property = NULL;
  int min_support = 0;
  int limit = 0;
  gboolean evidence = FALSE, conflicts = FALSE;
  const GOptionEntry entries[] = {
    { "about", 'a', 0, G_OPTION_ARG_STRING, &about,
      "Only facts whose subject or object is NAME (resolved as by show)", "NAME" },
    { "property", 'p', 0, G_OPTION_ARG_STRING, &property,
      "Only facts of PROPERTY: jobTitle, represents, worksFor, signed, party, signedIn, "
      "signedOn, replaces, duration, met, attended, location, startDate, containedInPlace, "
      "subOrganization, handle",
      "PROPERTY" },
    { "min-support", 'm', 0, G_OPTION_ARG_INT, &min_support,
      "Only facts supported by at least N documents", "N" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "At most N rows (default 0: all)", "N" },
    { "evidence", 'e', 0, G_OPTION_ARG_NONE, &evidence,
      "Add the supporting sentences and documents under each row", NULL },
    { "conflicts", 'c', 0, G_OPTION_ARG_NONE, &conflicts,
      "Only values the sources disagree on (nkg:conflictsWith), grouped by subject and "
      "property, each with its documents and sentences",
      NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (cli, entries, "",
                          "Print facts as rows: support (documents), confidence, subject, "
                          "property, object.\nBest supported first. Literal values are quoted. "
                          "Exit 1 when no fact matches.",
                          "  newskg facts --about \"Pete Hegseth\"\n"
                          "  newskg facts --property signed --min-support 2 --json\n"
                          "  newskg facts --conflicts",
                          &argc, &argv);
  if (st >= 0)
    return st;
  if ((st = check_limit (cli, limit)) >= 0)
    return st;
  if (min_support < 0)
    return nkg_cli_usage_error (cli, "--min-support must be 0 or more");
  if (argc > 1)
    return nkg_cli_usage_error (cli, "unexpected argument '%s' (use --about NAME)", argv[1]);
  NkgProp prop = NKG_PROP_NONE;
  if (property && (prop = nkg_prop_from_key (property)) == NKG_PROP_NONE)
    {
      g_autoptr (GString) keys = g_string_new (NULL);
      for (int p = 0; p < NKG_PROP_N; p++)
        g_string_append_printf (keys, "%s%s", p ? ", " : "", prop_key ((NkgProp) p));
      return nkg_cli_usage_error (cli, "unknown property '%s' (properties: %s)", property,
                                  keys->str);
    }
  /* --about: the entity's neighbourhood read in place from the snapshot
   * when the name settles one entity, as for show (its facts are all
   * there, in the graph's order); the whole graph otherwise. */
  NkgEntity *e = NULL;
  g_autoptr (NkgGraph) small = about ? nkg_cli_entity_graph (cli, about, NKG_CLASS_NONE,
                                                             evidence || conflicts || cli->json, &e)
                                     : NULL;
  NkgGraph *graph = small;
  if (!e)
    {
      if (!(graph = nkg_cli_graph (cli)))
        return NKG_EXIT_USAGE;
      if (about && !(e = nkg_cli_resolve (cli, graph, about, NKG_CLASS_NONE, &st)))
        return st;
    }

  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  for (guint i = 0; i < graph->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (graph->facts, i);
      if (e && f->subject != e && f->object != e)
        continue;
      if (prop != NKG_PROP_NONE && f->prop != prop)
        continue;
      if (f->docs->len < (guint) min_support)
        continue;
      if (conflicts && f->conflicts->len == 0)
        continue;
      g_ptr_array_add (rows, f);
    }
  g_ptr_array_sort (rows, conflicts ? cmp_conflict_rows : cmp_fact_rows);
  guint n = limit ? MIN ((guint) limit, rows->len) : rows->len;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, rows->len);
      json_builder_set_member_name (b, "facts");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        nkg_json_fact (b, g_ptr_array_index (rows, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
    }
  else if (n && conflicts)
    print_conflicts (cli, rows, n);
  else if (n)
    {
      guint wsubj = 7, wprop = 8;
      for (guint i = 0; i < n; i++)
        {
          NkgFact *f = g_ptr_array_index (rows, i);
          wsubj = MAX (wsubj, MIN (nkg_cli_width (f->subject->name), 40));
          wprop = MAX (wprop, nkg_cli_width (prop_key (f->prop)));
        }
      printf ("%ssupport  conf  ", nkg_cli_dim (cli));
      nkg_cli_pad (stdout, "subject", wsubj);
      printf ("  ");
      nkg_cli_pad (stdout, "property", wprop);
      printf ("  object%s\n", nkg_cli_reset (cli));
      for (guint i = 0; i < n; i++)
        {
          NkgFact *f = g_ptr_array_index (rows, i);
          g_autofree char *conf = nkg_cli_confidence (f->confidence);
          printf ("%7u  %s  %s", f->docs->len, conf, nkg_cli_bold (cli));
          nkg_cli_pad_cut (stdout, f->subject->name, wsubj);
          printf ("%s  %s", nkg_cli_reset (cli), nkg_cli_accent (cli));
          nkg_cli_pad (stdout, prop_key (f->prop), wprop);
          if (f->object)
            printf ("%s  %s%s%s\n", nkg_cli_reset (cli), nkg_cli_bold (cli), f->object->name,
                    nkg_cli_reset (cli));
          else
            printf ("%s  \"%s\"\n", nkg_cli_reset (cli), f->literal ? f->literal : "");
          if (evidence)
            print_evidence (cli, f, "               ");
        }
      if (n < rows->len)
        printf ("%s… %u of %u shown (--limit 0 shows all)%s\n", nkg_cli_dim (cli), n, rows->len,
                nkg_cli_reset (cli));
    }
  guint found = rows->len;
  /* as in show: a large neighbourhood is left to the exiting process */
#ifndef __SANITIZE_ADDRESS__
  if (small && cli->exiting && small->entities->len + small->facts->len > 10000)
    (void) g_steal_pointer (&small);
#endif
  if (found == 0)
    {
      nkg_cli_error (cli, conflicts ? "no conflicting values" : "no fact matches");
      return NKG_EXIT_NOT_FOUND;
    }
  return NKG_EXIT_OK;
}

/* ---------------------------------------------------------------- path */

/* `path Rajnath Singh Malaysia`: unquoted names are split where both
 * halves name exactly one entity; when no split or several do, FALSE. */
static gboolean
split_two_names (NkgGraph *graph, int argc, char **argv, char **from, char **to)
{
  guint found = 0;
  for (int k = 2; k < argc; k++)
    {
      char *saved = argv[k];
      argv[k] = NULL;
      g_autofree char *a = g_strjoinv (" ", argv + 1);
      argv[k] = saved;
      g_autofree char *b = g_strjoinv (" ", argv + k);
      NkgEntity *ea, *eb;
      g_autoptr (GPtrArray) ca = NULL, cb = NULL;
      if (nkg_query_resolve (graph, a, NKG_CLASS_NONE, &ea, &ca) == NKG_RESOLVE_FOUND
          && nkg_query_resolve (graph, b, NKG_CLASS_NONE, &eb, &cb) == NKG_RESOLVE_FOUND)
        {
          found++;
          g_free (*from);
          g_free (*to);
          *from = g_steal_pointer (&a);
          *to = g_steal_pointer (&b);
        }
    }
  return found == 1;
}

static int
cmd_path (NkgCli *cli, int argc, char **argv)
{
  int max_len = 0;
  gboolean evidence = FALSE;
  const GOptionEntry entries[] = {
    { "max", 0, 0, G_OPTION_ARG_INT, &max_len, "Give up beyond N links (default 0: no limit)",
      "N" },
    { "evidence", 'e', 0, G_OPTION_ARG_NONE, &evidence,
      "Add the supporting sentences and documents under each link", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (cli, entries, "FROM TO",
                          "Print the shortest chain of relations linking two entities, "
                          "following\nrelations in either direction (titles, dates and other "
                          "literal values are\nnot links). Names resolve as in show; unquoted "
                          "names with spaces are split\nwhere both halves name one entity. Exit 1 "
                          "when no chain links them.",
                          "  newskg path \"Rajnath Singh\" Malaysia --evidence",
                          &argc, &argv);
  if (st >= 0)
    return st;
  if (max_len < 0)
    return nkg_cli_usage_error (cli, "--max must be 0 (no limit) or more");
  if (argc < 3)
    return nkg_cli_usage_error (cli, "path takes two names, FROM and TO");
  NkgGraph *graph = nkg_cli_graph (cli);
  if (!graph)
    return NKG_EXIT_USAGE;
  g_autofree char *from_name = NULL, *to_name = NULL;
  if (argc == 3)
    {
      from_name = g_strdup (argv[1]);
      to_name = g_strdup (argv[2]);
    }
  else if (!split_two_names (graph, argc, argv, &from_name, &to_name))
    return nkg_cli_usage_error (cli, "cannot tell where FROM ends and TO begins; quote names "
                                     "with spaces");
  NkgEntity *from = nkg_cli_resolve (cli, graph, from_name, NKG_CLASS_NONE, &st);
  if (!from)
    return st;
  NkgEntity *to = nkg_cli_resolve (cli, graph, to_name, NKG_CLASS_NONE, &st);
  if (!to)
    return st;

  g_autoptr (GArray) path = nkg_query_path (graph, from, to, (guint) max_len);
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "from");
      nkg_json_entity_ref (b, from);
      json_builder_set_member_name (b, "to");
      nkg_json_entity_ref (b, to);
      json_builder_set_member_name (b, "found");
      json_builder_add_boolean_value (b, path != NULL);
      json_builder_set_member_name (b, "length");
      if (path)
        json_builder_add_int_value (b, path->len);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "steps");
      json_builder_begin_array (b);
      NkgEntity *at = from;
      for (guint i = 0; path && i < path->len; i++)
        {
          NkgPathStep *s = &g_array_index (path, NkgPathStep, i);
          NkgEntity *next = s->forward ? s->fact->object : s->fact->subject;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "from");
          nkg_json_entity_ref (b, at);
          json_builder_set_member_name (b, "property");
          json_builder_add_string_value (b, prop_key (s->fact->prop));
          json_builder_set_member_name (b, "direction");
          json_builder_add_string_value (b, s->forward ? "forward" : "backward");
          json_builder_set_member_name (b, "to");
          nkg_json_entity_ref (b, next);
          json_builder_set_member_name (b, "fact");
          nkg_json_fact (b, s->fact);
          json_builder_end_object (b);
          at = next;
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
    }
  else if (path)
    {
      printf ("%s%s%s (%s)\n", nkg_cli_bold (cli), from->name, nkg_cli_reset (cli),
              class_key (from));
      for (guint i = 0; i < path->len; i++)
        {
          NkgPathStep *s = &g_array_index (path, NkgPathStep, i);
          NkgEntity *next = s->forward ? s->fact->object : s->fact->subject;
          g_autofree char *conf = nkg_cli_confidence (s->fact->confidence);
          printf ("  %s%s%s%s%s %s%s%s (%s)  %ssupport %u, confidence %s%s\n",
                  s->forward ? "--" : "<--", nkg_cli_accent (cli), prop_key (s->fact->prop),
                  nkg_cli_reset (cli), s->forward ? "-->" : "--", nkg_cli_bold (cli), next->name,
                  nkg_cli_reset (cli), class_key (next), nkg_cli_dim (cli), s->fact->docs->len,
                  conf, nkg_cli_reset (cli));
          if (evidence)
            print_evidence (cli, s->fact, "        ");
        }
      printf ("%s%u link%s%s\n", nkg_cli_dim (cli), path->len, path->len == 1 ? "" : "s",
              nkg_cli_reset (cli));
    }
  if (!path)
    {
      nkg_cli_error (cli, "no chain of relations links '%s' and '%s'%s", from->name, to->name,
                     max_len ? " within --max links" : "");
      return NKG_EXIT_NOT_FOUND;
    }
  return NKG_EXIT_OK;
}

/* ---------------------------------------------------------------- stats */

static int
cmd_stats (NkgCli *cli, int argc, char **argv)
{
  int top = 10;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &top,
      "How many of the most connected entities to list (default 10)", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (cli, entries, "",
                          "Count documents, entities per class, facts per property and quotes, "
                          "and list\nthe most connected entities (by distinct linked entities).",
                          "  newskg stats -g corpus.ttl\n  newskg stats --json | jq .classes",
                          &argc, &argv);
  if (st >= 0)
    return st;
  if ((st = check_limit (cli, top)) >= 0)
    return st;
  if (argc > 1)
    return nkg_cli_usage_error (cli, "unexpected argument '%s'", argv[1]);
  guint per_class[NKG_CLASS_N] = { 0 }, per_prop[NKG_PROP_N] = { 0 };
  guint n_docs = 0, n_entities = 0, n_facts = 0, n_quotes = 0;
  const char *first = NULL, *last = NULL;
  g_autoptr (EntityRows) ranked = NULL;
  /* From the snapshot read in place when there is one: the columns count
   * and rank, only the dates and the top entities' names are read. */
  g_autoptr (NkgSnapshotView) view = inspect_view (cli);
  NkgSnapshotColumns c;
  if (view && nkg_snapshot_view_columns (view, &c))
    {
      guint total;
      gboolean ok = TRUE;
      for (gsize i = 0; i < c.n_entities; i++)
        per_class[c.ent_class[i]]++;
      for (gsize i = 0; i < c.n_facts; i++)
        per_prop[c.fact_prop[i]]++;
      n_docs = nkg_snapshot_view_n_docs (view);
      n_entities = c.n_entities;
      n_facts = c.n_facts;
      n_quotes = nkg_snapshot_view_n_quotes (view);
      for (guint i = 0; i < n_docs && ok; i++)
        {
          const char *date;
          ok = nkg_snapshot_view_doc_date (view, i, &date);
          if (!ok || !date)
            continue;
          if (!first || strcmp (date, first) < 0)
            first = date;
          if (!last || strcmp (date, last) > 0)
            last = date;
        }
      if (ok && top)
        ranked = view_rows (view, NKG_CLASS_NONE, NKG_SORT_DEGREE, (guint) top, FALSE, &total);
      if (!ok || (top && !ranked))
        {
          memset (per_class, 0, sizeof per_class);
          memset (per_prop, 0, sizeof per_prop);
          first = last = NULL;
          g_clear_pointer (&ranked, entity_rows_free);
          g_clear_pointer (&view, nkg_snapshot_view_free);
        }
      else if (!top)
        ranked = g_array_new (FALSE, TRUE, sizeof (EntityRow));
    }
  else
    g_clear_pointer (&view, nkg_snapshot_view_free);
  if (!view)
    {
      NkgGraph *graph = nkg_cli_graph (cli);
      if (!graph)
        return NKG_EXIT_USAGE;
      n_docs = graph->docs->len;
      n_entities = graph->entities->len;
      n_facts = graph->facts->len;
      n_quotes = graph->quotes->len;
      for (guint i = 0; i < n_entities; i++)
        {
          NkgEntity *e = g_ptr_array_index (graph->entities, i);
          if (e->klass >= 0 && e->klass < NKG_CLASS_N)
            per_class[e->klass]++;
        }
      for (guint i = 0; i < n_facts; i++)
        {
          NkgFact *f = g_ptr_array_index (graph->facts, i);
          if (f->prop >= 0 && f->prop < NKG_PROP_N)
            per_prop[f->prop]++;
        }
      for (guint i = 0; i < n_docs; i++)
        {
          NkgDoc *d = g_ptr_array_index (graph->docs, i);
          if (!d->date)
            continue;
          if (!first || strcmp (d->date, first) < 0)
            first = d->date;
          if (!last || strcmp (d->date, last) > 0)
            last = d->date;
        }
      g_autoptr (GPtrArray) list = nkg_query_entities (graph, NKG_CLASS_NONE, NKG_SORT_DEGREE);
      ranked = graph_rows (list, MIN ((guint) top, list->len));
    }
  guint n = ranked->len;

  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "documents");
      json_builder_add_int_value (b, n_docs);
      json_builder_set_member_name (b, "first_date");
      first ? json_builder_add_string_value (b, first) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "last_date");
      last ? json_builder_add_string_value (b, last) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "entities");
      json_builder_add_int_value (b, n_entities);
      json_builder_set_member_name (b, "classes");
      json_builder_begin_object (b);
      for (int c = 0; c < NKG_CLASS_N; c++)
        {
          json_builder_set_member_name (b, nkg_class_info ((NkgClass) c)->key);
          json_builder_add_int_value (b, per_class[c]);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "facts");
      json_builder_add_int_value (b, n_facts);
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      for (int p = 0; p < NKG_PROP_N; p++)
        {
          json_builder_set_member_name (b, prop_key ((NkgProp) p));
          json_builder_add_int_value (b, per_prop[p]);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "quotes");
      json_builder_add_int_value (b, n_quotes);
      json_builder_set_member_name (b, "most_connected");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          EntityRow *e = &g_array_index (ranked, EntityRow, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "iri");
          json_builder_add_string_value (b, e->r.iri);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, e->r.name);
          json_builder_set_member_name (b, "class");
          json_builder_add_string_value (b, class_key_of (e->klass));
          json_builder_set_member_name (b, "degree");
          json_builder_add_int_value (b, e->r.degree);
          json_builder_set_member_name (b, "mentions");
          json_builder_add_int_value (b, e->r.mentions);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
      return NKG_EXIT_OK;
    }

  const char *B = nkg_cli_bold (cli), *R = nkg_cli_reset (cli), *D = nkg_cli_dim (cli);
  printf ("%sdocuments%s  %u", B, R, n_docs);
  if (first)
    printf ("  %s(%s … %s)%s", D, first, last, R);
  printf ("\n%sentities%s   %u\n", B, R, n_entities);
  for (int c = 0; c < NKG_CLASS_N; c++)
    if (per_class[c])
      printf ("  %-18s %6u\n", nkg_class_info ((NkgClass) c)->key, per_class[c]);
  printf ("%sfacts%s      %u\n", B, R, n_facts);
  for (int p = 0; p < NKG_PROP_N; p++)
    if (per_prop[p])
      printf ("  %-18s %6u\n", prop_key ((NkgProp) p), per_prop[p]);
  printf ("%squotes%s     %u\n", B, R, n_quotes);
  if (n)
    {
      printf ("%smost connected%s %s(distinct linked entities)%s\n", B, R, D, R);
      for (guint i = 0; i < n; i++)
        {
          EntityRow *e = &g_array_index (ranked, EntityRow, i);
          printf ("  %6u  %s  %s(%s)%s\n", e->r.degree, e->r.name, D, class_key_of (e->klass), R);
        }
    }
  return NKG_EXIT_OK;
}

/* ---------------------------------------------------------------- entry points */

static int
run (NkgGraph *shell_graph, const char *shell_path, InspectFn fn, int argc, char **argv)
{
  NkgCli cli = { 0 };
  cli.shell_graph = shell_graph;
  cli.shell_path = shell_path;
  cli.exiting = shell_graph == NULL;
  int st = fn (&cli, argc, argv);
  nkg_cli_flush_stdout ();
  nkg_cli_clear (&cli);
  return st;
}

static const struct {
  const char *name;
  InspectFn fn;
} inspect_commands[] = {
  { "show", cmd_show },   { "list", cmd_list }, { "search", cmd_search },
  { "facts", cmd_facts }, { "path", cmd_path }, { "stats", cmd_stats },
};

int
nkg_inspect_dispatch (NkgGraph *graph, const char *path, int argc, char **argv)
{
  for (gsize i = 0; argc > 0 && i < G_N_ELEMENTS (inspect_commands); i++)
    if (strcmp (argv[0], inspect_commands[i].name) == 0)
      return run (graph, path, inspect_commands[i].fn, argc, argv);
  return -1;
}

int
nkg_cmd_show (int argc, char **argv)
{
  return run (NULL, NULL, cmd_show, argc, argv);
}

int
nkg_cmd_list (int argc, char **argv)
{
  return run (NULL, NULL, cmd_list, argc, argv);
}

int
nkg_cmd_search (int argc, char **argv)
{
  return run (NULL, NULL, cmd_search, argc, argv);
}

int
nkg_cmd_facts (int argc, char **argv)
{
  return run (NULL, NULL, cmd_facts, argc, argv);
}

int
nkg_cmd_path (int argc, char **argv)
{
  return run (NULL, NULL, cmd_path, argc, argv);
}

int
nkg_cmd_stats (int argc, char **argv)
{
  return run (NULL, NULL, cmd_stats, argc, argv);
}
