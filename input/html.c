/* html.c — see html.h.
 *
 * Four passes over libxml2's tree: gather the page's metadata (before
 * anything is removed: JSON-LD lives in <script>), prune the furniture,
 * measure every element's text and link text, then choose the article's
 * container and write its text out block by block.
 */
#include "html.h"

#include "decode.h"
#include "meta.h"
#include "rules.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <string.h>

/* ---- small helpers over libxml2 nodes ---- */

/* g_ascii_strcasecmp (a, lower) == 0 for a lower-case `lower` that starts
 * with a letter: the first letter turns most names away without a call
 * (asked several times per element and pass). */
static inline gboolean
name_is (const xmlChar *a, const char *lower)
{
  return (a[0] | 0x20) == lower[0] && g_ascii_strcasecmp ((const char *) a, lower) == 0;
}

static gboolean
is_elem (const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->name && name_is (n->name, name);
}

/* An attribute's value without allocating (the HTML parser stores each
 * value as one decoded text node); NULL when absent. */
static const char *
attr (const xmlNode *n, const char *name)
{
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (a->name && name_is (a->name, name))
      return a->children && a->children->content ? (const char *) a->children->content : "";
  return NULL;
}

/* class and id together, lower case: what furniture is named by. */
static char *
class_and_id (const xmlNode *n)
{
  const char *c = attr (n, "class"), *i = attr (n, "id");
  if (!c && !i)
    return NULL;
  /* One allocation, lowered in place: asked for per element. */
  gsize nc = c ? strlen (c) : 0, ni = i ? strlen (i) : 0;
  char *both = g_malloc (nc + ni + 2);
  for (gsize k = 0; k < nc; k++)
    both[k] = g_ascii_tolower (c[k]);
  both[nc] = ' ';
  for (gsize k = 0; k < ni; k++)
    both[nc + 1 + k] = g_ascii_tolower (i[k]);
  both[nc + 1 + ni] = '\0';
  return both;
}

/* The text and CDATA of a subtree in document order, as
 * xmlNodeGetContent () gives it for an element. */
static void
raw_text (const xmlNode *n, GString *out)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      g_string_append (out, (const char *) c->content);
    else if (c->type == XML_ELEMENT_NODE)
      raw_text (c, out);
}

/* Text of a subtree, white space folded (for titles, bylines, h1s). */
static char *
node_text (xmlNode *n)
{
  g_autoptr (GString) raw = g_string_new (NULL);
  raw_text (n, raw);
  return nkg_meta_clean (raw->str);
}

/* Out of the tree; its memory stays in the page's arena (below). */
static void
drop_node (xmlNode *n)
{
  if (n->prev)
    n->prev->next = n->next;
  else if (n->parent)
    n->parent->children = n->next;
  if (n->next)
    n->next->prev = n->prev;
  else if (n->parent)
    n->parent->last = n->prev;
  n->parent = n->next = n->prev = NULL;
}

/* ---- the tree ----
 *
 * libxml2's HTML parser tokenises the page and mends it (implied and
 * auto-closed elements, entities); the tree is built here from its SAX
 * events, in libxml2's own node types so that the passes below read it
 * as they would read xmlSAX2's tree, but bump-allocated from one arena
 * per page and holding only what the passes look at: elements with
 * their attributes, text and CDATA (script and style bodies). Comments
 * and processing instructions inside elements are left out (every pass
 * skips them); at the top they are kept as markers, since they decide,
 * as in xmlSAX2StartElement, where an element opened after the root
 * closed goes. Element and attribute names stay in the parser's
 * dictionary, which lives until the page is done. */

typedef struct {
  GPtrArray *blocks; /* owned memory */
  char *cur;
  gsize left;
} Arena;

#define ARENA_BLOCK 16384

static void *
arena_alloc (Arena *a, gsize n)
{
  n = (n + 7) & ~(gsize) 7;
  if (n > ARENA_BLOCK / 4)
    {
      void *big = g_malloc (n);
      g_ptr_array_add (a->blocks, big);
      return big;
    }
  if (n > a->left)
    {
      a->cur = g_malloc (ARENA_BLOCK);
      a->left = ARENA_BLOCK;
      g_ptr_array_add (a->blocks, a->cur);
    }
  void *p = a->cur;
  a->cur += n;
  a->left -= n;
  return p;
}

static void *
arena_zero (Arena *a, gsize n)
{
  return memset (arena_alloc (a, n), 0, n);
}

static xmlChar *
arena_strndup (Arena *a, const xmlChar *s, gsize n)
{
  xmlChar *d = arena_alloc (a, n + 1);
  memcpy (d, s, n);
  d[n] = '\0';
  return d;
}

typedef struct {
  Arena arena;
  xmlNode doc;      /* the document: its children are the top level */
  GPtrArray *open;  /* open elements, as xmlSAX2's node stack */
  gboolean has_dtd;
} Tree;

static void
append_child (xmlNode *parent, xmlNode *n)
{
  n->parent = parent;
  n->prev = parent->last;
  if (parent->last)
    parent->last->next = n;
  else
    parent->children = n;
  parent->last = n;
}

static xmlNode *
current (Tree *t)
{
  return t->open->len ? g_ptr_array_index (t->open, t->open->len - 1) : NULL;
}

/* The name xmlSAX2StartElement gives an element: xmlSplitQName's local
 * part ("o:p" is a "p"), the whole name when it starts with "xml:" or
 * ":" or ends at its first colon. Points into `name`. */
static const xmlChar *
local_name (const xmlChar *name)
{
  const char *n = (const char *) name, *colon = strchr (n, ':');
  if (!colon || colon == n || !colon[1] || g_str_has_prefix (n, "xml:"))
    return name;
  return (const xmlChar *) colon + 1;
}

