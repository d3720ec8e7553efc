/* lexicon.h — read-only knowledge the extractor consults.
 *
 * Countries and subdivisions from Debian's iso-codes, cities from a GeoNames
 * extract, titles, head words, demonyms and cue verbs from the data files
 * under extract/data/ (compiled in as a GResource). Built once, then shared
 * read-only by every extraction thread: no function here mutates it.
 */
#pragma once

#include <glib.h>

#include "graph/vocab.h"
#include "segment.h"
#include "words.h"

G_BEGIN_DECLS

typedef struct _NkgLexicon NkgLexicon;

/* Loads the lexicon. Fails only when the iso-codes data cannot be read. */
NkgLexicon *nkg_lexicon_new (GError **error);
void nkg_lexicon_free (NkgLexicon *lexicon);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgLexicon, nkg_lexicon_free)

/* Roles a lower-case word or phrase plays (data/words.tsv), as a bit set. */
typedef enum {
  NKG_W_TITLE = 1 << 0,       /* head of a job title: minister, president */
  NKG_W_TITLEMOD = 1 << 1,    /* may precede a title head: defence, vice */
  NKG_W_PORTFOLIO = 1 << 2,   /* remit of a ministry: "of Foreign Affairs" */
  NKG_W_HONORIFIC = 1 << 3,   /* Mr, Mrs, Dr */
  NKG_W_GOVORG = 1 << 4,      /* head of a government body's name */
  NKG_W_ORG = 1 << 5,         /* head of another organisation's name */
  NKG_W_AGREEMENT = 1 << 6,   /* head of an agreement's name */
  NKG_W_EVENT = 1 << 7,       /* head of an event's name */
  NKG_W_PLACE = 1 << 8,       /* head of a venue or area's name */
  NKG_W_REPORT = 1 << 9,      /* reporting verb: said, added */
  NKG_W_SIGN = 1 << 10,       /* signing verb: signed, inked */
  NKG_W_MEET = 1 << 11,       /* meeting verb or noun */
  NKG_W_FUTURE = 1 << 12,     /* modal or plan word: will, set (to) */
  NKG_W_STOPCAP = 1 << 13,    /* capitalised only because it starts a sentence */
  NKG_W_COUNTERPART = 1 << 14, /* "counterpart": a title-like word that is not a title */
  NKG_W_NONNAME = 1 << 15,     /* makes a capitalised span a concept, not a name: "Policy" */
  NKG_W_SETTLEMENT = 1 << 16,  /* a kind of populated place: "the town of X" */
  NKG_W_QUANTITY = 1 << 17,    /* counts what follows "of": "a raft of deals" */
  NKG_W_NAMEHEAD = 1 << 18,    /* an agreement head only in a capitalised name or
                                * after "joint": "Roadmap", "Declaration" */
  NKG_W_OWNNAME = 1 << 19,     /* an organisation head whose name keeps the
                                * nationality before it: "Portuguese Space Agency",
                                * unlike "Chinese Foreign Ministry" */
  NKG_W_AGREEMENTMOD = 1 << 20, /* says how an agreement is, not what it is about:
                                * "landmark", "bilateral" (coref's agreement register) */
  NKG_W_CONNECTOR = 1 << 21,   /* a lower-case word that may join a capitalised
                                * name: "of", "and", "de" */
  NKG_W_PARTICLE = 1 << 22,    /* a lower-case word inside a person's name: "van", "de" */
  NKG_W_PATRONYM = 1 << 23,    /* "son/daughter of": "bin", "bint", "ibn"; what follows
                                * it is the father's name, not a surname */
  NKG_W_BODYEVENT = 1 << 24,   /* an event head that also names standing bodies: "Forum" */
  NKG_W_BODYNOUN = 1 << 25,    /* a common noun that calls a name a body: "members of X",
                                * "X, a regional bloc" */
  NKG_W_OCCASION = 1 << 26,    /* "on the sidelines of", "on the occasion of": when or
                                * where, never what an agreement is about */
  NKG_W_PICTURE = 1 << 27,     /* opens a picture credit: "Photo: Getty Images/AFP" */
  NKG_W_ORDINAL = 1 << 28      /* an ordinal word: "the Fifth Global Forum" */
} NkgWordRole;

