/* triples.c — the graph walked as triples; see triples.h. */
#include "triples.h"

#include <string.h>

#include "graph/iri.h"

typedef struct {
  NkgTripleFunc fn;
  gpointer data;
  GPtrArray *warnings;
  GError **error;
  gboolean failed;
  GPtrArray *repaired; /* char*: repaired copies, freed after the walk */
  const char *subject; /* the last subject found valid UTF-8 */
} Walk;

/* `s`, or a copy with invalid bytes replaced, and a warning. */
static const char *
valid (Walk *w, const char *s, const char *subject, const char *predicate)
{
  /* most text is ASCII: only a string with another byte needs the full
   * check. Eight bytes at a time after strlen, which is vectorised: the
   * byte-by-byte scan of every value was a twelfth of writing Turtle. */
  gsize n = strlen (s), i = 0;
  guint64 any = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 word;
      memcpy (&word, s + i, 8);
      any |= word;
    }
  for (; i < n; i++)
    any |= (guchar) s[i];
  if (!(any & G_GUINT64_CONSTANT (0x8080808080808080)) || g_utf8_validate_len (s, n, NULL))
    return s;
  char *fixed = g_utf8_make_valid (s, -1);
  g_ptr_array_add (w->repaired, fixed);
  if (w->warnings)
    {
      g_autofree char *subj = g_utf8_make_valid (subject, -1);
      const char *hash = strrchr (predicate, '#'), *slash = strrchr (predicate, '/');
      const char *local = hash && hash > slash ? hash + 1 : slash ? slash + 1 : predicate;
      g_ptr_array_add (w->warnings,
                       g_strdup_printf ("%s of <%s> is not valid UTF-8: written as \"%s\" "
                                        "(invalid bytes replaced by U+FFFD)",
                                        local, subj, fixed));
    }
  return fixed;
}

static void
emit_term (Walk *w, const char *s, const char *p, gboolean literal, const char *value,
           const char *datatype, gboolean transient)
{
  if (w->failed || !value)
    return;
  /* a subject's triples come together: a valid IRI is checked once (an
   * invalid one is repaired, with a warning, for each triple) */
  if (s != w->subject)
    {
      const char *checked = valid (w, s, s, p);
      w->subject = checked == s ? s : NULL;
      s = checked;
    }
  NkgTerm o = { literal, valid (w, value, s, p), datatype, transient };
  if (!w->fn (s, p, &o, w->data, w->error))
    w->failed = TRUE;
}

static void
emit (Walk *w, const char *s, const char *p, gboolean literal, const char *value,
      const char *datatype)
{
  emit_term (w, s, p, literal, value, datatype, FALSE);
}

static void
emit_iri (Walk *w, const char *s, const char *p, const char *o)
{
  emit (w, s, p, FALSE, o, NULL);
}

static void
emit_lit (Walk *w, const char *s, const char *p, const char *value, const char *datatype)
{
  emit (w, s, p, TRUE, value, datatype);
}

static void
emit_uint (Walk *w, const char *s, const char *p, guint value)
{
  char buf[16], *d = buf + sizeof buf;
  *--d = '\0';
  do
    *--d = (char) ('0' + value % 10);
  while ((value /= 10));
  emit_term (w, s, p, TRUE, d, NKG_NS_XSD "integer", TRUE);
}

static void
emit_fact_object (Walk *w, const char *s, const char *p, const NkgFact *f)
{
  if (f->object)
    {
      emit_iri (w, s, p, f->object->iri);
      return;
    }
  switch (nkg_prop_info (f->prop)->obj)
    {
    case NKG_OBJ_DATE:
      emit_lit (w, s, p, f->literal, NKG_NS_XSD "date");
      break;
    case NKG_OBJ_DURATION:
      emit_lit (w, s, p, f->literal, NKG_NS_XSD "duration");
      break;
    default:
      emit_lit (w, s, p, f->literal, NULL);
    }
}

