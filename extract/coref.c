/* coref.c — clustering mentions into entities (see coref.h). */
#include "coref.h"

#include <string.h>

#include "patterns.h"
#include "scratch.h"
#include "tagger.h"
#include "textutil.h"

/* Candidate lists longer than this are cut to their latest entries: a
 * name word shared by thousands of entities (only in a huge document) must
 * not make every new mention compare itself with all of them. */
#define NKG_COREF_MAX_CANDIDATES 256

typedef struct IdList IdList;

/* A string table of the Resolver's (its surface memos, its interned
 * keys and words): open addressing over the strings' hashes, made once for
 * the document at a size its mentions call for, so that adding a string is
 * one probe (a GHashTable hashed it once to look and again to insert, and
 * grew five times a document). */
typedef struct {
  guint hash;
  const char *key; /* owned by the Resolver's memo blocks */
  gpointer value;
} StrSlot;

typedef struct {
  StrSlot *slots;
  guint mask, n;
} StrTable;

/* A name key or a word of one, interned for the document (intern): the
 * memos hand out `text`, and its number finds the key's list in a KeyIndex
 * with no hashing (the indexes were 150,000 hashes of the same few keys
 * and words a corpus). */
typedef struct {
  guint id;
  char text[];
} Interned;

/* What the Resolver knows of a surface (surface_memo): its name key and,
 * once asked (words_in), the key's words, all interned. */
typedef struct {
  const char *surface; /* the table's copy */
  const char *key;
  char **words;
} SurfaceMemo;

/* The last memo asked for by each of a few surface addresses (see
 * surface_memo): the same mention's surface is asked for again and again,
 * and its address finds its memo without hashing it. */
#define SURFACE_RECENT 512

typedef struct {
  const char *at;
  SurfaceMemo *memo;
} SurfaceRecent;

/* An index from an interned key or word (key_of, words_in) to an IdList:
 * an array by the key's number. */
typedef struct {
  IdList **lists;
  guint len;
} KeyIndex;

/* Who a sentence speaks of as the side of an agreement (see
 * actors_apart): the people and bodies named (their clusters), the
 * countries named, inside a body's name or in a person's title ("Fijian
 * Prime Minister X"), by their keys; which of these kinds it names. */
enum { ACTOR_COUNTRY = 1 << 0, ACTOR_BODY = 1 << 1, ACTOR_PERSON = 1 << 2 };

typedef struct {
  GHashTable *ids;       /* cluster index + 1 of people and bodies */
  GHashTable *names;     /* name keys of bodies not yet resolved ("ADB") */
  GHashTable *countries; /* name keys of countries */
  guint kinds;           /* ACTOR_* */
} Actors;

typedef struct {
  const NkgLexicon *lex;
  const NkgSegments *seg;
  GPtrArray *mentions;
  GPtrArray *clusters;
  /* Indexes that keep resolution linear in the document's length: every
   * cluster lookup goes through them instead of scanning all clusters. */
  StrTable surfaces;    /* surface → SurfaceMemo (surface_memo) */
  StrTable interned;    /* key or word → Interned (intern) */
  SurfaceRecent recent[SURFACE_RECENT]; /* by a surface's address (surface_memo) */
  guint n_interned;
  NkgArena *memo;       /* the blocks of keys, words and memos (name_key, intern) */
  KeyIndex by_key;      /* name key → IdList of cluster indices */
  KeyIndex by_word;     /* key word → IdList of cluster indices */
  GHashTable *by_initials; /* initials of a surface (three forms) → IdList of cluster indices */
  gboolean by_initials_ready; /* filled (see initials_index) */
  GHashTable *handles;  /* handle → owning cluster (first) */
  GPtrArray *seen;      /* per cluster: GHashTable set of its surfaces, made once it
                         * has SEEN_SET of them (NULL before: the few are scanned) */
  GArray *proper;       /* per cluster: gboolean, a mention names it properly (agreements) */
  GArray *kinds;        /* per cluster: guint, kind_bit of each agreement kind its surfaces name */
  gint salient;         /* the most mentioned agreement so far (see salient_agreement) */
  /* The article's agreement register: each agreement cluster in order of
   * its first mention, with what its mentions say it is about (subject
   * words: "fisheries" of "a fisheries accord", "trade" of "the Treaty of
   * Trade") and whom it is between ("between Chad and Niger"). */
  GArray *agreements;   /* cluster indices, in order of creation */
  GHashTable *entries;  /* cluster index → AgreementEntry */
  guint salient_n;
  gint actors_sentence; /* the sentence `actors` are of (actors_apart), or -1 */
  Actors actors;
  gboolean actors_sign; /* that sentence has a signing verb */
  GHashTable *by_last;  /* token → IdList of mention indices ending there (mentions_ending_at) */
  KeyIndex unknown_by_key; /* name key → IdList of mention indices (all mentions) */
  GHashTable *owner_initials; /* initials of "Owner’s Name" → IdList of mention indices */
  GHashTable *patronym_initials; /* "mbs" → person cluster + 1 ("Mohammed bin Salman"), built when first needed */
  GArray *sent_first;   /* sentence → index of its first mention (mentions->len past the end) */
  gboolean capped;      /* some candidate list was cut */
  GPtrArray *id_slabs;  /* blocks the IdLists live in (id_list_new), freed last */
  guint id_slab_used;   /* IdLists handed out of the newest block */
} Resolver;

static void
cluster_free (gpointer p)
{
  NkgCluster *c = p;
  g_free (c->name);
  g_free (c->handle);
  g_ptr_array_unref (c->surfaces);
  nkg_int_array_release (c->mentions);
  g_free (c);
}

/* Comparison key for names: lower case, ASCII, no punctuation, dashes as
 * spaces, British spelling folded, no leading "the". The block also holds
 * a copy of s after the key, returned in *copy (key_of's memo key). */
static char *
name_key (NkgArena *arena, const char *s, char **copy)
{
  char buf[128];
  g_autofree char *heap = NULL;
  const char *k = nkg_text_key_buf (s, buf, sizeof buf, &heap);
  /* in one pass: letters and digits, a run of dashes, slashes and spaces
   * as one space between words (none at the ends) */
  gsize room = strlen (k) + 1, sl = strlen (s);
  char *r = nkg_arena_alloc (arena, room + sl + 1);
  *copy = memcpy (r + room, s, sl + 1);
  gsize n = 0;
  gboolean space = FALSE;
  for (const char *p = k; *p; p++)
    {
      char c = nkg_ascii_lower (*p);
      if (c == '-' || c == '/' || g_ascii_isspace (c))
        space = n > 0;
      else if (g_ascii_isalnum (c))
        {
          if (space)
            r[n++] = ' ';
          space = FALSE;
          r[n++] = c;
        }
    }
  r[n] = '\0';
  if (g_str_has_prefix (r, "the "))
    memmove (r, r + 4, n - 4 + 1);
  /* defence/defense, organisation/organization */
  for (char *p = r; (p = strstr (p, "defence")); p += 7)
    p[5] = 's';
  for (char *p = r; (p = strstr (p, "isation")); p += 7)
    p[3] = 'z';
  return r;
}

static void str_table_init (StrTable *t, guint expect);
static StrSlot *str_table_claim (StrTable *t, const char *key, guint h);

/* `text` interned for the document: the same pointer for the same text,
 * with its number (interned_id). */
static const char *
intern (Resolver *r, const char *text)
{
  guint h = g_str_hash (text);
  StrSlot *slot = str_table_claim (&r->interned, text, h);
  if (!slot->key)
    {
      gsize n = strlen (text);
      Interned *e = nkg_arena_alloc (r->memo, sizeof (Interned) + n + 1);
      e->id = r->n_interned++;
      memcpy (e->text, text, n + 1);
      slot->hash = h;
      slot->key = e->text;
      slot->value = e;
      r->interned.n++;
    }
  return slot->key;
}

/* The number of a string intern returned. */
static guint
interned_id (const char *key)
{
  return ((const Interned *) (key - offsetof (Interned, text)))->id;
}

/* The memo of a surface, made once per document: one hash of the surface
 * for its key and its words, none when the same address asks again (its
 * text compared, as an address may hold another surface by then). */
static SurfaceMemo *
surface_memo (Resolver *r, const char *s)
{
  guintptr at = (guintptr) s;
  SurfaceRecent *recent = &r->recent[((at >> 4) ^ (at >> 13)) & (SURFACE_RECENT - 1)];
  if (recent->at == s && strcmp (recent->memo->surface, s) == 0)
    return recent->memo;
  guint h = g_str_hash (s);
  StrSlot *slot = str_table_claim (&r->surfaces, s, h);
  if (!slot->key)
    {
      char *copy;
      const char *nk = name_key (r->memo, s, &copy);
      SurfaceMemo *m = nkg_arena_alloc (r->memo, sizeof *m);
      m->surface = copy;
      m->key = intern (r, nk);
      m->words = NULL;
      slot->hash = h;
      slot->key = copy;
      slot->value = m;
      r->surfaces.n++;
    }
  recent->at = s;
  recent->memo = slot->value;
  return recent->memo;
}

/* The name key of a surface, computed once per document. */
static const char *
key_of (Resolver *r, const char *s)
{
  return surface_memo (r, s)->key;
}

/* g_strsplit (key, " ", -1) in the arena, each word interned. */
static char **
split_interned (Resolver *r, const char *key)
{
  guint words = *key ? 1 : 0;
  for (const char *p = key; *p; p++)
    words += *p == ' ';
  char **v = nkg_arena_alloc (r->memo, (words + 1) * sizeof (char *));
  guint k = 0;
  for (const char *p = key; *p;)
    {
      const char *e = strchr (p, ' ');
      gsize n = e ? (gsize) (e - p) : strlen (p);
      char buf[128];
      g_autofree char *heap = n < sizeof buf ? NULL : g_malloc (n + 1);
      char *w = heap ? heap : buf;
      memcpy (w, p, n);
      w[n] = '\0';
      v[k++] = (char *) intern (r, w);
      p += n + (e != NULL);
    }
  v[k] = NULL;
  return v;
}

/* The words of a surface's key, computed once per document. */
static char **
words_in (Resolver *r, const char *s)
{
  SurfaceMemo *m = surface_memo (r, s);
  if (!m->words)
    m->words = split_interned (r, m->key);
  return m->words;
}

/* Whether `w`, exactly as given (a key's word, a token's lower-case form),
 * is in the pattern table's word list `list` (extract/data/patterns.txt). */
static gboolean
listed (const char *list, const char *w)
{
  (void) nkg_patterns (NULL); /* the lists are read with the table */
  GHashTable *set = nkg_patterns_list (list);
  return set && g_hash_table_contains (set, w);
}

/* index[key] gets value; `memo`: key is one of the keys or words the
 * Resolver keeps for the document (key_of, words_in), and the index
 * borrows it instead of a copy. */
/* A list of cluster or mention indices in one of the Resolver's indexes.
 * Most hold one index: it lives in the list itself, and the lists are cut
 * from the Resolver's blocks (ID_SLAB at a time), so most lists are no
 * allocation of their own (one each was 200,000 a corpus). */
struct IdList {
  guint *data;
  guint len, alloc;
  guint first;
};

#define ID_SLAB 256

static IdList *
id_list_new (Resolver *r)
{
  if (!r->id_slabs->len || r->id_slab_used == ID_SLAB)
    {
      g_ptr_array_add (r->id_slabs, g_new (IdList, ID_SLAB));
      r->id_slab_used = 0;
    }
  IdList *l = (IdList *) g_ptr_array_index (r->id_slabs, r->id_slabs->len - 1) + r->id_slab_used++;
  l->data = &l->first;
  l->len = 0;
  l->alloc = 1;
  return l;
}

static void
id_list_append (IdList *l, guint value)
{
  if (l->len == l->alloc)
    {
      guint n = MAX (8, l->alloc * 2);
      if (l->data == &l->first)
        {
          l->data = g_new (guint, n);
          l->data[0] = l->first;
        }
      else
        l->data = g_renew (guint, l->data, n);
      l->alloc = n;
    }
  l->data[l->len++] = value;
}

/* The list itself belongs to the Resolver's blocks. */
static void
id_list_free (gpointer p)
{
  IdList *l = p;
  if (l->data != &l->first)
    g_free (l->data);
}

static void
str_table_init (StrTable *t, guint expect)
{
  guint n = 16;
  while (n < 2 * expect)
    n *= 2;
  t->slots = g_new0 (StrSlot, n);
  t->mask = n - 1;
  t->n = 0;
}

/* The slot of `key` (hash h): its own, or the empty one it would take. */
static StrSlot *
str_table_slot (const StrTable *t, const char *key, guint h)
{
  guint i = h & t->mask;
  while (t->slots[i].key && (t->slots[i].hash != h || strcmp (t->slots[i].key, key) != 0))
    i = (i + 1) & t->mask;
  return &t->slots[i];
}

static void
str_table_grow (StrTable *t)
{
  StrTable bigger;
  str_table_init (&bigger, t->mask + 1);
  for (guint i = 0; i <= t->mask; i++)
    if (t->slots[i].key)
      *str_table_slot (&bigger, t->slots[i].key, t->slots[i].hash) = t->slots[i];
  bigger.n = t->n;
  g_free (t->slots);
  *t = bigger;
}

/* The slot of `key` (hash h), with room for it if it is new: the caller
 * fills an empty one (and counts it in t->n). */
static StrSlot *
str_table_claim (StrTable *t, const char *key, guint h)
{
  if (2 * (t->n + 1) > t->mask + 1)
    str_table_grow (t);
  return str_table_slot (t, key, h);
}

static void
key_index_init (KeyIndex *ix, guint expect)
{
  ix->len = MAX (16, expect);
  ix->lists = g_new0 (IdList *, ix->len);
}

static void
key_index_clear (KeyIndex *ix)
{
  for (guint i = 0; i < ix->len; i++)
    if (ix->lists[i])
      id_list_free (ix->lists[i]);
  g_free (ix->lists);
}

/* `key` is interned (key_of, words_in). */
static IdList *
key_index_lookup (const KeyIndex *ix, const char *key)
{
  if (!key)
    return NULL;
  guint id = interned_id (key);
  return id < ix->len ? ix->lists[id] : NULL;
}

static void
index_add_key (Resolver *r, GHashTable *index, const char *key, guint value, gboolean memo)
{
  IdList *list = g_hash_table_lookup (index, key);
  if (!list)
    {
      list = id_list_new (r);
      g_hash_table_insert (index, memo ? (char *) key : g_strdup (key), list);
    }
  if (!list->len || list->data[list->len - 1] != value)
    id_list_append (list, value);
}

/* key_index[key] gets value; key is interned (key_of, words_in). */
static void
key_index_add (Resolver *r, KeyIndex *ix, const char *key, guint value)
{
  guint id = interned_id (key);
  if (id >= ix->len)
    {
      guint n = MAX (2 * ix->len, id + 1);
      ix->lists = g_renew (IdList *, ix->lists, n);
      memset (ix->lists + ix->len, 0, (n - ix->len) * sizeof (IdList *));
      ix->len = n;
    }
  IdList *list = ix->lists[id];
  if (!list)
    list = ix->lists[id] = id_list_new (r);
  if (!list->len || list->data[list->len - 1] != value)
    id_list_append (list, value);
}

static void
index_add (Resolver *r, GHashTable *index, const char *key, guint value)
{
  index_add_key (r, index, key, value, FALSE);
}

/* Mentions (indices, ascending) ending at token t, or NULL: the index is
 * made when first asked (only handles ask, in few documents; made for
 * every mention it was 100,000 lists a corpus). Coref moves no mention. */
static const IdList *
mentions_ending_at (Resolver *r, guint t)
{
  if (!r->by_last)
    {
      r->by_last = g_hash_table_new_full (NULL, NULL, NULL, id_list_free);
      for (guint i = 0; i < r->mentions->len; i++)
        {
          NkgMention *m = g_ptr_array_index (r->mentions, i);
          IdList *ending = g_hash_table_lookup (r->by_last, GUINT_TO_POINTER (m->last));
          if (!ending)
            {
              ending = id_list_new (r);
              g_hash_table_insert (r->by_last, GUINT_TO_POINTER (m->last), ending);
            }
          id_list_append (ending, i);
        }
    }
  return g_hash_table_lookup (r->by_last, GUINT_TO_POINTER (t));
}

static gint
cmp_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* Appends to `out` the latest entries of index[key] (at most
 * NKG_COREF_MAX_CANDIDATES). */
static void
candidates_add_list (Resolver *r, const IdList *list, GArray *out)
{
  if (!list)
    return;
  guint from = 0;
  if (list->len > NKG_COREF_MAX_CANDIDATES)
    {
      from = list->len - NKG_COREF_MAX_CANDIDATES;
      r->capped = TRUE;
    }
  g_array_append_vals (out, list->data + from, list->len - from);
}

static void
candidates_add (Resolver *r, GHashTable *index, const char *key, GArray *out)
{
  candidates_add_list (r, key ? g_hash_table_lookup (index, key) : NULL, out);
}

static void
key_candidates_add (Resolver *r, const KeyIndex *ix, const char *key, GArray *out)
{
  candidates_add_list (r, key_index_lookup (ix, key), out);
}

/* Sorts candidates ascending and drops repeats. */
static void
candidates_sort (GArray *out)
{
  if (!out->len)
    return;
  g_array_sort (out, cmp_guint);
  guint n = 1;
  for (guint i = 1; i < out->len; i++)
    if (g_array_index (out, guint, i) != g_array_index (out, guint, n - 1))
      g_array_index (out, guint, n++) = g_array_index (out, guint, i);
  g_array_set_size (out, n);
}

/* Clusters with a surface that has one of the words of `s`'s key. */
static GArray *
clusters_sharing_a_word (Resolver *r, const char *s)
{
  GArray *out = nkg_int_array_new ();
  char **w = words_in (r, s);
  for (guint i = 0; w[i]; i++)
    key_candidates_add (r, &r->by_word, w[i], out);
  candidates_sort (out);
  return out;
}

static char *initials_of (const char *name);
static void index_initials (Resolver *r, guint ci, const char *surface);
static const char *agreement_kind (Resolver *r, const char *surface, gboolean *plural);
static guint kind_bit (const char *kind, gboolean plural);
static gboolean content_word (const char *w);

/* Records a surface of cluster ci in every index. */
static void
index_surface (Resolver *r, guint ci, const char *surface)
{
  key_index_add (r, &r->by_key, key_of (r, surface), ci);
  char **w = words_in (r, surface);
  for (guint i = 0; w[i]; i++)
    key_index_add (r, &r->by_word, w[i], ci);
  /* The three forms initials_match tries — only once some acronym has
   * been looked up (most documents have none without its definition). */
  if (!r->by_initials_ready)
    return;
  index_initials (r, ci, surface);
}

/* initials_of the n ASCII bytes at s, into out (n + 1 bytes at most), its
 * length returned: on ASCII nkg_text_key only squeezes white space (that
 * of nkg_text_squeeze), so a letter starts a word of the key where it
 * follows white space or a dash in s, or starts s. */
static gsize
ascii_initials (const char *s, gsize n, char *out)
{
  gsize k = 0;
  for (gsize i = 0; i < n; i++)
    {
      char b = i ? s[i - 1] : ' ';
      if (g_ascii_isupper (s[i]) && (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '-'))
        out[k++] = g_ascii_tolower (s[i]);
    }
  out[k] = '\0';
  return k;
}

/* index_initials for a short ASCII surface, on the stack: the three
 * forms of a hundred thousand surfaces a corpus took nine allocations
 * each. */
static gboolean
index_initials_ascii (Resolver *r, guint ci, const char *surface)
{
  gsize n = strlen (surface);
  char a[128], b[128 + 2];
  if (n >= sizeof a || !nkg_text_is_ascii (surface, (gssize) n))
    return FALSE;
  if (ascii_initials (surface, n, a) >= 2)
    index_add (r, r->by_initials, a, ci);
  const char *space = strrchr (surface, ' ');
  if (space)
    {
      gsize head = ascii_initials (space + 1, n - (gsize) (space + 1 - surface), b);
      gsize k = head + ascii_initials (surface, (gsize) (space - surface), b + head);
      if (k >= 2)
        index_add (r, r->by_initials, b, ci);
      b[k] = 'a';
      b[k + 1] = '\0';
      if (k + 1 >= 2)
        index_add (r, r->by_initials, b, ci);
    }
  return TRUE;
}

static void index_initials_of (Resolver *r, guint ci, const char *surface);
static const char *after_legal_lead (const char *name);

static void
index_initials (Resolver *r, guint ci, const char *surface)
{
  index_initials_of (r, ci, surface);
  const char *after_lead = after_legal_lead (surface);
  if (after_lead)
    index_initials_of (r, ci, after_lead);
}

static void
index_initials_of (Resolver *r, guint ci, const char *surface)
{
  if (index_initials_ascii (r, ci, surface))
    return;
  g_autofree char *a = initials_of (surface);
  if (strlen (a) >= 2)
    index_add (r, r->by_initials, a, ci);
  const char *space = strrchr (surface, ' ');
  if (space)
    {
      /* The head first ("Affairs Foreign Ministry of"), and that with
       * " Affairs" after: initials_of takes words apart at spaces, so
       * their initials are those of the two parts, swapped, and those
       * and "a" — without printing the forms and keying them again. */
      g_autofree char *before = g_strndup (surface, space - surface);
      g_autofree char *head = initials_of (space + 1), *rest = initials_of (before);
      g_autofree char *b = g_strconcat (head, rest, NULL);
      g_autofree char *c = g_strconcat (b, "a", NULL);
      if (strlen (b) >= 2)
        index_add (r, r->by_initials, b, ci);
      if (strlen (c) >= 2)
        index_add (r, r->by_initials, c, ci);
    }
}

