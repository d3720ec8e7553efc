/* scratch.h — small arrays of indices reused across the articles a
 * thread extracts.
 *
 * The rules gather mentions, entities and candidates in arrays of gint or
 * guint made and dropped for every sentence (a quarter of a million per
 * 2,300 articles): each one a header, a buffer grown by realloc and two
 * frees. An array released here keeps its buffer in its thread's pool
 * for the next one asked for on that thread; arrays a thread still holds
 * when it ends are freed then.
 *
 * Only for arrays released exactly once, by nkg_int_array_release (or
 * g_autoptr (NkgIntArray)), and never given a second reference
 * (g_array_ref): a pooled array must have no other holder.
 *
 * Under AddressSanitizer the pool is off (a new array each time, freed
 * on release), so that a use after release is still reported.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GArray of gint or guint (both four bytes), as g_array_new (FALSE,
 * FALSE, sizeof (gint)) would make it: empty. */
typedef GArray NkgIntArray;

GArray *nkg_int_array_new (void);
void nkg_int_array_release (GArray *array);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgIntArray, nkg_int_array_release)

G_END_DECLS
