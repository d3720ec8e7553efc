/* Unit tests for the text stages: document cleaning, segmentation, dates. */
#include <string.h>

#include "extract/dates.h"
#include "extract/document.h"
#include "extract/segment.h"
#include "extract/textutil.h"
#include "graph/names.h"

static NkgDocument *
doc_of (const char *s)
{
  g_autoptr (GError) error = NULL;
  NkgDocument *d = nkg_document_new (s, strlen (s), &error);
  g_assert_no_error (error);
  return d;
}

static void
test_boilerplate (void)
{
  g_autoptr (NkgDocument) d = doc_of ("LOADING...\nSummarize\nIndia and Japan sign pact\n"
                                      "Oct 31, 2025\n11:20 am\nThe two countries signed a pact.\n"
                                      "https://example.com/x\nOpen in App\nSocial Footer\n"
                                      "Related Stories\nOther news that must go.\n");
  g_assert_cmpstr (d->date, ==, "2025-10-31");
  g_assert_cmpstr (d->title, ==, "India and Japan sign pact");
  g_assert_null (strstr (d->text, "LOADING"));
  g_assert_null (strstr (d->text, "Summarize"));
  g_assert_null (strstr (d->text, "example.com"));
  g_assert_null (strstr (d->text, "Other news"));
  g_assert_null (strstr (d->text, "11:20"));
  g_assert_nonnull (strstr (d->text, "The two countries signed a pact."));
}

/* A wire's sign-off ("(END)", "Enditem") closes the story: no organisation
 * "END", and nothing after it is the article's. */
static void
test_wire_signoff (void)
{
  g_autoptr (NkgDocument) d = doc_of ("Chile and Peru sign pact\nThe two countries signed a pact.\n(END)\n"
                                      "Other news that must go.\n");
  g_assert_null (strstr (d->text, "END"));
  g_assert_null (strstr (d->text, "Other news"));
  g_assert_nonnull (strstr (d->text, "The two countries signed a pact."));
  g_autoptr (NkgDocument) x = doc_of ("Chile and Peru sign pact\nThe two countries signed a pact.\nEnditem\n");
  g_assert_null (strstr (x->text, "Enditem"));
}

/* "New Delhi, Jan 23, 2025 (PTI)" on a line of its own dates the article
 * (test-extract-mentions: its place, agency and the lead's signing). */
static void
test_dateline_own_line (void)
{
  const char *text = "Chile and Peru sign fisheries accord\n\nArica, March 3, 2021 (EFE)\n\n"
                     "Chile and Peru on Wednesday signed a fisheries accord.\n";
  g_autoptr (NkgDocument) d = doc_of (text);
  g_assert_cmpstr (d->date, ==, "2021-03-03");
  /* a sentence that ends in a date is no dateline */
  g_autoptr (NkgDocument) x = doc_of ("Chile and Peru sign fisheries accord\n\nThe talks went well, March 3, 2021\n\n"
                                      "Chile and Peru signed a fisheries accord.\n");
  g_assert_null (x->date);
}

static void
test_furniture_labels (void)
{
  g_autoptr (NkgDocument) d = doc_of ("Press Release: Chile and Peru sign pact\nPHOTO\n"
                                      "The two countries signed a pact.\nShort URL\n");
  g_assert_cmpstr (d->title, ==, "Chile and Peru sign pact");
  g_assert_null (strstr (d->text, "Release"));
  g_assert_null (strstr (d->text, "PHOTO"));
  g_assert_null (strstr (d->text, "Short URL"));
  g_assert_nonnull (strstr (d->text, "The two countries signed a pact."));
}

