/* test-input.c — the input layer, in process: every format's sample
 * (tests/data/inputs, our own invented article) gives the article's text
 * with its metadata and none of the page furniture, and the same entities
 * and facts as the article read as plain text; duplicates, languages,
 * encodings, sniffing and folder walking follow their rules. */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/extract.h"
#include "input/decode.h"
#include "input/digest.h"
#include "input/html.h"
#include "input/input.h"
#include "input/lang.h"
#include "input/meta.h"
#include "input/reader.h"
#include "input/source.h"

static char *inputs; /* tests/data/inputs */

#define HEADLINE "Norway and Chile sign fisheries accord in Oslo"
#define URL "https://courier.example/world/2025/03/04/norway-chile-fisheries-accord"

/* Words of the samples' furniture (menus, scripts, comments, related
 * stories, captions, HTTP and WARC headers, JSON keys, feed channel
 * text): none may reach an article's text. */
static const char *const furniture[] = {
  "Bartholomew Quill", "Ingrid Solvang", "Gunnar Halvorsen", "Harald Fjell", "Einar Lunde",
  "Sunniva Brekke",    "Harbour Courier", "Subscribe",        "Advertisement", "Related stories",
  "cookies",           "Share on",        "Most read",        "Sign up",       "Business & Economy",
  "All rights",        "Tomasz Rell",     "Photo:",           "Comments",      "dataLayer",
  "Content-Type",      "HTTP/1.1",        "WARC",             "text/html",     "maintext",
  "date_publish",      "source_domain",   "appeared first",   "{",             "<",
};

typedef struct {
  GPtrArray *articles; /* NkgArticle* */
  GPtrArray *events;   /* char*: "KIND where: message" */
} Read;

static gboolean
keep_article (NkgArticle *a, gpointer data)
{
  g_ptr_array_add (((Read *) data)->articles, a);
  return TRUE;
}

static const char *const kinds[] = { "READ", "DUPLICATE", "LANGUAGE", "NOTE", "SKIP", "WARNING", "ERROR" };

static void
keep_event (const NkgInputEvent *ev, gpointer data)
{
  if (ev->kind == NKG_INPUT_EVENT_READ)
    return;
  g_ptr_array_add (((Read *) data)->events,
                   g_strdup_printf ("%s %s: %s", kinds[ev->kind], ev->where, ev->message));
}

static void
read_clear (Read *r)
{
  g_ptr_array_unref (r->articles);
  g_ptr_array_unref (r->events);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Read, read_clear)

/* Reads the named inputs (relative to the samples folder unless absolute)
 * in one run; `opts` are key=value options ("lang=any", "json-text=x"). */
static Read
read_inputs (const char *const *names, const char *const *opts)
{
  Read r = { g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_article_free),
             g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (NkgInput) in = nkg_input_new ();
  nkg_input_set_report (in, keep_event, &r);
  for (guint i = 0; opts && opts[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (opts[i], "=", 2);
      if (strcmp (kv[0], "lang") == 0)
        g_assert_true (nkg_input_set_languages (in, kv[1], NULL));
      else if (strcmp (kv[0], "reader") == 0)
        g_assert_true (nkg_input_set_reader (in, kv[1], NULL));
      else
        nkg_input_set_option (in, kv[0], kv[1]);
    }
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_path_is_absolute (names[i]) || strcmp (names[i], "-") == 0
                                  ? g_strdup (names[i])
                                  : g_build_filename (inputs, names[i], NULL);
      g_autoptr (GError) error = NULL;
      g_assert_true (nkg_input_add (in, path, &error));
      g_assert_no_error (error);
    }
  g_assert_true (nkg_input_run (in, keep_article, &r, NULL));
  return r;
}

static Read
read_one (const char *name)
{
  const char *names[] = { name, NULL };
  return read_inputs (names, NULL);
}

static gboolean
has_event (const Read *r, const char *prefix, const char *needle)
{
  for (guint i = 0; i < r->events->len; i++)
    {
      const char *e = g_ptr_array_index (r->events, i);
      if (g_str_has_prefix (e, prefix) && (!needle || strstr (e, needle)))
        return TRUE;
    }
  return FALSE;
}

static NkgArticle *
plain_article (void)
{
  g_autofree char *path = g_build_filename (inputs, "article.txt", NULL);
  g_autofree char *bytes = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  NkgArticle *a = nkg_article_new_from_text ("article.txt", bytes, len, NULL);
  g_assert_nonnull (a);
  return a;
}

static const NkgLexicon *
lexicon (void)
{
  static NkgLexicon *lex;
  if (!lex)
    {
      g_autoptr (GError) error = NULL;
      lex = nkg_lexicon_new (&error);
      g_assert_no_error (error);
    }
  return lex;
}

/* Entities, facts and quotes of one document as sorted lines, comparable
 * across documents whatever their order of discovery. */
static char *
facts_summary (const NkgDocFacts *f)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < f->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      g_ptr_array_add (lines, g_strdup_printf ("entity %s %s", nkg_class_info (e->klass)->key, e->name));
    }
  for (guint i = 0; i < f->facts->len; i++)
    {
      NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      NkgLocalEntity *s = g_ptr_array_index (f->entities, x->subject);
      const char *o = x->object >= 0 ? ((NkgLocalEntity *) g_ptr_array_index (f->entities, x->object))->name
                                     : x->literal;
      g_ptr_array_add (lines, g_strdup_printf ("fact %s %s %s", s->name, nkg_prop_info (x->prop)->key, o));
    }
  for (guint i = 0; i < f->quotes->len; i++)
    {
      NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      NkgLocalEntity *s = g_ptr_array_index (f->entities, q->speaker);
      g_ptr_array_add (lines, g_strdup_printf ("quote %s: %s", s->name, q->text));
    }
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

static int
line_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
sorted_summary (const NkgDocFacts *f)
{
  g_autofree char *s = facts_summary (f);
  g_auto (GStrv) lines = g_strsplit (s, "\n", -1);
  g_autoptr (GPtrArray) arr = g_ptr_array_new ();
  for (guint i = 0; lines[i]; i++)
    if (*lines[i])
      g_ptr_array_add (arr, lines[i]);
  g_ptr_array_sort (arr, line_cmp);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < arr->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (arr, i));
  return g_string_free (out, FALSE);
}

/* The article as the format gave it must extract to what the plain text
 * gives, with the same article date (relative dates need it), and
 * nothing of the furniture may be in its text, entities or evidence. */