/* Adds a surface to cluster ci (at the front for a canonical form) unless
 * it has it. */
enum { SEEN_SET = 8 };

static void
seen_free (gpointer p)
{
  if (p)
    g_hash_table_unref (p);
}

static void
add_surface (Resolver *r, guint ci, const char *surface, gboolean front)
{
  NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  GHashTable *seen = g_ptr_array_index (r->seen, ci);
  if (seen ? g_hash_table_contains (seen, surface) : g_ptr_array_find_with_equal_func (c->surfaces, surface, g_str_equal, NULL))
    return;
  char *copy = g_strdup (surface);
  if (front)
    g_ptr_array_insert (c->surfaces, 0, copy);
  else
    g_ptr_array_add (c->surfaces, copy);
  if (seen)
    g_hash_table_add (seen, copy);
  else if (c->surfaces->len >= SEEN_SET)
    {
      /* Surfaces are owned by c->surfaces; the set only points at them. */
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint s = 0; s < c->surfaces->len; s++)
        g_hash_table_add (seen, g_ptr_array_index (c->surfaces, s));
      g_ptr_array_index (r->seen, ci) = seen;
    }
  index_surface (r, ci, surface);
  gboolean plural;
  const char *kind = agreement_kind (r, surface, &plural);
  if (*kind)
    g_array_index (r->kinds, guint, ci) |= kind_bit (kind, plural);
}

static NkgCluster *
new_cluster (Resolver *r, NkgClass klass)
{
  NkgCluster *c = g_new0 (NkgCluster, 1);
  c->klass = klass;
  c->surfaces = g_ptr_array_new_with_free_func (g_free);
  c->mentions = nkg_int_array_new ();
  g_ptr_array_add (r->clusters, c);
  g_ptr_array_add (r->seen, NULL); /* (add_surface) */
  gboolean no = FALSE;
  g_array_append_val (r->proper, no);
  guint none = 0;
  g_array_append_val (r->kinds, none);
  return c;
}

static gboolean is_descriptive_name (Resolver *r, const NkgMention *m);
static void register_note (Resolver *r, const NkgMention *m, guint ci);

static void
attach (Resolver *r, guint mi, guint ci)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  m->cluster = ci;
  g_array_append_val (c->mentions, mi);
  /* The most mentioned agreement, kept as mentions arrive: the lowest
   * index among those with the most mentions. */
  if (c->klass == NKG_CLASS_AGREEMENT && !c->handle)
    {
      guint n = c->mentions->len;
      if (n > r->salient_n || (n == r->salient_n && (gint) ci < r->salient))
        {
          r->salient = ci;
          r->salient_n = n;
        }
    }
  if (c->klass == NKG_CLASS_AGREEMENT && m->kind == NKG_MENTION_NAME && !is_descriptive_name (r, m))
    g_array_index (r->proper, gboolean, ci) = TRUE;
  if (c->klass == NKG_CLASS_AGREEMENT)
    register_note (r, m, ci);
  add_surface (r, ci, m->surface, FALSE);
  /* A name with no head word of a kind ("the Regional Economic
   * Partnership", "Andinagas") is an agreement of the general kind. */
  gboolean plural;
  if (c->klass == NKG_CLASS_AGREEMENT && m->kind == NKG_MENTION_NAME && !*agreement_kind (r, m->surface, &plural))
    g_array_index (r->kinds, guint, ci) |= kind_bit ("agreement", FALSE);
}



/* Same person: equal names, or same surname and compatible given names
 * (Pete/Peter, S./S, a missing middle name). */
static gboolean
same_person (Resolver *r, const char *a, const char *b)
{
  char **x = words_in (r, a);
  char **y = words_in (r, b);
  guint nx = g_strv_length (x), ny = g_strv_length (y);
  if (!nx || !ny)
    return FALSE;
  if (g_strv_equal ((const char *const *) x, (const char *const *) y))
    return TRUE;
  /* "Sri Hartati" for "Sri Hartati Kusumaningrum", "Ahmad Faizal" for
   * "Ahmad Faizal Rahman": the given names of a name of three or more
   * words, as Indonesian and Malaysian news shortens it */
  if (nx >= 2 && ny >= 2 && nx != ny)
    {
      char **s = nx < ny ? x : y, **l = nx < ny ? y : x;
      guint ns = MIN (nx, ny), nl = MAX (nx, ny);
      gboolean head = nl >= 3;
      for (guint i = 0; i < ns && head; i++)
        head = strcmp (s[i], l[i]) == 0;
      if (head)
        return TRUE;
    }
  if (nx < 2 || ny < 2 || strcmp (x[nx - 1], y[ny - 1]) != 0)
    return FALSE;
  /* Given names: equal, initial, or nickname. */
  g_autofree char *gx = g_strdup (x[0]), *gy = g_strdup (y[0]);
  if (strlen (gx) == 1 || strlen (gy) == 1)
    return gx[0] == gy[0];
  gx[0] = g_ascii_toupper (gx[0]);
  gy[0] = g_ascii_toupper (gy[0]);
  return nkg_lexicon_same_given_name (r->lex, gx, gy);
}

/* Whether the part's words w (k of them) end in the same "Jr" or "Sr" as
 * the name ("Marcos Jr" of "Ferdinand Marcos Jr"): 1 to leave it off. */
static guint
suffix_too (const char *suffix, char **w, guint k)
{
  return k > 1 && strcmp (w[k - 1], suffix) == 0;
}

/* A single word that is a person's surname or first name. */
static gboolean
part_of_person (Resolver *r, const char *word, const char *name)
{
  char **x = words_in (r, name);
  char **w = words_in (r, word);
  guint n = g_strv_length (x), k = g_strv_length (w);
  if (n < 2 || k == 0)
    return FALSE;
  /* "Aquino" in "Ramon Aquino Jr"; "Aquino Jr" too */
  if (strcmp (x[n - 1], "jr") == 0 || strcmp (x[n - 1], "sr") == 0)
    k -= suffix_too (x[--n], w, k);
  /* A hyphenated surname is several words of the key: "Ofori-Atta" is
   * the end of "Ken Ofori-Atta", "Kassym-Jomart" the start of
   * "Jean-Marie Dupont". The part must leave a word over. */
  if (k >= n)
    return FALSE;
  gboolean tail = TRUE, head = TRUE;
  for (guint i = 0; i < k; i++)
    {
      tail &= strcmp (x[n - k + i], w[i]) == 0;
      head &= strcmp (x[i], w[i]) == 0;
    }
  /* "Mendes" in "Ana Paula Mendes da Costa": the word that begins a
   * compound surname with a particle. */
  for (guint i = 1; k == 1 && i + 2 < n && !tail && !head; i++)
    if (strcmp (x[i], w[0]) == 0 && listed ("surnameparticle", x[i + 1]))
      return TRUE;
  /* "Karim" in "Omar bin Karim Al Nasser" is his father */
  if (tail && n > k && (nkg_lexicon_word (r->lex, x[n - k - 1]) & NKG_W_PATRONYM))
    return FALSE;
  return tail || head;
}

static gboolean initials_match_form (const char *acronym, const char *name);

/* "MFA" for "Foreign Ministry": the form "Ministry of Foreign Affairs"
 * has those initials, so try the head-first order too. */
/* The name after a legal form that leads it (patterns.txt legallead: "PT
 * Perusahaan Listrik Negara" is "PLN"), or NULL. */
static const char *
after_legal_lead (const char *name)
{
  const char *space = strchr (name, ' ');
  if (!space || space == name || space - name > 8)
    return NULL;
  char lead[9];
  for (gsize i = 0; i < (gsize) (space - name); i++)
    lead[i] = g_ascii_tolower (name[i]);
  lead[space - name] = '\0';
  return listed ("legallead", lead) ? space + 1 : NULL;
}

static gboolean
initials_match (const char *acronym, const char *name)
{
  if (initials_match_form (acronym, name))
    return TRUE;
  const char *space = strrchr (name, ' ');
  if (!space)
    return FALSE;
  const char *after_lead = after_legal_lead (name);
  if (after_lead && initials_match_form (acronym, after_lead))
    return TRUE;
  g_autofree char *head_first = g_strdup_printf ("%s %.*s", space + 1, (int) (space - name), name);
  g_autofree char *with_affairs = g_strconcat (head_first, " Affairs", NULL);
  return initials_match_form (acronym, head_first) || initials_match_form (acronym, with_affairs);
}

/* The initials of a name's capitalised words, lower case. */
static char *
initials_of (const char *name)
{
  char buf[128];
  g_autofree char *heap = NULL;
  const char *k = nkg_text_key_buf (name, buf, sizeof buf, &heap);
  /* the first letters of the words between spaces and dashes, in place */
  char *ini = g_malloc (strlen (k) + 1), *o = ini;
  for (const char *p = k; *p; p++)
    if ((p == k || p[-1] == ' ' || p[-1] == '-') && g_ascii_isupper (*p))
      *o++ = g_ascii_tolower (*p);
  *o = '\0';
  return ini;
}

/* An acronym as initials_of spells initials: lower case, up to a dash
 * ("ADMM-Plus" → "admm"). */
static char *
acronym_initials (const char *acronym)
{
  char *acr = g_ascii_strdown (acronym, -1);
  char *dash = strchr (acr, '-');
  if (dash)
    *dash = '\0';
  return acr;
}

static gboolean
initials_match_form (const char *acronym, const char *name)
{
  g_autofree char *acr = acronym_initials (acronym);
  g_autofree char *ini = initials_of (name);
  return strlen (acr) >= 2 && strcmp (ini, acr) == 0;
}

/* The first cluster (by index) not of a person with a surface whose
 * initials are the acronym's, or -1. */
/* The initials index, built when first needed and kept up to date after. */
static GHashTable *
initials_index (Resolver *r)
{
  if (!r->by_initials_ready)
    {
      r->by_initials_ready = TRUE;
      for (guint i = 0; i < r->clusters->len; i++)
        {
          NkgCluster *c = g_ptr_array_index (r->clusters, i);
          for (guint s = 0; s < c->surfaces->len; s++)
            index_initials (r, i, g_ptr_array_index (c->surfaces, s));
        }
    }
  return r->by_initials;
}

static gint
cluster_by_initials (Resolver *r, const char *acronym)
{
  g_autofree char *acr = acronym_initials (acronym);
  if (strlen (acr) < 2)
    return -1;
  g_autoptr (NkgIntArray) cand = nkg_int_array_new ();
  candidates_add (r, initials_index (r), acr, cand);
  candidates_sort (cand);
  for (guint k = 0; k < cand->len; k++)
    {
      guint i = g_array_index (cand, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass == NKG_CLASS_PERSON)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        if (initials_match (acronym, g_ptr_array_index (c->surfaces, s)))
          return i;
    }
  return -1;
}

/* The first cluster (by index) of a compatible class with a surface of
 * the same name key, or -1. */
static gint
find_cluster (Resolver *r, NkgClass klass, const char *surface)
{
  const IdList *list = key_index_lookup (&r->by_key, key_of (r, surface));
  gint best = -1;
  for (guint k = 0; list && k < list->len; k++)
    {
      guint i = list->data[k];
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if ((best < 0 || (gint) i < best) && nkg_class_compatible (c->klass, klass))
        best = i;
    }
  return best;
}

static gboolean is_surname_of (Resolver *r, const char *part, const char *name);

static void
resolve_person (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  /* "Joko Widodo (Jokowi)": the name in brackets is its owner's */
  if (m->kind == NKG_MENTION_ACRONYM && m->alias_of >= 0)
    {
      gint owner = ((NkgMention *) g_ptr_array_index (r->mentions, m->alias_of))->cluster;
      if (owner >= 0 && ((NkgCluster *) g_ptr_array_index (r->clusters, owner))->klass == NKG_CLASS_PERSON)
        {
          attach (r, mi, owner);
          return;
        }
    }
  /* Every way two forms can name one person shares a word of the name,
   * so only clusters sharing one are compared; the latest first. */
  g_autoptr (NkgIntArray) cand = clusters_sharing_a_word (r, m->surface);
  for (guint k = cand->len; k-- > 0;)
    {
      guint i = g_array_index (cand, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != NKG_CLASS_PERSON)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        {
          const char *other = g_ptr_array_index (c->surfaces, s);
          /* "El Molla" for "Tarek El Molla", "Lacalle Pou" for "Luis
           * Lacalle Pou": a compound surname is the name's last words. */
          if (same_person (r, m->surface, other)
              || (!strchr (m->surface, ' ') && part_of_person (r, m->surface, other))
              || (!strchr (other, ' ') && part_of_person (r, other, m->surface))
              || is_surname_of (r, m->surface, other) || is_surname_of (r, other, m->surface))
            {
              attach (r, mi, i);
              return;
            }
        }
    }
  NkgCluster *c = new_cluster (r, NKG_CLASS_PERSON);
  c->named = TRUE;
  attach (r, mi, r->clusters->len - 1);
}

/* "the Unity Dam" after "the Great Zambezi Unity Dam",
 * "the Wildlife Service" after "the Kenya Wildlife Service": a name of two
 * words or more that ends a longer name of a body or a place named before
 * is that one, when only one such name exists. */
static gint
cluster_by_tail (Resolver *r, NkgClass klass, const char *form)
{
  if (!strchr (form, ' ')
      || (nkg_class_coarse (klass) != NKG_CLASS_ORG && klass != NKG_CLASS_PLACE && klass != NKG_CLASS_AGREEMENT
          && klass != NKG_CLASS_EVENT))
    return -1;
  g_autofree char *tail = g_strconcat (" ", form, NULL);
  g_autofree char *low_tail = nkg_text_lower (tail);
  g_autoptr (NkgIntArray) cand = clusters_sharing_a_word (r, form);
  gint found = -1;
  for (guint k = 0; k < cand->len; k++)
    {
      guint i = g_array_index (cand, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != klass || i == (guint) found)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        {
          g_autofree char *low = nkg_text_lower (g_ptr_array_index (c->surfaces, s));
          /* "the Ministry of X" is the parent of "the Department of Y of
           * the Ministry of X", not it */
          gsize ll = strlen (low), tl = strlen (low_tail);
          if (g_str_has_suffix (low, low_tail) && !(ll >= tl + 7 && strncmp (low + ll - tl - 7, " of the", 7) == 0))
            {
              if (found >= 0)
                return -1;
              found = (gint) i;
              break;
            }
        }
    }
  return found;
}

/* The one body cluster sharing a word with `form` that has a surface for
 * which hit (r, surface, data) holds; -1 when none or several. */
static gint
unique_org_cluster (Resolver *r, const char *form, gboolean (*hit) (Resolver *, const char *, gconstpointer),
                    gconstpointer data)
{
  g_autoptr (NkgIntArray) cand = clusters_sharing_a_word (r, form);
  gint found = -1;
  for (guint ck = 0; ck < cand->len; ck++)
    {
      guint i = g_array_index (cand, guint, ck);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (nkg_class_coarse (c->klass) != NKG_CLASS_ORG || i == (guint) found)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        if (hit (r, g_ptr_array_index (c->surfaces, s), data))
          {
            if (found >= 0)
              return -1;
            found = (gint) i;
            break;
          }
    }
  return found;
}

/* cluster_by_head's test: the key word `data` ends the surface or stands
 * before its first "of" or "for" ("Commission for Asia and the Pacific") */
static gboolean
head_of_name (Resolver *r, const char *surface, gconstpointer data)
{
  const char *k = data;
  char **w = words_in (r, surface);
  guint n = g_strv_length (w);
  if (n >= 2 && strcmp (w[n - 1], k) == 0)
    return TRUE;
  for (guint j = 1; j < n; j++)
    if (strcmp (w[j], "of") == 0 || strcmp (w[j], "for") == 0)
      return strcmp (w[j - 1], k) == 0;
  return FALSE;
}

/* "the Government", "the Ministry", "the Secretariat": a body's head word
 * alone, after "the", is the one body named before whose name ends in it
 * or has it before "of" or "for" ("Government of Fiji", "Ministry of
 * Foreign Affairs", "Commission for Asia"); -1 when none or several. */
static gint
cluster_by_head (Resolver *r, const NkgMention *m, const char *form)
{
  if (strchr (form, ' ') || nkg_class_coarse (m->klass) != NKG_CLASS_ORG || m->first == 0
      || strcmp (nkg_tok (r->seg, m->first - 1)->lower, "the") != 0
      || !(nkg_lexicon_tok_roles (r->lex, nkg_tok (r->seg, m->first)) & (NKG_W_GOVORG | NKG_W_ORG | NKG_W_BODYNOUN)))
    return -1;
  return unique_org_cluster (r, form, head_of_name, key_of (r, form));
}

/* The number of words of a company's name key `w` (n words) before its
 * legal forms (patterns.txt legalform): 2 for "sakura denki co ltd". */
static guint
legal_stem (char **w, guint n)
{
  guint stem = n;
  while (stem > 1 && listed ("legalform", w[stem - 1]))
    stem--;
  return stem;
}

/* Whether the key words fw (fn of them) are a short form of the company
 * name w (n words): the name without its legal forms ("merbau jaya" for
 * "merbau jaya berhad"), or, for one word that is no English word, the
 * first word of a name of two or more words before a legal form ("huaxin"
 * for "huaxin construction group co ltd"). */
static gboolean
company_short_form (char **fw, guint fn, char **w, guint n)
{
  guint stem = legal_stem (w, n);
  if (stem == n)
    return FALSE;
  if (fn == 1 && stem >= 2)
    return strcmp (fw[0], w[0]) == 0 && !nkg_wordnet_word_or_singular (fw[0]);
  gboolean hit = stem == fn;
  for (guint j = 0; hit && j < fn; j++)
    hit = strcmp (w[j], fw[j]) == 0;
  return hit;
}

/* "Merbau Jaya" after "Merbau Jaya Berhad", "Huaxin" after "Huaxin
 * Construction Group Co., Ltd.": a name that is a company_short_form of a
 * company named before is that company, when only one such company was
 * named; -1 else. */
/* cluster_by_legal_stem's test: `data` (the form's key words) is a
 * company_short_form of the surface */
static gboolean
short_form_of (Resolver *r, const char *surface, gconstpointer data)
{
  char **fw = (char **) data;
  char **w = words_in (r, surface);
  return company_short_form (fw, g_strv_length (fw), w, g_strv_length (w));
}

static gint
cluster_by_legal_stem (Resolver *r, const char *form)
{
  char **fw = words_in (r, form);
  if (!fw[0])
    return -1;
  return unique_org_cluster (r, form, short_form_of, fw);
}

/* "Merbau Jaya said" after "Merbau Jaya Berhad": a name without a title
 * that is, without its legal forms, a company's named before it is a
 * company too (cluster_by_legal_stem then finds which), not a person. */
static void
retype_legal_stems (Resolver *r)
{
  g_autoptr (GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < r->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (r->mentions, i);
      if (m->kind != NKG_MENTION_NAME || m->nested)
        continue;
      if (nkg_class_coarse (m->klass) == NKG_CLASS_ORG)
        {
          char **w = words_in (r, m->surface);
          guint n = g_strv_length (w), stem = legal_stem (w, n);
          if (stem < n)
            {
              GString *k = g_string_new (w[0]);
              for (guint j = 1; j < stem; j++)
                g_string_append_printf (k, " %s", w[j]);
              g_hash_table_insert (stems, g_string_free (k, FALSE), GINT_TO_POINTER (m->klass));
            }
        }
      else if (m->klass == NKG_CLASS_PERSON && !nkg_mention_n_titles (m) && g_hash_table_size (stems))
        {
          gpointer klass;
          if (g_hash_table_lookup_extended (stems, key_of (r, m->surface), NULL, &klass))
            m->klass = GPOINTER_TO_INT (klass);
        }
    }
}

/* "the Ministry of Earth Sciences" after "the Ministry of Earth Sciences of
 * India": a body's name of two words or more that is a body's named before
 * without its "of" and country is that body, when only one such body was
 * named; -1 else. */
/* cluster_by_country_suffix's test: the surface is `data` ("FORM of ")
 * and a country's name */
static gboolean
form_of_country (Resolver *r, const char *surface, gconstpointer data)
{
  const char *prefix = data;
  gsize pl = strlen (prefix);
  if (g_ascii_strncasecmp (surface, prefix, pl) != 0)
    return FALSE;
  const char *rest = surface + pl;
  if (g_str_has_prefix (rest, "the "))
    rest += 4;
  NkgPlace p;
  return nkg_lexicon_place (r->lex, rest, &p) && p.klass == NKG_CLASS_COUNTRY;
}

static gint
cluster_by_country_suffix (Resolver *r, const char *form)
{
  if (!strchr (form, ' '))
    return -1;
  g_autofree char *prefix = g_strconcat (form, " of ", NULL);
  return unique_org_cluster (r, form, form_of_country, prefix);
}

static gboolean tk_is (Resolver *r, guint i, const char *lower);

/* "the Department of Water Supply of the Ministry of Public Works": a
 * body named with its parent (the next mention, ending where it ends,
 * after "of the") is also named by its own part, when that has three
 * words or more ("Department of Water Supply"; not "Committee"). */
static void
add_child_form (Resolver *r, guint mi, guint ci)
{
  const NkgMention *m = g_ptr_array_index (r->mentions, mi);
  if (nkg_class_coarse (m->klass) != NKG_CLASS_ORG || mi + 1 >= r->mentions->len)
    return;
  const NkgMention *y = g_ptr_array_index (r->mentions, mi + 1);
  if (nkg_class_coarse (y->klass) != NKG_CLASS_ORG || y->last != m->last || y->first < m->first + 5
      || !tk_is (r, y->first - 1, "the") || !tk_is (r, y->first - 2, "of"))
    return;
  g_autofree char *own = nkg_segments_span (r->seg, m->first, y->first - 2);
  add_surface (r, ci, own, FALSE);
}

