/* util/no_icu.c — the seven ICU functions libxml2 calls, answering "no
 * such converter", for a program that links libxml2 in itself.
 *
 * Starting unpress was mostly the dynamic loader's work: Debian's libxml2
 * brings ICU (libicuuc, libicudata and, ICU being C++, libstdc++), and
 * relocating those cost more than converting a one-page document.  The
 * Makefile links Debian's own static libxml2 (libxml2-dev ships it) into
 * the program instead, with this file in place of ICU.  libxml2 asks ICU
 * for an encoding only after its own converters (UTF-8, UTF-16, Latin-1,
 * ASCII) and iconv have failed (encoding.c, xmlFindCharEncodingHandler),
 * and unpress reads and writes UTF-8 alone: nothing is lost but ICU's
 * few converters that glibc's iconv lacks, and a document in one of those
 * is refused as libxml2 refuses any unknown encoding.
 *
 * <unicode/ucnv.h> renames each function to its versioned name
 * (ucnv_open → ucnv_open_72), so these are the names libxml2.a asks for
 * whatever ICU Debian builds it against.  Built and linked only with the
 * static libxml2 (see the Makefile): beside a shared ICU these would
 * take its place. */
#include <unicode/ucnv.h>

/* No converter of that name. */
UConverter *ucnv_open(const char *name, UErrorCode *err)
{
	(void)name;
	*err = U_FILE_ACCESS_ERROR;
	return NULL;
}

/* Nothing was opened, so nothing to close. */
void ucnv_close(UConverter *conv)
{
	(void)conv;
}

/* Never called on a converter (none opens); an error if it were. */
void ucnv_setToUCallBack(UConverter *conv, UConverterToUCallback action, const void *context,
			 UConverterToUCallback *old_action, const void **old_context, UErrorCode *err)
{
	(void)conv, (void)action, (void)context, (void)old_action, (void)old_context;
	*err = U_UNSUPPORTED_ERROR;
}

/* As ucnv_setToUCallBack. */
void ucnv_setFromUCallBack(UConverter *conv, UConverterFromUCallback action, const void *context,
			   UConverterFromUCallback *old_action, const void **old_context, UErrorCode *err)
{
	(void)conv, (void)action, (void)context, (void)old_action, (void)old_context;
	*err = U_UNSUPPORTED_ERROR;
}

/* As ucnv_setToUCallBack: nothing converted. */
void ucnv_convertEx(UConverter *target_conv, UConverter *source_conv, char **target, const char *target_limit,
		    const char **source, const char *source_limit, UChar *pivot_start, UChar **pivot_source,
		    UChar **pivot_target, const UChar *pivot_limit, UBool reset, UBool flush, UErrorCode *err)
{
	(void)target_conv, (void)source_conv, (void)target, (void)target_limit, (void)source, (void)source_limit;
	(void)pivot_start, (void)pivot_source, (void)pivot_target, (void)pivot_limit, (void)reset, (void)flush;
	*err = U_UNSUPPORTED_ERROR;
}

/* The callbacks libxml2 passes by address: never run. */
void UCNV_FROM_U_CALLBACK_STOP(const void *context, UConverterFromUnicodeArgs *args, const UChar *units,
			       int32_t length, UChar32 code_point, UConverterCallbackReason reason, UErrorCode *err)
{
	(void)context, (void)args, (void)units, (void)length, (void)code_point, (void)reason, (void)err;
}

/* As UCNV_FROM_U_CALLBACK_STOP. */
void UCNV_TO_U_CALLBACK_STOP(const void *context, UConverterToUnicodeArgs *args, const char *units,
			     int32_t length, UConverterCallbackReason reason, UErrorCode *err)
{
	(void)context, (void)args, (void)units, (void)length, (void)reason, (void)err;
}