static void
sax_start_element (void *ctx, const xmlChar *name, const xmlChar **atts)
{
  xmlParserCtxtPtr ctxt = ctx;
  Tree *t = ctxt->_private;
  /* xmlSAX2's node stack refuses to go deeper and stops the parser. */
  if (t->open->len > xmlParserMaxDepth)
    {
      xmlStopParser (ctxt);
      return;
    }
  xmlNode *n = arena_zero (&t->arena, sizeof *n);
  n->type = XML_ELEMENT_NODE;
  n->name = local_name (name);
  xmlAttr *last = NULL;
  for (guint i = 0; atts && atts[i]; i += 2)
    {
      xmlAttr *a = arena_zero (&t->arena, sizeof *a);
      a->type = XML_ATTRIBUTE_NODE;
      a->name = atts[i];
      a->parent = n;
      /* A boolean attribute written bare has its name as value. */
      const xmlChar *v = atts[i + 1] ? atts[i + 1] : htmlIsBooleanAttr (atts[i]) ? atts[i] : NULL;
      if (v)
        {
          xmlNode *text = arena_zero (&t->arena, sizeof *text);
          text->type = XML_TEXT_NODE;
          text->content = arena_strndup (&t->arena, v, strlen ((const char *) v));
          text->parent = (xmlNode *) a;
          a->children = a->last = text;
        }
      if (last)
        last->next = a, a->prev = last;
      else
        n->properties = a;
      last = a;
    }
  /* Where xmlSAX2StartElement links it: under the open element; the
   * first element at the top; a later one opened with nothing open goes
   * under the first top-level node, or beside it when that is not an
   * element (the doctype, a comment). */
  xmlNode *parent = current (t);
  g_ptr_array_add (t->open, n);
  if (!t->doc.children)
    append_child (&t->doc, n);
  else if (!parent)
    parent = t->doc.children;
  if (parent)
    append_child (parent->type == XML_ELEMENT_NODE ? parent : parent->parent, n);
}

static void
sax_end_element (void *ctx, const xmlChar *name)
{
  (void) name;
  Tree *t = ((xmlParserCtxtPtr) ctx)->_private;
  if (t->open->len)
    g_ptr_array_set_size (t->open, t->open->len - 1);
}

static void
add_text (void *ctx, const xmlChar *ch, int len, xmlElementType type)
{
  Tree *t = ((xmlParserCtxtPtr) ctx)->_private;
  xmlNode *parent = current (t);
  if (!parent || len < 0)
    return; /* text outside any element is dropped, as by xmlSAX2 */
  xmlNode *n = arena_zero (&t->arena, sizeof *n);
  n->type = type;
  n->content = arena_strndup (&t->arena, ch, (gsize) len);
  append_child (parent, n);
}

static void
sax_characters (void *ctx, const xmlChar *ch, int len)
{
  add_text (ctx, ch, len, XML_TEXT_NODE);
}

static void
sax_cdata (void *ctx, const xmlChar *ch, int len)
{
  add_text (ctx, ch, len, XML_CDATA_SECTION_NODE);
}

static void
top_marker (Tree *t, xmlElementType type, gboolean first)
{
  xmlNode *n = arena_zero (&t->arena, sizeof *n);
  n->type = type;
  if (!first || !t->doc.children)
    {
      append_child (&t->doc, n);
      return;
    }
  n->parent = &t->doc;
  n->next = t->doc.children;
  t->doc.children->prev = n;
  t->doc.children = n;
}

static void
sax_comment (void *ctx, const xmlChar *value)
{
  (void) value;
  Tree *t = ((xmlParserCtxtPtr) ctx)->_private;
  if (!current (t))
    top_marker (t, XML_COMMENT_NODE, FALSE);
}

static void
sax_pi (void *ctx, const xmlChar *target, const xmlChar *data)
{
  (void) target, (void) data;
  Tree *t = ((xmlParserCtxtPtr) ctx)->_private;
  if (!current (t))
    top_marker (t, XML_PI_NODE, FALSE);
}

/* The first doctype goes first among the top-level nodes, as
 * xmlCreateIntSubset puts it in an HTML document; later ones are
 * ignored. */
static void
sax_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
  (void) name, (void) external_id, (void) system_id;
  Tree *t = ((xmlParserCtxtPtr) ctx)->_private;
  if (t->has_dtd)
    return;
  t->has_dtd = TRUE;
  top_marker (t, XML_DTD_NODE, TRUE);
}

