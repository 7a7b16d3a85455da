/* wordlist_blob.S — the word index the build made (build/wordlist.bin, by
 * mkwordlist: see wordlist.c), read-only data of the program.  Its path
 * comes from the Makefile as WORDLIST_BLOB. */
	.section .rodata
	.balign 64
	.globl unpress_wordlist_blob
unpress_wordlist_blob:
	.incbin WORDLIST_BLOB
	.globl unpress_wordlist_blob_end
unpress_wordlist_blob_end:
	.section .note.GNU-stack,"",@progbits
