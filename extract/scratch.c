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

/* The thread's pool, read here without a call: g_private_get was a third
 * of asking for and releasing an array (two calls per array, 670,000 a
 * corpus pass). pool_key holds the same pointer only so that the pool is
 * freed when its thread ends. */
static _Thread_local Pool *thread_pool;

static void
pool_free (gpointer p)
{
  Pool *pool = p;
  for (guint i = 0; i < pool->n; i++)
    g_array_unref (pool->free[i]);
  g_free (pool);
  /* (the destructor runs on the ending thread: a release after it makes
   * a new pool, as g_private_get's NULL did) */
  if (thread_pool == pool)
    thread_pool = NULL;
}

static GPrivate pool_key = G_PRIVATE_INIT (pool_free);

GArray *
nkg_int_array_new (void)
{
  if (NKG_SCRATCH_POOL)
    {
      Pool *pool = thread_pool;
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
      Pool *pool = thread_pool;
      if (!pool)
        {
          pool = thread_pool = g_new0 (Pool, 1);
          g_private_set (&pool_key, pool);
        }
      if (pool->n < POOL_SIZE)
        {
          /* (an array released empty, as many are, needs no call) */
          if (array->len)
            g_array_set_size (array, 0);
          pool->free[pool->n++] = array;
          return;
        }
    }
  g_array_unref (array);
}

/* ---- arenas ---- */

/* A block's size: a short article's memos fit in the first one. */
enum { ARENA_BLOCK = 16 * 1024, ARENA_ALIGN = 16 };

struct _NkgArena {
  GPtrArray *blocks; /* the blocks (or, under AddressSanitizer, each allocation) */
  char *at, *end;    /* what is left of the newest block */
};

NkgArena *
nkg_arena_new (void)
{
  NkgArena *a = g_new0 (NkgArena, 1);
  a->blocks = g_ptr_array_new_with_free_func (g_free);
  return a;
}

gpointer
nkg_arena_alloc (NkgArena *a, gsize size)
{
  if (!NKG_SCRATCH_POOL)
    {
      gpointer p = g_malloc (MAX (size, 1));
      g_ptr_array_add (a->blocks, p);
      return p;
    }
  size = (size + ARENA_ALIGN - 1) & ~(gsize) (ARENA_ALIGN - 1);
  if (size > (gsize) (a->end - a->at))
    {
      /* a big one gets a block of its own; the current block stays */
      if (size > ARENA_BLOCK / 4)
        {
          gpointer p = g_malloc (size);
          g_ptr_array_add (a->blocks, p);
          return p;
        }
      a->at = g_malloc (ARENA_BLOCK);
      a->end = a->at + ARENA_BLOCK;
      g_ptr_array_add (a->blocks, a->at);
    }
  gpointer p = a->at;
  a->at += size;
  return p;
}

void
nkg_arena_free (NkgArena *a)
{
  if (!a)
    return;
  g_ptr_array_unref (a->blocks);
  g_free (a);
}
