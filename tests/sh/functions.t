#### function with positional parameters
f() { echo "$# $1 $2"; }; f a b; set -- x; f; echo $1
#### return status
f() { return 4; }; f; echo $?
#### return without argument keeps status
f() { false; return; }; f; echo $?
#### function sees globals and sets them
x=1; f() { x=2; y=3; }; f; echo $x $y
#### recursion
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 6
#### function with redirection
f() { echo in-f; } > out; f; cat out
#### local variables
x=g; f() { local x=l; echo $x; }; f; echo $x
#### function overrides command
ls() { echo my-ls; }; ls
#### unset -f
f() { echo f; }; unset -f f; f 2>/dev/null; echo $?
#### temporary assignment to function
x=1; f() { echo $x; }; x=2 f; echo $x
#### break inside function called from loop
f() { return 0; }; for i in 1 2; do f; echo $i; done
#### function defined with subshell body
f() ( x=inner; echo $x ); x=outer; f; echo $x
#### dollar-at inside function
f() { for a in "$@"; do echo "[$a]"; done; }; f "a b" c
#### return in dot script
echo 'echo in; return 5; echo no' > s.sh; . ./s.sh; echo $?
#### dot with path
echo 'v=dotted' > lib.sh; . ./lib.sh; echo $v
