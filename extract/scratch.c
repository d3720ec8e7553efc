/* scratch.c — see scratch.h. */
#include "scratch.h"

#if defined(__SANITIZE_ADDRESS__)
#define NKG_SCRATCH_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NKG_SCRATCH_POOL 0
#endif
#endif
#ifndef NKG_SCRATCH_POOL
#define NKG_SCRATCH_POOL 1
#endif

G_STATIC_ASSERT (sizeof (gint) == sizeof (guint));

/* How many released arrays a thread keeps (the rules hold a dozen at
 * once at most), and the longest kept: a rare long one is freed rather
 * than held for the thread's life. */
enum { POOL_SIZE = 64, KEEP_MAX = 1024 };

typedef struct {
  guint n;
  GArray *free[POOL_SIZE];
} Pool;

static void
pool_free (gpointer p)
{
  Pool *pool = p;
  for (guint i = 0; i < pool->n; i++)
    g_array_unref (pool->free[i]);
  g_free (pool);
}

static GPrivate pool_key = G_PRIVATE_INIT (pool_free);

GArray *
nkg_int_array_new (void)
{
  if (NKG_SCRATCH_POOL)
    {
      Pool *pool = g_private_get (&pool_key);
      if (pool && pool->n)
        return pool->free[--pool->n];
    }
  return g_array_new (FALSE, FALSE, sizeof (gint));
}

void
nkg_int_array_release (GArray *array)
{
  if (!array)
    return;
  if (NKG_SCRATCH_POOL && array->len <= KEEP_MAX && g_array_get_element_size (array) == sizeof (gint))
    {
      Pool *pool = g_private_get (&pool_key);
      if (!pool)
        {
          pool = g_new0 (Pool, 1);
          g_private_set (&pool_key, pool);
        }
      if (pool->n < POOL_SIZE)
        {
          g_array_set_size (array, 0);
          pool->free[pool->n++] = array;
          return;
        }
    }
  g_array_unref (array);
}