static void
check_same_as_plain (const NkgArticle *a)
{
  g_autoptr (NkgArticle) plain = plain_article ();
  g_assert_cmpstr (a->content_key, ==, plain->content_key);
  for (gsize i = 0; i < G_N_ELEMENTS (furniture); i++)
    if (strstr (a->text, furniture[i]))
      g_error ("furniture '%s' in the text of %s:\n%s", furniture[i], a->source, a->text);
  g_free (plain->date);
  plain->date = g_strdup (a->date);
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgDocFacts) want = nkg_extract_article (lexicon (), plain, &error);
  g_assert_no_error (error);
  g_autoptr (NkgDocFacts) got = nkg_extract_article (lexicon (), a, &error);
  g_assert_no_error (error);
  g_autofree char *w = sorted_summary (want), *g = sorted_summary (got);
  g_assert_cmpstr (g, ==, w);
  g_assert_cmpuint (got->facts->len, >=, 10);
  for (guint i = 0; i < got->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (got->entities, i);
      for (gsize k = 0; k < G_N_ELEMENTS (furniture); k++)
        g_assert_null (strstr (e->name, furniture[k]));
    }
  for (guint i = 0; i < got->evidence->len; i++)
    {
      NkgLocalEvidence *ev = g_ptr_array_index (got->evidence, i);
      for (gsize k = 0; k < G_N_ELEMENTS (furniture); k++)
        g_assert_null (strstr (ev->text, furniture[k]));
    }
  g_assert_cmpstr (got->content_key, ==, a->content_key);
}

static NkgArticle *
find (const Read *r, const char *source)
{
  for (guint i = 0; i < r->articles->len; i++)
    {
      NkgArticle *a = g_ptr_array_index (r->articles, i);
      if (strcmp (a->source, source) == 0)
        return a;
    }
  g_error ("no article %s", source);
  return NULL;
}

static void
test_html (void)
{
  g_auto (Read) r = read_one ("article.html");
  g_assert_cmpuint (r.articles->len, ==, 1);
  NkgArticle *a = find (&r, "article.html");
  g_assert_cmpstr (a->format, ==, "html");
  /* JSON-LD's headline, not og:title nor <title> with the site name. */
  g_assert_cmpstr (a->title, ==, HEADLINE);
  g_assert_cmpstr (a->date, ==, "2025-03-04");
  g_assert_cmpstr (a->url, ==, URL);
  g_assert_cmpstr (a->author, ==, "Tomasz Rell");
  g_assert_cmpstr (a->language, ==, "en");
  g_assert_cmpstr (a->encoding, ==, "UTF-8");
  /* Entities decoded, paragraphs kept. */
  g_assert_nonnull (strstr (a->text, "Pe\xc3\xb1" "aloza"));
  g_assert_nonnull (strstr (a->text, "Troms\xc3\xb8.\n\n\"This accord"));
  g_assert_true (g_str_has_prefix (a->text, HEADLINE "\n\nNorwegian Foreign Minister Aldric Venn"));
  check_same_as_plain (a);
}

static void
test_feeds (void)
{
  const char *names[] = { "feed.rss", "feed.atom", NULL };
  for (guint i = 0; names[i]; i++)
    {
      g_auto (Read) r = read_one (names[i]);
      g_assert_cmpuint (r.articles->len, ==, 2);
      g_autofree char *first = g_strdup_printf ("%s#item-1", names[i]);
      NkgArticle *a = find (&r, first);
      g_assert_cmpstr (a->format, ==, i == 0 ? "rss" : "atom");
      g_assert_cmpstr (a->title, ==, HEADLINE);
      g_assert_cmpstr (a->date, ==, "2025-03-04");
      g_assert_cmpstr (a->url, ==, URL);
      g_assert_cmpstr (a->author, ==, "Tomasz Rell");
      check_same_as_plain (a);
      g_autofree char *second = g_strdup_printf ("%s#item-2", names[i]);
      NkgArticle *b = find (&r, second);
      g_assert_cmpstr (b->date, ==, "2025-03-05");
      /* Escaped HTML (RSS) and inline XHTML (Atom) come out as paragraphs. */
      g_assert_nonnull (strstr (b->text, "\n\n"));
      g_assert_null (strchr (b->text, '<'));
    }
}

static void
test_json (void)
{
  g_auto (Read) r = read_one ("article.jsonl");
  NkgArticle *a = find (&r, "article.jsonl#line-1");
  g_assert_cmpstr (a->format, ==, "json");
  g_assert_cmpstr (a->title, ==, HEADLINE);
  g_assert_cmpstr (a->date, ==, "2025-03-04");
  g_assert_cmpstr (a->url, ==, URL);
  g_assert_cmpstr (a->author, ==, "Tomasz Rell");
  check_same_as_plain (a);
  /* Other field names, HTML in the body, a date in seconds since 1970. */
  NkgArticle *b = find (&r, "article.jsonl#line-2");
  g_assert_cmpstr (b->title, ==, "Iceland names new envoy to Canada");
  g_assert_cmpstr (b->date, ==, "2025-03-05");
  g_assert_cmpstr (b->url, ==, "https://courier.example/world/2025/03/05/iceland-envoy");
  g_assert_null (strchr (b->text, '<'));
  /* French is skipped for its language, a record without text is named. */
  g_assert_cmpuint (r.articles->len, ==, 2);
  g_assert_true (has_event (&r, "LANGUAGE article.jsonl#line-3", "'fr'"));
  g_assert_true (has_event (&r, "WARNING article.jsonl#line-4", "--json-text"));

  /* A news API's wrapper object: records under "articles". */
  g_auto (Read) api = read_one ("api.json");
  g_assert_cmpuint (api.articles->len, ==, 1);
  NkgArticle *c = find (&api, "api.json#1");
  g_assert_cmpstr (c->date, ==, "2025-03-04");
  g_assert_cmpstr (c->author, ==, "Tomasz Rell");
  check_same_as_plain (c);

  /* --json-text names the field: the summary becomes the text. */
  const char *names[] = { "article.jsonl", NULL };
  const char *opts[] = { "json-text=summary_only", "lang=any", NULL };
  g_auto (Read) named = read_inputs (names, opts);
  g_assert_cmpuint (named.articles->len, ==, 1);
  g_assert_cmpstr (((NkgArticle *) g_ptr_array_index (named.articles, 0))->source, ==,
                   "article.jsonl#line-4");
}

