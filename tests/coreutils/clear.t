# clear against ncurses's clear with the host's terminfo, for the types built in here.
TERM=xterm clear | od -c
TERM=xterm-256color clear | od -c
TERM=xterm-color clear | od -c
TERM=xterm clear -x | od -c
TERM=linux clear | od -c
TERM=linux clear -x | od -c
TERM=vt100 clear | od -c
TERM=vt102 clear | od -c
TERM=vt220 clear | od -c
TERM=screen clear | od -c
TERM=screen-256color clear | od -c
TERM=tmux-256color clear | od -c
TERM=rxvt clear | od -c
TERM=ansi clear | od -c
TERM=cons25 clear | od -c
TERM=sun clear | od -c
TERM=dumb clear | od -c
TERM=dumb clear; echo $?
TERM=dumb clear -T xterm | od -c
TERM=xterm clear -T vt100 | od -c
TERM=xterm clear -x -T linux | od -c
TERM=nosuch clear 2>/dev/null; echo $?
unset TERM; clear 2>/dev/null; echo $?
@status clear -q
clear --help 2>&1 | grep -c '^Usage'