/* Roles of `lower` (lower-case, one word or a phrase); 0 when unknown. */
guint nkg_lexicon_word (const NkgLexicon *lexicon, const char *lower);

/* The roles of every word or phrase of the lexicon that ends in the
 * letters and digits that end `lower` (all roles when `lower` is not
 * ASCII): a phrase of the lexicon ending with a token whose tail roles
 * lack a role cannot have it, so the phrases before that token need not
 * be cut out and looked up. */
guint nkg_lexicon_tail_roles (const NkgLexicon *lexicon, const char *lower);
/* nkg_lexicon_tail_roles (lexicon, lower) & NKG_W_AGREEMENT, mostly
 * answered without a hash look-up. */
gboolean nkg_lexicon_tail_agreement (const NkgLexicon *lexicon, const char *lower);

/* nkg_lexicon_tail_agreement (lexicon, t->lower) for a token: a token of
 * ASCII letters and digits alone is its own tail, whose roles its entry
 * (words.h) holds, without a scan or a look-up. */
static inline gboolean
nkg_lexicon_tok_tail_agreement (const NkgLexicon *lexicon, const NkgToken *t)
{
  if (t->flags & NKG_TOK_ALNUM)
    return (nkg_word_entry (t)->tail_roles & NKG_W_AGREEMENT) != 0;
  return nkg_lexicon_tail_agreement (lexicon, t->lower);
}

/* nkg_lexicon_word (lexicon, t->lower), looked up once per token: the
 * stages ask about the same tokens thousands of times per article, and
 * each lookup hashes the word. The answer is kept in the token (a
 * document's tokens belong to the one thread extracting it). */
/* (Every lexicon reads the same words.tsv: the token's entry, words.h,
 * holds its roles, looked up once with everything else the tables know
 * of the word.) */
static inline guint
nkg_lexicon_tok_roles (const NkgLexicon *lexicon, const NkgToken *t)
{
  (void) lexicon;
  return (t->flags & NKG_TOK_ROLES) ? t->roles : nkg_word_entry_find (t)->roles;
}

/* FALSE when no word or phrase of the lexicon can be the lower case of a
 * span of two or more tokens starting with t (t's word is no proper prefix
 * of any): the span need not be made and looked up. An ASCII word with no
 * entry is no proper prefix of any either (words.c gives each an entry). */