static void
test_warc (void)
{
  g_auto (Read) r = read_one ("article.warc.gz");
  g_assert_cmpuint (r.articles->len, ==, 1);
  NkgArticle *a = find (&r, "article.warc.gz#record-3");
  /* Known by its archive (nkg:format), read as the page it is. */
  g_assert_cmpstr (a->format, ==, "warc");
  /* The HTTP header's charset, not the default. */
  g_assert_cmpstr (a->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (a->url, ==, URL);
  g_assert_cmpstr (a->title, ==, HEADLINE);
  g_assert_cmpstr (a->date, ==, "2025-03-04");
  check_same_as_plain (a);
  /* The image and the redirect are noted, the request and metadata not. */
  g_assert_true (has_event (&r, "NOTE article.warc.gz#record-5", "image/png"));
  g_assert_true (has_event (&r, "NOTE article.warc.gz#record-6", "301"));
  g_assert_false (has_event (&r, "NOTE article.warc.gz#record-2", NULL));
  g_assert_false (has_event (&r, "ERROR", NULL));
  g_assert_false (has_event (&r, "WARNING", NULL));
}

static void
test_compressed_and_archives (void)
{
  g_auto (Read) gz = read_one ("article.txt.gz");
  g_assert_cmpuint (gz.articles->len, ==, 1);
  check_same_as_plain (find (&gz, "article.txt.gz"));

  const char *names[] = { "articles.tar.gz", "articles.zip", NULL };
  for (guint i = 0; names[i]; i++)
    {
      g_auto (Read) r = read_one (names[i]);
      /* The page and the second article; no hidden draft, no README. */
      g_assert_cmpuint (r.articles->len, ==, 2);
      g_autofree char *page = g_strdup_printf ("%s#news/article.html", names[i]);
      NkgArticle *a = find (&r, page);
      g_assert_cmpstr (a->title, ==, HEADLINE);
      check_same_as_plain (a);
      g_autofree char *other = g_strdup_printf ("%s#news/iceland.txt", names[i]);
      find (&r, other);
      g_autofree char *readme = g_strdup_printf ("SKIP %s#news/README.md", names[i]);
      g_assert_true (has_event (&r, readme, NULL));
      for (guint k = 0; k < r.articles->len; k++)
        g_assert_null (strstr (((NkgArticle *) g_ptr_array_index (r.articles, k))->text, "Draft"));
    }
}

/* Writes `text` as the one member `member` of a new file `path` in
 * libarchive's `format` ("7zip", "cpio", "raw") through `filter` (NULL,
 * "bzip2", "xz", "zstd"); FALSE when this libarchive cannot write it. */
static gboolean
write_archive (const char *path, const char *format, const char *filter, const char *member,
               const char *text)
{
  struct archive *w = archive_write_new ();
  if (archive_write_set_format_by_name (w, format) != ARCHIVE_OK
      || (filter && archive_write_add_filter_by_name (w, filter) != ARCHIVE_OK))
    {
      archive_write_free (w);
      return FALSE;
    }
  g_assert_cmpint (archive_write_open_filename (w, path), ==, ARCHIVE_OK);
  struct archive_entry *e = archive_entry_new ();
  archive_entry_set_pathname (e, member);
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, (la_int64_t) strlen (text));
  g_assert_cmpint (archive_write_header (w, e), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (w, text, strlen (text)), ==, (la_ssize_t) strlen (text));
  archive_entry_free (e);
  g_assert_cmpint (archive_write_close (w), ==, ARCHIVE_OK);
  archive_write_free (w);
  return TRUE;
}

/* What the README and the man page promise beyond the samples: 7z and
 * cpio archives, bzip2, xz, zstd, lz4 and lzip files, each read to the plain article, named as
 * D4 says, whatever the file is called. */
static void
test_other_archives (void)
{
  g_autoptr (NkgArticle) plain = plain_article ();
  g_autofree char *dir = g_dir_make_tmp ("nkg-archives-XXXXXX", NULL);
  const struct {
    const char *file, *format, *filter, *source;
  } cases[] = {
    { "a.7z", "7zip", NULL, "a.7z#news/article.txt" },
    { "a.cpio", "cpio", NULL, "a.cpio#news/article.txt" },
    { "a.txt.bz2", "raw", "bzip2", "a.txt.bz2" },
    { "a.txt.xz", "raw", "xz", "a.txt.xz" },
    { "a.txt.zst", "raw", "zstd", "a.txt.zst" },
    { "a.txt.lz4", "raw", "lz4", "a.txt.lz4" },
    { "a.txt.lz", "raw", "lzip", "a.txt.lz" },
    { "noname", "7zip", NULL, "noname#news/article.txt" },
  };
  guint tried = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].file, NULL);
      if (!write_archive (path, cases[i].format, cases[i].filter, "news/article.txt", plain->text))
        {
          g_test_message ("libarchive cannot write %s/%s here", cases[i].format,
                          cases[i].filter ? cases[i].filter : "-");
          continue;
        }
      tried++;
      g_auto (Read) r = read_one (path);
      g_assert_cmpuint (r.articles->len, ==, 1);
      NkgArticle *a = find (&r, cases[i].source);
      g_assert_cmpstr (a->content_key, ==, plain->content_key);
      g_assert_cmpstr (a->format, ==, "text");
      g_unlink (path);
    }
  g_assert_cmpuint (tried, >=, 6);
  g_rmdir (dir);
}

static void
test_encodings (void)
{
  struct {
    const char *name, *encoding;
  } cases[] = { { "article-latin1.txt", "WINDOWS-1252" },
                { "article-utf16.txt", "UTF-16LE" },
                { "article-utf16be.txt", "UTF-16BE" } };
  g_autoptr (NkgArticle) plain = plain_article ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Read) r = read_one (cases[i].name);
      g_assert_cmpuint (r.articles->len, ==, 1);
      NkgArticle *a = g_ptr_array_index (r.articles, 0);
      g_assert_cmpstr (a->encoding, ==, cases[i].encoding);
      /* The very same text, so the same document (sha256). */
      g_assert_cmpstr (a->text, ==, plain->text);
      check_same_as_plain (a);
    }
}

/* The same article as .txt, .html, in .jsonl, in .warc.gz, from a
 * gzip'd file and in feeds: one article, the others duplicates. */
