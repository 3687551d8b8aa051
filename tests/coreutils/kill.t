# /bin/kill against procps's: lists, translations, signals delivered (the status a shell sees),
# errors. Run through env so that PATH, not the shell's built-in, decides.
env kill -l
env kill -L
env kill -l 9
env kill -l 1
env kill -l 31
env kill -l KILL
env kill -l SIGTERM
env kill -l term
env kill -l hup
env kill --list
env kill --list=9
env kill --table | head -2
env kill -9 -l
sleep 5 & env kill $!; wait $!; echo $?
sleep 5 & env kill -9 $!; wait $!; echo $?
sleep 5 & env kill -KILL $!; wait $!; echo $?
sleep 5 & env kill -SIGKILL $!; wait $!; echo $?
sleep 5 & env kill -s HUP $!; wait $!; echo $?
sleep 5 & env kill -s 15 $!; wait $!; echo $?
sleep 5 & env kill -s usr1 $!; wait $!; echo $?
sleep 5 & env kill --signal USR2 $!; wait $!; echo $?
sleep 5 & env kill --signal=ALRM $!; wait $!; echo $?
sleep 5 & env kill -0 $!; echo $?; env kill $!; wait $!; echo $?
sleep 5 & p=$!; sleep 5 & q=$!; env kill $p $q; wait $p; echo $?; wait $q; echo $?
sleep 5 & env kill -15 -- $!; wait $!; echo $?
env kill 999999; echo $?
@err env kill 999999
env kill -s FOO 1 2>/dev/null; echo $?
env kill -FOO 1 2>/dev/null; echo $?
env kill abc 2>/dev/null; echo $?
@err env kill abc
env kill 2>/dev/null; echo $?
env kill -9 2>/dev/null; echo $?
sleep 5 & env kill 999999 $! 2>/dev/null; echo $?; wait $!; echo $?
# POSIX: kill -l EXIT_STATUS names the signal that ended a process (procps's kill does not)
@expect kill-l-137.out env kill -l 137
@expect kill-l-usr1.out sleep 5 & env kill -USR1 $!; wait $!; env kill -l $?
@status env kill --help
