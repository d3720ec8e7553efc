/* dates.h — date expressions to xsd:date strings (YYYY-MM-DD).
 *
 * Absolute dates are read as written; month-day and weekday expressions
 * are resolved against the article's own date. What cannot be pinned to
 * a day is refused (FALSE), never guessed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 1–12 for a month name or abbreviation ("Oct", "Sept.", "October"), else 0. */
guint nkg_date_month (const char *word);

/* 1 (Monday) – 7 (Sunday) for a weekday name, else 0. */
guint nkg_date_weekday (const char *word);

/* Finds the first complete date in `text`: "2025-10-31", "Oct 31, 2025",
 * "31 October 2025", "Aug. 8, 2024". Writes YYYY-MM-DD into `out` (11 bytes)
 * and the match's byte range. */
gboolean nkg_date_find (const char *text, char out[11], gsize *start, gsize *end);

/* Month and day with the article's year ("October 27" in a 2025 article). */
gboolean nkg_date_month_day (const char *article, guint month, guint day, char out[11]);

/* The latest `weekday` on or before the article date ("on Friday"). */
gboolean nkg_date_weekday_before (const char *article, guint weekday, char out[11]);

/* The first `weekday` on or after the article date ("will open on Tuesday"). */
gboolean nkg_date_weekday_after (const char *article, guint weekday, char out[11]);

G_END_DECLS
