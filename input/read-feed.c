/* read-feed.c — RSS 2.0, RSS 1.0 (RDF) and Atom: one article per item. */
#include "reader.h"

#include "html.h"
#include "meta.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* The root element's name after the XML declaration, comments, doctype
 * and processing instructions. */
static char *
root_name (const guchar *head, gsize len)
{
  gsize n;
  const guchar *p = nkg_read_skip_space (head, len, &n);
  while (n > 1 && p[0] == '<' && (p[1] == '?' || p[1] == '!'))
    {
      const char *end = g_strstr_len ((const char *) p, (gssize) n,
                                      p[1] == '!' && n > 3 && p[2] == '-' ? "-->" : ">");
      if (!end)
        return NULL;
      gsize skip = (const guchar *) strchr (end, '>') + 1 - p;
      p = nkg_read_skip_space (p + skip, n - skip, &n);
    }
  if (n < 2 || p[0] != '<')
    return NULL;
  gsize i = 1;
  while (i < n && (g_ascii_isalnum (p[i]) || p[i] == ':' || p[i] == '-' || p[i] == '_'))
    i++;
  return g_strndup ((const char *) p + 1, i - 1);
}

static guint
sniff_feed (const guchar *head, gsize len)
{
  g_autofree char *root = root_name (head, len);
  if (!root)
    return 0;
  if (strcmp (root, "rss") == 0)
    return 95;
  g_autofree char *text = g_strndup ((const char *) head, MIN (len, 4096));
  if (strcmp (root, "feed") == 0)
    return strstr (text, NS_ATOM) ? 95 : 60;
  if (g_str_has_suffix (root, ":RDF") || strcmp (root, "RDF") == 0)
    return strstr (text, "purl.org/rss/1.0") ? 95 : 0;
  return 0;
}

static gboolean
named (const xmlNode *n, const char *name, const char *ns)
{
  if (!n || n->type != XML_ELEMENT_NODE || strcmp ((const char *) n->name, name) != 0)
    return FALSE;
  if (!ns)
    return TRUE;
  return n->ns && n->ns->href && strcmp ((const char *) n->ns->href, ns) == 0;
}

static xmlNode *
child (const xmlNode *n, const char *name, const char *ns)
{
  for (xmlNode *c = n->children; c; c = c->next)
    if (named (c, name, ns))
      return c;
  return NULL;
}

static char *
text_of (xmlNode *n)
{
  if (!n)
    return NULL;
  xmlChar *t = xmlNodeGetContent (n);
  char *s = g_strdup ((const char *) t);
  xmlFree (t);
  return s;
}

static const char *
prop (const xmlNode *n, const char *name)
{
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      return a->children && a->children->content ? (const char *) a->children->content : "";
  return NULL;
}

/* Text as the feed gives it: plain, or markup (escaped in RSS, type="html"
 * or inline XHTML in Atom) read as a fragment of a page. */