static void
resolve_named (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  const char *form = m->canonical ? m->canonical : m->surface;
  gint ci = find_cluster (r, m->klass, form);
  if (ci < 0 && m->canonical)
    ci = find_cluster (r, m->klass, m->surface);
  if (ci < 0 && m->kind == NKG_MENTION_ACRONYM)
    {
      if (m->alias_of >= 0)
        ci = ((NkgMention *) g_ptr_array_index (r->mentions, m->alias_of))->cluster;
      if (ci < 0)
        ci = cluster_by_initials (r, m->surface);
    }
  if (ci < 0 && m->kind == NKG_MENTION_NAME && !m->canonical)
    ci = cluster_by_tail (r, m->klass, form);
  if (ci < 0 && m->kind == NKG_MENTION_NAME && !m->canonical)
    ci = cluster_by_head (r, m, form);
  if (ci < 0 && m->kind == NKG_MENTION_NAME && !m->canonical && nkg_class_coarse (m->klass) == NKG_CLASS_ORG)
    ci = cluster_by_legal_stem (r, form);
  if (ci < 0 && m->kind == NKG_MENTION_NAME && !m->canonical && nkg_class_coarse (m->klass) == NKG_CLASS_ORG)
    ci = cluster_by_country_suffix (r, form);
  if (ci < 0)
    {
      NkgCluster *c = new_cluster (r, m->klass);
      c->name = g_strdup (form);
      c->named = TRUE;
      ci = r->clusters->len - 1;
    }
  else
    {
      /* An acronym adopts its owner's class ("(ADMM-Plus)" after an event). */
      NkgCluster *c = g_ptr_array_index (r->clusters, ci);
      m->klass = c->klass;
    }
  attach (r, mi, ci);
  if (m->canonical && strcmp (m->canonical, m->surface) != 0)
    add_surface (r, ci, m->canonical, TRUE);
  add_child_form (r, mi, ci);
}

/* The kinds of agreement coref tells apart, in the order of their bits
 * (kind_bit); the head words of each are the pattern table's list "kind"
 * and its name, the plural forms among them its list "kindplural". */
static const char *const kind_families[] = { "agreement", "mou", "letter", "communique", "protocol",
                                             "charter", "declaration", "program" };
#define KIND_PLURAL 0x100u

/* head word → 1 + its family's index, with KIND_PLURAL for a plural; and
 * by a word's first byte, bit n (63: 63 or more) when some head word of n
 * bytes starts with it: most words of a name are no head and are passed
 * over without hashing */
typedef struct {
  GHashTable *heads;
  guint64 shape[256];
} KindHeads;

static guint64
kind_shape_bit (const char *w)
{
  return G_GUINT64_CONSTANT (1) << MIN (strlen (w), 63);
}

static gpointer
load_kind_heads (gpointer data)
{
  (void) data;
  (void) nkg_patterns (NULL);
  KindHeads *k = g_new0 (KindHeads, 1);
  GHashTable *heads = k->heads = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *plural = nkg_patterns_list ("kindplural");
  for (guint f = 0; f < G_N_ELEMENTS (kind_families); f++)
    {
      g_autofree char *name = g_strconcat ("kind", kind_families[f], NULL);
      GHashTable *set = nkg_patterns_list (name);
      if (!set)
        continue;
      GHashTableIter it;
      gpointer w;
      g_hash_table_iter_init (&it, set);
      /* the lists live as long as the program: borrow their words */
      while (g_hash_table_iter_next (&it, &w, NULL))
        if (!g_hash_table_contains (heads, w))
          {
            g_hash_table_insert (heads, w,
                                 GUINT_TO_POINTER ((f + 1) | (plural && g_hash_table_contains (plural, w) ? KIND_PLURAL : 0)));
            k->shape[*(const guchar *) w] |= kind_shape_bit (w);
          }
    }
  return k;
}

/* The kind of agreement a surface names, by its first head word, folded
 * to a family (framework, pact, deal and accord are all "agreement"),
 * and whether it is plural ("two agreements"). */
static const char *
agreement_kind (Resolver *r, const char *surface, gboolean *plural)
{
  static GOnce once = G_ONCE_INIT;
  const KindHeads *k = g_once (&once, load_kind_heads, NULL);
  char **w = words_in (r, surface);
  *plural = FALSE;
  for (guint i = 0; w[i]; i++)
    {
      if (!(k->shape[(guchar) w[i][0]] & kind_shape_bit (w[i])))
        continue;
      guint v = GPOINTER_TO_UINT (g_hash_table_lookup (k->heads, w[i]));
      if (v)
        {
          *plural = (v & KIND_PLURAL) != 0;
          return kind_families[(v & ~KIND_PLURAL) - 1];
        }
    }
  return "";
}

/* The head word agreement_kind finds in a surface ("pact" of "the trade
 * pact"), or NULL; borrowed from the document's word cache. */
static const char *
agreement_head (Resolver *r, const char *surface)
{
  static GOnce once = G_ONCE_INIT;
  const KindHeads *k = g_once (&once, load_kind_heads, NULL);
  char **w = words_in (r, surface);
  for (guint i = 0; w[i]; i++)
    if ((k->shape[(guchar) w[i][0]] & kind_shape_bit (w[i])) && g_hash_table_lookup (k->heads, w[i]))
      return w[i];
  return NULL;
}

/* Whether a mention of cluster ci has the head word `head`. */
static gboolean
cluster_has_head (Resolver *r, guint ci, const char *head)
{
  const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  for (guint i = 0; i < c->mentions->len; i++)
    {
      const char *h = agreement_head (r, ((NkgMention *) g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i)))->surface);
      if (h && strcmp (h, head) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A bit for each (family, number) of agreement_kind, so that a cluster's
 * kinds are known without reading all its surfaces again. */
static guint
kind_bit (const char *kind, gboolean plural)
{
  for (guint f = 0; f < G_N_ELEMENTS (kind_families); f++)
    if (strcmp (kind, kind_families[f]) == 0)
      return 1u << (2 * f + (plural ? 1 : 0));
  return 0;
}

static gboolean
cluster_kind_compatible (Resolver *r, guint ci, const char *kind, gboolean plural)
{
  return (g_array_index (r->kinds, guint, ci) & kind_bit (kind, plural)) != 0;
}

/* Whether an indefinite singular description ("a memorandum on a
 * critical minerals supply chain") speaks of one of a counted batch that
 * cluster ci is ("17 memorandums on critical minerals …", all its
 * mentions plural so far), not of the batch. */
static gboolean
number_clash (Resolver *r, guint ci, const NkgMention *m, const char *kind, gboolean plural)
{
  if (!*kind || plural || m->definite)
    return FALSE;
  guint bits = g_array_index (r->kinds, guint, ci);
  if ((bits & 0x55555555u) || !(bits & 0xAAAAAAAAu))
    return FALSE;
  const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  for (guint i = 0; i < c->mentions->len; i++)
    {
      const NkgMention *o = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i));
      if (o->kind == NKG_MENTION_DESCRIPTION && (nkg_tok (r->seg, o->first)->flags & NKG_TOK_NUM))
        return TRUE;
    }
  return FALSE;
}

/* The agreement the article is about so far: the most mentioned (kept up
 * to date by attach; `handle` marks agreements that set themselves apart,
 * see resolve_agreement). */
static gint
salient_agreement (Resolver *r)
{
  return r->salient;
}

/* A name whose capitalised words are all places, remits or head words
 * ("U.S.-India Defense Framework", "Defence pact") describes more than it
 * names. */
static gboolean
is_descriptive_name (Resolver *r, const NkgMention *m)
{
  const NkgSegments *seg = r->seg;
  for (guint i = m->first; i < m->last; i++)
    {
      const NkgToken *t = nkg_tok (seg, i);
      if (!(t->flags & NKG_TOK_WORD) || !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
        continue;
      guint roles = nkg_lexicon_tok_roles (r->lex, t);
      if (roles & (NKG_W_PORTFOLIO | NKG_W_TITLEMOD | NKG_W_AGREEMENT))
        continue;
      if (nkg_lexicon_place (r->lex, t->text, NULL) || nkg_lexicon_demonym (r->lex, t->text))
        continue;
      return FALSE;
    }
  return TRUE;
}

static gboolean
cluster_has_proper_name (Resolver *r, guint ci)
{
  return g_array_index (r->proper, gboolean, ci);
}

/* Words of an agreement's name that say what it is about: not its head
 * ("agreement", "pact", "memorandum of understanding"), articles or
 * connectors. */
static gboolean
content_word (const char *w)
{
  /* the list found once, not by its name per word (the lists are read
   * once and never change) */
  static GHashTable *noncontent;
  static gsize found;
  if (g_once_init_enter (&found))
    {
      (void) nkg_patterns (NULL);
      noncontent = nkg_patterns_list ("agreementnoncontent");
      g_once_init_leave (&found, 1);
    }
  return w[0] && w[1] && w[2] && !g_ascii_isdigit (w[0]) && !(noncontent && g_hash_table_contains (noncontent, w));
}

/* The agreement cluster whose names share `need` or more content words
 * with `surface` ("pact on military logistics support", "memorandum of
 * understanding on mutual logistics support"), or -1 when none or more
 * than one does. */
static gint
agreement_by_content (Resolver *r, const char *surface, guint need)
{
  char **w = words_in (r, surface);
  gint found = -1;
  /* Only clusters that share a content word can share `need` of them. */
  g_autoptr (NkgIntArray) cand = nkg_int_array_new ();
  for (guint a = 0; w[a]; a++)
    if (content_word (w[a]))
      key_candidates_add (r, &r->by_word, w[a], cand);
  candidates_sort (cand);
  for (guint k = 0; k < cand->len; k++)
    {
      guint i = g_array_index (cand, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != NKG_CLASS_AGREEMENT)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        {
          char **o = words_in (r, g_ptr_array_index (c->surfaces, s));
          guint shared = 0;
          for (guint a = 0; w[a]; a++)
            if (content_word (w[a]) && g_strv_contains ((const char *const *) o, w[a]))
              shared++;
          if (shared >= need)
            {
              if (found >= 0 && found != (gint) i)
                return -1;
              found = i;
            }
        }
    }
  return found;
}

/* The other word order of an agreement's name: "Friendship Treaty" for
 * "Treaty of Friendship" and back; NULL when the name has neither form. */
static char *
agreement_word_order (Resolver *r, const char *surface)
{
  g_auto (GStrv) w = g_strsplit (surface, " ", -1);
  guint n = g_strv_length (w);
  if (n < 2)
    return NULL;
  g_autofree char *first = g_utf8_strdown (w[0], -1);
  g_autofree char *last = g_utf8_strdown (w[n - 1], -1);
  if (n >= 3 && strcmp (w[1], "of") == 0 && (nkg_lexicon_word (r->lex, first) & NKG_W_AGREEMENT))
    {
      /* "Treaty of Peace and Friendship" → "Peace and Friendship Treaty" */
      for (guint k = 2; k < n; k++)
        if (strcmp (w[k], "of") == 0 || !*w[k])
          return NULL;
      g_autofree char *rest = g_strjoinv (" ", w + 2);
      return g_strconcat (rest, " ", w[0], NULL);
    }
  if (nkg_lexicon_word (r->lex, last) & NKG_W_AGREEMENT)
    {
      for (guint k = 0; k + 1 < n; k++)
        {
          /* capitalised words, or "and" between them */
          gboolean cap = *w[k] && g_unichar_isupper (g_utf8_get_char (w[k]));
          if (!cap && strcmp (w[k], "and") != 0)
            return NULL;
        }
      char *head = w[n - 1];
      w[n - 1] = NULL;
      g_autofree char *rest = g_strjoinv (" ", w);
      w[n - 1] = head;
      return g_strconcat (head, " of ", rest, NULL);
    }
  return NULL;
}

/* ---- The article's agreement register ----
 *
 * Each agreement of the article (a cluster) with what its mentions say it
 * is about and whom it is between. Two mentions are two agreements when
 * what they say cannot be one agreement:
 * - their complements share no word: "the Treaty of Trade" is not "the
 *   Treaty of Friendship", "an agreement on fisheries" not "the accord on
 *   energy";
 * - the complement of one shares no word with the words before the head of
 *   the other, a description: "the Treaty of Trade" is not "a fisheries
 *   accord";
 * - they name different parties ("between Chad and Niger", "between
 *   Niger and Mali");
 * - two descriptions side by side in one sentence with different words
 *   before their heads: "an energy pact and a water-sharing agreement";
 * - two capitalised names with no word before their heads in common ("the
 *   Suva Fisheries Accord", "the Bougainville Peace Agreement");
 * - an indefinite description signed by other sides, or said to be
 *   another signing ("Japan also signed a …"): see "Whom an agreement is
 *   between" below.
 * Words before the head of two descriptions in different sentences never
 * set them apart: reports sum up one agreement in many ways ("a regional
 * water treaty", "the three-nation river agreement"); nor do the words
 * of a proper name before its head ("the Blue Corridor deal"): they name
 * it, they do not say what it is about. Words that count leave out heads
 * ("accord", "memorandum of understanding"), function words, numbers,
 * places and nationalities, participles ("US-brokered") and words that say
 * how an agreement is (words.tsv role agreementmod: "landmark",
 * "bilateral"); a purpose ("an accord to end the war") is left out. */

typedef struct {
  GHashTable *named;     /* words of a proper name before its head: "trade" of
                          * "Accra Trade Accord" */
  GHashTable *about;     /* complement words: "trade" of "Treaty of Trade" */
  GHashTable *described; /* words before a description's head: "fisheries" */
  GHashTable *parties;   /* words after "between": "chad", "niger" */
} AgreementWords;

/* The sets are made when their first word comes: most mentions of an
 * agreement give some of them none ("the accord"), and four tables made
 * and freed per mention were 1% of a build. NULL is the empty set. */
static void
agreement_words_init (AgreementWords *w)
{
  *w = (AgreementWords) { NULL, NULL, NULL, NULL };
}

/* `key` is a name key of the Resolver's memo (key_of), which outlives
 * every set: the set borrows it (a copy each was 17,000 a corpus). */
static void
set_add (GHashTable **set, const char *key)
{
  if (!*set)
    *set = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (*set, (gpointer) key);
}

static guint
set_size (GHashTable *set)
{
  return set ? g_hash_table_size (set) : 0;
}

static gboolean
set_has (GHashTable *set, gconstpointer w)
{
  return set && g_hash_table_contains (set, w);
}

static void
agreement_words_clear (AgreementWords *w)
{
  g_clear_pointer (&w->named, g_hash_table_unref);
  g_clear_pointer (&w->about, g_hash_table_unref);
  g_clear_pointer (&w->described, g_hash_table_unref);
  g_clear_pointer (&w->parties, g_hash_table_unref);
}

static void
actors_clear (Actors *a)
{
  g_clear_pointer (&a->ids, g_hash_table_unref);
  g_clear_pointer (&a->names, g_hash_table_unref);
  g_clear_pointer (&a->countries, g_hash_table_unref);
  a->kinds = 0;
}

typedef struct {
  AgreementWords words; /* of all its mentions */
  gint last;            /* its latest mention */
  Actors actors;        /* of the sentences of its first actors_mentions
                         * mentions (made when asked: entry_actors) */
  guint actors_mentions;
  gint actors_sentence; /* the latest sentence added to actors */
} AgreementEntry;

static void
agreement_entry_free (gpointer p)
{
  AgreementEntry *e = p;
  agreement_words_clear (&e->words);
  actors_clear (&e->actors);
  g_free (e);
}

enum { PART_BEFORE, PART_COMPLEMENT, PART_PARTIES, PART_OTHER };

/* Adds word `lower` (as written: `text`) of part `part` of a mention. */
static void
register_word (Resolver *r, AgreementWords *w, guint part, gboolean description, const char *text,
               const char *lower)
{
  if (!*lower || !g_ascii_isalpha (lower[0]) || !content_word (lower))
    return;
  gboolean place = nkg_lexicon_place (r->lex, text, NULL) || nkg_lexicon_demonym (r->lex, text);
  const char *key = key_of (r, lower);
  if (part == PART_PARTIES)
    {
      /* "between the European Union and Chile": places and names */
      if (place || g_unichar_isupper (g_utf8_get_char (text)))
        set_add (&w->parties, key);
      return;
    }
  guint roles = nkg_lexicon_word (r->lex, lower);
  /* "the Treaty of Rome": the place it is named after tells it apart */
  if (place && part == PART_COMPLEMENT && !description)
    {
      set_add (&w->about, key);
      return;
    }
  if (place || (roles & (NKG_W_AGREEMENT | NKG_W_AGREEMENTMOD | NKG_W_NAMEHEAD | NKG_W_QUANTITY)))
    return;
  if (part == PART_COMPLEMENT)
    set_add (&w->about, key);
  else if (!description)
    set_add (&w->named, key);
  else if (!g_str_has_suffix (lower, "ed"))
    set_add (&w->described, key);
}

static gboolean lower_case_name (Resolver *r, const NkgMention *m);

/* Whether tokens i, i + 1 and i + 2 of mention m are an agreement kind
 * of three words joined by "of" (words.tsv role agreement: "record of
 * discussions", "exchange of notes", "code of conduct"). */
static gboolean
kind_phrase_at (Resolver *r, const NkgMention *m, guint i)
{
  if (i + 2 >= m->last || strcmp (nkg_tok (r->seg, i + 1)->lower, "of") != 0)
    return FALSE;
  char buf[96];
  const char *a = nkg_tok (r->seg, i)->lower, *b = nkg_tok (r->seg, i + 2)->lower;
  if (strlen (a) + strlen (b) + 5 > sizeof buf)
    return FALSE;
  g_snprintf (buf, sizeof buf, "%s of %s", a, b);
  return (nkg_lexicon_word (r->lex, buf) & NKG_W_AGREEMENT) != 0;
}

static gboolean indefinite_at (Resolver *r, const NkgMention *m);

/* Whether mention o is a headline's bare description: "KOICA signs $8.5
 * million grant deal with Laos", the article's first sentence, a
 * paragraph by itself, no determiner. */
static gboolean
headline_description (Resolver *r, const NkgMention *o)
{
  if (o->kind != NKG_MENTION_DESCRIPTION || o->definite || o->sentence != 0 || indefinite_at (r, o)
      || r->seg->sentences->len < 2)
    return FALSE;
  const NkgSentence *s0 = &g_array_index (r->seg->sentences, NkgSentence, 0);
  const NkgSentence *s1 = &g_array_index (r->seg->sentences, NkgSentence, 1);
  return s0->line != s1->line;
}

/* "$8.5 million grant deal" (headline) … "signed a Record of Discussions
 * (R/D) with …": a name that is only a kind of three words, whose last
 * word says what the agreement is, not what it is about, may be what
 * entry ci's headline description summed up, when that is all ci has. */
static gboolean
kind_named_headline (Resolver *r, const NkgMention *m, guint ci)
{
  if (m->kind != NKG_MENTION_NAME || m->last != m->first + 3 || !kind_phrase_at (r, m, m->first))
    return FALSE;
  const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  for (guint i = 0; i < c->mentions->len; i++)
    if (!headline_description (r, g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i))))
      return FALSE;
  return c->mentions->len > 0;
}

/* The words of mention m, added to w. */
static void
register_words_of (Resolver *r, const NkgMention *m, AgreementWords *w)
{
  guint part = PART_BEFORE;
  /* "the Pacific trade deal": a name only by its place, its other words
   * in lower case, describes ("the Suva Fisheries Accord" names) */
  gboolean description = m->kind == NKG_MENTION_DESCRIPTION || lower_case_name (r, m);
  for (guint i = m->first; i < m->last; i++)
    {
      const NkgToken *t = nkg_tok (r->seg, i);
      if (!(t->flags & NKG_TOK_WORD))
        continue;
      if (strcmp (t->lower, "to") == 0)
        break; /* a purpose: "an accord to end the war" */
      if (strcmp (t->lower, "between") == 0 || strcmp (t->lower, "among") == 0)
        {
          part = PART_PARTIES;
          continue;
        }
      /* What it is about follows "on" ("an agreement on fisheries"), and
       * in a name also "of" ("the Treaty of Trade"); a description's "of"
       * seldom says it ("the deal of the century"), nor does "for" ("the
       * Framework for the Major Defence Partnership": what it serves). */
      if (part == PART_BEFORE && i > m->first
          && (strcmp (t->lower, "on") == 0 || (strcmp (t->lower, "of") == 0 && !description)))
        {
          part = PART_COMPLEMENT;
          continue;
        }
      if (part == PART_BEFORE && i > m->first && (strcmp (t->lower, "of") == 0 || strcmp (t->lower, "for") == 0))
        {
          part = PART_OTHER;
          continue;
        }
      if (part == PART_OTHER)
        continue;
      /* "far-reaching", written as three tokens: a word of how as a whole */
      if (i + 2 < m->last)
        {
          const NkgToken *dash = nkg_tok (r->seg, i + 1), *next = nkg_tok (r->seg, i + 2);
          if (strcmp (dash->text, "-") == 0 && dash->start == t->end && next->start == dash->end)
            {
              g_autofree char *whole = g_strconcat (t->lower, "-", next->lower, NULL);
              /* … and "five-year", "10-year": its term, not what it is
               * about (patterns.txt termunit) */
              if ((nkg_lexicon_word (r->lex, whole) & NKG_W_AGREEMENTMOD) || NKG_TOK_IN_LIST ("termunit", next))
                {
                  i += 2;
                  continue;
                }
            }
        }
      if (!strchr (t->lower, '-') || (nkg_lexicon_tok_roles (r->lex, t) & NKG_W_AGREEMENTMOD))
        {
          register_word (r, w, part, description, t->text, t->lower);
          continue;
        }
      /* "water-sharing", "Chad-Niger": each part by itself */
      g_auto (GStrv) text = g_strsplit (t->text, "-", -1);
      g_auto (GStrv) lower = g_strsplit (t->lower, "-", -1);
      for (guint k = 0; text[k] && lower[k]; k++)
        register_word (r, w, part, description, text[k], lower[k]);
    }
}

