#### if elif else
for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi; done
#### if status without branch
if false; then :; fi; echo $?
#### while loop
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
#### until loop
i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done
#### for without in uses positional
set -- x y; for a; do echo $a; done
#### for over empty list
for a in; do echo no; done; echo done
#### break and continue
for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done
#### break 2
for i in 1 2; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done; echo out
#### continue 2
for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; echo never; done
#### loop status
for i in 1; do false; done; echo $?; while false; do :; done; echo $?
#### and or lists
true && echo a || echo b; false && echo c || echo d
#### negated pipeline
! true; echo $?; ! false; echo $?
#### pipeline status is last
false | true; echo $?; true | false; echo $?
#### subshell isolation
x=1; (x=2; echo $x); echo $x
#### group shares environment
x=1; { x=2; }; echo $x
#### background and wait
(sleep 0; exit 3) & wait $!; echo $?
#### wait for all
sleep 0 & sleep 0 & wait; echo $?
#### semicolon and newline lists
echo a; echo b
echo c
#### nested compound commands
for i in 1 2; do case $i in 1) while :; do echo w$i; break; done;; *) if true; then echo i$i; fi;; esac; done
#### pipeline of loops
for i in 3 1 2; do echo $i; done | sort | while read x; do echo "n$x"; done
#### long pipeline
echo abc | cat | cat | cat | tr a-c A-C | cat
#### multi-line pipeline continuation
echo x |
tr x y
#### and list across newline
true &&
echo yes
