#### IFS in read with multiple fields
echo "a b c d" | { read x y; echo "[$x][$y]"; }
#### variable assignment before special builtin persists
x=1 :; echo $x
#### assignment before regular builtin is temporary
x=1; x=2 true; echo $x
#### assignment before external command is exported
x=1 sh -c 'echo $x'; echo "[${x-}]"
#### several assignments in one command
a=1 b=$a; echo $b
#### command substitution in for list
for w in $(echo a b c); do printf %s $w; done; echo
#### word splitting in for with quotes
for w in "a b" c; do echo "[$w]"; done
#### case with special characters
case 'a|b' in 'a|b') echo lit;; esac; case x in x|y) echo alt;; esac
#### long string building
s=; for i in 1 2 3 4 5 6 7 8 9 10; do s="$s$i"; done; echo $s ${#s}
#### nested functions and loops
outer() { for i in 1 2; do inner $i; done; }; inner() { echo "in $1"; }; outer
#### here-string style via echo pipe
echo 'x y' | { read a b; echo $b $a; }
#### subshell exit does not end shell
(exit 3); echo still-here $?
#### braces need separators
{ echo a; echo b; }
#### semicolon after ampersand list
sleep 0 & echo bg-started; wait
#### pwd variable
cd /; echo $PWD; cd /tmp; echo $OLDPWD
#### sh script args
printf 'echo "$0:$#:$*"\n' > s.sh; sh s.sh a b | sed 's|.*/||'
#### sh -c exit status
sh -c 'exit 9'; echo $?
#### stdin script via sh -s
echo 'echo from-stdin $1' | sh -s x
#### printf with no args
printf 'x%sy\n'
#### echo no args
echo; echo -n; echo end
#### colon with arguments expands
: ${v:=set}; echo $v
#### variables with underscores and digits
_a1=1; A_2=2; echo $_a1$A_2
#### arithmetic in conditions
i=5; if [ $((i % 2)) -eq 1 ]; then echo odd; fi
#### while with read and pipe status
printf 'a\nb\n' | while read l; do echo $l; done; echo $?
#### eval defines function
eval 'g() { echo gee; }'; g
#### dot sees positional parameters
echo 'echo "dot: $1"' > d.sh; set -- p1; . ./d.sh
#### multiple redirections
echo x > a > b; cat a; cat b
#### exit in subshell with trap
( trap 'echo t' EXIT; exit 2 ); echo $?
#### unset of readonly fails
readonly ro=1; (unset ro) 2>/dev/null; echo $?
#### export unset variable then set
export later; later=5; sh -c 'echo $later'
