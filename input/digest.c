/* digest.c — SHA-256 through Nettle (see digest.h). */
#include "digest.h"

void
nkg_sha256_init (NkgSha256 *s)
{
  sha256_init (&s->ctx);
}

void
nkg_sha256_update (NkgSha256 *s, const void *data, gsize len)
{
  sha256_update (&s->ctx, len, data);
}

void
nkg_sha256_digest (NkgSha256 *s, guint8 out[32])
{
  sha256_digest (&s->ctx, SHA256_DIGEST_SIZE, out);
}

char *
nkg_sha256_hex_finish (NkgSha256 *s)
{
  static const char hex[] = "0123456789abcdef";
  guint8 d[SHA256_DIGEST_SIZE];
  nkg_sha256_digest (s, d);
  char *out = g_malloc (2 * SHA256_DIGEST_SIZE + 1);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out[2 * i] = hex[d[i] >> 4];
      out[2 * i + 1] = hex[d[i] & 15];
    }
  out[2 * SHA256_DIGEST_SIZE] = '\0';
  return out;
}

char *
nkg_sha256_hex (const void *data, gsize len)
{
  NkgSha256 s;
  nkg_sha256_init (&s);
  nkg_sha256_update (&s, data, len);
  return nkg_sha256_hex_finish (&s);
}