static xmlNode *
root_element (Tree *t)
{
  for (xmlNode *c = t->doc.children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

/* Parses `utf8` into t; the parser context (whose dictionary holds the
 * names) is the caller's to free after the tree. */
static xmlParserCtxtPtr
parse_tree (Tree *t, const char *utf8, int len, const char *base)
{
  t->arena.blocks = g_ptr_array_new_with_free_func (g_free);
  t->open = g_ptr_array_new ();
  t->doc.type = XML_DOCUMENT_NODE;
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  if (!ctxt)
    return NULL;
  htmlSAXHandler *sax = ctxt->sax;
  sax->internalSubset = sax_doctype;
  sax->startElement = sax_start_element;
  sax->endElement = sax_end_element;
  sax->characters = sax_characters;
  sax->cdataBlock = sax_cdata;
  sax->comment = sax_comment;
  sax->processingInstruction = sax_pi;
  sax->ignorableWhitespace = NULL; /* xmlSAX2's does nothing */
  sax->setDocumentLocator = NULL;
  sax->startDocument = NULL; /* no xmlDoc: the tree is ours */
  sax->endDocument = NULL;
  sax->reference = NULL;
  ctxt->_private = t;
  htmlCtxtReadMemory (ctxt, utf8, len, base, "UTF-8",
                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                          | HTML_PARSE_IGNORE_ENC);
  g_ptr_array_unref (t->open);
  t->open = NULL;
  return ctxt;
}

static void
tree_clear (Tree *t)
{
  g_ptr_array_unref (t->arena.blocks);
}

/* Whether two strings are the same words, ignoring case and spacing. */
static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
same_words (const char *a, const char *b)
{
  if (!a || !b)
    return FALSE;
  g_autofree char *ca = nkg_meta_clean (a), *cb = nkg_meta_clean (b);
  if (!ca || !cb)
    return FALSE;
  if (is_ascii (ca) && is_ascii (cb))
    return g_ascii_strcasecmp (ca, cb) == 0; /* ASCII case-folds to a-z only */
  g_autofree char *la = g_utf8_casefold (ca, -1), *lb = g_utf8_casefold (cb, -1);
  return strcmp (la, lb) == 0;
}

/* ---- metadata ---- */

typedef struct {
  GHashTable *meta; /* lower-case name/property → first content */
  char *title_tag, *canonical, *lang, *itemprop_date, *time_date;
  char *ld_headline, *ld_date, *ld_url, *ld_author, *ld_body, *ld_lang;
  char *byline;     /* text of the first byline element removed */
  gboolean ld_found; /* a JSON-LD article node was read (the first wins) */
} Meta;

static void
meta_clear (Meta *m)
{
  g_hash_table_unref (m->meta);
  g_free (m->title_tag);
  g_free (m->canonical);
  g_free (m->lang);
  g_free (m->itemprop_date);
  g_free (m->time_date);
  g_free (m->ld_headline);
  g_free (m->ld_date);
  g_free (m->ld_url);
  g_free (m->ld_author);
  g_free (m->ld_body);
  g_free (m->ld_lang);
  g_free (m->byline);
}

static const char *
json_str (JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member (o, key);
  if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

static gboolean
is_article_type (JsonNode *t)
{
  if (!t)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (t))
    {
      JsonArray *a = json_node_get_array (t);
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (is_article_type (json_array_get_element (a, i)))
          return TRUE;
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
    return FALSE;
  const char *s = json_node_get_string (t);
  const char *slash = strrchr (s, '/'), *colon = strrchr (s, ':');
  if (slash)
    s = slash + 1;
  else if (colon)
    s = colon + 1;
  return nkg_rules_has ("jsonld", "article-types", s);
}

/* The node describing the article: at the top, in a list, or in @graph. */
static JsonObject *
find_article (JsonNode *n, int depth)
{
  if (!n || depth > 6)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonObject *o = find_article (json_array_get_element (a, i), depth + 1);
          if (o)
            return o;
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (n))
    return NULL;
  JsonObject *o = json_node_get_object (n);
  if (is_article_type (json_object_get_member (o, "@type")))
    return o;
  return find_article (json_object_get_member (o, "@graph"), depth + 1);
}

/* Whether the JSON text can name an article type at all: each type is
 * a string in it, so it holds the type's letters (in any case, as
 * is_article_type compares), unless written with \u escapes. Most
 * JSON-LD blocks (WebSite, BreadcrumbList, Organization) name none, and
 * are then not parsed. */
static gboolean
may_name_article_type (const char *json)
{
  if (strstr (json, "\\u"))
    return TRUE;
  g_autofree char *lower = g_ascii_strdown (json, -1);
  for (const char *const *t = nkg_rules_list ("jsonld", "article-types"); *t; t++)
    {
      char type[128];
      gsize n = strlen (*t);
      if (n >= sizeof type)
        return TRUE;
      for (gsize i = 0; i <= n; i++)
        type[i] = g_ascii_tolower ((*t)[i]);
      if (strstr (lower, type))
        return TRUE;
    }
  return FALSE;
}

static void
read_json_ld (Meta *m, const char *json)
{
  if (m->ld_found)
    return; /* the first article node wins */
  if (!may_name_article_type (json))
    return;
  if (nkg_meta_json_too_deep (json, strlen (json), NKG_JSON_MAX_DEPTH))
    return;
  g_autoptr (JsonParser) p = json_parser_new_immutable ();
  if (!json_parser_load_from_data (p, json, -1, NULL))
    return;
  JsonObject *o = find_article (json_parser_get_root (p), 0);
  if (!o)
    return;
  m->ld_found = TRUE;
  m->ld_headline = nkg_meta_clean (json_str (o, "headline") ? json_str (o, "headline") : json_str (o, "name"));
  const char *date = json_str (o, "datePublished");
  m->ld_date = nkg_meta_date (date ? date : json_str (o, "dateCreated"));
  const char *url = json_str (o, "url");
  JsonNode *page = json_object_get_member (o, "mainEntityOfPage");
  if (!url && page && JSON_NODE_HOLDS_VALUE (page) && json_node_get_value_type (page) == G_TYPE_STRING)
    url = json_node_get_string (page);
  if (!url && page && JSON_NODE_HOLDS_OBJECT (page))
    url = json_str (json_node_get_object (page), "@id");
  m->ld_url = g_strdup (url);
  m->ld_author = nkg_meta_json_names (json_object_get_member (o, "author"));
  m->ld_body = g_strdup (json_str (o, "articleBody"));
  m->ld_lang = g_strdup (json_str (o, "inLanguage"));
}

static void
gather (Meta *m, xmlNode *n)
{
  for (xmlNode *c = n; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (name_is (c->name, "html") && !m->lang && attr (c, "lang"))
        m->lang = nkg_meta_clean (attr (c, "lang"));
      else if (name_is (c->name, "title") && !m->title_tag)
        m->title_tag = node_text (c);
      else if (name_is (c->name, "meta"))
        {
          const char *key = attr (c, "property");
          if (!key)
            key = attr (c, "name");
          if (!key)
            key = attr (c, "itemprop");
          const char *content = attr (c, "content");
          if (key && content && *content)
            {
              char *k = g_ascii_strdown (key, -1);
              if (!g_hash_table_contains (m->meta, k))
                g_hash_table_insert (m->meta, k, g_strdup (content));
              else
                g_free (k);
            }
        }
      else if (name_is (c->name, "link") && !m->canonical)
        {
          const char *rel = attr (c, "rel");
          if (rel && g_ascii_strcasecmp (rel, "canonical") == 0 && attr (c, "href"))
            m->canonical = g_strdup (attr (c, "href"));
        }
      else if (name_is (c->name, "script"))
        {
          const char *type = attr (c, "type");
          if (type && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              g_autoptr (GString) json = g_string_new (NULL);
              raw_text (c, json);
              read_json_ld (m, json->str);
            }
          continue;
        }
      const char *prop = attr (c, "itemprop");
      if (prop && g_ascii_strcasecmp (prop, "datePublished") == 0 && !m->itemprop_date)
        {
          const char *v = attr (c, "content") ? attr (c, "content") : attr (c, "datetime");
          m->itemprop_date = nkg_meta_date (v);
        }
      if (name_is (c->name, "time") && !m->time_date && attr (c, "pubdate"))
        m->time_date = nkg_meta_date (attr (c, "datetime"));
      gather (m, c->children);
    }
}

static const char *
meta_first (Meta *m, const char *field)
{
  for (const char *const *k = nkg_rules_list ("meta", field); *k; k++)
    {
      g_autofree char *lower = g_ascii_strdown (*k, -1);
      const char *v = g_hash_table_lookup (m->meta, lower);
      if (v && *v)
        return v;
    }
  return NULL;
}

/* ---- pruning ---- */

/* The passes below recurse once per level of the tree; libxml2's HTML
 * parser stops nesting at 256 levels (no HTML_PARSE_HUGE here), which
 * bounds the stack whatever the page. */

typedef struct {
  Meta *meta;
} Pruner;

static gboolean
is_hidden (const xmlNode *n)
{
  if (attr (n, "hidden"))
    return TRUE;
  const char *aria = attr (n, "aria-hidden");
  if (aria && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  const char *style = attr (n, "style");
  if (style)
    {
      g_autofree char *lower = g_ascii_strdown (style, -1);
      g_autofree char *tight = g_strdup (lower);
      char *w = tight;
      for (const char *r = lower; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (tight, "display:none") || strstr (tight, "visibility:hidden"))
        return TRUE;
    }
  return FALSE;
}

/* Elements that are the page or the article itself are never furniture,
 * whatever their class says. */
static gboolean
is_structural (const xmlNode *n)
{
  return is_elem (n, "html") || is_elem (n, "body") || is_elem (n, "article") || is_elem (n, "main")
         || is_elem (n, "a");
}

/* ci: the element's class_and_id (). */
static gboolean
is_byline (const xmlNode *n, const char *ci)
{
  const char *rel = attr (n, "rel"), *prop = attr (n, "itemprop");
  if ((rel && g_ascii_strcasecmp (rel, "author") == 0) || (prop && g_ascii_strcasecmp (prop, "author") == 0))
    return TRUE;
  return nkg_rules_names_class ("html", "byline", ci);
}

/* A byline is short; a container merely called "author-…" may be the
 * whole story. */
#define BYLINE_MAX_CHARS 200

static gboolean
should_drop (Pruner *p, xmlNode *n, gboolean in_content)
{
  const char *name = (const char *) n->name;
  if (nkg_rules_has ("html", "drop", name))
    return TRUE;
  /* A page's header holds the masthead and menus; the article's own
   * header holds its headline, which is text. */
  if (name_is (n->name, "header") && !in_content)
    return TRUE;
  if (is_hidden (n))
    return TRUE;
  const char *role = attr (n, "role");
  if (role && nkg_rules_has ("html", "drop-roles", role))
    return TRUE;
  if (is_structural (n))
    return FALSE;
  g_autofree char *ci = class_and_id (n);
  if (is_byline (n, ci))
    {
      g_autofree char *text = node_text (n);
      if (!text || g_utf8_strlen (text, -1) <= BYLINE_MAX_CHARS)
        {
          if (text && !p->meta->byline)
            p->meta->byline = g_steal_pointer (&text);
          return TRUE;
        }
    }
  if (nkg_rules_names_class ("html", "furniture", ci) && !nkg_rules_names_class ("html", "content", ci))
    return TRUE;
  return FALSE;
}

static gboolean
is_content_marker (const xmlNode *n)
{
  if (is_elem (n, "article") || is_elem (n, "main"))
    return TRUE;
  const char *role = attr (n, "role"), *prop = attr (n, "itemprop");
  if (role && g_ascii_strcasecmp (role, "main") == 0)
    return TRUE;
  return prop && nkg_rules_has ("html", "body-itemprop", prop);
}

static void
prune (Pruner *p, xmlNode *n, gboolean in_content)
{
  xmlNode *next;
  for (xmlNode *c = n->children; c; c = next)
    {
      next = c->next;
      switch (c->type)
        {
        case XML_ELEMENT_NODE:
          if (should_drop (p, c, in_content))
            drop_node (c);
          else
            prune (p, c, in_content || is_content_marker (c));
          break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_ENTITY_REF_NODE:
          break;
        default: /* comments, processing instructions, DTD bits */
          drop_node (c);
          break;
        }
    }
}

/* ---- measuring ---- */

typedef struct {
  guint text;   /* characters of text, white space not counted */
  guint links;  /* of which inside <a> */
  guint commas;
  double score; /* as the article's container (fallback path) */
  gboolean scored;
} Info;

static Info *
info (const xmlNode *n)
{
  return n ? n->_private : NULL;
}

/* The character at *p, moving past it; a broken sequence reads as U+FFFD
 * and moves one byte, so that no walk can step over the final NUL. */
static gunichar
take_char (const char **p)
{
  gunichar c = g_utf8_get_char_validated (*p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      (*p)++;
      return 0xFFFD;
    }
  *p = g_utf8_next_char (*p);
  return c;
}

static void
count_text (const char *s, Info *i, gboolean link)
{
  for (const char *p = s; *p;)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII, most of any page: the spaces g_unichar_isspace knows. */
          p++;
          if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f')
            continue;
          i->text++;
          if (link)
            i->links++;
          if (b == ',')
            i->commas++;
          continue;
        }
      gunichar c = take_char (&p);
      if (g_unichar_isspace (c))
        continue;
      i->text++;
      if (link)
        i->links++;
      if (c == ',' || c == 0x3001 || c == 0xFF0C)
        i->commas++;
    }
}

static void
measure (xmlNode *n, Arena *arena, gboolean in_link)
{
  Info *i = arena_zero (arena, sizeof *i);
  n->_private = i;
  gboolean link = in_link || is_elem (n, "a");
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          measure (c, arena, link);
          Info *ci = c->_private;
          i->text += ci->text;
          i->links += ci->links;
          i->commas += ci->commas;
        }
      else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
        count_text ((const char *) c->content, i, link);
    }
}