static inline gboolean
nkg_lexicon_tok_starts_phrase (const NkgLexicon *lexicon, const NkgToken *t)
{
  (void) lexicon;
  const NkgWordEntry *e = nkg_word_entry (t);
  if (e->number != G_MAXUINT)
    return !e->no_phrase;
  for (const char *p = t->lower; *p; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;
  return FALSE;
}

/* FALSE when no word or phrase of the lexicon with roles can be the lower
 * case of a span of tokens ending with token i of seg: the token is ASCII
 * letters and digits (NKG_TOK_ALNUM) not glued to a letter or digit
 * before it, so it is the span's tail (nkg_text_word_tail), and no key of
 * the lexicon ends in it (its entry's tail_roles). TRUE when unsure. */
static inline gboolean
nkg_lexicon_tok_ends_phrase (const NkgLexicon *lexicon, const NkgSegments *seg, guint i)
{
  (void) lexicon;
  const NkgToken *t = nkg_tok (seg, i);
  if (!(t->flags & NKG_TOK_ALNUM) || (t->start > 0 && g_ascii_isalnum (seg->text[t->start - 1])))
    return TRUE;
  return nkg_word_entry (t)->tail_roles != 0;
}

/* Singular of a plural title head ("ministers" → "minister"), or NULL. */
const char *nkg_lexicon_title_singular (const NkgLexicon *lexicon, const char *lower);

typedef struct {
  NkgClass klass;      /* COUNTRY, CITY or PLACE */
  const char *name;    /* canonical name: "United States", "Quito" */
  const char *country; /* canonical name of the country it lies in, or NULL */
} NkgPlace;

/* Looks a surface form up among countries, major cities (GeoNames places of
 * 100,000 people or more, and capitals, by any Latin-script name GeoNames
 * knows: "Bombay", "Addis Abeba", "Alma-Ata") and places ("U.S.",
 * "Bogotá", "ISTANBUL"). Names are canonical: "Bombay" gives "Mumbai". */
gboolean nkg_lexicon_place (const NkgLexicon *lexicon, const char *surface, NkgPlace *out);
/* nkg_lexicon_place keeps its answers in each thread that asks (a few
 * hundred KB, for the thread's life); this frees the calling thread's,
 * for a caller that looks up nothing more for a while (`build`, once
 * every article is read). Later lookups start it again. */
void nkg_lexicon_drop_place_cache (void);
/* FALSE when nkg_lexicon_place would surely be FALSE, told cheaply and
 * without allocating (most surfaces); TRUE when it may be TRUE. */
gboolean nkg_lexicon_place_maybe (const NkgLexicon *lexicon, const char *surface);

/* Looks a surface form up among all populated places of the gazetteer
 * (GeoNames cities1000: every town of 1,000 people or more), the small ones
 * too, as a CITY. `country` (a canonical country name, or NULL for any)
 * keeps only places in that country: "the Kenyan town of X" looks X up in
 * Kenya. Small towns share their names with people and words, so callers
 * ask only where the text says a place is meant (mentions.c,
 * placecue.c). Out-strings live as long as the lexicon. */
gboolean nkg_lexicon_town (const NkgLexicon *lexicon, const char *surface, const char *country,
                           NkgPlace *out);

/* The canonical name of an intergovernmental organisation or grouping
 * named by `surface` ("SCO", "the Quad", "Mercosur"; data/bodies.tsv), or
 * NULL. */
const char *nkg_lexicon_body (const NkgLexicon *lexicon, const char *surface);

/* A state, province or region (or a region of places.tsv) named by
 * `surface` even when a city has that name too: "Tacna" in "Tacna
 * province", where nkg_lexicon_place gives the city. */
gboolean nkg_lexicon_region (const NkgLexicon *lexicon, const char *surface, NkgPlace *out);

/* The i-th country with a state, province or region whose ISO 3166-2
 * code ends in `code` ("NL" of CA-NL: Canada), or NULL past the last. */
const char *nkg_lexicon_subdivision_country (const NkgLexicon *lexicon, const char *code, guint i);

/* Longest place name, in words: bounds the gazetteer's longest match. */
guint nkg_lexicon_place_max_words (const NkgLexicon *lexicon);

/* Country canonical name for a nationality adjective ("Indian"), or NULL. */
const char *nkg_lexicon_demonym (const NkgLexicon *lexicon, const char *word);

/* Whether `word` ("Imran", "Wang") is a known given name or surname
 * (data/names.txt): evidence that a bare capitalised name is a person's. */
gboolean nkg_lexicon_is_name_part (const NkgLexicon *lexicon, const char *word);

/* Canonical name of the capital city of a country (by its canonical
 * name), or NULL when the data does not say. */
const char *nkg_lexicon_capital (const NkgLexicon *lexicon, const char *country);

/* The canonical name of the news agency or outlet `surface` names
 * ("Kyodo", "AFP" → "Agence France-Presse", "The Guardian" → "Guardian";
 * data/outlets.tsv), or NULL. *kind, when asked for, is "agency", "paper",
 * "broadcaster", "magazine" or "online". */
const char *nkg_lexicon_outlet (const NkgLexicon *lexicon, const char *surface, const char **kind);

/* The canonical name of the country whose seat of government `surface`
 * names ("Kremlin" → "Russia", "Downing Street" → "United Kingdom";
 * data/seats.tsv), or NULL. */
const char *nkg_lexicon_seat (const NkgLexicon *lexicon, const char *surface);

/* nkg_lexicon_outlet (…, NULL), nkg_lexicon_body and, when `seat` is
 * not NULL, nkg_lexicon_seat of one surface, its key made once. */
void nkg_lexicon_names_of (const NkgLexicon *lexicon, const char *surface, const char **outlet,
                           const char **body, const char **seat);

/* Whether two given names are variants of one another (Pete, Peter). */
gboolean nkg_lexicon_same_given_name (const NkgLexicon *lexicon, const char *a, const char *b);

/* Adds to `sum` the iso-codes tables the lexicon reads (converted at build
 * time from the build machine's iso-codes, compiled in), by name and
 * content: with the rest of the data, what makes two lexicons alike
 * (graph/shard.c's extractor id). */
gboolean nkg_lexicon_hash_system_data (GChecksum *sum, GError **error);

G_END_DECLS
