/* fuzz-snapshot.c — the snapshot reader (cli/inspect-cache.c) on
 * arbitrary bytes, then the inspection commands over what it rebuilds.
 *
 * A snapshot is a cache file anyone can damage; it must be refused or
 * give a graph every command can walk. The seeds are snapshots of the
 * examples' graph (fuzz/run.sh makes them with the real binary).
 */
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  /* An exact-size copy: the reader must not read past the file's end. */
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (NkgGraph) graph = nkg_cli_snapshot_graph (bytes);
  if (!graph)
    return 0;
  fuzz_inspect_all (graph, "snapshot", NULL);
  return 0;
}