static double
link_density (const xmlNode *n)
{
  const Info *i = info (n);
  return i && i->text ? (double) i->links / i->text : 0.0;
}

/* ---- choosing the article's container ---- */

/* Elements that break lines in rendered text (HTML's block-level and
 * table elements): where one paragraph of our text ends. */
static const char *const block_tags[]
    = { "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "caption", "ul", "html" };

static gboolean
is_block (const xmlNode *n)
{
  if (!n || n->type != XML_ELEMENT_NODE)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (block_tags); i++)
    if (name_is (n->name, block_tags[i]))
      return TRUE;
  return FALSE;
}

static void
find_all (xmlNode *n, gboolean (*pred) (const xmlNode *), GPtrArray *out)
{
  for (xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (pred (c))
          g_ptr_array_add (out, c);
        find_all (c, pred, out);
      }
}

static gboolean
is_body_marker (const xmlNode *n)
{
  const char *prop = attr (n, "itemprop");
  if (prop && nkg_rules_has ("html", "body-itemprop", prop))
    return TRUE;
  g_autofree char *ci = class_and_id (n);
  return nkg_rules_any_in ("html", "body-class", ci);
}

static gboolean
is_article_elem (const xmlNode *n)
{
  return is_elem (n, "article");
}

static gboolean
is_main_elem (const xmlNode *n)
{
  const char *role = attr (n, "role");
  return is_elem (n, "main") || (role && g_ascii_strcasecmp (role, "main") == 0);
}

