/* read-json.c — JSON Lines, JSON arrays and single JSON objects: one
 * article per object. Field names come from --json-text and friends or
 * from input.ini [json]. */
#include "reader.h"

#include "decode.h"
#include "html.h"
#include "meta.h"
#include "rules.h"

#include <json-glib/json-glib.h>
#include <string.h>

static guint
sniff_json (const guchar *head, gsize len)
{
  gsize n;
  const guchar *p = nkg_read_skip_space (head, len, &n);
  if (n < 2 || (p[0] != '{' && p[0] != '['))
    return 0;
  gsize m;
  const guchar *q = nkg_read_skip_space (p + 1, n - 1, &m);
  if (!m)
    return 0;
  if (p[0] == '{')
    return q[0] == '"' || q[0] == '}' ? 85 : 0;
  return q[0] == '{' ? 85 : q[0] == ']' ? 40 : 0;
}

/* A member by name, or by a dotted path into nested objects. */
static JsonNode *
lookup (JsonObject *o, const char *path)
{
  JsonNode *n = json_object_get_member (o, path);
  if (n || !strchr (path, '.'))
    return n;
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i]; i++)
    {
      if (!o)
        return NULL;
      n = json_object_get_member (o, parts[i]);
      o = n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
    }
  return n;
}

static gboolean
is_string (JsonNode *n)
{
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING;
}

/* The first field the option names, or else the first of the list in
 * input.ini that the object has with a usable value. */
static JsonNode *
field (NkgReadContext *ctx, JsonObject *o, const char *what)
{
  g_autofree char *opt_key = g_strdup_printf ("json-%s", what);
  const char *opt = nkg_read_option (ctx, opt_key);
  if (opt)
    return lookup (o, opt);
  for (const char *const *k = nkg_rules_list ("json", what); *k; k++)
    {
      JsonNode *n = lookup (o, *k);
      if (n && !JSON_NODE_HOLDS_NULL (n))
        return n;
    }
  return NULL;
}

static char *
string_text (const char *s)
{
  gsize len = strlen (s);
  if (!nkg_html_is_markup (s, len))
    return g_strdup (s);
  g_autoptr (NkgHtml) h = nkg_html_read (s, len, NKG_HTML_FRAGMENT, NULL);
  return g_steal_pointer (&h->text);
}

/* A text field: a string (plain or markup), or a list of paragraphs. */
static char *
text_value (JsonNode *n)
{
  if (is_string (n))
    return string_text (json_node_get_string (n));
  if (n && JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);
          if (!is_string (e))
            continue;
          g_autofree char *t = string_text (json_node_get_string (e));
          if (s->len)
            g_string_append (s, "\n\n");
          g_string_append (s, t);
        }
      return g_string_free (s, FALSE);
    }
  return NULL;
}

static char *
date_value (JsonNode *n)
{
  if (is_string (n))
    return nkg_meta_date (json_node_get_string (n));
  if (n && JSON_NODE_HOLDS_VALUE (n)
      && (json_node_get_value_type (n) == G_TYPE_INT64 || json_node_get_value_type (n) == G_TYPE_DOUBLE))
    return nkg_meta_date_from_epoch ((gint64) json_node_get_double (n));
  return NULL;
}

typedef struct {
  NkgReadContext *ctx;
  const char *format; /* nkg:format of the articles */
  const char *encoding;
  guint missing; /* records without a text field */
} Reading;

/* Past this many records without text, one line sums up the rest. */
#define MISSING_REPORTED 3

static void
report_missing (Reading *r, const char *source, JsonObject *o)
{
  if (++r->missing > MISSING_REPORTED)
    return;
  g_autoptr (GString) keys = g_string_new (NULL);
  g_autoptr (GList) members = json_object_get_members (o);
  guint shown = 0;
  for (GList *l = members; l && shown < 8; l = l->next, shown++)
    g_string_append_printf (keys, "%s%s", keys->len ? ", " : "", (const char *) l->data);
  const char *opt = nkg_read_option (r->ctx, "json-text");
  nkg_read_skip (r->ctx, source, TRUE, "no text in %s%s (fields: %s)%s",
                 opt ? "field " : "any of the usual fields", opt ? opt : "", keys->str,
                 opt ? "" : "; name it with --json-text FIELD");
}

