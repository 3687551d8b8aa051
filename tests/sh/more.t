#### syntax error unexpected then
if true; then; fi
#### syntax error in case
case x in
#### syntax error unexpected paren
echo ( a )
#### syntax error bad for variable
for 1x in a; do :; done
#### unexpected end of file in if
if true; then echo a
#### syntax error double semicolon
echo a ;; echo b
#### not found in a function reports line
f() {
	nosuch_cmd
}
f; echo $?
#### eval syntax error keeps shell with status 2
eval 'fi'; echo after $?
#### special builtin error exits
set -o nosuchoption; echo no
#### export bad name
export 1abc=2; echo no
#### readonly assignment error
readonly a=1; a=2; echo no
#### unset readonly error
readonly b=1; unset b; echo no
#### shift error message
shift 5
#### getopts no argument message
getopts a: o -a; echo "$? $o ${OPTARG-unset}"
#### cd to missing directory
cd /nonexistent-dir; echo $?
#### dot missing file
. ./missing.sh; echo no
#### arithmetic syntax error
echo $((1+)); echo no
#### read without variable name uses error
read; echo $?
#### parameter not set message with -u
set -u; echo $missing; echo no
#### nested command substitution with quotes and parens
echo "$(echo "$(echo "(a)")")"
#### backquote inside dollar paren
echo $(echo `echo deep`)
#### dollar paren inside backquote
echo `echo $(echo deep2)`
#### arithmetic in here-document
n=3; cat <<EOF
$((n*n)) ${n}x
EOF
#### here-document with quotes untouched
cat <<EOF
"double" 'single'
EOF
#### here-document with tab strip and expansion
v=e; cat <<-X
	$v
	X
#### empty here-document
cat <<EOF
EOF
echo after
#### here-document delimiter with quotes in middle
cat <<E"O"F
$nope
EOF
#### case in a pipeline
echo b | { read v; case $v in a) echo A;; b) echo B;; esac; }
#### case fallthrough to default with quotes
x='a b'; case $x in "a b") echo spaced;; *) echo other;; esac
#### case matching brackets literal
case '[x]' in '[x]') echo lit;; esac; case x in [x]) echo class;; esac
#### pattern with escaped star
case 'a*' in a\*) echo esc;; esac; case ab in a\*) echo no;; *) echo noesc;; esac
#### while with break in nested if
i=0; while :; do i=$((i+1)); if [ $i -gt 3 ]; then break; fi; done; echo $i
#### until with continue
i=0; until [ $i -ge 4 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done
#### for over glob with no match
for f in *.none; do echo "$f"; done
#### functions and traps together
trap 'echo trapped' EXIT; f() { exit 2; }; f
#### pipeline exit status with subshell
(exit 3) | (exit 4); echo $?
#### subshell in pipeline keeps variables local
x=1; echo | x=2; echo $x
#### assignments and exports in subshell
(export A=1); echo ${A-none}
#### IFS affects dollar-star in dq only first char
IFS='-:'; set -- a b; echo "$*"
#### read -r keeps backslashes
printf 'a\\b\n' | { read -r v; echo "$v"; }
#### read multiple lines
printf 'l1\nl2\n' | { read a; read b; echo "$b $a"; }
#### read IFS empty keeps blanks
printf '  x  \n' | { IFS= read -r v; echo "[$v]"; }
#### read with more vars than fields
echo one | { read a b c; echo "[$a][$b][$c]"; }
#### printf percent b with c escape
printf '%b|' 'a\cb' 'c'; echo
#### printf zero padding and sign
printf '%+d %+d % d|%-4s|%4s|\n' 5 -5 3 ab ab
#### printf octal and hex input
printf '%d %d %d\n' 010 0x1f -7
#### printf string precision
printf '%.2s %.0s|\n' abc def
#### echo dash-n only first
echo -n a -n; echo; echo -e x
#### echo backslash zero octal
echo 'a\0101b'
#### test string comparison sorts
[ a \< b ] && echo lt; [ b \> a ] && echo gt
#### test with exclamation
[ ! a = b ] && echo ne; [ ! ] ; echo $?
#### test unary on missing file
[ -f /nonexistent ]; echo $?; [ -e / ]; echo $?
#### test -t on non-terminal
[ -t 0 ]; echo $?
#### test too many args
[ a b c ] 2>/dev/null; echo $?
#### command substitution in assignment not split
x=$(echo 'a   b'); echo "$x"
#### assignment of dollar-at
set -- 1 2 3; x=$@; echo "$x"
#### word with glob and quotes
touch 'a b' ab; echo a*; echo "a"*
#### long arithmetic chain
echo $((1+2+3+4+5+6+7+8+9+10)) $((2**0 == 0)) 2>/dev/null || echo err
#### arithmetic comparison chain
echo $((1 < 2 == 1)) $((3 > 2 > 1))
#### arithmetic with spaces and parens
x=2; echo $(( ( x + 3 ) * ( x - 1 ) ))
#### arithmetic negative modulo
echo $((-7 % 3)) $((-7 / 3))
#### arithmetic variable with spaces in value
x=' 12 '; echo $((x + 1))
#### trap with signal number
trap 'echo hup' 1; kill -HUP $$; echo after
#### trap ignore
trap '' USR2; kill -USR2 $$; echo survived
#### trap inherited reset in subshell listing
trap 'echo x' USR1; (trap 'echo y' USR1; kill -USR1 $$ 2>/dev/null; :); echo done
#### exit trap sees status
trap 'echo status=$?' EXIT; false
#### exit inside function inside subshell
f() { exit 7; }; (f); echo $?
#### return from nested loops in function
f() { for i in 1 2; do for j in a b; do return 3; done; done; }; f; echo $?
#### deeply nested groups and subshells
{ ( { echo deep; } ) ; }
#### dollar brace special params
set -- a b; echo ${#} ${1} ${@} ${*}
#### default with spaces splits unquoted
unset x; set -- ${x:-a b c}; echo $#; set -- "${x:-a b c}"; echo $#
#### assign default does not split value stored
unset x; : ${x:='a b'}; echo "[$x]"
#### length of unset and special
unset x; echo ${#x}; x=ab; echo ${#x}
#### trim with star patterns
x=foo.tar.gz; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*.}
#### trim with question marks
x=abcdef; echo ${x#??} ${x%???}
#### trim with empty pattern and unmatched
x=abc; echo ${x#} ${x%z} ${x#b}
#### alias used in function definition
alias ll='echo listing'
f() { ll; }
f
#### unalias -a
alias a1=x a2=y; unalias -a; alias; echo done
#### command -V
command -V true | cat
#### type of function and keyword
f() { :; }; type f; type if
#### exec with redirection in subshell
(exec >f; echo inside); cat f
#### cd and PWD OLDPWD
mkdir sub; cd sub; [ "$OLDPWD" != "$PWD" ] && echo changed; cd; [ "$PWD" = "$HOME" ] && echo home
#### umask symbolic plus
umask 077; umask g+rx; umask
#### set with option letters
set -ef; echo $-; set +ef; echo "[$-]"
#### set -a exports
set -a; V=exported; sh -c 'echo $V'