/* The biggest of the elements `pred` picks, when it holds enough text to
 * be an article rather than a teaser. */
#define MARKED_MIN_CHARS 100

static xmlNode *
largest (xmlNode *body, gboolean (*pred) (const xmlNode *))
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  find_all (body, pred, all);
  xmlNode *best = NULL;
  for (guint i = 0; i < all->len; i++)
    {
      xmlNode *n = g_ptr_array_index (all, i);
      const Info *in = info (n);
      guint plain = in->text - in->links;
      if (plain >= MARKED_MIN_CHARS && (!best || plain > info (best)->text - info (best)->links))
        best = n;
    }
  return best;
}

/* Starting scores by element, as readability-style extractors weigh them:
 * containers of prose up, lists and headings down. */
static double
tag_weight (const xmlNode *n)
{
  static const struct {
    const char *tag;
    double w;
  } w[] = { { "div", 5 },      { "article", 10 }, { "section", 3 }, { "pre", 3 }, { "td", 3 },
            { "blockquote", 3 }, { "address", -3 }, { "ol", -3 },    { "ul", -3 },  { "dl", -3 },
            { "dd", -3 },      { "dt", -3 },      { "li", -3 },      { "form", -3 }, { "h1", -5 },
            { "h2", -5 },      { "h3", -5 },      { "h4", -5 },      { "h5", -5 },   { "h6", -5 },
            { "th", -5 } };
  for (gsize i = 0; i < G_N_ELEMENTS (w); i++)
    if (is_elem (n, w[i].tag))
      return w[i].w;
  return 0;
}

static double
class_weight (const xmlNode *n)
{
  g_autofree char *ci = class_and_id (n);
  double s = 0;
  if (nkg_rules_names_class ("html", "negative", ci))
    s -= 25;
  if (nkg_rules_names_class ("html", "positive", ci))
    s += 25;
  return s;
}

static gboolean
has_block_child (const xmlNode *n)
{
  for (const xmlNode *c = n->children; c; c = c->next)
    if (is_block (c))
      return TRUE;
  return FALSE;
}