static void
walk_build_node (Walk *w, NkgGraph *g, const char *build)
{
  emit_iri (w, build, NKG_NS_RDF "type", NKG_NS_PROV "Activity");
  emit_iri (w, build, NKG_NS_PROV "wasAssociatedWith", NKG_SOFTWARE_IRI);
  emit_lit (w, build, NKG_NS_SCHEMA "softwareVersion", g->version ? g->version : NKG_VERSION,
            NULL);
  for (guint i = 0; i < g->docs->len; i++)
    emit_iri (w, build, NKG_NS_PROV "used", ((NkgDoc *) g_ptr_array_index (g->docs, i))->iri);
}

/* The agent itself, so that a reader of the graph learns its name. */
static void
walk_software (Walk *w)
{
  emit_iri (w, NKG_SOFTWARE_IRI, NKG_NS_RDF "type", NKG_NS_PROV "SoftwareAgent");
  emit_lit (w, NKG_SOFTWARE_IRI, NKG_NS_SCHEMA "name", "newskg", NULL);
}

static void
walk_build (Walk *w, NkgGraph *g)
{
  g_autofree char *build = nkg_graph_build_iri (g);
  walk_build_node (w, g, build);
  walk_software (w);
}

static void
walk_doc (Walk *w, const NkgDoc *d)
{
  emit_iri (w, d->iri, NKG_NS_RDF "type", NKG_NS_NKG "Document");
  emit_iri (w, d->iri, NKG_NS_RDF "type", NKG_NS_SCHEMA "NewsArticle");
  emit_lit (w, d->iri, NKG_NS_DCTERMS "source", d->source, NULL);
  emit_lit (w, d->iri, NKG_NS_DCTERMS "title", d->title, NULL);
  emit_lit (w, d->iri, NKG_NS_DCTERMS "date", d->date, NKG_NS_XSD "date");
  if (d->url)
    {
      g_autofree char *url = nkg_iri_repair (d->url);
      if (url)
        emit_term (w, d->iri, NKG_NS_SCHEMA "url", FALSE, url, NULL, TRUE);
      else if (w->warnings)
        {
          g_autofree char *shown = g_utf8_make_valid (d->url, -1);
          g_ptr_array_add (w->warnings,
                           g_strdup_printf ("url of <%s> is not an absolute IRI: \"%s\" left out",
                                            d->iri, shown));
        }
    }
  emit_lit (w, d->iri, NKG_NS_DCTERMS "language", d->language, NULL);
  emit_lit (w, d->iri, NKG_NS_NKG "sha256", d->sha256, NULL);
  emit_lit (w, d->iri, NKG_NS_NKG "format", d->format, NULL);
}

static void
walk_entity (Walk *w, const NkgEntity *e)
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
  emit_uint (w, e->iri, NKG_NS_NKG "mentionCount", e->mention_count);
  for (guint i = 0; i < e->out->len; i++)
    {
      const NkgFact *f = g_ptr_array_index (e->out, i);
      emit_fact_object (w, e->iri, nkg_prop_info (f->prop)->iri, f);
    }
}

/* The IRIs of `a`'s items (each struct's first member) asked of memory
 * together: a statement's documents, sentences and conflicts are strings
 * scattered over the heap, cold after finish, and fetched one at a time
 * by the checks and copies that follow: the walk waited on each in turn. */
static inline void
prefetch_iris (const GPtrArray *a)
{
  for (guint i = 0; i < a->len; i++)
    __builtin_prefetch (*(const char *const *) g_ptr_array_index (a, i));
}

