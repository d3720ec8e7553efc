/* lang.h — which language an article is written in (libexttextcat).
 *
 * The n-gram profiles of libexttextcat-data give the likeliest languages
 * for a sample of the text; several when they are close, none when the
 * text is too short to tell. One thread at a time per detector (input.c
 * lends one to each of its threads).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NkgLang NkgLang;

/* Loads the profiles input.ini lists; fails when they are not installed. */
NkgLang *nkg_lang_new (GError **error);
/* A detector that loads the profiles (from `profile_dir`, NULL: the
 * installed ones) only when a text first needs them: one that the
 * common-words test cannot call English. Never fails; when the profiles
 * cannot be read, such texts get no verdict and nkg_lang_error says
 * why. Thread-safe loading. */
NkgLang *nkg_lang_new_lazy (const char *profile_dir);
/* Why the profiles could not be loaded, or NULL (also while no text has
 * needed them yet). */
const char *nkg_lang_error (NkgLang *lang);
void nkg_lang_free (NkgLang *lang);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgLang, nkg_lang_free)

/* The likeliest languages (ISO 639 codes, "en", best first), or NULL when
 * the text is too short or too mixed to tell. */
GStrv nkg_lang_detect (NkgLang *lang, const char *text, gsize len);

/* The two steps of nkg_lang_detect, for the tests that check one against
 * the other: TRUE when the sample is long enough and enough of its words
 * are common English ones (input.ini [language]) to say English without
 * n-grams; the n-gram verdict alone. */
gboolean nkg_lang_is_plain_english (NkgLang *lang, const char *text, gsize len);
GStrv nkg_lang_detect_ngrams (NkgLang *lang, const char *text, gsize len);

G_END_DECLS