/* Paragraph-like: its text is one stretch of prose. */
static gboolean
is_paragraph (const xmlNode *n)
{
  if (is_elem (n, "p") || is_elem (n, "pre") || is_elem (n, "td") || is_elem (n, "blockquote"))
    return TRUE;
  /* Pages that write paragraphs as bare <div>s of text. */
  return (is_elem (n, "div") || is_elem (n, "section")) && !has_block_child (n);
}

/* Below this, a paragraph says too little to vote for its container. */
#define PARAGRAPH_MIN_CHARS 25

static void
score_paragraphs (xmlNode *n, GPtrArray *candidates)
{
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_paragraph (c) && info (c)->text >= PARAGRAPH_MIN_CHARS)
        {
          const Info *pi = info (c);
          double s = 1 + pi->commas + MIN (pi->text / 100, 3u);
          xmlNode *a = c->parent;
          for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5; level++, a = a->parent)
            {
              Info *ai = info (a);
              if (!ai)
                break;
              if (!ai->scored)
                {
                  ai->scored = TRUE;
                  ai->score = tag_weight (a) + class_weight (a);
                  g_ptr_array_add (candidates, a);
                }
              ai->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
            }
        }
      score_paragraphs (c, candidates);
    }
}

static gboolean
ends_sentence (const xmlNode *n)
{
  g_autofree char *t = node_text ((xmlNode *) n);
  gsize len = t ? strlen (t) : 0;
  return len && (t[len - 1] == '.' || t[len - 1] == '!' || t[len - 1] == '?');
}

/* The top-scored container and those of its siblings that belong to the
 * article too (a story split over several <div>s). */
static void
choose_by_score (xmlNode *body, GPtrArray *roots)
{
  g_autoptr (GPtrArray) cands = g_ptr_array_new ();
  score_paragraphs (body, cands);
  xmlNode *top = NULL;
  double best = 0;
  for (guint i = 0; i < cands->len; i++)
    {
      xmlNode *c = g_ptr_array_index (cands, i);
      Info *ci = info (c);
      ci->score *= 1 - link_density (c);
      if (!top || ci->score > best)
        top = c, best = ci->score;
    }
  if (!top || is_elem (top, "body") || is_elem (top, "html"))
    {
      g_ptr_array_add (roots, body);
      return;
    }
  double threshold = MAX (10, best * 0.2);
  g_autofree char *top_class = g_strdup (attr (top, "class"));
  for (xmlNode *s = top->parent->children; s; s = s->next)
    {
      if (s->type != XML_ELEMENT_NODE)
        continue;
      if (s == top)
        {
          g_ptr_array_add (roots, s);
          continue;
        }
      const Info *si = info (s);
      double bonus = top_class && attr (s, "class") && strcmp (top_class, attr (s, "class")) == 0 ? best * 0.2 : 0;
      gboolean take = si->scored && si->score + bonus >= threshold;
      if (!take && is_elem (s, "p"))
        {
          double ld = link_density (s);
          take = (si->text > 80 && ld < 0.25) || (si->text > 0 && si->text <= 80 && ld == 0 && ends_sentence (s));
        }
      if (take)
        g_ptr_array_add (roots, s);
    }
}

/* ---- writing the text ---- */

typedef struct {
  GString *s;
  int brk; /* pending break: 0 none, 1 line, 2 paragraph */
  gboolean space;
} Out;

static void
out_break (Out *o, int kind)
{
  if (o->s->len)
    o->brk = MAX (o->brk, kind);
  o->space = FALSE;
}

/* Before a visible character: the break or space pending since the last
 * one (none at the start, no space after a line break). */
static inline void
out_pending (Out *o)
{
  if (o->brk && o->s->len)
    g_string_append (o->s, o->brk == 2 ? "\n\n" : "\n");
  else if (o->space && o->s->len && o->s->str[o->s->len - 1] != '\n')
    g_string_append_c (o->s, ' ');
  o->brk = 0;
  o->space = FALSE;
}

static void
out_text (Out *o, const char *t, gboolean pre)
{
  for (const char *p = t; *p;)
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII, most of any text: the same steps without decoding
           * (the spaces g_unichar_isspace knows, none of the marks). */
          p++;
          if (pre && b == '\n')
            out_break (o, 1);
          else if ((b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') && !(pre && b == ' '))
            o->space = TRUE;
          else
            {
              out_pending (o);
              g_string_append_c (o->s, (char) b);
            }
          continue;
        }
      gunichar c = take_char (&p);
      /* Soft hyphens and zero-width marks shape rendering, not words. */
      if (c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF)
        continue;
      if (pre && c == '\n')
        {
          out_break (o, 1);
          continue;
        }
      if (g_unichar_isspace (c) && !(pre && c == ' '))
        {
          o->space = TRUE;
          continue;
        }
      out_pending (o);
      g_string_append_unichar (o->s, c);
    }
}

/* Lists and boxes of links inside the article (related stories, tags,
 * "read more") are not its text; prose with a link or two is. */
static gboolean
is_link_box (const xmlNode *n)
{
  const Info *i = info (n);
  if (!i || !i->text)
    return FALSE;
  double ld = link_density (n);
  if (is_elem (n, "p") || is_elem (n, "li") || is_elem (n, "dd"))
    return ld > 0.66;
  if (is_elem (n, "ul") || is_elem (n, "ol") || is_elem (n, "dl") || is_elem (n, "div")
      || is_elem (n, "section") || is_elem (n, "table") || is_elem (n, "nav"))
    return ld > 0.5;
  return FALSE;
}