static void
walk_statement (Walk *w, const NkgFact *f)
{
  prefetch_iris (f->docs);
  prefetch_iris (f->evidence);
  prefetch_iris (f->conflicts);
  emit_iri (w, f->iri, NKG_NS_RDF "type", NKG_NS_RDF "Statement");
  emit_iri (w, f->iri, NKG_NS_RDF "subject", f->subject->iri);
  emit_iri (w, f->iri, NKG_NS_RDF "predicate", nkg_prop_info (f->prop)->iri);
  emit_fact_object (w, f->iri, NKG_NS_RDF "object", f);
  for (guint i = 0; i < f->docs->len; i++)
    emit_iri (w, f->iri, NKG_NS_PROV "wasDerivedFrom",
              ((NkgDoc *) g_ptr_array_index (f->docs, i))->iri);
  for (guint i = 0; i < f->evidence->len; i++)
    emit_iri (w, f->iri, NKG_NS_NKG "evidence", ((NkgEvidence *) g_ptr_array_index (f->evidence, i))->iri);
  if (f->gazetteer)
    emit_iri (w, f->iri, NKG_NS_NKG "source", NKG_NS_NKG "Gazetteer");
  emit_uint (w, f->iri, NKG_NS_NKG "supportCount", f->docs->len);
  char conf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (conf, sizeof conf, "%.3f", f->confidence);
  emit_term (w, f->iri, NKG_NS_NKG "confidence", TRUE, conf, NKG_NS_XSD "decimal", TRUE);
  for (guint i = 0; i < f->conflicts->len; i++)
    emit_iri (w, f->iri, NKG_NS_NKG "conflictsWith", ((NkgFact *) g_ptr_array_index (f->conflicts, i))->iri);
}

static void
walk_evidence (Walk *w, const NkgEvidence *ev)
{
  emit_iri (w, ev->iri, NKG_NS_RDF "type", NKG_NS_NKG "Evidence");
  if (ev->doc)
    emit_iri (w, ev->iri, NKG_NS_PROV "wasDerivedFrom", ev->doc->iri);
  emit_lit (w, ev->iri, NKG_NS_NKG "text", ev->text, NULL);
  /* version 1 evidence had no offsets: none is better than a false one */
  if (ev->doc)
    {
      emit_uint (w, ev->iri, NKG_NS_NKG "start", ev->start);
      emit_uint (w, ev->iri, NKG_NS_NKG "end", ev->end);
    }
}

static void
walk_quote (Walk *w, const NkgQuote *q)
{
  emit_iri (w, q->iri, NKG_NS_RDF "type", NKG_NS_NKG "Quote");
  emit_lit (w, q->iri, NKG_NS_SCHEMA "text", q->text, NULL);
  emit_iri (w, q->iri, NKG_NS_NKG "speaker", q->speaker->iri);
  for (guint i = 0; i < q->docs->len; i++)
    emit_iri (w, q->iri, NKG_NS_PROV "wasDerivedFrom",
              ((NkgDoc *) g_ptr_array_index (q->docs, i))->iri);
}

gboolean
nkg_graph_walk_triples (NkgGraph *g, NkgTripleFunc fn, gpointer data, GPtrArray *warnings,
                        GError **error)
{
  g_return_val_if_fail (g->finished, FALSE);
  Walk w = { fn, data, warnings, error, FALSE, g_ptr_array_new_with_free_func (g_free), NULL };
  walk_build (&w, g);
  for (guint i = 0; i < g->docs->len && !w.failed; i++)
    walk_doc (&w, g_ptr_array_index (g->docs, i));
  for (guint i = 0; i < g->entities->len && !w.failed; i++)
    walk_entity (&w, g_ptr_array_index (g->entities, i));
  for (guint i = 0; i < g->facts->len && !w.failed; i++)
    walk_statement (&w, g_ptr_array_index (g->facts, i));
  for (guint i = 0; i < g->evidence->len && !w.failed; i++)
    walk_evidence (&w, g_ptr_array_index (g->evidence, i));
  for (guint i = 0; i < g->quotes->len && !w.failed; i++)
    walk_quote (&w, g_ptr_array_index (g->quotes, i));
  g_ptr_array_unref (w.repaired);
  return !w.failed;
}

static gint
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The groups of the sorted walk: each an array sorted by IRI, or one
 * subject (the build node, the software agent). */
