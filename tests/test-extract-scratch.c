/* The thread pools of index arrays (extract/scratch.h): an array asked
 * for is empty whatever was released before it, keeps its buffer for
 * the next one on its thread (not under AddressSanitizer, whose checks
 * need every array freed), and two threads never share one. And the
 * arenas: aligned, separate allocations. */
#include "extract/scratch.h"

#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define POOLED FALSE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOLED FALSE
#endif
#endif
#ifndef POOLED
#define POOLED TRUE
#endif

/* A released array comes back empty, with the buffer it had. */
static void
test_reuse_empty (void)
{
  GArray *a = nkg_int_array_new ();
  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (g_array_get_element_size (a), ==, sizeof (gint));
  for (gint i = 0; i < 40; i++)
    g_array_append_val (a, i);
  nkg_int_array_release (a);
  g_autoptr (NkgIntArray) b = nkg_int_array_new ();
  g_assert_cmpuint (b->len, ==, 0);
  /* a new GArray has no buffer until something is added */
  if (POOLED)
    g_assert_nonnull (b->data);
  else
    g_assert_null (b->data);
  gint seven = 7;
  g_array_append_val (b, seven);
  g_assert_cmpint (g_array_index (b, gint, 0), ==, 7);
}

/* Many arrays held at once and released: each asked for again is empty
 * and distinct from the others held. */
static void
test_many (void)
{
  GArray *held[100];
  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (held); i++)
        {
          held[i] = nkg_int_array_new ();
          g_assert_cmpuint (held[i]->len, ==, 0);
          for (guint j = 0; j < i; j++)
            g_assert_true (held[j] != held[i]);
          g_array_set_size (held[i], i * 20);
        }
      for (guint i = 0; i < G_N_ELEMENTS (held); i++)
        nkg_int_array_release (held[i]);
    }
  nkg_int_array_release (NULL);
}

static gpointer
hold_one (gpointer data)
{
  GArray **got = data;
  *got = nkg_int_array_new ();
  nkg_int_array_release (*got);
  /* the same thread gets it back */
  GArray *again = nkg_int_array_new ();
  gboolean same = again == *got;
  nkg_int_array_release (again);
  return GINT_TO_POINTER (same);
}

/* An array released on one thread is not handed out on another (the
 * extraction threads' pools are their own). */
static void
test_threads (void)
{
  g_autoptr (NkgIntArray) mine = nkg_int_array_new ();
  gint one = 1;
  g_array_append_val (mine, one);
  GArray *theirs = NULL;
  GThread *t = g_thread_new ("scratch", hold_one, &theirs);
  gboolean same = GPOINTER_TO_INT (g_thread_join (t));
  if (POOLED)
    g_assert_true (same);
  g_assert_true (theirs != mine);
  g_assert_cmpuint (mine->len, ==, 1);
}

static gpointer
ask_one (gpointer data)
{
  GArray *got = nkg_int_array_new ();
  gboolean other = got != data && got->len == 0;
  nkg_int_array_release (got);
  return GINT_TO_POINTER (other);
}

/* An array this thread released waits in this thread's pool: a thread
 * started after it gets another (its own pool, not this one's), and this
 * thread gets it back. */
static void
test_thread_own_pool (void)
{
  GArray *mine = nkg_int_array_new ();
  gint one = 1;
  g_array_append_val (mine, one);
  nkg_int_array_release (mine);
  GThread *t = g_thread_new ("scratch", ask_one, mine);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (t)));
  g_autoptr (NkgIntArray) again = nkg_int_array_new ();
  if (POOLED)
    g_assert_true (again == mine);
  g_assert_cmpuint (again->len, ==, 0);
}

/* An arena's allocations are aligned for any type, of the size asked,
 * and none overlaps another: small ones cut from shared blocks, big ones
 * on their own. */
static void
test_arena (void)
{
  g_autoptr (NkgArena) a = nkg_arena_new ();
  enum { N = 2000 };
  static const gsize sizes[] = { 1, 3, 8, 13, 40, 100, 0, 5000, 17, 70000 };
  guchar *got[N];
  for (guint i = 0; i < N; i++)
    {
      gsize n = sizes[i % G_N_ELEMENTS (sizes)];
      got[i] = nkg_arena_alloc (a, n);
      g_assert_nonnull (got[i]);
      g_assert_cmpuint ((guintptr) got[i] % G_ALIGNOF (gint64), ==, 0);
      g_assert_cmpuint ((guintptr) got[i] % sizeof (gpointer), ==, 0);
      memset (got[i], (int) (i & 0xff), n);
    }
  for (guint i = 0; i < N; i++)
    {
      gsize n = sizes[i % G_N_ELEMENTS (sizes)];
      for (gsize k = 0; k < n; k++)
        if (got[i][k] != (guchar) (i & 0xff))
          g_error ("allocation %u overwritten at byte %" G_GSIZE_FORMAT, i, k);
    }
  nkg_arena_free (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/scratch/reuse-empty", test_reuse_empty);
  g_test_add_func ("/extract/scratch/many", test_many);
  g_test_add_func ("/extract/scratch/threads", test_threads);
  g_test_add_func ("/extract/scratch/thread-own-pool", test_thread_own_pool);
  g_test_add_func ("/extract/scratch/arena", test_arena);
  return g_test_run ();
}