static void
test_date_header (void)
{
  g_autoptr (NkgDocument) d = doc_of (" date 2020-02-07 President X met Y at the White House.\n");
  g_assert_cmpstr (d->date, ==, "2020-02-07");
  g_assert_true (g_str_has_prefix (d->text, "President X met"));
  g_autoptr (NkgDocument) e = doc_of ("City\nBy PTI | Updated: March 4, 2024 18:15 IST\nText here.\n");
  g_assert_cmpstr (e->date, ==, "2024-03-04");
  /* a dateline's date dates the article, and the line stays */
  g_autoptr (NkgDocument) f = doc_of ("Title\n\nARICA, Chile, May 3, 2021 (APN) - Chile and Peru signed a fisheries accord today.\n");
  g_assert_cmpstr (f->date, ==, "2021-05-03");
  g_assert_nonnull (strstr (f->text, "signed a fisheries accord"));
  g_autoptr (NkgDocument) g = doc_of ("Title\n\nChile and Peru, on May 3, 2021 - after long talks - signed a fisheries accord.\n");
  g_assert_null (g->date);
  /* the agency between slashes, or a full stop after the date */
  g_autoptr (NkgDocument) h = doc_of ("Title\n\nARICA, 3 May 2021 /APN/. Chile and Peru signed a fisheries accord today.\n");
  g_assert_cmpstr (h->date, ==, "2021-05-03");
  g_autoptr (NkgDocument) i = doc_of ("Title\n\nARICA, 4 May 2021. APN - Chile and Peru signed a fisheries accord today.\n");
  g_assert_cmpstr (i->date, ==, "2021-05-04");
  /* not a sentence that only starts in capitals */
  g_autoptr (NkgDocument) j = doc_of ("Title\n\nCHILE and Peru, on 3 May 2021. They signed a fisheries accord.\n");
  g_assert_null (j->date);
  /* a place of one or two words in title case, the date and a dash */
  g_autoptr (NkgDocument) k = doc_of ("Title\n\nLa Paz, 5 May 2021 - Chile and Peru signed a fisheries accord today.\n");
  g_assert_cmpstr (k->date, ==, "2021-05-05");
  g_autoptr (NkgDocument) l = doc_of ("Title\n\nAs the talks in La Paz went on, 5 May 2021 - a Wednesday - saw a deal.\n");
  g_assert_null (l->date);
  g_assert_nonnull (strstr (e->text, "By PTI"));
  g_assert_null (strstr (e->text, "Updated"));
}

static void
test_tweet_links (void)
{
  g_autoptr (NkgDocument) d = doc_of ("Our bond has never been… pic.twitter.com/Xq7LmR2aBc\n");
  g_assert_cmpstr (d->text, ==, "Our bond has never been…");
}

static void
test_nul_refused (void)
{
  g_autoptr (GError) error = NULL;
  NkgDocument *d = nkg_document_new ("a\0b", 3, &error);
  g_assert_null (d);
  g_assert_nonnull (error);
}

static void
test_invalid_utf8_repaired (void)
{
  g_autoptr (NkgDocument) d = doc_of ("Caf\xe9 talks went well today.\n");
  g_assert_true (g_utf8_validate (d->text, -1, NULL));
}

/* A line with other bytes than ASCII is made uniform in runs: tabs and
 * the spaces news pastes become plain spaces, invisible marks go, and
 * everything else (ASCII runs of every length, curly quotes, letters
 * composed to NFC) stays as it was. */
static void
test_line_normalised (void)
{
  g_autoptr (NkgDocument) a = doc_of ("Tea\tand\u00A0caf\u00E9 \u201Cfine\u201D,\tsaid\u2009the co\u00ADoperative\u200B board of Lisbon.\n");
  g_assert_cmpstr (a->text, ==, "Tea and caf\u00E9 \u201Cfine\u201D, said the cooperative board of Lisbon.");
  /* e and a combining acute: composed */
  g_autoptr (NkgDocument) b = doc_of ("The\t\tcafe\u0301 of Porto opened a second room on the square.\n");
  g_assert_cmpstr (b->text, ==, "The caf\u00E9 of Porto opened a second room on the square.");
}

static guint
n_sentences (const char *text)
{
  g_autoptr (NkgSegments) s = nkg_segment (text);
  return s->sentences->len;
}

static void
test_abbreviations (void)
{
  g_assert_cmpuint (n_sentences ("External Affairs Minister K. Raghavan met Mr. Doyle in the U.S. on Sept. 6. Talks went well."), ==, 2);
  g_assert_cmpuint (n_sentences ("He visited the U.S. The talks went well."), ==, 2);
  g_autoptr (NkgSegments) s = nkg_segment ("K. Raghavan and U.S.-India ties");
  g_assert_cmpstr (nkg_tok (s, 0)->text, ==, "K.");
  g_assert_cmpstr (nkg_tok (s, 3)->text, ==, "U.S.");
  g_assert_true (nkg_tok (s, 4)->flags & NKG_TOK_DASH);
}

static void
test_quotes_hold_sentences (void)
{
  /* A quotation of two sentences stays with its "he said". */
  g_assert_cmpuint (n_sentences ("“We are ready. Our ties are strong,” he said. Then he left."), ==, 2);
  /* A quotation ending a sentence ends it. */
  g_assert_cmpuint (n_sentences ("He called it “one of the best.” He added more."), ==, 2);
  g_autoptr (NkgSegments) s = nkg_segment ("He said “yes indeed” today");
  g_assert_true (nkg_tok (s, 2)->flags & NKG_TOK_OPEN);
  g_assert_true (nkg_tok (s, 3)->flags & NKG_TOK_INQUOTE);
  g_assert_true (nkg_tok (s, 5)->flags & NKG_TOK_CLOSE);
}

