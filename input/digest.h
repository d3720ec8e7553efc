/* digest.h — SHA-256 through Nettle, which uses the processor's SHA
 * instructions where it has them (several times GLib's GChecksum). The
 * digests and their hex are the same bytes GChecksum gives. */
#pragma once

#include <glib.h>
#include <nettle/sha2.h>

G_BEGIN_DECLS

typedef struct {
  struct sha256_ctx ctx;
} NkgSha256;

void nkg_sha256_init (NkgSha256 *s);
void nkg_sha256_update (NkgSha256 *s, const void *data, gsize len);
/* Ends the digest: 32 bytes into `out`. */
void nkg_sha256_digest (NkgSha256 *s, guint8 out[32]);
/* Ends the digest as 64 lower-case hex digits (free with g_free). */
char *nkg_sha256_hex_finish (NkgSha256 *s);
/* The hex SHA-256 of `len` bytes at `data`. */
char *nkg_sha256_hex (const void *data, gsize len);

G_END_DECLS
