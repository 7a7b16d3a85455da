/* akn/ns.h — the XML namespaces unpress reads and writes. */
#ifndef UNPRESS_AKN_NS_H
#define UNPRESS_AKN_NS_H

/* Akoma Ntoso 3.0 (OASIS LegalDocML) */
#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
/* unpress's own record in meta/proprietary (source file, slug, type) */
#define UNPRESS_NS "https://unpress.example/ns"
/* The UN's own vocabulary for what AKN leaves to each publisher (AKN4UN). */
#define AKN4UN_NS "http://un.org/akn4un"

/* The date written where AKN requires one (FRBRdate, FRBRWork's and the
 * others') and the source gave none: the epoch, which no UN document
 * bears.  Readers take it for "no date" and show none. */
#define AKN_DATE_UNKNOWN "1970-01-01"

#endif