static void
test_possessives (void)
{
  g_autoptr (NkgSegments) s = nkg_segment ("India’s Defence Ministers’ Meeting");
  g_assert_cmpstr (nkg_tok (s, 0)->text, ==, "India");
  g_assert_true (nkg_tok (s, 1)->flags & NKG_TOK_POSS);
  g_assert_true (nkg_tok (s, 4)->flags & NKG_TOK_POSS);
  g_assert_false (nkg_tok (s, 4)->flags & NKG_TOK_QUOTE);
}

static void
test_dates (void)
{
  char out[11];
  g_assert_cmpuint (nkg_date_month ("Sept."), ==, 9);
  g_assert_cmpuint (nkg_date_month ("Oct"), ==, 10);
  g_assert_cmpuint (nkg_date_month ("Ma"), ==, 0);
  /* every month and weekday, in any case, and near misses */
  const char *month_names[] = { "January", "FEBRUARY", "march", "Apr", "May", "jun.", "JULY",
                                "Aug.", "Sep", "Oct.", "November", "DEC" };
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    g_assert_cmpuint (nkg_date_month (month_names[i]), ==, i + 1);
  const char *day_names[] = { "Monday", "TUESDAY", "wednesday", "Thursday", "Friday", "saturday", "Sunday" };
  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    g_assert_cmpuint (nkg_date_weekday (day_names[i]), ==, i + 1);
  const char *neither[] = { "", "J", "Mayor", "Junk", "Mars", "Decade", "Sundays", "Thu", "Saturn",
                            "Mon", "Augusta", "Ju\xc3\xb1o", "septembers" };
  for (guint i = 0; i < G_N_ELEMENTS (neither); i++)
    {
      g_assert_cmpuint (nkg_date_month (neither[i]), ==, 0);
      g_assert_cmpuint (nkg_date_weekday (neither[i]), ==, 0);
    }
  g_assert_true (nkg_date_find ("Updated: Sep 06, 2019", out, NULL, NULL));
  g_assert_cmpstr (out, ==, "2019-09-06");
  g_assert_true (nkg_date_find ("20 Apr 2022, 05:18 am", out, NULL, NULL));
  g_assert_cmpstr (out, ==, "2022-04-20");
  g_assert_false (nkg_date_find ("on October 27", out, NULL, NULL));
  /* ordinals */
  g_assert_true (nkg_date_find ("July 5th, 2005 - by admin", out, NULL, NULL));
  g_assert_cmpstr (out, ==, "2005-07-05");
  g_assert_true (nkg_date_find ("on the 21st of March 2018 in Kigali", out, NULL, NULL));
  g_assert_cmpstr (out, ==, "2018-03-21");
  g_assert_false (nkg_date_find ("the 5th floor, 2005 rooms", out, NULL, NULL));
  g_assert_false (nkg_date_find ("2025-13-40", out, NULL, NULL));
  /* the year's four digits after shorter runs of digits, and at the end */
  g_assert_true (nkg_date_find ("Room 12, gate 345: 7 June 2021", out, NULL, NULL));
  g_assert_cmpstr (out, ==, "2021-06-07");
  g_assert_false (nkg_date_find ("Room 12, gate 345: 7 June 202", out, NULL, NULL));
  /* 2025-10-31 was a Friday; "on Friday" is that day, "on Monday" the 27th. */
  g_assert_true (nkg_date_weekday_before ("2025-10-31", nkg_date_weekday ("Friday"), out));
  g_assert_cmpstr (out, ==, "2025-10-31");
  g_assert_true (nkg_date_weekday_before ("2025-10-31", nkg_date_weekday ("Monday"), out));
  g_assert_cmpstr (out, ==, "2025-10-27");
  g_assert_true (nkg_date_month_day ("2025-10-31", 11, 1, out));
  g_assert_cmpstr (out, ==, "2025-11-01");
  /* Without an article date nothing is guessed. */
  g_assert_false (nkg_date_weekday_before (NULL, 5, out));
  g_assert_false (nkg_date_month_day (NULL, 11, 1, out));
}

/* ---------------------------------------------------------------- fast paths */

