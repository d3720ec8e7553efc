#!/bin/sh
# test-allocator.sh NEWSKG ALLOCATOR LIBRARY — build/newskg runs on the malloc
# that -Dallocator chose (cli/meson.build): GLib's and libc's calls to malloc
# bind to LIBRARY (e.g. libtcmalloc_minimal.so), or, for glibc, to libc
# itself. Checked on the running program (the dynamic loader's bindings), not
# only on the link line: a library linked but loaded after libc, or dropped
# by --as-needed, would leave glibc's malloc in place.
set -u
newskg=$1 allocator=$2 library=${3:-}
bindings=$(LD_BIND_NOW=1 LD_DEBUG=bindings "$newskg" --version 2>&1 >/dev/null |
  grep -E "binding file [^ ]*/libglib-2\.0\.so[^ ]* .* symbol \`malloc'")
if [ -z "$bindings" ]; then
  echo "FAIL: no binding of GLib's malloc in LD_DEBUG=bindings output"
  exit 1
fi
target=$(echo "$bindings" | head -1 | sed -E 's/.* to ([^ ]*) .*/\1/')
case $allocator in
  glibc) want=libc.so ;;
  *) want=${library:?allocator $allocator needs its library name} ;;
esac
case $(basename "$target") in
  "$want"*) echo "ok: GLib's malloc is $target ($allocator)"; exit 0 ;;
esac
echo "FAIL: -Dallocator gave $allocator, but GLib's malloc binds to $target (want $want*)"
exit 1
