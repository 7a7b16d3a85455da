#!/bin/sh
# The editions' modules (src/util/module.h): the program links neither the
# PDF stack nor libxslt; -t pdf and -t html load them on demand, from beside
# the program whatever the current folder; a missing or foreign module is
# a clear message and a sysexits code; a changed module is a changed
# program (util/program.h), so its outputs are made again.
. "$TOP/tests/lib.sh"
out="$TESTS_OUT/core-modules"; rm -rf "$out"; mkdir -p "$out"
in="$TOP/input/resolution-11-3.txt"
export SOURCE_DATE_EPOCH=1700000000

if command -v readelf >/dev/null; then
	needed=$(readelf -d "$UNPRESS" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
	heavy=$(echo "$needed" | tr ' ' '\n' | grep -E 'cairo|pango|glib|gobject|fontconfig|freetype|harfbuzz|xslt|hyphen')
	expect "the program links none of the editions' libraries (its NEEDED: $needed)" "" "$heavy"
else
	skip "the program links none of the editions' libraries" "no readelf"
fi

# which shared objects a run maps, as the dynamic loader tells them
loaded() { LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\).*\[0\];  *\(needed\|dynamically loaded\).*/\1/p' | sort -u | tr '\n' ' '; }
maps=$(loaded "$UNPRESS" -q --force -t xml -o "$out/xml" "$in")
case "$maps" in *libc.so*) echo "ok - the loader's trace lists what is mapped";; *) echo "not ok - no libc in the loader's trace: $maps";; esac
# libxml2 linked in (the Makefile's XML_A): starting no longer loads ICU
# and the C++ runtime, which cost more than converting a page
case "$needed" in
*libxml2*) skip "-t xml maps neither ICU nor libstdc++" "built with the shared libxml2 (XML_SHARED)" ;;
*) case "$maps" in *libicu*|*libstdc++*) echo "not ok - -t xml maps ICU or libstdc++: $maps";;
	*) echo "ok - -t xml maps neither ICU nor libstdc++";; esac ;;
esac
case "$maps" in *cairo*|*pango*|*xslt*|*pdf.so*|*html.so*) echo "not ok - -t xml maps an edition's library: $maps";;
	*) echo "ok - -t xml maps no edition's library";; esac

# -t pdf and -t html through the modules, run from another folder
maps=$(cd "$out" && loaded "$UNPRESS" -q --force -t pdf,html -o "$out/both" "$in")
case "$maps" in *editions/pdf.so*libcairo*|*libcairo*editions/pdf.so*) echo "ok - -t pdf loads pdf.so and cairo";;
	*) echo "not ok - -t pdf: pdf.so and cairo not both loaded: $maps";; esac
case "$maps" in *editions/html.so*) echo "ok - -t html loads html.so";; *) echo "not ok - -t html: html.so not loaded: $maps";; esac
expect "the PDF is a PDF" "%PDF-" "$(head -c 5 "$out/both/resolution-11-3.pdf" 2>/dev/null)"
check "the HTML page is HTML with the document's text" grep -q 'Technical assistance\|<html' "$out/both/resolution-11-3.html"
# One libxml2 in the process: libxslt (html.so) takes every libxml2
# function from the program, which holds the whole archive, never from
# the shared libxml2 it names (two copies would each keep their own
# state: the parser's globals, dictionaries, the error handlers).
case "$needed" in
*libxml2*) skip "libxslt calls the program's libxml2" "built with the shared libxml2 (XML_SHARED)" ;;
*) binds=$(cd "$out" && LD_DEBUG=bindings "$UNPRESS" -q --force -t html -o "$out/binds" "$in" 2>&1 >/dev/null |
		grep "binding file [^ ]*libxslt[^ ]* .* to " | sed 's/.* to \([^ ]*\) .*/\1/' | sort | uniq -c | tr -s ' ')
	case "$binds" in *libxml2*) echo "not ok - libxslt binds to the shared libxml2: $binds";;
		*"$(basename "$UNPRESS")"*) echo "ok - libxslt calls the program's libxml2";;
		*) echo "not ok - libxslt's bindings not seen: $binds";; esac ;;
esac

# a folder without the modules: the XML is written, each other edition
# asked for fails with a message that names the file, exit 69
mkdir -p "$out/empty"
msg=$(UNPRESS_EDITIONS_DIR="$out/empty" "$UNPRESS" --force -t xml,pdf -o "$out/missing" "$in" 2>&1)
expect "a missing module: 69 (EX_UNAVAILABLE)" 69 $?
case "$msg" in *"pdf edition's module $out/empty/pdf.so is missing"*) echo "ok - the message names the missing module";;
	*) echo "not ok - missing-module message: $msg";; esac
check "the XML is still written" test -s "$out/missing/resolution-11-3.xml"
expect "no PDF and no temporary file left" "" "$(ls "$out/missing" | grep -v '\.xml$')"
UNPRESS_EDITIONS_DIR="$out/empty" "$UNPRESS" -q --force -t html -o "$out/missing" "$in" 2>/dev/null
expect "the HTML edition without its module: 69" 69 $?
UNPRESS_EDITIONS_DIR="$out/empty" "$UNPRESS" -q --force -t xml,md -o "$out/missing" "$in"
expect "editions that need no module work without them" 0 $?