/* nkg_text_key the general way: the folded apostrophes and dashes
 * replaced, the rest transliterated, then squeezed (what the fast path
 * for folded-only text must equal). */
static char *
key_the_long_way (const char *s)
{
  static const char *const folds[][2] = { { "\xe2\x80\x98", "'" }, { "\xe2\x80\x99", "'" }, { "\xca\xbc", "'" },
                                          { "\xe2\x80\x90", "-" }, { "\xe2\x80\x91", "-" }, { "\xe2\x80\x93", "-" },
                                          { "\xe2\x80\x94", "-" }, { "\xca\xbb", "'" },
                                          /* letters the C transliteration leaves as '?' */
                                          { "\xc4\x90", "D" }, { "\xc4\x91", "d" }, { "\xc3\x90", "D" },
                                          { "\xc3\xb0", "d" }, { "\xc4\xb1", "i" }, { "\xc4\xa6", "H" },
                                          { "\xc4\xa7", "h" }, { "\xc3\x9e", "Th" }, { "\xc3\xbe", "th" } };
  g_autoptr (GString) pre = g_string_new (s);
  for (guint f = 0; f < G_N_ELEMENTS (folds); f++)
    g_string_replace (pre, folds[f][0], folds[f][1], 0);
  g_autofree char *ascii = g_str_to_ascii (pre->str, "C");
  return nkg_text_squeeze (ascii);
}

/* Letters that the C transliteration has no ASCII for: "Phạm Văn Đức"
 * is "Pham Van Duc", "Işık" is "Isik", "Þór" is "Thor". */
static void
test_key_crossed_letters (void)
{
  const char *pairs[][2] = { { "Ph\xe1\xba\xa1m V\xc4\x83n \xc4\x90\xe1\xbb\xa9""c", "Pham Van Duc" },
                             { "I\xc5\x9f\xc4\xb1k", "Isik" },
                             { "\xc3\x9e\xc3\xb3r", "Thor" },
                             { "Sione \xca\xbb""Akau", "Sione 'Akau" } };
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *a = nkg_text_key (pairs[i][0]);
      g_autofree char *b = nkg_text_key (pairs[i][1]);
      g_assert_cmpstr (a, ==, b);
    }
}

/* Text whose only non-ASCII characters are folded apostrophes and dashes
 * gets the key the general way gives, in a buffer and on the heap; so do
 * its near misses (other quotes, dashes and accents). */
static void
test_key_folded (void)
{
  static const char *const marks[] = { "\xe2\x80\x98", "\xe2\x80\x99", "\xca\xbc", "\xe2\x80\x90", "\xe2\x80\x91",
                                       "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x9c", "\xe2\x80\x92", "\xe2\x80\x95",
                                       "\xca\xbb", "\xc3\xb4", "\xe2\x80\x83", "'", "-", "\xc4\x90", "\xc4\x91",
                                       "\xc4\xb1", "\xc3\xbe" };
  static const char *const around[] = { "", " ", "  ", "a", "Ivoire" };
  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    for (guint a = 0; a < G_N_ELEMENTS (around); a++)
      for (guint b = 0; b < G_N_ELEMENTS (around); b++)
        {
          g_autofree char *s = g_strconcat (around[a], "C", marks[m], around[b], marks[m], " d", around[a], NULL);
          g_autofree char *want = key_the_long_way (s);
          g_autofree char *got = nkg_text_key (s);
          g_assert_cmpstr (got, ==, want);
          char buf[64];
          g_autofree char *heap = NULL;
          g_assert_cmpstr (nkg_text_key_buf (s, buf, sizeof buf, &heap), ==, want);
        }
  char buf[64];
  g_autofree char *heap = NULL;
  g_assert_cmpstr (nkg_text_key_buf ("Pakistan\xe2\x80\x99s  Bosnia\xe2\x80\x93Herzegovina", buf, sizeof buf, &heap), ==,
                   "Pakistan's Bosnia-Herzegovina");
  g_assert_null (heap); /* made in the buffer */
}

/* The characters nkg_text_nfc_stable accepts really are left alone by
 * GLib's NFC, alone and in every pair (composition is pairwise), and none
 * has a combining class (so nothing is reordered). */
