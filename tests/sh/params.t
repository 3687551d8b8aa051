#### positional parameters
set -- a b c d e f g h i j k; echo $1 $9 ${10} ${11} $#
#### dollar-at with zero args
set --; for a in "$@"; do echo "[$a]"; done; echo n=$#
#### dollar-at with one arg
set -- "a b"; for a in "$@"; do echo "[$a]"; done
#### dollar-at with many args
set -- "a b" "" c; for a in "$@"; do echo "[$a]"; done
#### dollar-star joins with IFS
set -- a b c; IFS=:; echo "$*"; IFS=; echo "$*"; unset IFS; echo "$*"
#### unquoted dollar-at splits
set -- "a b" c; for a in $@; do echo "[$a]"; done
#### prefix and suffix on dollar-at
set -- a b; for x in "x$@y"; do echo "[$x]"; done
#### dollar-hash and shift
set -- 1 2 3; shift; echo $# $1; shift 2; echo $#
#### dollar-question
true; echo $?; false; echo $?; (exit 7); echo $?
#### dollar-dollar is the main shell pid in subshells
a=$$; b=$(echo $$); [ "$a" = "$b" ] && echo same
#### dollar-bang
sleep 0 & p=$!; wait $p; [ -n "$p" ] && echo ok
#### dollar-zero
echo $0
#### default value
unset x; echo ${x-def} ${x:-def2}; x=; echo "${x-def}" ${x:-def3}
#### assign default
unset x; echo ${x=one} $x; y=; echo ${y:=two} $y
#### alternative value
x=1; echo ${x+alt} ${x:+alt2}; y=; echo "[${y+a}]" "[${y:+b}]"
#### error if unset
unset x; (echo ${x?oops}) 2>&1; echo $?
#### error if null message
x=; (: ${x:?is empty}) 2>&1; echo st=$?
#### length
x=hello; echo ${#x}; set -- a b c; echo ${#}
#### remove smallest prefix
x=a/b/c; echo ${x#*/}
#### remove largest prefix
x=a/b/c; echo ${x##*/}
#### remove smallest suffix
x=a/b/c; echo ${x%/*}
#### remove largest suffix
x=a/b/c; echo ${x%%/*}
#### pattern removal with brackets
x=abc123def; echo ${x%%[0-9]*} ${x##*[0-9]} ${x#[a-c]} ${x%[!0-9]}
#### pattern removal quoted
x='a*b*c'; echo ${x#"a*"} ${x%'*'*}
#### nested parameter expansion
unset a; b=B; echo ${a:-${b}x}
#### braces around names
x=1; echo ${x}y $xy end
#### special parameter minus
set -f; case $- in *f*) echo hasf;; esac
#### unset positional in default
echo ${1:-none}
#### dollar-at in assignment context
set -- a b; x="$@"; echo "$x"
