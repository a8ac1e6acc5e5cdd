#!/usr/bin/env bash
# Breaking-change check of openapi.yaml (make check-breaking, run by CI).
#
# Every commit that changed openapi.yaml is compared with its parent by oasdiff; a change
# that breaks clients (a removed route, a field that became required or optional the
# wrong way, a narrower type...) fails the check unless the commit message has a line
#     API-Breaking: <why it is intended>
# Uncommitted changes to openapi.yaml are compared with HEAD and reported, without failing
# (they are checked again once committed).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
# A shallow clone lacks the parents of its oldest commits: every change would be skipped
# and the check would pass without comparing anything.
# Fetch the rest of it when the clone's origin can give it (a CI clone of a local path).
if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
	echo "check-breaking: shallow clone, fetching the whole history" >&2
	git fetch --quiet --unshallow 2>/dev/null || true
fi
if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
	echo "check-breaking: this is a shallow clone, the history of openapi.yaml is incomplete;" >&2
	echo "  fetch it whole (git fetch --unshallow, or actions/checkout with fetch-depth: 0) and run again" >&2
	exit 1
fi
oasdiff() { go tool -modfile=tools.mod oasdiff "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failed=0 checked=0
for c in $(git log --format=%H -- openapi.yaml); do
	git rev-parse -q --verify "$c^" >/dev/null || continue              # the first commit
	git cat-file -e "$c^:openapi.yaml" 2>/dev/null || continue           # the spec is new there
	git show "$c^:openapi.yaml" >"$tmp/base.yaml"
	git show "$c:openapi.yaml" >"$tmp/rev.yaml"
	checked=$((checked + 1))
	if ! oasdiff breaking "$tmp/base.yaml" "$tmp/rev.yaml" --fail-on ERR >"$tmp/out.txt" 2>&1; then
		subject=$(git log -1 --format='%h %s' "$c")
		if git log -1 --format=%B "$c" | grep -q '^API-Breaking:'; then
			echo "intended breaking change in $subject:"
			git log -1 --format=%B "$c" | grep '^API-Breaking:' | sed 's/^/  /'
		else
			echo "BREAKING change to openapi.yaml in $subject"
			echo "(add a line 'API-Breaking: <why>' to the commit message if it is intended)"
			sed 's/^/  /' "$tmp/out.txt"
			failed=1
		fi
	fi
done

if ! git diff --quiet HEAD -- openapi.yaml 2>/dev/null; then
	git show HEAD:openapi.yaml >"$tmp/base.yaml"
	if ! oasdiff breaking "$tmp/base.yaml" openapi.yaml --fail-on ERR >"$tmp/out.txt" 2>&1; then
		echo "note: the uncommitted changes to openapi.yaml break clients:"
		sed 's/^/  /' "$tmp/out.txt"
	fi
fi

echo "check-breaking: $checked change(s) of openapi.yaml compared with their parent"
exit "$failed"