static void
test_nfc_stable_set (void)
{
  g_autoptr (GArray) cs = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (gunichar c = 1; c < 0x20D0; c++)
    {
      char s[8];
      gsize n = (gsize) g_unichar_to_utf8 (c, s);
      if (g_unichar_validate (c) && nkg_text_nfc_stable (s, n))
        g_array_append_val (cs, c);
    }
  g_assert_cmpuint (cs->len, >, 800);
  for (guint i = 0; i < cs->len; i++)
    {
      gunichar a = g_array_index (cs, gunichar, i);
      g_assert_cmpint (g_unichar_combining_class (a), ==, 0);
      for (guint j = 0; j < cs->len; j++)
        {
          char s[16];
          gsize n = (gsize) g_unichar_to_utf8 (a, s);
          n += (gsize) g_unichar_to_utf8 (g_array_index (cs, gunichar, j), s + n);
          s[n] = '\0';
          g_autofree char *nfc = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
          g_assert_cmpstr (nfc, ==, s);
        }
    }
  /* what it must refuse: a combining mark, an en quad, a NUL, bad bytes */
  g_assert_false (nkg_text_nfc_stable ("e\xcc\x81", 3));
  g_assert_false (nkg_text_nfc_stable ("\xe2\x80\x80", 3));
  g_assert_false (nkg_text_nfc_stable ("a\0b", 3));
  g_assert_false (nkg_text_nfc_stable ("\xff", 1));
  g_assert_true (nkg_text_nfc_stable ("Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d", 14));
}

/* nkg_text_nfc_stable as it was written first, with GLib's validation and
 * decoding: the one-pass version must agree with it on every byte string. */
static gboolean
nfc_stable_reference (const char *s, gsize len)
{
  if (!g_utf8_validate_len (s, len, NULL))
    return FALSE;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0 || !(c < 0x300 || (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20C0)))
        return FALSE;
    }
  return TRUE;
}

/* Every string of one and two bytes and every three-byte one with a telling
 * last byte, alone and between ASCII runs long enough for the eight-byte
 * steps (so each starts at several alignments and is cut off at the end). */
static void
test_nfc_stable_reference (void)
{
  static const guchar last[] = { 0x00, 0x41, 0x7F, 0x80, 0x81, 0x82, 0x9F, 0xA0, 0xAF, 0xBF, 0xC0, 0xC2, 0xE2, 0xFF };
  guint checked = 0;
  for (guint a = 0; a < 256; a++)
    for (guint b = 0; b < 256; b++)
      for (guint k = 0; k <= G_N_ELEMENTS (last); k++)
        {
          char bytes[3] = { (char) a, (char) b, k < G_N_ELEMENTS (last) ? (char) last[k] : 0 };
          gsize n = k < G_N_ELEMENTS (last) ? 3 : 2;
          if (a < 0x80 && k > 0)
            continue; /* an ASCII first byte: the rest is the shorter case */
          for (gsize m = 1; m <= n; m++)
            {
              char s[40];
              for (gsize pre = 0; pre <= 9; pre += 9)
                {
                  memset (s, 'x', sizeof s);
                  memcpy (s + pre, bytes, m);
                  for (gsize post = 0; post <= 10; post += 10)
                    {
                      gsize len = pre + m + post;
                      if (nkg_text_nfc_stable (s, len) != nfc_stable_reference (s, len))
                        g_error ("nkg_text_nfc_stable disagrees on %02x %02x %02x (%zu bytes at %zu, %zu after)", a, b,
                                 (guchar) bytes[2], m, pre, post);
                      checked++;
                    }
                }
            }
        }
  g_assert_cmpuint (checked, >, 1000000);
}

/* nkg_text_is_ascii with a length, which reads eight bytes at a time:
 * every byte value at every place of strings up to 20 bytes long. */
static void
test_is_ascii_steps (void)
{
  for (gsize len = 0; len <= 20; len++)
    for (gsize at = 0; at < MAX (len, 1); at++)
      for (guint b = 0; b < 256; b++)
        {
          char s[24];
          memset (s, 'a', sizeof s);
          if (len)
            s[at] = (char) b;
          gboolean want = !len || (b != 0 && b < 0x80);
          if (nkg_text_is_ascii (s, (gssize) len) != want)
            g_error ("nkg_text_is_ascii: byte %02x at %zu of %zu", b, at, len);
        }
}

/* nkg_text_nfc, which normalises long texts in pieces, gives GLib's NFC
 * of the whole text: random texts of marks that reorder and compose
 * (also across ASCII: "=" + U+0338), Hangul jamo, singletons, Oriya
 * vowel pairs, with long stretches without ASCII, so pieces are cut
 * everywhere. */