/* Whether a name's words after its first capitalised ones are in lower
 * case ("Pacific trade deal"), connectors aside. */
static gboolean
lower_case_name (Resolver *r, const NkgMention *m)
{
  if (m->kind != NKG_MENTION_NAME || !is_descriptive_name (r, m))
    return FALSE;
  for (guint i = m->first; i < m->last; i++)
    {
      const NkgToken *t = nkg_tok (r->seg, i);
      if ((t->flags & NKG_TOK_WORD) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && content_word (t->lower))
        return TRUE;
    }
  return FALSE;
}

/* Records what mention mi says about agreement ci. */
static void
register_note (Resolver *r, const NkgMention *m, guint ci)
{
  AgreementEntry *e = g_hash_table_lookup (r->entries, GUINT_TO_POINTER (ci));
  if (!e)
    {
      e = g_new0 (AgreementEntry, 1);
      agreement_words_init (&e->words);
      e->actors_sentence = -1;
      g_hash_table_insert (r->entries, GUINT_TO_POINTER (ci), e);
      g_array_append_val (r->agreements, ci);
    }
  register_words_of (r, m, &e->words);
  NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  e->last = g_array_index (c->mentions, guint, c->mentions->len - 1);
}

/* Whether two sets are both non-empty and share no word. */
static gboolean
sets_disjoint (GHashTable *a, GHashTable *b)
{
  if (!a || !b || !g_hash_table_size (a) || !g_hash_table_size (b))
    return FALSE;
  GHashTableIter it;
  gpointer w;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &w, NULL))
    if (g_hash_table_contains (b, w))
      return FALSE;
  return TRUE;
}

/* Whether two sets share a word. */
static gboolean
sets_meet (GHashTable *a, GHashTable *b)
{
  if (!a || !b)
    return FALSE;
  GHashTableIter it;
  gpointer w;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &w, NULL))
    if (g_hash_table_contains (b, w))
      return TRUE;
  return FALSE;
}

/* Whether every word of a is in b. */
static gboolean
set_within (GHashTable *a, GHashTable *b)
{
  if (!a)
    return TRUE;
  GHashTableIter it;
  gpointer w;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &w, NULL))
    if (!set_has (b, w))
      return FALSE;
  return TRUE;
}

/* Whether two sets are both non-empty and differ. */
static gboolean
sets_differ (GHashTable *a, GHashTable *b)
{
  if (!a || !b || !g_hash_table_size (a) || !g_hash_table_size (b))
    return FALSE;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return TRUE;
  GHashTableIter it;
  gpointer w;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &w, NULL))
    if (!g_hash_table_contains (b, w))
      return TRUE;
  return FALSE;
}

/* The token before description m, past an amount it opens with ("a
 * $50 million loan agreement", "a US$20 million grant": "a"), or NULL. */
static const NkgToken *
determiner_before (Resolver *r, const NkgMention *m)
{
  guint i = m->first;
  if (i >= 2 && (nkg_tok (r->seg, i)->flags & NKG_TOK_NUM) && NKG_TOK_IN_LIST ("currencysign", nkg_tok (r->seg, i - 1)))
    {
      i--;
      const NkgToken *sign = nkg_tok (r->seg, i), *prefix = nkg_tok (r->seg, i - 1);
      if (i >= 2 && prefix->end == sign->start && NKG_TOK_IN_LIST ("currencyprefix", prefix))
        i--;
    }
  return i > 0 ? nkg_tok (r->seg, i - 1) : NULL;
}

/* Whether mention m opens with "a" or "an" ("a trade pact"). */
static gboolean
indefinite_at (Resolver *r, const NkgMention *m)
{
  if (m->kind != NKG_MENTION_DESCRIPTION || m->first == 0)
    return FALSE;
  const NkgToken *before = determiner_before (r, m);
  return before && (strcmp (before->lower, "a") == 0 || strcmp (before->lower, "an") == 0);
}

/* Whether more of a name's words are missing from what entry e is called,
 * described as and about than are found there, and at least two ("the
 * Coral Line deal" after "an agreement on laying cable" may still be it). */
static gboolean
name_strays (GHashTable *named, const AgreementWords *e)
{
  guint shared = 0, missing = 0;
  if (!named)
    return FALSE;
  GHashTableIter it;
  gpointer w;
  g_hash_table_iter_init (&it, named);
  while (g_hash_table_iter_next (&it, &w, NULL))
    if (set_has (e->about, w) || set_has (e->described, w) || set_has (e->named, w))
      shared++;
    else
      missing++;
  return missing > shared && missing >= 2;
}

/* Whether mention m, whose words are w, says it is another agreement than
 * register entry ci (see above). */
/* The capitalised words of name mention m that say which agreement it
 * is, lower case: not its heads or places, but words of how it is
 * ("Comprehensive", "Interim"), which set two names apart. */
static GPtrArray *
name_words (Resolver *r, const NkgMention *m)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = m->first; i < m->last; i++)
    {
      const NkgToken *t = nkg_tok (r->seg, i);
      if ((t->flags & NKG_TOK_WORD) && (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && content_word (t->lower)
          && !(nkg_lexicon_tok_roles (r->lex, t) & NKG_W_AGREEMENT) && !nkg_lexicon_place (r->lex, t->text, NULL)
          && !nkg_lexicon_demonym (r->lex, t->text))
        g_ptr_array_add (out, (gpointer) key_of (r, t->lower)); /* "Defense" is "Defence" */
    }
  return out;
}

static gboolean
words_within (GPtrArray *a, GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < b->len && !found; k++)
        found = strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, k)) == 0;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* "a Comprehensive Economic Cooperation Agreement" after "the Economic
 * Cooperation and Trade Agreement": a name whose words are not all in a
 * name of the entry, nor the other way round, is another agreement ("the
 * Economic Partnership Agreement" may still be the "Comprehensive
 * Economic Partnership Agreement", "the Friendship Treaty" the "Treaty of
 * Friendship"). */
static gboolean
names_apart (Resolver *r, const NkgMention *m, guint ci)
{
  if (m->kind != NKG_MENTION_NAME)
    return FALSE;
  const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  g_autoptr (GPtrArray) mine = name_words (r, m);
  gboolean named = FALSE;
  for (guint i = 0; mine->len && i < c->mentions->len; i++)
    {
      const NkgMention *o = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i));
      if (o->kind != NKG_MENTION_NAME)
        continue;
      g_autoptr (GPtrArray) theirs = name_words (r, o);
      if (!theirs->len)
        continue;
      if (words_within (mine, theirs) || words_within (theirs, mine))
        return FALSE;
      named = TRUE;
    }
  return named;
}

/* ---- Whom an agreement is between ----
 *
 * A new signing brings in a new agreement when its sides are others:
 * "Australia and Fiji signed the Vuvale Union treaty … The World Bank
 * signed a financing agreement with Laos" are two. Each register entry
 * keeps the actors of the sentences its mentions are in (people, bodies,
 * countries: Actors). An indefinite description in a sentence with a
 * signing verb that does not speak of the entry, and names none of the
 * people and bodies its sentences named, is another agreement
 * - when the two name countries and neither's are all among the other's:
 *   "Japan and Cambodia signed the Mekong Bridges Grant Agreement … Japan
 *   signed a grant agreement with Nepal";
 * - when they share no actor at all and name actors of a kind that tells
 *   sides apart (countries, bodies). People alone never do: "Australia
 *   and Fiji signed the treaty … Albanese and Rabuka signed a treaty" is
 *   one told twice, leaders for their countries.
 * A sentence that names a person or body the entry's sentences named
 * keeps it, and so does one whose countries are all among the entry's,
 * or the entry's all among its ("Fiji's parliament must ratify a treaty
 * signed …" after Australia and Fiji's).
 * Two descriptions of one name ("a grant agreement" twice) stay one
 * entity of the article whatever coref says (nkg_doc_facts_add_entity
 * joins equal names): only differently named agreements are kept apart. */

static void
set_add_id (GHashTable **set, guint id)
{
  if (!*set)
    *set = g_hash_table_new (NULL, NULL);
  g_hash_table_add (*set, GUINT_TO_POINTER (id + 1));
}

/* Adds the actors sentence s names to a. Agreements come after people
 * and bodies (nkg_coref_resolve), whose clusters are known. */
static void
actors_add_sentence (Resolver *r, guint s, Actors *a)
{
  guint from = g_array_index (r->sent_first, guint, s), to = g_array_index (r->sent_first, guint, s + 1);
  for (guint i = from; i < to; i++)
    {
      const NkgMention *o = g_ptr_array_index (r->mentions, i);
      if (o->dateline || o->in_quote || o->klass == NKG_CLASS_NONE)
        continue;
      const char *country = NULL;
      if (o->klass == NKG_CLASS_COUNTRY)
        country = o->canonical ? o->canonical : o->surface;
      else if (o->klass == NKG_CLASS_PERSON || nkg_class_coarse (o->klass) == NKG_CLASS_ORG)
        {
          gboolean person = o->klass == NKG_CLASS_PERSON;
          if (o->cluster >= 0)
            set_add_id (&a->ids, (guint) o->cluster);
          else if (!person)
            set_add (&a->names, key_of (r, o->surface)); /* an acronym by itself: "ADB" */
          else
            continue;
          a->kinds |= person ? ACTOR_PERSON : ACTOR_BODY;
          country = o->title_country; /* "Fijian Prime Minister X" */
        }
      if (country)
        {
          set_add (&a->countries, key_of (r, country));
          a->kinds |= ACTOR_COUNTRY;
        }
    }
}

/* Whether sentence s has a signing verb (words.tsv role sign). */
static gboolean
sentence_signs (Resolver *r, guint s)
{
  const NkgSentence *st = &g_array_index (r->seg->sentences, NkgSentence, s);
  for (guint i = st->first; i < st->last; i++)
    if (nkg_lexicon_tok_roles (r->lex, nkg_tok (r->seg, i)) & NKG_W_SIGN)
      return TRUE;
  return FALSE;
}

/* The actors of the sentences of register entry e (cluster ci)'s
 * mentions, brought up to date. */
static const Actors *
entry_actors (Resolver *r, guint ci, AgreementEntry *e)
{
  const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  for (; e->actors_mentions < c->mentions->len; e->actors_mentions++)
    {
      const NkgMention *o = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, e->actors_mentions));
      if (e->actors_sentence != (gint) o->sentence)
        actors_add_sentence (r, o->sentence, &e->actors);
      e->actors_sentence = (gint) o->sentence;
    }
  return &e->actors;
}

/* Whether indefinite description m, signed with other sides than register
 * entry e's (cluster ci), is another agreement (see above). */
static gboolean
actors_apart (Resolver *r, const NkgMention *m, guint ci, AgreementEntry *e)
{
  if (!indefinite_at (r, m))
    return FALSE;
  if (((const NkgMention *) g_ptr_array_index (r->mentions, e->last))->sentence == m->sentence)
    return FALSE;
  if (r->actors_sentence != (gint) m->sentence)
    {
      actors_clear (&r->actors);
      r->actors_sentence = (gint) m->sentence;
      r->actors_sign = sentence_signs (r, m->sentence);
      if (r->actors_sign)
        actors_add_sentence (r, m->sentence, &r->actors);
    }
  if (!r->actors_sign)
    return FALSE;
  const Actors *a = &r->actors, *b = entry_actors (r, ci, e);
  if (!(b->kinds & (ACTOR_COUNTRY | ACTOR_BODY)) || sets_meet (a->ids, b->ids) || sets_meet (a->names, b->names))
    return FALSE;
  if (set_size (a->countries) && set_size (b->countries) && !set_within (a->countries, b->countries)
      && !set_within (b->countries, a->countries))
    return TRUE;
  return (a->kinds & b->kinds & (ACTOR_COUNTRY | ACTOR_BODY)) && !sets_meet (a->countries, b->countries);
}

/* Whether a person, body or country named in sentence s ends just before
 * token t: the subject of a verb there. */
static gboolean
named_before (Resolver *r, guint s, guint t)
{
  guint from = g_array_index (r->sent_first, guint, s), to = g_array_index (r->sent_first, guint, s + 1);
  for (guint i = from; i < to; i++)
    {
      const NkgMention *o = g_ptr_array_index (r->mentions, i);
      if (o->last == t && !o->nested
          && (o->klass == NKG_CLASS_PERSON || o->klass == NKG_CLASS_COUNTRY || nkg_class_coarse (o->klass) == NKG_CLASS_ORG))
        return TRUE;
    }
  return FALSE;
}

/* Whether indefinite description m is what a sentence that says it is
 * another signing signed (patterns.txt anothersigning), its signer named
 * just before: "Japan also signed a grant agreement …", "Separately, the
 * bank signed a loan agreement …" — the sign verb at most three words
 * before its article, the word just before the verb (after its subject)
 * or opening the sentence. "The two sides also signed an MoU" names no
 * signer of its own: whom it binds is the earlier agreement's sides,
 * which that agreement keeps. */
static gboolean
another_signing (Resolver *r, const NkgMention *m)
{
  if (!indefinite_at (r, m))
    return FALSE;
  const NkgSentence *st = &g_array_index (r->seg->sentences, NkgSentence, m->sentence);
  const NkgToken *det = determiner_before (r, m);
  guint d = (guint) (det - nkg_tok (r->seg, 0)), v = d;
  while (v > st->first && d - v < 3 && !(nkg_lexicon_tok_roles (r->lex, nkg_tok (r->seg, v - 1)) & NKG_W_SIGN))
    v--;
  if (v == st->first || !(nkg_lexicon_tok_roles (r->lex, nkg_tok (r->seg, v - 1)) & NKG_W_SIGN))
    return FALSE;
  v--; /* the verb */
  if (v > st->first && NKG_TOK_IN_LIST ("anothersigning", nkg_tok (r->seg, v - 1)))
    return named_before (r, m->sentence, v - 1);
  return st->first + 1 < v && NKG_TOK_IN_LIST ("anothersigning", nkg_tok (r->seg, st->first))
         && strcmp (nkg_tok (r->seg, st->first + 1)->text, ",") == 0 && named_before (r, m->sentence, v);
}

/* Whether indefinite description m stands in a sentence that opens on a
 * year ("In 2024, the two governments signed a framework arrangement")
 * no sentence that names register entry ci's agreement names: a signing
 * told for another time, so another agreement. */
static gboolean
dated_apart (Resolver *r, const NkgMention *m, guint ci)
{
  if (!indefinite_at (r, m))
    return FALSE;
  const NkgSentence *st = &g_array_index (r->seg->sentences, NkgSentence, m->sentence);
  if (st->first + 3 >= st->last || strcmp (nkg_tok (r->seg, st->first)->lower, "in") != 0
      || strcmp (nkg_tok (r->seg, st->first + 2)->text, ",") != 0)
    return FALSE;
  const NkgToken *year = nkg_tok (r->seg, st->first + 1);
  if (!(year->flags & NKG_TOK_NUM) || strlen (year->text) != 4 || atoi (year->text) < 1900)
    return FALSE;
  const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
  for (guint i = 0; i < c->mentions->len; i++)
    {
      const NkgMention *o = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i));
      const NkgSentence *os = &g_array_index (r->seg->sentences, NkgSentence, o->sentence);
      if (o->sentence == m->sentence)
        return FALSE;
      for (guint t = os->first; t < os->last; t++)
        if (strcmp (nkg_tok (r->seg, t)->text, year->text) == 0)
          return FALSE;
    }
  return TRUE;
}

/* Whether every word mention m says it is about or called (w) is one
 * register entry e's mentions said. */
static gboolean
words_said (const AgreementWords *w, const AgreementWords *e)
{
  GHashTable *mine[] = { w->named, w->about, w->described };
  for (guint i = 0; i < G_N_ELEMENTS (mine); i++)
    {
      GHashTableIter it;
      gpointer word;
      if (!mine[i])
        continue;
      g_hash_table_iter_init (&it, mine[i]);
      while (g_hash_table_iter_next (&it, &word, NULL))
        if (!set_has (e->named, word) && !set_has (e->about, word) && !set_has (e->described, word))
          return FALSE;
    }
  return TRUE;
}

/* Whether mention m, whose words are w (computed when NULL), is a new
 * signing apart from register entry ci: signed by other sides, or said
 * to be another signing and saying something of itself the entry never
 * did ("also signed an MoU on traditional medicine" after "the MoU on
 * health and medicine"; "also signed a trade pact" may still be the
 * headline's "trade deal"). */
static gboolean
signing_apart (Resolver *r, const NkgMention *m, const AgreementWords *w, guint ci)
{
  AgreementEntry *e = g_hash_table_lookup (r->entries, GUINT_TO_POINTER (ci));
  if (!e || m->kind != NKG_MENTION_DESCRIPTION)
    return FALSE;
  if (actors_apart (r, m, ci, e) || dated_apart (r, m, ci))
    return TRUE;
  if (!another_signing (r, m))
    return FALSE;
  if (w)
    return !words_said (w, &e->words);
  AgreementWords own;
  agreement_words_init (&own);
  register_words_of (r, m, &own);
  gboolean apart = !words_said (&own, &e->words);
  agreement_words_clear (&own);
  return apart;
}

static gboolean
register_conflict (Resolver *r, const NkgMention *m, const AgreementWords *w, guint ci)
{
  AgreementEntry *e = g_hash_table_lookup (r->entries, GUINT_TO_POINTER (ci));
  if (!e)
    return FALSE;
  if (names_apart (r, m, ci) || signing_apart (r, m, w, ci))
    return TRUE;
  if (((sets_disjoint (w->about, e->words.about) || sets_disjoint (w->about, e->words.described))
       && !kind_named_headline (r, m, ci))
      || sets_disjoint (w->described, e->words.about) || sets_differ (w->parties, e->words.parties))
    return TRUE;
  /* "the Bougainville Peace Agreement" after "the Suva Fisheries Accord":
   * two capitalised names whose words before the head share none are two
   * agreements, even when each only names places and remits. */
  if (m->kind == NKG_MENTION_NAME && sets_disjoint (w->named, e->words.named))
    return TRUE;
  /* "an agreement on civil nuclear cooperation … a country that has not
   * joined the Nuclear Non-Proliferation Treaty": an agreement whose
   * subject was stated is not a later name most of whose words say
   * something else (a name sharing half of them still may be it: "the
   * Kampala Free Trade Agreement" after "an agreement on trade"). */
  if (m->kind == NKG_MENTION_NAME && set_size (e->words.about) && name_strays (w->named, &e->words))
    return TRUE;
  /* An indefinite description that shares no word with what entry e is
   * called, described as or about brings in another agreement than
   * - a named one: "a fisheries agreement" after "the Accra Trade Accord"
   *   ("a trade deal" may still be it);
   * - one the body brought in the same way ("a …", not a headline's bare
   *   words): "a fisheries deal … a trade pact";
   * - one a description in the same sentence speaks of: "A and B signed
   *   the ocean treaty, while C signed a trade pact". */
  if (indefinite_at (r, m) && set_size (w->described) && !sets_meet (w->described, e->words.named)
      && !sets_meet (w->described, e->words.about) && !sets_meet (w->described, e->words.described))
    {
      const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
      if (!m->definite && c->named)
        return TRUE;
      for (guint i = 0; set_size (e->words.described) && i < c->mentions->len; i++)
        {
          const NkgMention *o = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i));
          if (indefinite_at (r, o) || (o->sentence == m->sentence && o->kind == NKG_MENTION_DESCRIPTION))
            return TRUE;
        }
    }
  const NkgMention *last = g_ptr_array_index (r->mentions, e->last);
  if (last->sentence != m->sentence || m->kind != NKG_MENTION_DESCRIPTION || m->definite
      || last->kind != NKG_MENTION_DESCRIPTION || last->definite)
    return FALSE;
  AgreementWords other;
  agreement_words_init (&other);
  register_words_of (r, last, &other);
  gboolean apart = sets_disjoint (w->described, other.described);
  agreement_words_clear (&other);
  return apart;
}

/* Whether mention m may name register entry ci by its kind: a singular
 * description the same family ("the accord" for a treaty); a proper name
 * an entry that has no proper name yet, and even when plural ("Camp David
 * Accords") a singular description, never a batch ("milestone
 * documents"). */
static gboolean
register_kind_fits (Resolver *r, const NkgMention *m, guint ci, const char *kind, gboolean plural,
                    gboolean proper)
{
  if (!*kind)
    return FALSE;
  if (proper)
    return (cluster_kind_compatible (r, ci, kind, FALSE) || (plural && cluster_kind_compatible (r, ci, kind, plural)))
           && !cluster_has_proper_name (r, ci);
  (void) m;
  return cluster_kind_compatible (r, ci, kind, plural);
}

/* The register entry a mention that is not a name already seen refers
 * to, or -1 for a new agreement. The article's salient agreement when it
 * fits (kind, subject, parties); else, for a definite description ("the
 * accord"), the latest entry that fits, and for an indefinite one or a
 * name, the only entry that fits. A definite description of no known kind
 * ("the document") or of another family ("the memorandum" of an
 * agreement) still refers back: to the salient agreement when its subject
 * does not conflict. */
