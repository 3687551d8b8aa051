# echo: run through exec, since the shell has its own
exec echo hello world
exec echo
exec echo -n no newline
exec echo -e 'a\tb\nc'
exec echo -e 'x\cy'
exec echo -e '\0101\x42'
exec echo -E 'a\tb'
exec echo -- -n
exec echo -nx
exec echo -n -e 'a\n'
exec echo 'two  spaces' ' lead'