# a folder beside the program named editions/ that holds no module (an
# output folder, say) does not hide the modules in build/editions/
mods_dir=$(dirname "$(LD_DEBUG=files "$UNPRESS" -q --force -t html -o "$out/find0" "$in" 2>&1 |
	sed -n 's/.*file=\([^ ]*html\.so\) .*\[0\].*/\1/p' | head -1)")
if [ -f "$mods_dir/html.so" ]; then
	mkdir -p "$out/prog/editions" "$out/prog/build/editions"
	cp "$UNPRESS" "$out/prog/unpress" && cp "$mods_dir"/*.so "$out/prog/build/editions/"
	echo "an output" >"$out/prog/editions/doc.xml"
	maps=$(cd "$out" && loaded "$out/prog/unpress" -q --force -t html -o "$out/prog-out" "$in")
	case "$maps" in *"$out/prog/build/editions/html.so"*) echo "ok - an editions/ folder without modules is passed over";;
		*) echo "not ok - editions/ without modules hid build/editions: $maps";; esac
else
	skip "an editions/ folder without modules is passed over" "html.so not found"
fi

# a file that is not a module, and a module of another interface version
mkdir -p "$out/foreign"
echo "not a shared object" >"$out/foreign/pdf.so"
msg=$(UNPRESS_EDITIONS_DIR="$out/foreign" "$UNPRESS" --force -t pdf -o "$out/foreign-out" "$in" 2>&1)
expect "a file that is not a module: 70 (EX_SOFTWARE)" 70 $?
case "$msg" in *"cannot load the pdf edition's module"*) echo "ok - and says it cannot load it";; *) echo "not ok - foreign-module message: $msg";; esac
if printf 'const unsigned unpress_module_pdf[4] = {999};\n' >"$out/old.c" &&
   cc -shared -fPIC -o "$out/foreign/pdf.so" "$out/old.c" 2>/dev/null; then
	msg=$(UNPRESS_EDITIONS_DIR="$out/foreign" "$UNPRESS" --force -t pdf -o "$out/foreign-out" "$in" 2>&1)
	expect "a module for another interface version: 70" 70 $?
	case "$msg" in *"built for another version of unpress (interface 999"*) echo "ok - and says which";;
		*) echo "not ok - interface-version message: $msg";; esac
	# the interface is every header of src/ (the Makefile's HEADERS_HASH):
	# a module built from other headers is refused, not called
	abi=$(cat $(ls "$TOP"/src/*.h "$TOP"/src/*/*.h 2>/dev/null | LC_ALL=C sort) | cksum | cut -d' ' -f1)
	case "$msg" in *"this program's is $abi)"*) echo "ok - the program's interface is the hash of its headers";;
		*) echo "not ok - the program's interface is not the headers' hash $abi: $msg";; esac
else
	skip "a module for another interface version" "no C compiler"
fi

# the modules are part of the program's hash: a changed pdf.so remakes
# the outputs, an unchanged one leaves them up to date
mods=$(dirname "$(LD_DEBUG=files "$UNPRESS" -q --force -t pdf -o "$out/find" "$in" 2>&1 |
	sed -n 's/.*file=\([^ ]*pdf\.so\) .*\[0\].*/\1/p' | head -1)")
if [ -f "$mods/pdf.so" ] && command -v objcopy >/dev/null; then
	mkdir -p "$out/mods" && cp "$mods"/*.so "$out/mods/"
	run() { UNPRESS_EDITIONS_DIR="$out/mods" "$UNPRESS" -t pdf -o "$out/state" "$in" 2>&1 | grep '^unpress: 1 document'; }
	run >/dev/null
	said=$(run)
	case "$said" in *"1 document up to date"*) echo "ok - the same modules: up to date";; *) echo "not ok - same modules: $said";; esac
	# another build ID, as a rebuilt module has (without one, its bytes count)
	objcopy --remove-section .note.gnu.build-id "$out/mods/pdf.so"
	said=$(run)
	case "$said" in *"(1 converted, 0 up to date"*) echo "ok - a changed pdf.so: converted again";; *) echo "not ok - changed pdf.so: $said";; esac
	expect "and the changed module still writes the PDF" "%PDF-" "$(head -c 5 "$out/state/resolution-11-3.pdf")"
else
	skip "a changed module remakes the outputs" "modules not found or no objcopy"
fi

# an installation under a prefix: PREFIX/bin/unpress finds its modules in
# PREFIX/lib/unpress (the data folder beside bin/, as util/datadir.c finds it)
if [ -f "$mods/pdf.so" ]; then
	p="$out/prefix"; mkdir -p "$p/bin" "$p/lib/unpress"
	cp "$UNPRESS" "$p/bin/unpress"; cp "$mods"/*.so "$p/lib/unpress/"
	ln -s "$TOP/templates" "$p/templates"; ln -s "$TOP/styles" "$p/styles"
	maps=$(loaded "$p/bin/unpress" -q --force -t pdf -o "$out/prefix-out" "$in")
	case "$maps" in *"$p/bin/../lib/unpress/pdf.so"*) echo "ok - an installed program loads PREFIX/lib/unpress/pdf.so";;
		*) echo "not ok - installed program: not PREFIX/lib/unpress/pdf.so: $maps";; esac
	expect "and writes the PDF" "%PDF-" "$(head -c 5 "$out/prefix-out/resolution-11-3.pdf" 2>/dev/null)"
else
	skip "an installed program finds its modules" "modules not found"
fi