static gint register_pick (Resolver *r, const NkgMention *m, const AgreementWords *w, const char *kind,
                           gboolean plural, gboolean proper, gboolean definite);

static gint
register_choose (Resolver *r, const NkgMention *m, const char *kind, gboolean plural)
{
  gboolean proper = m->kind == NKG_MENTION_NAME && !is_descriptive_name (r, m);
  gboolean definite = m->kind == NKG_MENTION_DESCRIPTION && m->definite;
  AgreementWords w;
  agreement_words_init (&w);
  register_words_of (r, m, &w);
  gint ci = register_pick (r, m, &w, kind, plural, proper, definite);
  agreement_words_clear (&w);
  return ci;
}

/* Whether a word of sentence s after token `from` is `word` or its
 * plural ("roads" for "road"). */
static gboolean
said_after (Resolver *r, guint s, guint from, const char *word)
{
  const NkgSentence *st = &g_array_index (r->seg->sentences, NkgSentence, s);
  gsize n = strlen (word);
  for (guint i = from; i < st->last; i++)
    {
      const char *l = nkg_tok (r->seg, i)->lower;
      if (strncmp (l, word, n) == 0 && (!l[n] || (l[n] == 's' && !l[n + 1]) || (l[n] == 'e' && l[n + 1] == 's' && !l[n + 2])))
        return TRUE;
    }
  return FALSE;
}

/* "A loan agreement worth $350 million will improve roads in Cusco. A
 * second loan agreement will fund clinics. … the road loan agreement":
 * the one entry of the kind (no conflict) after one of whose mentions,
 * in another sentence, a word before the head of definite description m
 * was said (what that agreement is for); -1 when none or several. */
static gint
register_by_purpose (Resolver *r, const NkgMention *m, const AgreementWords *w, const char *kind,
                     gboolean plural)
{
  if (!set_size (w->described) || r->agreements->len < 2)
    return -1;
  gint found = -1;
  /* (a huge document: its latest entries only) */
  for (guint k = MAX (r->agreements->len, NKG_COREF_MAX_CANDIDATES) - NKG_COREF_MAX_CANDIDATES; k < r->agreements->len; k++)
    {
      guint ci = g_array_index (r->agreements, guint, k);
      gboolean says = FALSE;
      const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
      for (guint i = 0; i < c->mentions->len && !says; i++)
        {
          const NkgMention *o = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, i));
          if (o->sentence == m->sentence)
            continue;
          GHashTableIter it;
          gpointer word;
          g_hash_table_iter_init (&it, w->described);
          while (!says && g_hash_table_iter_next (&it, &word, NULL))
            says = said_after (r, o->sentence, o->last, word);
        }
      if (!says || !register_kind_fits (r, m, ci, kind, plural, FALSE) || register_conflict (r, m, w, ci))
        continue;
      if (found >= 0)
        return -1;
      found = (gint) ci;
    }
  return found;
}

static gint
register_pick (Resolver *r, const NkgMention *m, const AgreementWords *w, const char *kind,
               gboolean plural, gboolean proper, gboolean definite)
{
  gint sal = salient_agreement (r);
  if (definite)
    {
      gint ci = register_by_purpose (r, m, w, kind, plural);
      if (ci >= 0)
        return ci;
    }
  /* A name's short or long form: "the Protocol on Safe Transit" and
   * "the Protocol on the Safe Transit of Livestock", same kind, what one is
   * about all in what the other is about. */
  if (proper && set_size (w->about))
    {
      gint found = -1;
      guint first = r->agreements->len > NKG_COREF_MAX_CANDIDATES ? r->agreements->len - NKG_COREF_MAX_CANDIDATES : 0;
      for (guint k = first; k < r->agreements->len; k++)
        {
          guint ci = g_array_index (r->agreements, guint, k);
          AgreementEntry *e = g_hash_table_lookup (r->entries, GUINT_TO_POINTER (ci));
          if (!*kind || !cluster_kind_compatible (r, ci, kind, plural) || !cluster_has_proper_name (r, ci)
              || !set_size (e->words.about) || sets_differ (w->parties, e->words.parties)
              || !(set_within (w->about, e->words.about) || set_within (e->words.about, w->about)))
            continue;
          if (found >= 0)
            return -1;
          found = ci;
        }
      if (found >= 0)
        return found;
    }
  /* "a fisheries deal … a trade pact … The pact was signed by": a
   * definite description whose head word the salient agreement never
   * had is the latest agreement that had it. */
  const char *head = definite && sal >= 0 ? agreement_head (r, m->surface) : NULL;
  if (head && !cluster_has_head (r, (guint) sal, head))
    {
      guint first = r->agreements->len > NKG_COREF_MAX_CANDIDATES ? r->agreements->len - NKG_COREF_MAX_CANDIDATES : 0;
      for (guint k = r->agreements->len; k-- > first;)
        {
          guint ci = g_array_index (r->agreements, guint, k);
          if ((gint) ci != sal && cluster_has_head (r, ci, head) && register_kind_fits (r, m, ci, kind, plural, proper)
              && !register_conflict (r, m, w, ci))
            return ci;
        }
    }
  if (sal >= 0 && register_kind_fits (r, m, sal, kind, plural, proper) && !register_conflict (r, m, w, sal))
    return sal;
  gint found = -1;
  guint n = 0;
  /* Latest first; a huge document compares with its latest entries only. */
  guint from = r->agreements->len > NKG_COREF_MAX_CANDIDATES ? r->agreements->len - NKG_COREF_MAX_CANDIDATES : 0;
  for (guint k = r->agreements->len; k-- > from;)
    {
      guint ci = g_array_index (r->agreements, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, ci);
      if (c->handle || (gint) ci == sal)
        continue;
      if (!register_kind_fits (r, m, ci, kind, plural, proper) || register_conflict (r, m, w, ci))
        continue;
      if (definite)
        return ci;
      if (n++ == 0)
        found = ci;
    }
  if (n == 1)
    return found;
  /* "It also signed a separate trade memorandum … the memorandum was
   * signed in Bangkok": a definite description that only an agreement set
   * apart fits is that one, not the main agreement of another kind. */
  if (definite && !n)
    for (guint k = r->agreements->len; k-- > from;)
      {
        guint ci = g_array_index (r->agreements, guint, k);
        NkgCluster *c = g_ptr_array_index (r->clusters, ci);
        if (c->handle && (gint) ci != sal && register_kind_fits (r, m, ci, kind, plural, proper)
            && !register_conflict (r, m, w, ci))
          return ci;
      }
  if (definite && sal >= 0 && !register_conflict (r, m, w, sal))
    return sal;
  return -1;
}

/* Whether `word` is a whole word of `surface` ("CETA" of "CETA trade
 * deal", not of "CETAS"). */
static gboolean
has_word (const char *surface, const char *word)
{
  gsize n = strlen (word);
  for (const char *p = strstr (surface, word); p; p = strstr (p + 1, word))
    if ((p == surface || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
      return TRUE;
  return FALSE;
}

/* "EU and Canada sign CETA trade deal … the Comprehensive Economic and
 * Trade Agreement (CETA)": a name whose acronym, defined right after it,
 * is a word of an earlier agreement's form of the same family is that
 * agreement, when only one has it; or -1. */
static gint
agreement_by_acronym (Resolver *r, guint mi, const char *kind)
{
  const NkgMention *m = g_ptr_array_index (r->mentions, mi);
  const char *acronym = NULL;
  for (guint i = mi + 1; i < r->mentions->len && !acronym; i++)
    {
      const NkgMention *a = g_ptr_array_index (r->mentions, i);
      if (a->first > m->last + 1)
        break;
      if (a->kind == NKG_MENTION_ACRONYM && a->alias_of == (gint) mi)
        acronym = a->surface;
    }
  if (!acronym || strlen (acronym) < 3)
    return -1;
  gint found = -1;
  guint from = r->agreements->len > NKG_COREF_MAX_CANDIDATES ? r->agreements->len - NKG_COREF_MAX_CANDIDATES : 0;
  for (guint k = from; k < r->agreements->len; k++)
    {
      guint ci = g_array_index (r->agreements, guint, k);
      const NkgCluster *c = g_ptr_array_index (r->clusters, ci);
      if (!*kind || !cluster_kind_compatible (r, ci, kind, FALSE))
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        if (strcmp (g_ptr_array_index (c->surfaces, s), acronym) != 0 && has_word (g_ptr_array_index (c->surfaces, s), acronym))
          {
            if (found >= 0 && found != (gint) ci)
              return -1;
            found = (gint) ci;
          }
    }
  return found;
}

static void
resolve_agreement (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  gboolean plural;
  const char *kind = agreement_kind (r, m->surface, &plural);
  if (!*kind && m->kind == NKG_MENTION_NAME)
    kind = "agreement"; /* as attach records it */
  gint ci = find_cluster (r, NKG_CLASS_AGREEMENT, m->surface);
  /* "the Friendship Treaty" after "the Treaty of Friendship" */
  if (ci < 0 && m->kind == NKG_MENTION_NAME)
    {
      g_autofree char *other = agreement_word_order (r, m->surface);
      if (other)
        ci = find_cluster (r, NKG_CLASS_AGREEMENT, other);
    }
  if (ci < 0 && m->alias_of >= 0)
    ci = ((NkgMention *) g_ptr_array_index (r->mentions, m->alias_of))->cluster;
  /* "the Peace Accords" after "the Lomba Peace Accords" */
  if (ci < 0 && m->kind == NKG_MENTION_NAME && !is_descriptive_name (r, m))
    ci = cluster_by_tail (r, NKG_CLASS_AGREEMENT, m->surface);
  if (ci < 0 && m->kind == NKG_MENTION_NAME)
    ci = agreement_by_acronym (r, mi, kind);
  /* The same subject said twice is the same agreement, whatever its head
   * word (a headline's "pact", the body's "memorandum"). */
  if (ci < 0 && !m->distinct && m->kind == NKG_MENTION_DESCRIPTION)
    ci = agreement_by_content (r, m->surface, 2);
  /* "the swap agreement" after "a currency swap agreement": the one
   * agreement it shares a word of its subject with. */
  if (ci < 0 && !m->distinct && m->kind == NKG_MENTION_DESCRIPTION && m->definite)
    ci = agreement_by_content (r, m->surface, 1);
  /* … but "a memorandum on a critical minerals supply chain" is one of
   * "17 memorandums on critical minerals …", not the batch. */
  if (ci >= 0 && m->kind == NKG_MENTION_DESCRIPTION && number_clash (r, (guint) ci, m, kind, plural))
    ci = -1;
  /* … nor is one signed by other sides, or said to be another signing,
   * the earlier one whose words it shares (signing_apart). */
  if (ci >= 0 && signing_apart (r, m, NULL, (guint) ci))
    ci = -1;
  if (ci < 0 && !m->distinct)
    ci = register_choose (r, m, kind, plural);
  if (ci < 0)
    {
      NkgCluster *c = new_cluster (r, NKG_CLASS_AGREEMENT);
      /* Distinct ones are marked so later descriptions prefer the main one;
       * `handle` is never used for agreements otherwise. */
      if (m->distinct)
        {
          c->handle = g_strdup ("");
          c->reported = TRUE;
        }
      ci = r->clusters->len - 1;
    }
  attach (r, mi, ci);
  if (m->kind == NKG_MENTION_NAME)
    ((NkgCluster *) g_ptr_array_index (r->clusters, ci))->named = TRUE;
}

/* Mentions are sorted by first token: the index of the first mention
 * starting at or after token t. */
static guint
first_mention_from (Resolver *r, guint t)
{
  guint lo = 0, hi = r->mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (((NkgMention *) g_ptr_array_index (r->mentions, mid))->first < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The mentions of sentence s: [*from, *to). */
static void
sentence_mentions (Resolver *r, guint s, guint *from, guint *to)
{
  *from = g_array_index (r->sent_first, guint, s);
  *to = g_array_index (r->sent_first, guint, s + 1);
}

/* "Greg Walton (@GWalton)", "@GWalton Gregory Walton", "News | @news". */
static void
resolve_handle (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  const NkgSegments *seg = r->seg;
  gpointer known;
  gint owner = -1;
  if (g_hash_table_lookup_extended (r->handles, m->surface, NULL, &known))
    owner = GPOINTER_TO_INT (known);
  if (owner < 0)
    {
      /* The mention just before, across "(" or "|". */
      guint a = m->first;
      while (a > 0 && (strcmp (nkg_tok (seg, a - 1)->text, "(") == 0
                       || strcmp (nkg_tok (seg, a - 1)->text, "|") == 0))
        a--;
      /* The first mention, in order, that ends at a or starts at the
       * handle's end. */
      guint best = G_MAXUINT;
      const IdList *ending = mentions_ending_at (r, a);
      for (guint k = 0; ending && a < m->first && k < ending->len; k++)
        {
          guint i = ending->data[k];
          NkgMention *o = g_ptr_array_index (r->mentions, i);
          if (i < best && o->cluster >= 0 && !o->nested && o->klass != NKG_CLASS_NONE
              && nkg_class_coarse (o->klass) != NKG_CLASS_PLACE)
            best = i;
        }
      for (guint i = first_mention_from (r, m->last); i < r->mentions->len && i < best; i++)
        {
          NkgMention *o = g_ptr_array_index (r->mentions, i);
          if (o->first != m->last)
            break;
          if (o->cluster >= 0 && o->klass == NKG_CLASS_PERSON)
            best = i;
        }
      if (best != G_MAXUINT)
        owner = ((NkgMention *) g_ptr_array_index (r->mentions, best))->cluster;
      if (owner >= 0)
        {
          NkgCluster *c = g_ptr_array_index (r->clusters, owner);
          if (!c->handle)
            {
              c->handle = g_strdup (m->surface);
              if (!g_hash_table_contains (r->handles, c->handle))
                g_hash_table_insert (r->handles, g_strdup (c->handle), GINT_TO_POINTER (owner));
            }
        }
    }
  if (owner >= 0)
    {
      m->klass = ((NkgCluster *) g_ptr_array_index (r->clusters, owner))->klass;
      attach (r, mi, owner);
    }
}

static void
resolve_unknown (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  if (strchr (m->surface, ' '))
    return;
  /* Each test below needs a shared word or an equal key. */
  g_autoptr (NkgIntArray) cand = nkg_int_array_new ();
  char **mw = words_in (r, m->surface);
  for (guint i = 0; mw[i]; i++)
    key_candidates_add (r, &r->by_word, mw[i], cand);
  key_candidates_add (r, &r->by_key, key_of (r, m->surface), cand);
  candidates_sort (cand);
  for (guint ck = cand->len; ck-- > 0;)
    {
      guint i = g_array_index (cand, guint, ck);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      gboolean hit = FALSE;
      for (guint s = 0; s < c->surfaces->len && !hit; s++)
        {
          const char *o = g_ptr_array_index (c->surfaces, s);
          if (c->klass == NKG_CLASS_PERSON)
            hit = part_of_person (r, m->surface, o);
          else if (c->klass == NKG_CLASS_ORG || c->klass == NKG_CLASS_GOV_ORG)
            {
              /* "Alliance" for "Andean Alliance": the head alone. */
              char **w = words_in (r, o);
              const char *k = key_of (r, m->surface);
              guint n = g_strv_length (w);
              hit = n >= 2 && strcmp (w[n - 1], k) == 0;
              /* "Apple" for "Apple Inc.", "Huaxin" for "Huaxin Construction
               * Group Co., Ltd.": a company's short form */
              if (!hit)
                hit = company_short_form (mw, g_strv_length (mw), w, n);
            }
          if (!hit)
            hit = strcmp (key_of (r, o), key_of (r, m->surface)) == 0;
        }
      if (hit)
        {
          m->klass = c->klass;
          attach (r, mi, i);
          return;
        }
    }
  if (m->fallback != NKG_CLASS_NONE)
    {
      m->klass = m->fallback;
      resolve_named (r, mi);
    }
}

/* "the Agreement on Economic Cooperation between the Government of A and
 * the Government of B": a state body (patterns.txt betweenbody) that the
 * article names only inside an agreement's title, after its "between",
 * stands there for its country, which the agreement's parties already
 * give; it is no entity of its own. Elsewhere ("signed on behalf of the
 * Government of A") it is one. */
static void
choose_names (Resolver *r)
{
  /* How often each form is used, counted once per cluster: one table,
   * emptied for each cluster that has no name yet (one per cluster was
   * 34,000 tables a corpus, most never filled). */
  g_autoptr (GHashTable) uses = NULL;
  for (guint i = 0; i < r->clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      const char *best = c->name;
      guint best_words = best ? 1000 : 0, best_count = 0;
      if (!best)
        {
          if (uses)
            g_hash_table_remove_all (uses);
          else
            uses = g_hash_table_new (g_str_hash, g_str_equal);
        }
      for (guint k = 0; !best && k < c->mentions->len; k++)
        {
          NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (uses, m->surface));
          g_hash_table_insert (uses, m->surface, GUINT_TO_POINTER (n + 1));
        }
      if (!best)
        for (guint s = 0; s < c->surfaces->len; s++)
          {
            const char *x = g_ptr_array_index (c->surfaces, s);
            if (x[0] == '@')
              continue;
            /* Agreements: a proper name beats a description. */
            gboolean proper = g_unichar_isupper (g_utf8_get_char (x)) && strchr (x, ' ');
            guint words = nkg_text_count_words (x) + (proper && c->klass == NKG_CLASS_AGREEMENT ? 100 : 0);
            guint count = GPOINTER_TO_UINT (g_hash_table_lookup (uses, x));
            if (words > best_words || (words == best_words && count > best_count))
              {
                best = x;
                best_words = words;
                best_count = count;
              }
          }
      if (!best && c->surfaces->len)
        best = g_ptr_array_index (c->surfaces, 0);
      char *name = g_strdup (best ? best : "");
      /* Descriptions lose their article: "the framework" → "framework";
       * a person's name keeps its first word ("An Min-ho"). */
      const char *space = strchr (name, ' ');
      if (c->klass != NKG_CLASS_PERSON && space && space - name < 16)
        {
          char first[16];
          memcpy (first, name, space - name);
          first[space - name] = '\0';
          if (listed ("namearticle", first))
            {
              char *rest = g_strdup (space + 1);
              g_free (name);
              name = rest;
            }
        }
      /* "to Parliament", "his Cabinet": a lone generic head names no body */
      if ((c->klass == NKG_CLASS_ORG || c->klass == NKG_CLASS_GOV_ORG) && *name && !strchr (name, ' ')
          && strlen (name) < 16)
        {
          char low[16];
          for (guint k = 0; name[k]; k++)
            low[k] = g_ascii_tolower (name[k]);
          low[strlen (name)] = '\0';
          if (listed ("lonebody", low))
            name[0] = '\0';
        }
      g_free (c->name);
      c->name = name;
    }
}

/* "Japan signed a grant agreement with Cambodia … Japan also signed a
 * grant agreement with Nepal": two agreements the register set apart
 * under one description would be one entity of the article
 * (nkg_doc_facts_add_entity joins equal names). A description named as
 * an earlier agreement is is named with the side it was signed with,
 * when its first mention says it ("grant agreement with Nepal"). */
static void
name_apart_agreements (Resolver *r)
{
  if (r->agreements->len < 2)
    return;
  /* names as chosen: descriptions' names are their words as written */
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < r->agreements->len; k++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, g_array_index (r->agreements, guint, k));
      if (!c->name || !*c->name || !c->mentions->len)
        continue;
      if (!g_hash_table_contains (seen, c->name))
        {
          g_hash_table_add (seen, c->name);
          continue;
        }
      const NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, 0));
      guint t = m->last;
      if (m->kind != NKG_MENTION_DESCRIPTION || t + 2 >= r->seg->tokens->len || strcmp (nkg_tok (r->seg, t)->lower, "with") != 0)
        continue;
      t++;
      if (strcmp (nkg_tok (r->seg, t)->lower, "the") == 0)
        t++;
      guint i = first_mention_from (r, t);
      if (i >= r->mentions->len)
        continue;
      const NkgMention *o = g_ptr_array_index (r->mentions, i);
      if (o->first != t || o->sentence != m->sentence
          || !(o->klass == NKG_CLASS_PERSON || o->klass == NKG_CLASS_COUNTRY || nkg_class_coarse (o->klass) == NKG_CLASS_ORG))
        continue;
      char *name = g_strconcat (c->name, " with ", o->surface, NULL);
      g_free (c->name); /* not in seen: an equal name is */
      c->name = name;
      g_hash_table_add (seen, c->name);
    }
}

/* An acronym with no definition beside it ("NATO", "the RAA"): whatever
 * cluster already has that form or those initials, else an organisation. */
/* "MBS" for "Mohammed bin Salman", "MBZ" for "Mohamed bin Zayed Al
 * Nahyan": a person known by the initials of a given name, the patronym
 * (data/words.tsv) and the father's name, or by the initials of every
 * word of a name of three or more ("AMLO"). The person cluster, or -1. */