static char *
body_text (xmlDoc *doc, xmlNode *n, gboolean atom)
{
  if (!n)
    return NULL;
  const char *type = atom ? prop (n, "type") : NULL;
  if (type && strcmp (type, "xhtml") == 0)
    {
      xmlBufferPtr buf = xmlBufferCreate ();
      for (xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump (buf, doc, c, 0, 0);
      g_autoptr (NkgHtml) h = nkg_html_read ((const char *) xmlBufferContent (buf),
                                             (gsize) xmlBufferLength (buf), NKG_HTML_FRAGMENT, NULL);
      xmlBufferFree (buf);
      return g_steal_pointer (&h->text);
    }
  g_autofree char *raw = text_of (n);
  if (!raw)
    return NULL;
  gboolean markup = atom ? (type && (strcmp (type, "html") == 0 || strstr (type, "html")))
                         : nkg_html_is_markup (raw, strlen (raw));
  if (!markup)
    return g_steal_pointer (&raw);
  g_autoptr (NkgHtml) h = nkg_html_read (raw, strlen (raw), NKG_HTML_FRAGMENT, NULL);
  return g_steal_pointer (&h->text);
}

static char *
plain_title (xmlDoc *doc, xmlNode *n, gboolean atom)
{
  g_autofree char *t = body_text (doc, n, atom);
  return nkg_meta_clean (t);
}

static char *
atom_link (xmlNode *entry)
{
  for (xmlNode *c = entry->children; c; c = c->next)
    if (named (c, "link", NS_ATOM))
      {
        const char *rel = prop (c, "rel");
        if (!rel || strcmp (rel, "alternate") == 0)
          return g_strdup (prop (c, "href"));
      }
  return NULL;
}

static char *
author_of (xmlNode *item, gboolean atom)
{
  if (atom)
    {
      xmlNode *a = child (item, "author", NS_ATOM);
      g_autofree char *name = a ? text_of (child (a, "name", NS_ATOM)) : NULL;
      return nkg_meta_clean (name);
    }
  g_autofree char *dc = text_of (child (item, "creator", NS_DC));
  if (dc)
    return nkg_meta_clean (dc);
  g_autofree char *rss = text_of (child (item, "author", NULL));
  return nkg_meta_clean (rss);
}

static gboolean
read_item (NkgReadContext *ctx, NkgSource *src, xmlDoc *doc, xmlNode *item, gboolean atom,
           const char *source, const char *feed_lang, GError **error)
{
  const char *ns = atom ? NS_ATOM : NULL;
  g_autofree char *title = plain_title (doc, child (item, "title", ns), atom);
  xmlNode *content = atom ? child (item, "content", NS_ATOM) : child (item, "encoded", NS_CONTENT);
  if (!content)
    content = atom ? child (item, "summary", NS_ATOM) : child (item, "description", NULL);
  g_autofree char *body = body_text (doc, content, atom);
  g_autofree char *text = nkg_read_join_headline (title, body);
  g_autofree char *link = atom ? atom_link (item) : text_of (child (item, "link", NULL));
  if (!link && !atom)
    {
      xmlNode *guid = child (item, "guid", NULL);
      const char *perma = guid ? prop (guid, "isPermaLink") : NULL;
      if (guid && (!perma || strcmp (perma, "false") != 0))
        link = text_of (guid);
    }
  g_autofree char *when = NULL;
  const char *date_names[][2] = { { "pubDate", NULL }, { "date", NS_DC }, { "published", NS_ATOM },
                                  { "updated", NS_ATOM } };
  for (gsize i = 0; i < G_N_ELEMENTS (date_names) && !when; i++)
    {
      g_autofree char *v = text_of (child (item, date_names[i][0], date_names[i][1]));
      when = nkg_meta_date (v);
    }

  g_autoptr (NkgArticle) a = nkg_article_new (source, nkg_source_format (src, atom ? "atom" : "rss"));
  if (!nkg_article_set_text (a, text, strlen (text), error))
    return FALSE;
  g_free (a->encoding);
  a->encoding = g_ascii_strup (doc->encoding ? (const char *) doc->encoding : "UTF-8", -1);
  a->title = g_steal_pointer (&title);
  a->date = g_steal_pointer (&when);
  a->url = nkg_meta_url (link, NULL);
  a->author = author_of (item, atom);
  a->language = g_strdup (feed_lang);
  return nkg_read_emit (ctx, g_steal_pointer (&a));
}

static gboolean
read_feed (NkgReadContext *ctx, NkgSource *src, GError **error)
{
  g_autoptr (GBytes) bytes = nkg_source_read_all (src, NKG_READ_MAX_BYTES, error);
  if (!bytes)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* The XML parser reads the declared encoding and byte-order marks
   * itself; no entities are loaded from outside and none expanded. */
  xmlDoc *doc = xmlReadMemory (data, (int) MIN (len, (gsize) G_MAXINT), NULL, NULL,
                               XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR
                                   | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (!root)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "not a readable feed (XML)");
      return FALSE;
    }
  gboolean atom = named (root, "feed", NULL);
  xmlNode *items_parent = root;
  if (named (root, "rss", NULL))
    items_parent = child (root, "channel", NULL);
  g_autofree char *lang = NULL;
  if (items_parent)
    lang = atom ? g_strdup (prop (root, "lang")) : text_of (child (items_parent, "language", NULL));
  guint n = 0;
  gboolean ok = TRUE;
  for (xmlNode *c = items_parent ? items_parent->children : NULL; c && ok; c = c->next)
    {
      if (!(atom ? named (c, "entry", NULL) : named (c, "item", NULL)))
        continue;
      g_autofree char *source = g_strdup_printf ("%s#item-%u", nkg_source_name (src), ++n);
      GError *item_error = NULL;
      if (!read_item (ctx, src, doc, c, atom, source, lang, &item_error))
        {
          if (item_error)
            {
              nkg_read_skip (ctx, source, TRUE, "%s", item_error->message);
              g_error_free (item_error);
            }
          ok = !nkg_read_stopped (ctx);
        }
    }
  xmlFreeDoc (doc);
  return TRUE;
}

const NkgReader nkg_reader_feed = {
  "feed", "RSS 2.0, RSS 1.0 and Atom feeds: one article per item, HTML content read as a page's",
  sniff_feed, read_feed,
};
