#### a script on standard input shares it with read
# POSIX 2.1: the shell reads standard input a line at a time; dash reads a pipe ahead
printf 'read x\nhello there\necho "got $x"\n' | "$TESTSHELL"
#### expect
got hello there
#### sh -c with name and arguments
"$TESTSHELL" -c 'echo "$0|$1|$#"' myname a b
#### sh -c exit status and -e option
"$TESTSHELL" -e -c 'false; echo no'; echo $?
#### sh -s with arguments
echo 'echo "$# $1 $2"' | "$TESTSHELL" -s x y
#### script with arguments and shift
printf 'shift; echo "$@"\n' > s.sh; "$TESTSHELL" s.sh a b c
#### missing script file
"$TESTSHELL" ./no-such-script.sh 2>/dev/null; echo $?
#### syntax error in a script is status 2
printf 'echo a\nif\n' > bad.sh; "$TESTSHELL" bad.sh 2>/dev/null; echo $?
#### -x on the command line
"$TESTSHELL" -x -c 'echo traced' 2>&1
#### -n checks syntax only
"$TESTSHELL" -n -c 'echo never'; echo $?
#### environment reaches a nested shell
V=outer "$TESTSHELL" -c 'echo $V'
#### exported function-local assignment does not leak
f() { V=inner "$TESTSHELL" -c 'echo $V'; }; V=outer; f; echo $V
#### exit status of a nested shell killed by a signal
"$TESTSHELL" -c 'kill -TERM $$'; echo $?
#### ENOEXEC script runs with its arguments
printf 'echo "noshebang $#:$1"\n' > ns; chmod +x ns; ./ns one two
#### command -p finds standard utilities
command -p printf '%s\n' portable