static gint
person_by_patronym_initials (Resolver *r, const char *acr)
{
  if (!r->patronym_initials)
    {
      r->patronym_initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < r->clusters->len; i++)
        {
          NkgCluster *c = g_ptr_array_index (r->clusters, i);
          for (guint s = 0; c->klass == NKG_CLASS_PERSON && s < c->surfaces->len; s++)
            {
              char **w = words_in (r, g_ptr_array_index (c->surfaces, s));
              guint n = g_strv_length (w);
              if (n < 3)
                continue;
              char key[4] = { w[0][0], w[1][0], w[2][0], '\0' };
              if ((nkg_lexicon_word (r->lex, w[1]) & NKG_W_PATRONYM)
                  && !g_hash_table_contains (r->patronym_initials, key))
                g_hash_table_insert (r->patronym_initials, g_strdup (key), GUINT_TO_POINTER (i + 1));
              /* "AMLO" for "Andres Manuel Lopez Obrador": every word's initial */
              GString *all = g_string_new (NULL);
              for (guint x = 0; x < n; x++)
                g_string_append_c (all, w[x][0]);
              if (!g_hash_table_contains (r->patronym_initials, all->str))
                g_hash_table_insert (r->patronym_initials, g_strdup (all->str), GUINT_TO_POINTER (i + 1));
              g_string_free (all, TRUE);
            }
        }
    }
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (r->patronym_initials, acr)) - 1;
}

/* "MORITA said" after "Prime Minister MORITA Kenji": a word in capitals
 * that a person's name of several words here writes the same way (the
 * family name in capitals first, as Japanese and some Chinese and Korean
 * releases write it) is that person, not an acronym. -1 if none. */
static gint
person_by_capital_word (Resolver *r, const char *word)
{
  for (guint i = 0; i < r->clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != NKG_CLASS_PERSON)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        {
          const char *o = g_ptr_array_index (c->surfaces, s);
          gsize n = strlen (word);
          for (const char *w = strstr (o, word); w; w = strstr (w + 1, word))
            if ((w == o || w[-1] == ' ') && (w[n] == ' ' || (w[n] == '\0' && w != o)))
              return (gint) i;
        }
    }
  return -1;
}

/* Whether acronym acr (lower case) spells the capitalised words w[k..]
 * each by a prefix of up to three letters, in order ("koica": KOrea
 * International Cooperation Agency); *longer counts the words that gave
 * more than their initial. */
static gboolean
spells_by_prefixes (const char *acr, char **w, guint k, guint *longer)
{
  if (!w[k])
    return *acr == '\0';
  if (!g_ascii_isupper (w[k][0]))
    return spells_by_prefixes (acr, w, k + 1, longer);
  for (guint n = 1; n <= 3 && w[k][n - 1] && g_ascii_tolower (w[k][n - 1]) == acr[n - 1]; n++)
    {
      if (n > 1)
        (*longer)++;
      if (spells_by_prefixes (acr + n, w, k + 1, longer))
        return TRUE;
      if (n > 1)
        (*longer)--;
    }
  return FALSE;
}

/* An organisation of three capitalised words or more whose words' first
 * letters, one word giving its first two or three, spell the acronym:
 * "KOICA" for "Korea International Cooperation Agency". The latest such
 * body, or -1. */
static gint
body_by_word_prefixes (Resolver *r, const char *acr)
{
  for (guint i = r->clusters->len; i-- > 0;)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (nkg_class_coarse (c->klass) != NKG_CLASS_ORG)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        {
          const char *o = g_ptr_array_index (c->surfaces, s);
          if (!nkg_text_is_ascii (o, -1) || g_ascii_tolower (o[0]) != acr[0])
            continue;
          g_auto (GStrv) w = g_strsplit (o, " ", -1);
          guint caps = 0, longer = 0;
          for (guint k = 0; w[k]; k++)
            caps += g_ascii_isupper (w[k][0]) != 0;
          if (caps >= 3 && spells_by_prefixes (acr, w, 0, &longer) && longer == 1)
            return (gint) i;
        }
    }
  return -1;
}

static void
resolve_free_acronym (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  gint ci = -1;
  g_autoptr (NkgIntArray) cand = nkg_int_array_new ();
  g_autofree char *acr = acronym_initials (m->surface);
  key_candidates_add (r, &r->by_key, key_of (r, m->surface), cand);
  if (strlen (acr) >= 2)
    candidates_add (r, initials_index (r), acr, cand);
  candidates_sort (cand);
  for (guint k = 0; k < cand->len && ci < 0; k++)
    {
      guint i = g_array_index (cand, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass == NKG_CLASS_PERSON)
        continue;
      for (guint s = 0; s < c->surfaces->len && ci < 0; s++)
        {
          const char *o = g_ptr_array_index (c->surfaces, s);
          if (strcmp (key_of (r, o), key_of (r, m->surface)) == 0 || initials_match (m->surface, o))
            ci = i;
        }
    }
  /* "BNOC" for "Brazil’s National Oil Company": the owner's
   * name written before the possessive is part of the initials. */
  const IdList *owned = strlen (acr) >= 2 ? g_hash_table_lookup (r->owner_initials, acr) : NULL;
  for (guint k = 0; owned && k < owned->len && ci < 0; k++)
    {
      NkgMention *o = g_ptr_array_index (r->mentions, owned->data[k]);
      if (o->cluster < 0 || o->klass == NKG_CLASS_PERSON)
        continue;
      const NkgToken *owner = nkg_tok (r->seg, o->first - 2);
      g_autofree char *form = g_strconcat (owner->text, " ", o->surface, NULL);
      if (initials_match (m->surface, form))
        ci = o->cluster;
    }
  if (ci < 0 && strlen (acr) >= 4)
    ci = body_by_word_prefixes (r, acr);
  if (ci < 0 && strlen (acr) >= 3)
    ci = person_by_patronym_initials (r, acr);
  if (ci < 0 && strlen (m->surface) >= 3)
    ci = person_by_capital_word (r, m->surface);
  if (ci >= 0)
    {
      m->klass = ((NkgCluster *) g_ptr_array_index (r->clusters, ci))->klass;
      attach (r, mi, ci);
      return;
    }
  resolve_named (r, mi);
}

/* "Raghavan-Doyle meet": two known people joined by a hyphen in a
 * heading are no third person. Such a cluster loses its name and so
 * becomes no entity. */
static void
drop_joined_pairs (Resolver *r)
{
  for (guint i = 0; i < r->clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != NKG_CLASS_PERSON || !c->name || strchr (c->name, ' '))
        continue;
      g_auto (GStrv) parts = g_strsplit (c->name, "-", -1);
      if (g_strv_length (parts) != 2)
        continue;
      guint known = 0;
      for (guint p = 0; parts[p]; p++)
        {
          g_autoptr (NkgIntArray) cand = clusters_sharing_a_word (r, parts[p]);
          for (guint ck = 0; ck < cand->len; ck++)
          {
            NkgCluster *o = g_ptr_array_index (r->clusters, g_array_index (cand, guint, ck));
            if (o != c && o->klass == NKG_CLASS_PERSON && o->name && part_of_person (r, parts[p], o->name))
              {
                known++;
                break;
              }
          }
        }
      if (known == 2)
        {
          /* Each part is a form of the person it names ("Raghavan"). */
          for (guint p = 0; parts[p]; p++)
            {
              g_autoptr (NkgIntArray) cand = clusters_sharing_a_word (r, parts[p]);
              for (guint ck = 0; ck < cand->len; ck++)
              {
                guint k = g_array_index (cand, guint, ck);
                NkgCluster *o = g_ptr_array_index (r->clusters, k);
                if (o != c && o->klass == NKG_CLASS_PERSON && o->name && part_of_person (r, parts[p], o->name))
                  {
                    add_surface (r, k, parts[p], FALSE);
                    break;
                  }
              }
            }
          c->name[0] = '\0';
        }
    }
}

/* A one-word place that is the surname of a person named in full here
 * ("Jackson", "Lincoln") is that person; attaches it and says so. */
static gboolean
surname_of_person (Resolver *r, guint mi)
{
  NkgMention *m = g_ptr_array_index (r->mentions, mi);
  /* A country is never a surname here ("Jordan" stays the country). */
  if (m->klass == NKG_CLASS_COUNTRY)
    return FALSE;
  /* "Jackson, Mississippi" is the place. */
  if (m->last + 1 < r->seg->tokens->len && strcmp (nkg_tok (r->seg, m->last)->text, ",") == 0)
    for (guint k = first_mention_from (r, m->last + 1); k < r->mentions->len; k++)
      {
        NkgMention *o = g_ptr_array_index (r->mentions, k);
        if (o->first != m->last + 1)
          break;
        if (nkg_class_coarse (o->klass) == NKG_CLASS_PLACE)
          return FALSE;
      }
  g_autoptr (NkgIntArray) cand = clusters_sharing_a_word (r, m->surface);
  for (guint k = 0; k < cand->len; k++)
    {
      guint i = g_array_index (cand, guint, k);
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != NKG_CLASS_PERSON)
        continue;
      for (guint s = 0; s < c->surfaces->len; s++)
        /* Only a surname: "Tokyo" in "Tokyo Electron" is the city, and the
         * name may yet turn out to be a company's. */
        if (is_surname_of (r, m->surface, g_ptr_array_index (c->surfaces, s)))
          {
            m->klass = NKG_CLASS_PERSON;
            m->canonical = NULL;
            attach (r, mi, i);
            return TRUE;
          }
    }
  return FALSE;
}

/* ------------------------------------------------- is it a person at all? */

/* A capitalised name with no title, honorific or head word ("Hyundai
 * Dynamics", "Morning Herald", "Anna Koper") is a person only when the text
 * gives some sign of one; the signs below are general properties of news
 * prose, not of particular names. */

static const NkgToken *
tk (Resolver *r, guint i)
{
  return i < r->seg->tokens->len ? nkg_tok (r->seg, i) : NULL;
}

static gboolean
tk_is (Resolver *r, guint i, const char *lower)
{
  const NkgToken *t = tk (r, i);
  return t && strcmp (t->lower, lower) == 0;
}

static guint
tk_roles (Resolver *r, guint i)
{
  const NkgToken *t = tk (r, i);
  return t ? nkg_lexicon_tok_roles (r->lex, t) : 0;
}

static const NkgSentence *
sentence_of (Resolver *r, const NkgMention *m)
{
  return &g_array_index (r->seg->sentences, NkgSentence, m->sentence);
}

/* "Kim" in "Kim Dong-kwan", "bin" in "Mohammed bin Salman", "S." in "S.
 * Raghavan", "Jr": shapes only people's names have. */