static void
test_nfc_pieces (void)
{
  static const gunichar pool[] = { 'a', 'e', ' ', '=', '\n', 0x0301, 0x0327, 0x0308, 0x0323, 0x0338, 0x00E9,
                                   0x1100, 0x1161, 0x11A8, 0xAC00, 0x212B, 0x2126, 0x0B47, 0x0B3E, 0x0F73,
                                   0x1E0B, 0x2000, 0x00C5, 0x0041 };
  g_autoptr (GRand) r = g_rand_new_with_seed (10);
  for (int round = 0; round < 40; round++)
    {
      GString *s = g_string_new (NULL);
      gsize want = (gsize) g_rand_int_range (r, 1, 40000);
      gboolean no_ascii = round % 3 == 0;
      while (s->len < want)
        {
          gunichar c = pool[g_rand_int_range (r, 0, G_N_ELEMENTS (pool))];
          if (no_ascii && c < 0x80 && g_rand_int_range (r, 0, 200))
            continue;
          g_string_append_unichar (s, c);
        }
      g_autofree char *whole = g_utf8_normalize (s->str, (gssize) s->len, G_NORMALIZE_NFC);
      g_autofree char *pieces = nkg_text_nfc (s->str, (gssize) s->len);
      g_autofree char *pieces2 = nkg_text_nfc (s->str, -1);
      g_assert_cmpstr (pieces, ==, whole);
      g_assert_cmpstr (pieces2, ==, whole);
      g_string_free (s, TRUE);
    }
  g_assert_null (nkg_text_nfc ("ab\xff", 3));
  g_autofree char *big = g_strnfill (20000, 'x');
  big[15000] = '\xff';
  g_assert_null (nkg_text_nfc (big, -1));
}

/* The ASCII shortcuts give what the Unicode paths give, for every ASCII
 * character in the middle of a word. */
static void
test_ascii_paths (void)
{
  for (int c = 1; c < 128; c++)
    {
      char s[8] = { 'A', 'b', (char) c, 'C', ' ', 'd', '\0' };
      g_autofree char *fast = nkg_text_lower (s);
      g_autofree char *slow = g_utf8_strdown (s, -1);
      g_assert_cmpstr (fast, ==, slow);

      /* with a non-ASCII letter after it, the slow path runs: its key is
       * the fast key with that letter's base added to the last word */
      g_autofree char *key = nkg_name_key (s);
      g_autofree char *accented = g_strconcat (s, "\xc3\xa9", NULL);
      g_autofree char *key2 = nkg_name_key (accented);
      g_autofree char *want = g_strconcat (key, "e", NULL);
      g_assert_cmpstr (key2, ==, want);

      g_autofree char *sq = nkg_text_squeeze (s);
      g_autofree char *sq2 = nkg_text_squeeze (accented);
      g_autofree char *want2 = g_strconcat (sq, "\xc3\xa9", NULL);
      g_assert_cmpstr (sq2, ==, want2);
    }
}

/* Squeezing as documented, byte by byte: runs of ASCII white space but
 * \v become one space, none first or last. */
static char *
squeeze_reference (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = s; *p; p++)
    if (strchr (" \t\n\r\f", *p))
      space = out->len > 0;
    else
      {
        if (space)
          g_string_append_c (out, ' ');
        space = FALSE;
        g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

/* nkg_text_squeeze, nkg_text_key and nkg_text_key_buf on ASCII copy a
 * text that is already squeezed whole, eight bytes at a time: spaces and
 * other bytes at every place about those eight-byte steps, pairs of
 * spaces across them, controls and bytes near ' ' give the byte-by-byte
 * answer. */
static void
test_squeeze_steps (void)
{
  const char alphabet[] = { 'a', 'a', 'a', ' ', ' ', '!', '\x1f', '\t', '\v', '\n', 'Z', '~', '\x7f', '@' };
  GRand *rand = g_rand_new_with_seed (32);
  for (guint round = 0; round < 20000; round++)
    {
      char s[40];
      guint n = g_rand_int_range (rand, 0, sizeof s);
      for (guint i = 0; i < n; i++)
        s[i] = alphabet[g_rand_int_range (rand, 0, round % 2 ? 5 : sizeof alphabet)];
      s[n] = '\0';
      g_autofree char *want = squeeze_reference (s);
      g_autofree char *got = nkg_text_squeeze (s);
      g_autofree char *key = nkg_text_key (s);
      char buf[64];
      g_autofree char *heap = NULL;
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpstr (key, ==, want);
      g_assert_cmpstr (nkg_text_key_buf (s, buf, sizeof buf, &heap), ==, want);
    }
  g_rand_free (rand);
  g_autofree char *across = nkg_text_squeeze ("Prime M  inister");
  g_assert_cmpstr (across, ==, "Prime M inister");
}

/* nkg_text_count_words, eight bytes at a time, counts as g_ascii_isspace
 * splits: white space and bytes beside it (\v, which it is not, \b,
 * \x0e, and 0x89 and 0xa0, which are \t and ' ' with the high bit) at
 * every place about the steps. */
static void
test_count_words_steps (void)
{
  const char alphabet[] = { 'a', 'b', ' ', ' ', '\t', '\n', '\v', '\f', '\r', '\b', '\x0e', '\x1f', '!', '\x89', '\xa0' };
  GRand *rand = g_rand_new_with_seed (32);
  for (guint round = 0; round < 20000; round++)
    {
      char s[40];
      guint n = g_rand_int_range (rand, 0, sizeof s);
      for (guint i = 0; i < n; i++)
        s[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet)];
      s[n] = '\0';
      guint want = 0;
      for (guint i = 0; i < n; i++)
        want += !g_ascii_isspace (s[i]) && (i == 0 || g_ascii_isspace (s[i - 1]));
      g_assert_cmpuint (nkg_text_count_words (s), ==, want);
    }
  g_rand_free (rand);
}

