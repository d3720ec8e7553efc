/* dates.c — reading and resolving dates (see dates.h). */
#include "dates.h"
#include "textutil.h"

#include <stdio.h>
#include <string.h>

static const char *months[] = { "january", "february", "march", "april", "may", "june", "july",
                                "august", "september", "october", "november", "december" };
static const char *weekdays[] = { "monday", "tuesday", "wednesday", "thursday",
                                  "friday", "saturday", "sunday" };

/* Copies word, lower-cased, into w (size bytes) and returns its length;
 * G_MAXSIZE when it does not fit, so is no month or weekday. Called for
 * every word of every article, hence on the stack, and in one pass (a
 * strlen first was a fifth of a look-up). */
static gsize
lower_word (char *w, gsize size, const char *word)
{
  gsize n = 0;
  for (; word[n]; n++)
    {
      if (n + 1 >= size)
        return G_MAXSIZE;
      w[n] = nkg_ascii_lower (word[n]);
    }
  w[n] = '\0';
  return n;
}

/* The months and weekdays (indices into months and weekdays, -1 after
 * the last) whose names start with each letter: the only ones worth
 * comparing with a word (going through all twelve months was most of a
 * look-up). */
static const gint8 months_by_letter[26][3] = {
  ['a' - 'a'] = { 3, 7, -1 },  ['d' - 'a'] = { 11, -1, -1 }, ['f' - 'a'] = { 1, -1, -1 },
  ['j' - 'a'] = { 0, 5, 6 },   ['m' - 'a'] = { 2, 4, -1 },   ['n' - 'a'] = { 10, -1, -1 },
  ['o' - 'a'] = { 9, -1, -1 }, ['s' - 'a'] = { 8, -1, -1 },
};
static const gint8 weekdays_by_letter[26][2] = {
  ['f' - 'a'] = { 4, -1 }, ['m' - 'a'] = { 0, -1 }, ['s' - 'a'] = { 5, 6 },
  ['t' - 'a'] = { 1, 3 },  ['w' - 'a'] = { 2, -1 },
};

/* The candidates (a row of table, row entries long) for a word whose
 * first bytes are word[0] and word[1], NULL when none: names[i] is a
 * candidate's name. b | 0x20 is the lower case of a letter b, and no
 * letter for any other byte; a row of zeros (letters no name starts
 * with) has none. Most words fail here, before they are copied. */
static const gint8 *
by_letters (const gint8 *table, gsize row, const char *const *names, const char *word)
{
  guchar a = (guchar) (word[0] | 0x20);
  if (a < 'a' || a > 'z')
    return NULL;
  /* word[0] is a letter, so word[1] is within the string (its end at worst):
   * read it only now, never past an empty word's terminator. */
  guchar b = (guchar) (word[1] | 0x20);
  const gint8 *r = table + (gsize) (a - 'a') * row;
  if (r[0] == 0 && r[1] == 0)
    return NULL;
  for (gsize k = 0; k < row && r[k] >= 0; k++)
    if ((guchar) names[r[k]][1] == b)
      return r;
  return NULL;
}

guint
nkg_date_month (const char *word)
{
  /* Most words asked about start with a letter no month starts with. */
  const gint8 *cand = by_letters (&months_by_letter[0][0], 3, months, word);
  if (!cand)
    return 0;
  /* No month name is longer than "september." */
  char w[12];
  gsize n = lower_word (w, sizeof w, word);
  if (n == G_MAXSIZE)
    return 0;
  if (n && w[n - 1] == '.')
    w[--n] = '\0';
  if (n < 3)
    return 0;
  for (guint k = 0; k < 3 && cand[k] >= 0; k++)
    {
      guint i = (guint) cand[k];
      /* Both tests below need the second letter: most words fail here. */
      if (w[1] != months[i][1])
        continue;
      if (strcmp (w, months[i]) == 0)
        return i + 1;
      /* "Sep" and "Sept" both abbreviate September; "May" is itself. */
      if (n <= 4 && strncmp (w, months[i], n) == 0 && (n == 3 || i == 8))
        return i + 1;
    }
  return 0;
}

guint
nkg_date_weekday (const char *word)
{
  const gint8 *cand = by_letters (&weekdays_by_letter[0][0], 2, weekdays, word);
  if (!cand)
    return 0;
  /* No weekday is longer than "wednesday" nor shorter than "monday". */
  char w[10];
  gsize n = lower_word (w, sizeof w, word);
  if (n == G_MAXSIZE || n < 6)
    return 0;
  for (guint k = 0; k < 2 && cand[k] >= 0; k++)
    {
      guint i = (guint) cand[k];
      if (w[1] == weekdays[i][1] && strcmp (w, weekdays[i]) == 0)
        return i + 1;
    }
  return 0;
}

static gboolean
format_date (guint y, guint m, guint d, char out[11])
{
  if (!g_date_valid_dmy (d, m, y) || y < 1800 || y > 2200)
    return FALSE;
  g_snprintf (out, 11, "%04u-%02u-%02u", y, m, d);
  return TRUE;
}

/* Reads a run of ASCII letters and an optional '.' as a word. */
static gsize
read_word (const char *p, char *buf, gsize size)
{
  gsize n = 0;
  while (g_ascii_isalpha (p[n]) && n + 1 < size)
    {
      buf[n] = p[n];
      n++;
    }
  buf[n] = '\0';
  if (n && p[n] == '.')
    n++;
  return n;
}