static gboolean
person_shape (Resolver *r, const NkgMention *m)
{
  for (guint i = m->first; i < m->last; i++)
    {
      const NkgToken *t = tk (r, i);
      if ((t->flags & NKG_TOK_WORD) && listed ("personparticle", t->lower))
        return TRUE;
      if ((t->flags & NKG_TOK_ABBREV) && g_utf8_strlen (t->text, -1) == 2 && i + 1 < m->last)
        return TRUE;
      if ((t->flags & NKG_TOK_DASH) && i + 1 < m->last && !(tk (r, i + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
          && (tk (r, i + 1)->flags & NKG_TOK_WORD))
        return TRUE;
    }
  return FALSE;
}

/* A title phrase (with a head) ends right before token `end`, skipping a
 * comma: "chief executive Son Jae-il", "The Minister for Finance, X". */
static gboolean
title_ends_before (Resolver *r, guint end, guint first)
{
  guint p = end;
  if (p > first && strcmp (tk (r, p - 1)->text, ",") == 0)
    p--;
  /* "the Secretary to the Ministry of Fisheries, Aquatic Resources and
   * Ocean Affairs, X": back over the body the title serves */
  if (p < end)
    {
      const IdList *ending = mentions_ending_at (r, p);
      for (guint k = 0; ending && k < ending->len; k++)
        {
          const NkgMention *o = g_ptr_array_index (r->mentions, ending->data[k]);
          if ((o->klass == NKG_CLASS_GOV_ORG || o->klass == NKG_CLASS_ORG) && o->first > first + 1
              && o->first < p && (tk_is (r, o->first - 1, "the") || tk_is (r, o->first - 1, "of")
                                  || tk_is (r, o->first - 1, "to")))
            {
              p = o->first;
              break;
            }
        }
    }
  for (guint n = 0; p > first && n < 12; n++, p--)
    {
      guint ro = tk_roles (r, p - 1);
      /* "the Ambassador of Japan to Ghana, X": countries in the remit;
       * "the UN Resident Coordinator in Fiji, X": the post's seat;
       * "the Resident Coordinator to Fiji, Tonga and Tuvalu, X": a list
       * of them (a list that no such word opens gives no title) */
      if (nkg_lexicon_place (r->lex, tk (r, p - 1)->text, NULL) && p - 1 > first
          && (tk_is (r, p - 2, "of") || tk_is (r, p - 2, "to") || tk_is (r, p - 2, "for") || tk_is (r, p - 2, "in")
              || tk_is (r, p - 2, "and") || strcmp (tk (r, p - 2)->text, ",") == 0))
        continue;
      if ((tk_is (r, p - 1, "and") || strcmp (tk (r, p - 1)->text, ",") == 0) && p < end && p - 1 > first
          && nkg_lexicon_place (r->lex, tk (r, p)->text, NULL) && nkg_lexicon_place (r->lex, tk (r, p - 2)->text, NULL))
        continue;
      if (tk_is (r, p - 1, "in") && p < end && nkg_lexicon_place (r->lex, tk (r, p)->text, NULL))
        continue;
      if (tk_is (r, p - 1, "to") || tk_is (r, p - 1, "the"))
        continue;
      if (ro & (NKG_W_TITLE | NKG_W_HONORIFIC | NKG_W_COUNTERPART))
        return TRUE;
      if (!(ro & (NKG_W_TITLEMOD | NKG_W_PORTFOLIO)) && !tk_is (r, p - 1, "of") && !tk_is (r, p - 1, "for"))
        return FALSE;
    }
  return FALSE;
}

/* "Industries": WordNet knows "industry". */
static gboolean
plural_of_y (const char *lower)
{
  gsize n = strlen (lower);
  if (n < 5 || !g_str_has_suffix (lower, "ies"))
    return FALSE;
  g_autofree char *stem = g_strndup (lower, n - 3);
  g_autofree char *y = g_strconcat (stem, "y", NULL);
  return nkg_wordnet_word (y, NULL, NULL);
}

/* Whether tokens a..b are all capitalised words that are no English words
 * and head nothing (no body, event, agreement or place word, no place
 * name): a foreign person's name rather than "Fast Retailing". */
static gboolean
plain_name_words (Resolver *r, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    {
      const NkgToken *t = tk (r, i);
      if ((t->flags & NKG_TOK_DASH) && !(t->flags & NKG_TOK_SPACE) && i > a && i + 1 < b)
        continue; /* "Oyun-Erdene" */
      if (!(t->flags & NKG_TOK_CAP)
          || ((nkg_wordnet_word_or_singular (t->lower) || plural_of_y (t->lower))
              && !nkg_lexicon_is_name_part (r->lex, t->text))
          || (tk_roles (r, i) & (NKG_W_GOVORG | NKG_W_ORG | NKG_W_EVENT | NKG_W_AGREEMENT | NKG_W_PLACE))
          || nkg_lexicon_place (r->lex, t->text, NULL))
        return FALSE;
    }
  return TRUE;
}

/* Lower-case title words with a head from token a, then a capital: "Hanwha
 * Aerospace chief executive Son Jae-il" — the name before is the employer. */
static gboolean
officer_follows (Resolver *r, guint a, guint last)
{
  gboolean head = FALSE;
  guint k = a;
  while (k < last && (tk (r, k)->flags & NKG_TOK_WORD) && !(tk (r, k)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
         && (tk_roles (r, k) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
    head |= (tk_roles (r, k++) & NKG_W_TITLE) != 0;
  return head && k > a && k < last && (tk (r, k)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER));
}

/* WEAK_ORG: a place people too are named in ("according to X", "told
 * X"), which a known given name outweighs. */
typedef enum { EVIDENCE_NONE = 0, EVIDENCE_WEAK_ORG, EVIDENCE_ORG, EVIDENCE_PERSON } Evidence;

/* The cue words are patterns.txt's lists orgnoun, orgpossessed, orgplural,
 * orgmadeby, personnoun, personverb, personpronoun, personplural,
 * dashpeople and namerunparticle. */
/* Whether tokens [a, b) name a place (described in `out` when not NULL). */
static gboolean
span_place (Resolver *r, guint a, guint b, NkgPlace *out)
{
  if (a >= b || !(tk (r, a)->flags & NKG_TOK_CAP))
    return FALSE;
  g_autofree char *place = nkg_segments_span (r->seg, a, b);
  return nkg_lexicon_place (r->lex, place, out);
}

/* "A B (Kenya)", "A B of Latvia": a country in brackets or after "of"
 * right after the name ending at token b, before `end`. */
static gboolean
country_attached (Resolver *r, guint b, guint end)
{
  gboolean bracket = b + 2 < end && strcmp (tk (r, b)->text, "(") == 0;
  if (!bracket && !(b + 1 < end && tk_is (r, b, "of")))
    return FALSE;
  for (guint p = b + 2; p <= end && p < b + 5; p++)
    if (!bracket || (p < end && strcmp (tk (r, p)->text, ")") == 0))
      {
        NkgPlace place;
        if (span_place (r, b + 1, p, &place))
          return place.klass == NKG_CLASS_COUNTRY;
        if (bracket)
          return FALSE;
      }
  return FALSE;
}

static Evidence
context_evidence (Resolver *r, const NkgMention *m)
{
  const NkgSentence *s = sentence_of (r, m);
  guint a = m->first, b = m->last;
  if (nkg_mention_n_titles (m))
    return EVIDENCE_PERSON;
  /* "the presidents of both states, A B (Kenya) and C D (Ghana)", "with
   * A B of Latvia": plain name words with a country attached are a
   * person's */
  if (b >= a + 2 && country_attached (r, b, s->last) && plain_name_words (r, a, b))
    return EVIDENCE_PERSON;
  /* Before the name. */
  if (a > s->first)
    {
      if (title_ends_before (r, a, s->first) || listed ("personnoun", tk (r, a - 1)->lower))
        return EVIDENCE_PERSON;
      /* "Reporting by X", "Editing by X", "By X" */
      if (tk_is (r, a - 1, "by") && (a - 1 == s->first || tk_is (r, a - 2, "reporting")
                                     || tk_is (r, a - 2, "editing") || tk_is (r, a - 2, "writing")
                                     || (tk (r, a - 2)->flags & NKG_TOK_PUNCT)))
        return EVIDENCE_PERSON;
      /* "(Reporting by A in Colombo and B in New Delhi; …)": the next
       * reporter of a credit line */
      if (tk_is (r, a - 1, "and") && a >= s->first + 3)
        {
          guint k = s->first;
          if (strcmp (tk (r, k)->text, "(") == 0)
            k++;
          if ((tk_is (r, k, "reporting") || tk_is (r, k, "additional")) && k + 1 < a
              && (tk_is (r, k + 1, "by") || (tk_is (r, k + 1, "reporting") && k + 2 < a && tk_is (r, k + 2, "by"))))
            {
              /* only the credit's own clause: no ';' between */
              gboolean same = TRUE;
              for (guint i = k; i < a && same; i++)
                same = strcmp (tk (r, i)->text, ";") != 0;
              if (same)
                return EVIDENCE_PERSON;
            }
        }
      /* "please contact X", "Media contact: X": a release's contact line
       * names a person (patterns.txt contactcue) */
      {
        guint c = a;
        if (strcmp (tk (r, c - 1)->text, ":") == 0 && c - 1 > s->first)
          c--;
        if (listed ("contactcue", tk (r, c - 1)->lower))
          return EVIDENCE_PERSON;
      }
      guint p = a;
      if (tk_is (r, p - 1, "the") && p - 1 > s->first)
        p--;
      if (listed ("orgnoun", tk (r, p - 1)->lower))
        return EVIDENCE_ORG;
      if (a >= s->first + 2 && tk_is (r, a - 1, "to") && tk_is (r, a - 2, "according"))
        return EVIDENCE_WEAK_ORG;
      /* "companies including X", "experts such as X", and the rest of
       * the list: "firms such as A, B and C" */
      {
        guint p = a;
        /* back over earlier members of the list */
        for (guint n = 0; n < 12 && p > s->first + 1; n++)
          {
            const NkgToken *t = tk (r, p - 1);
            if (tk_is (r, p - 1, "including") || tk_is (r, p - 1, "as") || tk_is (r, p - 1, "like"))
              break;
            if (!(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && strcmp (t->text, ",") != 0 && !tk_is (r, p - 1, "and")
                && !tk_is (r, p - 1, "&") && !(t->flags & NKG_TOK_PUNCT))
              {
                p = a;
                break;
              }
            p--;
          }
        guint q = p;
        if (q > s->first && tk_is (r, q - 1, "as") && q - 1 > s->first && tk_is (r, q - 2, "such"))
          q -= 2;
        else if (q > s->first && (tk_is (r, q - 1, "including") || tk_is (r, q - 1, "like")))
          q -= 1;
        if (q < p && q > s->first)
          {
            if (strcmp (tk (r, q - 1)->text, ",") == 0 && q - 1 > s->first)
              q--;
            if (listed ("orgplural", tk (r, q - 1)->lower))
              return EVIDENCE_ORG;
            if (listed ("personplural", tk (r, q - 1)->lower))
              return EVIDENCE_PERSON;
          }
      }
      if (tk_is (r, a - 1, "told"))
        return EVIDENCE_WEAK_ORG;
      /* "'…,' said Tshering Tobgay": the same plain words after a
       * reporting verb, or after "met" and "signed by" */
      if (((tk_roles (r, a - 1) & NKG_W_REPORT) || listed ("personverb", tk (r, a - 1)->lower)
           || (tk_is (r, a - 1, "by") && a >= s->first + 2 && (tk_roles (r, a - 2) & NKG_W_SIGN)))
          && b >= a + 2 && plain_name_words (r, a, b))
        return EVIDENCE_PERSON;
      /* "Kiribati's Tekena Maiti": a country's own, named by two or more
       * words that are no English words and head nothing (unlike
       * "Japan's Fast Retailing", "China's State Grid") */
      if (a >= s->first + 2 && (tk (r, a - 1)->flags & NKG_TOK_POSS) && b >= a + 2)
        {
          NkgPlace p;
          gboolean country = nkg_lexicon_place (r->lex, tk (r, a - 2)->text, &p) && p.klass == NKG_CLASS_COUNTRY;
          gboolean plain = country && plain_name_words (r, a, b);
          if (plain)
            return EVIDENCE_PERSON;
        }
      /* "Leaders of Brazil and Chile — A, B and C — met": a list set off
       * by a dash after the people it names. */
      {
        guint q = a;
        while (q > s->first + 1
               && ((tk (r, q - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || strcmp (tk (r, q - 1)->text, ",") == 0
                   || tk_is (r, q - 1, "and")
                   || listed ("namerunparticle", tk (r, q - 1)->lower)))
          q--;
        if (q > s->first + 1 && (tk (r, q - 1)->flags & NKG_TOK_DASH) && (tk (r, q - 1)->flags & NKG_TOK_SPACE))
          {
            for (guint k = q - 1; k-- > s->first && k + 16 > q;)
              if (listed ("dashpeople", tk (r, k)->lower))
                return EVIDENCE_PERSON;
          }
      }
      /* "tanks produced by X", "a plant owned by X" */
      if (tk_is (r, a - 1, "by") && a >= s->first + 2
          && listed ("orgmadeby", tk (r, a - 2)->lower))
        return EVIDENCE_ORG;
      /* "the presidents of Kazakhstan (X)": a country's office holder */
      if (strcmp (tk (r, a - 1)->text, "(") == 0 && a - 1 > s->first
          && nkg_lexicon_place (r->lex, tk (r, a - 2)->text, NULL) && b < s->last
          && strcmp (tk (r, b)->text, ")") == 0)
        return EVIDENCE_PERSON;
    }
  /* After it. */
  if (b < s->last)
    {
      const NkgToken *n = tk (r, b);
      guint c = b;
      if (strcmp (n->text, ",") == 0)
        c++;
      if (tk_is (r, c, "who"))
        return EVIDENCE_PERSON;
      /* "In Manila: X, +63 2 8555 0199", "X, Tel: …": a contact's number */
      if (c > b && c < s->last
          && ((tk (r, c)->text[0] == '+' && (g_ascii_isdigit (tk (r, c)->text[1])
                                             || (!tk (r, c)->text[1] && c + 1 < s->last && (tk (r, c + 1)->flags & NKG_TOK_NUM))))
              || listed ("contactafter", tk (r, c)->lower)))
        return EVIDENCE_PERSON;
      if (tk_is (r, c, "which"))
        return EVIDENCE_ORG;
      /* ", 45," — an age */
      if (c > b && c < s->last && (tk (r, c)->flags & NKG_TOK_NUM) && strlen (tk (r, c)->text) <= 2
          && c + 1 < s->last && strcmp (tk (r, c + 1)->text, ",") == 0)
        return EVIDENCE_PERSON;
      /* ", director-general of …", ", India's defence minister";
       * ", a state-owned plant" */
      if (c > b)
        {
          /* A title first ("group chief executive"), else an organisation's
           * noun ("a state-owned plant"). */
          Evidence apposed = EVIDENCE_NONE;
          for (guint k = c; k < s->last && k < c + 5; k++)
            {
              if ((tk_roles (r, k) & NKG_W_TITLE) || listed ("personnoun", tk (r, k)->lower))
                return EVIDENCE_PERSON;
              if (!apposed && listed ("orgnoun", tk (r, k)->lower))
                apposed = EVIDENCE_ORG;
              if (strcmp (tk (r, k)->text, ",") == 0 || (tk_roles (r, k) & NKG_W_REPORT))
                break;
            }
          if (apposed)
            return apposed;
        }
      if ((n->flags & NKG_TOK_POSS) && b + 1 < s->last && listed ("orgpossessed", tk (r, b + 1)->lower))
        return EVIDENCE_ORG;
      /* "Tshering Dorji of Bhutan": a country's own, named by two or more
       * words that are no English words and head nothing (unlike "Bank
       * of Thailand", "Hyundai Motor of South Korea") */
      if (tk_is (r, b, "of") && b + 1 < s->last && b >= a + 2 && (tk (r, b + 1)->flags & NKG_TOK_CAP))
        {
          gboolean country = FALSE;
          guint ce = MIN (s->last, b + 4);
          for (; ce > b + 1 && !country; ce--)
            {
              g_autofree char *span = nkg_segments_span (r->seg, b + 1, ce);
              NkgPlace p;
              country = nkg_lexicon_place (r->lex, span, &p) && p.klass == NKG_CLASS_COUNTRY;
            }
          ce++;
          /* then what people do, or the next in a row of them ("A of
           * Bhutan and B of Nepal") */
          gboolean then = ce < s->last
                          && (listed ("personverb", tk (r, ce)->lower) || (tk_roles (r, ce) & NKG_W_REPORT)
                              || tk_is (r, ce, "and") || strcmp (tk (r, ce)->text, ",") == 0);
          gboolean plain = country && then && plain_name_words (r, a, b);
          if (plain)
            return EVIDENCE_PERSON;
        }
      if (officer_follows (r, b, s->last))
        return EVIDENCE_ORG;
      guint v = b;
      while (v < s->last && (tk_is (r, v, "also") || tk_is (r, v, "later") || tk_is (r, v, "then")))
        v++;
      if (v < s->last && listed ("personverb", tk (r, v)->lower))
        return EVIDENCE_PERSON;
      if (tk_is (r, v, "reported"))
        return EVIDENCE_ORG;
      /* "X said he …" */
      if (v < s->last && (tk_roles (r, v) & NKG_W_REPORT))
        for (guint k = v + 1; k < s->last && k < v + 4; k++)
          if (listed ("personpronoun", tk (r, k)->lower))
            return EVIDENCE_PERSON;
      /* "Tshering Tobgay said": two or more words that are no English
       * words and head nothing, saying something (bodies that speak have
       * a head word: "the Foreign Ministry said") */
      if (v < s->last && (tk_roles (r, v) & NKG_W_REPORT) && b >= a + 2 && plain_name_words (r, a, b))
        return EVIDENCE_PERSON;
    }
  /* "X and Y", "X, Y and Z": named in a row with a titled person. */
  guint here_from, here_to;
  sentence_mentions (r, m->sentence, &here_from, &here_to);
  for (guint i = here_from; i < here_to; i++)
    {
      NkgMention *o = g_ptr_array_index (r->mentions, i);
      if (o == m || o->sentence != m->sentence || o->klass != NKG_CLASS_PERSON)
        continue;
      gboolean before = FALSE;
      /* "foreign ministers X of A and Y of B": each with a country */
      if (o->first > s->first && title_ends_before (r, o->first, s->first) && b + 1 < s->last && (tk_is (r, b, "of") || tk_is (r, b, "from")) && (tk (r, b + 1)->flags & NKG_TOK_CAP)
          && o->last + 3 <= a && o->last + 6 >= a && (tk_is (r, o->last, "of") || tk_is (r, o->last, "from"))
          && (tk_is (r, a - 1, "and") || strcmp (tk (r, a - 1)->text, ",") == 0))
        {
          g_autofree char *place = nkg_segments_span (r->seg, o->last + 1, a - 1);
          before = nkg_lexicon_place (r->lex, place, NULL);
        }
      if (!nkg_mention_n_titles (o) && !before)
        continue;
      before = before || (o->last + 1 == a && (tk_is (r, o->last, "and") || strcmp (tk (r, o->last)->text, ",") == 0));
      gboolean after = b + 1 == o->cue_first && (tk_is (r, b, "and") || strcmp (tk (r, b)->text, ",") == 0);
      if (before || after)
        return EVIDENCE_PERSON;
    }
  /* "A, B Corp. and the C Port Authority": named in a row with a body
   * that a head word types, it is most likely one too (a known given
   * name still outweighs this). */
  for (guint i = here_from; i < here_to; i++)
    {
      NkgMention *o = g_ptr_array_index (r->mentions, i);
      if (o == m || o->sentence != m->sentence || o->kind != NKG_MENTION_NAME || o->shape_only
          || nkg_class_coarse (o->klass) != NKG_CLASS_ORG)
        continue;
      guint of = o->first;
      if (of > s->first && tk_is (r, of - 1, "the"))
        of--;
      gboolean before = o->last + 1 == a && (tk_is (r, o->last, "and") || strcmp (tk (r, o->last)->text, ",") == 0);
      /* "the Secretary General of the X Forum, Y": the holder of the title
       * held in the body, in apposition */
      if (before && strcmp (tk (r, o->last)->text, ",") == 0 && of >= s->first + 2 && tk_is (r, of - 1, "of")
          && (nkg_lexicon_tok_roles (r->lex, tk (r, of - 2)) & NKG_W_TITLE))
        return EVIDENCE_PERSON;
      gboolean after = (b + 1 == of && (tk_is (r, b, "and") || strcmp (tk (r, b)->text, ",") == 0))
                       || (b + 2 == of && strcmp (tk (r, b)->text, ",") == 0 && tk_is (r, b + 1, "and"));
      if (before || after)
        return EVIDENCE_WEAK_ORG;
    }
  /* "X … his government": a personal pronoun before anyone else is named. */
  for (guint k = b; k < s->last; k++)
    {
      if (tk_is (r, k, "its") || tk_is (r, k, "it"))
        break;
      if (tk_is (r, k, "his") || tk_is (r, k, "her"))
        {
          gboolean between = FALSE;
          for (guint i = first_mention_from (r, b); i < r->mentions->len && !between; i++)
            {
              NkgMention *o = g_ptr_array_index (r->mentions, i);
              if (o->first >= k)
                break;
              between = o != m && o->first >= b && o->first < k && o->klass != NKG_CLASS_NONE
                        && nkg_class_coarse (o->klass) != NKG_CLASS_PLACE && o->klass != NKG_CLASS_AGREEMENT;
            }
          if (!between)
            return EVIDENCE_PERSON;
          break;
        }
    }
  /* "X arrived on Monday. He …": the next sentence's subject. */
  if (m->sentence + 1 < r->seg->sentences->len)
    {
      const NkgSentence *next = &g_array_index (r->seg->sentences, NkgSentence, m->sentence + 1);
      gboolean last_name = TRUE;
      for (guint i = here_from; i < here_to && last_name; i++)
        {
          NkgMention *o = g_ptr_array_index (r->mentions, i);
          last_name = !(o->sentence == m->sentence && o->first >= b && o->cluster >= 0
                        && (o->klass == NKG_CLASS_PERSON || nkg_class_coarse (o->klass) == NKG_CLASS_ORG));
        }
      if (last_name && (tk_is (r, next->first, "he") || tk_is (r, next->first, "she")))
        return EVIDENCE_PERSON;
    }
  return EVIDENCE_NONE;
}

/* The words of `part` are the last words of `name`: a surname. */
static gboolean
is_surname_of (Resolver *r, const char *part, const char *name)
{
  char **x = words_in (r, name);
  char **w = words_in (r, part);
  guint n = g_strv_length (x), k = g_strv_length (w);
  /* A name in a script with no ASCII letters ("Иван Петров") has an
   * empty key and no words at all. */
  if (n == 0)
    return FALSE;
  if (strcmp (x[n - 1], "jr") == 0 || strcmp (x[n - 1], "sr") == 0)
    k -= suffix_too (x[--n], w, k);
  if (k == 0 || k >= n)
    return FALSE;
  for (guint i = 0; i < k; i++)
    if (strcmp (x[n - k + i], w[i]) != 0)
      return FALSE;
  /* "Karim bin Yusuf Al Nasser" after "Omar bin Karim bin
   * Yusuf Al Nasser" is the father: what follows a patronym is his name. */
  return !(nkg_lexicon_word (r->lex, x[n - k - 1]) & NKG_W_PATRONYM);
}

static Evidence
cluster_evidence (Resolver *r, NkgCluster *c)
{
  Evidence best = EVIDENCE_NONE;
  gboolean known_first = FALSE, article = FALSE;
  for (guint k = 0; k < c->mentions->len; k++)
    {
      NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k));
      gboolean multi = m->last - m->first > 1;
      if (m->kind != NKG_MENTION_NAME)
        continue;
      if (multi && !m->shape_only)
        return EVIDENCE_PERSON;
      /* People are named again by surname, organisations by their first
       * word ("Nordic" for "Nordic Dynamics"). */
      if (!multi && c->name && is_surname_of (r, m->surface, c->name))
        return EVIDENCE_PERSON;
      if (multi && person_shape (r, m))
        return EVIDENCE_PERSON;
      if (multi && (nkg_tok (r->seg, m->first)->flags & NKG_TOK_CAP)
          && nkg_lexicon_is_name_part (r->lex, nkg_tok (r->seg, m->first)->text)
          && !nkg_lexicon_place (r->lex, nkg_tok (r->seg, m->first)->text, NULL))
        known_first = TRUE;
      /* "at the Casa Rosada", "the Vaca Muerta field": people's names take
       * no article. */
      if (m->first > 0 && tk_is (r, m->first - 1, "the"))
        article = TRUE;
      Evidence e = context_evidence (r, m);
      if (e == EVIDENCE_PERSON)
        return e;
      best = MAX (best, e);
    }
  /* A known given name or surname first ("Anna Koper") is the weakest
   * sign: it yields to any sign of an organisation. */
  if (best <= EVIDENCE_WEAK_ORG && known_first && !article)
    return EVIDENCE_PERSON;
  if (best == EVIDENCE_WEAK_ORG)
    return EVIDENCE_ORG;
  return best;
}

/* The class a name of several words takes from its last word when that
 * is a common noun no person's name ends in: a group ("United Nations",
 * "Roman Catholic Church") names a body, a location ("Kiryu District") a
 * place (WordNet's most frequent sense, also of the singular). */
static NkgClass
common_head_class (Resolver *r, const char *name)
{
  (void) r;
  const char *sp = strrchr (name, ' ');
  if (!sp || !sp[1])
    return NKG_CLASS_NONE;
  g_autofree char *w = nkg_text_lower (sp + 1);
  gsize n = strlen (w);
  NkgNounClass k = NKG_NOUN_NONE;
  guint counts[4];
  if (!nkg_wordnet_word (w, counts, &k) || !counts[0])
    {
      k = NKG_NOUN_NONE;
      if (n > 3 && w[n - 1] == 's')
        {
          w[n - 1] = '\0';
          if (!nkg_wordnet_word (w, counts, &k) || !counts[0])
            k = NKG_NOUN_NONE;
        }
    }
  if (k == NKG_NOUN_GROUP)
    return NKG_CLASS_ORG;
  if (k == NKG_NOUN_LOCATION)
    return NKG_CLASS_PLACE;
  return NKG_CLASS_NONE;
}

/* Persons by shape alone become organisations when the text treats them
 * as one, and are dropped when it says nothing either way. */
static NkgMention *mention_at (Resolver *r, guint i);

/* Where a listed person's name ends when a place is attached to it
 * before token e (a list's comma or "and"): "A (Kenya) and", "A of Latvia
 * and" end where the bracket or "of" begins; else e. No earlier than lo. */
static guint
before_own_place (Resolver *r, guint e, guint lo)
{
  if (e >= lo + 4 && strcmp (tk (r, e - 1)->text, ")") == 0)
    {
      for (guint p = e - 2; p > lo && p + 6 > e; p--)
        if (strcmp (tk (r, p)->text, "(") == 0)
          return span_place (r, p + 1, e - 1, NULL) ? p : e;
      return e;
    }
  for (guint j = e - 1; j > lo && j + 5 > e; j--)
    if ((tk_is (r, j, "of") || tk_is (r, j, "from")) && span_place (r, j + 1, e, NULL))
      return j;
  return e;
}

/* Past a place attached after a listed name ending at token t: "(Kenya)"
 * or "of Latvia" (the token after it), or t; no later than hi. */
static guint
after_own_place (Resolver *r, guint t, guint hi)
{
  if (t + 3 < hi && strcmp (tk (r, t)->text, "(") == 0)
    {
      for (guint p = t + 2; p < hi && p < t + 6; p++)
        if (strcmp (tk (r, p)->text, ")") == 0)
          return span_place (r, t + 1, p, NULL) ? p + 1 : t;
      return t;
    }
  if (t + 2 < hi && (tk_is (r, t, "of") || tk_is (r, t, "from")))
    for (guint j = t + 2; j < hi && j < t + 6; j++)
      if ((tk_is (r, j, "and") || strcmp (tk (r, j)->text, ",") == 0) && span_place (r, t + 1, j, NULL))
        return j;
  return t;
}

/* The cluster of the person mention at the other side of a list's comma
 * or "and" next to mention m ("Tshering Dorji, Keo Sokha and Bui Lan"),
 * or -1; a place each has attached does not break the list ("A (Kenya)
 * and B (Ghana)", "A of Latvia and B of Estonia", "and Ghana's B"). */
static gint
listed_beside (Resolver *r, const NkgMention *m)
{
  const NkgSentence *s = sentence_of (r, m);
  guint b = m->first;
  /* "… and Ghana's B": the list goes on before the possessive */
  if (b > s->first + 3 && (tk (r, b - 1)->flags & NKG_TOK_POSS))
    for (guint j = b - 2; j > s->first + 1 && j + 4 > b; j--)
      if (span_place (r, j, b - 1, NULL))
        {
          b = j;
          break;
        }
  if (b > s->first + 1 && (tk_is (r, b - 1, "and") || strcmp (tk (r, b - 1)->text, ",") == 0))
    {
      const IdList *ending = mentions_ending_at (r, before_own_place (r, b - 1, s->first));
      for (guint k = 0; ending && k < ending->len; k++)
        {
          const NkgMention *o = g_ptr_array_index (r->mentions, ending->data[k]);
          if (o->klass == NKG_CLASS_PERSON && o->cluster >= 0 && o->cluster != m->cluster)
            return o->cluster;
        }
    }
  guint e = after_own_place (r, m->last, s->last);
  if (e + 1 < s->last && (tk_is (r, e, "and") || strcmp (tk (r, e)->text, ",") == 0))
    {
      const NkgMention *o = mention_at (r, e + 1);
      if (o && o->klass == NKG_CLASS_PERSON && o->cluster >= 0 && o->cluster != m->cluster)
        return o->cluster;
    }
  return -1;
}

/* "A, B and C were present": a person with no sign of its own, named by
 * two or more plain name words (no English words, heads or places) in a
 * list beside a person with one, is a person too. */
static gboolean
listed_with_person (Resolver *r, NkgCluster *c, const Evidence *evidence)
{
  for (guint k = 0; k < c->mentions->len; k++)
    {
      NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k));
      if (m->kind != NKG_MENTION_NAME || m->last < m->first + 2 || !plain_name_words (r, m->first, m->last))
        continue;
      gint o = listed_beside (r, m);
      if (o >= 0 && evidence[o] == EVIDENCE_PERSON)
        return TRUE;
    }
  return FALSE;
}

static void
confirm_people (Resolver *r)
{
  /* each person cluster's own evidence, before any is changed */
  g_autofree Evidence *evidence = g_new0 (Evidence, r->clusters->len);
  for (guint i = 0; i < r->clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass == NKG_CLASS_PERSON && c->name && *c->name)
        evidence[i] = cluster_evidence (r, c);
    }
  /* … and the people a list names beside them, in turn */
  for (gboolean more = TRUE; more;)
    {
      more = FALSE;
      for (guint i = 0; i < r->clusters->len; i++)
        {
          NkgCluster *c = g_ptr_array_index (r->clusters, i);
          if (c->klass == NKG_CLASS_PERSON && c->name && *c->name && evidence[i] == EVIDENCE_NONE
              && listed_with_person (r, c, evidence))
            {
              evidence[i] = EVIDENCE_PERSON;
              more = TRUE;
            }
        }
    }
  for (guint i = 0; i < r->clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, i);
      if (c->klass != NKG_CLASS_PERSON || !c->name || !*c->name)
        continue;
      Evidence e = evidence[i];
      if (g_getenv ("NKG_DEBUG_PEOPLE") && e != EVIDENCE_PERSON)
        g_printerr ("person? %s -> %s\n", c->name, e == EVIDENCE_ORG ? "org" : "none");
      if (e == EVIDENCE_PERSON)
        continue;
      NkgClass head = e == EVIDENCE_NONE ? common_head_class (r, c->name) : NKG_CLASS_NONE;
      if (head != NKG_CLASS_NONE)
        {
          c->klass = head;
          for (guint k = 0; k < c->mentions->len; k++)
            ((NkgMention *) g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k)))->klass = head;
          continue;
        }
      if (e == EVIDENCE_NONE)
        {
          /* No sign either way: better no entity than a wrong person. */
          c->name[0] = '\0';
          continue;
        }
      if (e == EVIDENCE_ORG)
        {
          c->klass = NKG_CLASS_ORG;
          for (guint k = 0; k < c->mentions->len; k++)
            ((NkgMention *) g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k)))->klass = NKG_CLASS_ORG;
        }
    }
}

/* Moves every mention of cluster `from` into cluster `to`; `from` is left
 * empty and so becomes no entity. */