/* nkg_text_words_over agrees with counting every word. */
static void
test_words_over (void)
{
  const char *lines[] = { "", "   ", "one", " one  two\tthree\n", "By Jane Doe, Staff Writer",
                          "a b c d e f g h i j k l m n o p q r s t u v w x y z and more " };
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    for (guint n = 0; n < 30; n++)
      g_assert_cmpint (nkg_text_words_over (lines[i], n), ==, nkg_text_count_words (lines[i]) > n);
}

/* nkg_text_lower's punctuation shortcut (U+2000..U+203F kept as they are)
 * gives GLib's answer for every such character between upper-case ASCII,
 * and a line with another non-ASCII character still goes to GLib. */
static void
test_lower_punctuation (void)
{
  for (gunichar u = 0x2000; u <= 0x203F; u++)
    {
      char mid[8] = { 0 };
      g_unichar_to_utf8 (u, mid);
      g_autofree char *s = g_strconcat ("Said \"AB", mid, "CD\" ", mid, NULL);
      g_autofree char *fast = nkg_text_lower (s);
      g_autofree char *slow = g_utf8_strdown (s, -1);
      g_assert_cmpstr (fast, ==, slow);
    }
  g_autofree char *mixed = nkg_text_lower ("\xe2\x80\x9c\xc3\x89" "COLE\xe2\x80\x9d \xce\xa3\xce\xa3");
  g_autofree char *want = g_utf8_strdown ("\xe2\x80\x9c\xc3\x89" "COLE\xe2\x80\x9d \xce\xa3\xce\xa3", -1);
  g_assert_cmpstr (mixed, ==, want);
  g_autofree char *cut = nkg_text_lower ("AB\xe2\x80");
  g_autofree char *cut_want = g_utf8_strdown ("AB\xe2\x80", -1);
  g_assert_cmpstr (cut, ==, cut_want);
}

/* Every token's text is its bytes of the text, its lower case that of
 * GLib and its hash g_str_hash's, also once the block the segments cut
 * them from is full: "A,B,C," needs three bytes of copies a byte, the
 * block has two, and lower-casing "İ" takes a byte more than it has. */
static void
test_token_text (void)
{
  g_autoptr (GString) text = g_string_new ("\xc4\xb0STANBUL ");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%c,", 'A' + i % 26);
  g_string_append (text, " \xc4\xb0ZM\xc4\xb0R said Ana.");
  g_autoptr (NkgSegments) seg = nkg_segment (text->str);
  g_assert_cmpuint (seg->tokens->len, ==, 1 + 2 * 3000 + 4);
  for (guint i = 0; i < seg->tokens->len; i++)
    {
      const NkgToken *t = nkg_tok (seg, i);
      g_autofree char *bytes = g_strndup (text->str + t->start, t->end - t->start);
      g_autofree char *lower = g_utf8_strdown (t->text, -1);
      g_assert_cmpstr (t->text, ==, bytes);
      g_assert_cmpstr (t->lower, ==, lower);
      g_assert_cmpuint (t->hash, ==, g_str_hash (t->lower));
    }
}

/* Where words end: an ASCII mark inside a word keeps it whole only in the
 * forms word_length reads ("We're", "6.5", "8,000", "U.S.", "R/D"); every
 * other ASCII mark ends it, and so does a space or a curly mark. */