static void
emit (Out *o, xmlNode *n, gboolean pre)
{
  for (xmlNode *c = n->children; c; c = c->next)
    {
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
        {
          out_text (o, (const char *) c->content, pre);
          continue;
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_elem (c, "br"))
        {
          out_break (o, 1);
          continue;
        }
      if (is_link_box (c))
        continue;
      gboolean block = is_block (c);
      if (block)
        out_break (o, 2);
      else if (is_elem (c, "tr"))
        out_break (o, 1);
      else if (is_elem (c, "td") || is_elem (c, "th"))
        o->space = TRUE;
      emit (o, c, pre || is_elem (c, "pre"));
      if (block)
        out_break (o, 2);
      else if (is_elem (c, "tr"))
        out_break (o, 1);
      else if (is_elem (c, "td") || is_elem (c, "th"))
        o->space = TRUE;
    }
}

/* ---- putting it together ---- */

static xmlNode *
find_body (xmlNode *root)
{
  if (!root)
    return NULL;
  for (xmlNode *c = root->children; c; c = c->next)
    if (is_elem (c, "body"))
      return c;
  return root;
}

static gboolean
contains (const xmlNode *outer, const xmlNode *n)
{
  for (; n; n = n->parent)
    if (n == outer)
      return TRUE;
  return FALSE;
}

static gboolean
is_h1 (const xmlNode *n)
{
  return is_elem (n, "h1");
}

/* The page's headline when the chosen container does not hold it: an h1
 * outside it (the one that matches the metadata's headline when there
 * are several), else the metadata's headline. */
static char *
outside_headline (xmlNode *body, GPtrArray *roots, const char *meta_headline)
{
  g_autoptr (GPtrArray) h1s = g_ptr_array_new ();
  find_all (body, is_h1, h1s);
  for (guint i = 0; i < h1s->len; i++)
    for (guint r = 0; r < roots->len; r++)
      if (contains (g_ptr_array_index (roots, r), g_ptr_array_index (h1s, i)))
        return NULL; /* the container has its own headline */
  for (guint i = 0; i < h1s->len; i++)
    {
      g_autofree char *t = node_text (g_ptr_array_index (h1s, i));
      if (t && (h1s->len == 1 || same_words (t, meta_headline)))
        return g_steal_pointer (&t);
    }
  return g_strdup (meta_headline);
}

/* "Headline | Site" → "Headline": a <title> names the site too. */
static char *
strip_site (const char *title, const char *site)
{
  static const char *const seps[] = { " | ", " \u2013 ", " \u2014 ", " - ", " :: ", " \u00b7 " };
  if (!title)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      const char *at = g_strrstr (title, seps[i]);
      if (!at || at == title)
        continue;
      const char *tail = at + strlen (seps[i]);
      if (same_words (tail, site) || (i == 0 && strlen (tail) < (gsize) (at - title)))
        return g_strndup (title, at - title);
    }
  return g_strdup (title);
}

/* Below this the page gave us next to nothing (a script-built page):
 * JSON-LD's articleBody, when longer, is the better text. */
#define THIN_TEXT_CHARS 200

static void
finish_text (NkgHtml *h, Meta *m, xmlNode *body, GPtrArray *roots, const char *headline)
{
  Out o = { g_string_new (NULL), 0, FALSE };
  g_autofree char *lead = outside_headline (body, roots, headline);
  for (guint r = 0; r < roots->len; r++)
    {
      out_break (&o, 2);
      emit (&o, g_ptr_array_index (roots, r), is_elem (g_ptr_array_index (roots, r), "pre"));
    }
  if (g_utf8_strlen (o.s->str, -1) < THIN_TEXT_CHARS && m->ld_body
      && strlen (m->ld_body) > o.s->len * 2)
    {
      g_string_truncate (o.s, 0);
      o.brk = 0;
      o.space = FALSE;
      g_autofree char *body_text = g_strdup (m->ld_body);
      /* articleBody is plain text: its line breaks are paragraphs. */
      g_auto (GStrv) paras = g_strsplit (body_text, "\n", -1);
      for (guint i = 0; paras[i]; i++)
        {
          out_break (&o, 2);
          out_text (&o, paras[i], FALSE);
        }
    }
  if (lead && o.s->len)
    {
      g_autofree char *first_line = g_strndup (o.s->str, strcspn (o.s->str, "\n"));
      if (!same_words (first_line, lead))
        {
          g_string_prepend (o.s, "\n\n");
          g_string_prepend (o.s, lead);
        }
    }
  h->text = g_string_free (o.s, FALSE);
}

static void
meta_fields (NkgHtml *h, Meta *m, const char *base)
{
  h->title = g_strdup (m->ld_headline);
  if (!h->title)
    h->title = nkg_meta_clean (meta_first (m, "title"));
  h->date = g_strdup (m->ld_date);
  if (!h->date)
    h->date = nkg_meta_date (meta_first (m, "date"));
  if (!h->date)
    h->date = g_strdup (m->itemprop_date ? m->itemprop_date : m->time_date);
  const char *urls[] = { m->ld_url, m->canonical, meta_first (m, "url") };
  for (gsize i = 0; i < G_N_ELEMENTS (urls) && !h->url; i++)
    h->url = nkg_meta_url (urls[i], base);
  h->author = g_strdup (m->ld_author);
  if (!h->author)
    {
      const char *a = meta_first (m, "author");
      /* article:author is often a profile URL, which names nobody. */
      if (a && !strstr (a, "://"))
        h->author = nkg_meta_clean (a);
    }
  h->language = g_strdup (m->lang ? m->lang : m->ld_lang);
}