static void
merge_cluster (Resolver *r, guint to, guint from)
{
  NkgCluster *f = g_ptr_array_index (r->clusters, from);
  for (guint k = 0; k < f->mentions->len; k++)
    {
      guint mi = g_array_index (f->mentions, guint, k);
      NkgMention *m = g_ptr_array_index (r->mentions, mi);
      m->klass = ((NkgCluster *) g_ptr_array_index (r->clusters, to))->klass;
      attach (r, mi, to);
    }
  g_array_set_size (f->mentions, 0);
  g_array_index (r->proper, gboolean, from) = FALSE;
  g_clear_pointer (&f->name, g_free);
}

/* The mention that starts at token i (not nested), or NULL. */
static NkgMention *
mention_at (Resolver *r, guint i)
{
  for (guint k = first_mention_from (r, i); k < r->mentions->len; k++)
    {
      NkgMention *m = g_ptr_array_index (r->mentions, k);
      if (m->first != i)
        break;
      if (!m->nested && (m->cluster >= 0 || m->klass == NKG_CLASS_NONE))
        return m;
    }
  return NULL;
}

/* A word no stage could place ("the Kremlevka"), named as another name
 * of cluster ci: it and its repetitions join that cluster. */
static void
adopt_unknown (Resolver *r, const NkgMention *b, guint ci)
{
  const IdList *same = key_index_lookup (&r->unknown_by_key, key_of (r, b->surface));
  for (guint x = 0; same && x < same->len; x++)
    {
      guint k = same->data[x];
      NkgMention *m = g_ptr_array_index (r->mentions, k);
      if (m->cluster >= 0 || m->klass != NKG_CLASS_NONE || m->kind != NKG_MENTION_NAME)
        continue;
      m->klass = ((NkgCluster *) g_ptr_array_index (r->clusters, ci))->klass;
      attach (r, k, ci);
    }
}

/* "The Department of Defense, known as the Pentagon", "the Defence
 * Department (Pentagon)": the text says the two names are one body or
 * place, so they become one entity. Without such a link they stay apart:
 * a short name is no evidence by itself. */
static void
link_known_as (Resolver *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      NkgMention *a = g_ptr_array_index (r->mentions, k);
      if (a->cluster < 0 || a->nested || a->klass == NKG_CLASS_PERSON || a->klass == NKG_CLASS_AGREEMENT)
        continue;
      guint i = a->last;
      gboolean bracket = tk (r, i) && strcmp (tk (r, i)->text, "(") == 0;
      if (bracket)
        i++;
      else
        {
          if (tk (r, i) && strcmp (tk (r, i)->text, ",") == 0)
            i++;
          while (tk_is (r, i, "also") || tk_is (r, i, "formerly") || tk_is (r, i, "commonly")
                 || tk_is (r, i, "better") || tk_is (r, i, "widely") || tk_is (r, i, "then") || tk_is (r, i, "now"))
            i++;
          if (!tk_is (r, i, "known") || !tk_is (r, i + 1, "as"))
            continue;
          i += 2;
          if (tk_is (r, i, "the"))
            i++;
        }
      NkgMention *b = mention_at (r, i);
      if (!b || b->cluster == a->cluster || b->sentence != a->sentence)
        continue;
      if (bracket && !(tk (r, b->last) && strcmp (tk (r, b->last)->text, ")") == 0))
        continue;
      /* "Beijing (Xinhua)" is a source, not a second name. */
      if (b->cluster < 0 && (!bracket || nkg_class_coarse (a->klass) == NKG_CLASS_ORG))
        adopt_unknown (r, b, a->cluster);
      else if (nkg_class_coarse (b->klass) == nkg_class_coarse (a->klass))
        merge_cluster (r, a->cluster, b->cluster);
    }
}

/* "Renamo, the Portuguese acronym for Mozambique National Resistance",
 * "Kadesh, an Arabic acronym for the Desert Liberation Movement": a name
 * the text calls the acronym of a body's name (patterns.txt acronymnoun)
 * is that body's other name, though its letters are another language's
 * initials, which the initials test cannot see. */
static void
link_acronym_for (Resolver *r)
{
  for (guint k = 0; k < r->mentions->len; k++)
    {
      const NkgMention *b = g_ptr_array_index (r->mentions, k);
      guint i = b->last;
      /* the cheap test first: a comma and an article right after the name */
      const NkgToken *comma = tk (r, i);
      if (!comma || strcmp (comma->text, ",") != 0 || b->nested || b->kind != NKG_MENTION_NAME
          || !(tk_is (r, i + 1, "the") || tk_is (r, i + 1, "an") || tk_is (r, i + 1, "a")))
        continue;
      i += 2;
      /* "the Portuguese acronym": one capitalised word of language */
      if (tk (r, i) && (tk (r, i)->flags & NKG_TOK_CAP) && !listed ("acronymnoun", tk (r, i)->lower))
        i++;
      if (!tk (r, i) || !listed ("acronymnoun", tk (r, i)->lower) || !(tk_is (r, i + 1, "for") || tk_is (r, i + 1, "of")))
        continue;
      i += 2;
      if (tk_is (r, i, "the"))
        i++;
      const NkgMention *a = mention_at (r, i);
      if (!a || a == b || a->cluster < 0 || a->sentence != b->sentence || nkg_class_coarse (a->klass) != NKG_CLASS_ORG)
        continue;
      if (b->cluster < 0)
        adopt_unknown (r, b, a->cluster);
      else if (b->cluster != a->cluster && nkg_class_coarse (b->klass) == NKG_CLASS_ORG)
        merge_cluster (r, a->cluster, b->cluster);
    }
}

/* Whether "[the] Government of" (patterns.txt betweenbody) starts at i. */
static gboolean
gov_of_at (Resolver *r, guint i)
{
  if (tk_is (r, i, "the"))
    i++;
  return tk (r, i) && listed ("betweenbody", tk (r, i)->lower) && tk_is (r, i + 1, "of");
}

static gboolean
only_in_agreement_titles (Resolver *r, const NkgCluster *c)
{
  for (guint k = 0; k < c->mentions->len; k++)
    {
      const NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k));
      const NkgToken *head = tk (r, m->first);
      /* the cheap test first: "Government of …" */
      if (m->kind != NKG_MENTION_NAME || !head || !listed ("betweenbody", head->lower) || !tk_is (r, m->first + 1, "of"))
        return FALSE;
      /* back over "the", "and" and the other side's capitalised name to "between" */
      guint i = m->first, steps = 0;
      while (i > 0 && steps++ < 24 && !tk_is (r, i - 1, "between")
             && (tk_is (r, i - 1, "the") || tk_is (r, i - 1, "and") || tk_is (r, i - 1, "of") || tk_is (r, i - 1, "'s")
                 || (tk (r, i - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))))
        i--;
      if (i == 0 || !tk_is (r, i - 1, "between"))
        return FALSE;
      guint between = i - 1;
      /* both sides such bodies: "between the Government of A and the
       * Government of B", not "between the Government of A and the X Front" */
      guint j = between + 1, n = 0;
      if (!gov_of_at (r, j))
        return FALSE;
      while (tk (r, j) && n++ < 24 && !tk_is (r, j, "and"))
        j++;
      if (!tk_is (r, j, "and") || !gov_of_at (r, j + 1))
        return FALSE;
      gboolean titled = FALSE;
      for (guint a = first_mention_from (r, between > 40 ? between - 40 : 0); !titled && a < r->mentions->len; a++)
        {
          const NkgMention *t = g_ptr_array_index (r->mentions, a);
          if (t->first >= between)
            break;
          titled = t->klass == NKG_CLASS_AGREEMENT && t->sentence == m->sentence && t->last >= between;
        }
      if (!titled)
        return FALSE;
    }
  return c->mentions->len > 0;
}

/* Each government that only_in_agreement_titles finds becomes the
 * country named inside it ("the Government of the Republic of Peru" →
 * Peru), when the text placed that country, and the other side of the
 * title's "between" is such a government too: "the peace accord between
 * the Government of Chile and the Andean Liberation Front" is signed by
 * the government. */
static void
fold_title_governments (Resolver *r)
{
  for (guint ci = 0; ci < r->clusters->len; ci++)
    {
      NkgCluster *c = g_ptr_array_index (r->clusters, ci);
      if (c->klass != NKG_CLASS_GOV_ORG || !c->mentions->len || !only_in_agreement_titles (r, c))
        continue;
      const NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, 0));
      gint country = -1;
      for (guint k = first_mention_from (r, m->first + 2); country < 0 && k < r->mentions->len; k++)
        {
          const NkgMention *p = g_ptr_array_index (r->mentions, k);
          if (p->first >= m->last)
            break;
          if (p->klass == NKG_CLASS_COUNTRY && p->cluster >= 0 && p->last <= m->last && (guint) p->cluster != ci)
            country = p->cluster;
        }
      if (country < 0)
        continue;
      /* as merge_cluster, but the government's words are no name of the
       * country: its mentions join the country's cluster without their
       * surfaces */
      NkgCluster *to = g_ptr_array_index (r->clusters, country);
      for (guint k = 0; k < c->mentions->len; k++)
        {
          guint mi = g_array_index (c->mentions, guint, k);
          NkgMention *gm = g_ptr_array_index (r->mentions, mi);
          gm->klass = to->klass;
          gm->cluster = country;
          g_array_append_val (to->mentions, mi);
        }
      g_array_set_size (c->mentions, 0);
      g_array_index (r->proper, gboolean, ci) = FALSE;
      g_clear_pointer (&c->name, g_free);
    }
}

/* Whether the lower-case `name` holds `part` as whole words. */
static gboolean
holds_words (const char *name, const char *part)
{
  gsize n = strlen (part);
  for (const char *at = strstr (name, part); n && at; at = strstr (at + 1, part))
    if ((at == name || at[-1] == ' ') && (at[n] == '\0' || at[n] == ' '))
      return TRUE;
  return FALSE;
}

/* A short form of two words, a body's or a place's name and a lower-case
 * event head (patterns.txt eventshort): "SCO summit", "Vientiane summit".
 * Its name word (the same in every mention) goes to `*word`, its head to
 * `*head`; FALSE when some mention of cluster `c` is not such a form. */
static gboolean
event_short_form (Resolver *r, const NkgCluster *c, const NkgToken **word, const NkgToken **head)
{
  *word = *head = NULL;
  for (guint k = 0; k < c->mentions->len; k++)
    {
      const NkgMention *m = g_ptr_array_index (r->mentions, g_array_index (c->mentions, guint, k));
      const NkgToken *w = tk (r, m->first), *h = tk (r, m->first + 1);
      if (m->last != m->first + 2 || !w || !h || !g_ascii_isupper (w->text[0]) || !g_ascii_islower (h->text[0])
          || !listed ("eventshort", h->text)
          || (*word && strcmp ((*word)->lower, w->lower) != 0))
        return FALSE;
      *word = w;
      *head = h;
    }
  return *word != NULL;
}

/* "Jaishankar represents India at SCO summit" (a headline) and "the
 * Meeting of the Council of Heads of State of the Shanghai Cooperation
 * Organisation (SCO)"; "ASEAN leaders meet at Vientiane summit" and "the
 * 44th ASEAN Summit" in Vientiane: a short form of an event (event_short_form)
 * is the one longer-named event of the article that names its body (by any
 * of the body's names), or, for a place, the one whose head word is the
 * same ("summit", "Summits"). With two such events it stays apart. */
static void
join_event_short_forms (Resolver *r)
{
  for (guint s = 0; s < r->clusters->len; s++)
    {
      NkgCluster *sc = g_ptr_array_index (r->clusters, s);
      const NkgToken *word, *head;
      if (sc->klass != NKG_CLASS_EVENT || !event_short_form (r, sc, &word, &head))
        continue;
      /* what the name word names: a body (all its names) or a place */
      g_autoptr (GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
      gboolean place = FALSE;
      const IdList *same = key_index_lookup (&r->by_key, key_of (r, word->text));
      for (guint k = 0; same && k < same->len; k++)
        {
          NkgCluster *x = g_ptr_array_index (r->clusters, same->data[k]);
          if (nkg_class_coarse (x->klass) == NKG_CLASS_PLACE)
            place = TRUE;
          /* an event's own acronym: "the Meeting of … Organisation (ACO)" */
          else if (nkg_class_coarse (x->klass) == NKG_CLASS_ORG || (x->klass == NKG_CLASS_EVENT && x != sc))
            for (guint f = 0; f < x->surfaces->len; f++)
              g_ptr_array_add (body, nkg_text_lower (g_ptr_array_index (x->surfaces, f)));
        }
      if (!place && body->len == 0)
        continue;
      /* "the ASEAN summit" and "the 44th ASEAN Summit" */
      if (!place)
        g_ptr_array_add (body, g_strdup (word->lower));
      g_autofree char *want = g_strdup (head->lower);
      gsize wl = strlen (want);
      if (wl > 1 && want[wl - 1] == 's')
        want[wl - 1] = '\0';
      gint by_body = -1, by_head = -1;
      guint n_body = 0, n_head = 0;
      for (guint t = 0; t < r->clusters->len; t++)
        {
          NkgCluster *tc = g_ptr_array_index (r->clusters, t);
          const NkgToken *w2, *h2;
          if (t == s || tc->klass != NKG_CLASS_EVENT || tc->mentions->len == 0 || event_short_form (r, tc, &w2, &h2))
            continue;
          gboolean names_body = FALSE;
          const char *longest = "";
          for (guint f = 0; f < tc->surfaces->len; f++)
            {
              const char *form = g_ptr_array_index (tc->surfaces, f);
              g_autofree char *low = nkg_text_lower (form);
              for (guint b = 0; b < body->len && !names_body; b++)
                names_body = holds_words (low, g_ptr_array_index (body, b));
              if (strlen (form) > strlen (longest))
                longest = form;
            }
          /* the head of its fullest name: "Summit", "Summits" */
          const char *space = strrchr (longest, ' ');
          gboolean same_head = space && g_ascii_strncasecmp (space + 1, want, strlen (want)) == 0
                               && strlen (space + 1) <= strlen (want) + 1;
          if (names_body)
            by_body = (gint) t, n_body++;
          if (place && same_head)
            by_head = (gint) t, n_head++;
        }
      if (n_body == 1)
        merge_cluster (r, (guint) by_body, s);
      else if (n_body == 0 && n_head == 1)
        merge_cluster (r, (guint) by_head, s);
    }
}

static void
index_mentions (Resolver *r)
{
  guint s = 0;
  for (guint i = 0; i < r->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (r->mentions, i);
      while (s <= m->sentence)
        {
          g_array_append_val (r->sent_first, i);
          s++;
        }
      if (m->kind == NKG_MENTION_NAME)
        key_index_add (r, &r->unknown_by_key, key_of (r, m->surface), i);
      /* "Brazil’s National Oil Company" for "BNOC" (resolve_free_acronym) */
      if (m->first >= 2 && (nkg_tok (r->seg, m->first - 1)->flags & NKG_TOK_POSS))
        {
          g_autofree char *form = g_strconcat (nkg_tok (r->seg, m->first - 2)->text, " ", m->surface, NULL);
          char *forms[3] = { initials_of (form), NULL, NULL };
          const char *space = strrchr (form, ' ');
          g_autofree char *head_first = g_strdup_printf ("%s %.*s", space + 1, (int) (space - form), form);
          g_autofree char *with_affairs = g_strconcat (head_first, " Affairs", NULL);
          forms[1] = initials_of (head_first);
          forms[2] = initials_of (with_affairs);
          for (guint f = 0; f < 3; f++)
            {
              if (strlen (forms[f]) >= 2)
                index_add (r, r->owner_initials, forms[f], i);
              g_free (forms[f]);
            }
        }
    }
  /* One past the last sentence with a mention, for every sentence. */
  while (s <= r->seg->sentences->len)
    {
      guint end = r->mentions->len;
      g_array_append_val (r->sent_first, end);
      s++;
    }
}

static void
resolver_clear (Resolver *r)
{
  key_index_clear (&r->by_key);
  key_index_clear (&r->by_word);
  g_hash_table_unref (r->by_initials);
  g_hash_table_unref (r->handles);
  g_ptr_array_unref (r->seen);
  g_array_unref (r->agreements);
  g_hash_table_unref (r->entries);
  g_array_unref (r->proper);
  g_array_unref (r->kinds);
  g_clear_pointer (&r->by_last, g_hash_table_unref);
  key_index_clear (&r->unknown_by_key);
  g_hash_table_unref (r->owner_initials);
  if (r->patronym_initials)
    g_hash_table_unref (r->patronym_initials);
  g_array_unref (r->sent_first);
  actors_clear (&r->actors);
  /* Last: the sets above point into these memos, their lists into the blocks. */
  g_free (r->surfaces.slots);
  g_free (r->interned.slots);
  nkg_arena_free (r->memo);
  g_ptr_array_unref (r->id_slabs);
}

GPtrArray *
nkg_coref_resolve (const NkgLexicon *lexicon, const NkgSegments *seg, GPtrArray *mentions,
                   GPtrArray *warnings)
{
  Resolver r = { 0 };
  r.lex = lexicon;
  r.seg = seg;
  r.mentions = mentions;
  r.clusters = g_ptr_array_new_with_free_func (cluster_free);
  /* memos, keys and words live in the arena (surface_memo, intern):
   * 130,000 memos per 2,304 real articles, no malloc each */
  r.memo = nkg_arena_new ();
  str_table_init (&r.surfaces, mentions->len);
  str_table_init (&r.interned, mentions->len);
  /* by the numbers of interned keys and words (key_index_add) */
  key_index_init (&r.by_key, mentions->len / 2);
  key_index_init (&r.by_word, mentions->len);
  r.by_initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, id_list_free);
  r.handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.seen = g_ptr_array_new_with_free_func (seen_free);
  r.proper = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.kinds = g_array_new (FALSE, FALSE, sizeof (guint));
  r.salient = -1;
  r.agreements = g_array_new (FALSE, FALSE, sizeof (guint));
  r.entries = g_hash_table_new_full (NULL, NULL, NULL, agreement_entry_free);
  r.salient_n = 0;
  r.actors_sentence = -1;
  r.by_last = NULL; /* mentions_ending_at */
  key_index_init (&r.unknown_by_key, mentions->len / 2);
  r.owner_initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, id_list_free);
  r.sent_first = g_array_new (FALSE, FALSE, sizeof (guint));
  r.id_slabs = g_ptr_array_new_with_free_func (g_free);
  index_mentions (&r);
  retype_legal_stems (&r);
  /* Names first, so a later "Mehra" finds "Arjun Mehra"; people before
   * places, so "Jackson" after "Ketanji Brown Jackson" is her, not the city. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < mentions->len; i++)
      {
        NkgMention *m = g_ptr_array_index (mentions, i);
        if (m->kind == NKG_MENTION_HANDLE || m->kind == NKG_MENTION_DESCRIPTION || m->klass == NKG_CLASS_NONE
            || (m->kind == NKG_MENTION_ACRONYM && m->alias_of < 0) || m->nested)
          continue;
        if (pass == 0 && m->klass == NKG_CLASS_PERSON)
          resolve_person (&r, i);
        else if (pass == 1 && m->klass != NKG_CLASS_AGREEMENT && m->klass != NKG_CLASS_PERSON)
          {
            if (m->canonical && nkg_class_coarse (m->klass) == NKG_CLASS_PLACE && !strchr (m->surface, ' ')
                && surname_of_person (&r, i))
              continue;
            resolve_named (&r, i);
          }
      }
  for (guint i = 0; i < mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (mentions, i);
      if (m->klass == NKG_CLASS_AGREEMENT && !m->generic && m->kind != NKG_MENTION_HANDLE)
        resolve_agreement (&r, i);
    }
  for (guint i = 0; i < mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (mentions, i);
      if (m->kind == NKG_MENTION_ACRONYM && m->alias_of < 0 && m->klass != NKG_CLASS_AGREEMENT)
        resolve_free_acronym (&r, i);
      else if (m->kind == NKG_MENTION_HANDLE)
        resolve_handle (&r, i);
      else if (m->klass == NKG_CLASS_NONE)
        resolve_unknown (&r, i);
    }
  /* Handles used before their owner's signature ("met with @rajnathsingh"). */
  for (guint i = 0; i < mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (mentions, i);
      if (m->kind == NKG_MENTION_HANDLE && m->cluster < 0)
        resolve_handle (&r, i);
    }
  /* A place inside a longer name ("Lagos Police") counts only for a
   * place the text also names by itself. */
  for (guint i = 0; i < mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (mentions, i);
      if (!m->nested)
        continue;
      gint ci = find_cluster (&r, m->klass, m->canonical ? m->canonical : m->surface);
      if (ci >= 0)
        attach (&r, i, ci);
      else if (m->klass == NKG_CLASS_COUNTRY)
        resolve_named (&r, i); /* "United States Defence Department" names the country too */
    }
  for (guint i = 0; i < r.clusters->len; i++)
    {
      NkgCluster *c = g_ptr_array_index (r.clusters, i);
      if (c->klass == NKG_CLASS_AGREEMENT && c->handle)
        g_clear_pointer (&c->handle, g_free);
      if (c->klass == NKG_CLASS_AGREEMENT
          && (g_array_index (r.kinds, guint, i)
              & (kind_bit ("communique", FALSE) | kind_bit ("declaration", FALSE))))
        c->reported = TRUE;
    }
  link_known_as (&r);
  link_acronym_for (&r);
  fold_title_governments (&r);
  join_event_short_forms (&r);
  choose_names (&r);
  name_apart_agreements (&r);
  drop_joined_pairs (&r);
  confirm_people (&r);
  if (r.capped && warnings)
    g_ptr_array_add (warnings, g_strdup_printf ("coref: a name word is shared by more than %d entities; "
                                                "only the latest %d were compared",
                                                NKG_COREF_MAX_CANDIDATES, NKG_COREF_MAX_CANDIDATES));
  resolver_clear (&r);
  return r.clusters;
}
