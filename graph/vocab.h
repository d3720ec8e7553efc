/* vocab.h — the terms of the graph contract (docs/vocabulary.md) as tables.
 *
 * Every writer and reader (Turtle, DOT, CLI) takes IRIs, class names and
 * property names from here, so the contract is spelled in exactly one place.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NKG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NKG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NKG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NKG_NS_SCHEMA "http://schema.org/"
#define NKG_NS_PROV "http://www.w3.org/ns/prov#"
#define NKG_NS_DCTERMS "http://purl.org/dc/terms/"
#define NKG_NS_NKG "https://w3id.org/newskg#"
#define NKG_DEFAULT_BASE "https://w3id.org/newskg/id/"
/* The agent every build node names (prov:wasAssociatedWith). */
#define NKG_SOFTWARE_IRI "https://w3id.org/newskg/software"

/* Fine entity classes. The coarse class is derived (nkg_class_coarse). */
typedef enum {
  NKG_CLASS_PERSON,
  NKG_CLASS_GOV_ORG,
  NKG_CLASS_ORG,
  NKG_CLASS_COUNTRY,
  NKG_CLASS_CITY,
  NKG_CLASS_PLACE,
  NKG_CLASS_EVENT,
  NKG_CLASS_AGREEMENT,
  NKG_CLASS_N,
  NKG_CLASS_NONE = -1
} NkgClass;

typedef struct {
  NkgClass klass;
  const char *key;   /* lower-case word used on the CLI and in IRIs: "person" */
  const char *label; /* human label: "Person", "Government body" */
  const char *iri;   /* fine class IRI */
  const char *also;  /* coarse class IRI also asserted, or NULL */
} NkgClassInfo;

typedef enum {
  NKG_OBJ_ENTITY,   /* object is another entity */
  NKG_OBJ_STRING,   /* plain literal */
  NKG_OBJ_DATE,     /* xsd:date literal */
  NKG_OBJ_DURATION, /* xsd:duration literal */
} NkgObjKind;

typedef enum {
  NKG_PROP_JOB_TITLE,
  NKG_PROP_REPRESENTS,
  NKG_PROP_WORKS_FOR,
  NKG_PROP_SIGNED,
  NKG_PROP_PARTY,
  NKG_PROP_SIGNED_IN,
  NKG_PROP_SIGNED_ON,
  NKG_PROP_REPLACES,
  NKG_PROP_DURATION,
  NKG_PROP_MET,
  NKG_PROP_ATTENDED,
  NKG_PROP_LOCATION,
  NKG_PROP_START_DATE,
  NKG_PROP_CONTAINED_IN,
  NKG_PROP_SUB_ORG,
  NKG_PROP_HANDLE,
  NKG_PROP_N,
  NKG_PROP_NONE = -1
} NkgProp;

typedef struct {
  NkgProp prop;
  const char *key; /* local name as in the contract: "jobTitle" */
  const char *iri;
  NkgObjKind obj;
  gboolean symmetric; /* asserted in both directions (met) */
} NkgPropInfo;

const NkgClassInfo *nkg_class_info (NkgClass klass);
const NkgPropInfo *nkg_prop_info (NkgProp prop);

/* Lookups by IRI (Turtle reader) and by key (CLI); NONE when unknown. */
NkgClass nkg_class_from_iri (const char *iri);
NkgClass nkg_class_from_key (const char *key);
NkgProp nkg_prop_from_iri (const char *iri);
NkgProp nkg_prop_from_key (const char *key);

/* Coarse class: PERSON, ORG, PLACE, EVENT or AGREEMENT. */
NkgClass nkg_class_coarse (NkgClass klass);

/* Whether two fine classes may denote the same entity (same coarse class). */
gboolean nkg_class_compatible (NkgClass a, NkgClass b);

G_END_DECLS