/* One object → one article; FALSE when the caller stopped. */
static gboolean
read_record (Reading *r, JsonObject *o, const char *source)
{
  g_autofree char *body = text_value (field (r->ctx, o, "text"));
  if (!body || !*g_strstrip (body))
    {
      report_missing (r, source, o);
      return TRUE;
    }
  JsonNode *t = field (r->ctx, o, "title");
  g_autofree char *title_raw = is_string (t) ? string_text (json_node_get_string (t)) : NULL;
  g_autofree char *title = nkg_meta_clean (title_raw);
  g_autofree char *text = nkg_read_join_headline (title, body);
  g_autoptr (NkgArticle) a = nkg_article_new (source, r->format);
  GError *error = NULL;
  if (!nkg_article_set_text (a, text, strlen (text), &error))
    {
      nkg_read_skip (r->ctx, source, TRUE, "%s", error->message);
      g_error_free (error);
      return TRUE;
    }
  g_free (a->encoding);
  a->encoding = g_strdup (r->encoding);
  a->title = g_steal_pointer (&title);
  a->date = date_value (field (r->ctx, o, "date"));
  JsonNode *u = field (r->ctx, o, "url");
  a->url = is_string (u) ? nkg_meta_url (json_node_get_string (u), NULL) : NULL;
  a->author = nkg_meta_json_names (field (r->ctx, o, "author"));
  JsonNode *l = field (r->ctx, o, "language");
  a->language = is_string (l) ? nkg_meta_clean (json_node_get_string (l)) : NULL;
  return nkg_read_emit (r->ctx, g_steal_pointer (&a));
}

static void
read_array (Reading *r, JsonArray *a, const char *name)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      g_autofree char *source = g_strdup_printf ("%s#%u", name, i + 1);
      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          nkg_read_skip (r->ctx, source, TRUE, "not a JSON object");
          continue;
        }
      if (!read_record (r, json_node_get_object (e), source))
        return;
    }
}

/* A wrapper object from a news API: {"articles": [...]}. */
static JsonArray *
records_of (JsonObject *o)
{
  for (const char *const *k = nkg_rules_list ("json", "records"); *k; k++)
    {
      JsonNode *n = lookup (o, *k);
      if (n && JSON_NODE_HOLDS_ARRAY (n))
        return json_node_get_array (n);
    }
  return NULL;
}

static gboolean
has_text_field (NkgReadContext *ctx, JsonObject *o)
{
  return field (ctx, o, "text") != NULL;
}

/* One line of JSON Lines; FALSE when the caller stopped. */
static gboolean
read_line (Reading *r, JsonParser *parser, const char *s, gsize n, guint line, const char *name)
{
  while (n && g_ascii_isspace (*s))
    s++, n--;
  if (!n)
    return TRUE;
  g_autofree char *source = g_strdup_printf ("%s#line-%u", name, line);
  if (nkg_meta_json_too_deep (s, n, NKG_JSON_MAX_DEPTH))
    {
      nkg_read_skip (r->ctx, source, TRUE, "JSON nested too deeply");
      return TRUE;
    }
  GError *error = NULL;
  if (!json_parser_load_from_data (parser, s, (gssize) n, &error))
    {
      nkg_read_skip (r->ctx, source, TRUE, "not JSON: %s", error->message);
      g_error_free (error);
      return TRUE;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (!root || !JSON_NODE_HOLDS_OBJECT (root))
    {
      nkg_read_skip (r->ctx, source, TRUE, "not a JSON object");
      return TRUE;
    }
  return read_record (r, json_node_get_object (root), source);
}

static void
read_lines (Reading *r, const char *text, gsize len, const char *name)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  guint line = 0;
  for (const char *p = text, *end = text + len; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;
      if (!read_line (r, parser, p, stop - p, ++line, name))
        return;
      p = nl ? nl + 1 : end;
    }
}

/* JSON Lines straight from the source, a line at a time: dumps of news
 * run to gigabytes, more than a reader may hold (NKG_READ_MAX_BYTES). */
static gboolean
stream_lines (Reading *r, NkgSource *src, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GString) line = g_string_new (NULL);
  guint n = 0;
  GError *e = NULL;
  while (nkg_source_read_line (src, line, NKG_READ_MAX_BYTES, &e))
    {
      n++;
      /* JSON is UTF-8; a broken byte costs one character, not the line. */
      g_autofree char *valid = g_utf8_validate (line->str, (gssize) line->len, NULL)
                                   ? NULL : g_utf8_make_valid (line->str, (gssize) line->len);
      const char *text = valid ? valid : line->str;
      if (!read_line (r, parser, text, valid ? strlen (valid) : line->len, n, nkg_source_name (src)))
        return TRUE;
    }
  if (e)
    {
      g_propagate_prefixed_error (error, e, "line %u: ", n + 1);
      return FALSE;
    }
  return TRUE;
}

