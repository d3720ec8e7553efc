/* fuzz-snapshot.c — the snapshot reader (graph/snapshot.c) on arbitrary
 * payloads, then the inspection commands over what it rebuilds.
 *
 * A snapshot is a cache file anyone can damage; it must be refused or
 * give a graph every command can walk. The input is taken as the payload
 * and sealed with a good checksum, as anyone can: otherwise the fuzzer
 * would only ever meet the checksum. A whole snapshot file as input (the
 * seeds fuzz/run.sh makes with the real binary) is taken as one too.
 */
#include "fuzz-common.h"
#include "graph/snapshot.h"

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
  g_autoptr (NkgGraph) whole = nkg_snapshot_graph (bytes, NULL);
  if (whole)
    fuzz_inspect_all (whole, "snapshot", NULL);
  g_autoptr (GBytes) sealed = nkg_snapshot_seal (bytes, NULL);
  g_autoptr (NkgGraph) graph = nkg_snapshot_graph (sealed, NULL);
  if (!graph)
    return 0;
  fuzz_inspect_all (graph, "snapshot", NULL);
  return 0;
}