static void
test_word_ends (void)
{
  const char *text = "We're told 6.5 and 8,000 U.S. R/D sums; (Kofi) Lima-Peru a/b x.y "
                     "ok! \"Tema\" Accra\u2019s Ama\u2014Efua caf\u00e9s 3,x 4.y";
  const char *want[] = { "We're", "told", "6.5", "and", "8,000", "U.S.", "R/D", "sums", ";", "(",
                         "Kofi", ")", "Lima", "-", "Peru", "a", "/", "b", "x", ".", "y", "ok", "!",
                         "\"", "Tema", "\"", "Accra", "\u2019s", "Ama", "\u2014", "Efua",
                         "caf\u00e9s", "3", ",", "x", "4", ".", "y" };
  g_autoptr (NkgSegments) seg = nkg_segment (text);
  g_assert_cmpuint (seg->tokens->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpstr (nkg_tok (seg, i)->text, ==, want[i]);
}

/* The per-document string memo: every key inserted is found with its
 * value, also after the table has grown several times; a cleared memo
 * finds none of the earlier document's keys, even where a slot of that
 * round lies in a key's probe path, and takes new ones again. */
static void
test_str_memo (void)
{
  NkgStrMemo *m = nkg_str_memo_new ();
  enum { N = 500 };
  char keys[N][16];
  for (guint round = 0; round < 3; round++)
    {
      guint n = round == 1 ? 20 : N;
      for (guint i = 0; i < n; i++)
        {
          g_snprintf (keys[i], sizeof keys[i], "w%u-%u", round, i);
          g_assert_null (nkg_str_memo_lookup (m, keys[i], g_str_hash (keys[i])));
          nkg_str_memo_insert (m, keys[i], g_str_hash (keys[i]), GUINT_TO_POINTER (i + 1));
        }
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (GPOINTER_TO_UINT (nkg_str_memo_lookup (m, keys[i], g_str_hash (keys[i]))), ==, i + 1);
      /* the same hash, another key: no answer */
      g_assert_null (nkg_str_memo_lookup (m, "other", g_str_hash (keys[0])));
      nkg_str_memo_clear (m);
      for (guint i = 0; i < n; i++)
        g_assert_null (nkg_str_memo_lookup (m, keys[i], g_str_hash (keys[i])));
    }
  nkg_str_memo_free (m);
  nkg_str_memo_free (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/document/boilerplate", test_boilerplate);
  g_test_add_func ("/extract/document/wire-signoff", test_wire_signoff);
  g_test_add_func ("/extract/document/dateline-own-line", test_dateline_own_line);
  g_test_add_func ("/extract/document/date-header", test_date_header);
  g_test_add_func ("/extract/document/furniture-labels", test_furniture_labels);
  g_test_add_func ("/extract/document/tweet-links", test_tweet_links);
  g_test_add_func ("/extract/document/nul-refused", test_nul_refused);
  g_test_add_func ("/extract/document/invalid-utf8", test_invalid_utf8_repaired);
  g_test_add_func ("/extract/document/line-normalised", test_line_normalised);
  g_test_add_func ("/extract/segment/abbreviations", test_abbreviations);
  g_test_add_func ("/extract/segment/quotes", test_quotes_hold_sentences);
  g_test_add_func ("/extract/segment/possessives", test_possessives);
  g_test_add_func ("/extract/segment/token-text", test_token_text);
  g_test_add_func ("/extract/segment/word-ends", test_word_ends);
  g_test_add_func ("/extract/dates", test_dates);
  g_test_add_func ("/extract/text/nfc-stable-set", test_nfc_stable_set);
  g_test_add_func ("/extract/text/nfc-stable-reference", test_nfc_stable_reference);
  g_test_add_func ("/extract/text/is-ascii-steps", test_is_ascii_steps);
  g_test_add_func ("/extract/text/ascii-paths", test_ascii_paths);
  g_test_add_func ("/extract/text/squeeze-steps", test_squeeze_steps);
  g_test_add_func ("/extract/text/count-words-steps", test_count_words_steps);
  g_test_add_func ("/extract/text/key-folded", test_key_folded);
  g_test_add_func ("/extract/text/key-crossed-letters", test_key_crossed_letters);
  g_test_add_func ("/extract/text/lower-punctuation", test_lower_punctuation);
  g_test_add_func ("/extract/text/words-over", test_words_over);
  g_test_add_func ("/extract/text/nfc-pieces", test_nfc_pieces);
  g_test_add_func ("/extract/text/str-memo", test_str_memo);
  return g_test_run ();
}