/* Whether the head is JSON Lines: a first line that is a whole object, and
 * another object after it. */
static gboolean
looks_like_lines (const guchar *head, gsize len)
{
  gsize n;
  const guchar *p = nkg_read_skip_space (head, len, &n);
  const guchar *nl = memchr (p, '\n', n);
  if (!nl || p[0] != '{')
    return FALSE;
  gsize rest;
  const guchar *next = nkg_read_skip_space (nl + 1, n - (gsize) (nl + 1 - p), &rest);
  if (rest && next[0] != '{')
    return FALSE;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  return !nkg_meta_json_too_deep ((const char *) p, (gsize) (nl - p), NKG_JSON_MAX_DEPTH)
         && json_parser_load_from_data (parser, (const char *) p, nl - p, NULL)
         && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
}

static gboolean
read_json (NkgReadContext *ctx, NkgSource *src, GError **error)
{
  gsize head_len;
  const guchar *head = nkg_source_head (src, &head_len, error);
  if (!head)
    return FALSE;
  g_autofree char *name_suffix = nkg_rules_suffix (nkg_source_name (src));
  gboolean named_lines = name_suffix && (strcmp (name_suffix, "jsonl") == 0 || strcmp (name_suffix, "ndjson") == 0
                                         || strcmp (name_suffix, "jsonlines") == 0
                                         || strcmp (name_suffix, "ldjson") == 0);
  /* UTF-16 JSON (rare) is decoded whole below; UTF-8 lines stream. */
  gboolean wide = nkg_decode_bom (head, head_len, NULL) && head[0] != 0xEF;
  wide = wide || nkg_decode_utf16_shape (head, head_len);
  if (!wide && (named_lines || looks_like_lines (head, head_len)))
    {
      Reading lr = { ctx, nkg_source_format (src, "json"), "UTF-8", 0 };
      gboolean ok = stream_lines (&lr, src, error);
      if (lr.missing > MISSING_REPORTED)
        nkg_read_skip (ctx, nkg_source_name (src), TRUE, "%u more records without text",
                       lr.missing - MISSING_REPORTED);
      return ok;
    }
  g_autoptr (GBytes) bytes = nkg_source_read_all (src, NKG_READ_MAX_BYTES, error);
  if (!bytes)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *encoding = NULL;
  gsize n = 0;
  g_autofree char *utf8 = nkg_decode (data, len, nkg_source_charset (src), &n, &encoding);
  const char *name = nkg_source_name (src);
  Reading r = { ctx, nkg_source_format (src, "json"), encoding, 0 };
  gsize rest;
  const char *p = (const char *) nkg_read_skip_space ((const guchar *) utf8, n, &rest);
  g_autofree char *suffix = nkg_rules_suffix (name);
  gboolean lines = suffix && (strcmp (suffix, "jsonl") == 0 || strcmp (suffix, "ndjson") == 0
                              || strcmp (suffix, "jsonlines") == 0 || strcmp (suffix, "ldjson") == 0);
  if (nkg_meta_json_too_deep (p, rest, NKG_JSON_MAX_DEPTH) && !lines)
    {
      /* Whole-document parsing would recurse too deep; lines may still
       * be fine one by one (each is checked). */
      if (p[0] == '[')
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "JSON nested too deeply");
          return FALSE;
        }
      lines = TRUE;
    }
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  GError *whole_error = NULL;
  /* One JSON value (an array, a record, a wrapper) unless the name says
   * lines; what does not parse whole is tried line by line. */
  if (!lines && json_parser_load_from_data (parser, p, rest, &whole_error))
    {
      JsonNode *root = json_parser_get_root (parser);
      if (root && JSON_NODE_HOLDS_ARRAY (root))
        read_array (&r, json_node_get_array (root), name);
      else if (root && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *o = json_node_get_object (root);
          JsonArray *records = has_text_field (ctx, o) ? NULL : records_of (o);
          if (records)
            read_array (&r, records, name);
          else
            read_record (&r, o, name);
        }
    }
  else if (!lines && p[0] == '[')
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "not valid JSON: %s",
                   whole_error->message);
      g_error_free (whole_error);
      return FALSE;
    }
  else
    {
      g_clear_error (&whole_error);
      read_lines (&r, p, rest, name);
    }
  if (r.missing > MISSING_REPORTED)
    nkg_read_skip (ctx, name, TRUE, "%u more records without text", r.missing - MISSING_REPORTED);
  return TRUE;
}

const NkgReader nkg_reader_json = {
  "json", "JSON Lines, JSON arrays and objects: one article per object (--json-text FIELD)",
  sniff_json, read_json,
};