enum { G_BUILD, G_SOFTWARE, G_DOCS, G_ENTITIES, G_FACTS, G_EVIDENCE, G_QUOTES, G_N };

typedef struct {
  GPtrArray *items; /* NULL for the single subjects */
  guint at, n;
} Group;

/* The IRI of the group's next subject, or NULL when it is done. The first
 * member of every item struct is its IRI. */
static const char *
group_head (const Group *gr, const char *single)
{
  if (gr->at >= gr->n)
    return NULL;
  return gr->items ? *(const char *const *) g_ptr_array_index (gr->items, gr->at) : single;
}

/* The statements after the one at `gr->at`, asked of memory ahead of
 * their turn: the fact itself four ahead, its lists' arrays two ahead (its
 * struct has arrived by then), so that walk_statement finds them there.
 * Facts are sorted by IRI, a hash: each is somewhere else in the heap. */
static inline void
prefetch_statements (const Group *gr)
{
  if (gr->at + 4 < gr->n)
    __builtin_prefetch (g_ptr_array_index (gr->items, gr->at + 4));
  if (gr->at + 2 < gr->n)
    {
      const NkgFact *f = g_ptr_array_index (gr->items, gr->at + 2);
      __builtin_prefetch (f->docs->pdata);
      __builtin_prefetch (f->evidence->pdata);
      __builtin_prefetch (f->conflicts->pdata);
      __builtin_prefetch (f->iri);
    }
}

