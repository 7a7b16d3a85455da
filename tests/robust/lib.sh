# tests/robust/lib.sh — helpers for the robustness tests (after tests/lib.sh).
# run_case NAME CODE PATTERN FILE [ARGS...]: run unpress on FILE; expect exit
# CODE and a message matching the shell PATTERN on stderr ("*": any).  Output goes to
# $dir/NAME; the stderr is kept in $dir/NAME.err.
run_case() {
	rc_name=$1 rc_code=$2 rc_pat=$3 rc_file=$4; shift 4
	"$UNPRESS" -o "$dir/$rc_name" "$@" "$rc_file" >/dev/null 2>"$dir/$rc_name.err"
	rc=$?
	msg=$(cat "$dir/$rc_name.err")
	if [ "$rc" -ne "$rc_code" ]; then
		echo "not ok - $rc_name: exit $rc_code"; echo "    actual exit: $rc"
		printf '%s\n' "$msg" | head -5 | cut -c1-300 | sed 's/^/    /'
	else
		echo "ok - $rc_name: exit $rc_code"
	fi
	[ "$rc_pat" = "*" ] && return
	# shellcheck disable=SC2254
	case "$msg" in
	$rc_pat) echo "ok - $rc_name: says so" ;;
	*) echo "not ok - $rc_name: message"; echo "    wanted: $rc_pat"
	   printf '%s\n' "$msg" | head -5 | cut -c1-300 | sed 's/^/    actual: /' ;;
	esac
}
# text_of FILE.xml: the document's text content (for "did the words survive")
text_of() { xmllint --xpath 'string(/)' "$1" 2>/dev/null; }
# no_temp DIR: no temporary file is left in DIR
no_temp() { ! ls -A "$1" 2>/dev/null | grep -q '\.tmp'; }