static gsize
read_number (const char *p, guint *value, guint max_digits)
{
  gsize n = 0;
  guint v = 0;
  while (g_ascii_isdigit (p[n]) && n < max_digits)
    v = v * 10 + (p[n++] - '0');
  if (g_ascii_isdigit (p[n]))
    return 0;
  *value = v;
  return n;
}

/* Past an ordinal's letters after a day: "5th", "1st", "22nd", "3rd". */
static const char *
past_ordinal (const char *q)
{
  static const char *const suffixes[] = { "st", "nd", "rd", "th" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_ascii_strncasecmp (q, suffixes[i], 2) == 0 && !g_ascii_isalnum (q[2]))
      return q + 2;
  return q;
}

/* Tries each form at position p; returns the match length or 0. */
static gsize
date_at (const char *p, char out[11])
{
  guint y, m, d;
  gsize n;
  /* A word that cannot start a month's name starts no date: most words
   * of every line (the forms below need a month or a digit first; the
   * ISO form a digit, so this test goes first). */
  if (g_ascii_isalpha (*p))
    switch (*p | 0x20)
      {
      case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
        break;
      default:
        return 0;
      }
  /* ISO: 2025-10-31 */
  if ((n = read_number (p, &y, 4)) == 4 && p[4] == '-' && read_number (p + 5, &m, 2) == 2
      && p[7] == '-' && read_number (p + 8, &d, 2) == 2)
    return format_date (y, m, d, out) ? 10 : 0;
  char word[16];
  /* Month D, YYYY */
  if ((n = read_word (p, word, sizeof word)))
    {
      const char *q = p + n;
      while (*q == ' ')
        q++;
      /* A word with no number after it starts no date (a letter starts no
       * "D Month" either): the month's name is looked up only then. */
      if (!g_ascii_isdigit (*q) || !(m = nkg_date_month (word)))
        return 0;
      gsize k = read_number (q, &d, 2);
      if (!k)
        return 0;
      q = past_ordinal (q + k);
      if (*q == ',')
        q++;
      while (*q == ' ')
        q++;
      if (read_number (q, &y, 4) != 4)
        return 0;
      return format_date (y, m, d, out) ? (gsize) (q + 4 - p) : 0;
    }
  /* D Month YYYY */
  if ((n = read_number (p, &d, 2)))
    {
      const char *q = past_ordinal (p + n);
      if (*q != ' ')
        return 0;
      q++;
      /* "5th of July 2005" */
      if (strncmp (q, "of ", 3) == 0 && q != p + n + 1)
        q += 3;
      gsize k = read_word (q, word, sizeof word);
      if (!k || !(m = nkg_date_month (word)))
        return 0;
      q += k;
      if (*q == ',')
        q++;
      while (*q == ' ')
        q++;
      if (read_number (q, &y, 4) != 4)
        return 0;
      return format_date (y, m, d, out) ? (gsize) (q + 4 - p) : 0;
    }
  return 0;
}

/* Whether text has four digits in a row: every form date_at reads has a
 * year of four (most lines asked have none, and are answered in one
 * quick pass instead of a try at every word). */
static gboolean
has_four_digits (const char *text)
{
  /* From digit to digit with strcspn (sixteen bytes a step, where the
   * byte at a time loop was a tenth of making a document) */
  for (const char *p = text;;)
    {
      p += strcspn (p, "0123456789");
      if (!*p)
        return FALSE;
      for (guint run = 0; (guchar) (*p - '0') < 10; p++)
        if (++run == 4)
          return TRUE;
    }
}

gboolean
nkg_date_find (const char *text, char out[11], gsize *start, gsize *end)
{
  if (!has_four_digits (text))
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      /* Only at word starts, so "12025-..." or "xOct 3" never match. */
      if (p > text && g_ascii_isalnum (p[-1]))
        continue;
      /* Every form starts with a digit or a letter. */
      if (!g_ascii_isalnum (*p))
        continue;
      gsize n = date_at (p, out);
      if (n)
        {
          if (start)
            *start = p - text;
          if (end)
            *end = p - text + n;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_iso (const char *s, guint *y, guint *m, guint *d)
{
  /* The years format_date writes: an article dated "0001-01-01" (say by
   * its metadata) would have GDate step back before its first day. */
  return s && sscanf (s, "%4u-%2u-%2u", y, m, d) == 3 && *y >= 1800 && *y <= 2200
         && g_date_valid_dmy (*d, *m, *y);
}

gboolean
nkg_date_month_day (const char *article, guint month, guint day, char out[11])
{
  guint y, m, d;
  if (!parse_iso (article, &y, &m, &d))
    return FALSE;
  return format_date (y, month, day, out);
}

/* The article date moved to the nearest `weekday`, back (ahead FALSE) or
 * forward, the article's own day included. */
static gboolean
weekday_near (const char *article, guint weekday, gboolean ahead, char out[11])
{
  guint y, m, d;
  if (!parse_iso (article, &y, &m, &d) || weekday < 1 || weekday > 7)
    return FALSE;
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  guint today = g_date_get_weekday (&date); /* G_DATE_MONDAY == 1 */
  if (ahead)
    g_date_add_days (&date, (weekday + 7 - today) % 7);
  else
    g_date_subtract_days (&date, (today + 7 - weekday) % 7);
  return format_date (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), out);
}

gboolean
nkg_date_weekday_before (const char *article, guint weekday, char out[11])
{
  return weekday_near (article, weekday, FALSE, out);
}

gboolean
nkg_date_weekday_after (const char *article, guint weekday, char out[11])
{
  return weekday_near (article, weekday, TRUE, out);
}