/* The first item of `items` whose IRI is not below `iri` (NULL: the end). */
static guint
lower_bound (const GPtrArray *items, const char *iri)
{
  guint lo = 0, hi = items->len;
  if (!iri)
    return hi;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (strcmp (*(const char *const *) g_ptr_array_index (items, mid), iri) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Restricts `gr` to the subjects in [from, to) (NULL: unbounded). */
static void
group_clip (Group *gr, const char *single, const char *from, const char *to)
{
  if (gr->items)
    {
      gr->at = from ? lower_bound (gr->items, from) : 0;
      gr->n = lower_bound (gr->items, to);
      return;
    }
  gboolean in = (!from || strcmp (single, from) >= 0) && (!to || strcmp (single, to) < 0);
  gr->at = 0;
  gr->n = in ? 1 : 0;
}

gboolean
nkg_graph_walk_subjects_range (NkgGraph *g, const char *from, const char *to, NkgTripleFunc fn,
                               NkgSubjectEndFunc end, gpointer data, GPtrArray *warnings,
                               GError **error)
{
  g_return_val_if_fail (g->finished, FALSE);
  Walk w = { fn, data, warnings, error, FALSE, g_ptr_array_new_with_free_func (g_free), NULL };
  g_autofree char *build = nkg_graph_build_iri (g);
  Group gr[G_N] = {
    [G_BUILD] = { NULL, 0, 1 },
    [G_SOFTWARE] = { NULL, 0, 1 },
    [G_DOCS] = { g->docs, 0, g->docs->len },
    [G_ENTITIES] = { g->entities, 0, g->entities->len },
    [G_FACTS] = { g->facts, 0, g->facts->len },
    [G_EVIDENCE] = { g->evidence, 0, g->evidence->len },
    [G_QUOTES] = { g->quotes, 0, g->quotes->len },
  };
  const char *single[G_N] = { [G_BUILD] = build, [G_SOFTWARE] = NKG_SOFTWARE_IRI };
  if (from || to)
    for (int k = 0; k < G_N; k++)
      group_clip (&gr[k], single[k], from, to);
  while (!w.failed)
    {
      /* the smallest IRI at the head of any group: seven compares per
       * subject, no sorting, since every group is sorted already */
      const char *min = NULL;
      for (int k = 0; k < G_N; k++)
        {
          const char *h = group_head (&gr[k], single[k]);
          if (h && (!min || strcmp (h, min) < 0))
            min = h;
        }
      if (!min)
        break;
      /* Every item with that IRI is one subject, whichever group it is in
       * (a loaded graph may say anything), as Raptor would merge them.
       * Every IRI read here lives through the walk: no copy. */
      const char *subject = min;
      for (int k = 0; k < G_N && !w.failed; k++)
        {
          const char *h;
          while (!w.failed && (h = group_head (&gr[k], single[k]))
                 && (h == subject || strcmp (h, subject) == 0))
            {
              gpointer item = gr[k].items ? g_ptr_array_index (gr[k].items, gr[k].at) : NULL;
              if (k == G_FACTS)
                prefetch_statements (&gr[k]);
              gr[k].at++;
              switch (k)
                {
                case G_BUILD: walk_build_node (&w, g, build); break;
                case G_SOFTWARE: walk_software (&w); break;
                case G_DOCS: walk_doc (&w, item); break;
                case G_ENTITIES: walk_entity (&w, item); break;
                case G_FACTS: walk_statement (&w, item); break;
                case G_EVIDENCE: walk_evidence (&w, item); break;
                case G_QUOTES: walk_quote (&w, item); break;
                default: g_assert_not_reached ();
                }
            }
        }
      if (!w.failed && end && !end (subject, data, error))
        w.failed = TRUE;
    }
  g_ptr_array_unref (w.repaired);
  return !w.failed;
}

gboolean
nkg_graph_walk_subjects (NkgGraph *g, NkgTripleFunc fn, NkgSubjectEndFunc end, gpointer data,
                         GPtrArray *warnings, GError **error)
{
  return nkg_graph_walk_subjects_range (g, NULL, NULL, fn, end, data, warnings, error);
}

/* About how many triples the walk gives an item of group `k`: what its
 * Turtle weighs (a country mentioned in every article is a thousand
 * lines, a sentence five). */
static gsize
item_weight (int k, gconstpointer item)
{
  switch (k)
    {
    case G_DOCS:
      return 9;
    case G_ENTITIES:
      {
        const NkgEntity *e = item;
        return 5 + e->aliases->len + e->docs->len + e->out->len;
      }
    case G_FACTS:
      {
        const NkgFact *f = item;
        return 7 + f->docs->len + f->evidence->len + f->conflicts->len;
      }
    case G_QUOTES:
      return 3 + ((const NkgQuote *) item)->docs->len;
    default:
      return 5;
    }
}

/* In each of the graph's groups, the IRI of each item that brings the
 * triples since the last bound to `every` or more; all of them sorted,
 * each once. */
GPtrArray *
nkg_graph_subject_bounds (NkgGraph *g, gsize every)
{
  g_return_val_if_fail (g->finished && every > 0, NULL);
  GPtrArray *bounds = g_ptr_array_new ();
  const struct {
    int kind;
    GPtrArray *items;
  } groups[] = { { G_DOCS, g->docs },
                 { G_ENTITIES, g->entities },
                 { G_FACTS, g->facts },
                 { G_EVIDENCE, g->evidence },
                 { G_QUOTES, g->quotes } };
  for (gsize k = 0; k < G_N_ELEMENTS (groups); k++)
    {
      gsize since = 0;
      for (guint i = 0; i < groups[k].items->len; i++)
        {
          gconstpointer item = g_ptr_array_index (groups[k].items, i);
          if (i && since >= every)
            {
              g_ptr_array_add (bounds, *(char *const *) item);
              since = 0;
            }
          since += item_weight (groups[k].kind, item);
        }
    }
  g_ptr_array_sort (bounds, str_ptr_cmp);
  guint n = 0;
  for (guint i = 0; i < bounds->len; i++)
    if (n == 0 || strcmp (bounds->pdata[n - 1], bounds->pdata[i]) != 0)
      bounds->pdata[n++] = bounds->pdata[i];
  g_ptr_array_set_size (bounds, n);
  return bounds;
}

char *
nkg_graph_name_iri (const NkgGraph *g)
{
  return g_strconcat (g->base, "graph", NULL);
}
