#### command not found is 127
nosuchcommand; echo $?
#### not executable is 126
echo 'echo x' > f; chmod 644 f; ./f; echo $?
#### directory is 126
./; mkdir d; ./d; echo $?
#### script without shebang runs in a shell
printf 'echo from-script $1\nexit 3\n' > s; chmod +x s; ./s arg; echo $?
#### shebang script
printf '#!/bin/sh\necho shebang $#\n' > s; chmod +x s; ./s a b
#### killed by signal is 128+N
sh -c 'kill -9 $$'; echo $?
#### sh -c with arguments
sh -c 'echo $0 $1 $#' name one two
#### syntax error status
eval 'if then' 2>/dev/null; echo $?
#### syntax error message
echo before; fi
#### unterminated quote
echo "abc
#### missing done
while true; do echo x
#### redirection error on special builtin exits
: < nonexist; echo not-here
#### redirection error on regular builtin
echo a < nonexist; echo st=$?
#### expansion error exits
echo ${x?unset here}; echo never
#### errors keep line numbers
echo 1
echo 2
nosuch
#### bad substitution
echo ${x!}
#### exit status of pipeline with signal
yes | head -n 1; echo $?
#### exit status of negation
! false | false; echo $?
#### return value of assignment with substitution
x=$(exit 4); echo $?; x=1; echo $?