static void
test_duplicates (void)
{
  const char *names[] = { "article.warc.gz", "article.jsonl", "article.html", "article.txt",
                          "article.txt.gz", "feed.atom", "feed.rss", NULL };
  g_auto (Read) r = read_inputs (names, NULL);
  guint oslo = 0;
  for (guint i = 0; i < r.articles->len; i++)
    oslo += strstr (((NkgArticle *) g_ptr_array_index (r.articles, i))->text, "Aldric Venn") != NULL;
  g_assert_cmpuint (oslo, ==, 1);
  /* First in sorted order wins: article.html. */
  find (&r, "article.html");
  g_assert_true (has_event (&r, "DUPLICATE article.txt", "article.html"));
  g_assert_true (has_event (&r, "DUPLICATE article.warc.gz#record-3", "article.html"));
  g_assert_true (has_event (&r, "DUPLICATE article.jsonl#line-1", "article.html"));
  g_assert_true (has_event (&r, "DUPLICATE feed.rss#item-1", "article.html"));
  /* The Iceland story is in the feed and in the JSON: one copy. */
  guint iceland = 0;
  for (guint i = 0; i < r.articles->len; i++)
    iceland += strstr (((NkgArticle *) g_ptr_array_index (r.articles, i))->text, "Thorsdottir") != NULL;
  g_assert_cmpuint (iceland, ==, 1);
}

static void
test_language (void)
{
  const char *names[] = { "article.jsonl", NULL };
  const char *any[] = { "lang=any", NULL };
  g_auto (Read) r = read_inputs (names, any);
  NkgArticle *fr = find (&r, "article.jsonl#line-3");
  g_assert_cmpstr (fr->language, ==, "fr");
  const char *de[] = { "lang=de", NULL };
  g_auto (Read) none = read_inputs (names, de);
  g_assert_cmpuint (none.articles->len, ==, 1); /* only the one too short to tell */
  g_autoptr (NkgInput) in = nkg_input_new ();
  g_assert_false (nkg_input_set_languages (in, "english!", NULL));
}

/* input.ini [language] english-*: the cheap test says English only where
 * the n-gram profiles say English alone; everything else goes to them. */
static char *
repeated (const char *paragraph, guint times)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < times; i++)
    g_string_append_printf (s, "%s\n\n", paragraph);
  return g_string_free (s, FALSE);
}

static void
test_language_english_first (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLang) lang = nkg_lang_new (&error);
  g_assert_no_error (error);
  struct {
    const char *paragraph;
    guint times;
    gboolean plain_english;
    const char *ngrams; /* the profiles' verdict, joined by ',' */
  } cases[] = {
    /* News in English, long enough: English without n-grams. */
    { "The harbour board of Tavren said on Monday that it had signed a new "
      "agreement with the shipping firm Kollmar, which will run the ferry to "
      "the islands from next spring. The board's chair, Odile Marsh, told "
      "reporters that the deal was the result of two years of talks and that "
      "fares would not rise before the end of the year. Kollmar has been "
      "running freight on the route since it bought the old line.", 4, TRUE, "en" },
    /* The same, too short: a few words decide, so the profiles do. */
    { "The harbour board of Tavren said on Monday that it had signed a new "
      "agreement with the shipping firm Kollmar, which will run the ferry to "
      "the islands from next spring.", 2, FALSE, "en" },
    /* Other languages score far below the share. */
    { "Le conseil du port de Tavren a annoncé lundi la signature d'un nouvel "
      "accord avec la compagnie maritime Kollmar, qui assurera la liaison vers "
      "les îles dès le printemps prochain. Selon sa présidente, les tarifs "
      "ne changeront pas avant la fin de l'année.", 6, FALSE, "fr" },
    { "Der Hafenrat von Tavren hat am Montag ein neues Abkommen mit der "
      "Reederei Kollmar unterzeichnet, die ab dem nächsten Frühjahr die Fähre "
      "zu den Inseln betreiben wird. Die Preise sollen bis zum Jahresende "
      "nicht steigen, sagte die Vorsitzende.", 6, FALSE, "de" },
    /* English thick with code: left to the profiles. */
    { "Call xmlParseFile(path) then xsltApplyStylesheet(style, doc, params); "
      "free with xsltFreeStylesheet(style) and xmlFreeDoc(res). The "
      "xsltSaveResultToFile(stdout, res, style) call returns int; see "
      "XSLT_PARSE_OPTIONS, xmlSubstituteEntitiesDefault(1), "
      "xmlLoadExtDtdDefaultValue = 1 and exsltRegisterAll().", 6, FALSE, NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = repeated (cases[i].paragraph, cases[i].times);
      gsize len = strlen (text);
      g_assert_cmpint (nkg_lang_is_plain_english (lang, text, len), ==, cases[i].plain_english);
      g_auto (GStrv) ngrams = nkg_lang_detect_ngrams (lang, text, len);
      g_auto (GStrv) verdict = nkg_lang_detect (lang, text, len);
      g_autofree char *joined = ngrams ? g_strjoinv (",", ngrams) : NULL;
      if (cases[i].ngrams)
        g_assert_cmpstr (joined, ==, cases[i].ngrams);
      /* Either way the verdict is the profiles' own. */
      g_autofree char *got = verdict ? g_strjoinv (",", verdict) : NULL;
      g_assert_cmpstr (got, ==, joined);
    }
}

/* The profiles are loaded only when a text first needs them; without
 * them, such texts get no verdict and the detector says why, while long
 * English still reads as English. */
static void
test_language_lazy_profiles (void)
{
  g_autofree char *english = repeated (
      "The harbour board of Tavren said on Monday that it had signed a new "
      "agreement with the shipping firm Kollmar, which will run the ferry to "
      "the islands from next spring. The board's chair, Odile Marsh, told "
      "reporters that the deal was the result of two years of talks and that "
      "fares would not rise before the end of the year.", 5);
  g_autofree char *french = repeated (
      "Le conseil du port de Tavren a annoncé lundi la signature d'un nouvel "
      "accord avec la compagnie maritime Kollmar, qui assurera la liaison vers "
      "les îles dès le printemps prochain.", 6);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "nkg-no-such-profiles", "x", NULL);
  g_autoptr (NkgLang) none = nkg_lang_new_lazy (missing);
  g_auto (GStrv) en = nkg_lang_detect (none, english, strlen (english));
  g_assert_nonnull (en);
  g_assert_cmpstr (en[0], ==, "en");
  g_assert_null (en[1]);
  g_assert_null (nkg_lang_error (none)); /* not needed yet */
  g_auto (GStrv) unknown = nkg_lang_detect (none, french, strlen (french));
  g_assert_null (unknown);
  g_assert_nonnull (nkg_lang_error (none));
  g_assert_nonnull (strstr (nkg_lang_error (none), missing));

  g_autoptr (NkgLang) lazy = nkg_lang_new_lazy (NULL);
  g_auto (GStrv) fr = nkg_lang_detect (lazy, french, strlen (french));
  g_assert_nonnull (fr);
  g_assert_cmpstr (fr[0], ==, "fr");
  g_assert_null (nkg_lang_error (lazy));
}

