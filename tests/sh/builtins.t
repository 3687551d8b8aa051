#### echo escapes as dash
echo 'a\tb' 'c\nd'; echo -n no-nl; echo; echo 'x\cy'; echo z
#### printf basics
printf '%s-%s\n' a b c d; printf '%d %5d|%-5d|%05d\n' 42 7 7 7
#### printf formats
printf '%x %X %o %c %%\n' 255 255 8 hello; printf '%.3s|%10.2f|%e\n' abcdef 3.14159 1234.5
#### printf b and escapes
printf '%b\n' 'a\tb\\c'; printf 'q\"\n'; printf '\101\n'
#### printf char value and star
printf '%d %d\n' "'A" '"a'; printf '%*d|%-*s|\n' 5 1 3 x
#### printf bad number
printf '%d\n' abc; echo st=$?
#### printf reuses format
printf '[%s]' 1 2 3; echo
#### test string operators
test -n x && echo n; test -z "" && echo z; [ a = a ] && echo eq; [ a != b ] && echo ne
#### test integer operators
for op in -eq -ne -lt -le -gt -ge; do [ 2 $op 3 ]; echo "$op $?"; done
#### test file operators
touch f; mkdir d; ln -s f l; for op in -e -f -d -h -L -r -w -s -x; do [ $op f ]; a=$?; [ $op d ]; b=$?; [ $op l ]; echo "$op $a $b $?"; done
#### test combined
[ -n a -a -z "" ] && echo and; [ -z a -o -n b ] && echo or; [ ! -n "" ] && echo not; [ \( a = a \) ] && echo paren
#### test one and zero args
[ ]; echo $?; [ x ]; echo $?; [ "" ]; echo $?
#### test nt ot ef
touch -d 2000-01-01 old; touch new; [ new -nt old ] && echo nt; [ old -ot new ] && echo ot; [ new -ef new ] && echo ef
#### test bad number
[ x -eq 1 ] 2>/dev/null; echo $?
#### true false colon
true; echo $?; false; echo $?; :; echo $?
#### read with IFS
IFS=: read a b c <<EOF
1:2:3:4
EOF
echo "$a|$b|$c"
#### read backslash and -r
read a <<'EOF'
x\ty\
z
EOF
read -r b <<'EOF'
x\ty
EOF
echo "$a" "$b"
#### read at end of file
printf 'noeol' | { read l; echo $? "$l"; }
#### read strips whitespace
read a b <<EOF
   one   two   three
EOF
echo "[$a][$b]"
#### read loop
printf '1\n2\n3\n' | while read n; do echo "n=$n"; done
#### getopts loop
set -- -a -b arg -cfoo rest; while getopts ab:c: o; do echo "$o ${OPTARG-}"; done; echo $OPTIND; shift $((OPTIND-1)); echo "$@"
#### getopts silent errors
while getopts :a: o -x -a; do echo "$o $OPTARG"; done
#### getopts bad option
getopts a o -z; echo "$? $o"
#### export to child
export X=1; Y=2; sh -c 'echo ${X-} ${Y-}'
#### export -p form
export Q='a b'; export -p | grep ' Q='
#### readonly
readonly r=1; (r=2) 2>/dev/null; echo st=$? $r
#### unset variable
x=1; unset x; echo ${x-unset}
#### set positional and options
set -- a b; echo $#; set -u; (echo $nope) 2>/dev/null; echo st=$?
#### eval
x='echo evaled'; eval $x; eval 'y=1; echo $y'
#### eval with quotes
eval "echo \"a  b\""
#### shift too many
set -- a; (shift 2) 2>/dev/null; echo st=$?
#### type and command -v
type true | cat; command -v echo; command -v nosuch; echo $?
#### command -v function and alias
f() { :; }; command -v f
#### command runs builtin not function
echo() { printf 'fn\n'; }; command echo real
#### cd and pwd
mkdir -p a/b; cd a/b; pwd | sed 's|.*/||'; cd ..; pwd | sed 's|.*/||'
#### cd dash
mkdir x y; cd x; cd ../y; cd - | sed 's|.*/||'; pwd | sed 's|.*/||'
#### cd with CDPATH
mkdir -p base/sub; CDPATH=$PWD/base; cd sub > o; sed 's|.*/||' o; pwd | sed 's|.*/||'
#### cd logical and physical
mkdir real; ln -s real link; cd link; pwd | sed 's|.*/||'; pwd -P | sed 's|.*/||'; cd -P .; pwd | sed 's|.*/||'
#### cd dotdot logical
mkdir -p r/s; ln -s r/s sl; cd sl; cd ..; [ -d r ] && echo logical; cd sl; cd -P ..; [ -d s ] && echo physical
#### umask
umask 027; umask; umask -S; umask u=rwx,g=rx,o=; umask
#### alias
alias say='echo said'
say hi
alias say; unalias say; say 2>/dev/null; echo $?
#### alias with trailing blank
alias e='echo ' w=word
e w
#### times prints two lines
times | wc -l
#### trap EXIT
trap 'echo bye' EXIT; echo hi
#### trap listing
trap 'echo x' EXIT; trap 'echo y' INT; trap
#### trap on signal
trap 'echo got USR1' USR1; kill -USR1 $$; echo after
#### trap reset
trap 'echo x' EXIT; trap - EXIT; echo done
#### trap EXIT in subshell
(trap 'echo sub-exit' EXIT; echo in-sub); echo main
#### exit status of exit in trap
trap 'exit 3' EXIT; exit 1
#### kill with signal name
# whether "Terminated" is printed depends on when the job is reaped (in dash too)
sleep 5 & kill -TERM $!; wait $! 2>/dev/null; echo $?
#### kill -l
kill -l 15; kill -l 137
#### wait unknown pid
wait 99999; echo $?
#### hash
hash cat; hash -r; echo st=$?
#### ulimit
ulimit -n 64; ulimit -n
#### exec replaces the shell
exec echo replaced; echo never
#### exit with status
(exit 42); echo $?; exit 5
#### set -e exits on failure
set -e; true; false; echo not-reached
#### set -e ignored in conditions and and-or lists
set -e; false && true; if false; then :; fi; false || true; ! true; echo alive
#### set -e in subshell
set -e; (false; echo no); echo st=$?
#### set -x traces
set -x; echo traced; x=1
#### set -n does not run
set -n; echo nothing
#### set -v echoes input
set -v
echo v
#### set -o lists and sets
set -o noglob; case $- in *f*) echo f;; esac; set +o noglob; case $- in *f*) echo f;; *) echo nof;; esac
#### set -u with defaults allowed
set -u; echo ${undefined-ok} ${undefined:+x}
#### set dash dash clears
set -- a b; set --; echo $#
#### set lists variables
zzvar='a b'; set | grep '^zzvar='
#### jobs in a script
jobs; echo ok
