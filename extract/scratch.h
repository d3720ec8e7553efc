/* scratch.h — small arrays of indices reused across the articles a
 * thread extracts, and arenas for an article's transient objects.
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

/* Memory for one article's transient objects, freed in one go: blocks
 * cut in turn (each allocation aligned for any type) instead of a malloc
 * and a free each. Under AddressSanitizer each allocation is a malloc of
 * its own, freed with the arena, so overruns and uses after the arena's
 * end are still reported. */
typedef struct _NkgArena NkgArena;

NkgArena *nkg_arena_new (void);
/* `size` bytes, uninitialised, that live until nkg_arena_free */
gpointer nkg_arena_alloc (NkgArena *arena, gsize size);
void nkg_arena_free (NkgArena *arena);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgArena, nkg_arena_free)

G_END_DECLS