static void
test_sniffing (void)
{
  struct {
    const char *head, *name, *reader;
    gboolean in_folder;
  } cases[] = {
    { "<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html", FALSE },
    { "  <!-- saved --><html lang=en>", "page", "html", FALSE },
    { "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", "x", "feed", FALSE },
    { "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", "x.xml", "feed", FALSE },
    { "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", "x.txt", "json", FALSE },
    { "[{\"text\": \"a\"}]", "x", "json", FALSE },
    { "WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x", "warc", FALSE },
    { "Plain words of an article.\n", "x.html", "text", FALSE },
    { "[Update] Plain words that start with a bracket.", "x", "text", FALSE },
    { "{Corrected} Plain words that start with a brace.", "x", "text", FALSE },
    { "Plain words of an article.\n", "notes.txt", "text", TRUE },
    /* Inside folders: a graph, a script and unknown markup are no articles. */
    { "@prefix schema: <http://schema.org/> .\n", "corpus.ttl", NULL, TRUE },
    { "echo hello\n", "run.sh", NULL, TRUE },
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "graph.svg", NULL, TRUE },
    { "%PDF-1.4\n", "a.pdf", NULL, FALSE },
    { "\x89PNG\r\n\x1a\n", "a.txt", NULL, FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint score = 0;
      const NkgReader *r = nkg_reader_sniff ((const guchar *) cases[i].head, strlen (cases[i].head),
                                             cases[i].name, cases[i].in_folder, &score);
      const char *got = r && score >= (cases[i].in_folder ? 5u : 1u) ? r->name : NULL;
      if (g_strcmp0 (got, cases[i].reader) != 0)
        g_error ("'%s' as %s: %s, want %s", cases[i].head, cases[i].name, got ? got : "nothing",
                 cases[i].reader ? cases[i].reader : "nothing");
    }
  /* A forced reader reads what sniffing would not. */
  const char *names[] = { "article.html", NULL };
  const char *opts[] = { "reader=text", NULL };
  g_auto (Read) r = read_inputs (names, opts);
  g_assert_cmpstr (((NkgArticle *) g_ptr_array_index (r.articles, 0))->format, ==, "text");
}

static void
test_decode (void)
{
  gsize n;
  g_autofree char *enc = NULL;
  g_autofree char *a = nkg_decode ("\xef\xbb\xbfHi", 5, NULL, &n, &enc);
  g_assert_cmpstr (enc, ==, "UTF-8");
  g_assert_cmpstr (a, ==, "Hi");
  g_clear_pointer (&enc, g_free);
  /* A declared charset beats the guess; ISO-8859-1 reads as Windows-1252. */
  g_autofree char *b = nkg_decode ("\x93Hi\x94", 4, "iso-8859-1", &n, &enc);
  g_assert_cmpstr (enc, ==, "WINDOWS-1252");
  g_assert_cmpstr (b, ==, "\xe2\x80\x9cHi\xe2\x80\x9d");
  g_clear_pointer (&enc, g_free);
  /* Valid UTF-8 is UTF-8 whatever uchardet would say. */
  g_autofree char *c = nkg_decode ("Caf\xc3\xa9", 5, NULL, &n, &enc);
  g_assert_cmpstr (enc, ==, "UTF-8");
  g_clear_pointer (&enc, g_free);
  /* An odd byte at the end of UTF-16 is dropped, not an error. */
  g_autofree char *d = nkg_decode ("\xff\xfeH\0i\0!", 7, NULL, &n, &enc);
  g_assert_cmpstr (enc, ==, "UTF-16LE");
  g_assert_cmpstr (d, ==, "Hi");
  g_assert_null (nkg_decode_utf16_shape ((const guchar *) "binary\0\0\0\0data\0\0\0\0\0\0", 20));
}

static void
test_meta (void)
{
  struct {
    const char *in, *want;
  } dates[] = {
    { "2025-03-04T09:30:00+01:00", "2025-03-04" }, { "2025/03/04", "2025-03-04" },
    { "20250304", "2025-03-04" },                  { "Tue, 04 Mar 2025 08:30:00 GMT", "2025-03-04" },
    { "4 March 2025", "2025-03-04" },              { "March 4, 2025", "2025-03-04" },
    { "Mar. 4 2025", "2025-03-04" },               { "1741078800", "2025-03-04" },
    { "2025-02-30", NULL },                        { "yesterday", NULL },
    { "", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *got = nkg_meta_date (dates[i].in);
      g_assert_cmpstr (got, ==, dates[i].want);
    }
  g_autofree char *rel = nkg_meta_url ("/a/b", "https://x.example/c/d");
  g_assert_cmpstr (rel, ==, "https://x.example/a/b");
  g_autofree char *js = nkg_meta_url ("javascript:alert(1)", NULL);
  g_assert_null (js);
  g_autofree char *spaced = nkg_meta_url ("https://x.example/a b", NULL);
  g_assert_null (spaced);
  /* The content key folds any white space, the text keeps it. */
  g_autofree char *k1 = nkg_content_key ("A  b\n\nc ", 8);
  g_autofree char *k2 = nkg_content_key ("A\xc2\xa0" "b c", 6);
  g_assert_cmpstr (k1, ==, k2);
  g_autofree char *k3 = nkg_content_key ("A b c.", 6);
  g_assert_cmpstr (k1, !=, k3);
}

/* The content key is SHA-256 of the text with every run of white space
 * (Unicode's, invalid bytes being none) made one ' ' and none at the
 * ends. Checked against that definition written out plainly, on texts
 * built to put single and double spaces, tabs, line breaks, controls,
 * non-breaking spaces and invalid bytes at every offset of the eight-byte
 * words the key reads at a time. */
static char *
content_key_by_definition (const char *text, gsize len)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  gboolean pending = FALSE;
  for (const char *p = text, *end = text + len; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gboolean ok = c != (gunichar) -1 && c != (gunichar) -2;
      gsize step = ok ? (gsize) (g_utf8_next_char (p) - p) : 1;
      if (ok && g_unichar_isspace (c))
        pending = folded->len > 0;
      else
        {
          if (pending)
            g_string_append_c (folded, ' ');
          g_string_append_len (folded, p, (gssize) step);
          pending = FALSE;
        }
      p += step;
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) folded->str, folded->len);
}