NkgHtml *
nkg_html_read (const char *utf8, gsize len, NkgHtmlMode mode, const char *base)
{
  NkgHtml *h = g_new0 (NkgHtml, 1);
  if (len > G_MAXINT)
    len = G_MAXINT;
  /* The passes below walk text by characters: broken UTF-8 (a feed's
   * markup, a mislabelled page) is repaired first, not walked past. */
  g_autofree char *valid = NULL;
  if (!nkg_decode_is_utf8 (utf8, len))
    {
      valid = g_utf8_make_valid (utf8, (gssize) len);
      utf8 = valid;
      len = strlen (valid);
    }
  if (!len)
    {
      h->text = g_strdup ("");
      return h;
    }
  Tree tree = { 0 };
  xmlParserCtxtPtr ctxt = parse_tree (&tree, utf8, (int) len, base);
  xmlNode *root = root_element (&tree);
  xmlNode *body = find_body (root);
  if (!body)
    {
      if (ctxt)
        htmlFreeParserCtxt (ctxt);
      tree_clear (&tree);
      h->text = g_strdup ("");
      return h;
    }
  Meta m = { 0 };
  m.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (mode == NKG_HTML_PAGE)
    gather (&m, root);
  Pruner p = { &m };
  prune (&p, body, mode == NKG_HTML_FRAGMENT || is_content_marker (body));
  measure (body, &tree.arena, FALSE);

  g_autoptr (GPtrArray) roots = g_ptr_array_new ();
  if (mode == NKG_HTML_FRAGMENT)
    g_ptr_array_add (roots, body);
  else
    {
      xmlNode *root = largest (body, is_body_marker);
      if (!root)
        root = largest (body, is_article_elem);
      if (!root)
        root = largest (body, is_main_elem);
      if (root)
        g_ptr_array_add (roots, root);
      else
        choose_by_score (body, roots);
      meta_fields (h, &m, base);
      /* No headline in the metadata: the page's own h1, else <title>. */
      g_autoptr (GPtrArray) h1s = g_ptr_array_new ();
      find_all (body, is_h1, h1s);
      if (!h->title && h1s->len)
        h->title = node_text (g_ptr_array_index (h1s, 0));
      if (!h->title && m.title_tag)
        h->title = strip_site (m.title_tag, g_hash_table_lookup (m.meta, "og:site_name"));
    }
  const char *headline = m.ld_headline ? m.ld_headline : meta_first (&m, "title");
  if (mode == NKG_HTML_PAGE)
    finish_text (h, &m, body, roots, headline);
  else
    {
      Out o = { g_string_new (NULL), 0, FALSE };
      emit (&o, body, FALSE);
      h->text = g_string_free (o.s, FALSE);
    }
  if (!h->author && m.byline)
    {
      const char *b = m.byline;
      if (g_ascii_strncasecmp (b, "by ", 3) == 0)
        b += 3;
      h->author = nkg_meta_clean (b);
    }
  htmlFreeParserCtxt (ctxt);
  tree_clear (&tree);
  meta_clear (&m);
  return h;
}

void
nkg_html_free (NkgHtml *h)
{
  if (!h)
    return;
  g_free (h->text);
  g_free (h->title);
  g_free (h->date);
  g_free (h->url);
  g_free (h->author);
  g_free (h->language);
  g_free (h);
}

/* ---- sniffing helpers ---- */

static char *
charset_after (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
    p++;
  const char *s = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    p++;
  return p > s ? g_strndup (s, p - s) : NULL;
}

/* Whether p (before end) starts with `lower`, in any case. */
static gboolean
at_ci (const char *p, const char *end, const char *lower)
{
  gsize n = strlen (lower);
  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, lower, n) == 0;
}

static const char *
find_ci (const char *p, const char *end, const char *lower)
{
  for (; p < end; p++)
    if (at_ci (p, end, lower))
      return p;
  return NULL;
}

char *
nkg_html_declared_charset (const guchar *head, gsize len)
{
  /* Browsers look at the first 1024 bytes; pages with long heads put the
   * declaration later, so look a little further (up to a NUL). */
  gsize n = MIN (len, 4096);
  const guchar *nul = memchr (head, '\0', n);
  const char *p0 = (const char *) head, *end = p0 + (nul ? (gsize) (nul - head) : n);
  g_autofree char *found = NULL;
  if (at_ci (p0, end, "<?xml"))
    {
      const char *decl_end = find_ci (p0, end, "?>");
      const char *enc = find_ci (p0, end, "encoding");
      if (enc && decl_end && enc < decl_end)
        {
          found = charset_after (enc + 8, decl_end);
          return found ? g_ascii_strdown (found, -1) : NULL;
        }
    }
  /* The first <meta …> whose tag says "charset" decides. */
  for (const char *p = p0; p < end && (p = memchr (p, '<', (gsize) (end - p))); p++)
    {
      if (!at_ci (p, end, "<meta"))
        continue;
      const char *tag_end = memchr (p, '>', (gsize) (end - p));
      if (!tag_end)
        break;
      const char *cs = find_ci (p, tag_end, "charset");
      if (cs)
        found = charset_after (cs + 7, tag_end);
      if (cs)
        break;
    }
  /* Named in lower case, as the label was always read. */
  return found ? g_ascii_strdown (found, -1) : NULL;
}

gboolean
nkg_html_is_markup (const char *text, gsize len)
{
  for (gsize i = 0; i + 2 < len; i++)
    {
      if (text[i] != '<')
        continue;
      const char *t = text + i + 1;
      if ((t[0] == '/' && g_ascii_isalpha (t[1])) || g_ascii_strncasecmp (t, "br", 2) == 0
          || g_ascii_strncasecmp (t, "p>", 2) == 0 || g_ascii_strncasecmp (t, "p ", 2) == 0
          || g_ascii_strncasecmp (t, "img", 3) == 0)
        return TRUE;
    }
  return FALSE;
}
