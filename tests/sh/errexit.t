#### set -e in function called in and-list
set -e; f() { false; echo in-f; }; f && echo ok; echo after
#### set -e in function called plainly
set -e; f() { false; echo in-f; }; f; echo after
#### set -e with failing command substitution assignment
set -e; x=$(false); echo after
#### set -e and pipeline with failing first command
set -e; false | true; echo after
#### set -e with group in or-list
set -e; { false; echo g; } || echo caught
#### set -e in case body
set -e; case x in x) false;; esac; echo c
#### set -e negated subshell
set -e; ! (false); echo bang
#### set -e with until and while conditions
set -e; while false; do :; done; until true; do :; done; echo loops
#### set -e exit status and exit trap
trap 'echo trap $?' EXIT; set -e; sh -c 'exit 6'; echo never
#### here-document cut short by end of file
cat <<EOF
line one
#### here-document with no body at end of file
IFS=: read a b <<EOF