static void
test_content_key_fold (void)
{
  static const char *const pieces[] = { "a", "bc", "defgh", "!", "~\x7f", " ", " ", " ", "  ",
                                        "\t", "\n\n", " \n", "\x01", "\xc2\xa0", "\xe2\x80\x83",
                                        "\xff", "\xc3\xa9", "       " };
  GRand *rand = g_rand_new_with_seed (12);
  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 40);
      for (guint k = 0; k < n; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_autofree char *want = content_key_by_definition (text->str, text->len);
      g_autofree char *got = nkg_content_key (text->str, text->len);
      if (g_strcmp0 (got, want) != 0)
        g_error ("content key of \"%s\" differs from its definition", g_strescape (text->str, NULL));
    }
  g_rand_free (rand);
}

/* Which JSON-LD block speaks for the article: the first that names an
 * article type, however the type is spelled (case, \\u escapes); blocks
 * naming none (skipped unparsed) leave the Open Graph fields in place. */
static void
test_html_json_ld (void)
{
  struct {
    const char *blocks, *title, *date;
  } cases[] = {
    { "{\"@type\": \"WebSite\", \"name\": \"Gazette of Vell\", \"datePublished\": \"2024-01-01\"}",
      "Og headline of the lake story", "2025-03-04" },
    { "{\"@type\": \"BreadcrumbList\"}</script><script type=\"application/ld+json\">"
      "{\"@type\": \"NewsArticle\", \"headline\": \"Lake board names a warden\", \"datePublished\": \"2025-05-06\"}",
      "Lake board names a warden", "2025-05-06" },
    { "{\"@type\": \"News\\u0041rticle\", \"headline\": \"Escaped type\", \"datePublished\": \"2025-07-08\"}",
      "Escaped type", "2025-07-08" },
    { "{\"@graph\": [{\"@type\": \"https://schema.org/NEWSARTICLE\", \"headline\": \"Upper case type\"}]}",
      "Upper case type", "2025-03-04" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf (
          "<html><head><meta property=\"og:title\" content=\"Og headline of the lake story\">"
          "<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\">"
          "<script type=\"application/ld+json\">%s</script></head><body><article>"
          "<p>The lake board of Vell named Orsolya Brandt its first warden on Monday, after a long search.</p>"
          "<p>Brandt will start work in the spring, the board said in a statement.</p>"
          "</article></body></html>",
          cases[i].blocks);
      g_autoptr (NkgHtml) h = nkg_html_read (page, strlen (page), NKG_HTML_PAGE, NULL);
      g_assert_cmpstr (h->title, ==, cases[i].title);
      g_assert_cmpstr (h->date, ==, cases[i].date);
    }
}

/* A page without the usual markers: the container is found by its
 * paragraphs' text and link density. */
static void
test_html_scoring (void)
{
  const char *page =
      "<html><head><title>Envoys meet | Daily Gull</title></head><body>"
      "<div id=top><a href=/>Home</a> <a href=/w>World</a> <a href=/s>Sport</a> <a href=/m>Money</a></div>"
      "<table><tr><td class=left><a href=/1>Weather in Gdansk</a><br><a href=/2>Horoscopes by Madame Orla</a>"
      "<br><a href=/3>Crossword</a></td>"
      "<td class=main><h1>Envoys meet in Lisbon</h1>"
      "<p>Portuguese diplomat Ines Varela met her Moroccan counterpart Karim Benali in Lisbon on "
      "Friday, the first such meeting in three years, officials said.</p>"
      "<p>The two envoys discussed fishing rights, migration and a planned ferry link, according to "
      "a statement from the foreign ministry.</p>"
      "<p>Another round of talks, the statement added, is planned for the autumn.</p>"
      "<p><a href=/4>Read more stories about Portugal and Morocco here</a></p></td>"
      "<td class=right><a href=/5>Advert: cheap flights with Wingo</a></td></tr></table>"
      "<div class=foot>Daily Gull 2025 <a href=/c>Contact</a></div></body></html>";
  g_autofree char *dir = g_dir_make_tmp ("nkg-input-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gull.html", NULL);
  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  g_auto (Read) r = read_one (path);
  g_assert_cmpuint (r.articles->len, ==, 1);
  NkgArticle *a = g_ptr_array_index (r.articles, 0);
  g_assert_true (g_str_has_prefix (a->text, "Envoys meet in Lisbon\n\nPortuguese diplomat"));
  g_assert_nonnull (strstr (a->text, "planned for the autumn."));
  const char *junk[] = { "Home", "Horoscopes", "Crossword", "Wingo", "Read more", "Daily Gull" };
  for (gsize i = 0; i < G_N_ELEMENTS (junk); i++)
    if (strstr (a->text, junk[i]))
      g_error ("'%s' in:\n%s", junk[i], a->text);
  g_assert_cmpstr (a->title, ==, "Envoys meet in Lisbon");
  g_unlink (path);
  g_rmdir (dir);
}

/* Class names are matched by word: "ad" names an advert slot, not the
 * lead paragraph; "hidden md:block" is shown on wide screens. */
static void
test_html_class_words (void)
{
  const char *page =
      "<html><body><article>"
      "<p class=\"lead-para\">Estonian Foreign Minister Kaia Tamm opened an embassy in Windhoek on Monday.</p>"
      "<div class=\"ad-slot\">Buy cheap tickets from Skyjet today</div>"
      "<div class=\"hidden md:block\"><p>The embassy is the first Estonian mission in southern Africa.</p></div>"
      "<p class=\"headline-note\">Tamm said the mission would open trade offices next year.</p>"
      "<div class=\"share-bar\"><a href=/x>Share this on Chirper</a></div>"
      "</article></body></html>";
  g_autofree char *dir = g_dir_make_tmp ("nkg-input-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tamm.html", NULL);
  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  g_auto (Read) r = read_one (path);
  g_assert_cmpuint (r.articles->len, ==, 1);
  const char *text = ((NkgArticle *) g_ptr_array_index (r.articles, 0))->text;
  g_assert_nonnull (strstr (text, "Kaia Tamm opened"));
  g_assert_nonnull (strstr (text, "first Estonian mission"));
  g_assert_nonnull (strstr (text, "trade offices"));
  g_assert_null (strstr (text, "Skyjet"));
  g_assert_null (strstr (text, "Chirper"));
  g_unlink (path);
  g_rmdir (dir);
}

/* html.c builds its tree from libxml2's SAX events: the tree must be
 * the one xmlSAX2 built (names as xmlSplitQName leaves them, bare
 * attributes, the depth past which the parser stops), and no page may
 * nest deep enough to exhaust the passes' stack. */
static void
test_html_tree (void)
{
  /* Word's <o:p> is a paragraph: xmlSAX2 kept the local name "p". */
  const char *word = "<html><body><div><o:p>Kaia Tamm opened an embassy in Windhoek on Monday.</o:p>"
                     "<o:p>The embassy is the first Estonian mission in southern Africa.</o:p></div></body></html>";
  g_autoptr (NkgHtml) w = nkg_html_read (word, strlen (word), NKG_HTML_FRAGMENT, NULL);
  g_assert_cmpstr (w->text, ==, "Kaia Tamm opened an embassy in Windhoek on Monday.\n\n"
                                "The embassy is the first Estonian mission in southern Africa.");
  /* Bare attributes are there (hidden), empty ones too. */
  const char *bare = "<html><body><p class=\"\">Shown words.</p><p hidden>Hidden words.</p>"
                     "<p aria-hidden=true>Also hidden.</p></body></html>";
  g_autoptr (NkgHtml) b = nkg_html_read (bare, strlen (bare), NKG_HTML_FRAGMENT, NULL);
  g_assert_cmpstr (b->text, ==, "Shown words.");
  /* 200 levels are read; past libxml2's limit (256) the parser stops,
   * here before the text, and 100,000 levels are no danger. */
  for (guint depth = 200; depth <= 100000; depth = depth == 200 ? 300 : 100000)
    {
      GString *page = g_string_new ("<html><body>");
      for (guint i = 0; i < depth; i++)
        g_string_append (page, "<div>");
      g_string_append (page, "<p>Deep words.</p>");
      for (guint i = 0; i < depth; i++)
        g_string_append (page, "</div>");
      g_string_append (page, "</body></html>");
      g_autoptr (NkgHtml) h = nkg_html_read (page->str, page->len, NKG_HTML_FRAGMENT, NULL);
      g_assert_cmpstr (h->text, ==, depth == 200 ? "Deep words." : "");
      g_string_free (page, TRUE);
      if (depth == 100000)
        break;
    }
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *p = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (p, text, -1, NULL));
}

