#!/usr/bin/env bash
# Every doctest test case's name is one CTest test: a ';' in it is a CMake list separator, which
# splits it into two names that match no test case, and doctest passes a run that ran nothing
# (12 cases were silently skipped so). Fails listing such names, in every test program given.
# usage: tests/test_case_names.sh TEST_PROGRAM...
set -euo pipefail
bad=0
for program in "$@"; do
    names=$("$program" --list-test-cases) || { echo "FAIL: $program --list-test-cases failed"; exit 1; }
    count=$(grep -c . <<<"$names")
    if grep -n ';' <<<"$names"; then
        echo "FAIL: $(basename "$program"): a test case name holds ';' (use ',' instead)"
        bad=1
    fi
    echo "$(basename "$program"): $count lines listed"
done
exit "$bad"