static gpointer
feed_fifo (gpointer path)
{
  g_autofree char *plain = g_build_filename (inputs, "article.txt", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (plain, &text, NULL, NULL));
  FILE *f = fopen (path, "w");
  if (f)
    {
      fputs (text, f);
      fclose (f);
    }
  return NULL;
}

/* Folders: hidden entries and VCS folders skipped, links to folders read
 * once, FIFOs skipped with a line, a FIFO named explicitly read. */
static void
test_walk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-walk-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *git = g_build_filename (dir, ".git", NULL);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);
  g_autofree char *plain = g_build_filename (inputs, "article.html", NULL);
  g_autofree char *html = NULL;
  g_assert_true (g_file_get_contents (plain, &html, NULL, NULL));
  write_file (sub, "page.html", html);
  write_file (dir, ".hidden.txt", "Hidden Minister Ola Dahl spoke in Bergen on Monday.\n");
  write_file (git, "COMMIT_EDITMSG", "Fix by Ola Dahl\n");
  write_file (dir, "corpus.ttl", "@prefix x: <http://x.example/> .\n");
  g_autofree char *loop = g_build_filename (sub, "loop", NULL);
  g_assert_cmpint (symlink (dir, loop), ==, 0);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  const char *names[] = { dir, NULL };
  g_auto (Read) r = read_inputs (names, NULL);
  g_assert_cmpuint (r.articles->len, ==, 1);
  g_assert_cmpstr (((NkgArticle *) g_ptr_array_index (r.articles, 0))->source, ==, "sub/page.html");
  g_autofree char *pipe_event = g_strdup_printf ("SKIP %s", fifo);
  g_assert_true (has_event (&r, pipe_event, "FIFO"));
  g_autofree char *loop_event = g_strdup_printf ("SKIP %s", loop);
  g_assert_true (has_event (&r, loop_event, "already read"));
  g_assert_true (has_event (&r, "SKIP", "corpus.ttl"));

  /* Named explicitly, the FIFO is read. */
  GThread *writer = g_thread_new ("fifo", feed_fifo, fifo);
  const char *named[] = { fifo, NULL };
  g_auto (Read) fr = read_inputs (named, NULL);
  g_thread_join (writer);
  g_assert_cmpuint (fr.articles->len, ==, 1);
  g_assert_cmpstr (((NkgArticle *) g_ptr_array_index (fr.articles, 0))->source, ==, "pipe");

  g_unlink (fifo);
  g_unlink (loop);
  g_autofree char *p1 = g_build_filename (sub, "page.html", NULL);
  g_autofree char *p2 = g_build_filename (dir, ".hidden.txt", NULL);
  g_autofree char *p3 = g_build_filename (git, "COMMIT_EDITMSG", NULL);
  g_autofree char *p4 = g_build_filename (dir, "corpus.ttl", NULL);
  g_unlink (p1);
  g_unlink (p2);
  g_unlink (p3);
  g_unlink (p4);
  g_rmdir (sub);
  g_rmdir (git);
  g_rmdir (dir);

  g_autoptr (NkgInput) in = nkg_input_new ();
  g_autoptr (GError) error = NULL;
  g_assert_false (nkg_input_add (in, "/nonexistent/articles", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Damaged inputs are one error each, and reading goes on. */
static void
test_damaged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-bad-XXXXXX", NULL);
  g_autofree char *gz_path = g_build_filename (inputs, "article.txt.gz", NULL);
  g_autofree char *gz = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (gz_path, &gz, &len, NULL));
  g_autofree char *cut = g_build_filename (dir, "cut.txt.gz", NULL);
  g_assert_true (g_file_set_contents (cut, gz, (gssize) len / 2, NULL));
  write_file (dir, "bad.json", "[{\"text\": \"unfinished\"");
  write_file (dir, "bad.warc", "WARC/1.0\r\nWARC-Type: response\r\n\r\nno length");
  write_file (dir, "good.txt", "Danish Minister Ole Brun visited Aarhus on Monday.\n");
  const char *names[] = { dir, NULL };
  g_auto (Read) r = read_inputs (names, NULL);
  g_assert_cmpuint (r.articles->len, ==, 1);
  g_assert_true (has_event (&r, "ERROR", "cut.txt.gz"));
  g_assert_true (has_event (&r, "ERROR", "bad.json"));
  g_assert_true (has_event (&r, "ERROR", "bad.warc"));
  const char *files[] = { "cut.txt.gz", "bad.json", "bad.warc", "good.txt" };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (dir, files[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/* One record of one file, as `newskg text` asks for it. */
/* A file's bytes read back whole, around the 16 bytes sniffed for
 * compression and the 64 KiB head (a file that ends within the head is
 * not read again): with nkg_source_read_all, and with nkg_source_read in
 * small pieces after the head. */
static void
test_source_sizes (void)
{
  const gsize sizes[] = { 0, 1, 15, 16, 17, 4000, NKG_SOURCE_HEAD_SIZE - 1, NKG_SOURCE_HEAD_SIZE,
                          NKG_SOURCE_HEAD_SIZE + 1, NKG_SOURCE_HEAD_SIZE + 16, 200000 };
  g_autofree char *dir = g_dir_make_tmp ("nkg-source-XXXXXX", NULL);
  g_assert_nonnull (dir);
  g_autofree char *path = g_build_filename (dir, "bytes.txt", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gsize n = sizes[i];
      g_autofree char *want = g_malloc (n + 1);
      for (gsize k = 0; k < n; k++)
        want[k] = "The quay opens in spring.\n"[(k * 7 + k / 13) % 26];
      g_assert_true (g_file_set_contents (path, want, (gssize) n, NULL));
      for (int way = 0; way < 2; way++)
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (NkgSource) src = nkg_source_open (path, "bytes.txt", &error);
          g_assert_no_error (error);
          gsize head_len;
          g_assert_nonnull (nkg_source_head (src, &head_len, &error));
          g_assert_cmpuint (head_len, ==, MIN (n, NKG_SOURCE_HEAD_SIZE));
          if (way == 0)
            {
              g_autoptr (GBytes) all = nkg_source_read_all (src, 1 << 20, &error);
              g_assert_no_error (error);
              gsize got_len;
              const char *got = g_bytes_get_data (all, &got_len);
              g_assert_cmpmem (got, got_len, want, n);
              continue;
            }
          g_autoptr (GByteArray) got = g_byte_array_new ();
          guchar piece[1000];
          gssize k;
          while ((k = nkg_source_read (src, piece, sizeof piece, &error)) > 0)
            g_byte_array_append (got, piece, (guint) k);
          g_assert_no_error (error);
          g_assert_cmpint (k, ==, 0);
          g_assert_cmpint (nkg_source_read (src, piece, sizeof piece, &error), ==, 0);
          g_assert_cmpmem (got->data, got->len, want, n);
        }
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_read_article (void)
{
  struct {
    const char *file, *fragment, *source, *needle;
  } cases[] = {
    { "article.warc.gz", "record-3", "article.warc.gz#record-3", "Aldric Venn" },
    { "article.jsonl", "line-2", "article.jsonl#line-2", "Thorsdottir" },
    { "articles.tar.gz", "news/iceland.txt", "articles.tar.gz#news/iceland.txt", "Thorsdottir" },
    { "feed.atom", "item-2", "feed.atom#item-2", "Lehtola" },
    { "article.html", NULL, "article.html", "Aldric Venn" },
    /* Language and duplicates do not apply: the text is what was read. */
    { "article.jsonl", "line-3", "article.jsonl#line-3", "norv\xc3\xa9gien" },
  };
  g_autoptr (NkgInput) in = nkg_input_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (inputs, cases[i].file, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (NkgArticle) a = nkg_input_read_article (in, path, cases[i].fragment, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (a->source, ==, cases[i].source);
      g_assert_nonnull (strstr (a->text, cases[i].needle));
    }
  /* The same text as a build read: the same content key as in a run. */
  g_auto (Read) r = read_one ("article.warc.gz");
  g_autofree char *warc = g_build_filename (inputs, "article.warc.gz", NULL);
  g_autoptr (NkgArticle) again = nkg_input_read_article (in, warc, "record-3", NULL);
  g_assert_cmpstr (again->text, ==, find (&r, "article.warc.gz#record-3")->text);
  /* No such record: a clear error. */
  g_autoptr (GError) error = NULL;
  g_assert_null (nkg_input_read_article (in, warc, "record-5", &error));
  g_assert_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "record-5"));
}

/* Nettle's SHA-256 gives GChecksum's hex, whole or fed in pieces, for
 * lengths around its 64-byte block. */
static void
test_sha256 (void)
{
  g_autofree guchar *data = g_malloc (300);
  for (guint i = 0; i < 300; i++)
    data[i] = (guchar) (i * 37 + 11);
  const gsize lens[] = { 0, 1, 55, 56, 63, 64, 65, 127, 128, 300 };
  for (guint k = 0; k < G_N_ELEMENTS (lens); k++)
    {
      g_autofree char *want = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, lens[k]);
      g_autofree char *whole = nkg_sha256_hex (data, lens[k]);
      g_assert_cmpstr (whole, ==, want);
      NkgSha256 s;
      nkg_sha256_init (&s);
      for (gsize at = 0; at < lens[k]; at += 7)
        nkg_sha256_update (&s, data + at, MIN (7, lens[k] - at));
      g_autofree char *pieces = nkg_sha256_hex_finish (&s);
      g_assert_cmpstr (pieces, ==, want);
    }
  g_autofree char *abc = nkg_sha256_hex ("abc", 3);
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  if (!root)
    {
      g_printerr ("NKG_SOURCE_ROOT must be set (run through meson test)\n");
      return 1;
    }
  inputs = g_build_filename (root, "tests", "data", "inputs", NULL);
  g_test_add_func ("/input/content-key-fold", test_content_key_fold);
  g_test_add_func ("/input/html", test_html);
  g_test_add_func ("/input/feeds", test_feeds);
  g_test_add_func ("/input/json", test_json);
  g_test_add_func ("/input/warc", test_warc);
  g_test_add_func ("/input/compressed-and-archives", test_compressed_and_archives);
  g_test_add_func ("/input/other-archives", test_other_archives);
  g_test_add_func ("/input/encodings", test_encodings);
  g_test_add_func ("/input/duplicates", test_duplicates);
  g_test_add_func ("/input/language", test_language);
  g_test_add_func ("/input/language-english-first", test_language_english_first);
  g_test_add_func ("/input/language-lazy-profiles", test_language_lazy_profiles);
  g_test_add_func ("/input/sniffing", test_sniffing);
  g_test_add_func ("/input/decode", test_decode);
  g_test_add_func ("/input/meta", test_meta);
  g_test_add_func ("/input/html-json-ld", test_html_json_ld);
  g_test_add_func ("/input/html-scoring", test_html_scoring);
  g_test_add_func ("/input/html-class-words", test_html_class_words);
  g_test_add_func ("/input/html-tree", test_html_tree);
  g_test_add_func ("/input/walk", test_walk);
  g_test_add_func ("/input/damaged", test_damaged);
  g_test_add_func ("/input/source-sizes", test_source_sizes);
  g_test_add_func ("/input/read-article", test_read_article);
  g_test_add_func ("/input/sha256", test_sha256);
  int rc = g_test_run ();
  g_free (inputs);
  return rc;
}
